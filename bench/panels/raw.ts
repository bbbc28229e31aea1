/**
 * The chair's meeting page as one hand-written statement: the meeting, its panel, every agenda
 * item in order with its referral, the person's name, who minuted it, each agency's research and
 * the actions agreed, and the attendance. The floor an API could reach on the same data; the
 * chair sees every item whole, so no access check. Parameter: $1 the meeting.
 */
export const meetingPageSql = `
select m.*, p.name as panel_name, p.kind as panel_kind,
       (select coalesce(json_agg(json_build_object(
                 'id', i.id, 'position', i.position, 'minutes', i.minutes, 'risks', i.risks, 'version', i.version, 'minutedBy', mu.name,
                 'minutedAt', i.minuted_at, 'earlierVersions', (select count(*) from agenda_item_versions v where v.item_id = i.id),
                 'referral', json_build_object('id', r.id, 'recordKind', r.record_kind, 'recordId', r.record_id, 'criteria', r.criteria,
                                               'repeat', r.repeat, 'hasChildren', r.has_children, 'reason', r.reason),
                 'title', coalesce(pr.first_name || ' ' || pr.last_name, c.reference || ': ' || c.title),
                 'research', (select coalesce(json_agg(json_build_object(
                                       'id', x.id, 'organisation', o.name, 'team', t.name, 'author', u.name, 'known', x.known, 'opinion', x.opinion,
                                       'withheld', x.withheld, 'withheldReason', x.withheld_reason, 'updatedAt', x.updated_at, 'version', x.version)
                                     order by o.name), '[]')
                                from agenda_research x join organisations o on o.id = x.organisation_id join teams t on t.id = x.team_id
                                join users u on u.id = x.author_id
                               where x.item_id = i.id),
                 'actions', (select coalesce(json_agg(json_build_object(
                                      'taskId', k.id, 'title', k.title, 'dueOn', k.due_on, 'status', k.status,
                                      'assignee', coalesce(au.name, at.name, ao.name)) order by k.due_on, k.id), '[]')
                               from agenda_actions aa join tasks k on k.id = aa.task_id
                               left join users au on au.id = k.assigned_user_id left join teams at on at.id = k.assigned_team_id
                               left join organisations ao on ao.id = k.assigned_organisation_id
                              where aa.item_id = i.id))
               order by i.position, i.id), '[]')
          from agenda_items i
          join panel_referrals r on r.id = i.referral_id
          left join profiles pr on r.record_kind = 'profile' and pr.id = r.record_id
          left join cases c on r.record_kind = 'case' and c.id = r.record_id
          left join users mu on mu.id = i.minuted_by
         where i.meeting_id = m.id) as agenda,
       (select coalesce(json_agg(json_build_object('organisation', o.name, 'status', a.status, 'attendees', a.attendees,
                                                   'confidentialityAgreed', a.confidentiality_agreed, 'recordedBy', u.name) order by o.name), '[]')
          from meeting_attendance a join organisations o on o.id = a.organisation_id join users u on u.id = a.recorded_by
         where a.meeting_id = m.id) as attendance
  from meetings m join panels p on p.id = m.panel_id
 where m.id = $1`;

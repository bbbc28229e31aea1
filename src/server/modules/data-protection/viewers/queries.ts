import { sql, type SQL } from 'drizzle-orm';
import type { ViewerKind } from '../../../../shared/api/privacy.ts';
import type { Tx } from '../../../db/transaction.ts';

/**
 * The events that say someone looked at a person: views, downloads, exports and lists. Everything
 * else on their record (a change, a share, a refusal of a change) counts as a change.
 */
const viewPattern = '(viewed|downloaded|exported|listed|read|searched|compared)$';

/**
 * Everything audited about the person that the viewers list reads: the profile and what hangs off
 * it by its own id (its safety plan's events name the profile), each with its entity type.
 */
export function entitiesOf(profileId: string | SQL): SQL {
  return sql`
    select 'profile'::text as t, ${profileId}::uuid as id
    union all select 'safety_plan', ${profileId}::uuid
    union all select 'report', r.id from reports r where r.record_kind = 'profile' and r.record_id = ${profileId}
    union all select 'document', d.id from documents d where d.record_kind = 'profile' and d.record_id = ${profileId}
    union all select 'assessment', a.id from assessments a where a.record_kind = 'profile' and a.record_id = ${profileId}
    union all select 'task', k.id from tasks k where k.record_kind = 'profile' and k.record_id = ${profileId}
    union all select 'action', n.id from actions n where n.record_kind = 'profile' and n.record_id = ${profileId}
    union all select 'message', m.id from messages m where m.profile_id = ${profileId}
    union all select 'appointment', p.id from appointments p where p.profile_id = ${profileId}
    union all select 'portal_access', x.id from portal_access x where x.profile_id = ${profileId}
    union all select 'emergency_access', g.id from emergency_accesses g where g.profile_id = ${profileId}
    union all select 'lawful_basis', b.id from profile_lawful_bases b where b.profile_id = ${profileId}
    union all select 'subject_access_request', s.id from subject_access_requests s where s.profile_id = ${profileId}
    union all select 'cardholder', c.id from cardholders c where c.profile_id = ${profileId}
    union all select 'scheme_application', a.id from scheme_applications a where a.profile_id = ${profileId}`;
}

export interface ViewerFilter {
  what: ViewerKind;
  organisationId?: string;
  userId?: string;
  from?: string;
  to?: string;
  /** The seq of the last entry of the previous page. */
  before: number | null;
  limit: number;
}

export type ViewerRow = {
  id: string;
  seq: number;
  at: Date;
  actor_kind: 'user' | 'api_token';
  actor_id: string;
  actor_name: string | null;
  organisation_id: string;
  organisation_name: string;
  team_id: string | null;
  team_name: string | null;
  action: string;
  outcome: 'success' | 'refused' | 'failed';
  entity_type: string;
  entity_id: string;
  reason: string | null;
  emergency: boolean;
};

/**
 * What staff and other organisations' systems did to the person and what is on their record,
 * newest first. Each entity is read through `audit_events_entity_idx` from the cursor down, at
 * most a page from each, and the pages merged: a person with a long history costs one short index
 * range per item, not a sort of all of it. Clients and the system are left out: the question is
 * which agencies' staff looked.
 */
export async function listViewers(tx: Tx, profileId: string, f: ViewerFilter): Promise<ViewerRow[]> {
  const conditions: SQL[] = [sql`e.actor_kind in ('user', 'api_token')`, sql`e.organisation_id is not null`];
  if (f.before !== null) conditions.push(sql`e.seq < ${f.before}`);
  if (f.what === 'views') conditions.push(sql`e.action ~ ${viewPattern}`);
  if (f.what === 'changes') conditions.push(sql`e.action !~ ${viewPattern}`);
  if (f.organisationId) conditions.push(sql`e.organisation_id = ${f.organisationId}`);
  if (f.userId) conditions.push(sql`e.actor_id = ${f.userId}`);
  if (f.from) conditions.push(sql`e.at >= ${f.from}`);
  if (f.to) conditions.push(sql`e.at < ${f.to}`);
  const where = sql.join(conditions, sql` and `);
  const { rows } = await tx.execute<ViewerRow>(sql`
    with entities as (${entitiesOf(profileId)})
    select e.id, e.seq::float8 as seq, e.at, e.actor_kind, e.actor_id, e.actor_name,
           e.organisation_id, o.name as organisation_name, e.team_id, tm.name as team_name,
           e.action, e.outcome, e.entity_type, e.entity_id, v.reason,
           exists (select 1 from emergency_accesses g
                    where g.profile_id = ${profileId} and g.user_id = e.actor_id
                      and e.at >= g.granted_at and e.at <= g.expires_at) as emergency
      from entities
      cross join lateral (
        select * from audit_events e
         where e.entity_type = entities.t and e.entity_id = entities.id and ${where}
         order by e.seq desc
         limit ${f.limit + 1}
      ) e
      join organisations o on o.id = e.organisation_id
      left join teams tm on tm.id = e.team_id
      left join audit_values v on v.event_id = e.id
     order by e.seq desc
     limit ${f.limit + 1}`);
  return rows.map((r) => ({ ...r, seq: Number(r.seq), at: new Date(r.at) }));
}

export type RecentViewerRow = {
  actor_id: string;
  actor_name: string | null;
  at: Date;
};

/** The last people of a team who opened the profile within `days`, latest first, one row each. */
export async function recentTeamViewers(tx: Tx, profileId: string, teamId: string, exceptUserId: string, days: number, limit: number): Promise<RecentViewerRow[]> {
  const { rows } = await tx.execute<RecentViewerRow>(sql`
    select e.actor_id, (array_agg(e.actor_name order by e.seq desc))[1] as actor_name, max(e.at) as at
      from audit_events e
     where e.entity_type = 'profile' and e.entity_id = ${profileId}
       and e.action = 'profile.viewed' and e.outcome = 'success' and e.actor_kind = 'user'
       and e.team_id = ${teamId} and e.actor_id <> ${exceptUserId}
       and e.at > now() - make_interval(days => ${days})
     group by e.actor_id
     order by max(e.at) desc
     limit ${limit}`);
  return rows.map((r) => ({ ...r, at: new Date(r.at) }));
}

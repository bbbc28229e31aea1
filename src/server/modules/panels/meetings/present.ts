import type { AgendaAction, AgendaItem, Attendance, MeetingSummary, MinutesVersion, OpenAction, Research } from '../../../../shared/api/panels.ts';
import { panelRefOf, type LoadedPanel } from '../panel.ts';
import type * as q from './queries.ts';

type Seen = Map<string, { title: string; open: boolean }>;

export function presentMeetingSummary(panel: LoadedPanel, m: q.MeetingRow, items: number): MeetingSummary {
  return {
    id: m.id,
    panelId: m.panelId,
    panel: panelRefOf(panel.row.panel),
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt?.toISOString() ?? null,
    place: m.place,
    onlineLink: m.onlineLink,
    status: m.status,
    closedAt: m.closedAt?.toISOString() ?? null,
    items,
    version: m.version,
  };
}

function presentAction(a: q.ActionRow): AgendaAction {
  const t = a.task;
  const kind = t.assignedUserId ? 'user' : t.assignedTeamId ? 'team' : 'organisation';
  return {
    taskId: t.id,
    title: t.title,
    dueOn: t.dueOn,
    status: t.status,
    overdue: a.overdue,
    assignee: { kind, id: (t.assignedUserId ?? t.assignedTeamId ?? t.assignedOrganisationId)!, name: a.assigneeName },
  };
}

export function presentResearch(r: q.ResearchRow): Research {
  const x = r.research;
  return {
    id: x.id,
    organisation: { id: x.organisationId, name: r.organisationName },
    team: { id: x.teamId, name: r.teamName },
    author: { id: x.authorId, name: r.authorName },
    known: x.known,
    opinion: x.opinion,
    withheld: x.withheld,
    withheldReason: x.withheldReason,
    updatedAt: x.updatedAt.toISOString(),
    version: x.version,
  };
}

/**
 * Whether the reader sees an item whole: they may open its record. Running the panel is not
 * enough: its runners open a record through their team's grant, which may never have been given
 * (a system administrator's team, a referrer without edit) or may have expired.
 */
export const seesWhole = (seen: Seen, recordId: string) => !!seen.get(recordId)?.open;

/** What stands in for the title of an item the reader may not open: nothing about the person. */
const stubTitle = (row: q.AgendaRow) => `Item ${row.item.position}: a ${row.referral.recordKind === 'profile' ? 'person' : 'case'} your organisation cannot open`;

/**
 * An item as its reader sees it. A member who may not open its record sees that it is there,
 * with a neutral title, its criteria and the actions set for them, their team or organisation;
 * never the person, the minutes, the risks or the research.
 */
export function presentItem(row: q.AgendaRow, whole: boolean, title: string | null, actions: q.ActionRow[], research: q.ResearchRow[]): AgendaItem {
  const { item, referral } = row;
  return {
    id: item.id,
    referralId: referral.id,
    subject: { type: referral.recordKind, id: referral.recordId },
    title: whole && title ? title : stubTitle(row),
    restricted: !whole,
    position: item.position,
    repeat: referral.repeat,
    hasChildren: referral.hasChildren,
    criteria: referral.criteria,
    reason: whole ? referral.reason : null,
    ...(whole && item.minutes !== null ? { minutes: item.minutes } : {}),
    ...(whole && item.risks !== null ? { risks: item.risks } : {}),
    minutedBy: whole && item.minutedBy ? { id: item.minutedBy, name: row.minutedByName ?? '' } : null,
    minutedAt: whole ? item.minutedAt?.toISOString() ?? null : null,
    earlierVersions: whole ? row.earlierVersions : 0,
    actions: actions.filter((a) => a.itemId === item.id && (whole || a.mine)).map(presentAction),
    research: whole ? research.filter((r) => r.research.itemId === item.id).map(presentResearch) : [],
    version: item.version,
  };
}

/** Every member organisation, with its attendance where the chair has recorded it; other organisations recorded (observers) after them. */
export function presentAttendance(panel: LoadedPanel, rows: Awaited<ReturnType<typeof q.attendanceOf>>): Attendance[] {
  const recorded = new Map(rows.map((r) => [r.attendance.organisationId, r]));
  const blank = (organisation: { id: string; name: string }): Attendance => ({
    organisation, status: null, attendees: null, confidentialityAgreed: false, recordedBy: null, updatedAt: null,
  });
  const shown = (r: (typeof rows)[number]): Attendance => ({
    organisation: { id: r.attendance.organisationId, name: r.organisationName },
    status: r.attendance.status,
    attendees: r.attendance.attendees,
    confidentialityAgreed: r.attendance.confidentialityAgreed,
    recordedBy: { id: r.attendance.recordedBy, name: r.recordedByName },
    updatedAt: r.attendance.updatedAt.toISOString(),
  });
  const members = panel.members.map((m) => {
    const r = recorded.get(m.id);
    return r ? shown(r) : blank(m);
  });
  const others = rows.filter((r) => !panel.memberOrganisationIds.includes(r.attendance.organisationId)).map(shown);
  return [...members, ...others];
}

export function presentOpenAction(a: q.ActionRow, place: Awaited<ReturnType<typeof q.actionPlaces>>[number], recordTitle: string | null): OpenAction {
  return {
    ...presentAction(a),
    meeting: { id: place.meetingId, startsAt: place.startsAt.toISOString() },
    itemId: place.itemId,
    subject: { type: place.recordKind, id: place.recordId },
    recordTitle,
  };
}

export function presentVersion(v: Awaited<ReturnType<typeof q.versionsOf>>[number]): MinutesVersion {
  return {
    version: v.version.version,
    minutes: v.version.minutes,
    risks: v.version.risks,
    editedBy: { id: v.version.editedBy, name: v.editedByName },
    editedAt: v.version.editedAt.toISOString(),
  };
}

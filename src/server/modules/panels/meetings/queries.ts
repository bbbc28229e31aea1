import { and, asc, desc, eq, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  agendaActions, agendaItems, agendaItemVersions, agendaResearch, meetingAttendance, meetings, organisations, panelReferrals, tasks, teams, users,
} from '../../../db/schema/index.ts';
import type { Tx } from '../../../db/transaction.ts';
import type { Actor } from '../../../platform/access/actor.ts';

export type MeetingRow = typeof meetings.$inferSelect;

export async function getMeeting(tx: Tx, id: string): Promise<MeetingRow | null> {
  const [row] = await tx.select().from(meetings).where(eq(meetings.id, id));
  return row ?? null;
}

export async function insertMeeting(tx: Tx, values: typeof meetings.$inferInsert): Promise<string> {
  const [row] = await tx.insert(meetings).values(values).returning({ id: meetings.id });
  return row!.id;
}

/** Applies a change only if the meeting is still at the version the editor saw (any version when none is given). */
export async function updateMeeting(tx: Tx, id: string, version: number | null, patch: Partial<Pick<MeetingRow, 'startsAt' | 'endsAt' | 'place' | 'onlineLink' | 'status' | 'closedAt'>>): Promise<boolean> {
  const rows = await tx.update(meetings)
    .set({ ...patch, version: sql`${meetings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(meetings.id, id), version === null ? undefined : eq(meetings.version, version)))
    .returning({ id: meetings.id });
  return rows.length > 0;
}

const minuter = alias(users, 'minuter');

/** A meeting's agenda in order, each item with its referral and who minuted it. */
export async function agendaOf(tx: Tx, meetingId: string) {
  return tx
    .select({
      item: agendaItems,
      referral: panelReferrals,
      minutedByName: minuter.name,
      earlierVersions: sql<number>`(select count(*)::int from agenda_item_versions v where v.item_id = agenda_items.id)`,
    })
    .from(agendaItems)
    .innerJoin(panelReferrals, eq(panelReferrals.id, agendaItems.referralId))
    .leftJoin(minuter, eq(minuter.id, agendaItems.minutedBy))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id));
}

export type AgendaRow = Awaited<ReturnType<typeof agendaOf>>[number];

export async function getItem(tx: Tx, meetingId: string, itemId: string): Promise<AgendaRow | null> {
  const rows = await agendaOf(tx, meetingId);
  return rows.find((r) => r.item.id === itemId) ?? null;
}

export async function insertItem(tx: Tx, values: typeof agendaItems.$inferInsert): Promise<string> {
  const [row] = await tx.insert(agendaItems).values(values).returning({ id: agendaItems.id });
  return row!.id;
}

/** Makes room at `position` by moving every later item down one. */
export async function shiftFrom(tx: Tx, meetingId: string, position: number): Promise<void> {
  await tx.update(agendaItems).set({ position: sql`${agendaItems.position} + 1` }).where(and(eq(agendaItems.meetingId, meetingId), sql`${agendaItems.position} >= ${position}`));
}

export async function setPositions(tx: Tx, meetingId: string, itemIds: string[]): Promise<void> {
  for (const [i, id] of itemIds.entries()) {
    await tx.update(agendaItems).set({ position: i + 1 }).where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.id, id)));
  }
}

export async function deleteItem(tx: Tx, itemId: string): Promise<void> {
  await tx.delete(agendaItems).where(eq(agendaItems.id, itemId));
}

export async function itemInUse(tx: Tx, itemId: string): Promise<boolean> {
  const { rows } = await tx.execute<{ used: boolean }>(sql`select exists (select 1 from agenda_actions where item_id = ${itemId})
    or exists (select 1 from agenda_research where item_id = ${itemId})
    or exists (select 1 from agenda_items where id = ${itemId} and (minutes is not null or risks is not null)) as used`);
  return rows[0]?.used ?? false;
}

/**
 * What SafeLives' suggested order needs of each referral: whether its record has actions from
 * the panel's earlier meetings still open, and when the panel last heard it.
 */
export async function orderFacts(tx: Tx, panelId: string, referralIds: string[]) {
  if (referralIds.length === 0) return [];
  return tx
    .select({
      id: panelReferrals.id,
      createdAt: panelReferrals.createdAt,
      hasChildren: panelReferrals.hasChildren,
      outstandingActions: sql<boolean>`exists (select 1 from agenda_actions aa
        join agenda_items ai on ai.id = aa.item_id join meetings m on m.id = ai.meeting_id
        join panel_referrals pr on pr.id = ai.referral_id join tasks t on t.id = aa.task_id
        where m.panel_id = ${panelId} and pr.record_kind = panel_referrals.record_kind and pr.record_id = panel_referrals.record_id
          and t.status in ('open', 'accepted'))`,
      lastHeardAt: sql<string | null>`(select to_char(max(m.starts_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from agenda_items ai
        join meetings m on m.id = ai.meeting_id join panel_referrals pr on pr.id = ai.referral_id
        where m.panel_id = ${panelId} and m.status = 'closed' and pr.record_kind = panel_referrals.record_kind and pr.record_id = panel_referrals.record_id)`,
    })
    .from(panelReferrals)
    .where(inArray(panelReferrals.id, referralIds));
}

export async function waitingReferralIds(tx: Tx, panelId: string): Promise<string[]> {
  const rows = await tx.select({ id: panelReferrals.id }).from(panelReferrals)
    .where(and(eq(panelReferrals.panelId, panelId), eq(panelReferrals.status, 'waiting')))
    .orderBy(panelReferrals.createdAt, panelReferrals.id);
  return rows.map((r) => r.id);
}

/** Keeps the item's wording as it was, then writes the new wording; false on a stale version. */
export async function writeMinutes(tx: Tx, item: AgendaRow['item'], version: number, minutes: { minutes: string; risks: string | null }, by: string): Promise<boolean> {
  const rows = await tx.update(agendaItems)
    .set({ ...minutes, minutedBy: by, minutedAt: new Date(), version: sql`${agendaItems.version} + 1`, updatedAt: new Date() })
    .where(and(eq(agendaItems.id, item.id), eq(agendaItems.version, version)))
    .returning({ id: agendaItems.id });
  if (rows.length === 0) return false;
  if (item.minutedBy && item.minutedAt) {
    await tx.insert(agendaItemVersions).values({ itemId: item.id, version: item.version, minutes: item.minutes, risks: item.risks, editedBy: item.minutedBy, editedAt: item.minutedAt });
  }
  return true;
}

const editor = alias(users, 'editor');

export async function versionsOf(tx: Tx, itemId: string) {
  return tx
    .select({ version: agendaItemVersions, editedByName: editor.name })
    .from(agendaItemVersions)
    .innerJoin(editor, eq(editor.id, agendaItemVersions.editedBy))
    .where(eq(agendaItemVersions.itemId, itemId))
    .orderBy(desc(agendaItemVersions.version));
}

const author = alias(users, 'author');
const authorTeam = alias(teams, 'author_team');

export async function researchOf(tx: Tx, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return tx
    .select({ research: agendaResearch, organisationName: organisations.name, teamName: authorTeam.name, authorName: author.name })
    .from(agendaResearch)
    .innerJoin(organisations, eq(organisations.id, agendaResearch.organisationId))
    .innerJoin(authorTeam, eq(authorTeam.id, agendaResearch.teamId))
    .innerJoin(author, eq(author.id, agendaResearch.authorId))
    .where(inArray(agendaResearch.itemId, itemIds))
    .orderBy(asc(organisations.name));
}

export type ResearchRow = Awaited<ReturnType<typeof researchOf>>[number];

export async function findResearch(tx: Tx, itemId: string, organisationId: string): Promise<ResearchRow | null> {
  const rows = await researchOf(tx, [itemId]);
  return rows.find((r) => r.research.organisationId === organisationId) ?? null;
}

type ResearchValues = Pick<typeof agendaResearch.$inferInsert, 'known' | 'opinion' | 'withheld' | 'withheldReason'>;

export async function insertResearch(tx: Tx, values: typeof agendaResearch.$inferInsert): Promise<boolean> {
  const rows = await tx.insert(agendaResearch).values(values).onConflictDoNothing().returning({ id: agendaResearch.id });
  return rows.length > 0;
}

export async function updateResearch(tx: Tx, id: string, version: number, values: ResearchValues & { teamId: string; authorId: string }): Promise<boolean> {
  const rows = await tx.update(agendaResearch)
    .set({ ...values, version: sql`${agendaResearch.version} + 1`, updatedAt: new Date() })
    .where(and(eq(agendaResearch.id, id), eq(agendaResearch.version, version)))
    .returning({ id: agendaResearch.id });
  return rows.length > 0;
}

const recorder = alias(users, 'recorder');

export async function attendanceOf(tx: Tx, meetingId: string) {
  return tx
    .select({ attendance: meetingAttendance, organisationName: organisations.name, recordedByName: recorder.name })
    .from(meetingAttendance)
    .innerJoin(organisations, eq(organisations.id, meetingAttendance.organisationId))
    .innerJoin(recorder, eq(recorder.id, meetingAttendance.recordedBy))
    .where(eq(meetingAttendance.meetingId, meetingId))
    .orderBy(asc(organisations.name));
}

export async function recordAttendance(tx: Tx, values: typeof meetingAttendance.$inferInsert): Promise<void> {
  const { meetingId: _m, organisationId: _o, ...set } = values;
  await tx.insert(meetingAttendance).values(values)
    .onConflictDoUpdate({ target: [meetingAttendance.meetingId, meetingAttendance.organisationId], set: { ...set, updatedAt: new Date() } });
}

export async function organisationOf(tx: Tx, partnershipId: string, id: string) {
  const [row] = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.partnershipId, partnershipId)));
  return row ?? null;
}

export async function linkAction(tx: Tx, itemId: string, taskId: string): Promise<void> {
  await tx.insert(agendaActions).values({ itemId, taskId });
}

const assignedUser = alias(users, 'assigned_user');
const assignedTeam = alias(teams, 'assigned_team');
const assignedOrganisation = alias(organisations, 'assigned_organisation');

/** Set for the actor, their team or their organisation: what a member sees of an item they may not open. */
const assignedToActor = (actor: Actor): SQL => or(
  eq(tasks.assignedUserId, actor.id),
  eq(tasks.assignedTeamId, actor.teamId),
  eq(tasks.assignedOrganisationId, actor.organisationId),
)!;

const actionColumns = {
  itemId: agendaActions.itemId,
  task: {
    id: tasks.id, title: tasks.title, dueOn: tasks.dueOn, status: tasks.status,
    assignedUserId: tasks.assignedUserId, assignedTeamId: tasks.assignedTeamId, assignedOrganisationId: tasks.assignedOrganisationId,
  },
  assigneeName: sql<string>`coalesce(${assignedUser.name}, ${assignedTeam.name}, ${assignedOrganisation.name})`,
  overdue: sql<boolean>`(${tasks.status} in ('open', 'accepted') and ${tasks.dueOn} < (now() at time zone 'Europe/London')::date)`,
};

function selectActions(tx: Tx, actor: Actor) {
  return tx
    .select({ ...actionColumns, mine: sql<boolean>`${assignedToActor(actor)}` })
    .from(agendaActions)
    .innerJoin(tasks, eq(tasks.id, agendaActions.taskId))
    .leftJoin(assignedUser, eq(assignedUser.id, tasks.assignedUserId))
    .leftJoin(assignedTeam, eq(assignedTeam.id, tasks.assignedTeamId))
    .leftJoin(assignedOrganisation, eq(assignedOrganisation.id, tasks.assignedOrganisationId));
}

export async function actionsOf(tx: Tx, actor: Actor, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return selectActions(tx, actor).where(inArray(agendaActions.itemId, itemIds)).orderBy(asc(tasks.dueOn), asc(tasks.id));
}

export type ActionRow = Awaited<ReturnType<typeof actionsOf>>[number];

/** The actions agreed at the panel's earlier meetings that are still to do, with where they were agreed. */
export async function openActionsBefore(tx: Tx, actor: Actor, meeting: MeetingRow) {
  return selectActions(tx, actor)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaActions.itemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(panelReferrals, eq(panelReferrals.id, agendaItems.referralId))
    .where(and(
      eq(meetings.panelId, meeting.panelId),
      ne(meetings.id, meeting.id),
      lt(meetings.startsAt, meeting.startsAt),
      inArray(tasks.status, ['open', 'accepted']),
    ))
    .orderBy(asc(tasks.dueOn), asc(tasks.id));
}

/** Where each action was agreed: its meeting and its item's record. */
export async function actionPlaces(tx: Tx, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return tx
    .select({ itemId: agendaItems.id, meetingId: meetings.id, startsAt: meetings.startsAt, recordKind: panelReferrals.recordKind, recordId: panelReferrals.recordId })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(panelReferrals, eq(panelReferrals.id, agendaItems.referralId))
    .where(inArray(agendaItems.id, itemIds));
}

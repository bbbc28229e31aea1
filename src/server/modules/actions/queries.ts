import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { RecordKind } from '../../../shared/records.ts';
import type { Role } from '../../../shared/roles.ts';
import { actionRecipients, actions, organisations, teams, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { ofRecordAt, teamCanView } from '../../platform/access/kinds.ts';

/** `today`: not done and due before midnight in London, whether it has gone off yet or not. */
export type ActionState = 'upcoming' | 'due' | 'today' | 'done' | 'all';

/**
 * How the reader names the record an action is on: only when their team can open it, so a
 * recipient whose team has since lost access sees that there is a record but not whose it is.
 */
function recordTitleFor(reader: Actor): SQL<string | null> {
  const recordId = sql`actions.record_id`;
  const readable = (kind: RecordKind) => teamCanView(kind, recordId, sql`${reader.teamId}::uuid`, sql`${reader.organisationId}::uuid`);
  return ofRecordAt(sql`actions.record_kind`, recordId, (k) => k.title, (k) => readable(k.kind));
}

const columns = (reader: Actor) => ({
  id: actions.id,
  partnershipId: actions.partnershipId,
  recordKind: actions.recordKind,
  recordId: actions.recordId,
  recordTitle: recordTitleFor(reader),
  title: actions.title,
  notes: actions.notes,
  dueAt: actions.dueAt,
  createdBy: actions.createdBy,
  createdByName: users.name,
  createdByTeamId: actions.createdByTeamId,
  createdByOrganisationId: actions.createdByOrganisationId,
  remindedAt: actions.remindedAt,
  doneAt: actions.doneAt,
  version: actions.version,
});

export type ActionRow = NonNullable<Awaited<ReturnType<typeof getAction>>>;

export async function getAction(tx: Tx, reader: Actor, id: string) {
  const [row] = await tx.select(columns(reader)).from(actions).innerJoin(users, eq(users.id, actions.createdBy)).where(eq(actions.id, id));
  return row ?? null;
}

const isMine = (reader: Actor) => sql`(actions.created_by = ${reader.id}
  or exists (select 1 from action_recipients r where r.action_id = actions.id and r.user_id = ${reader.id}))`;

const stateFilter: Record<ActionState, SQL | undefined> = {
  upcoming: sql`actions.done_at is null and actions.due_at > now()`,
  due: sql`actions.done_at is null and actions.due_at <= now()`,
  today: sql`actions.done_at is null and actions.due_at < (((now() at time zone 'Europe/London')::date + 1)::timestamp at time zone 'Europe/London')`,
  done: sql`actions.done_at is not null`,
  all: undefined,
};

/** Reminders the reader set or was given, soonest first (done ones latest first), by keyset; `after` is checked before it reaches the casts. */
export async function listActions(tx: Tx, reader: Actor, state: ActionState, limit: number, after: { dueAt: string; id: string } | null) {
  const newestFirst = state === 'done';
  const keyset = after
    ? newestFirst
      ? sql`(actions.due_at, actions.id) < (${after.dueAt}::timestamptz, ${after.id}::uuid)`
      : sql`(actions.due_at, actions.id) > (${after.dueAt}::timestamptz, ${after.id}::uuid)`
    : undefined;
  return tx
    .select(columns(reader))
    .from(actions)
    .innerJoin(users, eq(users.id, actions.createdBy))
    .where(and(eq(actions.partnershipId, reader.partnershipId), isMine(reader), stateFilter[state], keyset))
    .orderBy(...(newestFirst ? [sql`actions.due_at desc`, sql`actions.id desc`] : [sql`actions.due_at asc`, sql`actions.id asc`]))
    .limit(limit + 1);
}

/** Each action's recipients, by name. */
export async function recipientsOf(tx: Tx, actionIds: string[]) {
  if (actionIds.length === 0) return [];
  return tx
    .select({ actionId: actionRecipients.actionId, id: users.id, name: users.name })
    .from(actionRecipients)
    .innerJoin(users, eq(users.id, actionRecipients.userId))
    .where(inArray(actionRecipients.actionId, actionIds))
    .orderBy(asc(users.name));
}

/** The enabled members of a team, who may be given a reminder by a colleague. */
export async function teamMembers(tx: Tx, teamId: string) {
  return tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.teamId, teamId), isNull(users.disabledAt)))
    .orderBy(asc(users.name), asc(users.id));
}

export type NewAction = typeof actions.$inferInsert;

export async function insertAction(tx: Tx, values: NewAction): Promise<string> {
  const [row] = await tx.insert(actions).values(values).returning({ id: actions.id });
  return row!.id;
}

export async function replaceRecipients(tx: Tx, actionId: string, userIds: string[]) {
  await tx.delete(actionRecipients).where(eq(actionRecipients.actionId, actionId));
  if (userIds.length > 0) await tx.insert(actionRecipients).values(userIds.map((userId) => ({ actionId, userId })));
}

export interface ActionPatch {
  title?: string;
  notes?: string | null;
  dueAt?: Date;
  remindedAt?: null;
  doneAt?: Date;
}

/** Applies a change only if the action is still at the version the person saw. */
export async function updateAction(tx: Tx, id: string, version: number, patch: ActionPatch): Promise<boolean> {
  const rows = await tx
    .update(actions)
    .set({ ...patch, version: sql`${actions.version} + 1`, updatedAt: new Date() })
    .where(and(eq(actions.id, id), eq(actions.version, version)))
    .returning({ id: actions.id });
  return rows.length === 1;
}

/**
 * Claims reminders that have fallen due and not yet gone out, marking them sent in the same
 * statement. SKIP LOCKED lets several server instances sweep at once without sending one twice.
 */
export async function claimDueActions(tx: Tx, now: Date, limit: number) {
  const { rows } = await tx.execute<{ id: string; due_at: string | Date; record_kind: RecordKind | null; record_id: string | null; created_by: string; created_by_team_id: string; created_by_organisation_id: string }>(sql`
    update actions set reminded_at = ${now.toISOString()}::timestamptz
     where id in (select id from actions
                   where due_at <= ${now.toISOString()}::timestamptz and reminded_at is null and done_at is null
                   order by due_at
                   limit ${limit}
                   for update skip locked)
    returning id, due_at, record_kind, record_id, created_by, created_by_team_id, created_by_organisation_id`);
  return rows.map((r) => ({ id: r.id, dueAt: new Date(r.due_at), recordKind: r.record_kind, recordId: r.record_id, createdBy: r.created_by,
    createdByTeamId: r.created_by_team_id, createdByOrganisationId: r.created_by_organisation_id,
  }));
}

/** The person who set a reminder, as the actor on whose behalf it goes off. */
export async function personOf(tx: Tx, userId: string) {
  const [row] = await tx
    .select({
      id: users.id, name: users.name, role: users.role, isSupervisor: users.isSupervisor,
      teamId: users.teamId, organisationId: teams.organisationId, partnershipId: organisations.partnershipId,
    })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(eq(users.id, userId));
  return row ? { ...row, role: row.role as Role } : null;
}

import { and, asc, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { RecordKind } from '../../../shared/records.ts';
import type { TaskStatus, TaskUpdateKind } from '../../../shared/work.ts';
import { actionPlans, organisations, taskUpdates, taskWatchers, tasks, teams, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { CheckedRecord } from '../../platform/access/check.ts';
import { allKinds, ofRecordAt, teamCanView } from '../../platform/access/kinds.ts';
import { isTaskParty, supervisesAssignee } from '../../platform/access/tasks.ts';

// Written with table names: Drizzle leaves an outer column unqualified inside a subquery.
const recordId = sql`tasks.record_id`;

const readerCanOpen = (actor: Actor, kind: RecordKind) => teamCanView(kind, recordId, sql`${actor.teamId}::uuid`, sql`${actor.organisationId}::uuid`);

/** Whether the actor's team (or organisation) can open the record a task is on. */
function actorCanOpen(actor: Actor, kind: RecordKind): SQL {
  return sql`(tasks.record_kind = ${kind} and ${readerCanOpen(actor, kind)})`;
}

const onViewableRecord = (actor: Actor): SQL => sql`(${sql.join(allKinds.map((k) => actorCanOpen(actor, k.kind)), sql` or `)})`;

/**
 * Who may see a task: its parties (the tasker and their team, the assignee and, for a team or
 * organisation, its members, whoever took it on) and, when it is on a record, everyone who can
 * open that record. Watching a task on a record lasts only while the watcher can open the record,
 * so losing access to a person ends reading about them; a standalone task's watchers always see
 * it. The list and the single read share this one predicate.
 */
export function visibleTo(actor: Actor): SQL {
  return sql`(${isTaskParty(actor)}
    or (tasks.record_id is null and exists (select 1 from task_watchers w where w.task_id = tasks.id and w.user_id = ${actor.id}))
    or ${onViewableRecord(actor)})`;
}

/** The record's name, only for a reader who can open it. */
const recordTitle = (actor: Actor) => ofRecordAt(sql`tasks.record_kind`, recordId, (k) => k.title, (k) => readerCanOpen(actor, k.kind));

/** Due before today in London, and still to do. */
export const overdueSql = sql<boolean>`(tasks.status in ('open', 'accepted') and tasks.due_on < (now() at time zone 'Europe/London')::date)`;

const setter = alias(users, 'setter');
const setterTeam = alias(teams, 'setter_team');
const acceptor = alias(users, 'acceptor');
const assignedUser = alias(users, 'assigned_user');
const assignedTeam = alias(teams, 'assigned_team');
const assignedTeamOrganisation = alias(organisations, 'assigned_team_organisation');
const assignedOrganisation = alias(organisations, 'assigned_organisation');

const columns = (actor: Actor) => ({
  task: tasks,
  setByName: setter.name,
  setByTeamName: setterTeam.name,
  acceptedByName: acceptor.name,
  assignedUserName: assignedUser.name,
  assignedTeamName: assignedTeam.name,
  assignedTeamOrganisationName: assignedTeamOrganisation.name,
  assignedOrganisationName: assignedOrganisation.name,
  actionPlanTitle: actionPlans.title,
  recordTitle: recordTitle(actor),
  overdue: overdueSql,
  visible: sql<boolean>`${visibleTo(actor)}`,
  supervised: sql<boolean>`${supervisesAssignee(actor)}`,
  watching: sql<boolean>`exists (select 1 from task_watchers w where w.task_id = tasks.id and w.user_id = ${actor.id})`,
});

function selectTasks(tx: Tx, actor: Actor) {
  return tx.select(columns(actor))
    .from(tasks)
    .innerJoin(setter, eq(setter.id, tasks.setBy))
    .innerJoin(setterTeam, eq(setterTeam.id, tasks.setByTeamId))
    .leftJoin(acceptor, eq(acceptor.id, tasks.acceptedBy))
    .leftJoin(assignedUser, eq(assignedUser.id, tasks.assignedUserId))
    .leftJoin(assignedTeam, eq(assignedTeam.id, tasks.assignedTeamId))
    .leftJoin(assignedTeamOrganisation, eq(assignedTeamOrganisation.id, assignedTeam.organisationId))
    .leftJoin(assignedOrganisation, eq(assignedOrganisation.id, tasks.assignedOrganisationId))
    .leftJoin(actionPlans, eq(actionPlans.id, tasks.actionPlanId));
}

/** A task of the actor's partnership, with whether the actor may see it; null outside the partnership. */
export async function getTask(tx: Tx, actor: Actor, id: string) {
  const [row] = await selectTasks(tx, actor).where(and(eq(tasks.id, id), eq(tasks.partnershipId, actor.partnershipId)));
  return row ?? null;
}

export type Row = NonNullable<Awaited<ReturnType<typeof getTask>>>;

const stateIs: Record<'todo' | 'done' | 'all', SQL | undefined> = {
  todo: inArray(tasks.status, ['open', 'accepted']),
  done: inArray(tasks.status, ['completed', 'declined', 'cancelled']),
  all: undefined,
};

export interface ListFilter {
  where: SQL;
  state: 'todo' | 'done' | 'all';
  overdue?: boolean | undefined;
  /** The due date and id of the last task shown, already checked as a date and a uuid. */
  cursor: [string, string] | null;
  limit: number;
}

/** Tasks by due date, then id, after the cursor; always only those the actor may see. */
export async function listTasks(tx: Tx, actor: Actor, filter: ListFilter) {
  const [dueOn, id] = filter.cursor ?? [];
  return selectTasks(tx, actor)
    .where(and(
      eq(tasks.partnershipId, actor.partnershipId),
      visibleTo(actor),
      filter.where,
      stateIs[filter.state],
      filter.overdue === undefined ? undefined : filter.overdue ? overdueSql : sql`not ${overdueSql}`,
      dueOn && id ? or(gt(tasks.dueOn, dueOn), and(eq(tasks.dueOn, dueOn), gt(tasks.id, id))) : undefined,
    ))
    .orderBy(asc(tasks.dueOn), asc(tasks.id))
    .limit(filter.limit + 1);
}

export const views = {
  mine: (actor: Actor) => or(eq(tasks.assignedUserId, actor.id), eq(tasks.acceptedBy, actor.id))!,
  team: (actor: Actor) => or(eq(tasks.assignedTeamId, actor.teamId), eq(tasks.assignedOrganisationId, actor.organisationId))!,
  set: (actor: Actor) => eq(tasks.setBy, actor.id),
  watching: (actor: Actor) => sql`exists (select 1 from task_watchers w where w.task_id = tasks.id and w.user_id = ${actor.id})`,
};

/** Set for the team or one of its officers, or taken on by one. */
export const ofTeam = (teamId: string) =>
  sql`(tasks.assigned_team_id = ${teamId} or exists (select 1 from users m where m.id in (tasks.assigned_user_id, tasks.accepted_by) and m.team_id = ${teamId}))`;

export const onRecord = (record: CheckedRecord) => and(eq(tasks.recordKind, record.kind), eq(tasks.recordId, record.id))!;

export async function tasksOfPlans(tx: Tx, actor: Actor, planIds: string[]) {
  if (planIds.length === 0) return [];
  return selectTasks(tx, actor).where(inArray(tasks.actionPlanId, planIds)).orderBy(asc(tasks.dueOn), asc(tasks.id));
}

export async function updatesOf(tx: Tx, taskId: string) {
  return tx
    .select({ id: taskUpdates.id, kind: taskUpdates.kind, note: taskUpdates.note, authorId: users.id, authorName: users.name, teamId: teams.id, teamName: teams.name, at: taskUpdates.createdAt })
    .from(taskUpdates)
    .innerJoin(users, eq(users.id, taskUpdates.authorId))
    .innerJoin(teams, eq(teams.id, taskUpdates.authorTeamId))
    .where(eq(taskUpdates.taskId, taskId))
    .orderBy(asc(taskUpdates.createdAt), asc(taskUpdates.id));
}

export async function watchersOf(tx: Tx, taskId: string) {
  return tx
    .select({ id: users.id, name: users.name })
    .from(taskWatchers)
    .innerJoin(users, eq(users.id, taskWatchers.userId))
    .where(eq(taskWatchers.taskId, taskId))
    .orderBy(asc(users.name));
}

export type NewTask = typeof tasks.$inferInsert;

export async function insertTask(tx: Tx, values: NewTask): Promise<string> {
  const [row] = await tx.insert(tasks).values(values).returning({ id: tasks.id });
  return row!.id;
}

export type TaskPatch = Partial<Pick<NewTask,
  'title' | 'description' | 'priority' | 'dueOn' | 'assignedUserId' | 'assignedTeamId' | 'assignedOrganisationId' | 'status'
  | 'acceptedBy' | 'declineReason' | 'result' | 'completedAt' | 'actionPlanId' | 'overdueNotifiedAt'>>;

/** Applies a change only if the task is still at the version the person saw. */
export async function updateTask(tx: Tx, id: string, version: number, patch: TaskPatch): Promise<boolean> {
  const rows = await tx
    .update(tasks)
    .set({ ...patch, version: sql`${tasks.version} + 1`, updatedAt: new Date() })
    .where(and(eq(tasks.id, id), eq(tasks.version, version)))
    .returning({ id: tasks.id });
  return rows.length > 0;
}

/** A progress note changes no state, so it leaves the version alone; lists still show the task as recently changed. */
export async function touchTask(tx: Tx, id: string): Promise<void> {
  await tx.update(tasks).set({ updatedAt: new Date() }).where(eq(tasks.id, id));
}

export async function insertUpdate(tx: Tx, values: { taskId: string; kind: TaskUpdateKind; note: string | null; author: Actor }): Promise<void> {
  await tx.insert(taskUpdates).values({
    taskId: values.taskId,
    kind: values.kind,
    note: values.note,
    authorId: values.author.id,
    authorTeamId: values.author.teamId,
    authorOrganisationId: values.author.organisationId,
  });
}

export async function addWatchers(tx: Tx, taskId: string, userIds: string[]): Promise<number> {
  if (userIds.length === 0) return 0;
  const rows = await tx.insert(taskWatchers).values(userIds.map((userId) => ({ taskId, userId }))).onConflictDoNothing().returning({ userId: taskWatchers.userId });
  return rows.length;
}

export async function removeWatcher(tx: Tx, taskId: string, userId: string): Promise<boolean> {
  const rows = await tx.delete(taskWatchers).where(and(eq(taskWatchers.taskId, taskId), eq(taskWatchers.userId, userId))).returning({ userId: taskWatchers.userId });
  return rows.length > 0;
}

export async function watcherIds(tx: Tx, taskId: string): Promise<string[]> {
  return (await tx.select({ userId: taskWatchers.userId }).from(taskWatchers).where(eq(taskWatchers.taskId, taskId))).map((r) => r.userId);
}

/** Enabled people of the partnership among those named; the rest cannot be given or watch a task. */
export async function partnershipUsers(tx: Tx, partnershipId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return tx
    .select({ id: users.id, name: users.name, disabled: sql<boolean>`${users.disabledAt} is not null` })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(and(inArray(users.id, userIds), eq(organisations.partnershipId, partnershipId)));
}

export async function findTeam(tx: Tx, partnershipId: string, teamId: string) {
  const [row] = await tx
    .select({ id: teams.id })
    .from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(and(eq(teams.id, teamId), eq(organisations.partnershipId, partnershipId)));
  return row ?? null;
}

export async function teamName(tx: Tx, teamId: string): Promise<string> {
  const [row] = await tx.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId));
  return row?.name ?? '';
}

export async function findOrganisation(tx: Tx, partnershipId: string, organisationId: string) {
  const [row] = await tx.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, organisationId), eq(organisations.partnershipId, partnershipId)));
  return row ?? null;
}

/**
 * Who has to be able to open a record for the assignee of a task on it to follow the task there:
 * a person's team, a team, or a whole organisation (through a grant to all of it, as every one of
 * its members is given the task); with whether they can now, and names to show. The assignee
 * has already been found in the partnership.
 */
export async function assigneeAccess(tx: Tx, kind: RecordKind, recordId: string, a: { userId: string } | { teamId: string } | { organisationId: string }) {
  const record = sql`${recordId}::uuid`;
  if ('organisationId' in a) {
    const [row] = await tx
      .select({ organisationId: organisations.id, name: organisations.name, canOpen: sql<boolean>`${teamCanView(kind, record, sql`null::uuid`, sql`organisations.id`)}` })
      .from(organisations)
      .where(eq(organisations.id, a.organisationId));
    return { kind: 'organisation' as const, id: row!.organisationId, teamId: null, organisationId: row!.organisationId, name: row!.name, canOpen: row!.canOpen };
  }
  const team = 'userId' in a ? inArray(teams.id, tx.select({ teamId: users.teamId }).from(users).where(eq(users.id, a.userId))) : eq(teams.id, a.teamId);
  const [row] = await tx
    .select({ teamId: teams.id, teamName: teams.name, organisationId: organisations.id, organisationName: organisations.name, canOpen: sql<boolean>`${teamCanView(kind, record, sql`teams.id`, sql`organisations.id`)}` })
    .from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(team);
  return { kind: 'team' as const, id: row!.teamId, teamId: row!.teamId, organisationId: row!.organisationId, name: `${row!.teamName} (${row!.organisationName})`, canOpen: row!.canOpen };
}

/** The enabled members of a team, or of every team of an organisation. */
export async function membersOf(tx: Tx, group: { teamId: string } | { organisationId: string }): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(and(isNull(users.disabledAt), 'teamId' in group ? eq(users.teamId, group.teamId) : eq(teams.organisationId, group.organisationId)));
  return rows.map((r) => r.id);
}

// Action plans.

export async function insertPlan(tx: Tx, values: typeof actionPlans.$inferInsert): Promise<string> {
  const [row] = await tx.insert(actionPlans).values(values).returning({ id: actionPlans.id });
  return row!.id;
}

const planColumns = {
  id: actionPlans.id,
  partnershipId: actionPlans.partnershipId,
  caseId: actionPlans.caseId,
  title: actionPlans.title,
  createdById: users.id,
  createdByName: users.name,
  createdAt: actionPlans.createdAt,
  version: actionPlans.version,
};

export async function getPlan(tx: Tx, partnershipId: string, id: string) {
  const [row] = await tx.select(planColumns).from(actionPlans).innerJoin(users, eq(users.id, actionPlans.createdBy))
    .where(and(eq(actionPlans.id, id), eq(actionPlans.partnershipId, partnershipId)));
  return row ?? null;
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof getPlan>>>;

export async function plansOfCase(tx: Tx, caseId: string) {
  return tx.select(planColumns).from(actionPlans).innerJoin(users, eq(users.id, actionPlans.createdBy))
    .where(eq(actionPlans.caseId, caseId))
    .orderBy(asc(actionPlans.createdAt), asc(actionPlans.id));
}

export async function updatePlan(tx: Tx, id: string, version: number, title: string): Promise<boolean> {
  const rows = await tx
    .update(actionPlans)
    .set({ title, version: sql`${actionPlans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(actionPlans.id, id), eq(actionPlans.version, version)))
    .returning({ id: actionPlans.id });
  return rows.length > 0;
}

// The overdue sweep.

/**
 * Marks tasks that fell overdue and not yet told, and returns them: a batch at a time, skipping
 * rows another instance is already sweeping, so each is told once.
 */
export async function claimOverdue(tx: Tx, batch: number) {
  const { rows } = await tx.execute<{
    id: string; partnership_id: string; set_by: string; set_by_team_id: string; accepted_by: string | null; due_on: string;
    assigned_user_id: string | null; assigned_team_id: string | null; assigned_organisation_id: string | null;
    record_kind: RecordKind | null; record_id: string | null; status: TaskStatus;
  }>(sql`
    update tasks set overdue_notified_at = now()
     where id in (select id from tasks
                   where status in ('open', 'accepted') and overdue_notified_at is null
                     and due_on < (now() at time zone 'Europe/London')::date
                   order by due_on limit ${batch} for update skip locked)
    returning id, partnership_id, set_by, set_by_team_id, accepted_by, due_on::text as due_on, assigned_user_id, assigned_team_id,
              assigned_organisation_id, record_kind, record_id, status`);
  return rows;
}

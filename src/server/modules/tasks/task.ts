import type { PersonSafety } from '../../../shared/api/profiles.ts';
import type { Task, TaskSummary } from '../../../shared/api/tasks.ts';
import { taskStatusLabels, type TaskStatus } from '../../../shared/work.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { mayEverEdit } from '../../platform/access/records.ts';
import type { Context } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, staleVersion } from '../../platform/errors.ts';
import { safetyOf } from '../profiles/safety.ts';
import * as q from './queries.ts';

export type TaskRow = q.Row;

/** The audit subject of a task: the tasker's team, whose administrators see what was done with it. */
export const subjectOf = (row: TaskRow) => ({
  entityType: 'task' as const,
  entityId: row.task.id,
  subjectOrganisationId: row.task.setByOrganisationId,
  subjectTeamId: row.task.setByTeamId,
});

/**
 * The subject of reading a record's tasks: its owners' administrators see it, but it names no
 * entity, so the record's own history (the changes made to it) does not fill with reads.
 */
export const listingSubject = (record: { ownerOrganisationId: string; ownerTeamId: string }) => ({
  subjectOrganisationId: record.ownerOrganisationId,
  subjectTeamId: record.ownerTeamId,
});

/** A task the actor may see: 404 outside the partnership, 403 (recorded) to others in it. */
export async function loadTask(ctx: Context, id: string): Promise<TaskRow> {
  const row = await q.getTask(ctx.tx, ctx.actor, id);
  if (!row) throw new NotFoundError('task');
  if (!row.visible) {
    ctx.refuse({ action: 'access.refused', ...subjectOf(row), details: { why: 'not a party to the task and cannot open its record' } });
    throw new ForbiddenError('This task is not yours, your team\'s, or on a record you can open.', 'no_access');
  }
  return row;
}

export async function reload(ctx: Context, id: string): Promise<TaskRow> {
  return (await q.getTask(ctx.tx, ctx.actor, id))!;
}

const isAssignee = (actor: Actor, t: TaskRow['task']) =>
  t.assignedUserId === actor.id || t.assignedTeamId === actor.teamId || t.assignedOrganisationId === actor.organisationId;

const isDoer = (actor: Actor, t: TaskRow['task']) => t.acceptedBy === actor.id || t.assignedUserId === actor.id;

/** What the actor may do with the task now; each use case checks the same rule. */
export function permissionsOf(actor: Actor, row: TaskRow): Task['permissions'] {
  const t = row.task;
  const writer = mayEverEdit(actor);
  const tasker = t.setBy === actor.id;
  const doer = isDoer(actor, t);
  const live = t.status === 'open' || t.status === 'accepted' || t.status === 'declined';
  return {
    canAccept: writer && t.status === 'open' && isAssignee(actor, t),
    canDecline: writer && t.status === 'open' && isAssignee(actor, t),
    canAddProgress: writer && ((t.status === 'accepted' && doer) || (tasker && live)),
    canComplete: writer && t.status === 'accepted' && doer,
    canChange: writer && tasker && live,
    canReassign: writer && live && (tasker || row.supervised),
  };
}

/** Refuses a step the actor may not take, recording the refusal. */
export function require(ctx: Context, row: TaskRow, allowed: boolean, message: string): void {
  if (allowed) return;
  ctx.refuse({ action: 'access.refused', ...subjectOf(row), details: { why: message } });
  throw new ForbiddenError(message);
}

type Step = 'accept' | 'decline' | 'complete';

const steps: Record<Step, { from: TaskStatus; party: (actor: Actor, t: TaskRow['task']) => boolean; who: string; done: string }> = {
  accept: { from: 'open', party: isAssignee, who: 'Only the person, team or organisation the task is set for can accept it.', done: 'accepted' },
  decline: { from: 'open', party: isAssignee, who: 'Only the person, team or organisation the task is set for can decline it.', done: 'declined' },
  complete: { from: 'accepted', party: isDoer, who: 'Only the person doing the task can complete it.', done: 'completed' },
};

/**
 * Refuses a step the actor may never take on this task (403, recorded), and one its status does
 * not allow now (409 with the task as it is): someone else took it on or finished it first, or
 * the caller repeated the step. The same rule as `permissionsOf`, split by why.
 */
export async function requireStep(ctx: Context, row: TaskRow, step: Step): Promise<void> {
  const rule = steps[step];
  require(ctx, row, mayEverEdit(ctx.actor) && rule.party(ctx.actor, row.task), rule.who);
  if (row.task.status === rule.from) return;
  const now = taskStatusLabels[row.task.status].toLowerCase();
  throw new ConflictError(
    `This task is ${now}; it can be ${rule.done} only while it is ${taskStatusLabels[rule.from].toLowerCase()}.`,
    'conflict',
    [await presentTask(ctx, row)],
  );
}

function assigneeOf(row: TaskRow): TaskSummary['assignee'] {
  const t = row.task;
  if (t.assignedUserId) return { kind: 'user', id: t.assignedUserId, name: row.assignedUserName ?? '' };
  if (t.assignedTeamId) return { kind: 'team', id: t.assignedTeamId, name: `${row.assignedTeamName ?? ''} (${row.assignedTeamOrganisationName ?? ''})` };
  return { kind: 'organisation', id: t.assignedOrganisationId!, name: row.assignedOrganisationName ?? '' };
}

/**
 * The safety line of the people the tasks are on, for those the reader may open: one statement
 * for a whole list, none when no task is on a person.
 */
export async function subjectSafety(ctx: Context, rows: TaskRow[]): Promise<Map<string, PersonSafety>> {
  return safetyOf(ctx, rows.flatMap(({ task: t }) => (t.recordKind === 'profile' && t.recordId ? [t.recordId] : [])));
}

/** `safety` is what `subjectSafety` gave for the rows being shown. */
export function presentSummary(row: TaskRow, safety: ReadonlyMap<string, PersonSafety>): TaskSummary {
  const t = row.task;
  return {
    id: t.id,
    title: t.title,
    priority: t.priority,
    dueOn: t.dueOn,
    status: t.status,
    overdue: row.overdue,
    assignee: assigneeOf(row),
    acceptedBy: t.acceptedBy ? { id: t.acceptedBy, name: row.acceptedByName ?? '' } : null,
    setBy: { id: t.setBy, name: row.setByName },
    setByTeam: { id: t.setByTeamId, name: row.setByTeamName },
    record: t.recordKind && t.recordId ? { kind: t.recordKind, id: t.recordId, title: row.recordTitle, safety: safety.get(t.recordId) ?? null } : null,
    actionPlan: t.actionPlanId ? { id: t.actionPlanId, name: row.actionPlanTitle ?? '' } : null,
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
  };
}

export async function presentTask(ctx: Context, row: TaskRow): Promise<Task> {
  const t = row.task;
  const updates = await q.updatesOf(ctx.tx, t.id);
  const watchers = await q.watchersOf(ctx.tx, t.id);
  return {
    ...presentSummary(row, await subjectSafety(ctx, [row])),
    description: t.description,
    declineReason: t.declineReason,
    result: t.result,
    completedAt: t.completedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    updates: updates.map((u) => ({
      id: u.id,
      kind: u.kind,
      note: u.note,
      author: { id: u.authorId, name: u.authorName },
      team: { id: u.teamId, name: u.teamName },
      at: u.at.toISOString(),
    })),
    watchers,
    watching: row.watching,
    permissions: permissionsOf(ctx.actor, row),
  };
}

/** Applies a state change at the version the person saw, or refuses with the task as it is now. */
export async function applyChange(ctx: Context, row: TaskRow, version: number, patch: q.TaskPatch): Promise<void> {
  if (!(await q.updateTask(ctx.tx, row.task.id, version, patch))) throw staleVersion(await presentTask(ctx, await reload(ctx, row.task.id)));
}

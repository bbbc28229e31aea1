import type { z } from 'zod';
import { dueOnProblem, type createTaskBody, type recordTaskListQuery, type Task, type taskListQuery } from '../../../shared/api/tasks.ts';
import type { RecordKind } from '../../../shared/records.ts';
import type { Context } from '../../platform/context.ts';
import { decodeCheckedCursor, isIsoDate, isUuid, pageOf } from '../../platform/cursor.ts';
import { ValidationError } from '../../platform/errors.ts';
import { londonToday } from '../../platform/london.ts';
import { contributableRecord, viewableRecord, type SharedRecord } from '../sharing/record-access.ts';
import { announce } from './announce.ts';
import { letAssigneeOpen } from './assignee-access.ts';
import { checkWatchers, resolveAssignee, resolvePlan, type Assignee } from './inputs.ts';
import * as q from './queries.ts';
import { listingSubject, loadTask, permissionsOf, presentSummary, presentTask, reload, subjectOf, subjectSafety } from './task.ts';

const summaryKey = (row: q.Row) => [row.task.dueOn, row.task.id];

type NewTask = z.infer<typeof createTaskBody>;

interface Prepared { assignee: Assignee; watchers: string[]; record: SharedRecord | null; actionPlanId: string | null }

async function prepare(ctx: Context, body: NewTask): Promise<Prepared> {
  const assignee = await resolveAssignee(ctx, body.assignee);
  const watchers = await checkWatchers(ctx, body.watcherIds);
  let record: SharedRecord | null = body.record ? await contributableRecord(ctx, body.record.kind, body.record.id) : null;
  let actionPlanId: string | null = null;
  if (body.actionPlanId) ({ planId: actionPlanId, record } = await resolvePlan(ctx, body.actionPlanId, record));
  return { assignee, watchers, record, actionPlanId };
}

async function insert(ctx: Context, body: NewTask, { assignee, watchers, record, actionPlanId }: Prepared, backdatedReason: string | null): Promise<Task> {
  const id = await q.insertTask(ctx.tx, {
    partnershipId: ctx.actor.partnershipId,
    recordKind: record?.kind ?? null,
    recordId: record?.id ?? null,
    actionPlanId,
    title: body.title,
    description: body.description ?? null,
    priority: body.priority,
    dueOn: body.dueOn,
    ...assignee,
    setBy: ctx.actor.id,
    setByTeamId: ctx.actor.teamId,
    setByOrganisationId: ctx.actor.organisationId,
  });
  await q.insertUpdate(ctx.tx, { taskId: id, kind: 'set', note: null, author: ctx.actor });
  ctx.hook('task.assigned', id);
  await q.addWatchers(ctx.tx, id, watchers);
  const row = await reload(ctx, id);
  ctx.audit({
    action: 'task.set',
    ...subjectOf(row),
    reason: backdatedReason,
    details: { record: record ? { kind: record.kind, id: record.id } : null, assignee: body.assignee, dueOn: body.dueOn, priority: body.priority, actionPlanId, watcherIds: watchers },
  });
  await announce(ctx, row, 'set');
  return presentTask(ctx, row);
}

/**
 * Sets a task for a person, team or organisation, on a record or standalone, and tells them: the
 * tasker's request through the API. Two checks run only for a caller that takes part in them, as
 * the web form always does; one that does not, as `POST /tasks` was first published, sets the
 * task as before. A date in the past needs its reason (`backdatedReason`, null for none), which
 * the audit trail keeps; an assignee who cannot open the record is asked about
 * (`shareWithAssignee`), else they see the record as a stub.
 */
export async function setTask(ctx: Context, body: NewTask): Promise<Task> {
  const today = londonToday();
  const problem = body.backdatedReason === undefined ? null : dueOnProblem(body.dueOn, body.backdatedReason, today);
  if (problem) throw new ValidationError([{ field: 'dueOn', problem }]);
  const prepared = await prepare(ctx, body);
  if (prepared.record && body.shareWithAssignee !== undefined) await letAssigneeOpen(ctx, prepared.record, body.assignee, body.shareWithAssignee);
  return insert(ctx, body, prepared, body.dueOn < today ? body.backdatedReason ?? null : null);
}

/**
 * A task another module sets on its own account, without the tasker's checks of `setTask`: an
 * assessment's information request asks an agency what its own records hold, whether or not it
 * can open the record the assessment is on.
 */
export async function createTask(ctx: Context, body: NewTask): Promise<Task> {
  return insert(ctx, body, await prepare(ctx, body), null);
}

export async function getTask(ctx: Context, id: string): Promise<Task> {
  const row = await loadTask(ctx, id);
  ctx.audit({ action: 'task.viewed', ...subjectOf(row) });
  return presentTask(ctx, row);
}

/**
 * A page of one of the actor's task lists, not audited: the caller records the read, once for
 * everything it shows (the home page's panels).
 */
export async function findTasks(ctx: Context, query: z.infer<typeof taskListQuery>) {
  const rows = await q.listTasks(ctx.tx, ctx.actor, {
    where: q.views[query.view](ctx.actor),
    state: query.state,
    overdue: query.overdue,
    cursor: decodeCheckedCursor(query.cursor, isIsoDate, isUuid),
    limit: query.limit,
  });
  const safety = await subjectSafety(ctx, rows);
  return pageOf(rows, query.limit, (r) => presentSummary(r, safety), summaryKey);
}

/**
 * A team's overdue tasks, set for it or its officers or taken on by one, soonest due first, as far
 * as the actor may see them; not audited: the supervisor's view records the read.
 */
export async function overdueTasksOfTeam(ctx: Context, teamId: string, limit: number) {
  const rows = await q.listTasks(ctx.tx, ctx.actor, { where: q.ofTeam(teamId), state: 'todo', overdue: true, cursor: null, limit });
  const safety = await subjectSafety(ctx, rows);
  return {
    items: rows.slice(0, limit).map((r) => ({ ...presentSummary(r, safety), version: r.task.version, canReassign: permissionsOf(ctx.actor, r).canReassign })),
    more: rows.length > limit,
  };
}

/** The actor's task lists: set for them, for their team, by them, or watched; only tasks they may see. */
export async function listTasks(ctx: Context, query: z.infer<typeof taskListQuery>) {
  const page = await findTasks(ctx, query);
  ctx.audit({ action: 'tasks.listed', details: { view: query.view, state: query.state, overdue: query.overdue, count: page.items.length } });
  return page;
}

/** The tasks on a record: everyone who can open the record sees them all. */
export async function listRecordTasks(ctx: Context, kind: RecordKind, id: string, query: z.infer<typeof recordTaskListQuery>) {
  const record = await viewableRecord(ctx, kind, id);
  const rows = await q.listTasks(ctx.tx, ctx.actor, {
    where: q.onRecord(record),
    state: query.state,
    cursor: decodeCheckedCursor(query.cursor, isIsoDate, isUuid),
    limit: query.limit,
  });
  const safety = await subjectSafety(ctx, rows);
  const page = pageOf(rows, query.limit, (r) => presentSummary(r, safety), summaryKey);
  ctx.audit({ action: 'tasks.listed', ...listingSubject(record), details: { record: { kind: record.kind, id: record.id }, state: query.state, count: page.items.length } });
  return page;
}

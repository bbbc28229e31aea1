import type { z } from 'zod';
import type { createTaskBody, recordTaskListQuery, Task, taskListQuery } from '../../../shared/api/tasks.ts';
import type { RecordKind } from '../../../shared/records.ts';
import type { Context } from '../../platform/context.ts';
import { decodeCheckedCursor, isIsoDate, isUuid, pageOf } from '../../platform/cursor.ts';
import { contributableRecord, viewableRecord, type SharedRecord } from '../sharing/record-access.ts';
import { announce } from './announce.ts';
import { checkWatchers, resolveAssignee, resolvePlan } from './inputs.ts';
import * as q from './queries.ts';
import { listingSubject, loadTask, presentSummary, presentTask, reload, subjectOf } from './task.ts';

const summaryKey = (row: q.Row) => [row.task.dueOn, row.task.id];

/** Sets a task for a person, team or organisation, on a record or standalone, and tells them. */
export async function createTask(ctx: Context, body: z.infer<typeof createTaskBody>): Promise<Task> {
  const assignee = await resolveAssignee(ctx, body.assignee);
  const watchers = await checkWatchers(ctx, body.watcherIds);
  let record: SharedRecord | null = body.record ? await contributableRecord(ctx, body.record.kind, body.record.id) : null;
  let actionPlanId: string | null = null;
  if (body.actionPlanId) ({ planId: actionPlanId, record } = await resolvePlan(ctx, body.actionPlanId, record));
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
  await q.addWatchers(ctx.tx, id, watchers);
  const row = await reload(ctx, id);
  ctx.audit({
    action: 'task.set',
    ...subjectOf(row),
    details: { record: record ? { kind: record.kind, id: record.id } : null, assignee: body.assignee, dueOn: body.dueOn, priority: body.priority, actionPlanId, watcherIds: watchers },
  });
  await announce(ctx, row, 'set');
  return presentTask(ctx, row);
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
  return pageOf(rows, query.limit, presentSummary, summaryKey);
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
  const page = pageOf(rows, query.limit, presentSummary, summaryKey);
  ctx.audit({ action: 'tasks.listed', ...listingSubject(record), details: { record: { kind: record.kind, id: record.id }, state: query.state, count: page.items.length } });
  return page;
}

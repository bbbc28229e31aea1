import type { z } from 'zod';
import type { acceptTaskBody, cancelTaskBody, completeTaskBody, declineTaskBody, Task, taskProgressBody } from '../../../shared/api/tasks.ts';
import type { AuditDetails } from '../../platform/audit/details.ts';
import type { Context } from '../../platform/context.ts';
import { announce } from './announce.ts';
import * as q from './queries.ts';
import { applyChange, loadTask, permissionsOf, presentTask, reload, require, requireStep, subjectOf, type TaskRow } from './task.ts';

/** The assigned person, or a member of the assigned team or organisation, takes the task on. */
export async function acceptTask(ctx: Context, id: string, body: z.infer<typeof acceptTaskBody>): Promise<Task> {
  const row = await loadTask(ctx, id);
  await requireStep(ctx, row, 'accept');
  await applyChange(ctx, row, body?.version ?? row.task.version, { status: 'accepted', acceptedBy: ctx.actor.id });
  await q.insertUpdate(ctx.tx, { taskId: id, kind: 'accepted', note: null, author: ctx.actor });
  const updated = await reload(ctx, id);
  ctx.audit({ action: 'task.accepted', ...subjectOf(updated), changes: { status: { before: row.task.status, after: 'accepted' } } });
  await announce(ctx, updated, 'accepted');
  return presentTask(ctx, updated);
}

/** Declining sends the task back to its tasker, with the reason, to reassign or cancel. */
export async function declineTask(ctx: Context, id: string, body: z.infer<typeof declineTaskBody>): Promise<Task> {
  const row = await loadTask(ctx, id);
  await requireStep(ctx, row, 'decline');
  await applyChange(ctx, row, body.version ?? row.task.version, { status: 'declined', declineReason: body.reason });
  await q.insertUpdate(ctx.tx, { taskId: id, kind: 'declined', note: body.reason, author: ctx.actor });
  const updated = await reload(ctx, id);
  ctx.audit({ action: 'task.declined', ...subjectOf(updated), changes: { status: { before: row.task.status, after: 'declined' } }, reason: body.reason });
  await announce(ctx, updated, 'declined');
  return presentTask(ctx, updated);
}

/** A note on how the work is going, from whoever is doing it or the tasker. */
export async function addProgress(ctx: Context, id: string, body: z.infer<typeof taskProgressBody>): Promise<Task> {
  const row = await loadTask(ctx, id);
  require(ctx, row, permissionsOf(ctx.actor, row).canAddProgress, 'Only whoever is doing the task, or its tasker, can add progress to it.');
  await q.touchTask(ctx.tx, id);
  await q.insertUpdate(ctx.tx, { taskId: id, kind: 'progress', note: body.note, author: ctx.actor });
  const updated = await reload(ctx, id);
  ctx.audit({ action: 'task.progress_added', ...subjectOf(updated) });
  await announce(ctx, updated, 'progress');
  return presentTask(ctx, updated);
}

export async function completeTask(ctx: Context, id: string, body: z.infer<typeof completeTaskBody>): Promise<Task> {
  const row = await loadTask(ctx, id);
  await requireStep(ctx, row, 'complete');
  await applyChange(ctx, row, body.version ?? row.task.version, { status: 'completed', result: body.result, completedAt: new Date() });
  await q.insertUpdate(ctx.tx, { taskId: id, kind: 'completed', note: body.result, author: ctx.actor });
  ctx.hook('task.completed', id);
  const updated = await reload(ctx, id);
  ctx.audit({ action: 'task.completed', ...subjectOf(updated), changes: { status: { before: row.task.status, after: 'completed' } } });
  await announce(ctx, updated, 'completed');
  return presentTask(ctx, updated);
}

/** Cancels the task as the actor, telling whoever was doing it; the caller has decided they may. */
async function cancel(ctx: Context, row: TaskRow, version: number, reason: string, details?: AuditDetails['task.cancelled']): Promise<TaskRow> {
  await applyChange(ctx, row, version, { status: 'cancelled' });
  await q.insertUpdate(ctx.tx, { taskId: row.task.id, kind: 'cancelled', note: reason, author: ctx.actor });
  const updated = await reload(ctx, row.task.id);
  ctx.audit({ action: 'task.cancelled', ...subjectOf(updated), changes: { status: { before: row.task.status, after: 'cancelled' } }, reason, ...(details ? { details } : {}) });
  await announce(ctx, updated, 'cancelled');
  return updated;
}

export async function cancelTask(ctx: Context, id: string, body: z.infer<typeof cancelTaskBody>): Promise<Task> {
  const row = await loadTask(ctx, id);
  require(ctx, row, permissionsOf(ctx.actor, row).canChange, 'Only the person who set the task can cancel it, while it is not finished.');
  return presentTask(ctx, await cancel(ctx, row, body.version, body.reason));
}

/**
 * Cancels an unfinished task whose reason has gone (the assessment draft that asked for it was
 * thrown away), in the name of whoever removed that reason; the caller has decided they may.
 * Returns whether it was still open.
 */
export async function withdrawTask(ctx: Context, id: string, reason: string): Promise<boolean> {
  const row = await loadTask(ctx, id);
  if (row.task.status !== 'open' && row.task.status !== 'accepted') return false;
  await cancel(ctx, row, row.task.version, reason, { setBy: row.task.setBy });
  return true;
}

/** Anyone who can see a task may follow it; watching is reading, so read-only accounts may too. */
export async function watchTask(ctx: Context, id: string): Promise<Task> {
  const row = await loadTask(ctx, id);
  if (await q.addWatchers(ctx.tx, id, [ctx.actor.id])) ctx.audit({ action: 'task.watched', ...subjectOf(row) });
  ctx.emit({ type: 'task.changed', audience: { userIds: [ctx.actor.id] }, data: { id } });
  return presentTask(ctx, await reload(ctx, id));
}

export async function unwatchTask(ctx: Context, id: string): Promise<Task> {
  const row = await loadTask(ctx, id);
  if (await q.removeWatcher(ctx.tx, id, ctx.actor.id)) ctx.audit({ action: 'task.unwatched', ...subjectOf(row) });
  ctx.emit({ type: 'task.changed', audience: { userIds: [ctx.actor.id] }, data: { id } });
  return presentTask(ctx, await reload(ctx, id));
}

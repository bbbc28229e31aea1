import type { z } from 'zod';
import { dueOnProblem, type Task, type updateTaskBody } from '../../../shared/api/tasks.ts';
import { diff } from '../../platform/audit/diff.ts';
import type { Context } from '../../platform/context.ts';
import { staleVersion, ValidationError } from '../../platform/errors.ts';
import { londonToday } from '../../platform/london.ts';
import { findRecord } from '../sharing/record-access.ts';
import { announce } from './announce.ts';
import { letAssigneeOpen } from './assignee-access.ts';
import { resolveAssignee, resolvePlan, type Assignee } from './inputs.ts';
import * as q from './queries.ts';
import { applyChange, loadTask, permissionsOf, presentTask, reload, require, subjectOf, type TaskRow } from './task.ts';

// Titles and descriptions may name a client and are read by the setter's organisation admins in
// the audit trail: it says that they changed, not what to.
const audited = ['priority', 'dueOn', 'assignedUserId', 'assignedTeamId', 'assignedOrganisationId', 'status', 'actionPlanId'] as const;

const sameAssignee = (t: TaskRow['task'], a: Assignee) =>
  t.assignedUserId === a.assignedUserId && t.assignedTeamId === a.assignedTeamId && t.assignedOrganisationId === a.assignedOrganisationId;

async function planPatch(ctx: Context, row: TaskRow, actionPlanId: string | null | undefined): Promise<{ actionPlanId?: string | null }> {
  if (actionPlanId === undefined || actionPlanId === row.task.actionPlanId) return {};
  if (actionPlanId === null) return { actionPlanId: null };
  const t = row.task;
  if (t.recordKind !== 'case' || !t.recordId) throw new ValidationError([{ field: 'actionPlanId', problem: 'only a task on a case can go in an action plan' }]);
  return { actionPlanId: (await resolvePlan(ctx, actionPlanId, await findRecord(ctx, 'case', t.recordId))).planId };
}

/**
 * The tasker changes the task or hands it to someone else. A reassigned task starts again as
 * open for its new assignee; a declined task the tasker changes (a later date, say) is open
 * again for the same assignee to reconsider. A task already accepted stays accepted through a
 * change of its details. A new due date may fall overdue again, so its notice may go again.
 */
export async function updateTask(ctx: Context, id: string, body: z.infer<typeof updateTaskBody>): Promise<Task> {
  const row = await loadTask(ctx, id);
  const may = permissionsOf(ctx.actor, row);
  const handingOnOnly = Object.entries(body).every(([field, value]) => value === undefined || ['version', 'assignee', 'shareWithAssignee'].includes(field));
  require(
    ctx,
    row,
    may.canChange || (may.canReassign && handingOnOnly),
    may.canReassign
      ? 'As a supervisor you can hand this task to someone else; only the person who set it can change anything more.'
      : 'Only the person who set the task can change it, while it is not finished.',
  );
  const t = row.task;
  const today = londonToday();
  // Only a new date is held to the rule: a task already overdue keeps its date through other changes.
  const newDueOn = body.dueOn !== undefined && body.dueOn !== t.dueOn ? body.dueOn : null;
  const problem = newDueOn ? dueOnProblem(newDueOn, body.backdatedReason, today) : null;
  if (problem) throw new ValidationError([{ field: 'dueOn', problem }]);
  const assignee = body.assignee ? await resolveAssignee(ctx, body.assignee) : null;
  const reassigned = assignee !== null && !sameAssignee(t, assignee);
  if (reassigned && body.assignee && t.recordKind && t.recordId && body.shareWithAssignee !== undefined) {
    await letAssigneeOpen(ctx, await findRecord(ctx, t.recordKind, t.recordId), body.assignee, body.shareWithAssignee);
  }
  const details = {
    ...(body.title !== undefined ? { title: body.title } : {}),
    ...(body.description !== undefined ? { description: body.description } : {}),
    ...(body.priority !== undefined ? { priority: body.priority } : {}),
    ...(body.dueOn !== undefined ? { dueOn: body.dueOn } : {}),
    ...(await planPatch(ctx, row, body.actionPlanId)),
  };
  const reopen = reassigned
    ? { ...assignee, status: 'open' as const, acceptedBy: null, declineReason: null }
    : t.status === 'declined' ? { status: 'open' as const, declineReason: null } : {};
  const patch = { ...details, ...reopen, ...(body.dueOn !== undefined && body.dueOn !== t.dueOn ? { overdueNotifiedAt: null } : {}) };
  // Saving what is already there changes nothing, so no one is told of it.
  if (!reassigned && Object.keys(reopen).length === 0 && Object.entries(details).every(([field, value]) => t[field as keyof typeof details] === value)) {
    if (body.version !== t.version) throw staleVersion(await presentTask(ctx, row));
    return presentTask(ctx, row);
  }
  await applyChange(ctx, row, body.version, patch);
  const updated = await reload(ctx, id);
  const changes = diff({ ...t }, { ...updated.task }, audited);
  const step = reassigned ? 'reassigned' : 'changed';
  await q.insertUpdate(ctx.tx, { taskId: id, kind: step, note: null, author: ctx.actor });
  if (reassigned) ctx.hook('task.assigned', id);
  ctx.audit({
    action: reassigned ? 'task.reassigned' : 'task.changed',
    ...subjectOf(updated),
    changes,
    reason: newDueOn && newDueOn < today ? body.backdatedReason ?? null : null,
    details: { titleChanged: updated.task.title !== t.title, descriptionChanged: updated.task.description !== t.description },
  });
  await announce(ctx, updated, step, reassigned ? row : null);
  return presentTask(ctx, updated);
}

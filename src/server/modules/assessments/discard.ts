import type { Context } from '../../platform/context.ts';
import { cancelTask } from '../tasks/lifecycle.ts';
import { reload as reloadTask } from '../tasks/task.ts';
import { announce, recordDetails, subjectOf } from './assessment.ts';
import { workableDraft } from './drafts.ts';
import * as q from './queries.ts';
import { asPerson } from './reminders.ts';

/**
 * A discarded draft needs its information no more: the tasks it set that nobody has finished are
 * cancelled, each as the person who set it (only they may cancel a task), so whoever was asked stops.
 */
async function cancelInformationRequests(ctx: Context, id: string): Promise<string[]> {
  const cancelled: string[] = [];
  for (const request of await q.informationRequestsOf(ctx.tx, id)) {
    const task = (await reloadTask(ctx, request.taskId)).task;
    if (task.status !== 'open' && task.status !== 'accepted') continue;
    await cancelTask(await asPerson(ctx, task.setBy), task.id, { version: task.version, reason: 'The assessment draft was discarded' });
    cancelled.push(task.id);
  }
  return cancelled;
}

/** Throws away a draft and the information requests it still waits on; anyone in the team may, as anyone in it may finish it. */
export async function discardAssessment(ctx: Context, id: string): Promise<void> {
  const { row, record } = await workableDraft(ctx, id);
  const cancelledTasks = await cancelInformationRequests(ctx, id);
  await q.deleteAssessment(ctx.tx, id);
  ctx.audit({ action: 'assessment.discarded', ...subjectOf(record, id), details: { ...recordDetails(record), cancelledTasks } });
  await announce(ctx, record, row.assessment);
}

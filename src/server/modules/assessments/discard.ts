import type { Context } from '../../platform/context.ts';
import { withdrawTask } from '../tasks/lifecycle.ts';
import { announce, recordDetails, subjectOf } from './assessment.ts';
import { workableDraft } from './drafts.ts';
import * as q from './queries.ts';

/**
 * A discarded draft needs its information no more: the tasks it set that nobody has finished are
 * cancelled in the name of whoever discarded it, so whoever was asked stops.
 */
async function cancelInformationRequests(ctx: Context, id: string): Promise<string[]> {
  const cancelled: string[] = [];
  for (const request of await q.informationRequestsOf(ctx.tx, id)) {
    if (await withdrawTask(ctx, request.taskId, 'The assessment draft was discarded')) cancelled.push(request.taskId);
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

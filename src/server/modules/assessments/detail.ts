import type { Assessment } from '../../../shared/api/assessments.ts';
import type { Context } from '../../platform/context.ts';
import type { SharedRecord } from '../sharing/record-access.ts';
import { presentSummary as taskSummary, reload as reloadTask, subjectSafety } from '../tasks/task.ts';
import { isReadable, present, type AssessmentRow } from './assessment.ts';
import * as q from './queries.ts';

/** The tasks set from the assessment for the information its questions need, each as the reader may see it. */
async function informationRequests(ctx: Context, id: string): Promise<Assessment['informationRequests']> {
  const requests: NonNullable<Assessment['informationRequests']> = [];
  for (const r of await q.informationRequestsOf(ctx.tx, id)) {
    const task = await reloadTask(ctx, r.taskId);
    if (task.visible) requests.push({ questionKey: r.questionKey, task: taskSummary(task, await subjectSafety(ctx, [task])) });
  }
  return requests;
}

/** The assessment in full as this reader may see it. */
export async function presentOne(ctx: Context, record: SharedRecord, row: AssessmentRow): Promise<Assessment> {
  const readable = isReadable(ctx, row);
  const latest = readable && row.assessment.status === 'completed' ? await q.isLatestCompleted(ctx.tx, row.assessment) : false;
  const requests = readable ? await informationRequests(ctx, row.assessment.id) : null;
  return present(ctx, record, row, { latest }, requests);
}

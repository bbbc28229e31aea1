import type { z } from 'zod';
import type { Assessment, informationRequestBody } from '../../../shared/api/assessments.ts';
import type { Context } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { createTask } from '../tasks/service.ts';
import { announce, recordDetails, subjectOf } from './assessment.ts';
import { presentOne } from './detail.ts';
import { workableDraft } from './drafts.ts';
import * as q from './queries.ts';
import { cutText } from '../../platform/text.ts';

/** From a question of a draft, the assessor tasks another person, team or organisation for the information it needs. */
export async function requestInformation(ctx: Context, id: string, body: z.infer<typeof informationRequestBody>): Promise<Assessment> {
  const { row, record } = await workableDraft(ctx, id);
  const question = row.definition.sections.flatMap((s) => s.questions).find((qn) => qn.key === body.questionKey);
  if (!question) throw new ValidationError([{ field: 'questionKey', problem: 'is not a question of this assessment' }]);
  const task = await createTask(ctx, {
    title: cutText(`Information needed for ${row.template.name}: ${question.text}`, 200),
    description: body.note ?? null,
    priority: 'normal',
    dueOn: body.dueOn,
    assignee: body.assignee,
    record: { kind: record.kind, id: record.id },
    actionPlanId: null,
    watcherIds: [],
  });
  await q.insertInformationRequest(ctx.tx, { assessmentId: id, taskId: task.id, questionKey: question.key });
  ctx.audit({ action: 'assessment.information_requested', ...subjectOf(record, id), details: { ...recordDetails(record), questionKey: question.key, taskId: task.id } });
  await announce(ctx, record, row.assessment);
  return presentOne(ctx, record, row);
}

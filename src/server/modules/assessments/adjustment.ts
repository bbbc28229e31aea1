import type { z } from 'zod';
import type { adjustAssessmentBody, Assessment, decideAdjustmentBody } from '../../../shared/api/assessments.ts';
import type { Context } from '../../platform/context.ts';
import { ConflictError, staleVersion, ValidationError } from '../../platform/errors.ts';
import { notify } from '../notifications/notify.ts';
import { contributableRecord, type SharedRecord } from '../sharing/record-access.ts';
import { announce, loadAssessment, mayDecide, recordDetails, reloadRow, require, requireReadable, subjectOf, type AssessmentRow } from './assessment.ts';
import { presentOne } from './detail.ts';
import { personOf } from './drafts.ts';
import * as q from './queries.ts';
import { applyRiskLevel } from './risk-level.ts';

const assessmentLink = (id: string) => `/assessments/${id}`;

/** The columns an adjustment sets: at once where the template allows it, waiting for a supervisor where it asks. */
export function adjustmentColumns(row: AssessmentRow, adjustment: { score: number; reason: string }, by: string, field: string) {
  const rule = row.definition.adjustment;
  if (rule === 'not_allowed') throw new ValidationError([{ field, problem: 'is not allowed by this template' }]);
  // A supervisor must read the assessment to decide; nobody but its author reads a private one.
  if (rule === 'approval_required' && row.assessment.visibility === 'private') {
    throw new ValidationError([{ field, problem: 'needs a supervisor to read the assessment: keep it to your team or share it, not private' }]);
  }
  return {
    adjustedScore: adjustment.score,
    adjustmentReason: adjustment.reason,
    adjustmentStatus: rule === 'allowed' ? 'approved' as const : 'pending' as const,
    adjustedBy: by,
    adjustedAt: new Date(),
    adjustmentDecidedBy: null,
    adjustmentDecidedAt: null,
    adjustmentNote: null,
  };
}

/** Tells the assessor's supervisors that an adjustment waits for them; the message names no client. */
export async function askSupervisors(ctx: Context, record: SharedRecord, row: AssessmentRow): Promise<void> {
  const a = row.assessment;
  if (a.adjustmentStatus !== 'pending') return;
  const supervisors = (await q.supervisorsOf(ctx.tx, a)).filter((id) => id !== a.authorId);
  await notify(ctx, supervisors.map((userId) => ({
    userId,
    kind: 'adjustment_requested' as const,
    message: `${row.authorName} asks you to approve an adjusted score: ${row.template.name}`,
    link: assessmentLink(a.id),
    record: { kind: record.kind, id: record.id },
    subjectId: a.id,
  })));
}

/** The assessor adjusts the score of their latest completed assessment with professional judgement, giving reasons. */
export async function adjustAssessment(ctx: Context, id: string, body: z.infer<typeof adjustAssessmentBody>): Promise<Assessment> {
  const { row } = await loadAssessment(ctx, id);
  const record = await contributableRecord(ctx, row.assessment.recordKind, row.assessment.recordId);
  requireReadable(ctx, record, row, 'adjust it');
  const a = row.assessment;
  if (a.status !== 'completed') throw new ConflictError('Complete the assessment first; its score is set on completion.', 'assessment_draft');
  const person = await personOf(ctx);
  require(ctx, record, row, a.authorId === person, 'Only the assessor can adjust the score of their assessment.');
  if (a.adjustmentStatus === 'pending') throw new ConflictError('An adjustment of this score is already waiting for a supervisor.', 'adjustment_pending');
  // An approved value stands until a review replaces it; asking again would drop it before anyone decides.
  if (a.adjustmentStatus === 'approved') throw new ConflictError('This assessment\'s adjusted score was approved. Start a review to assess again.', 'adjustment_approved');
  if (!(await q.isLatestCompleted(ctx.tx, a))) throw new ConflictError('Only the latest assessment on the record can be adjusted; a later one has been completed.', 'not_latest');
  if (body.version !== a.version) throw staleVersion(await presentOne(ctx, record, row));
  const columns = adjustmentColumns(row, body, person, 'score');
  const after = await q.updateAssessment(ctx.tx, ctx.actor, row, body.version, columns);
  if (!after) throw staleVersion(await presentOne(ctx, record, await reloadRow(ctx, id)));
  ctx.audit({
    action: 'assessment.adjusted',
    ...subjectOf(record, id),
    details: { ...recordDetails(record), score: a.score, adjustedScore: body.score, status: columns.adjustmentStatus },
  });
  await askSupervisors(ctx, record, after);
  if (columns.adjustmentStatus === 'approved') await applyRiskLevel(ctx, record, after, person);
  await announce(ctx, record, after.assessment);
  return presentOne(ctx, record, after);
}

/** A supervisor of the assessor's team approves or rejects the adjustment; the assessor hears which. */
export async function decideAdjustment(ctx: Context, id: string, body: z.infer<typeof decideAdjustmentBody>): Promise<Assessment> {
  const { row } = await loadAssessment(ctx, id);
  const record = await contributableRecord(ctx, row.assessment.recordKind, row.assessment.recordId);
  const a = row.assessment;
  require(ctx, record, row, a.authorId !== ctx.actor.id, 'You cannot decide an adjustment of your own assessment; a supervisor decides it.');
  require(ctx, record, row, mayDecide(ctx, row), 'Only a supervisor of the assessor\'s team can decide this adjustment.');
  requireReadable(ctx, record, row, 'decide its adjustment');
  if (a.adjustmentStatus !== 'pending') throw new ConflictError('No adjustment of this score is waiting for a decision.', 'no_pending_adjustment');
  if (body.version !== a.version) throw staleVersion(await presentOne(ctx, record, row));
  const after = await q.updateAssessment(ctx.tx, ctx.actor, row, body.version, {
    adjustmentStatus: body.decision,
    adjustmentDecidedBy: ctx.actor.id,
    adjustmentDecidedAt: new Date(),
    adjustmentNote: body.note ?? null,
  });
  if (!after) throw staleVersion(await presentOne(ctx, record, await reloadRow(ctx, id)));
  ctx.audit({
    action: 'assessment.adjustment_decided',
    ...subjectOf(record, id),
    details: { ...recordDetails(record), decision: body.decision, score: a.score, adjustedScore: a.adjustedScore },
  });
  await notify(ctx, [{
    userId: a.authorId,
    kind: 'adjustment_decided',
    message: `Your adjusted score (${row.template.name}) was ${body.decision} by ${ctx.actor.name}`,
    link: assessmentLink(id),
    record: { kind: record.kind, id: record.id },
    subjectId: id,
  }]);
  if (body.decision === 'approved') await applyRiskLevel(ctx, record, after, ctx.actor.id);
  await announce(ctx, record, after.assessment);
  return presentOne(ctx, record, after);
}

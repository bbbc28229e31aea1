import type { z } from 'zod';
import type { Assessment, completeAssessmentBody } from '../../../shared/api/assessments.ts';
import { bandFor, scoreOf, thresholdsReached } from '../../../shared/assessment-engine.ts';
import { answerProblems, keptAnswers, missingAnswers } from '../../../shared/forms/engine.ts';
import type { Context } from '../../platform/context.ts';
import { staleVersion } from '../../platform/errors.ts';
import type { SharedRecord } from '../sharing/record-access.ts';
import { adjustmentColumns, askSupervisors } from './adjustment.ts';
import { announce, recordDetails, reloadRow, subjectOf, type AssessmentRow } from './assessment.ts';
import { closeFulfilledActions } from '../actions/service.ts';
import { presentOne } from './detail.ts';
import { checkAnswers, personOf, workableDraft } from './drafts.ts';
import { londonToday } from '../../platform/london.ts';
import * as q from './queries.ts';
import { remindAssessor, reviewDue, sameDayDue } from './reminders.ts';
import { applyRiskLevel } from './risk-level.ts';
import { findTemplate } from './template-lookup.ts';

type CompleteBody = z.infer<typeof completeAssessmentBody> | null | undefined;

/**
 * Each threshold the score reached is a reminder for the assessor today; one naming a follow-up
 * template also flags the record until an assessment with that template is completed on it.
 */
async function actOnThresholds(ctx: Context, record: SharedRecord, row: AssessmentRow, score: number | null, assessor: string): Promise<string[]> {
  const raised: string[] = [];
  for (const threshold of thresholdsReached(row.definition, score)) {
    const actionId = await remindAssessor(ctx, assessor, record, threshold.label, sameDayDue());
    const followUp = threshold.followUp ? await findTemplate(ctx, threshold.followUp, 'followUp') : null;
    if (followUp) {
      await q.insertRequirement(ctx.tx, {
        partnershipId: ctx.actor.partnershipId,
        recordKind: row.assessment.recordKind,
        recordId: row.assessment.recordId,
        templateId: followUp.template.id,
        reason: threshold.label,
        raisedByAssessmentId: row.assessment.id,
        raisedBy: assessor,
        actionId,
      });
      raised.push(followUp.template.key);
    }
  }
  return raised;
}

/**
 * Finishes a draft: every required question that is asked must be answered, answers to questions
 * hidden by their condition are dropped, and the score and band are the server's. Whoever
 * completes it is the assessor.
 */
export async function completeAssessment(ctx: Context, id: string, body: CompleteBody): Promise<Assessment> {
  const { row, record } = await workableDraft(ctx, id);
  const a = row.assessment;
  if (body?.version !== undefined && body.version !== a.version) throw staleVersion(await presentOne(ctx, record, row));
  const definition = row.definition;
  const answers = keptAnswers(definition, a.answers);
  const problems = [...answerProblems(definition, answers, a.members), ...missingAnswers(definition, answers, a.members)];
  if (body?.reviewOn && body.reviewOn <= londonToday()) problems.push({ field: 'reviewOn', problem: 'must be a date after today' });
  if (body?.adjustment && definition.adjustment === 'not_allowed') problems.push({ field: 'adjustment', problem: 'is not allowed by this template' });
  checkAnswers(problems);
  const score = scoreOf(definition, answers);
  const assessor = await personOf(ctx);
  const reviewActionId = body?.reviewOn ? await remindAssessor(ctx, assessor, record, `Review due: ${row.template.name}`, reviewDue(body.reviewOn)) : null;
  const adjustment = body?.adjustment ? adjustmentColumns(row, body.adjustment, assessor, 'adjustment') : {};
  const after = await q.updateAssessment(ctx.tx, ctx.actor, row, a.version, {
    status: 'completed',
    answers,
    score,
    authorId: assessor,
    completedAt: new Date(),
    reviewOn: body?.reviewOn ?? null,
    reviewActionId,
    ...adjustment,
  });
  if (!after) throw staleVersion(await presentOne(ctx, record, await reloadRow(ctx, id)));
  const flagged = await actOnThresholds(ctx, record, after, score, assessor);
  const { met, actionIds } = await q.meetRequirements(ctx.tx, { id, templateId: a.templateId, recordKind: a.recordKind, recordId: a.recordId });
  await closeFulfilledActions(ctx, actionIds);
  ctx.audit({
    action: 'assessment.completed',
    ...subjectOf(record, id),
    details: {
      ...recordDetails(record),
      template: row.template.key,
      templateVersion: row.templateVersion,
      score,
      band: bandFor(definition, score)?.label ?? null,
      adjustedScore: body?.adjustment?.score ?? null,
      reviewOn: body?.reviewOn ?? null,
      flagged,
      requirementsMet: met,
      answered: Object.keys(answers).sort(),
    },
  });
  await askSupervisors(ctx, record, after);
  await applyRiskLevel(ctx, record, after, assessor);
  await announce(ctx, record, after.assessment);
  return presentOne(ctx, record, after);
}

import type { Answers, Assessment, Comparison } from '../../../shared/api/assessments.ts';
import { bandFor } from '../../../shared/assessment-engine.ts';
import { answerProblems } from '../../../shared/forms/engine.ts';
import type { Context } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors.ts';
import { contributableRecord } from '../sharing/record-access.ts';
import { announce, finalScoreOf, loadAssessment, recordDetails, requireReadable, subjectOf } from './assessment.ts';
import { presentOne } from './detail.ts';
import { personOf, usableTemplate } from './drafts.ts';
import { pullMembers } from './members.ts';
import * as q from './queries.ts';
import { findTemplate } from './template-lookup.ts';

/**
 * Starts a review: a new draft with the template's current version, its answers copied from the
 * completed assessment so only changes need entering. Answers the current version no longer asks,
 * or no longer accepts, are left for the assessor to give again.
 */
export async function startReview(ctx: Context, id: string): Promise<Assessment> {
  const { row } = await loadAssessment(ctx, id);
  const record = await contributableRecord(ctx, row.assessment.recordKind, row.assessment.recordId);
  requireReadable(ctx, record, row, 'review it');
  const a = row.assessment;
  if (a.status !== 'completed') throw new ConflictError('Only a completed assessment can be reviewed.', 'assessment_draft');
  const template = await usableTemplate(ctx, a.templateId);
  const members = template.definition.family ? await pullMembers(ctx, record) : [];
  const answers: Answers = {};
  for (const [key, value] of Object.entries(a.answers)) {
    if (answerProblems(template.definition, { [key]: value }, members).length === 0) answers[key] = value;
  }
  const person = await personOf(ctx);
  const review = await q.insertAssessment(ctx.tx, ctx.actor, template, {
    partnershipId: ctx.actor.partnershipId,
    recordKind: a.recordKind,
    recordId: a.recordId,
    answers,
    members,
    visibility: a.visibility,
    reviewOf: a.id,
    createdBy: person,
    authorId: person,
    authorTeamId: ctx.actor.teamId,
    authorOrganisationId: ctx.actor.organisationId,
  });
  ctx.audit({
    action: 'assessment.review_started',
    ...subjectOf(record, review.assessment.id),
    details: { ...recordDetails(record), reviewOf: a.id, templateVersion: template.template.version, answered: Object.keys(answers).sort() },
  });
  await announce(ctx, record, review.assessment);
  return presentOne(ctx, record, review);
}

/** Every completed assessment with the same template on the record that the reader may read, oldest first. */
export async function comparison(ctx: Context, id: string): Promise<Comparison> {
  const { row, record } = await loadAssessment(ctx, id);
  requireReadable(ctx, record, row, 'compare it');
  const current = (await findTemplate(ctx, row.assessment.templateId, 'id'))!;
  const rows = (await q.completedOnRecord(ctx.tx, ctx.actor, row.assessment)).filter((r) => r.readable);
  ctx.audit({ action: 'assessment.compared', ...subjectOf(record, id), details: { ...recordDetails(record), compared: rows.map((r) => r.assessment.id) } });
  return {
    template: { id: current.template.id, key: current.template.key, name: current.template.name, chart: current.definition.chart },
    questions: current.definition.sections.flatMap((section) => section.questions.map((question) => ({
      key: question.key, text: question.text, section: section.title, kind: question.kind, options: question.options, scale: question.scale,
    }))),
    items: rows.map((r) => {
      const finalScore = finalScoreOf(r);
      const band = bandFor(r.definition, finalScore);
      return {
        id: r.assessment.id,
        completedAt: r.assessment.completedAt!.toISOString(),
        templateVersion: r.templateVersion,
        assessor: { id: r.assessment.authorId, name: r.authorName },
        score: r.assessment.score,
        finalScore,
        finalBand: band ? { label: band.label, colour: band.colour, riskLevel: band.riskLevel } : null,
        answers: r.assessment.answers,
      };
    }),
  };
}

import type { Answers, Assessment } from '../../../shared/api/assessments.ts';
import type { AssessmentSubjectKind } from '../../../shared/assessments.ts';
import { answerProblems, keptAnswers, missingAnswers } from '../../../shared/forms/engine.ts';
import type { Visibility } from '../../../shared/work.ts';
import type { Context } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { contributableRecord } from '../sharing/record-access.ts';
import { completeAssessment } from './complete.ts';
import { startDraft } from './drafts.ts';
import { pullMembers } from './members.ts';
import * as q from './queries.ts';

export interface AnswersGivenElsewhere {
  subject: { type: AssessmentSubjectKind; id: string };
  /** The version whose questions were asked: answers are only ever scored against the questions they answered. */
  templateVersionId: string;
  answers: Answers;
  visibility: Visibility;
}

/**
 * An assessment made from answers given elsewhere (a referral form built from a template asks
 * that template version's questions): started and completed as one keyed in would be, so its
 * score, band, thresholds, follow-ups and the person's risk level follow in the same way. Answers
 * the version does not ask, or would refuse, are left out; while a required question is still
 * unanswered it stays a draft of the actor's team, to finish by hand. A template retired since
 * still takes them: the questions were asked with it.
 */
export async function assessFromAnswers(ctx: Context, input: AnswersGivenElsewhere): Promise<Assessment> {
  const record = { ...(await contributableRecord(ctx, input.subject.type, input.subject.id)), kind: input.subject.type };
  const template = await q.templateAtVersion(ctx.tx, ctx.actor.partnershipId, input.templateVersionId);
  if (!template) throw new NotFoundError('assessment template version');
  const members = template.definition.family ? await pullMembers(ctx, record) : [];
  const answers = Object.fromEntries(Object.entries(keptAnswers(template.definition, input.answers))
    .filter(([key, value]) => answerProblems(template.definition, { [key]: value }, members).length === 0));
  const draft = await startDraft(ctx, record, template, answers, input.visibility);
  if (missingAnswers(template.definition, answers, members).length > 0) return draft;
  return completeAssessment(ctx, draft.id, null);
}

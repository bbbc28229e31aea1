import type { ReferralSubjectInput, ReferrerInput } from '../../../../shared/api/referrals.ts';
import type { Answers } from '../../../../shared/forms/definition.ts';
import { answerProblems, keptAnswers, missingAnswers } from '../../../../shared/forms/engine.ts';
import { referralFormDefaults, type ReferralChannel, type ReferralState } from '../../../../shared/referrals.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import type { Context } from '../../../platform/context.ts';
import { sealJson } from '../../../platform/crypto/envelope.ts';
import { NotFoundError, ValidationError, type FieldProblem } from '../../../platform/errors.ts';
import { decisionDueAt } from '../../../platform/working-days.ts';
import { notify } from '../../notifications/notify.ts';
import type { ReferralFormInUse } from '../../referral-forms/service.ts';
import { emailReceived } from '../emails.ts';
import * as q from '../queries.ts';
import { announce, referralSubject, type ReferralDeps, type SealedSubject, type SealedSubmission } from '../referral.ts';
import { newReference } from './reference.ts';

export interface IncomingReferral {
  teamId: string;
  partnershipId: string;
  form: ReferralFormInUse | null;
  channel: ReferralChannel;
  receivedAt: Date;
  referrer: ReferrerInput;
  subject: ReferralSubjectInput;
  answers: Answers;
  concern: string | null;
  consent: boolean;
  createdBy: string | null;
  apiTokenId: string | null;
}

export interface Received {
  id: string;
  reference: string;
  status: ReferralState;
  receivedAt: Date;
  decisionDueAt: Date;
}

/** A clash of two 40-bit references is about one in a trillion; a few draws are plenty. */
const referenceDraws = 5;

/**
 * The answers kept (those the form asks, given what else was answered) and the concern. On a
 * form every answer must name one of its questions and fit it, and every required question asked
 * must be answered; without one there are no questions to answer, and the concern is the referral.
 */
function checked(input: IncomingReferral): { answers: Answers; concern: string | null } {
  const concern = input.concern?.trim() || null;
  if (!input.form) {
    const problems: FieldProblem[] = Object.keys(input.answers).map((key) => ({ field: `answers.${key}`, problem: 'is not a question: the referral is not on a form' }));
    if (!concern) problems.push({ field: 'concern', problem: 'is required for a referral taken without a form' });
    if (problems.length > 0) throw new ValidationError(problems);
    return { answers: {}, concern };
  }
  const { definition } = input.form;
  const answers = keptAnswers(definition, input.answers);
  const problems = [...answerProblems(definition, input.answers, []), ...missingAnswers(definition, answers, [])];
  if (problems.length > 0) throw new ValidationError(problems);
  return { answers, concern };
}

/** Draws references until one is free; the row goes in with the first that is. */
async function insertWithReference(ctx: Context<Actor | null>, values: Omit<q.NewReferral, 'reference'>): Promise<{ id: string; reference: string }> {
  for (let draw = 0; draw < referenceDraws; draw++) {
    const reference = newReference();
    const id = await q.insertReferral(ctx.tx, { ...values, reference });
    if (id) return { id, reference };
  }
  throw new Error('no free referral reference after several draws');
}

/**
 * The one way in: checks answers against the form (keptAnswers, answerProblems, missingAnswers → 422 with details per question key under `answers.<key>`), seals, makes the reference, sets the clock, writes the `received` event, audits referral.received, notifies the desk team (referral_received) unless a member already holds an unread notice of a referral still new, emails the referrer the reference if they gave an email.
 */
export async function receive(ctx: Context<Actor | null>, deps: ReferralDeps, input: IncomingReferral): Promise<Received> {
  const { answers, concern } = checked(input);
  const team = await q.teamOf(ctx.tx, input.teamId);
  if (!team || team.partnershipId !== input.partnershipId) throw new NotFoundError('team');
  const dueAt = decisionDueAt(input.receivedAt, input.form?.decisionDays ?? referralFormDefaults.decisionDays);
  const subject: SealedSubject = { firstName: input.subject.firstName, lastName: input.subject.lastName, dateOfBirth: input.subject.dateOfBirth ?? null };
  const submission: SealedSubmission = { referrer: input.referrer, subject: input.subject, answers, concern };
  const { id, reference } = await insertWithReference(ctx, {
    partnershipId: team.partnershipId,
    teamId: team.id,
    formId: input.form?.id ?? null,
    formVersionId: input.form?.formVersionId ?? null,
    channel: input.channel,
    status: 'new',
    receivedAt: input.receivedAt,
    decisionDueAt: dueAt,
    sealedSubject: sealJson(deps.keyRing, subject),
    sealedSubmission: sealJson(deps.keyRing, submission),
    consent: input.consent,
    createdBy: input.createdBy,
    apiTokenId: input.apiTokenId,
  });
  const now = new Date();
  // A referral taken earlier (by phone, say) is in its history from when it was taken.
  const at = input.receivedAt < now ? input.receivedAt : now;
  await q.insertEvent(ctx.tx, { referralId: id, at, step: 'received', fromStatus: null, toStatus: 'new', userId: input.createdBy, reason: null });
  ctx.hook('referral.received', id);
  const referral = { id, team };
  ctx.audit({
    action: 'referral.received',
    ...referralSubject(referral),
    details: { reference, channel: input.channel, formId: input.form?.id ?? null, formVersion: input.form?.formVersion ?? null, decisionDueAt: dueAt.toISOString() },
  });
  await notify(ctx, (await q.deskMembersToTellOfNew(ctx.tx, team.id)).map((userId) => ({
    userId,
    kind: 'referral_received' as const,
    message: `A new referral, ${reference}, is on the ${team.name} triage desk.`,
    link: `/referrals/${id}`,
    subjectId: id,
  })));
  await emailReceived(ctx, deps.mailer, { reference, referrer: input.referrer });
  announce(ctx, referral);
  return { id, reference, status: 'new', receivedAt: input.receivedAt, decisionDueAt: dueAt };
}

import type { z } from 'zod';
import type { ReferralDecisionBody, referralDecisionReply } from '../../../../shared/api/referrals.ts';
import { decisionSteps, type ReferralDecision, type ReferralState } from '../../../../shared/referrals.ts';
import type { Context } from '../../../platform/context.ts';
import { ValidationError, type FieldProblem } from '../../../platform/errors.ts';
import { requestInformation } from '../desk/information.ts';
import { emailDecided } from '../emails.ts';
import { openForDesk, referralSubject, takeStep, type OpenedReferral, type ReferralDeps } from '../referral.ts';
import { acceptIntoCase, type Accepted } from './enter-once.ts';
import * as q from './queries.ts';
import { takeInApplication, type TakenIn } from './scheme.ts';

type DecisionReply = z.infer<typeof referralDecisionReply>;

/** What each decision cannot do without. */
const needs: Partial<Record<ReferralDecision, FieldProblem & { field: keyof ReferralDecisionBody }>> = {
  'new-case': { field: 'caseType', problem: 'is required to accept into a new case' },
  'existing-case': { field: 'caseId', problem: 'is required to accept into an existing case' },
  signpost: { field: 'signpostedTo', problem: 'is required to signpost elsewhere' },
  'more-information': { field: 'question', problem: 'is required to ask the referrer for more information' },
};
const accepting: readonly ReferralDecision[] = ['new-case', 'existing-case'];
/** The decisions each optional field is for. */
const belongsTo: [keyof ReferralDecisionBody, readonly ReferralDecision[]][] = [
  ['caseType', ['new-case']],
  ['caseId', ['existing-case']],
  ['profileId', [...accepting, 'scheme-application']],
  ['role', accepting],
  ['reportVisibility', accepting],
  ['signpostedTo', ['signpost']],
  ['question', ['more-information']],
];

const given = (value: unknown) => value !== undefined && value !== null && value !== '';

/**
 * A decision gives what it needs and nothing another decision would use: a case id sent with a
 * decline is a caller's mistake, not something to drop without a word.
 */
function checkFields(body: ReferralDecisionBody): void {
  const needed = needs[body.decision];
  const problems: FieldProblem[] = needed && !given(body[needed.field]) ? [needed] : [];
  for (const [field, decisions] of belongsTo) {
    if (given(body[field]) && !decisions.includes(body.decision)) problems.push({ field, problem: `is only for ${decisions.map((d) => `"${d}"`).join(' or ')}` });
  }
  if (problems.length > 0) throw new ValidationError(problems);
}

/** Every decision is on the audit trail; why is the reason's to keep (erasable with the event's values), the details are ids only. */
function auditDecision(
  ctx: Context, referral: OpenedReferral, body: ReferralDecisionBody, from: ReferralState, to: ReferralState, accepted: Accepted | null, takenIn: TakenIn | null = null,
): void {
  ctx.audit({
    action: 'referral.decided',
    ...referralSubject(referral),
    reason: body.reason,
    details: {
      reference: referral.reference,
      decision: body.decision,
      from,
      to,
      caseId: accepted?.caseId ?? null,
      profileId: accepted?.profileId ?? takenIn?.profileId ?? null,
      reportId: accepted?.reportId ?? null,
      assessmentId: accepted?.assessmentId ?? null,
      createdProfile: accepted?.createdProfile ?? takenIn?.createdProfile ?? false,
      createdCase: accepted?.createdCase ?? false,
    },
  });
}

/**
 * The desk's decision on a referral, in one transaction: the state machine's step is taken
 * first, so a decision the referral's state refuses creates nothing; then whatever the decision
 * makes, and the outcome on the referral. A reopened referral decided again overwrites the
 * outcome. Asking for more information is not an outcome: the question waits with the referral's
 * requests. Once decided, the referrer (if they gave an email address) hears it has been looked at.
 */
export async function decide(ctx: Context, deps: ReferralDeps, id: string, body: ReferralDecisionBody): Promise<DecisionReply> {
  const referral = await openForDesk(ctx, deps.keyRing, id);
  checkFields(body);
  const from = referral.status;
  const step = { reason: body.reason, version: body.version, audit: false };
  if (body.decision === 'more-information') {
    const asked = await requestInformation(ctx, deps, referral, body.question!, step);
    auditDecision(ctx, referral, body, from, asked.status, null);
    return { status: asked.status, version: asked.version };
  }
  const moved = await takeStep(ctx, referral, decisionSteps[body.decision], step);
  const accepted = accepting.includes(body.decision) ? await acceptIntoCase(ctx, referral, body) : null;
  const takenIn = body.decision === 'scheme-application' ? await takeInApplication(ctx, referral, body) : null;
  await q.recordDecision(ctx.tx, referral.id, {
    decision: body.decision,
    decisionReason: body.reason,
    decidedAt: new Date(),
    decidedBy: ctx.actor.id,
    caseId: accepted?.caseId ?? null,
    profileId: accepted?.profileId ?? takenIn?.profileId ?? null,
    reportId: accepted?.reportId ?? null,
    assessmentId: accepted?.assessmentId ?? null,
    signpostedTo: body.decision === 'signpost' ? body.signpostedTo! : null,
  });
  auditDecision(ctx, referral, body, from, moved.status, accepted, takenIn);
  await emailDecided(ctx, deps.mailer, referral);
  return {
    status: moved.status,
    version: moved.version,
    ...(takenIn ? { profileId: takenIn.profileId, applicationId: takenIn.applicationId } : {}),
    ...(accepted ? { caseId: accepted.caseId, profileId: accepted.profileId, reportId: accepted.reportId } : {}),
    ...(accepted?.assessmentId ? { assessmentId: accepted.assessmentId, assessmentStatus: accepted.assessmentStatus! } : {}),
  };
}

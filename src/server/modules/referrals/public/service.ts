/**
 * What a member of the public does through a referral form, with no account: send a referral,
 * and answer the team's question through the emailed link. The reply never says anything about
 * the person referred, so it is the same whether or not anyone knows them.
 */
import type { PublicSubmissionBody } from '../../../../shared/api/referrals.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import type { Context } from '../../../platform/context.ts';
import { ValidationError } from '../../../platform/errors.ts';
import type { ReferralFormInUse } from '../../referral-forms/service.ts';
import { receive } from '../intake/receive.ts';
import { newReference } from '../intake/reference.ts';
import type { ReferralDeps } from '../referral.ts';

type PublicContext = Context<Actor | null>;

/** Sends a referral on a published form to its team's desk; its reference is all the sender learns. */
export async function sendReferral(ctx: PublicContext, deps: ReferralDeps, form: ReferralFormInUse, body: PublicSubmissionBody): Promise<string> {
  // The form asks this of everyone before sending; the published contract takes a boolean.
  if (!body.consent) throw new ValidationError([{ field: 'consent', problem: 'must be true: the referrer understands how the information will be used' }]);
  const received = await receive(ctx, deps, {
    teamId: form.teamId,
    partnershipId: form.partnershipId,
    form,
    channel: 'online-form',
    receivedAt: new Date(),
    referrer: body.referrer,
    subject: body.subject,
    answers: body.answers,
    concern: null,
    consent: true,
    createdBy: null,
    apiTokenId: null,
  });
  return received.reference;
}

/**
 * A robot filled in the field people never see: nothing is kept but the fact, and the robot is
 * shown the same confirmation as a person, with a reference that names nothing.
 */
export function discardReferral(ctx: PublicContext, form: ReferralFormInUse): string {
  ctx.audit({ action: 'referral.discarded', entityType: 'referral_form', entityId: form.id, subjectTeamId: form.teamId, details: { formId: form.id, why: 'honeypot' } });
  return newReference();
}

import type { ReferralDecisionBody } from '../../../../shared/api/referrals.ts';
import type { CardholderDetails } from '../../../../shared/api/schemes.ts';
import type { Answers } from '../../../../shared/forms/definition.ts';
import type { Context } from '../../../platform/context.ts';
import { londonToday } from '../../../platform/london.ts';
import { keepSafeAnswerKeys as k } from '../../referral-forms/keep-safe.ts';
import { applicationFromReferral } from '../../schemes/applications/service.ts';
import type { OpenedReferral } from '../referral.ts';
import { forDesk, personFor } from './enter-once.ts';

/**
 * Taking in an application sent on a scheme's public form: the person entered once (one of the
 * likely matches, or made from what the applicant said, owned by the desk's team, which is the
 * scheme's), and an application to the scheme with the answers as its details, to be checked.
 */

export interface TakenIn {
  profileId: string;
  applicationId: string;
  createdProfile: boolean;
}

const textOf = (answers: Answers, key: string): string => {
  const value = answers[key];
  return typeof value === 'string' ? value.trim() : '';
};

/**
 * The Keep Safe form's answers as a cardholder's details (its keys in referral-forms/keep-safe.ts).
 * The first person to call is the carer the card names, the second an emergency contact; a
 * parent's agreement for an under-16 counts as their consent on the day it was sent.
 */
export function detailsFromAnswers(answers: Answers, sentOn: string): CardholderDetails {
  const contacts = k.contacts.flatMap((c) => (textOf(answers, c.name) && textOf(answers, c.phone)
    ? [{ name: textOf(answers, c.name), relationship: textOf(answers, c.relationship) || null, phone: textOf(answers, c.phone) }]
    : []));
  const consented = answers[k.underAge] === 'yes' && answers[k.parentAgrees] === 'yes' && textOf(answers, k.parentName);
  return {
    condition: textOf(answers, k.condition),
    communication: textOf(answers, k.communication),
    medicationNotes: textOf(answers, k.medication) || null,
    carers: contacts.slice(0, 1),
    emergencyContacts: contacts.slice(1),
    usesDisabilityContactLine: answers[k.disabilityLine] === 'yes',
    showConditionOnCard: answers[k.showCondition] === 'yes',
    parentalConsent: consented ? { by: textOf(answers, k.parentName), on: sentOn } : null,
  };
}

export async function takeInApplication(decider: Context, referral: OpenedReferral, body: Pick<ReferralDecisionBody, 'reason' | 'profileId'>): Promise<TakenIn> {
  const ctx = forDesk(decider, referral.team.id);
  const person = await personFor(ctx, referral, body, referral.form?.subjectRole ?? 'cardholder');
  const applicationId = await applicationFromReferral(ctx, {
    formId: referral.form?.id ?? null,
    profileId: person.id,
    referralId: referral.id,
    details: detailsFromAnswers(referral.answers, londonToday(referral.receivedAt)),
  });
  return { profileId: person.id, applicationId, createdProfile: person.created };
}

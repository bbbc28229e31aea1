import { referralStateLabels, referralStates, type ReferralDecision, type ReferralState } from '../../shared/referrals.ts';

export const stateColours: Record<ReferralState, string> = {
  new: 'blue',
  'in-triage': 'indigo',
  'waiting-for-information': 'yellow',
  accepted: 'green',
  signposted: 'teal',
  declined: 'gray',
  withdrawn: 'gray',
};

/** The desk's status filter: the groups first, then each state. */
export const statusFilterOptions = [
  { value: 'open', label: 'Open (not yet decided)' },
  { value: 'triaged', label: 'Triaged (accepted, signposted or declined)' },
  ...referralStates.map((s) => ({ value: s, label: referralStateLabels[s] })),
  { value: 'all', label: 'All' },
];

export const assignedFilterOptions = [
  { value: 'anyone', label: 'Anyone or no one' },
  { value: 'me', label: 'Me' },
  { value: 'nobody', label: 'No one yet' },
];

/** The fields of a keyed-in referral, as the form names them, for messages about them. */
export const keyInLabels: Record<string, string> = {
  teamId: 'Desk',
  channel: 'How it came',
  receivedAt: 'When it was received',
  formId: 'Form',
  'referrer.name': 'Referrer’s name',
  'referrer.email': 'Referrer’s email address',
  'referrer.phone': 'Referrer’s phone number',
  'referrer.organisation': 'Referrer’s organisation',
  'referrer.relationship': 'How they know the person',
  'subject.firstName': 'First name',
  'subject.lastName': 'Last name',
  'subject.dateOfBirth': 'Date of birth',
  'subject.address': 'Address',
  'subject.address.addressLine1': 'Address line 1',
  'subject.address.postcode': 'Postcode',
  'subject.phone': 'Person’s phone number',
  'subject.email': 'Person’s email address',
  concern: 'The concern',
  consent: 'Consent',
};

/** The fields of a decision. */
export const decisionLabels: Record<string, string> = {
  decision: 'Decision',
  reason: 'Reason',
  caseType: 'Case type',
  caseId: 'Case',
  profileId: 'The person',
  role: 'Their role in the case',
  reportVisibility: 'Who can read the referral on the case',
  signpostedTo: 'Signposted to',
  question: 'Question for the referrer',
};

/** The steps of `referral_events` in words; `received` is the first, written when the referral arrives. */
export const stepLabels: Record<string, string> = {
  received: 'Received',
  'start-triage': 'Triage started',
  'request-information': 'More information asked for',
  'information-received': 'Information received',
  accept: 'Accepted',
  signpost: 'Signposted',
  decline: 'Declined',
  withdraw: 'Withdrawn',
  reopen: 'Reopened',
};

export const stepText = (step: string) => stepLabels[step] ?? step.charAt(0).toUpperCase() + step.slice(1).replace(/-/g, ' ');

/** A decision once taken, as the referral's page and the figures name it. */
export const outcomeLabels: Record<ReferralDecision, string> = {
  'new-case': 'Accepted into a new case',
  'existing-case': 'Accepted into an existing case',
  'scheme-application': 'Taken in as a Keep Safe Card application',
  signpost: 'Signposted elsewhere',
  'more-information': 'More information asked for',
  decline: 'Declined',
};

/**
 * The vocabularies of referrals and triage: forms the public and other professionals fill in
 * without an account, and the triage desk each receiving team works. The same words in the
 * database, the API and the screen. ("Referral" here is a concern sent to a team; a record
 * brought to a panel is a panel referral, in panels.ts.)
 */

/** Where a referral stands: one state machine, `referralTransitions` below. */
export const referralStates = ['new', 'in-triage', 'waiting-for-information', 'accepted', 'signposted', 'declined', 'withdrawn'] as const;
export type ReferralState = (typeof referralStates)[number];
export const referralStateLabels: Record<ReferralState, string> = {
  new: 'New',
  'in-triage': 'In triage',
  'waiting-for-information': 'Waiting for information',
  accepted: 'Accepted',
  signposted: 'Signposted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

/** Still to be decided: on the desk's open list, and on the clock (paused while waiting). */
export const openReferralStates: readonly ReferralState[] = ['new', 'in-triage', 'waiting-for-information'];
/** A decision taken by the team: what the desk's figures count as decided. */
export const decidedReferralStates: readonly ReferralState[] = ['accepted', 'signposted', 'declined'];

/**
 * The desk's filters: a state, or a group of them. `triaged` is the contract's word for the
 * decided ones; `open` is the default.
 */
export const referralStatusFilters = ['open', 'triaged', 'all', ...referralStates] as const;
export type ReferralStatusFilter = (typeof referralStatusFilters)[number];
export function statesOf(filter: ReferralStatusFilter): readonly ReferralState[] {
  if (filter === 'open') return openReferralStates;
  if (filter === 'triaged') return decidedReferralStates;
  if (filter === 'all') return referralStates;
  return [filter];
}

/** The decisions of the contract (`POST /referrals/:id/decision`). */
export const referralDecisions = ['new-case', 'existing-case', 'scheme-application', 'signpost', 'more-information', 'decline'] as const;
export type ReferralDecision = (typeof referralDecisions)[number];
export const referralDecisionLabels: Record<ReferralDecision, string> = {
  'new-case': 'Accept into a new case',
  'existing-case': 'Accept into an existing case',
  'scheme-application': 'Take in as a Keep Safe Card application',
  signpost: 'Signpost elsewhere',
  'more-information': 'Ask the referrer for more information',
  decline: 'Decline',
};

/**
 * Every step a referral can take. Each names the states it may be taken from and the state it
 * leads to; anything else is refused (409 `referral_state`). A decision can be revisited: `reopen`
 * takes an accepted, signposted, declined or withdrawn referral back into triage, with a reason
 * (what it created stays: a case is closed on its own page).
 */
export const referralSteps = {
  /** Someone takes it on: by assigning it or starting triage. */
  'start-triage': { from: ['new'], to: 'in-triage' },
  'request-information': { from: ['new', 'in-triage'], to: 'waiting-for-information' },
  /** The referrer answered through their link, or the team recorded what they were told. */
  'information-received': { from: ['waiting-for-information'], to: 'in-triage' },
  accept: { from: ['new', 'in-triage', 'waiting-for-information'], to: 'accepted' },
  signpost: { from: ['new', 'in-triage', 'waiting-for-information'], to: 'signposted' },
  decline: { from: ['new', 'in-triage', 'waiting-for-information'], to: 'declined' },
  withdraw: { from: ['new', 'in-triage', 'waiting-for-information'], to: 'withdrawn' },
  reopen: { from: ['accepted', 'signposted', 'declined', 'withdrawn'], to: 'in-triage' },
} as const satisfies Record<string, { from: readonly ReferralState[]; to: ReferralState }>;
export type ReferralStep = keyof typeof referralSteps;
export const referralStepNames = Object.keys(referralSteps) as ReferralStep[];

/** The state a step leads to from `state`, or null when the step may not be taken from there. */
export function stepFrom(state: ReferralState, step: ReferralStep): ReferralState | null {
  const rule = referralSteps[step];
  return (rule.from as readonly ReferralState[]).includes(state) ? rule.to : null;
}

/** The step each decision takes. */
export const decisionSteps: Record<ReferralDecision, ReferralStep> = {
  'new-case': 'accept',
  'existing-case': 'accept',
  'scheme-application': 'accept',
  signpost: 'signpost',
  'more-information': 'request-information',
  decline: 'decline',
};

/** How a referral reached the desk. The public form and other systems set theirs; staff choose. */
export const referralChannels = ['online-form', 'phone', 'paper', 'email', 'in-person', 'api'] as const;
export type ReferralChannel = (typeof referralChannels)[number];
export const referralChannelLabels: Record<ReferralChannel, string> = {
  'online-form': 'Online form',
  phone: 'Phone',
  paper: 'Paper form',
  email: 'Email',
  'in-person': 'In person',
  api: 'Another system',
};
/** What staff may choose when keying in a referral. */
export const keyedReferralChannels = ['phone', 'paper', 'email', 'in-person'] as const satisfies readonly ReferralChannel[];

/**
 * What a form is for: a referral to a team, or an application to a scheme the team runs (the
 * public pages word themselves by it, and the desk takes it in as an application).
 */
export const referralFormPurposes = ['referral', 'scheme-application'] as const;
export type ReferralFormPurpose = (typeof referralFormPurposes)[number];
export const referralFormPurposeLabels: Record<ReferralFormPurpose, string> = {
  referral: 'Referral',
  'scheme-application': 'Keep Safe Card application',
};

/** A form is `draft` until published at /refer/<slug>; `closed` answers that it takes no more. */
export const referralFormStatuses = ['draft', 'published', 'closed'] as const;
export type ReferralFormStatus = (typeof referralFormStatuses)[number];
export const referralFormStatusLabels: Record<ReferralFormStatus, string> = {
  draft: 'Draft',
  published: 'Published',
  closed: 'Closed',
};

/** UK GDPR Article 6 lawful bases, as the privacy notice names them. */
export const lawfulBases = ['public-task', 'legal-obligation', 'vital-interests', 'consent', 'legitimate-interests', 'contract'] as const;
export type LawfulBasis = (typeof lawfulBases)[number];
export const lawfulBasisLabels: Record<LawfulBasis, string> = {
  'public-task': 'Public task (Article 6(1)(e))',
  'legal-obligation': 'Legal obligation (Article 6(1)(c))',
  'vital-interests': 'Vital interests (Article 6(1)(d))',
  consent: 'Consent (Article 6(1)(a))',
  'legitimate-interests': 'Legitimate interests (Article 6(1)(f))',
  contract: 'Contract (Article 6(1)(b))',
};

/** A referral form's settings when its builder gives none. */
export const referralFormDefaults = {
  /** Working days (England and Wales) from arrival to the decision due. */
  decisionDays: 2,
  lawfulBasis: 'public-task' as LawfulBasis,
  privacyNotice:
    'We will use what you tell us to decide how to help, and share it only with the organisations in our community safety partnership that need it to keep people safe. We keep it securely and for no longer than we need to.',
  /** The question a form built without any asks. */
  concernQuestion: { key: 'concern', text: 'What is your concern?', kind: 'text', required: true },
} as const;

/** The biggest body a public submission may have, in bytes. */
export const maxSubmissionBytes = 256 * 1024;

/** A referral's reference: "RF-" and 8 characters of Crockford's base32 (no I, L, O or U), in two groups. */
export const referenceAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const referencePattern = /^RF-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * The vocabulary of subject access requests (UK GDPR Article 15): a person asks for everything
 * the partnership holds about them. The same words in the database, the API and the screen.
 */

/**
 * A request's life: queued for collection, collecting, each agency reviewing its own items,
 * packaging the ZIP, ready to download until the window closes (then expired). `failed` when a
 * job gave up; `cancelled` when the person withdrew it.
 */
export const sarStatuses = ['queued', 'collecting', 'in_review', 'packaging', 'ready', 'expired', 'failed', 'cancelled'] as const;
export type SarStatus = (typeof sarStatuses)[number];
export const sarStatusLabels: Record<SarStatus, string> = {
  queued: 'Waiting to collect',
  collecting: 'Collecting',
  in_review: 'Agencies reviewing',
  packaging: 'Building the download',
  ready: 'Ready to download',
  expired: 'Download expired',
  failed: 'Failed',
  cancelled: 'Cancelled',
};
/** Still open: the statutory clock runs and the handler may extend, pause or cancel. */
export const openSarStatuses: readonly SarStatus[] = ['queued', 'collecting', 'in_review', 'packaging'];

/** What an item of the export is. */
export const sarItemKinds = [
  'profile', 'relationship', 'case', 'report', 'document', 'assessment', 'task', 'reminder', 'contact',
  'safety_plan', 'appointment', 'message', 'lawful_basis', 'emergency_access', 'cardholder', 'referral', 'history', 'viewers',
] as const;
export type SarItemKind = (typeof sarItemKinds)[number];
export const sarItemKindLabels: Record<SarItemKind, string> = {
  profile: 'Personal details',
  relationship: 'Relationship',
  case: 'Case',
  report: 'Report',
  document: 'Document',
  assessment: 'Assessment',
  task: 'Task',
  reminder: 'Reminder',
  contact: 'Contact with a victim',
  safety_plan: 'Safety plan',
  appointment: 'Appointment',
  message: 'Portal message',
  lawful_basis: 'Lawful basis',
  emergency_access: 'Emergency access',
  cardholder: 'Keep Safe Card',
  referral: 'Referral about you',
  history: 'Change to your details',
  viewers: 'Who viewed the record',
};

/** A reviewer includes an item (with any redactions) or withholds it whole under an exemption. */
export const sarItemDecisions = ['include', 'withhold'] as const;
export type SarItemDecision = (typeof sarItemDecisions)[number];

/** An agency's review of its own items. */
export const sarReviewStatuses = ['pending', 'done'] as const;
export type SarReviewStatus = (typeof sarReviewStatuses)[number];

/** The exemptions (DPA 2018 Schedules 2–4 and s45) a redaction or a withholding is made under. */
export const exemptions = [
  'third-party', 'crime-and-taxation', 'law-enforcement-s45', 'legal-privilege', 'serious-harm-health',
  'serious-harm-social-work', 'serious-harm-education', 'child-abuse-data', 'management-forecasts', 'negotiations',
  'confidential-references',
] as const;
export type Exemption = (typeof exemptions)[number];
export const exemptionLabels: Record<Exemption, string> = {
  'third-party': 'Third party (DPA 2018 Sch 2 para 16)',
  'crime-and-taxation': 'Crime and taxation (DPA 2018 Sch 2 para 2)',
  'law-enforcement-s45': 'Law enforcement (DPA 2018 s45(4))',
  'legal-privilege': 'Legal professional privilege (DPA 2018 Sch 2 para 19)',
  'serious-harm-health': 'Serious harm: health data (DPA 2018 Sch 3 para 5)',
  'serious-harm-social-work': 'Serious harm: social work data (DPA 2018 Sch 3 para 10)',
  'serious-harm-education': 'Serious harm: education data (DPA 2018 Sch 3 para 19)',
  'child-abuse-data': 'Child abuse data (DPA 2018 Sch 3 para 21)',
  'management-forecasts': 'Management forecasts (DPA 2018 Sch 2 para 22)',
  negotiations: 'Negotiations (DPA 2018 Sch 2 para 23)',
  'confidential-references': 'Confidential references (DPA 2018 Sch 2 para 24)',
};
/** What each exemption means, in a sentence the person can follow: the index explains every one it uses. */
export const exemptionMeanings: Record<Exemption, string> = {
  'third-party': 'Information about someone else, who has not agreed to it being shared, and whom it would not be reasonable to identify to you.',
  'crime-and-taxation': 'Giving it to you would be likely to harm the prevention or detection of crime or the catching or prosecution of offenders.',
  'law-enforcement-s45': 'Giving it to you would be likely to harm a police investigation, prosecution or the protection of the public.',
  'legal-privilege': 'Confidential advice from a lawyer, or information prepared for legal proceedings.',
  'serious-harm-health': 'A health professional judged that giving it to you would be likely to cause serious harm to your or someone else\'s physical or mental health.',
  'serious-harm-social-work': 'Giving social work information to you would be likely to cause serious harm to your or someone else\'s physical or mental health.',
  'serious-harm-education': 'Giving education information to you would be likely to cause serious harm to your or someone else\'s physical or mental health.',
  'child-abuse-data': 'Information about child abuse that it would not be in the child\'s best interests to give.',
  'management-forecasts': 'Plans or forecasts about the organisation\'s management that giving to you would harm.',
  negotiations: 'The organisation\'s intentions in negotiations with you, which giving to you would harm.',
  'confidential-references': 'A reference given in confidence.',
};

/**
 * Neither confirm nor deny: what is withheld under these is left out of the index altogether,
 * since saying that something was withheld would itself tell the person what it protects.
 */
export const neitherConfirmNorDeny: readonly Exemption[] = ['crime-and-taxation', 'law-enforcement-s45'];

/** The mark a redaction leaves in the text the person receives. */
export const redactionMark = (exemption: Exemption): string =>
  exemption === 'third-party' ? '[REDACTED: third party]' : '[REDACTED]';

/** The partnership's subject access settings before its system administrators change them. */
export const subjectAccessDefaults = {
  /** Names of staff outside the handling organisation are redacted ("a member of staff of <organisation>"). */
  redactOtherAgencyStaff: true,
  /** Days the ZIP may be downloaded once ready; then it is deleted. */
  downloadDays: 14,
} as const;

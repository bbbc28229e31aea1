/**
 * The vocabulary of data protection: information sharing agreements, and the lawful basis each
 * organisation holds and shares a person's information on. The same words in the database, the
 * API and the screen. Article 6 bases are `lawfulBases` in `referrals.ts`, shared with the forms.
 */

/** UK GDPR Article 9(2) conditions for special category data (health, ethnicity, sex life …), with the DPA 2018 s35 law enforcement processing beside them. */
export const article9Conditions = [
  'explicit-consent',
  'employment-social-security',
  'vital-interests',
  'not-for-profit',
  'made-public',
  'legal-claims',
  'substantial-public-interest',
  'health-social-care',
  'public-health',
  'archiving-research',
  'law-enforcement-s35',
] as const;
export type Article9Condition = (typeof article9Conditions)[number];
export const article9ConditionLabels: Record<Article9Condition, string> = {
  'explicit-consent': 'Explicit consent (Article 9(2)(a))',
  'employment-social-security': 'Employment, social security and social protection (Article 9(2)(b))',
  'vital-interests': 'Vital interests (Article 9(2)(c))',
  'not-for-profit': 'Not-for-profit bodies (Article 9(2)(d))',
  'made-public': 'Made public by the person (Article 9(2)(e))',
  'legal-claims': 'Legal claims and judicial acts (Article 9(2)(f))',
  'substantial-public-interest': 'Reasons of substantial public interest (Article 9(2)(g))',
  'health-social-care': 'Health or social care (Article 9(2)(h))',
  'public-health': 'Public health (Article 9(2)(i))',
  'archiving-research': 'Archiving, research and statistics (Article 9(2)(j))',
  'law-enforcement-s35': 'Sensitive processing for law enforcement (DPA 2018 s35)',
};

/** How a person gave their consent. */
export const consentMethods = ['written', 'verbal', 'electronic', 'parent-or-guardian'] as const;
export type ConsentMethod = (typeof consentMethods)[number];
export const consentMethodLabels: Record<ConsentMethod, string> = {
  written: 'In writing',
  verbal: 'Verbally',
  electronic: 'Electronically (email, online form)',
  'parent-or-guardian': 'By a parent or guardian',
};

/** Why a lawful basis stopped applying; `superseded` is set by Concord when another is recorded. */
export const lawfulBasisEndReasons = ['consent-withdrawn', 'superseded', 'no-longer-needed'] as const;
export type LawfulBasisEndReason = (typeof lawfulBasisEndReasons)[number];
export const lawfulBasisEndReasonLabels: Record<LawfulBasisEndReason, string> = {
  'consent-withdrawn': 'Consent withdrawn',
  superseded: 'Replaced by a new basis',
  'no-longer-needed': 'No longer needed',
};
/** The reasons a person gives when ending a basis themselves. */
export const chosenEndReasons = ['consent-withdrawn', 'no-longer-needed'] as const satisfies readonly LawfulBasisEndReason[];

/** An agreement's state; "review due" is not a state but read from its review date. */
export const agreementStatuses = ['draft', 'active', 'ended'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];
export const agreementStatusLabels: Record<AgreementStatus, string> = { draft: 'Draft', active: 'Active', ended: 'Ended' };

/** A partnership's data protection settings before its system administrators change them. */
export const dataProtectionDefaults = {
  /** Those who keep an agreement or a lawful basis are told this many days before its review date. */
  reviewReminderDays: 30,
  /** A lawful basis recorded without a review date is reviewed this many months later. */
  lawfulBasisReviewMonths: 12,
} as const;

/** The date `months` calendar months after an ISO date, the last day of the month when it has no such day (31 January + 1 → 28 or 29 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/**
 * The vocabulary of retention: how long the partnership keeps a kind of record, the review of each
 * record past its time (keep for longer, anonymise or delete) and the legal hold that stops both.
 * The same words in the database, the API and the screen.
 */

/** The kinds of record a retention rule can name. */
export const retentionRecordKinds = ['profile', 'case', 'cardholder'] as const;
export type RetentionRecordKind = (typeof retentionRecordKinds)[number];
export const retentionRecordKindLabels: Record<RetentionRecordKind, string> = {
  profile: 'People',
  case: 'Cases',
  cardholder: 'Keep Safe cardholders',
};

/** From when a rule counts its time; each belongs to one kind of record. */
export const retentionStarts = ['case_closed', 'last_activity', 'left_scheme'] as const;
export type RetentionStart = (typeof retentionStarts)[number];
export const retentionStartLabels: Record<RetentionStart, string> = {
  case_closed: 'after the case closes',
  last_activity: 'after the last activity on the person, when they are on no open case',
  left_scheme: 'after leaving the scheme',
};
export const retentionStartOf: Record<RetentionRecordKind, RetentionStart> = {
  profile: 'last_activity',
  case: 'case_closed',
  cardholder: 'left_scheme',
};

/** What a review decided; `pending` waits in the queue. */
export const retentionDecisions = ['keep', 'anonymise', 'delete'] as const;
export type RetentionDecision = (typeof retentionDecisions)[number];
export const retentionDecisionLabels: Record<RetentionDecision, string> = { keep: 'Keep', anonymise: 'Anonymise', delete: 'Delete' };

export const retentionReviewStatuses = ['pending', 'kept', 'anonymised', 'deleted'] as const;
export type RetentionReviewStatus = (typeof retentionReviewStatuses)[number];
export const retentionReviewStatusLabels: Record<RetentionReviewStatus, string> = {
  pending: 'Waiting for a decision',
  kept: 'Kept',
  anonymised: 'Anonymised',
  deleted: 'Deleted',
};
export const statusOfDecision: Record<RetentionDecision, Exclude<RetentionReviewStatus, 'pending'>> = { keep: 'kept', anonymise: 'anonymised', delete: 'deleted' };

/** The kinds of record a legal hold can be placed on. */
export const holdRecordKinds = ['profile', 'case'] as const;
export type HoldRecordKind = (typeof holdRecordKinds)[number];

/** What stands in for a person's name, and for free text, once anonymised. */
export const anonymisedName = { firstName: 'Anonymised', lastName: 'person' } as const;
export const removedText = '[removed on anonymisation]';
export const removedAddress = '[address removed]';

/** "6 years after the case closes" from a number of months. */
export function keepPeriod(months: number): string {
  if (months % 12 === 0) return `${months / 12} ${months === 12 ? 'year' : 'years'}`;
  return `${months} ${months === 1 ? 'month' : 'months'}`;
}

/** A rule in words: "ASB cases: 6 years after the case closes". */
export function describeRule(rule: { recordKind: RetentionRecordKind; caseType: { name: string } | null; startsFrom: RetentionStart; keepMonths: number }): string {
  const what = rule.caseType ? `${rule.caseType.name} cases` : retentionRecordKindLabels[rule.recordKind];
  return `${what}: ${keepPeriod(rule.keepMonths)} ${retentionStartLabels[rule.startsFrom]}`;
}

/** DPA 2018 s62: what a police user's action was, a consultation (a read) or a disclosure (giving it to others). */
export const disclosureLogKinds = ['consultation', 'disclosure'] as const;
export type DisclosureLogKind = (typeof disclosureLogKinds)[number];
export const disclosureLogKindLabels: Record<DisclosureLogKind, string> = { consultation: 'Consultation', disclosure: 'Disclosure' };

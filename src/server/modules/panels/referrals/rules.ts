import type { ReferralCriterion } from '../../../../shared/panels.ts';
import type { RelationshipKind } from '../../../../shared/records.ts';

/** SafeLives: a referral within 12 months of the record's last one to the same panel is a repeat. */
export const repeatWindowMonths = 12;
/** Escalation: this many incidents in the repeat window (SafeLives' "3 incidents in 12 months"). */
const escalationIncidents = 3;
/** A DASH score of 14 or more ("visible high risk") meets the MARAC threshold. */
const dashThreshold = 14;
/** The report types that count as incidents for escalation. */
export const incidentReportTypes = ['asb-complaint', 'hate-incident'] as const;

/**
 * How long the chair's and coordinators' teams may open a record referred to their panel: as
 * long as the repeat window, as the panel may hear it again within it. A new referral renews it.
 */
export function panelGrantEnds(now = new Date()): Date {
  const end = new Date(now);
  end.setUTCMonth(end.getUTCMonth() + repeatWindowMonths);
  return end;
}

export interface Found {
  dashScore: number | null;
  matrixHigh: boolean;
  incidents: number;
  repeat: boolean;
}

/** The criteria what Concord holds points to; professional judgement is the referrer's alone. */
export function suggestedCriteria(found: Found): ReferralCriterion[] {
  return [
    ...(found.dashScore !== null && found.dashScore >= dashThreshold ? ['dash-14' as const] : []),
    ...(found.matrixHigh ? ['ram-high' as const] : []),
    ...(found.incidents >= escalationIncidents ? ['escalation' as const] : []),
    ...(found.repeat ? ['repeat' as const] : []),
  ];
}

/** The referrer's criteria, with `repeat` added when Concord found an earlier referral in the window. */
export function criteriaOf(given: ReferralCriterion[], repeat: boolean): ReferralCriterion[] {
  return [...new Set([...given, ...(repeat ? ['repeat' as const] : [])])];
}

/**
 * A child in the household: a relative under 18, or someone the person is a parent of whose age
 * is not known (the safer reading when nobody recorded it).
 */
export function isChild(relative: { age: number | null; kind: RelationshipKind; personIsFrom: boolean }): boolean {
  if (relative.age !== null) return relative.age < 18;
  return relative.kind === 'parent' && relative.personIsFrom;
}

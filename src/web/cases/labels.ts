import type { CaseStatus } from '../../shared/records.ts';

export const caseLabels = {
  caseType: 'Case type',
  caseTypeId: 'Case type',
  title: 'Title',
  summary: 'Summary',
  leadOrganisationId: 'Lead organisation',
  leadOfficerId: 'Lead officer',
  singlePointOfContactId: 'Single point of contact',
  startDate: 'Start date',
  endDate: 'End date',
  parentCaseId: 'Part of',
  outcome: 'Outcome',
  reason: 'Reason',
};

export const statusLabels: Record<CaseStatus, string> = { open: 'Open', closed: 'Closed', archived: 'Archived' };
export const statusColours: Record<CaseStatus, string> = { open: 'green', closed: 'gray', archived: 'orange' };
export const statusOptions = (Object.keys(statusLabels) as CaseStatus[]).map((s) => ({ value: s, label: statusLabels[s] }));

/** How a case is named in links and lists: "ASB/2026/00042: Noise at Elm Court". */
export function caseName(c: { reference: string; title: string }): string {
  return `${c.reference}: ${c.title}`;
}

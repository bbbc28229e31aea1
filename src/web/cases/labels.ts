import { caseLabels, caseStatusLabels as statusLabels } from '../../shared/labels/cases.ts';
import type { CaseStatus } from '../../shared/records.ts';

export { caseLabels, statusLabels };

export const statusColours: Record<CaseStatus, string> = { open: 'green', closed: 'gray', archived: 'orange' };
export const statusOptions = (Object.keys(statusLabels) as CaseStatus[]).map((s) => ({ value: s, label: statusLabels[s] }));

/** How a case is named in links and lists: "ASB/2026/00042: Noise at Elm Court". */
export function caseName(c: { reference: string; title: string }): string {
  return `${c.reference}: ${c.title}`;
}

import type { z } from 'zod';
import type { missingShare } from '../../../shared/api/insights.ts';
import { levelLabels } from '../../records/levels.ts';

type MissingShare = z.infer<typeof missingShare>;

const percent = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "12.5%"; a check with nobody to count is no percentage at all, not 0%. */
export function percentText(count: number, of: number): string {
  return of === 0 ? '—' : `${percent.format((count / of) * 100)}%`;
}

export function recordsText(count: number): string {
  return `${count} ${count === 1 ? 'record' : 'records'}`;
}

/** A target as the sharing panel names it: "Tenancy team (Demo Housing Association)" or "Everyone in Demo Housing Association". */
export function targetText(share: MissingShare): string {
  return share.team ? `${share.team.name} (${share.organisation.name})` : `Everyone in ${share.organisation.name}`;
}

/** "Everyone in Demo Housing Association: can view and edit (holds view)": a view grant where edit is expected is a gap too. */
export function missingShareText(share: MissingShare): string {
  const held = share.holds ? ` (holds ${share.holds})` : '';
  return `${targetText(share)}: ${levelLabels[share.level].toLowerCase()}${held}`;
}

/** The failing profiles the reader may not open: a figure in words, never a name. */
export function hiddenText(hidden: number): string | null {
  if (hidden === 0) return null;
  return hidden === 1
    ? '1 more person you cannot open fails this check: counted in the figures, not listed here.'
    : `${hidden} more people you cannot open fail this check: counted in the figures, not listed here.`;
}

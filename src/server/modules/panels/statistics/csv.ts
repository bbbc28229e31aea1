import type { PanelStatistics } from '../../../../shared/api/panels.ts';
import { referralCriterionLabels } from '../../../../shared/panels.ts';

/**
 * A spreadsheet opens a cell starting with = + - @ (or a tab or carriage return) as a formula;
 * a leading quote keeps it text, so a panel's name cannot run anything.
 */
function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const line = (cells: (string | number | null)[]) => cells.map(cell).join(',');

/** The same figures as the statistics page: the totals, then the referrals by criterion. */
export function panelStatisticsCsv(stats: PanelStatistics): string {
  const lines = [
    line(['Panel', 'From', 'To', 'Referrals', 'Repeat referrals', 'Repeat rate', 'Actions agreed', 'Actions completed', 'Actions completed on time']),
    line([stats.panel.name, stats.from, stats.to, stats.referrals, stats.repeatReferrals, stats.repeatRate, stats.actions, stats.actionsCompleted, stats.actionsCompletedOnTime]),
    '',
    line(['Criterion', 'Referrals']),
    ...stats.byCriterion.map((c) => line([referralCriterionLabels[c.criterion], c.count])),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

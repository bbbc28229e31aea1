import type { Statistics } from '../../../../shared/api/assessments.ts';

/**
 * A spreadsheet opens a cell starting with = + - @ (or a tab or carriage return) as a formula;
 * a leading quote keeps it text, so a band label or option cannot run anything.
 */
function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const line = (cells: (string | number | null)[]) => cells.map(cell).join(',');

/** The same figures as the statistics page, one section per table, each with its own header row. */
export function statisticsCsv(stats: Statistics): string {
  const lines = [
    line(['Template', 'From', 'To', 'Area', 'Assessments', 'People or cases']),
    line([stats.template.name, stats.from, stats.to, stats.area, stats.total, stats.subjects]),
    '',
    line(['Band', 'Assessments']),
    ...stats.bands.map((b) => line([b.label, b.count])),
    '',
    line(['From band', 'To band', 'People or cases']),
    ...stats.movement.map((m) => line([m.from, m.to, m.count])),
    '',
    line(['Question key', 'Question', 'Answer', 'Answer label', 'Assessments']),
    ...stats.questions.flatMap((question) => question.answers.map((a) => line([question.key, question.text, a.value, a.label, a.count]))),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

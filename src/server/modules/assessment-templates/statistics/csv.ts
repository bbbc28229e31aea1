import type { Statistics } from '../../../../shared/api/assessments.ts';
import { csvLine as line } from '../../../platform/csv.ts';

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

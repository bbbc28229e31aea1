import type { AnswerValue, Comparison } from '../../shared/api/assessments.ts';
import { formatDate } from '../components/format.ts';

type ComparedQuestion = Comparison['questions'][number];

/** An answer in words: the chosen options' labels, the rating, the date or the text. */
export function answerText(question: ComparedQuestion, value: AnswerValue | undefined): string {
  if (value === undefined) return '—';
  const labelOf = (v: string) => question.options.find((o) => o.value === v)?.label ?? v;
  if (Array.isArray(value)) return value.map(labelOf).join('; ');
  if (typeof value === 'number') return question.kind === 'scale' && question.scale ? `${value} of ${question.scale.max}` : String(value);
  if (typeof value === 'object') {
    const counts = new Map<string, number>();
    for (const choice of Object.values(value)) counts.set(labelOf(choice), (counts.get(labelOf(choice)) ?? 0) + 1);
    return [...counts].map(([label, count]) => `${label} (${count} ${count === 1 ? 'person' : 'people'})`).join('; ');
  }
  if (question.kind === 'date') return formatDate(`${value}T12:00:00Z`);
  if (question.options.length > 0) return labelOf(value);
  return value;
}

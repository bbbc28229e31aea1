import type { AnswerValue, FamilyMember, FormQuestion } from '../../shared/forms/definition.ts';
import { formatDate } from '../components/format.ts';

type Asked = Pick<FormQuestion, 'kind' | 'options' | 'scale'>;

const optionLabel = (question: Asked, value: string) => question.options.find((o) => o.value === value)?.label ?? value;

/** A family grid without its members' names (comparing reviews): how many people gave each answer. */
function answerCounts(question: Asked, given: string[]): string {
  const counts = new Map<string, number>();
  for (const choice of given) counts.set(optionLabel(question, choice), (counts.get(optionLabel(question, choice)) ?? 0) + 1);
  return [...counts].map(([label, count]) => `${label} (${count} ${count === 1 ? 'person' : 'people'})`).join('; ');
}

/** An answer as a person reads it: the chosen option's words, not its stored value. */
export function answerText(question: Asked, value: AnswerValue | null | undefined, members: FamilyMember[] | null = null): string {
  if (value === null || value === undefined || value === '') return 'Not answered';
  switch (question.kind) {
    case 'yes_no':
    case 'single_choice':
      return optionLabel(question, String(value));
    case 'multiple_choice':
      return Array.isArray(value) && value.length > 0 ? value.map((v) => optionLabel(question, v)).join('; ') : 'Not answered';
    case 'scale': {
      const range = question.scale ?? { min: 1, max: 10 };
      return `${String(value)} out of ${range.max}`;
    }
    case 'date':
      return typeof value === 'string' ? formatDate(`${value}T12:00:00Z`) : String(value);
    case 'family_grid': {
      if (typeof value !== 'object' || Array.isArray(value)) return String(value);
      const given = Object.entries(value);
      if (given.length === 0) return 'Not answered';
      if (!members) return answerCounts(question, given.map(([, v]) => v));
      const name = (id: string) => members.find((m) => m.profileId === id)?.name ?? 'Someone no longer listed';
      return given.map(([id, v]) => `${name(id)}: ${optionLabel(question, v)}`).join('; ');
    }
    default:
      return String(value);
  }
}

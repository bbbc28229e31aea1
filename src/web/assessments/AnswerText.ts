import type { AnswerValue, FamilyMember, TemplateQuestion } from '../../shared/api/assessments.ts';
import { formatDate } from '../components/format.ts';

const optionLabel = (question: TemplateQuestion, value: string) => question.options.find((o) => o.value === value)?.label ?? value;

/** An answer as a person reads it: the chosen option's words, not its stored value. */
export function answerText(question: TemplateQuestion, value: AnswerValue | null | undefined, members: FamilyMember[] = []): string {
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
      const name = (id: string) => members.find((m) => m.profileId === id)?.name ?? 'Someone no longer listed';
      const given = Object.entries(value);
      return given.length === 0 ? 'Not answered' : given.map(([id, v]) => `${name(id)}: ${optionLabel(question, v)}`).join('; ');
    }
    default:
      return String(value);
  }
}

import type { BankQuestion, Template, TemplateDefinition, TemplateQuestion } from '../../shared/api/assessments.ts';
import type { QuestionKind } from '../../shared/assessments.ts';

/** What the builder edits: the template's name and description, and the definition that becomes a version. */
export interface TemplateDraft {
  name: string;
  description: string;
  definition: TemplateDefinition;
}

let lastUid = 0;

/**
 * Questions carry a builder-only id so React keeps each editor (and the focus in it) while its
 * key is renamed or it moves; the shared schema strips it before the template is sent.
 */
export function withUid(question: TemplateQuestion): TemplateQuestion {
  lastUid += 1;
  return Object.assign({ ...question }, { uid: `q${lastUid}` });
}

export const uidOf = (question: TemplateQuestion): string => (question as TemplateQuestion & { uid?: string }).uid ?? question.key;

export function definitionOf(t: Template): TemplateDefinition {
  const { sections, scoring, bands, thresholds, adjustment, setsRiskLevel, chart, family } = t;
  return { sections, scoring, bands, thresholds, adjustment, setsRiskLevel, chart, family };
}

const editable = (definition: TemplateDefinition): TemplateDefinition => ({
  ...definition,
  sections: definition.sections.map((s) => ({ ...s, questions: s.questions.map(withUid) })),
});

export const draftOf = (t: Template): TemplateDraft => ({ name: t.name, description: t.description ?? '', definition: editable(definitionOf(t)) });

export const emptyDraft = (): TemplateDraft => ({
  name: '',
  description: '',
  definition: {
    sections: [{ title: 'Questions', questions: [] }],
    scoring: 'sum',
    bands: [],
    thresholds: [],
    adjustment: 'not_allowed',
    setsRiskLevel: false,
    chart: 'line',
    family: false,
  },
});

/** The list with the item at `index` moved by `delta` places; unchanged when that would leave the list. */
export function moved<T>(items: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item!);
  return next;
}

export const allQuestions = (definition: TemplateDefinition) => definition.sections.flatMap((s) => s.questions);

/** A key for answers made from words: "Is the home safe?" → "is-the-home-safe", unique in the template. */
export function keyFrom(words: string, taken: ReadonlySet<string>, fallback = 'question'): string {
  const base = words.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50).replace(/-+$/, '') || fallback;
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/** The keys new questions get until their wording is typed. */
export const placeholderKey = /^new-question(-\d+)?$/;

export const yesNoOptions = () => [{ value: 'yes', label: 'Yes', score: 1 }, { value: 'no', label: 'No', score: 0 }];

export function ownQuestion(taken: ReadonlySet<string>): TemplateQuestion {
  return withUid({
    key: keyFrom('new question', taken),
    questionId: null,
    text: '',
    guidance: null,
    kind: 'yes_no',
    nature: 'objective',
    topics: [],
    options: yesNoOptions(),
    scale: null,
    required: false,
    condition: null,
  });
}

/** A bank question as the template holds it; the server copies the bank's wording again on save. */
export function fromBank(question: BankQuestion, taken: ReadonlySet<string>): TemplateQuestion {
  return withUid({
    key: taken.has(question.key) ? keyFrom(question.key, taken) : question.key,
    questionId: question.id,
    text: question.text,
    guidance: question.guidance,
    kind: question.kind,
    nature: question.nature,
    topics: question.topics,
    options: question.options,
    scale: question.scale,
    required: false,
    condition: null,
  });
}

/** A new kind keeps what still fits: yes/no gets its two options, a scale its range, other kinds no options. */
export function withKind(question: TemplateQuestion, kind: QuestionKind): TemplateQuestion {
  const choices = kind === 'single_choice' || kind === 'multiple_choice' || kind === 'family_grid';
  return {
    ...question,
    kind,
    options: kind === 'yes_no' ? yesNoOptions() : choices ? (question.options.length > 0 ? question.options : [{ value: '', label: '', score: 0 }, { value: '', label: '', score: 0 }]) : [],
    scale: kind === 'scale' ? (question.scale ?? { min: 1, max: 10 }) : null,
  };
}

/** Renames a question's key and every condition that depends on it. */
export function renameKey(definition: TemplateDefinition, from: string, to: string): TemplateDefinition {
  return {
    ...definition,
    sections: definition.sections.map((s) => ({
      ...s,
      questions: s.questions.map((q) => ({
        ...q,
        key: q.key === from ? to : q.key,
        condition: q.condition?.questionKey === from ? { ...q.condition, questionKey: to } : q.condition,
      })),
    })),
  };
}

/** Problems keyed by field ("definition.sections.0.questions.2.options"), several per field. */
export type Problems = Record<string, string[]>;

export function groupProblems(problems: readonly { field: string; problem: string }[]): Problems {
  const grouped: Problems = {};
  for (const { field, problem } of problems) {
    const list = (grouped[field] ??= []);
    if (!list.includes(problem)) list.push(problem);
  }
  return grouped;
}

/** The problems of a field and of anything inside it. */
export function problemsUnder(problems: Problems, prefix: string): string[] {
  return Object.entries(problems).filter(([field]) => field === prefix || field.startsWith(`${prefix}.`)).flatMap(([, list]) => list);
}

/** Where a problem is, in the builder's words: "Section 2, question 3: options". */
export function describeField(field: string): string {
  const parts = field.replace(/^definition\./, '').split('.');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (next !== undefined && /^\d+$/.test(next) && ['sections', 'questions', 'options', 'bands', 'thresholds'].includes(part)) {
      const noun = { sections: 'Section', questions: 'question', options: 'option', bands: 'Band', thresholds: 'Threshold' }[part];
      words.push(`${noun} ${Number(next) + 1}`);
      i += 1;
    } else words.push(part === 'text' ? 'wording' : part);
  }
  return words.join(', ');
}

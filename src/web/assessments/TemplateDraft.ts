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

/** Where a question sits: its section and its place in that section, both from 0. */
export interface QuestionPlace {
  section: number;
  index: number;
}

/**
 * The definition with one question moved to the end of another section, with everything about it
 * kept (so a condition may now name a later question: the engine reports that). Unchanged when the
 * question or the section does not exist, or the section is the question's own.
 */
export function movedToSection(definition: TemplateDefinition, from: QuestionPlace, to: number): TemplateDefinition {
  const question = definition.sections[from.section]?.questions[from.index];
  if (!question || to === from.section || !definition.sections[to]) return definition;
  return {
    ...definition,
    sections: definition.sections.map((s, n) => {
      if (n === from.section) return { ...s, questions: s.questions.filter((_, i) => i !== from.index) };
      if (n === to) return { ...s, questions: [...s.questions, question] };
      return s;
    }),
  };
}

/** A section as the builder names it: "Section 2: The household", or only its number while the title is blank. */
export function sectionName(definition: TemplateDefinition, index: number): string {
  const title = definition.sections[index]?.title.trim();
  return title ? `Section ${index + 1}: ${title}` : `Section ${index + 1}`;
}

/** A question the template numbers and names, for messages about it. */
export interface NumberedQuestion {
  key: string;
  uid: string;
  number: number;
  text: string;
}

/** A question whose condition names a question that does not come before it. */
export interface ConditionOnLater {
  question: NumberedQuestion;
  source: NumberedQuestion;
}

const numbered = (definition: TemplateDefinition): NumberedQuestion[] =>
  allQuestions(definition).map((q, i) => ({ key: q.key, uid: uidOf(q), number: i + 1, text: q.text.trim() || q.key }));

/**
 * Conditions that name a question further down the template, which the engine refuses ("must
 * depend on an earlier question"): the builder says which question, so the fix is clear.
 */
export function conditionsOnLater(definition: TemplateDefinition): ConditionOnLater[] {
  const list = numbered(definition);
  const byKey = new Map(list.map((q) => [q.key, q]));
  return allQuestions(definition).flatMap((q, i) => {
    const source = q.condition ? byKey.get(q.condition.questionKey) : undefined;
    return source && source.number > i + 1 ? [{ question: list[i]!, source }] : [];
  });
}

/** The words beside a question whose condition names a later question. */
export const conditionOnLaterProblem = (source: NumberedQuestion): string =>
  `Its condition depends on question ${source.number} (“${source.text}”), which now comes after it: move this question below that one, or change the condition.`;

/**
 * What a screen reader hears after a question moves to another section: where it went and its new
 * number, and any condition the move has broken, whether the question's own or one that depends on it.
 */
export function movedMessage(definition: TemplateDefinition, uid: string): string {
  const section = definition.sections.findIndex((s) => s.questions.some((q) => uidOf(q) === uid));
  const question = numbered(definition).find((q) => q.uid === uid);
  if (section < 0 || !question) return '';
  const title = definition.sections[section]!.title.trim();
  const words = [`Moved “${question.text}” to the end of section ${section + 1}${title ? `, ${title}` : ''}: it is now question ${question.number}.`];
  for (const { question: dependent, source } of conditionsOnLater(definition)) {
    if (dependent.uid === uid) words.push(`Its condition depends on question ${source.number}, which now comes after it.`);
    else if (source.uid === uid) words.push(`Question ${dependent.number} depends on it and now comes before it.`);
  }
  return words.join(' ');
}

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

const isUnder = (field: string, prefix: string) => field === prefix || field.startsWith(`${prefix}.`);

/** The problems of a field and of anything inside it, leaving out those under `except`. */
export function problemsUnder(problems: Problems, prefix: string, except?: string): string[] {
  return Object.entries(problems).filter(([field]) => isUnder(field, prefix) && !(except !== undefined && isUnder(field, except))).flatMap(([, list]) => list);
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

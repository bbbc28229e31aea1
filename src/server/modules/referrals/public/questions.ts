/**
 * A referral form's own questions on the public pages: one page per section, each answer read
 * from what was typed, checked by the shared form engine, and said back in words on the check
 * page. Messages follow the GOV.UK Design System's ("Select…", "Enter…") and name the question,
 * since the error summary lists them away from it.
 */
import type { AnswerValue, Answers, FormDefinition, FormQuestion } from '../../../../shared/forms/definition.ts';
import { answerProblems, askedQuestions, missingAnswers } from '../../../../shared/forms/engine.ts';
import { conditionKinds, defaultScale, maxTextAnswer } from '../../../../shared/forms/questions.ts';
import { dateInWords, partsInWords, readDate } from './dates.ts';
import { many, one, type Entered } from './state.ts';

/** A problem to show: the element the error summary links to (none for one about the whole page), and what to do. */
export interface PageProblem {
  id: string | null;
  text: string;
}

/** The field name (and id) of a question's answer; its own prefix keeps question keys apart from the page's other fields. */
export const fieldOf = (key: string) => `q-${key}`;

/** The most ratings a scale shows as radios; a wider one is a number box. */
const maxScaleRadios = 11;

export const scaleOf = (question: FormQuestion) => question.scale ?? defaultScale;
export const scaleAsRadios = (question: FormQuestion) => scaleOf(question).max - scaleOf(question).min + 1 <= maxScaleRadios;

/** The names a question's answer is posted under. */
export function fieldNamesOf(question: FormQuestion): string[] {
  const name = fieldOf(question.key);
  return question.kind === 'date' ? [`${name}-day`, `${name}-month`, `${name}-year`] : [name];
}

/** The element the error summary links to: the first box or option. */
const firstIdOf = (question: FormQuestion) => (question.kind === 'date' ? `${fieldOf(question.key)}-day` : fieldOf(question.key));

type Read = { value?: AnswerValue; problem?: string };

/** A question's answer as typed, read into the form engine's terms; blank is no answer. */
function readAnswer(question: FormQuestion, values: Entered): Read {
  const name = fieldOf(question.key);
  const quoted = `“${question.text}”`;
  switch (question.kind) {
    case 'multiple_choice': {
      const chosen = many(values[name]);
      return chosen.length ? { value: chosen } : {};
    }
    case 'scale': {
      const typed = one(values[name]).trim();
      if (!typed) return {};
      const { min, max } = scaleOf(question);
      return /^-?\d+$/.test(typed) ? { value: Number(typed) } : { problem: `The answer to ${quoted} must be a whole number from ${min} to ${max}` };
    }
    case 'number': {
      const typed = one(values[name]).trim().replaceAll(',', '');
      if (!typed) return {};
      return /^-?\d+(\.\d+)?$/.test(typed) ? { value: Number(typed) } : { problem: `The answer to ${quoted} must be a number` };
    }
    case 'date': {
      const read = readDate(one(values[`${name}-day`]), one(values[`${name}-month`]), one(values[`${name}-year`]));
      if (read.kind === 'blank') return {};
      if (read.kind === 'missing') return { problem: `The date for ${quoted} must include a ${partsInWords(read.parts)}` };
      if (read.kind === 'not-real') return { problem: `The date for ${quoted} must be a real date` };
      return { value: read.iso };
    }
    case 'text': {
      // Browsers send new lines as CRLF; the character count counts them as one.
      const typed = one(values[name]).replaceAll('\r\n', '\n');
      return typed.trim() ? { value: typed } : {};
    }
    default: {
      const chosen = one(values[name]);
      return chosen ? { value: chosen } : {};
    }
  }
}

/** Every answer that reads, whatever page it is on. */
export function typedAnswers(definition: FormDefinition, values: Entered): Answers {
  const answers: Answers = {};
  for (const question of definition.sections.flatMap((s) => s.questions)) {
    const { value } = readAnswer(question, values);
    if (value !== undefined) answers[question.key] = value;
  }
  return answers;
}

function missingText(question: FormQuestion): string {
  const quoted = `“${question.text}”`;
  switch (question.kind) {
    case 'multiple_choice': return `Select at least one answer to ${quoted}`;
    case 'text': return `Enter an answer to ${quoted}`;
    case 'number': return `Enter a number for ${quoted}`;
    case 'date': return `Enter a date for ${quoted}`;
    case 'scale': return scaleAsRadios(question) ? `Select an answer to ${quoted}` : `Enter a number for ${quoted}`;
    default: return `Select an answer to ${quoted}`;
  }
}

function unfitText(question: FormQuestion): string {
  const quoted = `“${question.text}”`;
  switch (question.kind) {
    case 'text': return `The answer to ${quoted} must be ${maxTextAnswer.toLocaleString('en-GB')} characters or fewer`;
    case 'scale': return `The answer to ${quoted} must be a whole number from ${scaleOf(question).min} to ${scaleOf(question).max}`;
    case 'number': return `The answer to ${quoted} must be a number`;
    case 'date': return `The date for ${quoted} must be a real date`;
    default: return `Select one of the answers to ${quoted}`;
  }
}

/** A question shown on its section's page, with the questions its answers reveal there. */
export interface Shown {
  question: FormQuestion;
  /** Questions on the same page asked only after one answer: shown under that answer (GOV.UK's conditional reveal). */
  reveals: { value: string; shown: Shown[] }[];
  /** For a question that depends on several answers of one on the same page, which cannot be revealed under one. */
  askedIf: string | null;
}

/**
 * What a section's page shows: its questions in order, less those an earlier page's answers leave
 * unasked. One that depends on a question of the same page is revealed under the answer that asks
 * it (without JavaScript both show, and an answer to a question not asked is dropped on sending).
 */
export function sectionPlan(definition: FormDefinition, index: number, answers: Answers): Shown[] {
  const section = definition.sections[index];
  if (!section) return [];
  const onPage = new Set(section.questions.map((q) => q.key));
  const asked = new Set(askedQuestions(definition, answers).map((q) => q.key));
  const shownByKey = new Map<string, Shown>();
  const top: Shown[] = [];
  for (const question of section.questions) {
    const condition = question.condition;
    const shown: Shown = { question, reveals: [], askedIf: null };
    if (!condition) top.push(shown);
    else if (!onPage.has(condition.questionKey)) {
      if (!asked.has(question.key)) continue;
      top.push(shown);
    } else {
      const parent = shownByKey.get(condition.questionKey);
      if (!parent) continue;
      const [only] = condition.values;
      if (condition.values.length === 1 && only !== undefined && conditionKinds.includes(parent.question.kind)) {
        let reveal = parent.reveals.find((r) => r.value === only);
        if (!reveal) parent.reveals.push(reveal = { value: only, shown: [] });
        reveal.shown.push(shown);
      } else {
        const labels = condition.values.map((v) => `“${parent.question.options.find((o) => o.value === v)?.label ?? v}”`);
        shown.askedIf = `Answer this only if you answered ${labels.join(' or ')} to “${parent.question.text}”.`;
        top.push(shown);
      }
    }
    shownByKey.set(question.key, shown);
  }
  return top;
}

const flatten = (shown: Shown[]): FormQuestion[] => shown.flatMap((s) => [s.question, ...s.reveals.flatMap((r) => flatten(r.shown))]);

/** The questions a section's page shows, nested ones included. */
const questionsShown = (definition: FormDefinition, index: number, answers: Answers) => flatten(sectionPlan(definition, index, answers));

/** What is wrong with a section's answers: only questions the page shows and the answers ask. */
export function sectionProblems(definition: FormDefinition, index: number, values: Entered): PageProblem[] {
  const answers = typedAnswers(definition, values);
  const asked = new Set(askedQuestions(definition, answers).map((q) => q.key));
  const shown = questionsShown(definition, index, answers).filter((q) => asked.has(q.key));
  const unfit = new Set(answerProblems(definition, answers, []).map((p) => p.field));
  const missing = new Set(missingAnswers(definition, answers, []).map((p) => p.field));
  return shown.flatMap((question) => {
    const { problem } = readAnswer(question, values);
    const field = `answers.${question.key}`;
    const text = problem ?? (missing.has(field) ? missingText(question) : unfit.has(field) ? unfitText(question) : null);
    return text ? [{ id: firstIdOf(question), text }] : [];
  });
}

/** An answer as the check page says it: the options' words, a date in words, text as typed. */
export function answerInWords(question: FormQuestion, value: AnswerValue | undefined): string {
  if (value === undefined) return 'Not answered';
  const label = (v: string) => question.options.find((o) => o.value === v)?.label ?? v;
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return 'Not answered';
  if (question.kind === 'date') return dateInWords(value);
  return question.kind === 'yes_no' || question.kind === 'single_choice' ? label(value) : value;
}

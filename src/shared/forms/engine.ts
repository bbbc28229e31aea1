/**
 * The rules of a form, the same on the server (which decides) and in the browser (which guides):
 * which questions are asked, which answers are kept, whether answers fit their questions, which
 * required ones are missing, and whether a definition is usable at all. Nothing here knows of
 * scores; an assessment's scoring builds on it (`../assessment-engine.ts`).
 */
import type { AnswerValue, Answers, FamilyMember, FormQuestion, Sections } from './definition.ts';
import { choiceKinds, conditionKinds, defaultScale, maxTextAnswer } from './questions.ts';

/** A problem with one field: its path in the request body and what is wrong, in words that follow the field's name. */
export interface Problem {
  field: string;
  problem: string;
}

const questionsOf = <Q extends FormQuestion>(definition: Sections<Q>): Q[] => definition.sections.flatMap((s) => s.questions);

const optionValues = (question: Pick<FormQuestion, 'options'>) => question.options.map((o) => o.value);

/** Whether a value counts as an answer: not blank text, an empty choice or an empty grid. */
function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** A question is asked when it has no condition, or the earlier question it depends on is asked and answered with one of its values. */
export function askedQuestions<Q extends FormQuestion>(definition: Sections<Q>, answers: Answers): Q[] {
  const asked = new Map<string, Q>();
  for (const question of questionsOf(definition)) {
    const condition = question.condition;
    if (condition) {
      if (!asked.has(condition.questionKey)) continue;
      const given = answers[condition.questionKey];
      const values = Array.isArray(given) ? given : typeof given === 'string' || typeof given === 'number' ? [String(given)] : [];
      if (!values.some((v) => condition.values.includes(v))) continue;
    }
    asked.set(question.key, question);
  }
  return [...asked.values()];
}

/** The answers to questions that are asked; an answer to a question its condition hides is dropped. */
export function keptAnswers(definition: Sections, answers: Answers): Answers {
  const kept: Answers = {};
  for (const question of askedQuestions(definition, answers)) {
    const value = answers[question.key];
    if (isAnswered(value)) kept[question.key] = value!;
  }
  return kept;
}

/** Why a value does not fit its question, or null when it does. */
function valueProblem(question: FormQuestion, value: AnswerValue, members: readonly FamilyMember[]): string | null {
  switch (question.kind) {
    case 'yes_no':
    case 'single_choice':
      return typeof value === 'string' && optionValues(question).includes(value) ? null : `must be one of: ${optionValues(question).join(', ')}`;
    case 'multiple_choice':
      if (!Array.isArray(value)) return 'must be a list of choices';
      if (new Set(value).size !== value.length) return 'must not repeat a choice';
      return value.every((v) => optionValues(question).includes(v)) ? null : `must be chosen from: ${optionValues(question).join(', ')}`;
    case 'scale': {
      const range = question.scale ?? defaultScale;
      return typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max ? null : `must be a whole number from ${range.min} to ${range.max}`;
    }
    case 'number':
      return typeof value === 'number' ? null : 'must be a number';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? null : 'must be a date as YYYY-MM-DD';
    case 'text':
      return typeof value === 'string' && value.length <= maxTextAnswer ? null : 'must be text of at most 10,000 characters';
    case 'family_grid': {
      if (typeof value !== 'object' || Array.isArray(value)) return 'must give an answer for each family member';
      const memberIds = new Set(members.map((m) => m.profileId));
      for (const [profileId, choice] of Object.entries(value)) {
        if (!memberIds.has(profileId)) return 'names someone who is not a family member on this assessment';
        if (!optionValues(question).includes(choice)) return `must be one of: ${optionValues(question).join(', ')}`;
      }
      return null;
    }
  }
}

/**
 * Answers that name no question of the form, or do not fit theirs (an option's value, a date, a
 * number, a rating in range, text not too long, a grid naming only its members). Blank answers
 * are fine here, as in a draft; `missingAnswers` says which are needed.
 */
export function answerProblems(definition: Sections, answers: Answers, members: readonly FamilyMember[]): Problem[] {
  const byKey = new Map(questionsOf(definition).map((q) => [q.key, q]));
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(answers)) {
    const question = byKey.get(key);
    if (!question) problems.push({ field: `answers.${key}`, problem: 'is not a question of this template' });
    else if (isAnswered(value)) {
      const problem = valueProblem(question, value, members);
      if (problem) problems.push({ field: `answers.${key}`, problem });
    }
  }
  return problems;
}

/** The required questions that are asked but not answered; a family grid needs an answer for every member. */
export function missingAnswers(definition: Sections, answers: Answers, members: readonly FamilyMember[]): Problem[] {
  return askedQuestions(definition, answers)
    .filter((q) => q.required)
    .filter((q) => {
      const value = answers[q.key];
      if (!isAnswered(value)) return true;
      return q.kind === 'family_grid' && members.some((m) => !(value as Record<string, string>)[m.profileId]);
    })
    .map((q) => ({ field: `answers.${q.key}`, problem: q.kind === 'family_grid' ? 'needs an answer for every family member' : 'is required' }));
}

/**
 * Whatever makes a form's questions unusable: repeated keys, choices without enough (or with
 * repeated) options, a yes/no without exactly yes and no, a scale without a range, conditions
 * on later questions or on answers the earlier question cannot have. Fields are reported under
 * `at` (the definition's place in the request body).
 */
export function formDefinitionProblems(definition: Sections, at = 'definition'): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, FormQuestion>();
  definition.sections.forEach((section, s) => section.questions.forEach((question, i) => {
    const field = `${at}.sections.${s}.questions.${i}`;
    if (seen.has(question.key)) problems.push({ field: `${field}.key`, problem: `repeats the key "${question.key}"` });
    if (choiceKinds.includes(question.kind)) {
      if (question.options.length < 2) problems.push({ field: `${field}.options`, problem: 'needs at least two options' });
      if (new Set(optionValues(question)).size !== question.options.length) problems.push({ field: `${field}.options`, problem: 'repeats an option value' });
    }
    if (question.kind === 'yes_no' && [...optionValues(question)].sort().join() !== 'no,yes') {
      problems.push({ field: `${field}.options`, problem: 'must be the two options "yes" and "no"' });
    }
    if (question.kind === 'scale' && (!question.scale || question.scale.min >= question.scale.max)) {
      problems.push({ field: `${field}.scale`, problem: 'needs a lowest rating below its highest' });
    }
    if (question.condition) {
      const earlier = seen.get(question.condition.questionKey);
      if (!earlier) problems.push({ field: `${field}.condition`, problem: 'must depend on an earlier question' });
      else if (!conditionKinds.includes(earlier.kind)) {
        problems.push({ field: `${field}.condition`, problem: 'must depend on a question answered by choosing' });
      } else if (question.condition.values.some((v) => !optionValues(earlier).includes(v))) {
        problems.push({ field: `${field}.condition`, problem: `must name answers of "${earlier.key}"` });
      }
    }
    seen.set(question.key, question);
  }));
  return problems;
}

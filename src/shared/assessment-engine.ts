/**
 * The rules of a template, the same on the server (which decides) and in the browser (which
 * previews): which questions are asked, whether answers fit them, the score, the band and the
 * thresholds reached.
 */
import type { AnswerValue, Answers, Band, FamilyMember, TemplateDefinition, TemplateQuestion, Threshold } from './api/assessments.ts';
import { choiceKinds } from './assessments.ts';

export interface Problem {
  field: string;
  problem: string;
}

const questionsOf = (definition: TemplateDefinition): TemplateQuestion[] => definition.sections.flatMap((s) => s.questions);

function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** A question is asked when it has no condition, or the earlier question it depends on is asked and answered with one of its values. */
export function askedQuestions(definition: TemplateDefinition, answers: Answers): TemplateQuestion[] {
  const asked = new Map<string, TemplateQuestion>();
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
export function keptAnswers(definition: TemplateDefinition, answers: Answers): Answers {
  const kept: Answers = {};
  for (const question of askedQuestions(definition, answers)) {
    const value = answers[question.key];
    if (isAnswered(value)) kept[question.key] = value!;
  }
  return kept;
}

const optionValues = (question: TemplateQuestion) => question.options.map((o) => o.value);

/** Why a value does not fit its question, or null when it does. */
function valueProblem(question: TemplateQuestion, value: AnswerValue, members: FamilyMember[]): string | null {
  switch (question.kind) {
    case 'yes_no':
    case 'single_choice':
      return typeof value === 'string' && optionValues(question).includes(value) ? null : `must be one of: ${optionValues(question).join(', ')}`;
    case 'multiple_choice':
      if (!Array.isArray(value)) return 'must be a list of choices';
      if (new Set(value).size !== value.length) return 'must not repeat a choice';
      return value.every((v) => optionValues(question).includes(v)) ? null : `must be chosen from: ${optionValues(question).join(', ')}`;
    case 'scale': {
      const range = question.scale ?? { min: 1, max: 10 };
      return typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max ? null : `must be a whole number from ${range.min} to ${range.max}`;
    }
    case 'number':
      return typeof value === 'number' ? null : 'must be a number';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? null : 'must be a date as YYYY-MM-DD';
    case 'text':
      return typeof value === 'string' && value.length <= 10_000 ? null : 'must be text of at most 10,000 characters';
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

/** Answers that name no question of the template, or do not fit theirs. Blank answers are fine in a draft. */
export function answerProblems(definition: TemplateDefinition, answers: Answers, members: FamilyMember[]): Problem[] {
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
export function missingAnswers(definition: TemplateDefinition, answers: Answers, members: FamilyMember[]): Problem[] {
  return askedQuestions(definition, answers)
    .filter((q) => q.required)
    .filter((q) => {
      const value = answers[q.key];
      if (!isAnswered(value)) return true;
      return q.kind === 'family_grid' && members.some((m) => !(value as Record<string, string>)[m.profileId]);
    })
    .map((q) => ({ field: `answers.${q.key}`, problem: q.kind === 'family_grid' ? 'needs an answer for every family member' : 'is required' }));
}

const optionScore = (question: TemplateQuestion, value: string) => question.options.find((o) => o.value === value)?.score ?? 0;

/** What one answer adds to the total: its option's score, each chosen option's, a scale's rating. */
export function answerScore(question: TemplateQuestion, value: AnswerValue | undefined): number {
  if (value === undefined) return 0;
  switch (question.kind) {
    case 'yes_no':
    case 'single_choice':
      return typeof value === 'string' ? optionScore(question, value) : 0;
    case 'multiple_choice':
      return Array.isArray(value) ? value.reduce((sum, v) => sum + optionScore(question, v), 0) : 0;
    case 'scale':
      return typeof value === 'number' ? value : 0;
    case 'family_grid':
      return typeof value === 'object' && !Array.isArray(value) ? Object.values(value).reduce((sum, v) => sum + optionScore(question, v), 0) : 0;
    default:
      return 0;
  }
}

/** The total of the asked questions' scores, or null for a template that is not scored. */
export function scoreOf(definition: TemplateDefinition, answers: Answers): number | null {
  if (definition.scoring === 'none') return null;
  return askedQuestions(definition, answers).reduce((sum, q) => sum + answerScore(q, answers[q.key]), 0);
}

/** The score that counts: an adjusted one once it is approved (or needed no approval), else the computed one. */
export function finalScore(a: { score: number | null; adjustedScore: number | null; adjustmentStatus: string | null }): number | null {
  return a.adjustmentStatus === 'approved' && a.adjustedScore !== null ? a.adjustedScore : a.score;
}

export function bandFor(definition: Pick<TemplateDefinition, 'bands'>, score: number | null): Band | null {
  if (score === null) return null;
  return definition.bands.find((b) => score >= b.min && (b.max === null || score <= b.max)) ?? null;
}

export function thresholdsReached(definition: TemplateDefinition, score: number | null): Threshold[] {
  if (score === null) return [];
  return definition.thresholds.filter((t) => score >= t.min);
}

/** Whatever makes a template unusable: repeated keys, conditions on later questions, choices without options, overlapping bands. */
export function definitionProblems(definition: TemplateDefinition): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, TemplateQuestion>();
  definition.sections.forEach((section, s) => section.questions.forEach((question, i) => {
    const field = `definition.sections.${s}.questions.${i}`;
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
      else if (!['yes_no', 'single_choice', 'multiple_choice'].includes(earlier.kind)) {
        problems.push({ field: `${field}.condition`, problem: 'must depend on a question answered by choosing' });
      } else if (question.condition.values.some((v) => !optionValues(earlier).includes(v))) {
        problems.push({ field: `${field}.condition`, problem: `must name answers of "${earlier.key}"` });
      }
    }
    seen.set(question.key, question);
  }));
  const bands = [...definition.bands].sort((a, b) => a.min - b.min);
  bands.forEach((b, i) => {
    if (b.max !== null && b.max < b.min) problems.push({ field: 'definition.bands', problem: `"${b.label}" ends below where it starts` });
    const next = bands[i + 1];
    if (next && (b.max === null || b.max >= next.min)) problems.push({ field: 'definition.bands', problem: `"${b.label}" overlaps "${next.label}"` });
  });
  if (definition.scoring === 'none' && (definition.bands.length > 0 || definition.thresholds.length > 0 || definition.adjustment !== 'not_allowed')) {
    problems.push({ field: 'definition.scoring', problem: 'must be "sum" for bands, thresholds or adjustment' });
  }
  if (definition.setsRiskLevel && !definition.bands.some((b) => b.riskLevel)) {
    problems.push({ field: 'definition.bands', problem: 'must give a risk level for the template to set one' });
  }
  if (definition.chart === 'wheel' && !questionsOf(definition).some((q) => q.kind === 'scale')) {
    problems.push({ field: 'definition.chart', problem: 'a wheel needs rating (scale) questions' });
  }
  return problems;
}

/**
 * The scoring of an assessment, the same on the server (which decides) and in the browser (which
 * previews): the score, the band, the thresholds reached and the score that counts. An
 * assessment's definition is a form's (`./forms/`) whose options carry scores, with bands,
 * thresholds and rules added; which questions are asked and whether answers fit them are the
 * form engine's (`./forms/engine.ts`), and a question it does not ask scores nothing.
 */
import type { AnswerValue, Answers, Band, TemplateDefinition, TemplateQuestion, Threshold } from './api/assessments.ts';
import { askedQuestions, formDefinitionProblems, type Problem } from './forms/engine.ts';

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

/** Whatever makes a template unusable: its questions' problems as a form's, then overlapping bands and rules its scoring cannot meet. */
export function definitionProblems(definition: TemplateDefinition): Problem[] {
  const problems = formDefinitionProblems(definition);
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
  if (definition.chart === 'wheel' && !definition.sections.some((s) => s.questions.some((q) => q.kind === 'scale'))) {
    problems.push({ field: 'definition.chart', problem: 'a wheel needs rating (scale) questions' });
  }
  return problems;
}

import type { TemplateDefinition, TemplateQuestion } from '../../../shared/api/assessments.ts';
import { definitionProblems } from '../../../shared/assessment-engine.ts';
import type { Context } from '../../platform/context.ts';
import { ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { bankQuestionsByIds, wordingOf } from './bank/service.ts';
import * as q from './queries.ts';

/**
 * The definition a template version stores. A question naming a bank question takes the bank's
 * wording, options and scale as they are now (the builder sets only its key, whether it is
 * required and its condition), so later edits to the bank never change this version. Only
 * approved questions may be named; one the template already held keeps its copied wording if
 * the curators have since retired it, so the team can still save other changes.
 */
export async function resolveDefinition(ctx: Context, input: TemplateDefinition, current: TemplateDefinition | null): Promise<TemplateDefinition> {
  const named = input.sections.flatMap((s) => s.questions.flatMap((question) => (question.questionId ? [question.questionId] : [])));
  const bank = new Map((await bankQuestionsByIds(ctx, named)).map((row) => [row.id, row]));
  const held = new Map((current?.sections ?? []).flatMap((s) => s.questions).flatMap((question) => (question.questionId ? [[question.questionId, question] as const] : [])));
  const problems: FieldProblem[] = [];
  const resolve = (question: TemplateQuestion, field: string): TemplateQuestion => {
    if (!question.questionId) return question;
    const own = { key: question.key, questionId: question.questionId, required: question.required, condition: question.condition };
    const row = bank.get(question.questionId);
    if (row?.status === 'approved') return { ...wordingOf(row), ...own };
    const kept = held.get(question.questionId);
    if (row && kept) return { ...kept, ...own };
    problems.push({ field: `${field}.questionId`, problem: 'is not an approved question of your partnership\'s bank' });
    return question;
  };
  const resolved: TemplateDefinition = {
    ...input,
    sections: input.sections.map((section, s) => ({
      title: section.title,
      questions: section.questions.map((question, i) => resolve(question, `definition.sections.${s}.questions.${i}`)),
    })),
  };
  problems.push(...definitionProblems(resolved), ...familyProblems(resolved), ...await followUpProblems(ctx, resolved));
  if (problems.length > 0) throw new ValidationError(problems);
  return resolved;
}

/** A question asked of each family member needs the members a family template pulls through. */
function familyProblems(definition: TemplateDefinition): FieldProblem[] {
  if (definition.family) return [];
  return definition.sections.flatMap((section, s) => section.questions.flatMap((question, i) => (question.kind === 'family_grid'
    ? [{ field: `definition.sections.${s}.questions.${i}.kind`, problem: 'asks about each family member, so the template must be a family assessment' }]
    : [])));
}

/** A threshold's follow-up names the template the record then waits for, so it must be one the partnership has. */
async function followUpProblems(ctx: Context, definition: TemplateDefinition): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  for (const [i, threshold] of definition.thresholds.entries()) {
    if (threshold.followUp && !(await q.findTemplate(ctx.tx, ctx.actor.partnershipId, threshold.followUp))) {
      problems.push({ field: `definition.thresholds.${i}.followUp`, problem: 'is not the key of a template of your partnership' });
    }
  }
  return problems;
}

/** JSON with object keys in order, so a definition read back from jsonb compares equal to the same one sent. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sameDefinition = (a: TemplateDefinition, b: TemplateDefinition) => canonical(a) === canonical(b);

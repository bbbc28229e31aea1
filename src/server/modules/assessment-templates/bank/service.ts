import type { z } from 'zod';
import type { BankQuestion, bankQuestionQuery, createBankQuestionBody, QuestionOption, TemplateQuestion, updateBankQuestionBody } from '../../../../shared/api/assessments.ts';
import { choiceKinds, type QuestionKind } from '../../../../shared/assessments.ts';
import type { FormQuestion } from '../../../../shared/forms/definition.ts';
import { formDefinitionProblems } from '../../../../shared/forms/engine.ts';
import { canManagePartnershipLists } from '../../../platform/access/administration.ts';
import { diff } from '../../../platform/audit/diff.ts';
import type { Context } from '../../../platform/context.ts';
import { decodeCheckedCursor, isUuid, pageOf } from '../../../platform/cursor.ts';
import { ConflictError, ForbiddenError, NotFoundError, staleVersion, ValidationError, type FieldProblem } from '../../../platform/errors.ts';
import { freeKey } from '../keys.ts';
import * as q from './queries.ts';

export type { QuestionRow } from './queries.ts';

/**
 * Curators keep the bank: they add questions straight in, and edit, approve or retire any. The
 * bank is the whole partnership's, so they are its system administrators.
 */
export const curates = (ctx: Context) => ctx.actor.kind === 'user' && canManagePartnershipLists(ctx.actor, ctx.actor.partnershipId);

const scaleOf = (row: { scaleMin: number | null; scaleMax: number | null }) =>
  (row.scaleMin !== null && row.scaleMax !== null ? { min: row.scaleMin, max: row.scaleMax } : null);

function present(row: q.QuestionRow): BankQuestion {
  return {
    id: row.id,
    key: row.key,
    text: row.text,
    guidance: row.guidance,
    kind: row.kind,
    nature: row.nature,
    topics: row.topics,
    options: row.options,
    scale: scaleOf(row),
    status: row.status,
    builtIn: row.builtIn,
    submittedBy: row.submittedBy ? { id: row.submittedBy, name: row.submittedByName ?? '' } : null,
    submittedByTeam: row.submittedByTeamId ? { id: row.submittedByTeamId, name: row.submittedByTeamName ?? '' } : null,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The wording, options and scale a template copies from a bank question. */
export function wordingOf(row: q.QuestionRow): Pick<TemplateQuestion, 'text' | 'guidance' | 'kind' | 'nature' | 'topics' | 'options' | 'scale'> {
  return { text: row.text, guidance: row.guidance, kind: row.kind, nature: row.nature, topics: row.topics, options: row.options, scale: scaleOf(row) };
}

/** The bank questions of the actor's partnership among these ids. */
export async function bankQuestionsByIds(ctx: Context, ids: string[]): Promise<q.QuestionRow[]> {
  return q.questionsByIds(ctx.tx, ctx.actor.partnershipId, [...new Set(ids)]);
}

interface QuestionShape {
  kind: QuestionKind;
  options: QuestionOption[];
  scale: { min: number; max: number } | null;
}

const normaliseTopics = (topics: string[]) => [...new Set(topics.map((t) => t.toLowerCase()))];

/** A yes/no question needs no options typed in: yes and no, scoring nothing, unless scores are given. */
const withDefaultOptions = (kind: QuestionKind, options: QuestionOption[]): QuestionOption[] =>
  (kind === 'yes_no' && options.length === 0 ? [{ value: 'yes', label: 'Yes', score: 0 }, { value: 'no', label: 'No', score: 0 }] : options);

/** The form engine's rules for one question, reported against the question's own fields. */
function shapeProblems(shape: QuestionShape): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!choiceKinds.includes(shape.kind) && shape.options.length > 0) problems.push({ field: 'options', problem: 'are only for questions answered by choosing' });
  if (shape.kind !== 'scale' && shape.scale) problems.push({ field: 'scale', problem: 'is only for rating (scale) questions' });
  const question: FormQuestion = {
    key: 'question', text: 'question', guidance: null, kind: shape.kind, options: shape.options, scale: shape.scale, required: false, condition: null,
  };
  const prefix = 'definition.sections.0.questions.0.';
  for (const p of formDefinitionProblems({ sections: [{ questions: [question] }] })) {
    if (p.field.startsWith(prefix)) problems.push({ field: p.field.slice(prefix.length), problem: p.problem });
  }
  return problems;
}

function checkShape(shape: QuestionShape) {
  const problems = shapeProblems(shape);
  if (problems.length > 0) throw new ValidationError(problems);
}

async function findQuestion(ctx: Context, id: string): Promise<q.QuestionRow> {
  const row = await q.getQuestion(ctx.tx, id);
  if (!row || row.partnershipId !== ctx.actor.partnershipId) throw new NotFoundError('question');
  return row;
}

const audience = (ctx: Context) => ({ partnershipIds: [ctx.actor.partnershipId] });

export async function listQuestions(ctx: Context, query: z.infer<typeof bankQuestionQuery>) {
  const after = decodeCheckedCursor<[string, string]>(query.cursor, (v): v is string => typeof v === 'string', isUuid);
  const rows = await q.listQuestions(ctx.tx, ctx.actor.partnershipId, {
    status: query.status,
    topic: query.topic,
    nature: query.nature,
    q: query.q,
    onlyApprovedOrBy: curates(ctx) ? undefined : ctx.actor.id,
  }, after, query.limit);
  return pageOf(rows, query.limit, present, (r) => [r.text, r.id]);
}

export async function getQuestion(ctx: Context, id: string): Promise<BankQuestion> {
  const row = await findQuestion(ctx, id);
  if (!curates(ctx) && row.status !== 'approved' && row.submittedBy !== ctx.actor.id) throw new NotFoundError('question');
  return present(row);
}

/** Anyone who writes to records may submit a question; a curator's own question goes straight into the bank. */
export async function createQuestion(ctx: Context, body: z.infer<typeof createBankQuestionBody>): Promise<BankQuestion> {
  const partnershipId = ctx.actor.partnershipId;
  const options = withDefaultOptions(body.kind, body.options);
  checkShape({ kind: body.kind, options, scale: body.scale });
  if (body.key && (await q.keysLike(ctx.tx, partnershipId, body.key)).includes(body.key)) {
    throw new ConflictError(`The key "${body.key}" is already used by another question of the bank.`);
  }
  const key = body.key ?? await freeKey(body.text, (stem) => q.keysLike(ctx.tx, partnershipId, stem), 'question');
  const status = curates(ctx) ? 'approved' as const : 'submitted' as const;
  const id = await q.insertQuestion(ctx.tx, {
    partnershipId,
    key,
    text: body.text,
    guidance: body.guidance ?? null,
    kind: body.kind,
    nature: body.nature,
    topics: normaliseTopics(body.topics),
    options,
    scaleMin: body.scale?.min ?? null,
    scaleMax: body.scale?.max ?? null,
    status,
    submittedBy: ctx.actor.id,
    submittedByTeamId: ctx.actor.teamId,
  });
  ctx.audit({ action: 'assessment_question.submitted', entityType: 'assessment_question', entityId: id, details: { key, kind: body.kind, status } });
  ctx.emit({ type: 'assessment_question.changed', audience: audience(ctx), data: { id } });
  return present((await q.getQuestion(ctx.tx, id))!);
}

const auditedFields = ['text', 'guidance', 'kind', 'nature', 'topics', 'options', 'scale', 'status'] as const;

/** Curators edit, approve or retire any question; whoever submitted one may still reword it until it is decided. */
export async function updateQuestion(ctx: Context, id: string, body: z.infer<typeof updateBankQuestionBody>): Promise<BankQuestion> {
  const row = await findQuestion(ctx, id);
  if (!curates(ctx)) {
    const own = row.submittedBy === ctx.actor.id && row.status === 'submitted';
    if (!own) throw new ForbiddenError('Only the bank\'s curators (the partnership\'s system administrators) can change this question.');
    if (body.status !== undefined) throw new ForbiddenError('Only the bank\'s curators (the partnership\'s system administrators) can approve or retire a question.');
  }
  const before = present(row);
  if (body.version !== row.version) throw staleVersion(before);
  const kind = body.kind ?? row.kind;
  const options = withDefaultOptions(kind, body.options ?? row.options);
  const scale = body.scale !== undefined ? body.scale : scaleOf(row);
  checkShape({ kind, options, scale });
  const updated = await q.updateQuestion(ctx.tx, id, body.version, {
    ...(body.text !== undefined ? { text: body.text } : {}),
    ...(body.guidance !== undefined ? { guidance: body.guidance } : {}),
    ...(body.nature !== undefined ? { nature: body.nature } : {}),
    ...(body.topics !== undefined ? { topics: normaliseTopics(body.topics) } : {}),
    ...(body.status !== undefined ? { status: body.status } : {}),
    kind,
    options,
    scaleMin: scale?.min ?? null,
    scaleMax: scale?.max ?? null,
  });
  if (!updated) throw staleVersion(before);
  const after = present((await q.getQuestion(ctx.tx, id))!);
  ctx.audit({ action: 'assessment_question.updated', entityType: 'assessment_question', entityId: id, changes: diff(before, after, auditedFields) });
  ctx.emit({ type: 'assessment_question.changed', audience: audience(ctx), data: { id } });
  return after;
}

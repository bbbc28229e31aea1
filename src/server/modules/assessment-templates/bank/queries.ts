import { and, asc, eq, ilike, inArray, like, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { QuestionNature, QuestionStatus } from '../../../../shared/assessments.ts';
import { assessmentQuestions as questions, teams, users } from '../../../db/schema/index.ts';
import type { Tx } from '../../../db/transaction.ts';

const submitterTeams = alias(teams, 'submitter_teams');

const columns = {
  id: questions.id,
  partnershipId: questions.partnershipId,
  key: questions.key,
  text: questions.text,
  guidance: questions.guidance,
  kind: questions.kind,
  nature: questions.nature,
  topics: questions.topics,
  options: questions.options,
  scaleMin: questions.scaleMin,
  scaleMax: questions.scaleMax,
  status: questions.status,
  builtIn: questions.builtIn,
  submittedBy: questions.submittedBy,
  submittedByName: users.name,
  submittedByTeamId: questions.submittedByTeamId,
  submittedByTeamName: submitterTeams.name,
  version: questions.version,
  updatedAt: questions.updatedAt,
};

const selectQuestions = (tx: Tx) => tx.select(columns).from(questions)
  .leftJoin(users, eq(users.id, questions.submittedBy))
  .leftJoin(submitterTeams, eq(submitterTeams.id, questions.submittedByTeamId));


export interface QuestionFilter {
  status?: QuestionStatus | undefined;
  topic?: string | undefined;
  nature?: QuestionNature | undefined;
  q?: string | undefined;
  /** For someone who does not curate the bank: they see approved questions and their own submissions. */
  onlyApprovedOrBy?: string | undefined;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A page of the bank by wording, after the (text, id) of the last question of the page before. */
export async function listQuestions(tx: Tx, partnershipId: string, filter: QuestionFilter, after: [string, string] | null, limit: number): Promise<QuestionRow[]> {
  const pattern = filter.q ? `%${escapeLike(filter.q)}%` : null;
  return selectQuestions(tx)
    .where(and(
      eq(questions.partnershipId, partnershipId),
      filter.status ? eq(questions.status, filter.status) : undefined,
      filter.nature ? eq(questions.nature, filter.nature) : undefined,
      filter.topic ? sql`${filter.topic.toLowerCase()} = any(${questions.topics})` : undefined,
      pattern ? or(ilike(questions.text, pattern), ilike(questions.key, pattern), ilike(questions.guidance, pattern)) : undefined,
      filter.onlyApprovedOrBy ? or(eq(questions.status, 'approved'), eq(questions.submittedBy, filter.onlyApprovedOrBy)) : undefined,
      after ? sql`(${questions.text}, ${questions.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined,
    ))
    .orderBy(asc(questions.text), asc(questions.id))
    .limit(limit + 1);
}

export async function getQuestion(tx: Tx, id: string) {
  const [row] = await selectQuestions(tx).where(eq(questions.id, id));
  return row ?? null;
}

export type QuestionRow = NonNullable<Awaited<ReturnType<typeof getQuestion>>>;

export async function questionsByIds(tx: Tx, partnershipId: string, ids: string[]): Promise<QuestionRow[]> {
  if (ids.length === 0) return [];
  return selectQuestions(tx).where(and(eq(questions.partnershipId, partnershipId), inArray(questions.id, ids)));
}

/** The partnership's question keys that are `stem` or `stem-…`, for choosing a free one. */
export async function keysLike(tx: Tx, partnershipId: string, stem: string): Promise<string[]> {
  const rows = await tx.select({ key: questions.key }).from(questions)
    .where(and(eq(questions.partnershipId, partnershipId), or(eq(questions.key, stem), like(questions.key, `${escapeLike(stem)}-%`))));
  return rows.map((r) => r.key);
}

export async function insertQuestion(tx: Tx, values: typeof questions.$inferInsert): Promise<string> {
  const [row] = await tx.insert(questions).values(values).returning({ id: questions.id });
  return row!.id;
}

export type QuestionPatch = Partial<Pick<typeof questions.$inferInsert, 'text' | 'guidance' | 'kind' | 'nature' | 'topics' | 'options' | 'scaleMin' | 'scaleMax' | 'status'>>;

/** Applies a change only if the question is still at the version the editor saw. */
export async function updateQuestion(tx: Tx, id: string, basedOn: number, patch: QuestionPatch): Promise<boolean> {
  const rows = await tx.update(questions)
    .set({ ...patch, version: sql`${questions.version} + 1`, updatedAt: new Date() })
    .where(and(eq(questions.id, id), eq(questions.version, basedOn)))
    .returning({ id: questions.id });
  return rows.length > 0;
}

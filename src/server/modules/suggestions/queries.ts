import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { SuggestionStatus } from '../../../shared/api/help.ts';
import { suggestions, suggestionSupports, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';

const author = alias(users, 'author');
const answerer = alias(users, 'answerer');

const supportCount = sql<number>`(select count(*) from ${suggestionSupports} s where s.suggestion_id = ${suggestions.id})`.mapWith(Number);
const supportedBy = (userId: string) =>
  sql<boolean>`exists (select 1 from ${suggestionSupports} s where s.suggestion_id = ${suggestions.id} and s.user_id = ${userId})`;

const columns = (userId: string) => ({
  id: suggestions.id,
  title: suggestions.title,
  body: suggestions.body,
  status: suggestions.status,
  authorId: suggestions.authorId,
  authorName: author.name,
  createdAt: suggestions.createdAt,
  answer: suggestions.answer,
  answeredById: suggestions.answeredBy,
  answeredByName: answerer.name,
  answeredAt: suggestions.answeredAt,
  version: suggestions.version,
  supportCount,
  supported: supportedBy(userId),
});

export type SuggestionRow = Awaited<ReturnType<typeof getSuggestion>>;

function selectFor(tx: Tx, userId: string) {
  return tx
    .select(columns(userId))
    .from(suggestions)
    .innerJoin(author, eq(author.id, suggestions.authorId))
    .leftJoin(answerer, eq(answerer.id, suggestions.answeredBy));
}

/** One suggestion of the partnership, as `userId` sees it; `lock` holds it for a change. */
export async function getSuggestion(tx: Tx, partnershipId: string, id: string, userId: string, lock = false) {
  const query = selectFor(tx, userId).where(and(eq(suggestions.partnershipId, partnershipId), eq(suggestions.id, id)));
  const [row] = lock ? await query.for('update', { of: suggestions }) : await query;
  return row;
}

export interface ListFilter {
  status?: SuggestionStatus;
  sort: 'newest' | 'support';
  /** The last row of the page before: its id and, sorted by support, its support. */
  after: { id: string; support?: number } | null;
  limit: number;
}

/**
 * The partnership's suggestions, newest first (ids are time-ordered UUIDv7) or most supported
 * first, then newest; one more than the limit. Supports are counted per suggestion: a
 * partnership's box holds hundreds, not millions, and a count kept on the row would be one more
 * thing to keep right.
 */
export async function listSuggestions(tx: Tx, partnershipId: string, userId: string, f: ListFilter) {
  const older = f.after ? sql`${suggestions.id} < ${f.after.id}::uuid` : undefined;
  const after = f.after && f.sort === 'support'
    ? sql`(${supportCount} < ${f.after.support ?? 0} or (${supportCount} = ${f.after.support ?? 0} and ${older}))`
    : older;
  return selectFor(tx, userId)
    .where(and(eq(suggestions.partnershipId, partnershipId), f.status ? eq(suggestions.status, f.status) : undefined, after))
    .orderBy(...(f.sort === 'support' ? [desc(supportCount)] : []), desc(suggestions.id))
    .limit(f.limit + 1);
}

export async function insertSuggestion(tx: Tx, partnershipId: string, authorId: string, input: { title: string; body: string }) {
  const [row] = await tx.insert(suggestions).values({ partnershipId, authorId, ...input }).returning({ id: suggestions.id });
  return row!;
}

/** Returns whether the support is new. */
export async function support(tx: Tx, suggestionId: string, userId: string): Promise<boolean> {
  const rows = await tx.insert(suggestionSupports).values({ suggestionId, userId }).onConflictDoNothing().returning({ userId: suggestionSupports.userId });
  return rows.length > 0;
}

/** Returns whether there was a support to withdraw. */
export async function withdrawSupport(tx: Tx, suggestionId: string, userId: string): Promise<boolean> {
  const rows = await tx.delete(suggestionSupports)
    .where(and(eq(suggestionSupports.suggestionId, suggestionId), eq(suggestionSupports.userId, userId)))
    .returning({ userId: suggestionSupports.userId });
  return rows.length > 0;
}

export async function supporterIds(tx: Tx, suggestionId: string): Promise<string[]> {
  const rows = await tx.select({ userId: suggestionSupports.userId }).from(suggestionSupports).where(eq(suggestionSupports.suggestionId, suggestionId));
  return rows.map((r) => r.userId);
}

export async function setAnswer(tx: Tx, id: string, answer: string, by: string) {
  await tx.update(suggestions)
    .set({ answer, answeredBy: by, answeredAt: new Date(), version: sql`${suggestions.version} + 1`, updatedAt: new Date() })
    .where(eq(suggestions.id, id));
}

export async function setStatus(tx: Tx, id: string, status: SuggestionStatus) {
  await tx.update(suggestions)
    .set({ status, version: sql`${suggestions.version} + 1`, updatedAt: new Date() })
    .where(eq(suggestions.id, id));
}

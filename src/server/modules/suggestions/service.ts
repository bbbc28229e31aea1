import { suggestionStatusLabels, type Suggestion, type SuggestionStatus } from '../../../shared/api/help.ts';
import { decodeCursor, encodeCursor, isUuid } from '../../platform/cursor.ts';
import type { Context } from '../../platform/context.ts';
import { NotFoundError, staleVersion, ValidationError } from '../../platform/errors.ts';
import { diff } from '../../platform/audit/diff.ts';
import { notify } from '../notifications/notify.ts';
import * as q from './queries.ts';

/**
 * The suggestion box: everyone in a partnership reads its suggestions and their answers, posts
 * and supports them; its system administrators answer and move them on (the route permissions
 * say who). Another partnership's suggestion answers 404 like one that does not exist. Reading is
 * not audited (a suggestion is about Concord, not about anyone on a record); every change is.
 */

function present(row: NonNullable<q.SuggestionRow>): Suggestion {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    status: row.status,
    author: { id: row.authorId, name: row.authorName },
    createdAt: row.createdAt.toISOString(),
    supportCount: row.supportCount,
    supported: row.supported,
    answer: row.answer !== null && row.answeredById && row.answeredAt
      ? { body: row.answer, by: { id: row.answeredById, name: row.answeredByName ?? '' }, at: row.answeredAt.toISOString() }
      : null,
    version: row.version,
  };
}

async function found(ctx: Context, id: string, lock = false) {
  const row = await q.getSuggestion(ctx.tx, ctx.actor.partnershipId, id, ctx.actor.id, lock);
  if (!row) throw new NotFoundError('suggestion');
  return row;
}

const get = async (ctx: Context, id: string) => present(await found(ctx, id));

function afterOf(cursor: string | undefined, sort: 'newest' | 'support'): q.ListFilter['after'] {
  if (sort === 'newest') {
    const values = decodeCursor(cursor, 1);
    if (!values) return null;
    if (!isUuid(values[0])) throw new ValidationError([{ field: 'cursor', problem: 'is not a cursor from this list' }]);
    return { id: values[0] };
  }
  const values = decodeCursor(cursor, 2);
  if (!values) return null;
  if (typeof values[0] !== 'number' || !Number.isInteger(values[0]) || !isUuid(values[1])) throw new ValidationError([{ field: 'cursor', problem: 'is not a cursor from this list' }]);
  return { support: values[0], id: values[1] };
}

export async function list(ctx: Context, query: { status?: SuggestionStatus; sort: 'newest' | 'support'; limit: number; cursor?: string }) {
  const rows = await q.listSuggestions(ctx.tx, ctx.actor.partnershipId, ctx.actor.id, {
    status: query.status, sort: query.sort, limit: query.limit, after: afterOf(query.cursor, query.sort),
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor(query.sort === 'support' ? [last.supportCount, last.id] : [last.id]) : null;
  return { items: items.map(present), nextCursor };
}

export async function create(ctx: Context, input: { title: string; body: string }) {
  const { id } = await q.insertSuggestion(ctx.tx, ctx.actor.partnershipId, ctx.actor.id, input);
  ctx.audit({ action: 'suggestion.created', entityType: 'suggestion', entityId: id, changes: diff(null, input, ['title', 'body']) });
  return get(ctx, id);
}

export async function support(ctx: Context, id: string) {
  await found(ctx, id);
  if (await q.support(ctx.tx, id, ctx.actor.id)) ctx.audit({ action: 'suggestion.supported', entityType: 'suggestion', entityId: id });
  return get(ctx, id);
}

export async function withdrawSupport(ctx: Context, id: string) {
  await found(ctx, id);
  if (await q.withdrawSupport(ctx.tx, id, ctx.actor.id)) ctx.audit({ action: 'suggestion.support_withdrawn', entityType: 'suggestion', entityId: id });
  return get(ctx, id);
}

/**
 * Tells the author and everyone who supports it. The message says what happened, not what the
 * suggestion said: its words are read in Concord.
 */
async function tellFollowers(ctx: Context, row: NonNullable<q.SuggestionRow>, what: string) {
  const people = new Set([row.authorId, ...(await q.supporterIds(ctx.tx, row.id))]);
  await notify(ctx, [...people].map((userId) => ({
    userId,
    kind: 'suggestion_updated' as const,
    message: `${userId === row.authorId ? 'A suggestion you made' : 'A suggestion you support'} ${what}.`,
    link: `/suggestions#suggestion-${row.id}`,
    subjectId: row.id,
  })));
}

/** Answering again replaces the answer; the audit trail keeps each one. */
export async function answer(ctx: Context, id: string, body: string) {
  const current = await found(ctx, id, true);
  await q.setAnswer(ctx.tx, id, body, ctx.actor.id);
  ctx.audit({ action: 'suggestion.answered', entityType: 'suggestion', entityId: id, changes: diff({ answer: current.answer }, { answer: body }, ['answer']) });
  await tellFollowers(ctx, current, 'has been answered');
  return get(ctx, id);
}

export async function setStatus(ctx: Context, id: string, input: { status: SuggestionStatus; version: number }) {
  const current = await found(ctx, id, true);
  if (current.version !== input.version) throw staleVersion(present(current));
  if (current.status === input.status) return present(current);
  await q.setStatus(ctx.tx, id, input.status);
  ctx.audit({ action: 'suggestion.status_changed', entityType: 'suggestion', entityId: id, changes: diff({ status: current.status }, { status: input.status }, ['status']) });
  await tellFollowers(ctx, current, `is now marked ${suggestionStatusLabels[input.status].toLowerCase()}`);
  return get(ctx, id);
}

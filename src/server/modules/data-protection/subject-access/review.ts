import type { z } from 'zod';
import type { SubjectAccessExport, SubjectAccessItem, completeReviewBody, decideItemBody, itemsQuery, redactionBody } from '../../../../shared/api/subject-access.ts';
import { canReviewSarItems } from '../../../platform/access/subject-access.ts';
import type { Context } from '../../../platform/context.ts';
import { openJson, type KeyRing } from '../../../platform/crypto/envelope.ts';
import { decodeCheckedCursor, pageOf } from '../../../platform/cursor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, staleVersion } from '../../../platform/errors.ts';
import type { Jobs } from '../../../platform/jobs/types.ts';
import * as q from './queries.ts';
import { findOccurrences } from './redact.ts';
import { loadRequest, packageQueue, presentRequest, requestSubject } from './service.ts';

/**
 * Each organisation whose records the request collected reviews its own items before release
 * (D9, D12): includes or withholds each under an exemption, redacts phrases (every occurrence),
 * and says when it is done. The last organisation's completion queues the packaging.
 */

export interface ReviewDeps {
  keyRing: KeyRing;
  jobs: Jobs;
}

/** What is sealed in an item: its fields, as collected. */
export interface ItemContent {
  fields: Record<string, string>;
}

const isPosition = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** The request and the organisation's review, refusing (audited) anyone who may not review its items. */
async function reviewable(ctx: Context, requestId: string, organisationId: string) {
  const row = await loadRequest(ctx, requestId);
  const review = (await q.reviewsOf(ctx.tx, row.id)).find((r) => r.organisation_id === organisationId);
  if (!review) throw new NotFoundError('review');
  if (!canReviewSarItems(ctx.actor, row, organisationId)) {
    ctx.refuse({ action: 'access.refused', ...requestSubject(row), details: { why: 'not an administrator of the reviewing organisation' } });
    throw new ForbiddenError('Only the administrators of the organisation whose items these are can review them.');
  }
  return { row, review };
}

/** Changes need the review still open: a completed review's items are settled. */
export async function changeable(ctx: Context, requestId: string, itemId: string) {
  const row = await loadRequest(ctx, requestId);
  const item = await q.getItem(ctx.tx, row.id, itemId);
  if (!item) throw new NotFoundError('item');
  const { review } = await reviewable(ctx, requestId, item.organisationId);
  if (row.status !== 'in_review' || review.status !== 'pending') throw new ConflictError('This review is complete; its items can no longer change.', 'review_complete');
  return { row, item };
}

function presentItem(keyRing: KeyRing, item: q.ItemView, redactions: q.RedactionRow[]): SubjectAccessItem {
  const content = openJson<ItemContent>(keyRing, item.sealedContent);
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    occurredAt: item.occurredAt?.toISOString() ?? null,
    organisation: { id: item.organisationId, name: item.organisationName },
    fields: Object.entries(content.fields).map(([name, text]) => ({ name, text })),
    redactions: redactions.filter((r) => r.itemId === item.id).map((r) => ({ id: r.id, field: r.field, start: r.start, length: r.length, exemption: r.exemption, automatic: r.automatic })),
    file: item.fileName ? { name: item.fileName, size: item.fileSize ?? 0, replaced: item.replacementFileId !== null } : null,
    decision: item.decision,
    exemption: item.exemption,
    version: item.version,
  };
}

export async function presentOne(ctx: Context, keyRing: KeyRing, requestId: string, itemId: string): Promise<SubjectAccessItem> {
  const item = (await q.getItem(ctx.tx, requestId, itemId))!;
  return presentItem(keyRing, item, await q.redactionsOf(ctx.tx, [item.id]));
}

/** One organisation's items of the request, in order, with their text as collected and the redactions on it. */
export async function listItems(ctx: Context, deps: ReviewDeps, requestId: string, query: z.infer<typeof itemsQuery>) {
  const { row } = await reviewable(ctx, requestId, query.organisationId);
  const [after] = decodeCheckedCursor(query.cursor, isPosition) ?? [];
  const items = await q.listItems(ctx.tx, row.id, query.organisationId, after ?? null, query.limit);
  const redactions = await q.redactionsOf(ctx.tx, items.slice(0, query.limit).map((i) => i.id));
  const page = pageOf(items, query.limit, (item) => presentItem(deps.keyRing, item, redactions), (item) => [item.position]);
  ctx.audit({ action: 'subject_access.items_viewed', ...requestSubject(row), details: { requestId: row.id, organisationId: query.organisationId, count: page.items.length } });
  return page;
}

/** Includes an item, or withholds it whole under an exemption. */
export async function decideItem(ctx: Context, deps: ReviewDeps, requestId: string, itemId: string, body: z.infer<typeof decideItemBody>): Promise<SubjectAccessItem> {
  const { row, item } = await changeable(ctx, requestId, itemId);
  const exemption = body.decision === 'withhold' ? body.exemption ?? null : null;
  if (body.decision === 'withhold' && !exemption) throw new ValidationError([{ field: 'exemption', problem: 'say which exemption the item is withheld under' }]);
  if (!(await q.decideItem(ctx.tx, item.id, body.version, { decision: body.decision, exemption, decidedBy: ctx.actor.id }))) {
    throw staleVersion(await presentOne(ctx, deps.keyRing, row.id, item.id));
  }
  ctx.audit({ action: 'subject_access.item_decided', ...requestSubject(row), details: { requestId: row.id, itemId: item.id, decision: body.decision, exemption } });
  return presentOne(ctx, deps.keyRing, row.id, item.id);
}

/**
 * Redacts every occurrence of a phrase in the item (or in one field of it), ignoring case and
 * accents: 422 `not_found_in_item` when it does not occur.
 */
export async function addRedaction(ctx: Context, deps: ReviewDeps, requestId: string, itemId: string, body: z.infer<typeof redactionBody>): Promise<SubjectAccessItem> {
  const { row, item } = await changeable(ctx, requestId, itemId);
  const { fields } = openJson<ItemContent>(deps.keyRing, item.sealedContent);
  if (body.field !== undefined && !(body.field in fields)) throw new ValidationError([{ field: 'field', problem: 'is not a field of this item' }]);
  const spans = Object.entries(fields)
    .filter(([name]) => body.field === undefined || name === body.field)
    .flatMap(([field, text]) => findOccurrences(text, body.text).map((span) => ({ ...span, field })));
  if (spans.length === 0) throw new ValidationError([{ field: 'text', problem: 'does not occur in this item' }], 'Those words are not in this item.');
  await q.insertRedactions(ctx.tx, spans.map((s) => ({
    requestId: row.id, itemId: item.id, field: s.field, start: s.start, length: s.length, exemption: body.exemption, automatic: false, createdBy: ctx.actor.id,
  })));
  await q.touchItem(ctx.tx, item.id);
  ctx.audit({ action: 'subject_access.redaction_added', ...requestSubject(row), details: { requestId: row.id, itemId: item.id, exemption: body.exemption, occurrences: spans.length } });
  return presentOne(ctx, deps.keyRing, row.id, item.id);
}

/** Takes a redaction off, an automatic one too (the reviewer judged the name may be given). */
export async function removeRedaction(ctx: Context, deps: ReviewDeps, requestId: string, itemId: string, redactionId: string): Promise<SubjectAccessItem> {
  const { row, item } = await changeable(ctx, requestId, itemId);
  const removed = await q.deleteRedaction(ctx.tx, item.id, redactionId);
  if (!removed) throw new NotFoundError('redaction');
  await q.touchItem(ctx.tx, item.id);
  ctx.audit({ action: 'subject_access.redaction_removed', ...requestSubject(row), details: { requestId: row.id, itemId: item.id, automatic: removed.automatic } });
  return presentOne(ctx, deps.keyRing, row.id, item.id);
}

/** An organisation's review is done; when it was the last, packaging is queued once committed. */
export async function completeReview(ctx: Context, deps: ReviewDeps, requestId: string, organisationId: string, body: z.infer<typeof completeReviewBody>): Promise<SubjectAccessExport> {
  const { row, review } = await reviewable(ctx, requestId, organisationId);
  if (row.status !== 'in_review' || !(await q.completeReview(ctx.tx, row.id, organisationId, ctx.actor.id, body.note ?? null))) {
    throw new ConflictError('This review is already complete.', 'review_complete');
  }
  const items = await q.listItems(ctx.tx, row.id, organisationId, null, review.item_count);
  const redactions = await q.redactionsOf(ctx.tx, items.map((i) => i.id));
  ctx.audit({
    action: 'subject_access.review_completed',
    ...requestSubject(row),
    reason: body.note ?? null,
    details: { requestId: row.id, organisationId, items: items.length, withheld: items.filter((i) => i.decision === 'withhold').length, redactions: redactions.length },
  });
  if ((await q.pendingReviews(ctx.tx, row.id)) === 0 && (await q.updateRequest(ctx.tx, row.id, { status: 'packaging' }, ['in_review']))) {
    ctx.afterCommit(() => deps.jobs.send(packageQueue, { id: row.id }));
  }
  return presentRequest(ctx, (await q.getRequest(ctx.tx, row.id))!);
}

import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type {
  SubjectAccessClock, SubjectAccessExport, SubjectAccessReview, SubjectAccessSummary, cancelBody, extendBody, pauseBody, resumeBody,
  startSubjectAccessBody, subjectAccessListQuery,
} from '../../../../shared/api/subject-access.ts';
import { referenceAlphabet } from '../../../../shared/referrals.ts';
import { openSarStatuses } from '../../../../shared/subject-access.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { canHandleSar, canReviewSarItems } from '../../../platform/access/subject-access.ts';
import type { Context } from '../../../platform/context.ts';
import { decodeCheckedCursor, isIsoTime, isUuid, pageOf } from '../../../platform/cursor.ts';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../platform/errors.ts';
import type { Jobs } from '../../../platform/jobs/types.ts';
import { londonToday } from '../../../platform/london.ts';
import { dueOn, extensionRefusal, pausedDaysAfter, remaining } from './clock.ts';
import * as q from './queries.ts';

export const collectQueue = 'subject-access.collect';
export const packageQueue = 'subject-access.package';

const referenceDraws = 5;
/** The ZIP is built in memory, as file storage hands over whole buffers (F10): its source files are capped. */
const maxBundleBytes = 2 ** 30;

/** More files about the person than one download can carry. */
export class TooLargeError extends AppError {
  readonly status = 422;
  readonly code = 'too_large';
}

/** A new reference, SAR-XXXX-XXXX: random, so it says nothing of how many requests there are. */
function newReference(): string {
  const chars = [...randomBytes(8)].map((byte) => referenceAlphabet[byte & 31]).join('');
  return `SAR-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export const requestLink = (id: string) => `/data-protection/subject-access/${id}`;
export const reviewLink = (id: string, organisationId: string) => `/data-protection/subject-access/${id}/review/${organisationId}`;
const downloadPath = (id: string) => `/api/v1/subject-access-exports/${id}/download`;

export const requestSubject = (row: Pick<q.RequestRow, 'id' | 'organisationId'>) => ({
  entityType: 'subject_access_request' as const,
  entityId: row.id,
  subjectOrganisationId: row.organisationId,
});

/** The request, or 404 outside the reader's partnership. */
export async function loadRequest(ctx: Context, id: string): Promise<q.RequestView> {
  const row = await q.getRequest(ctx.tx, id);
  if (!row || row.partnershipId !== ctx.actor.partnershipId) throw new NotFoundError('subject access request');
  return row;
}

/** Refuses (audited) anyone but the handling organisation's admins and the system admins. */
export function requireHandler(ctx: Context, row: q.RequestView): void {
  if (canHandleSar(ctx.actor, row)) return;
  ctx.refuse({ action: 'access.refused', ...requestSubject(row), details: { why: 'not a handler of this subject access request' } });
  throw new ForbiddenError('Only the administrators of the organisation handling this request can do this.');
}

function clockOf(row: q.RequestRow, today = londonToday()): SubjectAccessClock {
  return {
    receivedOn: row.receivedOn,
    originalDueOn: row.originalDueOn,
    dueOn: row.dueOn,
    extended: row.extendedAt !== null,
    extensionReason: row.extensionReason,
    personToldOn: row.personToldOn,
    pausedSince: row.pausedOn,
    pausedDays: row.pausedDays,
    ...remaining(row.dueOn, today, row.pausedOn),
  };
}

function presentReview(actor: Actor, row: q.RequestView, review: q.ReviewRow): SubjectAccessReview {
  return {
    organisation: { id: review.organisation_id, name: review.organisation_name },
    status: review.status,
    items: review.item_count,
    reviewedBy: review.reviewed_by ? { id: review.reviewed_by, name: review.reviewer_name ?? '' } : null,
    reviewedAt: review.reviewed_at?.toISOString() ?? null,
    note: review.note,
    canReview: review.status === 'pending' && row.status === 'in_review' && canReviewSarItems(actor, row, review.organisation_id),
  };
}

/**
 * The request as the reader may see it: all of it for its handlers; for another organisation's
 * reviewer, the request with their own organisation's review only.
 */
export async function presentRequest(ctx: Context, row: q.RequestView): Promise<SubjectAccessExport> {
  const handler = canHandleSar(ctx.actor, row);
  const reviews = (await q.reviewsOf(ctx.tx, row.id)).filter((r) => handler || canReviewSarItems(ctx.actor, row, r.organisation_id));
  const live = row.status === 'ready' && row.downloadExpiresAt !== null && row.downloadExpiresAt > new Date();
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    ...(live && handler ? { downloadUrl: downloadPath(row.id) } : {}),
    profile: { id: row.profileId, title: row.profileTitle },
    organisation: { id: row.organisationId, name: row.organisationName },
    startedBy: handler && row.startedByName ? { id: row.startedBy, name: row.startedByName } : null,
    requester: handler ? row.requester : null,
    notes: handler ? row.notes : null,
    clock: clockOf(row),
    reviews: reviews.map((r) => presentReview(ctx.actor, row, r)),
    downloadExpiresAt: row.downloadExpiresAt?.toISOString() ?? null,
    downloads: row.downloads,
    failure: row.failure,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
    permissions: { canHandle: handler },
  };
}

export interface StartDeps {
  jobs: Jobs;
}

/**
 * Starts a subject access request for a person: the starting administrator's organisation handles
 * it (D9), the clock runs from the day it was received, and collection is queued once committed.
 * The starter need not be able to open the person: the request is about all the partnership holds.
 */
export async function startRequest(ctx: Context, deps: StartDeps, profileId: string, body: z.infer<typeof startSubjectAccessBody>) {
  const person = await q.profileSource(ctx.tx, profileId);
  if (!person || person.partnership_id !== ctx.actor.partnershipId) throw new NotFoundError('profile');
  if (ctx.actor.kind !== 'user') throw new ForbiddenError('Only a person can start a subject access request.');
  const today = londonToday();
  const receivedOn = body.receivedOn ?? today;
  if (receivedOn > today) throw new ValidationError([{ field: 'receivedOn', problem: 'must not be in the future' }]);
  const bytes = await q.fileBytesOf(ctx.tx, person.id);
  if (bytes > maxBundleBytes) {
    throw new TooLargeError(`This person's files come to ${Math.ceil(bytes / 2 ** 20)} MB, more than the 1 GB one download can hold.`);
  }
  const due = dueOn({ receivedOn, extended: false, pausedDays: 0 });
  let row: q.RequestRow | null = null;
  for (let draw = 0; draw < referenceDraws && !row; draw++) {
    row = await q.insertRequest(ctx.tx, {
      partnershipId: person.partnership_id,
      reference: newReference(),
      profileId: person.id,
      organisationId: ctx.actor.organisationId,
      startedBy: ctx.actor.id,
      receivedOn,
      originalDueOn: due,
      dueOn: due,
      requester: body.requester ?? null,
      notes: body.notes ?? null,
    });
  }
  if (!row) throw new Error('no free subject access reference after several draws');
  ctx.audit({
    action: 'subject_access.started',
    entityType: 'subject_access_request',
    entityId: row.id,
    subjectOrganisationId: row.organisationId,
    details: { record: { kind: 'profile', id: person.id }, receivedOn, dueOn: due },
  });
  const id = row.id;
  ctx.afterCommit(() => deps.jobs.send(collectQueue, { id }));
  return { id, reference: row.reference, status: row.status, dueOn: due };
}

/** One request: for its handlers, and for the admins of an organisation reviewing items in it. */
export async function getRequest(ctx: Context, id: string): Promise<SubjectAccessExport> {
  const row = await loadRequest(ctx, id);
  if (!canHandleSar(ctx.actor, row)) {
    const reviews = await q.reviewsOf(ctx.tx, row.id);
    if (!reviews.some((r) => canReviewSarItems(ctx.actor, row, r.organisation_id))) requireHandler(ctx, row);
  }
  ctx.audit({ action: 'subject_access.viewed', ...requestSubject(row) });
  return presentRequest(ctx, row);
}

/** The requests a reader handles or reviews in, newest first: all the partnership's for a system admin. */
export async function listRequests(ctx: Context, query: z.infer<typeof subjectAccessListQuery>) {
  const a = ctx.actor;
  const [createdAt, id] = decodeCheckedCursor(query.cursor, isIsoTime, isUuid) ?? [];
  const rows = await q.listRequests(ctx.tx, {
    partnershipId: a.partnershipId,
    organisationId: a.role === 'system_admin' ? null : a.organisationId,
    status: query.status,
    profileId: query.profileId,
    reviewFor: query.reviewFor === 'me' ? a.organisationId : undefined,
    before: createdAt && id ? { createdAt, id } : null,
    limit: query.limit,
  }, a.organisationId);
  const today = londonToday();
  const page = pageOf(rows, query.limit, (r): SubjectAccessSummary => ({
    id: r.id,
    reference: r.reference,
    status: r.status,
    profile: { id: r.profile_id, title: r.profile_title },
    organisation: { id: r.organisation_id, name: r.organisation_name },
    receivedOn: r.received_on,
    dueOn: r.due_on,
    overdue: openSarStatuses.includes(r.status) && remaining(r.due_on, today, r.paused_on).overdue,
    myReview: r.my_review,
    createdAt: r.created_at.toISOString(),
  }), (r) => [r.created_at.toISOString(), r.id]);
  ctx.audit({ action: 'subject_access.listed', details: { count: page.items.length } });
  return page;
}

async function openForHandler(ctx: Context, id: string): Promise<q.RequestView> {
  const row = await loadRequest(ctx, id);
  requireHandler(ctx, row);
  if (!openSarStatuses.includes(row.status)) throw new ConflictError('This request is closed.', 'request_closed');
  return row;
}

async function reread(ctx: Context, id: string): Promise<SubjectAccessExport> {
  return presentRequest(ctx, (await q.getRequest(ctx.tx, id))!);
}

/**
 * Extends a complex request by two months, once, while still in its first month and with the
 * person told within it (D14): 409 `already_extended`, 422 `extension_too_late` otherwise.
 */
export async function extendRequest(ctx: Context, id: string, body: z.infer<typeof extendBody>): Promise<SubjectAccessExport> {
  const row = await openForHandler(ctx, id);
  const state = { receivedOn: row.receivedOn, extended: row.extendedAt !== null, pausedDays: row.pausedDays };
  const refusal = extensionRefusal(state, londonToday(), body.personToldOn);
  if (refusal === 'already_extended') throw new ConflictError('This request has already been extended.', 'already_extended');
  if (refusal === 'extension_too_late') throw new ValidationError([{ field: 'personToldOn', problem: 'a request can be extended only within its first month' }], 'It is too late to extend this request.');
  if (refusal) throw new ValidationError([{ field: 'personToldOn', problem: refusal === 'told_too_late' ? 'the person must be told within the first month' : 'must not be before the request was received' }]);
  const due = dueOn({ ...state, extended: true });
  await q.updateRequest(ctx.tx, id, { extendedAt: new Date(), extensionReason: body.reason, personToldOn: body.personToldOn, dueOn: due });
  ctx.audit({ action: 'subject_access.extended', ...requestSubject(row), reason: body.reason, details: { dueOn: due, personToldOn: body.personToldOn } });
  return reread(ctx, id);
}

/** Stops the clock while the request is clarified with the person. */
export async function pauseRequest(ctx: Context, id: string, body: z.infer<typeof pauseBody>): Promise<SubjectAccessExport> {
  const row = await openForHandler(ctx, id);
  if (row.pausedOn) throw new ConflictError('The clock is already paused.', 'already_paused');
  const today = londonToday();
  await q.updateRequest(ctx.tx, id, { pausedOn: today, pauseReason: body.reason });
  ctx.audit({ action: 'subject_access.paused', ...requestSubject(row), reason: body.reason, details: { pausedOn: today } });
  return reread(ctx, id);
}

/** Restarts the clock on the day the request was clarified (today by default); the days paused move the due date on. */
export async function resumeRequest(ctx: Context, id: string, body: z.infer<typeof resumeBody>): Promise<SubjectAccessExport> {
  const row = await openForHandler(ctx, id);
  if (!row.pausedOn) throw new ConflictError('The clock is not paused.', 'not_paused');
  const clarifiedOn = body.clarifiedOn ?? londonToday();
  if (clarifiedOn < row.pausedOn || clarifiedOn > londonToday()) throw new ValidationError([{ field: 'clarifiedOn', problem: 'must be between the pause and today' }]);
  const pausedDays = pausedDaysAfter(row.pausedDays, row.pausedOn, clarifiedOn);
  const due = dueOn({ receivedOn: row.receivedOn, extended: row.extendedAt !== null, pausedDays });
  await q.updateRequest(ctx.tx, id, { pausedOn: null, pausedDays, dueOn: due });
  ctx.audit({ action: 'subject_access.resumed', ...requestSubject(row), details: { pausedDays, dueOn: due } });
  return reread(ctx, id);
}

/** The person withdrew the request (or it was made in error): nothing more is collected or released. */
export async function cancelRequest(ctx: Context, id: string, body: z.infer<typeof cancelBody>): Promise<SubjectAccessExport> {
  const row = await openForHandler(ctx, id);
  if (!(await q.updateRequest(ctx.tx, id, { status: 'cancelled', closedAt: new Date() }, openSarStatuses))) throw new ConflictError('This request is closed.', 'request_closed');
  ctx.audit({ action: 'subject_access.cancelled', ...requestSubject(row), reason: body.reason });
  return reread(ctx, id);
}

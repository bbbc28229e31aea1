import type { z } from 'zod';
import type { AnonymisedCase, RetentionReview, RetentionReviewPage, retentionDecisionBody, retentionReviewQuery } from '../../../../shared/api/retention.ts';
import { describeRule, statusOfDecision } from '../../../../shared/retention.ts';
import { canManageOrganisation, isSystemAdmin } from '../../../platform/access/administration.ts';
import type { Context } from '../../../platform/context.ts';
import { decodeCheckedCursor, isIsoDate, isUuid, pageOf } from '../../../platform/cursor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../platform/errors.ts';
import { londonToday } from '../../../platform/london.ts';
import { anonymiseCaseRecord, anonymisePerson, type RetentionDeps } from './anonymise.ts';
import { deleteRecord } from './forget.ts';
import * as q from './queries.ts';

/** A review as the queue shows it: the record as a stub (kind, title, reference), never its content. */
export function presentReview(row: q.ReviewRow, people?: AnonymisedCase['people']): RetentionReview {
  const caseType = row.case_type_name ? { name: row.case_type_name } : null;
  return {
    id: row.id,
    record: { kind: row.record_kind, id: row.record_id, title: row.title ?? (row.status === 'deleted' ? 'Deleted record' : ''), reference: row.reference },
    owner: { team: { id: row.owner_team_id, name: row.owner_team_name }, organisation: { id: row.owner_organisation_id, name: row.owner_organisation_name } },
    rule: { id: row.rule_id, description: describeRule({ recordKind: row.rule_kind, caseType, startsFrom: row.rule_starts_from, keepMonths: row.rule_keep_months }) },
    dueOn: row.due_on,
    held: row.held,
    status: row.status,
    decidedBy: row.decided_by ? { id: row.decided_by, name: row.decided_by_name ?? '' } : null,
    decidedAt: row.decided_at?.toISOString() ?? null,
    keepUntil: row.keep_until,
    reason: row.reason,
    ...(people ? { people } : {}),
  };
}

const reviewSubject = (row: q.ReviewRow) => ({ entityType: 'retention_review' as const, entityId: row.id, subjectOrganisationId: row.owner_organisation_id, subjectTeamId: row.owner_team_id });

/** The queue of the records the reader decides on: their organisation's, or the whole partnership's for a system administrator. */
export async function listReviews(ctx: Context, query: z.infer<typeof retentionReviewQuery>): Promise<RetentionReviewPage> {
  const a = ctx.actor;
  const organisationId = isSystemAdmin(a) ? query.organisationId ?? null : a.organisationId;
  if (query.organisationId && organisationId !== query.organisationId) return { items: [], nextCursor: null };
  const after = decodeCheckedCursor<[string, string]>(query.cursor, isIsoDate, isUuid);
  const rows = await q.listReviews(ctx.tx, { partnershipId: a.partnershipId, organisationId, decided: query.status === 'decided', recordKind: query.recordKind ?? null, after, limit: query.limit });
  const page = pageOf(rows, query.limit, (r) => presentReview(r), (r) => [r.due_on, r.id]);
  ctx.audit({ action: 'retention_reviews.listed', details: { status: query.status, count: page.items.length } });
  return page;
}

/**
 * Decides a record past its time: keep it (with a reason and a later date, after which the sweep
 * asks again), anonymise it or delete it. A legal hold stops the last two; a cardholder's record
 * is kept or, for the rest, decided on their profile.
 */
export async function decide(ctx: Context, deps: RetentionDeps, id: string, body: z.infer<typeof retentionDecisionBody>): Promise<RetentionReview> {
  const row = await q.getReview(ctx.tx, id, true);
  if (!row || row.partnership_id !== ctx.actor.partnershipId) throw new NotFoundError('retention review');
  if (!canManageOrganisation(ctx.actor, row.owner_organisation_id)) {
    ctx.refuse({ action: 'access.refused', ...reviewSubject(row), details: { why: 'not an administrator of the owning organisation' } });
    throw new ForbiddenError(`Only the administrators of ${row.owner_organisation_name} decide what happens to its records.`);
  }
  if (row.status !== 'pending') throw new ConflictError('This review has already been decided.', 'already_decided');
  const record = { kind: row.record_kind, id: row.record_id } as const;
  let people: AnonymisedCase['people'] | undefined;

  if (body.decision === 'keep') {
    if (!body.keepUntil) throw new ValidationError([{ field: 'keepUntil', problem: 'is needed to keep the record: until when' }]);
    if (body.keepUntil <= londonToday()) throw new ValidationError([{ field: 'keepUntil', problem: 'must be after today' }]);
    await q.decideReview(ctx.tx, id, { status: 'kept', decidedBy: ctx.actor.id, keepUntil: body.keepUntil, reason: body.reason });
    ctx.audit({ action: 'retention_review.kept', ...reviewSubject(row), reason: body.reason, details: { ...(record.kind === 'cardholder' ? {} : { record: { kind: record.kind, id: record.id } }), keepUntil: body.keepUntil } });
    return presentReview((await q.getReview(ctx.tx, id, false))!);
  }
  if (row.record_kind === 'cardholder') {
    throw new ValidationError([{ field: 'decision', problem: 'a cardholder\'s record is kept here; anonymise or delete the person from their profile' }]);
  }
  const kind = row.record_kind;
  const facts = await q.lockRecord(ctx.tx, kind, row.record_id);
  if (!facts) throw new NotFoundError(kind);
  if (row.held || (await q.holdOn(ctx.tx, kind, facts.id))) throw new ConflictError('A legal hold stands on this record: it cannot be anonymised or deleted until the hold is lifted.', 'legal_hold');
  if (body.decision === 'anonymise') {
    if (kind === 'case') people = (await anonymiseCaseRecord(ctx, deps, facts, body.reason, row.rule_id)).people;
    else if (facts.anonymisedAt) throw new ConflictError('This record has already been anonymised.', 'already_anonymised');
    else await anonymisePerson(ctx, deps, facts, body.reason, row.rule_id);
  } else {
    await deleteRecord(ctx, deps, kind, facts, row.rule_id);
  }
  // Anonymising closed the review already (as it does from the profile); a deletion closes it here.
  await q.decideReview(ctx.tx, id, { status: statusOfDecision[body.decision], decidedBy: ctx.actor.id, keepUntil: null, reason: body.reason });
  return presentReview((await q.getReview(ctx.tx, id, false))!, people);
}

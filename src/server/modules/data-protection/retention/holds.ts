import type { z } from 'zod';
import type { LegalHold, LegalHoldPage, legalHoldBody, legalHoldQuery, liftHoldBody } from '../../../../shared/api/retention.ts';
import { canManageOrganisation, isSystemAdmin } from '../../../platform/access/administration.ts';
import type { Context } from '../../../platform/context.ts';
import { decodeCheckedCursor, isIsoTime, isUuid, pageOf } from '../../../platform/cursor.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../platform/errors.ts';
import { decidableRecord } from './anonymise.ts';
import * as q from './queries.ts';

function present(row: q.HoldRow): LegalHold {
  return {
    id: row.id,
    record: { type: row.record_kind, id: row.record_id, title: row.title ?? '', reference: row.reference },
    reason: row.reason,
    placedBy: row.placed_by ? { id: row.placed_by, name: row.placed_by_name ?? '' } : null,
    placedAt: row.placed_at.toISOString(),
    liftedBy: row.lifted_by ? { id: row.lifted_by, name: row.lifted_by_name ?? '' } : null,
    liftedAt: row.lifted_at?.toISOString() ?? null,
    liftReason: row.lift_reason,
  };
}

const holdSubject = (row: q.HoldRow) => ({ entityType: 'legal_hold' as const, entityId: row.id, subjectOrganisationId: row.owner_organisation_id, subjectTeamId: row.owner_team_id });

/** The holds on records the reader decides on: their organisation's, or the partnership's for a system administrator. */
export async function listHolds(ctx: Context, query: z.infer<typeof legalHoldQuery>): Promise<LegalHoldPage> {
  const before = decodeCheckedCursor<[string, string]>(query.cursor, isIsoTime, isUuid);
  const rows = await q.listHolds(ctx.tx, {
    partnershipId: ctx.actor.partnershipId,
    organisationId: isSystemAdmin(ctx.actor) ? null : ctx.actor.organisationId,
    active: query.active,
    before,
    limit: query.limit,
  });
  const page = pageOf(rows, query.limit, present, (r) => [r.placed_at.toISOString(), r.id]);
  ctx.audit({ action: 'legal_holds.listed', details: { count: page.items.length } });
  return page;
}

/** A legal hold stops the record being anonymised or deleted, and keeps it out of the retention queue, until lifted. */
export async function placeHold(ctx: Context, body: z.infer<typeof legalHoldBody>): Promise<LegalHold> {
  const facts = await decidableRecord(ctx, body.record.type, body.record.id);
  const id = await q.insertHold(ctx.tx, { partnershipId: facts.partnershipId, recordKind: body.record.type, recordId: facts.id, reason: body.reason, placedBy: ctx.actor.id });
  const row = (await q.getHold(ctx.tx, id))!;
  ctx.audit({ action: 'legal_hold.placed', ...holdSubject(row), reason: body.reason, details: { record: { kind: body.record.type, id: facts.id } } });
  return present(row);
}

export async function liftHold(ctx: Context, id: string, body: z.infer<typeof liftHoldBody>): Promise<LegalHold> {
  const row = await q.getHold(ctx.tx, id);
  if (!row || row.partnership_id !== ctx.actor.partnershipId) throw new NotFoundError('legal hold');
  if (!canManageOrganisation(ctx.actor, row.owner_organisation_id)) {
    ctx.refuse({ action: 'access.refused', ...holdSubject(row), details: { why: 'not an administrator of the owning organisation' } });
    throw new ForbiddenError('Only the administrators of the organisation that holds the record lift its hold.');
  }
  if (!(await q.liftHold(ctx.tx, id, ctx.actor.id, body.reason))) throw new ConflictError('This hold has already been lifted.', 'already_lifted');
  ctx.audit({ action: 'legal_hold.lifted', ...holdSubject(row), reason: body.reason, details: { record: { kind: row.record_kind, id: row.record_id } } });
  return present((await q.getHold(ctx.tx, id))!);
}

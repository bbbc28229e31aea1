import type { RetentionState } from '../../../../shared/api/retention.ts';
import type { HoldRecordKind } from '../../../../shared/retention.ts';
import { canManageOrganisation } from '../../../platform/access/administration.ts';
import { actorHas } from '../../../platform/access/permissions.ts';
import type { Context } from '../../../platform/context.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { viewableRecord } from '../../sharing/record-access.ts';
import * as q from './queries.ts';

/** What the record's page shows of retention: when it was anonymised, a hold, its review, and whether the reader may act. */
export async function retentionState(ctx: Context, kind: HoldRecordKind, id: string): Promise<RetentionState> {
  const record = await viewableRecord(ctx, kind, id);
  const facts = await q.lockRecord(ctx.tx, kind, record.id, false);
  if (!facts) throw new NotFoundError(kind);
  const hold = await q.holdOn(ctx.tx, kind, facts.id);
  const review = await q.latestReview(ctx.tx, kind, facts.id);
  return {
    anonymisedAt: facts.anonymisedAt?.toISOString() ?? null,
    hold: hold ? { id: hold.id, reason: hold.reason, placedAt: hold.placedAt.toISOString() } : null,
    review: review ? { id: review.id, dueOn: review.due_on, status: review.status } : null,
    canDecide: actorHas(ctx.actor, 'retention.review') && canManageOrganisation(ctx.actor, facts.ownerOrganisationId),
    version: facts.version,
  };
}

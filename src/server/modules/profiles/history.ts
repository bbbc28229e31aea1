import type { z } from 'zod';
import type { HistoryEntry } from '../../../shared/api/records.ts';
import type { listQuery } from '../../../shared/api/common.ts';
import type { AuditAction } from '../../platform/audit/actions.ts';
import type { Context } from '../../platform/context.ts';
import { decodeCursor, pageOf } from '../../platform/cursor.ts';
import { ValidationError } from '../../platform/errors.ts';
import { subjectOf, viewableProfile } from './access.ts';
import * as q from './queries.ts';

/** The events that changed a profile; reads of it are in the audit trail, not its history. */
const changeActions = [
  'profile.created',
  'profile.updated',
  'profile.photo_changed',
  'profile.relationship_added',
  'profile.relationship_removed',
  'profile.merged',
  'record.shared',
  'record.unshared',
] as const satisfies readonly AuditAction[];

const present = (row: Awaited<ReturnType<typeof q.listHistory>>[number]): HistoryEntry => ({
  id: row.id,
  at: row.at.toISOString(),
  actor: { id: row.actorId, name: row.actorName },
  action: row.action,
  reason: row.reason,
  changes: (row.changes as HistoryEntry['changes']) ?? null,
  details: (row.details as HistoryEntry['details']) ?? null,
});

export async function profileHistory(ctx: Context, id: string, query: z.infer<typeof listQuery>) {
  const { row } = await viewableProfile(ctx, id);
  const cursor = decodeCursor(query.cursor, 1);
  const beforeSeq = cursor ? Number(cursor[0]) : null;
  if (beforeSeq !== null && !Number.isSafeInteger(beforeSeq)) throw new ValidationError([{ field: 'cursor', problem: 'is not a cursor from this list' }]);
  const rows = await q.listHistory(ctx.tx, row.profile.id, changeActions, beforeSeq, query.limit);
  ctx.audit({ action: 'profile.history_viewed', ...subjectOf(row) });
  return pageOf(rows, query.limit, present, (r) => [r.seq]);
}

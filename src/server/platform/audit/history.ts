import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { HistoryEntry } from '../../../shared/api/records.ts';
import type { RecordKind } from '../../../shared/records.ts';
import { auditEvents, auditValues } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../access/actor.ts';
import { decodeCheckedCursor, pageOf } from '../cursor.ts';
import { recordChangeActions } from './actions.ts';
import { idsIn, namesFor, namesOf } from './names.ts';
import { mergedDetails } from './values.ts';

const isSeq = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

/**
 * What was done to a profile, case or location, newest first, from the audit trail: its changes,
 * not the many times it was read. The caller has checked that the reader may open the record; the
 * people, lists and other records its ids point at are named as far as the reader may see them.
 */
export async function recordHistory(tx: Tx, reader: Actor, kind: RecordKind, id: string, query: { cursor?: string; limit: number }) {
  const [beforeSeq] = decodeCheckedCursor<[number]>(query.cursor, isSeq) ?? [];
  const rows = await tx
    .select({
      id: auditEvents.id, seq: auditEvents.seq, at: auditEvents.at, actorId: auditEvents.actorId, actorName: auditEvents.actorName,
      action: auditEvents.action, details: auditEvents.details,
      reason: auditValues.reason, changes: auditValues.changes, personal: auditValues.details,
    })
    .from(auditEvents)
    .leftJoin(auditValues, eq(auditValues.eventId, auditEvents.id))
    .where(and(
      eq(auditEvents.entityType, kind),
      eq(auditEvents.entityId, id),
      eq(auditEvents.outcome, 'success'),
      inArray(auditEvents.action, [...recordChangeActions]),
      beforeSeq !== undefined ? lt(auditEvents.seq, beforeSeq) : undefined,
    ))
    .orderBy(desc(auditEvents.seq))
    .limit(query.limit + 1);
  const refs = new Map(rows.slice(0, query.limit).map((row) => [row.id, idsIn(row.changes, mergedDetails(row.details, row.personal))]));
  const names = await namesOf(tx, reader, new Map([...refs.values()].flatMap((ids) => [...ids])));
  return pageOf(rows, query.limit, (row): HistoryEntry => ({
    id: row.id,
    at: row.at.toISOString(),
    actor: { id: row.actorId, name: row.actorName },
    action: row.action,
    reason: row.reason,
    changes: (row.changes as HistoryEntry['changes']) ?? null,
    details: mergedDetails(row.details, row.personal),
    names: namesFor(names, refs.get(row.id)!),
  }), (row) => [row.seq]);
}

import { and, desc, eq, sql } from 'drizzle-orm';
import type { RecordKind } from '../../../shared/records.ts';
import { recordInterests } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { CheckedRecord } from '../../platform/access/check.ts';
import { ofRecordAt } from '../../platform/access/kinds.ts';
import { canView } from '../../platform/access/records.ts';

/** Registering twice is one interest. Returns whether it is new. */
export async function register(tx: Tx, userId: string, kind: RecordKind, recordId: string): Promise<boolean> {
  const rows = await tx.insert(recordInterests).values({ userId, recordKind: kind, recordId }).onConflictDoNothing().returning({ userId: recordInterests.userId });
  return rows.length > 0;
}

/** Returns whether there was an interest to drop. */
export async function drop(tx: Tx, userId: string, kind: RecordKind, recordId: string): Promise<boolean> {
  const rows = await tx
    .delete(recordInterests)
    .where(and(eq(recordInterests.userId, userId), eq(recordInterests.recordKind, kind), eq(recordInterests.recordId, recordId)))
    .returning({ userId: recordInterests.userId });
  return rows.length > 0;
}

export async function isRegistered(tx: Tx, userId: string, record: CheckedRecord): Promise<boolean> {
  const [row] = await tx
    .select({ userId: recordInterests.userId })
    .from(recordInterests)
    .where(and(eq(recordInterests.userId, userId), eq(recordInterests.recordKind, record.kind), eq(recordInterests.recordId, record.id)));
  return row !== undefined;
}

/**
 * The actor's interests, newest first, each named as its page names it while the actor can
 * still open it; a record they can no longer open is listed without a name.
 */
export async function listInterests(tx: Tx, actor: Actor) {
  return tx
    .select({
      kind: recordInterests.recordKind,
      id: recordInterests.recordId,
      createdAt: recordInterests.createdAt,
      title: ofRecordAt(sql`${recordInterests.recordKind}`, sql`${recordInterests.recordId}`, (k) => k.title, (k) => canView(actor, k.table, k.accessList)),
    })
    .from(recordInterests)
    .where(eq(recordInterests.userId, actor.id))
    .orderBy(desc(recordInterests.createdAt), desc(recordInterests.recordId));
}

import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
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

/**
 * The actor's unread "changed" notices about the followed record in the outer query: a followed
 * record changed since they last looked is one they have such a notice about (tellInterested
 * keeps one unread notice per record).
 */
const unreadChanges = (actor: Actor): SQL => sql`from notifications n where n.user_id = ${actor.id} and n.kind = 'record_changed'
  and n.record_kind = record_interests.record_kind and n.record_id = record_interests.record_id and n.read_at is null`;

/** Followed records the actor can still open that changed since they last looked, latest change first; one more than the limit. */
export async function listChanged(tx: Tx, actor: Actor, limit: number) {
  const title = ofRecordAt(sql`record_interests.record_kind`, sql`record_interests.record_id`, (k) => k.title, (k) => canView(actor, k.table, k.accessList));
  const changedAt = sql`(select max(n.created_at) ${unreadChanges(actor)})`.mapWith(recordInterests.createdAt);
  return tx
    .select({
      kind: recordInterests.recordKind,
      id: recordInterests.recordId,
      title,
      changedAt,
      change: sql<string>`(select n.message ${unreadChanges(actor)} order by n.created_at desc limit 1)`,
    })
    .from(recordInterests)
    .where(and(eq(recordInterests.userId, actor.id), sql`exists (select 1 ${unreadChanges(actor)})`, sql`${title} is not null`))
    .orderBy(desc(changedAt), desc(recordInterests.recordId))
    .limit(limit + 1);
}

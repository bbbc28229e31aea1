import { and, desc, eq, sql } from 'drizzle-orm';
import type { RecordKind } from '../../../shared/records.ts';
import { cases, profiles, recordInterests } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { accessListOf, canView } from '../../platform/access/records.ts';

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

export async function isRegistered(tx: Tx, userId: string, kind: RecordKind, recordId: string): Promise<boolean> {
  const [row] = await tx
    .select({ userId: recordInterests.userId })
    .from(recordInterests)
    .where(and(eq(recordInterests.userId, userId), eq(recordInterests.recordKind, kind), eq(recordInterests.recordId, recordId)));
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
      title: sql<string | null>`case
        when ${recordInterests.recordKind} = 'profile' and ${canView(actor, profiles, accessListOf('profile_access'))} then ${profiles.firstName} || ' ' || ${profiles.lastName}
        when ${recordInterests.recordKind} = 'case' and ${canView(actor, cases, accessListOf('case_access'))} then ${cases.reference} || ': ' || ${cases.title}
      end`,
    })
    .from(recordInterests)
    .leftJoin(profiles, and(eq(recordInterests.recordKind, 'profile'), eq(profiles.id, recordInterests.recordId)))
    .leftJoin(cases, and(eq(recordInterests.recordKind, 'case'), eq(cases.id, recordInterests.recordId)))
    .where(eq(recordInterests.userId, actor.id))
    .orderBy(desc(recordInterests.createdAt), desc(recordInterests.recordId));
}

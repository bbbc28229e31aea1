import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Drizzle } from '../../db/connection.ts';
import { outboundMessages } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';

export type OutboundMessageRow = typeof outboundMessages.$inferSelect;
export type NewOutboundMessage = typeof outboundMessages.$inferInsert;

const lastErrorMaxLength = 2000;

export async function insertMessage(tx: Tx, message: NewOutboundMessage): Promise<string> {
  const [row] = await tx.insert(outboundMessages).values(message).returning({ id: outboundMessages.id });
  if (!row) throw new Error('outbound message was not stored');
  return row.id;
}

/**
 * Counts an attempt before it is made, so that a process dying mid-send still uses one up, and
 * returns the message only while it is still waiting: a repeated job finds it sent and stops.
 */
export async function claimForAttempt(db: Drizzle, id: string): Promise<OutboundMessageRow | null> {
  const [row] = await db
    .update(outboundMessages)
    .set({ attempts: sql`${outboundMessages.attempts} + 1` })
    .where(and(eq(outboundMessages.id, id), eq(outboundMessages.status, 'pending')))
    .returning();
  return row ?? null;
}

export async function markSent(db: Drizzle, id: string): Promise<void> {
  await db.update(outboundMessages).set({ status: 'sent', sentAt: new Date(), lastError: null }).where(eq(outboundMessages.id, id));
}

export async function recordFailure(db: Drizzle, id: string, error: string, final: boolean): Promise<void> {
  await db
    .update(outboundMessages)
    .set({ lastError: error.slice(0, lastErrorMaxLength), ...(final ? { status: 'failed' as const } : {}) })
    .where(eq(outboundMessages.id, id));
}

/**
 * Messages committed but never tried: the process stopped between the commit and queueing the
 * delivery job, or queueing failed. Old enough that a job for them would have run by now.
 */
export async function findStranded(db: Drizzle, olderThan: Date): Promise<string[]> {
  const rows = await db
    .select({ id: outboundMessages.id })
    .from(outboundMessages)
    .where(and(
      eq(outboundMessages.status, 'pending'),
      eq(outboundMessages.attempts, 0),
      inArray(outboundMessages.transport, ['smtp', 'notify']),
      lt(outboundMessages.createdAt, olderThan),
    ));
  return rows.map((r) => r.id);
}

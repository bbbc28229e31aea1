import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/connection.ts';
import { eventOutbox } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Audience, DomainEvent, EventBus } from './types.ts';

type Log = Pick<FastifyBaseLogger, 'error'>;

/** One deliverer at a time across every instance, so events leave in the order they were written. */
const delivererLock = 0x636f6e63; // "conc"
const batchSize = 200;
/** How often leftovers are looked for: events of a crashed instance, or one whose delivery failed. */
const sweepEveryMs = 5_000;

/** Writes the events in the change's own transaction: they are delivered only if it commits. */
export async function writeOutbox(tx: Tx, events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(eventOutbox).values(events.map((e) => ({ type: e.type, audience: e.audience, data: e.data })));
}

export interface OutboxDeliverer {
  /** Delivers everything written so far; resolves once what was committed before the call has gone. */
  drain(): Promise<void>;
  stop(): void;
}

/**
 * Delivers the outbox to the event bus at least once, in the order the events were written, and
 * removes them in the same transaction: a crash before that commit leaves them to be delivered
 * again. Runs after every use case that emitted something, and every few seconds for leftovers.
 */
export function startOutboxDeliverer({ database, events, log }: { database: Database; events: EventBus; log: Log }): OutboxDeliverer {
  const deliverBatch = () => database.db.transaction(async (tx) => {
    const { rows: [lock] } = await tx.execute<{ locked: boolean }>(sql`select pg_try_advisory_xact_lock(${delivererLock}) as locked`);
    // Another instance is delivering; it, or the next sweep, takes these too.
    if (!lock?.locked) return 0;
    const taken = await tx.delete(eventOutbox)
      .where(sql`${eventOutbox.seq} in (select seq from ${eventOutbox} order by seq limit ${batchSize})`)
      .returning();
    taken.sort((a, b) => a.seq - b.seq);
    await events.publish(taken.map((row) => ({ type: row.type, audience: row.audience as Audience, data: row.data as Record<string, unknown> })));
    return taken.length;
  });
  const deliverAll = async () => {
    while ((await deliverBatch()) === batchSize);
  };

  // A call while a delivery runs waits for it and then runs once more, since the running one may
  // have looked before the caller's events committed; calls meanwhile share that second run.
  let running: Promise<void> = Promise.resolve();
  let next: Promise<void> | null = null;
  const drain = () => {
    next ??= running.then(() => {
      next = null;
      return deliverAll();
    });
    running = next.catch(() => undefined);
    return next;
  };

  const sweep = setInterval(() => drain().catch((error: unknown) => log.error({ err: error }, 'could not deliver the event outbox')), sweepEveryMs);
  sweep.unref();
  return { drain, stop: () => clearInterval(sweep) };
}

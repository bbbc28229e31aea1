import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { recordTypeOf, type WebhookEvent } from '../../../shared/api/webhooks.ts';
import { webhookOutbox, webhooks } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';

/** What a use case announces to webhooks: the event and the record's id, nothing more. */
export interface HookedEvent {
  event: WebhookEvent;
  recordId: string;
}

export type OutboxEvent = typeof webhookOutbox.$inferSelect;

/** One fan-out at a time across every instance, so a batch is taken once. */
const takerLock = 0x77686f6b; // "whok"
/** How often leftovers are looked for: a crash after commit, or a fan-out that failed. */
const sweepEveryMs = 5_000;

/**
 * Writes the events in the change's own transaction (the runner calls it just before commit):
 * a change that rolls back sends nothing, one that commits is fanned out even after a crash.
 * The same event on the same record twice in one change is sent once. An event no enabled hook
 * anywhere listens for is not written at all, so a partnership without hooks pays nothing for
 * them. Returns how many were written.
 */
export async function writeWebhookEvents(tx: Tx, events: HookedEvent[]): Promise<number> {
  const unique = [...new Map(events.map((e) => [`${e.event}:${e.recordId}`, e])).values()];
  if (unique.length === 0) return 0;
  const rows = unique.map((e) => sql`(${uuidv7()}::uuid, ${e.event}, ${recordTypeOf(e.event)}, ${e.recordId}::uuid)`);
  const written = await tx.execute(sql`
    insert into ${webhookOutbox} (event_id, event, record_type, record_id)
    select v.event_id, v.event, v.record_type, v.record_id
    from (values ${sql.join(rows, sql`, `)}) as v (event_id, event, record_type, record_id)
    where exists (select 1 from ${webhooks} w where w.enabled and v.event = any(w.events))`);
  return written.rowCount ?? 0;
}

/**
 * Takes (deletes and returns) the oldest events in the caller's transaction, so they are gone
 * only if what the caller made of them commits too; none while another instance is taking.
 */
export async function takeWebhookEvents(tx: Tx, limit: number): Promise<OutboxEvent[]> {
  const { rows: [lock] } = await tx.execute<{ locked: boolean }>(sql`select pg_try_advisory_xact_lock(${takerLock}) as locked`);
  if (!lock?.locked) return [];
  const taken = await tx.delete(webhookOutbox)
    .where(sql`${webhookOutbox.seq} in (select seq from ${webhookOutbox} order by seq limit ${limit})`)
    .returning();
  return taken.sort((a, b) => a.seq - b.seq);
}

export interface WebhookDispatch {
  /** Fans out what has been written so far; resolves once what committed before the call has been taken. */
  drain(): Promise<void>;
  /**
   * Who fans out: the webhooks module, which knows the hooks and who may hear of what. `batch`
   * takes one batch and returns whether a full one was taken (more may wait).
   */
  serve(batch: () => Promise<boolean>): void;
  stop(): void;
}

/**
 * The after-commit half of the webhook outbox: the runner drains it after a change that hooked
 * something, and a sweep picks up leftovers. Until the webhooks module serves it, events wait.
 */
export function createWebhookDispatch(log: Pick<FastifyBaseLogger, 'error'>): WebhookDispatch {
  let batch: (() => Promise<boolean>) | null = null;
  let sweep: NodeJS.Timeout | null = null;
  const takeAll = async () => {
    while (batch && (await batch()));
  };
  // As the event outbox: a call while a fan-out runs waits for it and runs once more, since the
  // running one may have looked before the caller's events committed.
  let running: Promise<void> = Promise.resolve();
  let next: Promise<void> | null = null;
  const drain = () => {
    next ??= running.then(() => {
      next = null;
      return takeAll();
    });
    running = next.catch(() => undefined);
    return next;
  };
  return {
    drain,
    serve(fanOut) {
      batch = fanOut;
      sweep ??= setInterval(() => drain().catch((error: unknown) => log.error({ err: error }, 'could not fan out webhook events')), sweepEveryMs);
      sweep.unref();
    },
    stop() {
      if (sweep) clearInterval(sweep);
      sweep = null;
      batch = null;
    },
  };
}

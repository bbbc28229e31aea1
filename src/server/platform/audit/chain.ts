import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/connection.ts';
import type { Tx } from '../../db/transaction.ts';

type Log = Pick<FastifyBaseLogger, 'error'>;

/** The lock `audit_chain_extend` tries; held by whoever is extending the chain. */
export const chainerLock = 4242002;
const batchSize = 5000;
const everyMs = 1_000;

/**
 * Hashes into the chain every event whose transaction has ended, oldest transaction first
 * (`audit_chain_extend` in migration 0010 says why that order is final). Returns how many were
 * added; 0 when another session is extending it.
 */
export async function extendAuditChain(tx: Tx): Promise<number> {
  let added = 0;
  for (;;) {
    const { rows: [row] } = await tx.execute<{ added: number }>(sql`select audit_chain_extend(${batchSize}) as added`);
    added += Number(row?.added ?? 0);
    if (Number(row?.added ?? 0) < batchSize) return added;
  }
}

export interface AuditChainer {
  stop(): void;
}

/**
 * Extends the chain every second, so audited requests never wait on one another for it. One
 * chainer works at a time across every instance; the others' turns find the lock taken.
 */
export function startAuditChainer({ database, log }: { database: Database; log: Log }): AuditChainer {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await database.db.transaction((tx) => extendAuditChain(tx));
    } catch (error: unknown) {
      log.error({ err: error }, 'could not extend the audit chain');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

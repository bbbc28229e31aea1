import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/connection.ts';
import { retryPolicy } from '../jobs/boss.ts';
import type { Jobs } from '../jobs/types.ts';
import { claimForAttempt, findStranded, markSent, recordFailure } from './messages.ts';
import type { Transports } from './transports.ts';

type Log = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

export const deliveryQueue = 'deliver-message';

// The first try and every retry the job system allows.
const maxAttempts = retryPolicy.retryLimit + 1;
// A job queued at commit runs within seconds; a message untried for this long never got one.
const strandedAfterMs = 10 * 60 * 1000;

export async function queueDelivery(jobs: Jobs, id: string): Promise<void> {
  try {
    await jobs.send(deliveryQueue, { id });
  } catch (error) {
    throw new Error(`Message ${id} is stored but its delivery could not be queued; it will be queued again at the next start.`, { cause: error });
  }
}

interface DeliveryDeps {
  database: Database;
  jobs: Jobs;
  transports: Transports;
  log: Log;
}

/**
 * Delivers stored messages, one job per message. Delivery is at least once: a message is
 * marked sent only after the transport accepts it, so a crash in between sends it again rather
 * than never. Logs name the message id, never its recipient or content.
 */
export async function startDelivery({ database, jobs, transports, log }: DeliveryDeps): Promise<void> {
  async function deliver(id: string): Promise<void> {
    const message = await claimForAttempt(database.db, id);
    if (!message) return;
    try {
      const transport = message.transport === 'outbox' ? undefined : transports[message.transport];
      if (!transport) throw new Error(`The ${message.transport} transport is not configured on this server.`);
      await transport.send(message);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const final = message.attempts >= maxAttempts;
      await recordFailure(database.db, id, reason, final);
      if (!final) throw error;
      log.error({ err: error, messageId: id, attempts: message.attempts }, 'message could not be delivered and will not be tried again');
      return;
    }
    await markSent(database.db, id);
    log.info({ messageId: id, transport: message.transport, attempts: message.attempts }, 'message delivered');
  }

  await jobs.work(deliveryQueue, async (data) => {
    if (typeof data.id !== 'string') throw new Error('delivery job without a message id');
    await deliver(data.id);
  });

  const stranded = await findStranded(database.db, new Date(Date.now() - strandedAfterMs));
  if (stranded.length > 0) {
    log.warn({ count: stranded.length }, 'queueing delivery of messages that were stored but never queued');
    for (const id of stranded) await queueDelivery(jobs, id);
  }
}

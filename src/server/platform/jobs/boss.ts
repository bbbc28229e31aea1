import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { Database } from '../../db/connection.ts';
import type { Jobs } from './types.ts';

type Log = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

/**
 * How often a failed job is tried again: six attempts over roughly a quarter of an hour to half
 * an hour, enough to ride out a mail server restart. Work that records its own attempts (email
 * delivery) reads this to know when the last one has failed.
 */
export const retryPolicy = { retryLimit: 5, retryDelay: 30, retryBackoff: true } as const;

// Long enough for a delivery in flight to finish, short enough that a restart is not held up.
const stopTimeoutMs = 5000;

export async function createJobs(database: Database, log: Log): Promise<Jobs> {
  const boss = new PgBoss({
    ...(database.connection
      ? // pg-boss hands these settings to its own pg.Pool, so the application's pool settings fit as
        // they are; its typings merely declare a narrower password callback than pg accepts.
        { ...(database.connection as PgBoss.DatabaseOptions), max: 4 }
      : // The embedded database has one connection (see db/connection.ts); pg-boss shares it.
        { db: { executeSql: (text: string, values: unknown[]) => database.pool.query(text, values) } }),
    schema: 'pgboss',
    application_name: 'concord-jobs',
    pollingIntervalSeconds: 0.5,
  });
  // Without a listener an 'error' event would crash the process; pg-boss retries its own work.
  boss.on('error', (error) => log.error({ err: error }, 'background job system error'));
  await boss.start();

  const queues = new Map<string, Promise<void>>();
  // pg-boss 10 refuses jobs for a queue that does not exist yet.
  const ensureQueue = (name: string): Promise<void> => {
    let created = queues.get(name);
    if (!created) {
      created = boss.createQueue(name, { name, ...retryPolicy });
      created.catch(() => queues.delete(name));
      queues.set(name, created);
    }
    return created;
  };

  return {
    async send(name, data, options = {}) {
      await ensureQueue(name);
      const sendOptions: PgBoss.SendOptions = {};
      if (options.startAfterSeconds) sendOptions.startAfter = options.startAfterSeconds;
      await boss.send(name, data, sendOptions);
    },

    async work(name, handler) {
      await ensureQueue(name);
      await boss.work<Record<string, unknown>>(name, { batchSize: 1 }, async (jobs) => {
        for (const job of jobs) {
          try {
            await handler(job.data);
          } catch (error) {
            log.warn({ err: error, queue: name, jobId: job.id }, 'background job failed; it will be retried while retries remain');
            throw error;
          }
        }
      });
    },

    async stop() {
      await boss.stop({ graceful: true, timeout: stopTimeoutMs });
    },
  };
}

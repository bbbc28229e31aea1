import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import * as schema from '../../src/server/db/schema/index.ts';
import type { Tx } from '../../src/server/db/transaction.ts';
import type { Actor } from '../../src/server/platform/access/actor.ts';
import type { Context } from '../../src/server/platform/context.ts';
import { statsOf, type Load, type Stats } from '../run/measure.ts';
import type { Statement } from '../run/statement.ts';

/**
 * Every statement a use case sends, recorded while it runs for real on one connection, in a
 * transaction rolled back afterwards (its audit entries and events are dropped). A dashboard is
 * several statements, each needing the last one's answer (the settings, the team), so they cannot
 * be built without running: the raw figure is then exactly the SQL the API sends for the read,
 * without the session, the transaction and the audit row around it.
 */
export async function statementsOf(pool: pg.Pool, actor: Actor, useCase: (ctx: Context) => Promise<unknown>): Promise<Statement[]> {
  const client = await pool.connect();
  const statements: Statement[] = [];
  const recording = {
    query: (config: string | { text: string }, values?: unknown[]) => {
      statements.push({ text: typeof config === 'string' ? config : config.text, values: values ?? [] });
      return client.query(config as string, values);
    },
  };
  try {
    await client.query('begin');
    const tx = drizzle(recording as unknown as pg.PoolClient, { schema }) as unknown as Tx;
    const ignore = () => undefined;
    await useCase({ actor, origin: { ip: null }, tx, audit: ignore, refuse: ignore, emit: ignore, hook: ignore, afterCommit: ignore });
  } finally {
    await client.query('rollback');
    client.release();
  }
  if (statements.length === 0) throw new Error('the use case ran no statement');
  return statements;
}

/**
 * The statements of one read, one after another on a client of the pool, timed together, at
 * `connections` workers for `seconds` (as `measureSql`, for a read of several statements).
 */
export async function measureStatements(pool: pg.Pool, next: () => Statement[], load: Load): Promise<Stats> {
  const latencies: number[] = [];
  const samples: string[] = [];
  let errors = 0;
  const until = performance.now() + load.seconds * 1000;
  await Promise.all(Array.from({ length: load.connections }, async () => {
    const client = await pool.connect();
    try {
      while (performance.now() < until) {
        const statements = next();
        const started = performance.now();
        try {
          for (const { text, values } of statements) await client.query(text, values);
          latencies.push(performance.now() - started);
        } catch (error) {
          errors++;
          if (samples.length < 3) samples.push(error instanceof Error ? error.message : String(error));
        }
      }
    } finally {
      client.release();
    }
  }));
  return statsOf(latencies, errors, load.seconds, samples);
}

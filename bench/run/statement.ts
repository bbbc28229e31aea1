import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import * as schema from '../../src/server/db/schema/index.ts';
import type { Tx } from '../../src/server/db/transaction.ts';

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * The statement a module's query function sends, built on a database whose client keeps it
 * rather than running it: the raw figure, or the plan, is for exactly the SQL the API sends.
 */
export async function statementOf(run: (tx: Tx) => Promise<unknown>): Promise<Statement> {
  let captured: Statement | undefined;
  const client = {
    query: async (config: string | { text: string }, values: unknown[] = []) => {
      captured = { text: typeof config === 'string' ? config : config.text, values };
      return { rows: [], fields: [], rowCount: 0, command: 'SELECT' };
    },
  };
  await run(drizzle(client as unknown as pg.Pool, { schema }) as unknown as Tx);
  if (!captured) throw new Error('the query function ran no statement');
  return captured;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of a statement, in a transaction rolled back afterwards: a statement
 * that changes rows (a sweep's claim) is run for its plan and leaves the database as it was.
 */
export async function explain(pool: pg.Pool, statement: Statement): Promise<string> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${statement.text}`, statement.values);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.query('rollback');
    client.release();
  }
}

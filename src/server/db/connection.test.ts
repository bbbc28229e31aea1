import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/database.ts';
import type { Database } from './connection.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await database.pool.query('create table concurrency_probe (id int primary key, note text)');
});
afterAll(() => database.close());

// A web page fires several requests at once; each runs parameterised queries, some in transactions.
describe('concurrent use of the database', () => {
  it('answers many parameterised queries and transactions at once, each correctly', async () => {
    const reads = Array.from({ length: 40 }, (_, i) =>
      database.pool.query<{ n: number; label: string }>('select $1::int as n, $2::text as label', [i, `query ${i}`]).then((r) => r.rows[0]),
    );
    const writes = Array.from({ length: 20 }, (_, i) =>
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into concurrency_probe (id, note) values (${i}, ${`row ${i}`})`);
        const { rows } = await tx.execute<{ note: string }>(sql`select note from concurrency_probe where id = ${i}`);
        return rows[0]?.note;
      }),
    );
    const [readResults, writeResults] = await Promise.all([Promise.all(reads), Promise.all(writes)]);
    expect(readResults).toEqual(Array.from({ length: 40 }, (_, i) => ({ n: i, label: `query ${i}` })));
    expect(writeResults).toEqual(Array.from({ length: 20 }, (_, i) => `row ${i}`));
    const { rows } = await database.pool.query('select count(*)::int as count from concurrency_probe');
    expect(rows[0].count).toBe(20);
  });
});

describe('a connection the pool discards', () => {
  it('leaves its successor free to prepare the same named statements', async () => {
    const named = { name: 'connection_test_probe', text: 'select $1::int as n' };
    expect((await database.pool.query(named, [1])).rows).toEqual([{ n: 1 }]);
    const discarded = await database.pool.connect();
    discarded.release(new Error('discarded, as the pool discards a connection after an error'));
    expect((await database.pool.query(named, [2])).rows).toEqual([{ n: 2 }]);
  });
});

describe('the settings every connection runs with', () => {
  it('works in UTC, and on PostgreSQL without JIT compilation (the embedded build has no JIT)', async () => {
    const { rows } = await database.pool.query<{ timezone: string; jit: string }>("select current_setting('TimeZone') as timezone, current_setting('jit') as jit");
    expect(rows[0]!.timezone).toBe('UTC');
    if (database.mode === 'postgres') expect(rows[0]!.jit).toBe('off');
  });
});

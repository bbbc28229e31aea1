import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../transaction.ts';

/** Multi-row inserts of a few hundred rows each: few round trips, well inside a statement's 65,535 parameters. */
export async function insertAll<T extends PgTable>(tx: Tx, table: T, rows: PgInsertValue<T>[], size = 400): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await tx.insert(table).values(rows.slice(i, i + size));
}

import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from './transaction.ts';

/**
 * A name for a statement's shape (its text, not its values), for `.prepare(name)`: node-postgres
 * then parses it once per connection and PostgreSQL can keep its plan, where an unnamed statement
 * is parsed and planned afresh on every request. Two shapes never share a name, which
 * node-postgres would refuse.
 */
export function shapeName(query: { toSQL(): { sql: string } }): string {
  return `shape_${createHash('sha256').update(query.toSQL().sql).digest('hex').slice(0, 32)}`;
}

/** Several scalar subqueries (a page's lists, each as json) read in one statement, by name. */
export async function selectColumns<T extends Record<string, unknown>>(tx: Tx, columns: Record<string, SQL>): Promise<T> {
  const named = Object.entries(columns).map(([name, column]) => sql`${column} as ${sql.identifier(name)}`);
  const { rows: [row] } = await tx.execute<T>(sql`select ${sql.join(named, sql`, `)}`);
  return row as T;
}

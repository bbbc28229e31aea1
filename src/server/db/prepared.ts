import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Drizzle } from './connection.ts';
import type { Tx } from './transaction.ts';

/**
 * A name for a statement's shape (its text, not its values), for `.prepare(name)`: node-postgres
 * then parses it once per connection and PostgreSQL can keep its plan, where an unnamed statement
 * is parsed and planned afresh on every request. Two shapes never share a name, which
 * node-postgres would refuse.
 */
export function shapeName(query: { toSQL(): { sql: string } }): string {
  return statementName(query.toSQL().sql);
}

/** `shapeName` for a statement written as SQL text. */
export function statementName(text: string): string {
  return `shape_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
}

interface Preparable<P> {
  toSQL(): { sql: string };
  prepare(name: string): P;
}

/**
 * A statement built once for each database and shape, with `sql.placeholder`s where its values
 * go, then only executed with them. Building and compiling a page's Drizzle query took more of
 * Node's time than PostgreSQL took to run it (bench/README.md, "Page reads"), so a hot read is
 * built once, not on every request. `shape` names what changes the statement's text (a filter
 * given or not); everything else must be a placeholder.
 */
export function builtOnce<P, S extends string = ''>(build: (db: Drizzle, shape: S) => Preparable<P>): (db: Drizzle, shape?: S) => P {
  const built = new WeakMap<Drizzle, Map<S, P>>();
  return (db, shape = '' as S) => {
    let shapes = built.get(db);
    if (!shapes) built.set(db, (shapes = new Map()));
    let prepared = shapes.get(shape);
    if (!prepared) {
      const query = build(db, shape);
      shapes.set(shape, (prepared = query.prepare(shapeName(query))));
    }
    return prepared;
  };
}

/** Several scalar subqueries (a page's lists, each as json) read in one statement, by name. */
export async function selectColumns<T extends Record<string, unknown>>(tx: Tx, columns: Record<string, SQL>): Promise<T> {
  const named = Object.entries(columns).map(([name, column]) => sql`${column} as ${sql.identifier(name)}`);
  const { rows: [row] } = await tx.execute<T>(sql`select ${sql.join(named, sql`, `)}`);
  return row as T;
}

import { createHash } from 'node:crypto';
import { fillPlaceholders, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Drizzle } from './connection.ts';
import type { Db, Tx } from './transaction.ts';

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

/** A statement as SQL text with positional parameters, and the name it is prepared by. */
export interface TextStatement {
  name: string;
  text: string;
}

/** Drizzle SQL from text with positional parameters: each `$n` becomes the n-th value. */
function positional(text: string, values: readonly unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  return sql.join(parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1]}`)));
}

/**
 * Runs a statement written as SQL text: prepared by name on the pool, so each connection parses
 * and plans it once; in the caller's transaction, when it has one, unnamed.
 */
export async function runText<T>(on: { db: Db } | { tx: Tx }, statement: TextStatement, values: readonly unknown[]): Promise<T[]> {
  if ('tx' in on) return (await on.tx.execute(positional(statement.text, values))).rows as T[];
  return (await on.db.$client.query<T & Record<string, unknown>>({ name: statement.name, text: statement.text, values: [...values] })).rows;
}

const dialect = new PgDialect();

/**
 * `builtOnce` for a statement that is not a query builder's (a union of sources, say): Drizzle SQL
 * with `sql.placeholder`s, compiled to text once for each shape and then run by `runText` with
 * the placeholders' values. `shape` must name everything that changes the text.
 */
export function compiledOnce<S>(key: (shape: S) => string, build: (shape: S) => SQL) {
  const compiled = new Map<string, TextStatement & { params: unknown[] }>();
  const of = (shape: S) => {
    const k = key(shape);
    let statement = compiled.get(k);
    if (!statement) {
      const { sql: text, params } = dialect.sqlToQuery(build(shape));
      compiled.set(k, (statement = { name: statementName(text), text, params }));
    }
    return statement;
  };
  return <T>(on: { db: Db } | { tx: Tx }, shape: S, values: Record<string, unknown>): Promise<T[]> => {
    const statement = of(shape);
    return runText<T>(on, statement, fillPlaceholders(statement.params, values));
  };
}

/** Several scalar subqueries (a page's lists, each as json) read in one statement, by name. */
export async function selectColumns<T extends Record<string, unknown>>(tx: Tx, columns: Record<string, SQL>): Promise<T> {
  const named = Object.entries(columns).map(([name, column]) => sql`${column} as ${sql.identifier(name)}`);
  const { rows: [row] } = await tx.execute<T>(sql`select ${sql.join(named, sql`, `)}`);
  return row as T;
}

import type { Drizzle } from './connection.ts';

/** A transaction handle: the only way a use case reaches the database. */
export type Tx = Parameters<Parameters<Drizzle['transaction']>[0]>[0];

/** The pool itself, for a read made of one statement (`Runner.read`): a single statement is atomic without a transaction. */
export type Db = Drizzle;

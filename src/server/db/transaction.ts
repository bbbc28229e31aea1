import type { Drizzle } from './connection.ts';

/** A transaction handle: the only way a use case reaches the database. */
export type Tx = Parameters<Parameters<Drizzle['transaction']>[0]>[0];

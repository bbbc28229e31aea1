import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import type { TestApp } from './harness.ts';

type Query = (...args: unknown[]) => unknown;

/**
 * The statements `request` sends to the database, in order, and its result. Background work on
 * the same pool (the audit chainer, the outbox) is left out: a statement counts if it is sent
 * from the request's own asynchronous path, whether on the pool or on a client checked out for a
 * transaction. The job queue's polling is left out too: its timer can be set from a request's
 * path and carry it along.
 */
export async function statementsOf<T>(t: TestApp, request: () => Promise<T>): Promise<{ statements: string[]; result: T }> {
  const pool = t.database.pool;
  const traced = new AsyncLocalStorage<string[]>();
  const textOf = (config: unknown) => (typeof config === 'string' ? config : (config as { text: string }).text);
  const poolQuery = pool.query.bind(pool) as Query;
  const poolConnect = pool.connect.bind(pool) as Query;
  pool.query = ((config: unknown, ...rest: unknown[]) => {
    traced.getStore()?.push(textOf(config));
    return poolQuery(config, ...rest);
  }) as typeof pool.query;
  // Drizzle checks a client out (promise style) for a transaction; the pool's own `query` checks
  // one out with a callback and is counted above. A client counts its statements only while a
  // transaction holds it: the pool's `query` may later run on the same client, counted once.
  const held = new Set<pg.PoolClient>();
  const originals = new Map<pg.PoolClient, pg.PoolClient['query']>();
  pool.connect = ((...args: unknown[]) => {
    if (args.length > 0) return poolConnect(...args);
    return (poolConnect() as Promise<pg.PoolClient>).then((client) => {
      if (!originals.has(client)) {
        const query = client.query;
        originals.set(client, query);
        client.query = ((config: unknown, ...rest: unknown[]) => {
          if (held.has(client)) traced.getStore()?.push(textOf(config));
          return (query as Query).call(client, config, ...rest);
        }) as typeof client.query;
      }
      // The pool gives a client a new `release` at each checkout.
      const release = client.release;
      client.release = (...releaseArgs: Parameters<pg.PoolClient['release']>) => {
        held.delete(client);
        return release.call(client, ...releaseArgs);
      };
      held.add(client);
      return client;
    });
  }) as typeof pool.connect;
  const sent: string[] = [];
  try {
    const result = await traced.run(sent, request);
    return { statements: sent.filter((text) => !/\bpgboss\./.test(text)), result };
  } finally {
    pool.query = poolQuery as typeof pool.query;
    pool.connect = poolConnect as typeof pool.connect;
    for (const [client, query] of originals) client.query = query;
  }
}

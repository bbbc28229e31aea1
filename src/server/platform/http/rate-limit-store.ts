import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import type { Drizzle } from '../../db/connection.ts';

type Counted = { current: number; ttl: number };

/**
 * Counts one request against `key` in its window and returns the count so far and the
 * milliseconds left. One statement, so two instances counting the same key at once both land.
 */
async function countHit(db: Drizzle, key: string, windowMs: number): Promise<Counted> {
  const { rows } = await db.execute<{ hits: number; ttl: number }>(sql`
    insert into rate_limit_counters as c (key, hits, resets_at)
    values (${key}, 1, clock_timestamp() + ${windowMs} * interval '1 millisecond')
    on conflict (key) do update
       set hits = case when c.resets_at <= clock_timestamp() then 1 else c.hits + 1 end,
           resets_at = case when c.resets_at <= clock_timestamp() then excluded.resets_at else c.resets_at end
    returning hits, greatest(0, ceil(extract(epoch from resets_at - clock_timestamp()) * 1000))::int as ttl`);
  const row = rows[0]!;
  return { current: row.hits, ttl: row.ttl };
}

/**
 * @fastify/rate-limit's store in the database instead of each process's memory: several
 * instances behind a load balancer share one count, so a limit of 20 sign-ins a minute from an
 * address stays 20, not 20 per instance. Each route (and each limiter a handler makes) counts
 * under its own prefix, as the plugin's own stores do.
 */
export function databaseRateLimitStore(db: Drizzle): FastifyRateLimitStoreCtor {
  const store = (prefix: string): FastifyRateLimitStore => ({
    incr(key, callback, timeWindow?: number) {
      countHit(db, `${prefix}${key}`, timeWindow ?? 60_000).then((counted) => callback(null, counted), (error: Error) => callback(error));
    },
    child(routeOptions) {
      const route = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      return store(route?.url ? `${String(route.method)} ${route.url} ` : '');
    },
  });
  return function DatabaseRateLimitStore() {
    return store('');
  } as unknown as FastifyRateLimitStoreCtor;
}

/** Removes counters whose window has passed; they would start again from one anyway. */
export async function forgetPassedRateLimits(db: Drizzle): Promise<number> {
  const { rows } = await db.execute<{ key: string }>(sql`delete from rate_limit_counters where resets_at < now() returning key`);
  return rows.length;
}

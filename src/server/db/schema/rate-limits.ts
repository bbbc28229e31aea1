import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { at } from './columns.ts';

/**
 * The per-address request counters of the rate limits (sign-in, password reset, public referral
 * forms), kept in the database so that every instance behind a load balancer counts the same
 * requests. A row past `resets_at` starts again from one; old rows are swept.
 */
export const rateLimitCounters = pgTable('rate_limit_counters', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  resetsAt: at('resets_at').notNull(),
}, (t) => [index('rate_limit_counters_resets_at_idx').on(t.resetsAt)]);

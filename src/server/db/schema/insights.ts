import { sql } from 'drizzle-orm';
import { check, integer, pgTable, uuid } from 'drizzle-orm/pg-core';
import { insightDefaults as defaults } from '../../../shared/insights.ts';
import { timestamps, version } from './columns.ts';
import { partnerships, users } from './structure.ts';

/**
 * A partnership's insight settings; without a row it keeps `insightDefaults`: how long a profile
 * on an open case may go without anything recorded before compliance counts it as not updated in
 * time, and how many incidents in a period make a victim a repeat victim.
 */
export const insightSettings = pgTable('insight_settings', {
  partnershipId: uuid('partnership_id').primaryKey().references(() => partnerships.id),
  staleAfterDays: integer('stale_after_days').notNull().default(defaults.staleAfterDays),
  repeatVictimIncidents: integer('repeat_victim_incidents').notNull().default(defaults.repeatVictimIncidents),
  updatedBy: uuid('updated_by').references(() => users.id),
  version: version(),
  ...timestamps,
}, (t) => [
  check('insight_settings_stale_check', sql`${t.staleAfterDays} between 1 and 365`),
  check('insight_settings_repeat_check', sql`${t.repeatVictimIncidents} between 2 and 50`),
]);

import { sql } from 'drizzle-orm';
import { check, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { setupSteps } from '../../../shared/api/setup.ts';
import { timestamps, version } from './columns.ts';
import { inList } from './sharing.ts';
import { partnerships, users } from './structure.ts';

/**
 * A new partnership being set up with the wizard: which template its lists came from, who started
 * it, and which steps have been submitted, so that anyone resuming it lands where it was left.
 * What is still to do is worked out from the partnership's own rows, not from here.
 */
export const partnershipSetups = pgTable('partnership_setups', {
  partnershipId: uuid('partnership_id').primaryKey().references(() => partnerships.id),
  templatePartnershipId: uuid('template_partnership_id').references(() => partnerships.id),
  startedBy: uuid('started_by').references(() => users.id),
  stepsDone: text('steps_done').array().notNull().default(sql`'{}'::text[]`),
  version: version(),
  ...timestamps,
}, (t) => [
  check('partnership_setups_steps_check', sql`${t.stepsDone} <@ array[${inList(setupSteps)}]::text[]`),
]);

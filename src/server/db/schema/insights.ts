import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, uuid } from 'drizzle-orm/pg-core';
import { insightDefaults as defaults } from '../../../shared/insights.ts';
import { at, timestamps, version } from './columns.ts';
import { profiles } from './profiles.ts';
import { partnerships, teams, users } from './structure.ts';

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

/**
 * What the compliance checks read about each profile from other tables, kept by triggers in the
 * same transaction as every write that changes it (migration 0021), so a team's compliance view
 * reads one row per profile rather than probing reports, contacts, assessments and cases for each,
 * and a gap put right leaves the figures at once. The profile's own columns (roles, last change,
 * names) are read from the profile itself.
 */
export const profileCompliance = pgTable('profile_compliance', {
  profileId: uuid('profile_id').primaryKey().references(() => profiles.id, { onDelete: 'cascade' }),
  /** The profile's owning team, copied so that a team's rows are read from one index range. */
  ownerTeamId: uuid('owner_team_id').notNull().references(() => teams.id),
  /** How many letters the reason the profile was created gives, counted once when it is written. */
  reasonLetters: integer('reason_letters').notNull(),
  /** Any report on the profile: a report can say why it was created when the reason does not. */
  hasReport: boolean('has_report').notNull().default(false),
  /** When a report on the profile or a contact with the person was last recorded. */
  lastRecordedAt: at('last_recorded_at'),
  /** A completed ASB Risk Assessment Matrix on the profile. */
  hasCompletedMatrix: boolean('has_completed_matrix').notNull().default(false),
  /** When the earliest matrix the profile still needs (a VICTIM "yes") was asked for. */
  matrixRequiredSince: at('matrix_required_since'),
  /** The case types of the open cases the profile is on, each once. */
  openCaseTypes: uuid('open_case_types').array().notNull().default(sql`'{}'::uuid[]`),
  /** When the victim's contact plan next expects a contact, if they have one. */
  nextContactDue: date('next_contact_due', { mode: 'string' }),
}, (t) => [index('profile_compliance_owner_team_idx').on(t.ownerTeamId)]);

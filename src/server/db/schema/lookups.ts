import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accessLevels, lookupLists } from '../../../shared/records.ts';
import { id, timestamps, version } from './columns.ts';
import { inList } from './sharing.ts';
import { organisations, partnerships, teams } from './structure.ts';

/**
 * The lists an admin edits, one copy per partnership so that each area words its own. A value is
 * retired rather than deleted (records keep pointing at it); `key` is the stable name the API
 * accepts alongside the id and the label.
 */
export const lookups = pgTable('lookups', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  list: text('list', { enum: lookupLists }).notNull(),
  key: text('key').notNull(),
  name: text('name').notNull(),
  /** For ethnicities, the ONS group ("Asian or Asian British"); null elsewhere. */
  groupName: text('group_name'),
  /** For case types, the prefix of their case references ("ASB" in ASB/2026/00042). */
  code: text('code'),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
  version: version(),
  ...timestamps,
}, (t) => [
  uniqueIndex('lookups_partnership_list_key').on(t.partnershipId, t.list, t.key),
  index('lookups_partnership_list_position_idx').on(t.partnershipId, t.list, t.position),
  check('lookups_list_check', sql`${t.list} in (${inList(lookupLists)})`),
]);

/** Default sharing of a case type: every new case of the type is shared with these. */
export const caseTypeSharing = pgTable('case_type_sharing', {
  id: id(),
  caseTypeId: uuid('case_type_id').notNull().references(() => lookups.id),
  teamId: uuid('team_id').references(() => teams.id),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  level: text('level', { enum: accessLevels }).notNull(),
}, (t) => [
  uniqueIndex('case_type_sharing_team_key').on(t.caseTypeId, t.teamId).where(sql`${t.teamId} is not null`),
  uniqueIndex('case_type_sharing_organisation_key').on(t.caseTypeId, t.organisationId).where(sql`${t.organisationId} is not null`),
  check('case_type_sharing_target_check', sql`(${t.teamId} is null) <> (${t.organisationId} is null)`),
  check('case_type_sharing_level_check', sql`${t.level} in (${inList(accessLevels)})`),
]);

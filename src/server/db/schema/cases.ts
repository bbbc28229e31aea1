import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { caseStatuses, interventionStatuses, profileRoles } from '../../../shared/records.ts';
import { at, id, timestamps, version } from './columns.ts';
import { locations } from './locations.ts';
import { lookups } from './lookups.ts';
import { profiles } from './profiles.ts';
import { accessListTable, inList } from './sharing.ts';
import { organisations, partnerships, teams, users } from './structure.ts';

export const cases = pgTable('cases', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  ownerTeamId: uuid('owner_team_id').notNull().references(() => teams.id),
  /** Unique in the partnership, e.g. "ASB/2026/00042": the number people quote on the phone. */
  reference: text('reference').notNull(),
  title: text('title').notNull(),
  caseTypeId: uuid('case_type_id').notNull().references(() => lookups.id),
  status: text('status', { enum: caseStatuses }).notNull().default('open'),
  summary: text('summary'),
  leadOrganisationId: uuid('lead_organisation_id').references(() => organisations.id),
  leadOfficerId: uuid('lead_officer_id').references(() => users.id),
  singlePointOfContactId: uuid('single_point_of_contact_id').references(() => users.id),
  startDate: date('start_date', { mode: 'string' }),
  endDate: date('end_date', { mode: 'string' }),
  parentCaseId: uuid('parent_case_id').references((): AnyPgColumn => cases.id),
  outcome: text('outcome'),
  closureReason: text('closure_reason'),
  closedAt: at('closed_at'),
  closedBy: uuid('closed_by').references(() => users.id),
  archivedAt: at('archived_at'),
  /** When the case's title and reports were replaced and its people anonymised. */
  anonymisedAt: at('anonymised_at'),
  createdBy: uuid('created_by').references(() => users.id),
  /** Lower-cased reference and title, written by the app, for the trigram index. */
  searchText: text('search_text').notNull(),
  version: version(),
  ...timestamps,
}, (t) => [
  uniqueIndex('cases_partnership_reference_key').on(t.partnershipId, sql`lower(${t.reference})`),
  index('cases_owner_team_idx').on(t.ownerTeamId, t.updatedAt),
  index('cases_partnership_created_idx').on(t.partnershipId, t.createdAt),
  index('cases_partnership_closed_idx').on(t.partnershipId, t.closedAt).where(sql`${t.closedAt} is not null`),
  index('cases_parent_idx').on(t.parentCaseId).where(sql`${t.parentCaseId} is not null`),
  index('cases_search_trgm_idx').using('gin', t.partnershipId, sql`${t.searchText} gin_trgm_ops`),
  check('cases_status_check', sql`${t.status} in (${inList(caseStatuses)})`),
  check('cases_dates_check', sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`),
  check('cases_not_own_parent_check', sql`${t.parentCaseId} is null or ${t.parentCaseId} <> ${t.id}`),
]);

/** The next case number per partnership and year, taken under a row lock. */
export const caseReferenceCounters = pgTable('case_reference_counters', {
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  year: integer('year').notNull(),
  lastNumber: integer('last_number').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.partnershipId, t.year] })]);

export const caseProfiles = pgTable('case_profiles', {
  caseId: uuid('case_id').notNull().references(() => cases.id),
  profileId: uuid('profile_id').notNull().references(() => profiles.id),
  role: text('role', { enum: profileRoles }).notNull(),
  addedBy: uuid('added_by').references(() => users.id),
  addedAt: at('added_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.caseId, t.profileId] }),
  index('case_profiles_profile_idx').on(t.profileId),
  check('case_profiles_role_check', sql`${t.role} in (${inList(profileRoles)})`),
]);

export const caseLocations = pgTable('case_locations', {
  caseId: uuid('case_id').notNull().references(() => cases.id),
  locationId: uuid('location_id').notNull().references(() => locations.id),
  addedBy: uuid('added_by').references(() => users.id),
  addedAt: at('added_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.caseId, t.locationId] }), index('case_locations_location_idx').on(t.locationId)]);

/** The ASB toolkit's incremental approach: each step taken on a case, with its dates and outcome. */
export const caseInterventions = pgTable('case_interventions', {
  id: id(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  interventionTypeId: uuid('intervention_type_id').notNull().references(() => lookups.id),
  status: text('status', { enum: interventionStatuses }).notNull().default('proposed'),
  startDate: date('start_date', { mode: 'string' }),
  endDate: date('end_date', { mode: 'string' }),
  outcome: text('outcome'),
  notes: text('notes'),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps,
}, (t) => [
  index('case_interventions_case_idx').on(t.caseId),
  check('case_interventions_status_check', sql`${t.status} in (${inList(interventionStatuses)})`),
  check('case_interventions_dates_check', sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`),
]);

export const caseAccess = accessListTable('case_access', () => cases.id);

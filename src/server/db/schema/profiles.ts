import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { genders, profileRoles, relationshipKinds, riskLevels } from '../../../shared/records.ts';
import { at, id, timestamps, version } from './columns.ts';
import { storedFiles } from './files.ts';
import { locations } from './locations.ts';
import { lookups } from './lookups.ts';
import { accessListTable, inList } from './sharing.ts';
import { partnerships, teams, users } from './structure.ts';

/** A person: victim, offender, witness, vulnerable person or family member, on the shared record. */
export const profiles = pgTable('profiles', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  ownerTeamId: uuid('owner_team_id').notNull().references(() => teams.id),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  dateOfBirth: date('date_of_birth', { mode: 'string' }),
  /** When the date of birth is unknown: the age as estimated, and when it was estimated. */
  approximateAge: integer('approximate_age'),
  approximateAgeOn: date('approximate_age_on', { mode: 'string' }),
  gender: text('gender', { enum: genders }),
  ethnicityId: uuid('ethnicity_id').references(() => lookups.id),
  phone: text('phone'),
  email: text('email'),
  roles: text('roles', { enum: profileRoles }).array().notNull().default(sql`'{}'::text[]`),
  keyInformation: text('key_information'),
  reasonCreated: text('reason_created').notNull(),
  riskLevel: text('risk_level', { enum: riskLevels }),
  photoFileId: uuid('photo_file_id').references(() => storedFiles.id),
  thumbnailFileId: uuid('thumbnail_file_id').references(() => storedFiles.id),
  /** Set when this profile was merged into another as a duplicate; it then only redirects. */
  mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => profiles.id),
  mergedAt: at('merged_at'),
  mergedBy: uuid('merged_by').references(() => users.id),
  /** When a retention decision or an administrator replaced what identifies the person; links and counts stay. */
  anonymisedAt: at('anonymised_at'),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps,
}, (t) => [
  index('profiles_owner_team_idx').on(t.ownerTeamId, t.updatedAt),
  index('profiles_partnership_dob_idx').on(t.partnershipId, t.dateOfBirth),
  index('profiles_partnership_updated_idx').on(t.partnershipId, t.updatedAt),
  index('profiles_partnership_created_idx').on(t.partnershipId, t.createdAt),
  index('profiles_merged_into_idx').on(t.mergedIntoId).where(sql`${t.mergedIntoId} is not null`),
  check('profiles_gender_check', sql`${t.gender} in (${inList(genders)})`),
  check('profiles_risk_level_check', sql`${t.riskLevel} in (${inList(riskLevels)})`),
  check('profiles_roles_check', sql`${t.roles} <@ array[${inList(profileRoles)}]::text[]`),
  check('profiles_approximate_age_check', sql`${t.approximateAge} is null or (${t.approximateAge} between 0 and 120)`),
]);

/**
 * Every name a person is known by (their name and each alias), with the forms search needs:
 * `searchName` is lower-cased and unaccented for trigram matching, the sound keys are Double
 * Metaphone codes for phonetic matching. Written by the app so that both databases agree.
 * `searchKeys` are the trigrams inside each word of `searchName`, each a key of the partnership
 * (`name_trigram_keys`): the name search's index, whose lists hold one partnership's names
 * where the trigram index's hold every partnership's.
 */
export const profileNames = pgTable('profile_names', {
  id: id(),
  profileId: uuid('profile_id').notNull().references(() => profiles.id),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  kind: text('kind', { enum: ['name', 'alias'] }).notNull(),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  searchName: text('search_name').notNull(),
  firstSound: text('first_sound').notNull(),
  lastSound: text('last_sound').notNull(),
  searchKeys: integer('search_keys').array().notNull().generatedAlwaysAs(sql`name_trigram_keys(partnership_id, search_name)`),
}, (t) => [
  index('profile_names_profile_idx').on(t.profileId),
  index('profile_names_search_keys_idx').using('gin', t.searchKeys),
  index('profile_names_search_trgm_idx').using('gin', t.partnershipId, sql`${t.searchName} gin_trgm_ops`),
  index('profile_names_sound_idx').on(t.partnershipId, t.lastSound, t.firstSound),
  check('profile_names_kind_check', sql`${t.kind} in ('name', 'alias')`),
]);

export const profileAddresses = pgTable('profile_addresses', {
  id: id(),
  profileId: uuid('profile_id').notNull().references(() => profiles.id),
  /** The location record for this address, when there is one. */
  locationId: uuid('location_id').references(() => locations.id),
  addressLine1: text('address_line1').notNull(),
  addressLine2: text('address_line2'),
  town: text('town'),
  postcode: text('postcode'),
  /** The UPRN of an address picked from a postcode lookup, as a location keeps it: the surest link between the two. */
  uprn: text('uprn'),
  fromDate: date('from_date', { mode: 'string' }),
  toDate: date('to_date', { mode: 'string' }),
}, (t) => [
  index('profile_addresses_profile_idx').on(t.profileId),
  index('profile_addresses_location_idx').on(t.locationId).where(sql`${t.locationId} is not null`),
  // A location recorded finds the addresses already at it by these two.
  index('profile_addresses_postcode_idx').on(sql`replace(${t.postcode}, ' ', '')`),
  index('profile_addresses_uprn_idx').on(t.uprn).where(sql`${t.uprn} is not null`),
  check('profile_addresses_uprn_check', sql`${t.uprn} ~ '^[0-9]{1,12}$'`),
]);

export const profileVulnerabilities = pgTable('profile_vulnerabilities', {
  profileId: uuid('profile_id').notNull().references(() => profiles.id),
  lookupId: uuid('lookup_id').notNull().references(() => lookups.id),
}, (t) => [
  primaryKey({ columns: [t.profileId, t.lookupId] }),
  // The dashboard's breakdown: the people with each of the partnership's vulnerabilities.
  index('profile_vulnerabilities_lookup_idx').on(t.lookupId, t.profileId),
]);

export const profileWarningMarkers = pgTable('profile_warning_markers', {
  profileId: uuid('profile_id').notNull().references(() => profiles.id),
  lookupId: uuid('lookup_id').notNull().references(() => lookups.id),
}, (t) => [primaryKey({ columns: [t.profileId, t.lookupId] })]);

/** Stored once from one profile to the other; read from both sides (see `relationshipLabels`). */
export const profileRelationships = pgTable('profile_relationships', {
  id: id(),
  fromProfileId: uuid('from_profile_id').notNull().references(() => profiles.id),
  toProfileId: uuid('to_profile_id').notNull().references(() => profiles.id),
  kind: text('kind', { enum: relationshipKinds }).notNull(),
  notes: text('notes'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('profile_relationships_pair_kind_key').on(t.fromProfileId, t.toProfileId, t.kind),
  index('profile_relationships_to_idx').on(t.toProfileId),
  check('profile_relationships_kind_check', sql`${t.kind} in (${inList(relationshipKinds)})`),
  check('profile_relationships_not_self_check', sql`${t.fromProfileId} <> ${t.toProfileId}`),
]);

export const profileAccess = accessListTable('profile_access', () => profiles.id);

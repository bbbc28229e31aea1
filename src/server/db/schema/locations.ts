import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { locationKinds } from '../../../shared/records.ts';
import { id, timestamps, version } from './columns.ts';
import { accessListTable, inList } from './sharing.ts';
import { partnerships, teams, users } from './structure.ts';

/** Premises and places: a home, a shop, a park. */
export const locations = pgTable('locations', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  ownerTeamId: uuid('owner_team_id').notNull().references(() => teams.id),
  kind: text('kind', { enum: locationKinds }).notNull(),
  /** A premises or place name ("The Red Lion", "Forest Recreation Ground"); optional for homes. */
  name: text('name'),
  addressLine1: text('address_line1').notNull(),
  addressLine2: text('address_line2'),
  town: text('town'),
  /** Normalised: upper case, one space before the inward code. */
  postcode: text('postcode').notNull(),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  /**
   * The Unique Property Reference Number from the address base, when the address was picked from
   * a postcode lookup: the one identifier every council, police force and housing provider shares.
   */
  uprn: text('uprn'),
  /** Lower-cased, unaccented name and address, written by the app, for the trigram index. */
  searchText: text('search_text').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps,
}, (t) => [
  index('locations_owner_team_idx').on(t.ownerTeamId),
  index('locations_partnership_postcode_idx').on(t.partnershipId, sql`replace(${t.postcode}, ' ', '')`),
  index('locations_partnership_uprn_idx').on(t.partnershipId, t.uprn).where(sql`${t.uprn} is not null`),
  index('locations_search_trgm_idx').using('gin', t.partnershipId, sql`${t.searchText} gin_trgm_ops`),
  check('locations_kind_check', sql`${t.kind} in (${inList(locationKinds)})`),
  check('locations_coordinates_check', sql`(${t.latitude} is null) = (${t.longitude} is null)`),
  check('locations_uprn_check', sql`${t.uprn} ~ '^[0-9]{1,12}$'`),
]);

export const locationAccess = accessListTable('location_access', () => locations.id);

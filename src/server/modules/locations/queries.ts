import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { caseLocations, cases, locationAccess, locations, organisations, profileAddresses, profiles, teams, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { LocationKind } from '../../../shared/records.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { kinds } from '../../platform/access/kinds.ts';
import { accessLevel, canView } from '../../platform/access/records.ts';
import { postcodeSearchOf, postcodeUpperBound } from './postcode.ts';

const locationList = kinds.location.accessList;
const compactPostcode = sql`replace(${locations.postcode}, ' ', '')`;

const summaryColumns = {
  location: locations,
  teamName: teams.name,
  organisationId: organisations.id,
  organisationName: organisations.name,
};

const ownedByTeam = eq(teams.id, locations.ownerTeamId);
const teamInOrganisation = eq(organisations.id, teams.organisationId);

export type LocationSummaryRow = Awaited<ReturnType<typeof listLocations>>[number];

/** One location with the actor's level on it (null: none) and who created it. */
export async function getLocation(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select({ ...summaryColumns, level: accessLevel(actor, locations, locationList), createdByName: users.name })
    .from(locations)
    .innerJoin(teams, ownedByTeam)
    .innerJoin(organisations, teamInOrganisation)
    .leftJoin(users, eq(users.id, locations.createdBy))
    .where(eq(locations.id, id));
  return row ?? null;
}

export type LocationRow = NonNullable<Awaited<ReturnType<typeof getLocation>>>;

export async function linkedCases(tx: Tx, actor: Actor, locationId: string) {
  return tx
    .select({ id: cases.id, reference: cases.reference, title: cases.title, accessible: sql<boolean>`${canView(actor, cases, kinds.case.accessList)}` })
    .from(caseLocations)
    .innerJoin(cases, eq(cases.id, caseLocations.caseId))
    .where(and(eq(caseLocations.locationId, locationId), eq(cases.partnershipId, actor.partnershipId)))
    .orderBy(desc(cases.createdAt), asc(cases.id));
}

/**
 * Everyone with an address at this location, with their owners for the stubs of those the reader
 * may not open; a merged duplicate only redirects, so it is left out. Ordered by the address's
 * dates, newest first; the service decides what each reader sees of each.
 */
export async function peopleAt(tx: Tx, actor: Actor, locationId: string) {
  return tx
    .select({
      addressId: profileAddresses.id,
      profileId: profiles.id,
      firstName: profiles.firstName,
      lastName: profiles.lastName,
      fromDate: profileAddresses.fromDate,
      toDate: profileAddresses.toDate,
      ownerTeamId: profiles.ownerTeamId,
      teamName: teams.name,
      organisationId: organisations.id,
      organisationName: organisations.name,
    })
    .from(profileAddresses)
    .innerJoin(profiles, eq(profiles.id, profileAddresses.profileId))
    .innerJoin(teams, eq(teams.id, profiles.ownerTeamId))
    .innerJoin(organisations, teamInOrganisation)
    .where(and(eq(profileAddresses.locationId, locationId), eq(profiles.partnershipId, actor.partnershipId), isNull(profiles.mergedIntoId)))
    .orderBy(sql`${profileAddresses.toDate} desc nulls first`, sql`${profileAddresses.fromDate} desc nulls last`, asc(profiles.lastName), asc(profiles.firstName), asc(profileAddresses.id));
}

export type PersonAtRow = Awaited<ReturnType<typeof peopleAt>>[number];

/** A first line as linking compares it: lower case, unaccented, letters and digits only. */
const lineKey = (line: SQL) => sql`regexp_replace(lower(unaccent(${line})), '[^a-z0-9]+', '', 'g')`;

interface AddressParts {
  line1: SQL;
  postcode: SQL;
  uprn: SQL;
}

/**
 * Whether a person's address is at a location: the same UPRN when both have one; otherwise the
 * same postcode and the same first line, whatever their case, accents, spaces and punctuation.
 * The location's name before its first line counts too, as a picked address fills in a person's
 * ("The Red Lion, 1 High Street").
 */
function sameAddress(a: AddressParts, l: AddressParts & { name: SQL }): SQL {
  return sql`((${a.uprn} is not null and ${l.uprn} = ${a.uprn})
    or ((${a.uprn} is null or ${l.uprn} is null)
      and replace(${l.postcode}, ' ', '') = replace(${a.postcode}, ' ', '')
      and ${lineKey(a.line1)} in (${lineKey(l.line1)}, ${lineKey(sql`coalesce(${l.name}, '') || ${l.line1}`)})))`;
}

/**
 * Links each of the person's addresses that has no location to the partnership's location at
 * the same address: the one with the same UPRN first, then the first recorded.
 */
export async function linkAddressesOf(tx: Tx, partnershipId: string, profileId: string) {
  // Raw names: the subquery's columns must say which table they are from, the outer row's too.
  const match = sameAddress(
    { line1: sql`profile_addresses.address_line1`, postcode: sql`profile_addresses.postcode`, uprn: sql`profile_addresses.uprn` },
    { name: sql`l.name`, line1: sql`l.address_line1`, postcode: sql`l.postcode`, uprn: sql`l.uprn` },
  );
  await tx.execute(sql`
    update profile_addresses set location_id = (
      select l.id from locations l
       where l.partnership_id = ${partnershipId} and ${match}
       order by coalesce(l.uprn = profile_addresses.uprn, false) desc, l.created_at, l.id
       limit 1)
     where profile_addresses.profile_id = ${profileId} and profile_addresses.location_id is null`);
}

/** The locations the person's addresses are linked to. */
export async function locationIdsOf(tx: Tx, profileId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: profileAddresses.locationId })
    .from(profileAddresses)
    .where(and(eq(profileAddresses.profileId, profileId), isNotNull(profileAddresses.locationId)));
  return rows.flatMap((r) => (r.id ? [r.id] : []));
}

/** Links the partnership's people's addresses at this location that have none yet; returns whose. */
export async function linkAddressesTo(tx: Tx, location: typeof locations.$inferSelect): Promise<string[]> {
  const rows = await tx
    .update(profileAddresses)
    .set({ locationId: location.id })
    .where(and(
      isNull(profileAddresses.locationId),
      sql`exists (select 1 from ${profiles} where ${profiles.id} = ${profileAddresses.profileId} and ${profiles.partnershipId} = ${location.partnershipId})`,
      sameAddress(
        { line1: sql`${profileAddresses.addressLine1}`, postcode: sql`${profileAddresses.postcode}`, uprn: sql`${profileAddresses.uprn}` },
        { name: sql`${location.name}::text`, line1: sql`${location.addressLine1}::text`, postcode: sql`${location.postcode}::text`, uprn: sql`${location.uprn}::text` },
      ),
    ))
    .returning({ profileId: profileAddresses.profileId });
  return [...new Set(rows.map((r) => r.profileId))];
}

/** Who hears that a location changed: its owning team and everyone on its access list. */
export async function audienceOf(tx: Tx, locationId: string) {
  return tx.select({ teamId: locationAccess.teamId, organisationId: locationAccess.organisationId }).from(locationAccess).where(eq(locationAccess.recordId, locationId));
}

export type LocationValues = {
  kind: LocationKind;
  name: string | null;
  addressLine1: string;
  addressLine2: string | null;
  town: string | null;
  postcode: string;
  latitude: number | null;
  longitude: number | null;
  uprn: string | null;
};

/** Written in SQL so that both databases lower-case and unaccent alike, as the search does. */
function searchTextOf(v: LocationValues): SQL<string> {
  return sql<string>`lower(unaccent(concat_ws(' ', ${v.name}::text, ${v.addressLine1}::text, ${v.addressLine2}::text, ${v.town}::text, ${v.postcode}::text)))`;
}

export async function insertLocation(tx: Tx, values: LocationValues & { partnershipId: string; ownerTeamId: string; createdBy: string | null }) {
  const [row] = await tx.insert(locations).values({ ...values, searchText: searchTextOf(values) }).returning({ id: locations.id });
  return row!.id;
}

/** Applies a change only if the location is still at the version the editor saw. */
export async function updateLocation(tx: Tx, id: string, version: number, values: LocationValues): Promise<boolean> {
  const rows = await tx
    .update(locations)
    .set({ ...values, searchText: searchTextOf(values), version: sql`${locations.version} + 1`, updatedAt: new Date() })
    .where(and(eq(locations.id, id), eq(locations.version, version)))
    .returning({ id: locations.id });
  return rows.length > 0;
}

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const normalised = (value: string) => sql`lower(unaccent(${value}::text))`;
/** The house and flat numbers of an address line, so "12 Acacia Avenue" is not taken for number 14. */
const numbersIn = (line: SQL) => sql`trim(regexp_replace(${line}, '[^0-9]+', ' ', 'g'))`;

const matchColumns = (actor: Actor, score: SQL<number>) => ({
  ...summaryColumns,
  score: sql<number>`(${score})::float8`,
  accessible: sql<boolean>`${canView(actor, locations, locationList)}`,
});

/**
 * Locations already at this postcode whose first line reads almost the same and carries the same
 * numbers: probably the place being entered again.
 */
export async function possibleDuplicates(tx: Tx, actor: Actor, postcode: string, addressLine1: string) {
  const score = sql<number>`similarity(lower(unaccent(${locations.addressLine1})), ${normalised(addressLine1)})`;
  return tx
    .select(matchColumns(actor, score))
    .from(locations)
    .innerJoin(teams, ownedByTeam)
    .innerJoin(organisations, teamInOrganisation)
    .where(and(
      eq(locations.partnershipId, actor.partnershipId),
      eq(compactPostcode, postcode.replace(' ', '')),
      sql`${score} >= 0.5`,
      sql`${numbersIn(sql`${locations.addressLine1}`)} = ${numbersIn(sql`${addressLine1}::text`)}`,
    ))
    .orderBy(desc(score), asc(locations.id))
    .limit(10);
}

/** A postcode as typed: the exact one, or every postcode that starts so (a btree range). */
function postcodeIs(typed: string): SQL | undefined {
  const search = postcodeSearchOf(typed);
  if (!search) return undefined;
  if (search.complete) return eq(compactPostcode, search.compact);
  return and(sql`${compactPostcode} between ${search.compact} and ${postcodeUpperBound(search.compact)}`, sql`${compactPostcode} like ${`${search.compact}%`}`);
}

/** How many locations one source of matches reads at most, however many would fit. */
const candidatesPerSource = 100;

/**
 * Existing locations that fit an address being entered, best first. Candidates come from two
 * index lookups that each read a bounded number of rows: those at the postcode (or starting with
 * it, on the postcode btree) and those whose name or address is alike word for word to the first
 * line (the trigram index); only those are then ranked, by postcode and how alike the first line is.
 */
export async function matchingLocations(tx: Tx, actor: Actor, input: { addressLine1?: string; postcode?: string }, limit: number) {
  const byPostcode = input.postcode ? postcodeIs(input.postcode) : undefined;
  const line = input.addressLine1 ? normalised(input.addressLine1) : null;
  const candidates = async (where: SQL) =>
    (await tx.select({ id: locations.id }).from(locations).where(and(eq(locations.partnershipId, actor.partnershipId), where)).limit(candidatesPerSource)).map((r) => r.id);
  const ids = [...new Set([...(byPostcode ? await candidates(byPostcode) : []), ...(line ? await candidates(sql`${line} <% ${locations.searchText}`) : [])])];
  if (ids.length === 0) return [];
  const lineScore = line ? sql`similarity(lower(unaccent(${locations.addressLine1})), ${line})` : sql`0`;
  const score = sql<number>`case when ${byPostcode ?? sql`false`} then 0.5 else 0 end + 0.5 * ${lineScore}`;
  return tx
    .select(matchColumns(actor, score))
    .from(locations)
    .innerJoin(teams, ownedByTeam)
    .innerJoin(organisations, teamInOrganisation)
    .where(inArray(locations.id, ids))
    .orderBy(desc(score), asc(locations.id))
    .limit(limit);
}

export interface LocationFilter {
  scope: 'all' | 'mine' | 'shared';
  kind?: LocationKind;
  q?: string;
  cursor: (string | number)[] | null;
  limit: number;
}

/**
 * Locations the actor may open, in postcode order (the partnership's postcode index serves it),
 * filtered by words of the name or address or by the start of a postcode.
 */
export async function listLocations(tx: Tx, actor: Actor, filter: LocationFilter) {
  const [postcode, id] = (filter.cursor ?? []) as [string?, string?];
  // Every word, as typed, somewhere in the name or address, found through the trigram index. A
  // word under three letters has no trigram to look up, so it only filters what the others found.
  const words = (filter.q ?? '').split(/\s+/).filter(Boolean).map((word) => (word.length >= 3
    ? sql`${locations.searchText} like ${normalised(`%${likeEscaped(word)}%`)}`
    : sql`strpos(${locations.searchText}, ${normalised(word)}) > 0`));
  return tx
    .select(summaryColumns)
    .from(locations)
    .innerJoin(teams, ownedByTeam)
    .innerJoin(organisations, teamInOrganisation)
    .where(and(
      canView(actor, locations, locationList),
      filter.scope === 'mine' ? eq(locations.ownerTeamId, actor.teamId) : undefined,
      filter.scope === 'shared' ? ne(locations.ownerTeamId, actor.teamId) : undefined,
      filter.kind ? eq(locations.kind, filter.kind) : undefined,
      filter.q ? or(and(...words), postcodeIs(filter.q)) : undefined,
      postcode !== undefined && id !== undefined ? or(gt(compactPostcode, postcode), and(eq(compactPostcode, postcode), gt(locations.id, id))) : undefined,
    ))
    .orderBy(asc(compactPostcode), asc(locations.id))
    .limit(filter.limit + 1);
}

import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ProfileRole, RelationshipKind, RiskLevel } from '../../../shared/records.ts';
import {
  apiTokens, locations, lookups, organisations, profileAccess, profileAddresses, profileNames, profileRelationships, profiles,
  profileVulnerabilities, profileWarningMarkers, riskLevelChanges, teams, users,
} from '../../db/schema/index.ts';
import { builtOnce, selectColumns } from '../../db/prepared.ts';
import type { Db, Tx } from '../../db/transaction.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { kinds } from '../../platform/access/kinds.ts';
import { accessLevel, actorParams, actorPlaceholders, canView, type ActorRef } from '../../platform/access/records.ts';
import { safetyFactsJson } from '../../platform/access/shown.ts';
import { readAudit, type AuditSubjectRow } from '../../platform/audit/write.ts';
import type { SafetyFacts } from './safety.ts';

export const profileAccessList = kinds.profile.accessList;

const ownerColumns = {
  ownerTeamName: teams.name,
  ownerOrganisationId: organisations.id,
  ownerOrganisationName: organisations.name,
};

/** A profile's own columns and what its page shows beside them, as the actor stands towards it. */
const profileSelection = (actor: ActorRef) => ({
  profile: profiles,
  ...ownerColumns,
  level: accessLevel(actor, profiles, profileAccessList),
  ethnicity: { id: lookups.id, key: lookups.key, name: lookups.name, groupName: lookups.groupName },
  createdByName: users.name,
});

/** One profile as the actor stands towards it, with what the page shows beside its own columns. */
export async function getProfile(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select(profileSelection(actor))
    .from(profiles)
    .innerJoin(teams, eq(teams.id, profiles.ownerTeamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .leftJoin(lookups, eq(lookups.id, profiles.ethnicityId))
    .leftJoin(users, eq(users.id, profiles.createdBy))
    .where(eq(profiles.id, id));
  return row ?? null;
}

export type ProfileRow = NonNullable<Awaited<ReturnType<typeof getProfile>>>;

interface LookupRef { id: string; key: string; name: string }

/** The lists shown on a profile page, read from this profile's side. */
export interface ProfileParts {
  aliases: { id: string; firstName: string; lastName: string }[];
  vulnerabilities: LookupRef[];
  warningMarkers: LookupRef[];
  addresses: {
    id: string; locationId: string | null; addressLine1: string; addressLine2: string | null; town: string | null; postcode: string | null;
    uprn: string | null; fromDate: string | null; toDate: string | null;
  }[];
  relationships: {
    relationship: { id: string; kind: RelationshipKind; fromProfileId: string; notes: string | null };
    other: { id: string; firstName: string; lastName: string; dateOfBirth: string | null };
    accessible: boolean;
    /** Null for a person the actor may not open. */
    safety: SafetyFacts | null;
  }[];
  /** `mergedAt` as the database writes a timestamp in json. */
  mergedFrom: { id: string; firstName: string; lastName: string; mergedAt: string | null; mergedById: string | null; mergedByName: string | null }[];
}

const jsonList = <T>(query: SQL) => sql<T[]>`coalesce((${query}), '[]'::json)`;

const lookupList = (table: LookupSetTable, id: string | Placeholder) => jsonList<LookupRef>(sql`
  select json_agg(json_build_object('id', l.id, 'key', l.key, 'name', l.name) order by l.position, l.name)
    from ${table} s join ${lookups} l on l.id = s.lookup_id where s.profile_id = ${id}`);

/**
 * Every list on a profile page as a json column, so the page is one select list: written with
 * aliases and the id itself, as Drizzle leaves an outer column unqualified inside a subquery.
 * A related person's safety facts are read only if the actor may open their profile.
 */
function profileLists(actor: ActorRef, id: string | Placeholder) {
  const other = alias(profiles, 'other');
  return {
    aliases: jsonList<ProfileParts['aliases'][number]>(sql`
      select json_agg(json_build_object('id', n.id, 'firstName', n.first_name, 'lastName', n.last_name) order by n.id)
        from ${profileNames} n where n.profile_id = ${id} and n.kind = 'alias'`),
    vulnerabilities: lookupList(profileVulnerabilities, id),
    warningMarkers: lookupList(profileWarningMarkers, id),
    addresses: jsonList<ProfileParts['addresses'][number]>(sql`
      select json_agg(json_build_object('id', a.id, 'locationId', a.location_id, 'addressLine1', a.address_line1, 'addressLine2', a.address_line2,
                                        'town', a.town, 'postcode', a.postcode, 'uprn', a.uprn, 'fromDate', a.from_date, 'toDate', a.to_date)
                      order by a.from_date desc nulls last, a.id)
        from ${profileAddresses} a where a.profile_id = ${id}`),
    relationships: jsonList<ProfileParts['relationships'][number]>(sql`
      select json_agg(json_build_object(
               'relationship', json_build_object('id', r.id, 'kind', r.kind, 'fromProfileId', r.from_profile_id, 'notes', r.notes),
               'other', json_build_object('id', ${other.id}, 'firstName', ${other.firstName}, 'lastName', ${other.lastName}, 'dateOfBirth', ${other.dateOfBirth}),
               'accessible', v.accessible,
               'safety', case when v.accessible then json_build_object(
                 'dateOfBirth', ${other.dateOfBirth}, 'approximateAge', ${other.approximateAge}, 'approximateAgeOn', ${other.approximateAgeOn},
                 'roles', ${other.roles}, 'riskLevel', ${other.riskLevel},
                 'warningMarkers', coalesce((
                   select json_agg(json_build_object('id', l.id, 'key', l.key, 'name', l.name) order by l.position, l.name)
                     from ${profileWarningMarkers} m join ${lookups} l on l.id = m.lookup_id where m.profile_id = ${other.id}), '[]'::json)) end)
             order by r.created_at, r.id)
        from ${profileRelationships} r
        join ${profiles} other on ${other.id} = case when r.from_profile_id = ${id} then r.to_profile_id else r.from_profile_id end
        cross join lateral (select ${canView(actor, other, profileAccessList)} as accessible) v
       where r.from_profile_id = ${id} or r.to_profile_id = ${id}`),
    mergedFrom: jsonList<ProfileParts['mergedFrom'][number]>(sql`
      select json_agg(json_build_object('id', m.id, 'firstName', m.first_name, 'lastName', m.last_name, 'mergedAt', m.merged_at,
                                        'mergedById', u.id, 'mergedByName', u.name) order by m.merged_at)
        from ${profiles} m left join ${users} u on u.id = m.merged_by where m.merged_into_id = ${id}`),
  };
}

/** The lists shown on a profile page, read from this profile's side, in one statement. */
export async function getProfileParts(tx: Tx, actor: Actor, id: string): Promise<ProfileParts> {
  return selectColumns<ProfileParts & Record<string, unknown>>(tx, profileLists(actor, id));
}

/**
 * A profile's whole page in one statement: the profile as the actor stands towards it, every list
 * on the page, and the read's audit event, written by the same statement only if the actor may
 * open the profile (of their partnership, shared with them, not merged away: what `checkRecord`
 * lets open). Built once, and prepared on each connection, so PostgreSQL plans it once.
 */
const profilePageStatement = builtOnce((db) => {
  const id = sql.placeholder('id');
  const actor = actorPlaceholders;
  const seen = alias(profiles, 'seen');
  const subject: AuditSubjectRow = sql`
    select ${teams.organisationId} as subject_organisation_id, ${seen.ownerTeamId} as subject_team_id
      from ${profiles} seen join ${teams} on ${teams.id} = ${seen.ownerTeamId}
     where ${seen.id} = ${id} and ${seen.mergedIntoId} is null and ${canView(actor, seen, profileAccessList)}`;
  return db
    .with(...readAudit(subject))
    .select({ ...profileSelection(actor), ...profileLists(actor, id) })
    .from(profiles)
    .innerJoin(teams, eq(teams.id, profiles.ownerTeamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .leftJoin(lookups, eq(lookups.id, profiles.ethnicityId))
    .leftJoin(users, eq(users.id, profiles.createdBy))
    .where(eq(profiles.id, id));
});

/** A profile's page and its audit event (`readAuditParams`), in one statement. */
export async function profilePage(db: Db, actor: Actor, id: string, audit: Record<string, unknown>) {
  const [found] = await profilePageStatement(db).execute({ id, ...actorParams(actor), ...audit });
  if (!found) return null;
  const { aliases, vulnerabilities, warningMarkers, addresses, relationships, mergedFrom, ...row } = found;
  return { row, parts: { aliases, vulnerabilities, warningMarkers, addresses, relationships, mergedFrom } };
}

type LookupSetTable = typeof profileVulnerabilities | typeof profileWarningMarkers;

async function lookupSet(tx: Tx, table: LookupSetTable, profileIds: string[]) {
  if (profileIds.length === 0) return [];
  return tx
    .select({ profileId: table.profileId, id: lookups.id, key: lookups.key, name: lookups.name })
    .from(table)
    .innerJoin(lookups, eq(lookups.id, table.lookupId))
    .where(inArray(table.profileId, profileIds))
    .orderBy(asc(lookups.position), asc(lookups.name));
}

export const warningMarkersOf = (tx: Tx, profileIds: string[]) => lookupSet(tx, profileWarningMarkers, profileIds);

/**
 * The facts behind a person's age, roles, risk and warning markers, for those of the profiles the
 * actor can open: one statement, as it is on the case pages' path.
 */
export async function openableSafetyRows(tx: Tx, actor: Actor, profileIds: string[]) {
  if (profileIds.length === 0) return [];
  return tx
    .select({ id: profiles.id, facts: safetyFactsJson(sql`profiles`) })
    .from(profiles)
    .where(and(inArray(profiles.id, profileIds), canView(actor, profiles, profileAccessList)));
}

export async function insertProfile(tx: Tx, values: typeof profiles.$inferInsert): Promise<string> {
  const [row] = await tx.insert(profiles).values(values).returning({ id: profiles.id });
  return row!.id;
}

export type ProfilePatch = Partial<Omit<typeof profiles.$inferInsert, 'id' | 'partnershipId' | 'version' | 'createdAt' | 'updatedAt' | 'createdBy'>>;

/** Applies a change only if the profile is still at the version the editor saw. */
export async function updateProfile(tx: Tx, id: string, version: number, patch: ProfilePatch): Promise<boolean> {
  const rows = await tx
    .update(profiles)
    .set({ ...patch, version: sql`${profiles.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(profiles.id, id), eq(profiles.version, version), isNull(profiles.mergedIntoId)))
    .returning({ id: profiles.id });
  return rows.length > 0;
}

export interface PersonName {
  firstName: string;
  lastName: string;
}

/**
 * Replaces the profile's names of one kind. The search forms are computed by the database, so
 * that the search module's queries (which compute the same expressions on what is typed) agree.
 */
export async function replaceNames(tx: Tx, profile: { id: string; partnershipId: string }, kind: 'name' | 'alias', names: PersonName[]) {
  await tx.delete(profileNames).where(and(eq(profileNames.profileId, profile.id), eq(profileNames.kind, kind)));
  if (names.length === 0) return;
  await tx.insert(profileNames).values(names.map((n) => ({
    profileId: profile.id,
    partnershipId: profile.partnershipId,
    kind,
    firstName: n.firstName,
    lastName: n.lastName,
    searchName: sql`lower(unaccent(${n.firstName}::text || ' ' || ${n.lastName}::text))`,
    firstSound: sql`name_sound(${n.firstName}::text)`,
    lastSound: sql`name_sound(${n.lastName}::text)`,
  })));
}

export async function replaceVulnerabilities(tx: Tx, profileId: string, lookupIds: string[]) {
  await tx.delete(profileVulnerabilities).where(eq(profileVulnerabilities.profileId, profileId));
  if (lookupIds.length > 0) await tx.insert(profileVulnerabilities).values(lookupIds.map((lookupId) => ({ profileId, lookupId })));
}

export async function replaceWarningMarkers(tx: Tx, profileId: string, lookupIds: string[]) {
  await tx.delete(profileWarningMarkers).where(eq(profileWarningMarkers.profileId, profileId));
  if (lookupIds.length > 0) await tx.insert(profileWarningMarkers).values(lookupIds.map((lookupId) => ({ profileId, lookupId })));
}

export type AddressValues = Omit<typeof profileAddresses.$inferInsert, 'id' | 'profileId'>;

export async function replaceAddresses(tx: Tx, profileId: string, addresses: AddressValues[]) {
  await tx.delete(profileAddresses).where(eq(profileAddresses.profileId, profileId));
  if (addresses.length > 0) await tx.insert(profileAddresses).values(addresses.map((a) => ({ ...a, profileId })));
}

/** The locations the profile's addresses are linked to now. */
export async function addressLocationIds(tx: Tx, profileId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: profileAddresses.locationId })
    .from(profileAddresses)
    .where(and(eq(profileAddresses.profileId, profileId), isNotNull(profileAddresses.locationId)));
  return rows.flatMap((r) => (r.id ? [r.id] : []));
}

/** Of these locations, those of the actor's partnership, each with whether the actor may open it. */
export async function locationsInPartnership(tx: Tx, actor: Actor, ids: string[]): Promise<Map<string, boolean>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: locations.id, openable: sql<boolean>`${canView(actor, locations, kinds.location.accessList)}` })
    .from(locations)
    .where(and(eq(locations.partnershipId, actor.partnershipId), inArray(locations.id, ids)));
  return new Map(rows.map((r) => [r.id, r.openable]));
}

/** The teams and organisations on the profile's access list. */
export async function accessEntries(tx: Tx, profileId: string) {
  return tx.select({ teamId: profileAccess.teamId, organisationId: profileAccess.organisationId }).from(profileAccess).where(eq(profileAccess.recordId, profileId));
}

export interface ProfileFilter {
  scope: 'all' | 'mine' | 'shared';
  role?: ProfileRole;
  riskLevel?: RiskLevel;
  q?: string;
  cursor: (string | number)[] | null;
  limit: number;
}

/**
 * Profiles the actor can open, newest change first. The cursor holds `updated_at` to the
 * microsecond (as text), since a JavaScript date would round it and skip or repeat rows.
 */
export async function listProfiles(tx: Tx, actor: Actor, filter: ProfileFilter) {
  const [at, id] = (filter.cursor ?? []) as [string?, string?];
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const conditions: (SQL | undefined)[] = [
    canView(actor, profiles, profileAccessList),
    isNull(profiles.mergedIntoId),
    filter.scope === 'mine' ? eq(profiles.ownerTeamId, actor.teamId) : undefined,
    filter.scope === 'shared' ? ne(profiles.ownerTeamId, actor.teamId) : undefined,
    filter.role ? sql`${profiles.roles} @> array[${filter.role}]::text[]` : undefined,
    filter.riskLevel ? eq(profiles.riskLevel, filter.riskLevel) : undefined,
    pattern
      ? inArray(profiles.id, tx.select({ id: profileNames.profileId }).from(profileNames).where(and(
        eq(profileNames.partnershipId, actor.partnershipId),
        sql`${profileNames.searchName} like lower(unaccent(${pattern}::text))`,
      )))
      : undefined,
    at !== undefined && id !== undefined ? sql`(${profiles.updatedAt}, ${profiles.id}) < (${at}::timestamptz, ${id}::uuid)` : undefined,
  ];
  return tx
    .select({
      profile: {
        id: profiles.id, firstName: profiles.firstName, lastName: profiles.lastName, dateOfBirth: profiles.dateOfBirth,
        approximateAge: profiles.approximateAge, approximateAgeOn: profiles.approximateAgeOn, roles: profiles.roles,
        riskLevel: profiles.riskLevel, thumbnailFileId: profiles.thumbnailFileId, ownerTeamId: profiles.ownerTeamId, updatedAt: profiles.updatedAt,
      },
      ...ownerColumns,
      cursorAt: sql<string>`to_char(${profiles.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(profiles)
    .innerJoin(teams, eq(teams.id, profiles.ownerTeamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(and(...conditions))
    .orderBy(desc(profiles.updatedAt), desc(profiles.id))
    .limit(filter.limit + 1);
}

export type ProfileListRow = Awaited<ReturnType<typeof listProfiles>>[number];

/**
 * Keeps a risk level set by hand in the profile's risk-level history, beside those set by
 * assessments; a system's token answers through the person who issued it.
 */
export async function keepRiskLevelChange(tx: Tx, actor: Actor, change: { profileId: string; from: RiskLevel | null; to: RiskLevel | null }) {
  const changedBy = actor.kind === 'user' ? sql`${actor.id}::uuid` : sql`(select ${apiTokens.createdById} from ${apiTokens} where ${apiTokens.id} = ${actor.id})`;
  await tx.insert(riskLevelChanges).values({
    partnershipId: actor.partnershipId,
    profileId: change.profileId,
    fromLevel: change.from,
    toLevel: change.to,
    changedBy,
  });
}

import { and, asc, desc, eq, gte, isNull, lt, lte, ne, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CaseStatus } from '../../../shared/records.ts';
import { kinds } from '../../platform/access/kinds.ts';
import { accessLevel, actorParams, actorPlaceholders, canView, type ActorRef } from '../../platform/access/records.ts';
import type { Actor } from '../../platform/access/actor.ts';
import {
  caseAccess, caseInterventions, caseLocations, caseProfiles, caseReferenceCounters, cases, locations, lookups, organisations, profiles, teams, users,
} from '../../db/schema/index.ts';
import { builtOnce, selectColumns } from '../../db/prepared.ts';
import type { Db, Tx } from '../../db/transaction.ts';
import { readAudit, type AuditSubjectRow } from '../../platform/audit/write.ts';
import type { SafetyFacts } from '../profiles/safety.ts';

const caseList = kinds.case.accessList;

// Written out in full: Drizzle leaves an outer column unqualified inside a subquery.
const nameOfUser = (column: string) => sql<string | null>`(select u.name from users u where u.id = cases.${sql.raw(column)})`;

const caseColumns = (actor: ActorRef) => ({
  case: cases,
  caseType: { id: lookups.id, key: lookups.key, name: lookups.name },
  ownerTeamId: teams.id,
  ownerTeamName: teams.name,
  ownerOrganisationId: organisations.id,
  ownerOrganisationName: organisations.name,
  level: accessLevel(actor, cases, caseList),
});

const caseRowColumns = (actor: ActorRef) => ({
  ...caseColumns(actor),
  leadOrganisationName: sql<string | null>`(select o.name from organisations o where o.id = cases.lead_organisation_id)`,
  leadOfficerName: nameOfUser('lead_officer_id'),
  singlePointOfContactName: nameOfUser('single_point_of_contact_id'),
  closedByName: nameOfUser('closed_by'),
  createdByName: nameOfUser('created_by'),
});

/** The case with its type, owner, the names of the people and organisation on it, and the actor's access. */
export async function getCase(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx.select(caseRowColumns(actor))
    .from(cases)
    .innerJoin(lookups, eq(lookups.id, cases.caseTypeId))
    .innerJoin(teams, eq(teams.id, cases.ownerTeamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(eq(cases.id, id));
  return row ?? null;
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof getCase>>>;

interface Owned { ownerTeamId: string; ownerTeamName: string; ownerOrganisationId: string; ownerOrganisationName: string }
type Level = 'view' | 'edit' | null;
interface CaseStub { id: string; reference: string; title: string; status: CaseStatus; level: Level }

/** The lists on a case page, as its one statement reads them (timestamps as the database writes them in json). */
export interface CaseParts {
  parent: CaseStub | null;
  subCases: CaseStub[];
  profiles: (Owned & {
    profileId: string; partnershipId: string; mergedIntoId: string | null; firstName: string; lastName: string; dateOfBirth: string | null;
    level: Level; role: LinkedProfileRow['role'];
    /** Null for a person the actor may not open. */
    safety: SafetyFacts | null;
  })[];
  locations: (Owned & {
    locationId: string; partnershipId: string; addressLine1: string; postcode: string; latitude: number | null; longitude: number | null; level: Level;
  })[];
  interventions: {
    intervention: Omit<InterventionRow['intervention'], 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };
    type: InterventionRow['type'];
  }[];
}

const jsonList = <T>(query: SQL) => sql<T[]>`coalesce((${query}), '[]'::json)`;
const ownerJson = (team: SQL, organisation: SQL) => sql`'ownerTeamId', ${team}.id, 'ownerTeamName', ${team}.name, 'ownerOrganisationId', ${organisation}.id, 'ownerOrganisationName', ${organisation}.name`;

/**
 * Every list on a case page as a json column, so the page is one select list: written with
 * aliases and the id itself, as Drizzle leaves an outer column unqualified inside a subquery.
 * A linked person's safety facts are read only if the actor may open their profile.
 */
function caseLists(actor: ActorRef, id: string | Placeholder) {
  const stub = alias(cases, 'stub');
  const person = alias(profiles, 'person');
  const place = alias(locations, 'place');
  const stubJson = sql`json_build_object('id', ${stub.id}, 'reference', ${stub.reference}, 'title', ${stub.title}, 'status', ${stub.status},
                                         'level', ${accessLevel(actor, stub, caseList)})`;
  return {
    parent: sql<CaseStub | null>`(select ${stubJson} from ${cases} stub where ${stub.id} = (select c.parent_case_id from ${cases} c where c.id = ${id}))`,
    subCases: jsonList<CaseStub>(sql`select json_agg(${stubJson} order by ${stub.reference}) from ${cases} stub where ${stub.parentCaseId} = ${id}`),
    profiles: jsonList<CaseParts['profiles'][number]>(sql`
      select json_agg(json_build_object(
               'profileId', ${person.id}, 'partnershipId', ${person.partnershipId}, 'mergedIntoId', ${person.mergedIntoId},
               'firstName', ${person.firstName}, 'lastName', ${person.lastName}, 'dateOfBirth', ${person.dateOfBirth},
               ${ownerJson(sql`pt`, sql`po`)}, 'level', v.level, 'role', cp.role,
               'safety', case when v.level is not null then json_build_object(
                 'dateOfBirth', ${person.dateOfBirth}, 'approximateAge', ${person.approximateAge}, 'approximateAgeOn', ${person.approximateAgeOn},
                 'roles', ${person.roles}, 'riskLevel', ${person.riskLevel},
                 'warningMarkers', coalesce((
                   select json_agg(json_build_object('id', l.id, 'key', l.key, 'name', l.name) order by l.position, l.name)
                     from profile_warning_markers m join ${lookups} l on l.id = m.lookup_id where m.profile_id = ${person.id}), '[]'::json)) end)
             order by cp.added_at, ${person.id})
        from ${caseProfiles} cp
        join ${profiles} person on ${person.id} = cp.profile_id
        join ${teams} pt on pt.id = ${person.ownerTeamId}
        join ${organisations} po on po.id = pt.organisation_id
        cross join lateral (select ${accessLevel(actor, person, profileList)} as level) v
       where cp.case_id = ${id}`),
    locations: jsonList<CaseParts['locations'][number]>(sql`
      select json_agg(json_build_object(
               'locationId', ${place.id}, 'partnershipId', ${place.partnershipId}, 'addressLine1', ${place.addressLine1}, 'postcode', ${place.postcode},
               'latitude', ${place.latitude}, 'longitude', ${place.longitude}, ${ownerJson(sql`lt`, sql`lo`)},
               'level', ${accessLevel(actor, place, locationList)})
             order by cl.added_at, ${place.id})
        from ${caseLocations} cl
        join ${locations} place on ${place.id} = cl.location_id
        join ${teams} lt on lt.id = ${place.ownerTeamId}
        join ${organisations} lo on lo.id = lt.organisation_id
       where cl.case_id = ${id}`),
    interventions: jsonList<CaseParts['interventions'][number]>(sql`
      select json_agg(json_build_object(
               'intervention', json_build_object('id', i.id, 'caseId', i.case_id, 'interventionTypeId', i.intervention_type_id, 'status', i.status,
                                                 'startDate', i.start_date, 'endDate', i.end_date, 'outcome', i.outcome, 'notes', i.notes,
                                                 'createdBy', i.created_by, 'version', i.version, 'createdAt', i.created_at, 'updatedAt', i.updated_at),
               'type', json_build_object('id', t.id, 'key', t.key, 'name', t.name))
             order by i.created_at, i.id)
        from ${caseInterventions} i join ${lookups} t on t.id = i.intervention_type_id
       where i.case_id = ${id}`),
  };
}

/** The lists on a case page, in one statement. */
export async function getCaseParts(tx: Tx, actor: Actor, id: string): Promise<CaseParts> {
  return selectColumns<CaseParts & Record<string, unknown>>(tx, caseLists(actor, id));
}

/**
 * A case's whole page in one statement, with the read's audit event, as `profilePage` reads a
 * profile's: built once, and written only if the actor may open the case.
 */
const casePageStatement = builtOnce((db) => {
  const id = sql.placeholder('id');
  const actor = actorPlaceholders;
  const seen = alias(cases, 'seen');
  const subject: AuditSubjectRow = sql`
    select ${teams.organisationId} as subject_organisation_id, ${seen.ownerTeamId} as subject_team_id
      from ${cases} seen join ${teams} on ${teams.id} = ${seen.ownerTeamId}
     where ${seen.id} = ${id} and ${canView(actor, seen, caseList)}`;
  return db
    .with(...readAudit(subject))
    .select({ ...caseRowColumns(actor), ...caseLists(actor, id) })
    .from(cases)
    .innerJoin(lookups, eq(lookups.id, cases.caseTypeId))
    .innerJoin(teams, eq(teams.id, cases.ownerTeamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(eq(cases.id, id));
});

/** A case's page and its audit event (`readAuditParams`), in one statement. */
export async function casePage(db: Db, actor: Actor, id: string, audit: Record<string, unknown>) {
  const [found] = await casePageStatement(db).execute({ id, ...actorParams(actor), ...audit });
  if (!found) return null;
  const { parent, subCases, profiles: people, locations: places, interventions, ...row } = found;
  return { row, parts: { parent, subCases, profiles: people, locations: places, interventions } };
}

/** Parent or sub-cases: enough to show and link to them, and whether the actor may open them. */
export async function caseStubs(tx: Tx, actor: Actor, where: SQL) {
  return tx
    .select({ id: cases.id, reference: cases.reference, title: cases.title, status: cases.status, level: accessLevel(actor, cases, caseList) })
    .from(cases)
    .where(where)
    .orderBy(asc(cases.reference));
}
export const byId = (id: string) => eq(cases.id, id);
export const childrenOf = (id: string) => eq(cases.parentCaseId, id);

/** Everyone who hears that a case changed: the owning team and whoever is on its access list. */
export async function audienceOf(tx: Tx, caseId: string) {
  const [owner] = await tx.select({ teamId: cases.ownerTeamId }).from(cases).where(eq(cases.id, caseId));
  const entries = await tx.select({ teamId: caseAccess.teamId, organisationId: caseAccess.organisationId }).from(caseAccess).where(eq(caseAccess.recordId, caseId));
  return {
    teamIds: [...new Set([owner!.teamId, ...entries.flatMap((e) => (e.teamId ? [e.teamId] : []))])],
    organisationIds: [...new Set(entries.flatMap((e) => (e.organisationId ? [e.organisationId] : [])))],
  };
}

export interface CaseFilter {
  scope: 'all' | 'mine' | 'shared';
  status?: CaseStatus;
  caseTypeId?: string;
  profileId?: string;
  locationId?: string;
  search?: string;
  leadOfficerId?: string;
  /** Led by an officer of this team (the supervisor's view). */
  leadTeamId?: string;
  startedFrom?: string;
  startedTo?: string;
  endingBefore?: string;
  cursor: (string | number)[] | null;
  limit: number;
}

/** Cases the actor may open, most recently changed first. */
export async function listCases(tx: Tx, actor: Actor, f: CaseFilter) {
  const [at, id] = (f.cursor ?? []) as [string?, string?];
  const pattern = f.search ? `%${f.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return tx
    .select({ ...caseColumns(actor), leadOfficerName: nameOfUser('lead_officer_id'), cursorAt: sql<string>`${cases.updatedAt}::text` })
    .from(cases)
    .innerJoin(lookups, eq(lookups.id, cases.caseTypeId))
    .innerJoin(teams, eq(teams.id, cases.ownerTeamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(and(
      canView(actor, cases, caseList),
      f.scope === 'mine' ? eq(cases.ownerTeamId, actor.teamId) : undefined,
      f.scope === 'shared' ? ne(cases.ownerTeamId, actor.teamId) : undefined,
      f.status ? eq(cases.status, f.status) : undefined,
      f.caseTypeId ? eq(cases.caseTypeId, f.caseTypeId) : undefined,
      f.profileId ? sql`exists (select 1 from case_profiles cp where cp.case_id = cases.id and cp.profile_id = ${f.profileId})` : undefined,
      f.locationId ? sql`exists (select 1 from case_locations cl where cl.case_id = cases.id and cl.location_id = ${f.locationId})` : undefined,
      pattern ? sql`${cases.searchText} like lower(unaccent(${pattern}))` : undefined,
      f.leadOfficerId ? eq(cases.leadOfficerId, f.leadOfficerId) : undefined,
      f.leadTeamId ? sql`exists (select 1 from users lo where lo.id = cases.lead_officer_id and lo.team_id = ${f.leadTeamId})` : undefined,
      f.startedFrom ? gte(cases.startDate, f.startedFrom) : undefined,
      f.startedTo ? lte(cases.startDate, f.startedTo) : undefined,
      f.endingBefore ? lt(cases.endDate, f.endingBefore) : undefined,
      at !== undefined && id !== undefined
        ? or(lt(cases.updatedAt, sql`${at}::timestamptz`), and(eq(cases.updatedAt, sql`${at}::timestamptz`), lt(cases.id, id)))
        : undefined,
    ))
    .orderBy(desc(cases.updatedAt), desc(cases.id))
    .limit(f.limit + 1);
}
export type CaseListRow = Awaited<ReturnType<typeof listCases>>[number];

/** The next number of the partnership's year, safe when two cases are opened at once (the row is locked until commit). */
export async function nextCaseNumber(tx: Tx, partnershipId: string, year: number): Promise<number> {
  const [row] = await tx
    .insert(caseReferenceCounters)
    .values({ partnershipId, year, lastNumber: 1 })
    .onConflictDoUpdate({ target: [caseReferenceCounters.partnershipId, caseReferenceCounters.year], set: { lastNumber: sql`${caseReferenceCounters.lastNumber} + 1` } })
    .returning({ lastNumber: caseReferenceCounters.lastNumber });
  return row!.lastNumber;
}

const searchTextOf = (reference: SQL | string, title: SQL | string) => sql`lower(unaccent(${reference}::text || ' ' || ${title}::text))`;

export async function insertCase(tx: Tx, values: Omit<typeof cases.$inferInsert, 'searchText'>): Promise<string> {
  const [row] = await tx
    .insert(cases)
    .values({ ...values, searchText: searchTextOf(values.reference, values.title) })
    .returning({ id: cases.id });
  return row!.id;
}

export type CasePatch = Partial<Pick<typeof cases.$inferInsert,
  'title' | 'summary' | 'caseTypeId' | 'leadOrganisationId' | 'leadOfficerId' | 'singlePointOfContactId' | 'startDate' | 'endDate' | 'parentCaseId'
  | 'status' | 'outcome' | 'closureReason' | 'closedAt' | 'closedBy' | 'archivedAt'>>;

/** Applies a change only if the case is still at the version the editor saw. */
export async function updateCase(tx: Tx, id: string, version: number, patch: CasePatch): Promise<boolean> {
  const rows = await tx
    .update(cases)
    .set({
      ...patch,
      ...(patch.title !== undefined ? { searchText: searchTextOf(sql`${cases.reference}`, patch.title) } : {}),
      version: sql`${cases.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(cases.id, id), eq(cases.version, version)))
    .returning({ id: cases.id });
  return rows.length > 0;
}

/** A link added or removed changes the case without changing its fields: lists still show it as recent. */
export async function touchCase(tx: Tx, id: string): Promise<void> {
  await tx.update(cases).set({ updatedAt: new Date() }).where(eq(cases.id, id));
}

/** The cases above `caseId`, itself included, following parents up (a cycle ends the walk). */
export async function lineage(tx: Tx, caseId: string): Promise<string[]> {
  const result = await tx.execute<{ id: string }>(sql`
    with recursive up(id, parent_case_id) as (
      select id, parent_case_id from cases where id = ${caseId}
      union
      select c.id, c.parent_case_id from cases c join up on c.id = up.parent_case_id
    )
    select id from up`);
  return result.rows.map((r) => r.id);
}

export async function insertAccess(tx: Tx, caseId: string, entries: { teamId: string | null; organisationId: string | null; level: 'view' | 'edit' }[], grantedBy: string | null) {
  if (entries.length === 0) return;
  await tx.insert(caseAccess).values(entries.map((e) => ({ recordId: caseId, ...e, source: 'case_type_default' as const, grantedBy })));
}

// People and organisations named on a case must be of its partnership.

export async function organisationInPartnership(tx: Tx, partnershipId: string, id: string): Promise<boolean> {
  const rows = await tx.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, id), eq(organisations.partnershipId, partnershipId)));
  return rows.length > 0;
}

export async function activeUserInPartnership(tx: Tx, partnershipId: string, id: string): Promise<boolean> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(and(eq(users.id, id), eq(organisations.partnershipId, partnershipId), isNull(users.disabledAt)));
  return rows.length > 0;
}

// Linked profiles and locations: shown to everyone who can open the case, as stubs where the actor cannot open them.

const profileList = kinds.profile.accessList;
const locationList = kinds.location.accessList;

const profileColumns = (actor: Actor) => ({
  profileId: profiles.id,
  partnershipId: profiles.partnershipId,
  mergedIntoId: profiles.mergedIntoId,
  firstName: profiles.firstName,
  lastName: profiles.lastName,
  dateOfBirth: profiles.dateOfBirth,
  ownerTeamId: teams.id,
  ownerTeamName: teams.name,
  ownerOrganisationId: organisations.id,
  ownerOrganisationName: organisations.name,
  level: accessLevel(actor, profiles, profileList),
});

export async function getProfile(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select(profileColumns(actor))
    .from(profiles)
    .innerJoin(teams, eq(teams.id, profiles.ownerTeamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(eq(profiles.id, id));
  return row ?? null;
}

export async function linkedProfiles(tx: Tx, actor: Actor, caseId: string) {
  return tx
    .select({ ...profileColumns(actor), role: caseProfiles.role })
    .from(caseProfiles)
    .innerJoin(profiles, eq(profiles.id, caseProfiles.profileId))
    .innerJoin(teams, eq(teams.id, profiles.ownerTeamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(eq(caseProfiles.caseId, caseId))
    .orderBy(asc(caseProfiles.addedAt), asc(profiles.id));
}
export type LinkedProfileRow = Awaited<ReturnType<typeof linkedProfiles>>[number];

const locationColumns = (actor: Actor) => ({
  locationId: locations.id,
  partnershipId: locations.partnershipId,
  addressLine1: locations.addressLine1,
  postcode: locations.postcode,
  latitude: locations.latitude,
  longitude: locations.longitude,
  ownerTeamId: teams.id,
  ownerTeamName: teams.name,
  ownerOrganisationId: organisations.id,
  ownerOrganisationName: organisations.name,
  level: accessLevel(actor, locations, locationList),
});

export async function getLocation(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select(locationColumns(actor))
    .from(locations)
    .innerJoin(teams, eq(teams.id, locations.ownerTeamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(eq(locations.id, id));
  return row ?? null;
}

export async function linkedLocations(tx: Tx, actor: Actor, caseId: string) {
  return tx
    .select(locationColumns(actor))
    .from(caseLocations)
    .innerJoin(locations, eq(locations.id, caseLocations.locationId))
    .innerJoin(teams, eq(teams.id, locations.ownerTeamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(eq(caseLocations.caseId, caseId))
    .orderBy(asc(caseLocations.addedAt), asc(locations.id));
}
export type LinkedLocationRow = Awaited<ReturnType<typeof linkedLocations>>[number];

/** False when the pair is already linked. */
export async function linkProfile(tx: Tx, values: typeof caseProfiles.$inferInsert): Promise<boolean> {
  const rows = await tx.insert(caseProfiles).values(values).onConflictDoNothing().returning({ caseId: caseProfiles.caseId });
  return rows.length > 0;
}

export async function unlinkProfile(tx: Tx, caseId: string, profileId: string) {
  const [row] = await tx.delete(caseProfiles).where(and(eq(caseProfiles.caseId, caseId), eq(caseProfiles.profileId, profileId))).returning();
  return row ?? null;
}

export async function linkLocation(tx: Tx, values: typeof caseLocations.$inferInsert): Promise<boolean> {
  const rows = await tx.insert(caseLocations).values(values).onConflictDoNothing().returning({ caseId: caseLocations.caseId });
  return rows.length > 0;
}

export async function unlinkLocation(tx: Tx, caseId: string, locationId: string) {
  const [row] = await tx.delete(caseLocations).where(and(eq(caseLocations.caseId, caseId), eq(caseLocations.locationId, locationId))).returning();
  return row ?? null;
}

// Interventions.

const interventionColumns = { intervention: caseInterventions, type: { id: lookups.id, key: lookups.key, name: lookups.name } };

export async function interventionsOf(tx: Tx, caseId: string, onlyId?: string) {
  return tx
    .select(interventionColumns)
    .from(caseInterventions)
    .innerJoin(lookups, eq(lookups.id, caseInterventions.interventionTypeId))
    .where(and(eq(caseInterventions.caseId, caseId), onlyId ? eq(caseInterventions.id, onlyId) : undefined))
    .orderBy(asc(caseInterventions.createdAt), asc(caseInterventions.id));
}
export type InterventionRow = Awaited<ReturnType<typeof interventionsOf>>[number];

export async function insertIntervention(tx: Tx, values: typeof caseInterventions.$inferInsert): Promise<string> {
  const [row] = await tx.insert(caseInterventions).values(values).returning({ id: caseInterventions.id });
  return row!.id;
}

export type InterventionPatch = Partial<Pick<typeof caseInterventions.$inferInsert, 'interventionTypeId' | 'status' | 'startDate' | 'endDate' | 'outcome' | 'notes'>>;

export async function updateIntervention(tx: Tx, id: string, version: number, patch: InterventionPatch): Promise<boolean> {
  const rows = await tx
    .update(caseInterventions)
    .set({ ...patch, version: sql`${caseInterventions.version} + 1`, updatedAt: new Date() })
    .where(and(eq(caseInterventions.id, id), eq(caseInterventions.version, version)))
    .returning({ id: caseInterventions.id });
  return rows.length > 0;
}

import { and, asc, desc, eq, gte, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { CaseStatus } from '../../../shared/records.ts';
import { kinds } from '../../platform/access/kinds.ts';
import { accessLevel, canView } from '../../platform/access/records.ts';
import type { Actor } from '../../platform/access/actor.ts';
import {
  caseAccess, caseInterventions, caseLocations, caseProfiles, caseReferenceCounters, cases, locations, lookups, organisations, profiles, teams, users,
} from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';

const caseList = kinds.case.accessList;

// Written out in full: Drizzle leaves an outer column unqualified inside a subquery.
const nameOfUser = (column: string) => sql<string | null>`(select u.name from users u where u.id = cases.${sql.raw(column)})`;

const caseColumns = (actor: Actor) => ({
  case: cases,
  caseType: { id: lookups.id, key: lookups.key, name: lookups.name },
  ownerTeamId: teams.id,
  ownerTeamName: teams.name,
  ownerOrganisationId: organisations.id,
  ownerOrganisationName: organisations.name,
  level: accessLevel(actor, cases, caseList),
});

/** The case with its type, owner, the names of the people and organisation on it, and the actor's access. */
export async function getCase(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx.select({
    ...caseColumns(actor),
    leadOrganisationName: sql<string | null>`(select o.name from organisations o where o.id = cases.lead_organisation_id)`,
    leadOfficerName: nameOfUser('lead_officer_id'),
    singlePointOfContactName: nameOfUser('single_point_of_contact_id'),
    closedByName: nameOfUser('closed_by'),
    createdByName: nameOfUser('created_by'),
  })
    .from(cases)
    .innerJoin(lookups, eq(lookups.id, cases.caseTypeId))
    .innerJoin(teams, eq(teams.id, cases.ownerTeamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(eq(cases.id, id));
  return row ?? null;
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof getCase>>>;

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

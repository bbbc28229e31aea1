import { and, asc, desc, eq, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AccessLevel, AccessRequestStatus, RecordKind } from '../../../shared/records.ts';
import { accessRequests, organisations, teams, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { kinds, ofRecordAt } from '../../platform/access/kinds.ts';
import { accessLevel } from '../../platform/access/records.ts';

export interface RecordRow {
  kind: RecordKind;
  id: string;
  partnershipId: string;
  ownerTeamId: string;
  ownerTeamName: string;
  ownerOrganisationId: string;
  ownerOrganisationName: string;
  title: string;
  /** The case reference; profiles and locations are referred to by id. */
  reference: string | null;
  level: AccessLevel | null;
  /** An archived case is kept as it was: nothing more is added to it. */
  archived: boolean;
}

/**
 * A record as the actor stands towards it. A profile merged into another answers as the one it
 * was merged into, as reading it does.
 */
export async function getRecord(tx: Tx, actor: Actor, kind: RecordKind, id: string): Promise<RecordRow | null> {
  const { table, accessList, title, reference, archived, answersAs } = kinds[kind];
  const target = answersAs ? answersAs(id) : sql`${id}`;
  const { rows } = await tx.execute<{
    id: string; partnership_id: string; owner_team_id: string; owner_team_name: string;
    owner_organisation_id: string; owner_organisation_name: string; title: string; reference: string | null; level: AccessLevel | null; archived: boolean;
  }>(sql`
    select ${table.id} as id, ${table.partnershipId} as partnership_id, ${table.ownerTeamId} as owner_team_id,
           owner_team.name as owner_team_name, owner_organisation.id as owner_organisation_id, owner_organisation.name as owner_organisation_name,
           ${title} as title, ${reference ?? sql`null`} as reference,
           ${accessLevel(actor, table, accessList)} as level,
           ${archived} as archived
      from ${table}
      join teams owner_team on owner_team.id = ${table.ownerTeamId}
      join organisations owner_organisation on owner_organisation.id = owner_team.organisation_id
     where ${table.id} = ${target}`);
  const row = rows[0];
  if (!row) return null;
  return {
    kind,
    id: row.id,
    partnershipId: row.partnership_id,
    ownerTeamId: row.owner_team_id,
    ownerTeamName: row.owner_team_name,
    ownerOrganisationId: row.owner_organisation_id,
    ownerOrganisationName: row.owner_organisation_name,
    title: row.title,
    reference: row.reference,
    level: row.level,
    archived: row.archived,
  };
}

const grantedTeam = alias(teams, 'granted_team');
const grantedOrganisation = alias(organisations, 'granted_organisation');
const grantedUser = alias(users, 'granted_user');

export type AccessEntryRow = Awaited<ReturnType<typeof listEntries>>[number];

export async function listEntries(tx: Tx, kind: RecordKind, recordId: string) {
  const list = kinds[kind].accessTable;
  return tx
    .select({
      id: list.id,
      teamId: list.teamId,
      teamName: grantedTeam.name,
      organisationId: grantedOrganisation.id,
      organisationName: grantedOrganisation.name,
      userId: list.userId,
      userName: grantedUser.name,
      userTeamId: grantedUser.teamId,
      level: list.level,
      grantedById: list.grantedBy,
      grantedByName: users.name,
      grantedAt: list.grantedAt,
      source: list.source,
      expiresAt: list.expiresAt,
    })
    .from(list)
    .leftJoin(grantedUser, eq(grantedUser.id, list.userId))
    .leftJoin(grantedTeam, eq(grantedTeam.id, sql`coalesce(${list.teamId}, ${grantedUser.teamId})`))
    .innerJoin(grantedOrganisation, eq(grantedOrganisation.id, sql`coalesce(${grantedTeam.organisationId}, ${list.organisationId})`))
    .leftJoin(users, eq(users.id, list.grantedBy))
    .where(eq(list.recordId, recordId))
    .orderBy(asc(list.grantedAt), asc(list.id));
}

export type Target = { teamId: string } | { organisationId: string };

function targetIs(kind: RecordKind, target: Target): SQL {
  const list = kinds[kind].accessTable;
  return 'teamId' in target ? eq(list.teamId, target.teamId) : eq(list.organisationId, target.organisationId);
}

/** The target's row on the access list, with the level it gives now: none once it has expired. */
export async function findEntry(tx: Tx, kind: RecordKind, recordId: string, target: Target) {
  const list = kinds[kind].accessTable;
  const [row] = await tx
    .select({ id: list.id, level: list.level, expiresAt: list.expiresAt, liveLevel: sql<AccessLevel | null>`case when ${list.expiresAt} is null or ${list.expiresAt} > now() then ${list.level} end` })
    .from(list)
    .where(and(eq(list.recordId, recordId), targetIs(kind, target)));
  return row ?? null;
}

export async function insertEntry(tx: Tx, kind: RecordKind, values: { recordId: string; target: Target; level: AccessLevel; grantedBy: string | null }) {
  await tx.insert(kinds[kind].accessTable).values({ recordId: values.recordId, ...values.target, level: values.level, grantedBy: values.grantedBy });
}

/** A share made over the row: it lasts until unshared, whatever gave the row before. */
export async function updateEntryLevel(tx: Tx, kind: RecordKind, entryId: string, level: AccessLevel, grantedBy: string | null) {
  const list = kinds[kind].accessTable;
  await tx.update(list).set({ level, grantedBy, grantedAt: new Date(), source: 'share', expiresAt: null }).where(eq(list.id, entryId));
}

export async function deleteEntry(tx: Tx, kind: RecordKind, entryId: string) {
  const list = kinds[kind].accessTable;
  await tx.delete(list).where(eq(list.id, entryId));
}

/**
 * Gives the team `view` unless a live grant already gives it something; an expired one is
 * renewed. True when the team gained access.
 */
export async function grantTeamView(tx: Tx, kind: RecordKind, recordId: string, teamId: string, grantedBy: string | null): Promise<boolean> {
  const list = kinds[kind].accessTable;
  const rows = await tx
    .insert(list)
    .values({ recordId, teamId, level: 'view', source: 'access_request', grantedBy })
    .onConflictDoUpdate({
      target: [list.recordId, list.teamId],
      targetWhere: sql`team_id is not null`,
      set: { level: 'view', source: 'access_request', grantedBy, grantedAt: new Date(), expiresAt: null },
      setWhere: sql`${list.expiresAt} is not null and ${list.expiresAt} <= now()`,
    })
    .returning({ id: list.id });
  return rows.length > 0;
}

/**
 * Gives the team `view` until `expiresAt` from `source` (a panel), unless a grant still gives it
 * something for longer: a share or approved request (no expiry) is left as it is, and so is a
 * live grant from elsewhere; an expired grant, or this source's own grant ending sooner, is
 * renewed to the new end. True when the row was written.
 */
export async function grantTeamViewUntil(tx: Tx, kind: RecordKind, recordId: string, teamId: string, grant: { source: 'panel'; grantedBy: string | null; expiresAt: Date }): Promise<boolean> {
  const list = kinds[kind].accessTable;
  const rows = await tx
    .insert(list)
    .values({ recordId, teamId, level: 'view', source: grant.source, grantedBy: grant.grantedBy, expiresAt: grant.expiresAt })
    .onConflictDoUpdate({
      target: [list.recordId, list.teamId],
      targetWhere: sql`team_id is not null`,
      set: { level: 'view', source: grant.source, grantedBy: grant.grantedBy, grantedAt: new Date(), expiresAt: grant.expiresAt },
      setWhere: sql`${list.expiresAt} is not null and (${list.expiresAt} <= now() or (${list.source} = ${grant.source} and ${list.expiresAt} < ${grant.expiresAt}))`,
    })
    .returning({ id: list.id });
  return rows.length > 0;
}

/**
 * Gives one person `view` until `expiresAt` after they broke the glass: their row on the access
 * list, renewed in place should they break it again after it lapsed.
 */
export async function grantUserViewUntil(tx: Tx, kind: RecordKind, recordId: string, userId: string, expiresAt: Date): Promise<void> {
  const list = kinds[kind].accessTable;
  await tx
    .insert(list)
    .values({ recordId, userId, level: 'view', source: 'emergency', grantedBy: userId, expiresAt })
    .onConflictDoUpdate({
      target: [list.recordId, list.userId],
      targetWhere: sql`user_id is not null`,
      set: { grantedAt: new Date(), expiresAt },
    });
}

/** Takes back the team's live grant from a panel; a share or request it holds stays. True when it had one. */
export async function deletePanelGrant(tx: Tx, kind: RecordKind, recordId: string, teamId: string): Promise<boolean> {
  const list = kinds[kind].accessTable;
  const rows = await tx.delete(list)
    .where(and(eq(list.recordId, recordId), eq(list.teamId, teamId), eq(list.source, 'panel'), sql`${list.expiresAt} > now()`))
    .returning({ id: list.id });
  return rows.length > 0;
}

/** A team of the partnership, with its organisation; never another partnership's. */
export async function findTeam(tx: Tx, partnershipId: string, teamId: string) {
  const [row] = await tx
    .select({ id: teams.id, name: teams.name, organisationId: organisations.id })
    .from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(and(eq(teams.id, teamId), eq(organisations.partnershipId, partnershipId)));
  return row ?? null;
}

export async function findOrganisation(tx: Tx, partnershipId: string, organisationId: string) {
  const [row] = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), eq(organisations.partnershipId, partnershipId)));
  return row ?? null;
}

// Access requests.

const ownerTeam = alias(teams, 'owner_team');
const ownerOrganisation = alias(organisations, 'owner_organisation');
const requester = alias(users, 'requester');
const requesterTeam = alias(teams, 'requester_team');
const decider = alias(users, 'decider');

// Written with table names: the lookups are correlated subqueries on the request's row.
const requestKind = sql`access_requests.record_kind`;
const requestRecord = sql`access_requests.record_id`;
// A request is only ever made for a record that exists, and every kind has a title.
const requestTitle = ofRecordAt(requestKind, requestRecord, (k) => k.title) as SQL<string>;
const requestReference = ofRecordAt(requestKind, requestRecord, (k) => k.reference);

const requestColumns = {
  request: accessRequests,
  title: requestTitle,
  reference: requestReference,
  ownerTeamName: ownerTeam.name,
  ownerOrganisationId: ownerOrganisation.id,
  ownerOrganisationName: ownerOrganisation.name,
  requesterName: requester.name,
  requesterTeamName: requesterTeam.name,
  deciderName: decider.name,
};

export type RequestRow = NonNullable<Awaited<ReturnType<typeof getRequest>>>;

function requestsWithNames(tx: Tx) {
  return tx
    .select(requestColumns)
    .from(accessRequests)
    .innerJoin(ownerTeam, eq(ownerTeam.id, accessRequests.ownerTeamId))
    .innerJoin(ownerOrganisation, eq(ownerOrganisation.id, ownerTeam.organisationId))
    .innerJoin(requester, eq(requester.id, accessRequests.requesterId))
    .innerJoin(requesterTeam, eq(requesterTeam.id, accessRequests.requesterTeamId))
    .leftJoin(decider, eq(decider.id, accessRequests.decidedBy));
}

export async function getRequest(tx: Tx, id: string) {
  const [row] = await requestsWithNames(tx).where(eq(accessRequests.id, id));
  return row ?? null;
}

export interface RequestFilter {
  partnershipId: string;
  requesterId?: string;
  ownerTeamId?: string;
  ownerOrganisationId?: string;
  status?: AccessRequestStatus;
  /** The id of the last request of the previous page: ids are time-ordered, newest first. */
  before: string | null;
  limit: number;
}

export async function listRequests(tx: Tx, filter: RequestFilter) {
  return requestsWithNames(tx)
    .where(and(
      eq(accessRequests.partnershipId, filter.partnershipId),
      filter.requesterId ? eq(accessRequests.requesterId, filter.requesterId) : undefined,
      filter.ownerTeamId ? eq(accessRequests.ownerTeamId, filter.ownerTeamId) : undefined,
      filter.ownerOrganisationId ? eq(ownerTeam.organisationId, filter.ownerOrganisationId) : undefined,
      filter.status ? eq(accessRequests.status, filter.status) : undefined,
      filter.before ? lt(accessRequests.id, filter.before) : undefined,
    ))
    .orderBy(desc(accessRequests.id))
    .limit(filter.limit + 1);
}

/** Null when the requesting team already has a pending request for the record (the unique index decides). */
export async function insertRequest(tx: Tx, values: typeof accessRequests.$inferInsert): Promise<string | null> {
  const rows = await tx
    .insert(accessRequests)
    .values(values)
    .onConflictDoNothing({ target: [accessRequests.recordKind, accessRequests.recordId, accessRequests.requesterTeamId], where: sql`status = 'pending'` })
    .returning({ id: accessRequests.id });
  return rows[0]?.id ?? null;
}

/** Moves a pending request on; false when it had already been decided or withdrawn. */
export async function closeRequest(tx: Tx, id: string, status: Exclude<AccessRequestStatus, 'pending'>, decidedBy: string, decisionReason: string | null): Promise<boolean> {
  const rows = await tx
    .update(accessRequests)
    .set({ status, decidedBy, decidedAt: new Date(), decisionReason, version: sql`${accessRequests.version} + 1`, updatedAt: new Date() })
    .where(and(eq(accessRequests.id, id), eq(accessRequests.status, 'pending')))
    .returning({ id: accessRequests.id });
  return rows.length > 0;
}

const activeUser = and(isNull(users.disabledAt), isNotNull(users.passwordHash));

/** The people who decide for a team: its active team admins, or failing those its organisation's admins. */
export async function decidersOf(tx: Tx, teamId: string, organisationId: string) {
  const columns = { id: users.id, name: users.name, email: users.email };
  const teamAdmins = await tx.select(columns).from(users).where(and(eq(users.teamId, teamId), eq(users.role, 'team_admin'), activeUser));
  if (teamAdmins.length > 0) return teamAdmins;
  return tx
    .select(columns)
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(teams.organisationId, organisationId), eq(users.role, 'organisation_admin'), activeUser));
}

import { and, eq, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from './actor.ts';

/**
 * Record access, the one model every module applies. A profile, case or location belongs to a
 * team in a partnership; its access list gives other teams or whole organisations `view` or
 * `edit`. Reports and documents add a visibility. These builders return SQL that a module's
 * queries.ts puts in its WHERE clause, and the single-record check uses the same expressions,
 * so a list can never show what a page would refuse.
 */

export type AccessLevel = 'edit' | 'view';
export type Visibility = 'shared' | 'team' | 'private';

export interface OwnedRecordColumns {
  id: AnyPgColumn;
  ownerTeamId: AnyPgColumn;
  partnershipId: AnyPgColumn;
}

export interface AccessListColumns {
  /** The table itself, as SQL (e.g. sql`profile_access`), so the subquery can name it. */
  table: SQL;
  recordId: SQL;
  teamId: SQL;
  organisationId: SQL;
  /** A person's own grant, only ever from breaking the glass. */
  userId: SQL;
  level: SQL;
  expiresAt: SQL;
}

/** The access list table of a kind of record (they share one shape), as the builders below want it. */
export function accessListOf(table: string): AccessListColumns {
  const t = sql`${sql.identifier(table)}`;
  return {
    table: t,
    recordId: sql`${t}.record_id`,
    teamId: sql`${t}.team_id`,
    organisationId: sql`${t}.organisation_id`,
    userId: sql`${t}.user_id`,
    level: sql`${t}.level`,
    expiresAt: sql`${t}.expires_at`,
  };
}

/**
 * Whether a row of the access list gives something to members of this team and organisation now.
 * An expired grant gives nothing from the moment it expires: no sweep has to remove it first.
 */
export function grantsHolder(list: AccessListColumns, teamId: unknown, organisationId: unknown): SQL {
  return sql`((${list.teamId} = ${teamId} or ${list.organisationId} = ${organisationId}) and (${list.expiresAt} is null or ${list.expiresAt} > now()))`;
}

/** What the rules below ask of the actor: their values, or placeholders for them in a statement built once. */
export interface ActorRef {
  id: string | Placeholder;
  teamId: string | Placeholder;
  organisationId: string | Placeholder;
  partnershipId: string | Placeholder;
}

/** Any actor, for a statement built once (`db/prepared.ts` `builtOnce`) and run with `actorParams`. */
export const actorPlaceholders: ActorRef = {
  id: sql.placeholder('actor_id'),
  teamId: sql.placeholder('actor_team_id'),
  organisationId: sql.placeholder('actor_organisation_id'),
  partnershipId: sql.placeholder('actor_partnership_id'),
};

export const actorParams = (actor: Actor) => ({
  actor_id: actor.id,
  actor_team_id: actor.teamId,
  actor_organisation_id: actor.organisationId,
  actor_partnership_id: actor.partnershipId,
});

/** Records of the actor's partnership; anything else does not exist for them. */
export function inPartnership(actor: ActorRef, record: OwnedRecordColumns): SQL {
  return eq(record.partnershipId, actor.partnershipId);
}

/**
 * What the actor holds: their team's and organisation's grants, and their own while it lasts (a
 * user grant is always an expiring `view`, after breaking the glass). The user branch is here only:
 * `grantsHolder` answers for a team, and nobody of the team gains from one person's emergency.
 */
function grantsActor(actor: ActorRef, list: AccessListColumns): SQL {
  return sql`(${grantsHolder(list, actor.teamId, actor.organisationId)} or (${list.userId} = ${actor.id} and ${list.expiresAt} > now()))`;
}

/** The level the actor holds on each record: 'edit', 'view', or null for none. */
export function accessLevel(actor: ActorRef, record: OwnedRecordColumns, list: AccessListColumns): SQL<AccessLevel | null> {
  return sql<AccessLevel | null>`case
    when ${record.partnershipId} <> ${actor.partnershipId} then null
    when ${record.ownerTeamId} = ${actor.teamId} then 'edit'
    else (select case when bool_or(${list.level} = 'edit') then 'edit' when count(*) > 0 then 'view' end
            from ${list.table} where ${list.recordId} = ${record.id} and ${grantsActor(actor, list)})
  end`;
}

export function canView(actor: ActorRef, record: OwnedRecordColumns, list: AccessListColumns): SQL {
  return and(
    inPartnership(actor, record),
    or(
      eq(record.ownerTeamId, actor.teamId),
      sql`exists (select 1 from ${list.table} where ${list.recordId} = ${record.id} and ${grantsActor(actor, list)})`,
    ),
  )!;
}

export function canEdit(actor: Actor, record: OwnedRecordColumns, list: AccessListColumns): SQL {
  if (!mayEverEdit(actor)) return sql`false`;
  return and(
    inPartnership(actor, record),
    or(
      eq(record.ownerTeamId, actor.teamId),
      sql`exists (select 1 from ${list.table} where ${list.recordId} = ${record.id} and ${list.level} = 'edit' and ${grantsActor(actor, list)})`,
    ),
  )!;
}

/** Read-only users and read-only API tokens see what their team sees but change nothing. */
export function mayEverEdit(actor: Actor): boolean {
  return actor.role !== 'read_only' && !actor.readOnly;
}

/** The level a person actually has once their role is taken into account. */
export function effectiveLevel(actor: Actor, level: AccessLevel | null): AccessLevel | null {
  if (level === 'edit' && !mayEverEdit(actor)) return 'view';
  return level;
}

/**
 * Who may change something added to a record (a document, an action plan): anyone who may write,
 * on a record that is not archived, when they added it or hold edit on the record. An agency with
 * view access adds its own work to a shared record; it does not rewrite another agency's.
 */
export function mayChangeContribution(actor: Actor, authorId: string, record: { level: AccessLevel | null; archived: boolean }): boolean {
  if (!mayEverEdit(actor) || record.archived) return false;
  return (actor.kind === 'user' && actor.id === authorId) || effectiveLevel(actor, record.level) === 'edit';
}

export interface VisibilityColumns {
  visibility: AnyPgColumn;
  authorId: AnyPgColumn;
  authorTeamId: AnyPgColumn;
}

/**
 * Whether the actor may read a report or document's content (the parent record's access is
 * checked separately). Those who may not see a stub: type, author's team, date.
 */
export function canReadContent(actor: ActorRef, item: VisibilityColumns): SQL {
  return or(
    eq(item.visibility, 'shared'),
    and(eq(item.visibility, 'team'), eq(item.authorTeamId, actor.teamId)),
    and(eq(item.visibility, 'private'), eq(item.authorId, actor.id)),
  )!;
}

import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { accessLevels, accessRequestStatuses, grantSources, recordKinds } from '../../../shared/records.ts';
import { at, id, timestamps, version } from './columns.ts';
import { organisations, partnerships, teams, users } from './structure.ts';

export const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * The access list of one kind of record: each row gives a team, or a whole organisation, `view`
 * or `edit`, from a source (a share, the case type's default, an approved request …) and
 * optionally until a time; or one person `view` for the hour after they broke the glass. The
 * owning team is not listed; it always has edit. The shape is the same for profiles, cases and
 * locations so that `platform/access` builds one predicate for all three.
 */
export function accessListTable(name: string, record: () => AnyPgColumn) {
  return pgTable(name, {
    id: id(),
    recordId: uuid('record_id').notNull().references(record),
    teamId: uuid('team_id').references(() => teams.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** One person, only for the minutes they broke the glass: never anyone else of their team. */
    userId: uuid('user_id').references(() => users.id),
    level: text('level', { enum: accessLevels }).notNull(),
    source: text('source', { enum: grantSources }).notNull().default('share'),
    grantedBy: uuid('granted_by').references(() => users.id),
    grantedAt: at('granted_at').notNull().defaultNow(),
    /** After this the grant gives nothing, whether or not anything has removed it yet. */
    expiresAt: at('expires_at'),
  }, (t) => [
    uniqueIndex(`${name}_record_team_key`).on(t.recordId, t.teamId).where(sql`${t.teamId} is not null`),
    uniqueIndex(`${name}_record_organisation_key`).on(t.recordId, t.organisationId).where(sql`${t.organisationId} is not null`),
    // Who may see one record (after every save, on its sharing page): the unique indexes above
    // are partial, so they cannot answer a question about record_id alone.
    index(`${name}_record_idx`).on(t.recordId),
    index(`${name}_team_idx`).on(t.teamId, t.recordId),
    index(`${name}_organisation_idx`).on(t.organisationId, t.recordId),
    index(`${name}_user_idx`).on(t.userId, t.recordId).where(sql`${t.userId} is not null`),
    uniqueIndex(`${name}_record_user_key`).on(t.recordId, t.userId).where(sql`${t.userId} is not null`),
    check(`${name}_target_check`, sql`num_nonnulls(${t.teamId}, ${t.organisationId}, ${t.userId}) = 1`),
    check(`${name}_user_grant_check`, sql`${t.userId} is null or (${t.source} = 'emergency' and ${t.level} = 'view' and ${t.expiresAt} is not null)`),
    check(`${name}_level_check`, sql`${t.level} in (${inList(accessLevels)})`),
    check(`${name}_source_check`, sql`${t.source} in (${inList(grantSources)})`),
  ]);
}

/**
 * A practitioner who found a record they cannot open asks its owning team for access; the team's
 * admin approves (the requester's team gets view) or refuses, and the requester is told.
 */
export const accessRequests = pgTable('access_requests', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  recordKind: text('record_kind', { enum: recordKinds }).notNull(),
  recordId: uuid('record_id').notNull(),
  /** The team that owned the record when asked: its admins decide. */
  ownerTeamId: uuid('owner_team_id').notNull().references(() => teams.id),
  requesterId: uuid('requester_id').notNull().references(() => users.id),
  requesterTeamId: uuid('requester_team_id').notNull().references(() => teams.id),
  reason: text('reason').notNull(),
  status: text('status', { enum: accessRequestStatuses }).notNull().default('pending'),
  level: text('level', { enum: accessLevels }).notNull().default('view'),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: at('decided_at'),
  decisionReason: text('decision_reason'),
  version: version(),
  ...timestamps,
}, (t) => [
  index('access_requests_owner_status_idx').on(t.ownerTeamId, t.status),
  index('access_requests_requester_idx').on(t.requesterId, t.createdAt),
  index('access_requests_record_idx').on(t.recordKind, t.recordId),
  uniqueIndex('access_requests_one_pending_key').on(t.recordKind, t.recordId, t.requesterTeamId).where(sql`${t.status} = 'pending'`),
  check('access_requests_kind_check', sql`${t.recordKind} in (${inList(recordKinds)})`),
  check('access_requests_status_check', sql`${t.status} in (${inList(accessRequestStatuses)})`),
  check('access_requests_level_check', sql`${t.level} in (${inList(accessLevels)})`),
]);

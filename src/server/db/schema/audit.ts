import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { recordChangeActions } from '../../platform/audit/actions.ts';
import { at, id } from './columns.ts';

/**
 * Append-only: a trigger rejects UPDATE, DELETE and TRUNCATE, and another chains each row to
 * the one before by hash (see the hand-written migration), so tampering shows.
 */
export const auditEvents = pgTable('audit_events', {
  id: id(),
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull().unique(),
  at: at('at').notNull().defaultNow(),
  actorKind: text('actor_kind', { enum: ['user', 'api_token', 'client', 'system', 'anonymous'] }).notNull(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name'),
  partnershipId: uuid('partnership_id'),
  organisationId: uuid('organisation_id'),
  teamId: uuid('team_id'),
  action: text('action').notNull(),
  outcome: text('outcome', { enum: ['success', 'refused', 'failed'] }).notNull(),
  entityType: text('entity_type'),
  entityId: uuid('entity_id'),
  /** The organisation and team the record belongs to, so their admins can see what was done to it. */
  subjectOrganisationId: uuid('subject_organisation_id'),
  subjectTeamId: uuid('subject_team_id'),
  ip: text('ip'),
  reason: text('reason'),
  changes: jsonb('changes'),
  details: jsonb('details'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
}, (t) => [
  index('audit_events_entity_idx').on(t.entityType, t.entityId, t.seq),
  index('audit_events_actor_idx').on(t.actorId, t.seq),
  index('audit_events_action_idx').on(t.action, t.seq),
  index('audit_events_org_idx').on(t.organisationId, t.seq),
  index('audit_events_subject_org_idx').on(t.subjectOrganisationId, t.seq),
  // A record's timeline reads its changes without wading through every time it was viewed.
  index('audit_events_record_changes_idx').on(t.entityType, t.entityId, t.seq)
    .where(sql`${t.outcome} = 'success' and ${t.action} in (${sql.raw(recordChangeActions.map((a) => `'${a}'`).join(', '))})`),
]);

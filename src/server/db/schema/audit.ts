import { sql } from 'drizzle-orm';
import { bigint, customType, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { recordChangeActions } from '../../platform/audit/actions.ts';
import { at, id } from './columns.ts';

/** A 64-bit transaction id, as PostgreSQL's `xid8`; read as text (it can exceed 2^53). */
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

/**
 * Who did what, when, to which record. Append-only: a trigger rejects UPDATE, DELETE and TRUNCATE.
 * The personal part of an event (the reason given, the before and after of a change, details
 * such as search terms) lives in `audit_values`, which can be erased; the event keeps its digest.
 * `xid` is the writing transaction, by which the chainer orders events (see `audit_chain`).
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
  /** Only what says how the event came about (codes, ids, counts); see `structuralDetails`. */
  details: jsonb('details'),
  /** SHA-256 of the event's values as `audit_values_digest` computes it; null when it had none. */
  valuesDigest: text('values_digest'),
  xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
}, (t) => [
  index('audit_events_entity_idx').on(t.entityType, t.entityId, t.seq),
  index('audit_events_actor_idx').on(t.actorId, t.seq),
  index('audit_events_action_idx').on(t.action, t.seq),
  index('audit_events_org_idx').on(t.organisationId, t.seq),
  index('audit_events_subject_org_idx').on(t.subjectOrganisationId, t.seq),
  index('audit_events_xid_idx').on(t.xid, t.seq),
  // A record's timeline reads its changes without wading through every time it was viewed.
  index('audit_events_record_changes_idx').on(t.entityType, t.entityId, t.seq)
    .where(sql`${t.outcome} = 'success' and ${t.action} in (${sql.raw(recordChangeActions.map((a) => `'${a}'`).join(', '))})`),
]);

/**
 * The personal values of an audit event, kept apart so that retention and anonymisation can delete
 * them while the chain, which holds their digest through the event, stays verifiable.
 */
export const auditValues = pgTable('audit_values', {
  eventId: uuid('event_id').primaryKey().references(() => auditEvents.id),
  reason: text('reason'),
  changes: jsonb('changes'),
  details: jsonb('details'),
});

/**
 * The hash chain over the trail, extended by one background chainer in the order the writing
 * transactions began (xid, then seq) once none older can still commit: audited requests never
 * wait on each other. Append-only, like the trail.
 */
export const auditChain = pgTable('audit_chain', {
  position: bigint('position', { mode: 'number' }).primaryKey(),
  eventId: uuid('event_id').notNull().unique().references(() => auditEvents.id),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { webhookDeliveryStatuses } from '../../../shared/api/webhooks.ts';
import { at, id, timestamps, version } from './columns.ts';
import { inList } from './sharing.ts';
import { organisations, users } from './structure.ts';

/** An organisation's webhook: where its systems hear of changes, and the secret that signs what is sent. */
export const webhooks = pgTable('webhooks', {
  id: id(),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  url: text('url').notNull(),
  events: text('events').array().notNull(),
  /** Sealed with the data encryption key (platform/crypto/envelope.ts): it must be read back to sign. */
  sealedSecret: text('sealed_secret').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  disabledAt: at('disabled_at'),
  disabledReason: text('disabled_reason'),
  /** Turned off by the deliverer after repeated failures, rather than by an administrator. */
  disabledAutomatically: boolean('disabled_automatically').notNull().default(false),
  createdById: uuid('created_by_id').notNull().references(() => users.id),
  version: version(),
  ...timestamps,
}, (t) => [index('webhooks_organisation_idx').on(t.organisationId, t.id)]);

/**
 * The webhook outbox: an event is written in the transaction of the change it announces, and
 * fanned out to the hooks that may hear of it once that has committed (platform/webhooks).
 */
export const webhookOutbox = pgTable('webhook_outbox', {
  seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  /** The event's id, sent as X-Concord-Delivery to every hook and on every attempt. */
  eventId: uuid('event_id').notNull(),
  event: text('event').notNull(),
  recordType: text('record_type').notNull(),
  recordId: uuid('record_id').notNull(),
  occurredAt: at('occurred_at').notNull().defaultNow(),
});

/**
 * The delivery log: one row per attempt to send one event to one hook. A row is written `pending`
 * with its due time, taken (`sending`) by the job that sends it, and closed with the outcome; a
 * failure with attempts left writes the next attempt's row. The body is kept as sent, so every
 * attempt signs the same bytes. Ids only: no personal data, so it is not in the audit trail.
 */
export const webhookDeliveries = pgTable('webhook_deliveries', {
  id: id(),
  webhookId: uuid('webhook_id').notNull().references(() => webhooks.id, { onDelete: 'cascade' }),
  eventId: uuid('event_id').notNull(),
  event: text('event').notNull(),
  recordType: text('record_type').notNull(),
  recordId: uuid('record_id').notNull(),
  body: text('body').notNull(),
  attempt: integer('attempt').notNull(),
  status: text('status', { enum: webhookDeliveryStatuses }).notNull().default('pending'),
  dueAt: at('due_at').notNull(),
  attemptedAt: at('attempted_at'),
  statusCode: integer('status_code'),
  durationMs: integer('duration_ms'),
  error: text('error'),
  nextAttemptAt: at('next_attempt_at'),
  ...timestamps,
}, (t) => [
  // The log of one hook, newest first.
  index('webhook_deliveries_webhook_idx').on(t.webhookId, t.id.desc()),
  // Attempts whose job was lost (a restart between commit and enqueue), for the sweep.
  index('webhook_deliveries_open_idx').on(t.dueAt).where(sql`${t.status} in ('pending', 'sending')`),
  // The 30-day prune.
  index('webhook_deliveries_created_idx').on(t.createdAt),
  check('webhook_deliveries_status_check', sql`${t.status} in (${inList(webhookDeliveryStatuses)})`),
]);

import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { at, id } from './columns.ts';

/** The first reply to a POST carrying an Idempotency-Key, returned again if the POST is repeated. */
export const idempotencyKeys = pgTable('idempotency_keys', {
  principalId: uuid('principal_id').notNull(),
  key: text('key').notNull(),
  method: text('method').notNull(),
  path: text('path').notNull(),
  requestHash: text('request_hash').notNull(),
  statusCode: integer('status_code'),
  responseBody: text('response_body'),
  createdAt: at('created_at').notNull().defaultNow(),
  completedAt: at('completed_at'),
}, (t) => [primaryKey({ columns: [t.principalId, t.key] })]);

/**
 * Every email and SMS Concord sends, written in the transaction that decides to send it and
 * delivered by a job afterwards. With no transport configured it stays here as the development
 * outbox that a system administrator can read.
 */
export const outboundMessages = pgTable('outbound_messages', {
  id: id(),
  channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
  recipient: text('recipient').notNull(),
  subject: text('subject'),
  /** The name an email comes from when it is not the deployment's own (a client's neutral portal name). */
  senderName: text('sender_name'),
  body: text('body').notNull(),
  transport: text('transport', { enum: ['smtp', 'notify', 'outbox'] }).notNull(),
  status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  userId: uuid('user_id'),
  createdAt: at('created_at').notNull().defaultNow(),
  sentAt: at('sent_at'),
}, (t) => [
  // Start-up looks for messages left pending by a crash; they are few, so index only those.
  index('outbound_messages_pending_idx').on(t.createdAt).where(sql`${t.status} = 'pending'`),
  index('outbound_messages_recipient_idx').on(sql`lower(${t.recipient})`),
]);


/**
 * Domain events waiting to be delivered (live updates now; webhooks later), written in the
 * transaction of the change they announce and removed once delivered: an event is never lost to a
 * crash between commit and delivery, and never announces a change that rolled back.
 */
export const eventOutbox = pgTable('event_outbox', {
  seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  type: text('type').notNull(),
  audience: jsonb('audience').notNull(),
  data: jsonb('data').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
});

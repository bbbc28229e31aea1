import { z } from 'zod';
import { isoTime, listQuery, page, ref, uuid, version } from './common.ts';

/**
 * What an organisation's webhook may be sent: each is raised by the use case that makes the
 * change, in its transaction, and carries ids only (see `webhookPayload`).
 */
export const webhookEvents = [
  'profile.created',
  'profile.changed',
  'case.created',
  'case.changed',
  'location.created',
  'location.changed',
  'report.created',
  'task.assigned',
  'task.completed',
  'referral.received',
] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

export const webhookEventLabels: Record<WebhookEvent, string> = {
  'profile.created': 'A person is recorded',
  'profile.changed': "A person's details change",
  'case.created': 'A case is opened',
  'case.changed': 'A case changes (details, closing, reopening, archiving)',
  'location.created': 'A location is recorded',
  'location.changed': "A location's details change",
  'report.created': 'A report is added that your organisation may read',
  'task.assigned': 'A task is set or reassigned',
  'task.completed': 'A task is completed',
  'referral.received': 'A referral arrives on one of your teams’ desks',
};

export const webhookRecordTypes = ['profile', 'case', 'location', 'report', 'task', 'referral', 'webhook'] as const;
export type WebhookRecordType = (typeof webhookRecordTypes)[number];

/** The kind of record an event is about: the word before its dot. */
export const recordTypeOf = (event: WebhookEvent) => event.slice(0, event.indexOf('.')) as Exclude<WebhookRecordType, 'webhook'>;

/**
 * The body of every delivery, exactly: the event, its id (the same on every retry, for the
 * receiver to de-duplicate), when the change happened and the record's kind and id. Never a name,
 * a title or any text: the receiver reads the record through the API, which checks access.
 * `ping` is the test a hook's administrator sends; it names the hook itself.
 */
export const webhookPayload = z.strictObject({
  event: z.enum([...webhookEvents, 'ping']),
  id: uuid,
  occurredAt: isoTime,
  record: z.strictObject({ type: z.enum(webhookRecordTypes), id: uuid }),
});
export type WebhookPayload = z.infer<typeof webhookPayload>;

export const webhookDeliveryStatuses = ['pending', 'sending', 'delivered', 'failed', 'cancelled'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];
export const webhookDeliveryStatusLabels: Record<WebhookDeliveryStatus, string> = {
  pending: 'Waiting',
  sending: 'Sending',
  delivered: 'Delivered',
  failed: 'Failed',
  cancelled: 'Not sent (webhook disabled)',
};

const lastDelivery = z.object({
  at: isoTime,
  status: z.enum(webhookDeliveryStatuses),
  statusCode: z.number().int().nullable(),
});

export const webhook = z.object({
  id: uuid,
  url: z.string(),
  events: z.array(z.enum(webhookEvents)),
  enabled: z.boolean(),
  /** Set when it was turned off, by an administrator or after repeated failures; the reason in words. */
  disabledAt: isoTime.nullable(),
  disabledReason: z.string().nullable(),
  disabledAutomatically: z.boolean(),
  organisation: ref,
  createdBy: ref,
  createdAt: isoTime,
  updatedAt: isoTime,
  lastDelivery: lastDelivery.nullable(),
  version: z.number().int(),
});
export type Webhook = z.infer<typeof webhook>;
export const webhookPage = page(webhook);
export const webhookListQuery = listQuery;

const url = z.string().trim().min(1, 'must not be blank').max(2000, 'must be at most 2000 characters').url('must be a URL');
const events = z.array(z.enum(webhookEvents)).min(1, 'choose at least one event').max(webhookEvents.length)
  .refine((list) => new Set(list).size === list.length, 'lists an event twice');
/** Needed to sign each delivery, so it is kept encrypted and never shown again. */
const secret = z.string().min(16, 'must be at least 16 characters').max(200, 'must be at most 200 characters');

export const createWebhookBody = z.strictObject({ url, events, secret });
export const updateWebhookBody = z.strictObject({ version, url: url.optional(), events: events.optional(), enabled: z.boolean().optional(), secret: secret.optional() });

export const webhookDelivery = z.object({
  id: uuid,
  /** The event's id, sent as X-Concord-Delivery; the same on each attempt. */
  eventId: uuid,
  event: z.enum([...webhookEvents, 'ping']),
  record: z.object({ type: z.enum(webhookRecordTypes), id: uuid }),
  attempt: z.number().int(),
  status: z.enum(webhookDeliveryStatuses),
  statusCode: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  /** Why it failed, in words: the receiver's status, a time-out, a refused address. */
  error: z.string().nullable(),
  dueAt: isoTime,
  attemptedAt: isoTime.nullable(),
  /** When it is tried again after this failure; null once it has gone, or when no attempt is left. */
  nextAttemptAt: isoTime.nullable(),
});
export type WebhookDelivery = z.infer<typeof webhookDelivery>;
export const webhookDeliveryPage = page(webhookDelivery);
export const webhookDeliveryListQuery = listQuery;

export const webhookPinged = z.object({ deliveryId: uuid, eventId: uuid });

import type { z } from 'zod';
import type { createWebhookBody, updateWebhookBody, Webhook, WebhookDelivery, webhookDeliveryListQuery, webhookListQuery } from '../../../shared/api/webhooks.ts';
import type { Config } from '../../config.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Context } from '../../platform/context.ts';
import { seal, type KeyRing } from '../../platform/crypto/envelope.ts';
import { decodeCheckedCursor, isUuid, pageOf } from '../../platform/cursor.ts';
import { ConflictError, ForbiddenError, NotFoundError, staleVersion, ValidationError } from '../../platform/errors.ts';
import { checkTarget } from '../../platform/webhooks/target.ts';
import { firstAttempt, queueAttempts, type Queue } from './delivery.ts';
import * as q from './queries.ts';

export interface WebhookDeps {
  keyRing: KeyRing;
  jobs: Queue;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

const present = ({ hook, organisationName, creatorName, lastDelivery }: q.HookRow): Webhook => ({
  id: hook.id,
  url: hook.url,
  events: hook.events as Webhook['events'],
  enabled: hook.enabled,
  disabledAt: iso(hook.disabledAt),
  disabledReason: hook.disabledReason,
  disabledAutomatically: hook.disabledAutomatically,
  organisation: { id: hook.organisationId, name: organisationName },
  createdBy: { id: hook.createdById, name: creatorName },
  createdAt: hook.createdAt.toISOString(),
  updatedAt: hook.updatedAt.toISOString(),
  lastDelivery: lastDelivery ? { ...lastDelivery, at: iso(lastDelivery.at)! } : null,
  version: hook.version,
});

export const presentDelivery = (d: q.DeliveryRow): WebhookDelivery => ({
  id: d.id,
  eventId: d.eventId,
  event: d.event as WebhookDelivery['event'],
  record: { type: d.recordType as WebhookDelivery['record']['type'], id: d.recordId },
  attempt: d.attempt,
  status: d.status,
  statusCode: d.statusCode,
  durationMs: d.durationMs,
  error: d.error,
  dueAt: d.dueAt.toISOString(),
  attemptedAt: iso(d.attemptedAt),
  nextAttemptAt: iso(d.nextAttemptAt),
});

const subject = (hook: { id: string; organisationId: string }) => ({ entityType: 'webhook' as const, entityId: hook.id, subjectOrganisationId: hook.organisationId });
const settings = (hook: { url: string; events: string[] }) => ({ url: hook.url, events: hook.events });

/**
 * An organisation's webhooks are its administrators' (and a system administrator's, for their
 * own organisation): which events reach whose systems is the organisation's decision, so a
 * system administrator of the partnership does not redirect another organisation's.
 */
const managesHooksOf = (actor: Actor, organisationId: string) =>
  actor.organisationId === organisationId && (actor.role === 'organisation_admin' || actor.role === 'system_admin');

/** 404 outside the partnership; 403 for another organisation's hook inside it. */
async function loadManaged(ctx: Context, id: string): Promise<q.HookRow> {
  const row = await q.getHook(ctx.tx, id);
  if (!row || row.partnershipId !== ctx.actor.partnershipId) throw new NotFoundError('webhook');
  if (!managesHooksOf(ctx.actor, row.hook.organisationId)) throw new ForbiddenError("You can only manage your own organisation's webhooks.");
  return row;
}

/**
 * Refuses a URL that is not https or that reaches a non-public address (unless the server allows
 * private targets). Called before the use case's transaction: resolving a name can take seconds,
 * and the embedded database's one connection must not wait on it.
 */
export async function checkUrl(config: Config, url: string | undefined): Promise<void> {
  if (url === undefined) return;
  const target = await checkTarget(url, config.webhooks.allowPrivateTargets);
  if (!target.ok) throw new ValidationError([{ field: 'url', problem: target.problem }]);
}

export async function listHooks(ctx: Context, query: z.infer<typeof webhookListQuery>) {
  const rows = await q.listHooks(ctx.tx, { organisationId: ctx.actor.organisationId, cursor: decodeCheckedCursor(query.cursor, isUuid), limit: query.limit });
  return pageOf(rows, query.limit, present, (r) => [r.hook.id]);
}

/** The secret is kept sealed, read back only to sign, and never shown again. */
export async function createHook(ctx: Context, deps: WebhookDeps, body: z.infer<typeof createWebhookBody>): Promise<Webhook> {
  const id = await q.insertHook(ctx.tx, {
    organisationId: ctx.actor.organisationId,
    url: body.url,
    events: body.events,
    sealedSecret: seal(deps.keyRing, body.secret),
    createdById: ctx.actor.id,
  });
  const row = (await q.getHook(ctx.tx, id))!;
  ctx.audit({ action: 'webhook.created', ...subject(row.hook), details: settings(row.hook) });
  return present(row);
}

export async function getHook(ctx: Context, id: string): Promise<Webhook> {
  return present(await loadManaged(ctx, id));
}

/**
 * Changes a hook's URL, events or secret, or turns it off or on again (after it was turned off
 * automatically, once the receiver is mended). Turning it off drops its waiting attempts.
 */
export async function updateHook(ctx: Context, deps: WebhookDeps, id: string, body: z.infer<typeof updateWebhookBody>): Promise<Webhook> {
  const row = await loadManaged(ctx, id);
  const { hook } = row;
  if (body.version !== hook.version) throw staleVersion(present(row));
  const turningOn = body.enabled === true && !hook.enabled;
  const turningOff = body.enabled === false && hook.enabled;
  const changed = {
    ...(body.url !== undefined && body.url !== hook.url ? { url: body.url } : {}),
    ...(body.events !== undefined && [...body.events].sort().join() !== [...hook.events].sort().join() ? { events: body.events } : {}),
  };
  const patch = {
    ...changed,
    ...(body.secret !== undefined ? { sealedSecret: seal(deps.keyRing, body.secret) } : {}),
    ...(turningOn ? { enabled: true, disabledAt: null, disabledReason: null, disabledAutomatically: false } : {}),
    ...(turningOff ? { enabled: false, disabledAt: new Date(), disabledReason: 'Turned off by an administrator.', disabledAutomatically: false } : {}),
  };
  if (Object.keys(patch).length === 0) return present(row);
  if (!(await q.updateHook(ctx.tx, id, body.version, patch))) throw staleVersion(present((await q.getHook(ctx.tx, id))!));
  if (Object.keys(changed).length > 0 || body.secret !== undefined) {
    const before = Object.fromEntries(Object.keys(changed).map((k) => [k, hook[k as keyof typeof changed]]));
    ctx.audit({ action: 'webhook.updated', ...subject(hook), details: { before, after: changed, secretChanged: body.secret !== undefined } });
  }
  if (turningOn) ctx.audit({ action: 'webhook.enabled', ...subject(hook) });
  if (turningOff) {
    await q.cancelWaiting(ctx.tx, id);
    ctx.audit({ action: 'webhook.disabled', ...subject(hook), details: { why: 'administrator' } });
  }
  return present((await q.getHook(ctx.tx, id))!);
}

/** Deletes the hook and its delivery log; what it was is kept in the audit trail. */
export async function deleteHook(ctx: Context, id: string): Promise<void> {
  const { hook } = await loadManaged(ctx, id);
  await q.deleteHook(ctx.tx, id);
  ctx.audit({ action: 'webhook.deleted', ...subject(hook), details: settings(hook) });
}

export async function listDeliveries(ctx: Context, id: string, query: z.infer<typeof webhookDeliveryListQuery>) {
  await loadManaged(ctx, id);
  const [cursor] = decodeCheckedCursor(query.cursor, isUuid) ?? [null];
  const rows = await q.listDeliveries(ctx.tx, id, cursor, query.limit);
  return pageOf(rows, query.limit, presentDelivery, (r) => [r.id]);
}

/**
 * Sends a `ping` naming the hook itself, once (a test is not retried, nor counted towards
 * turning the hook off); its outcome is in the delivery log.
 */
export async function pingHook(ctx: Context, deps: WebhookDeps, id: string) {
  const { hook } = await loadManaged(ctx, id);
  if (!hook.enabled) throw new ConflictError('Turn the webhook on before sending a test.', 'webhook_disabled');
  const [delivery] = await q.insertDeliveries(ctx.tx, [firstAttempt(hook.id, { event: 'ping', recordType: 'webhook', recordId: hook.id, occurredAt: new Date() })]);
  ctx.afterCommit(() => queueAttempts(deps.jobs, [delivery!]));
  return { deliveryId: delivery!.id, eventId: delivery!.eventId };
}

import type { FastifyBaseLogger } from 'fastify';
import { uuidv7 } from 'uuidv7';
import type { WebhookPayload } from '../../../shared/api/webhooks.ts';
import type { Config } from '../../config.ts';
import type { AnyContext, Runner } from '../../platform/context.ts';
import { open, type KeyRing } from '../../platform/crypto/envelope.ts';
import type { Jobs } from '../../platform/jobs/types.ts';
import { startSweep } from '../../platform/sweeps.ts';
import { takeWebhookEvents } from '../../platform/webhooks/outbox.ts';
import { sendWebhook, type WebhookAttempt } from '../../platform/webhooks/send.ts';
import { notify } from '../notifications/notify.ts';
import * as q from './queries.ts';

export const deliveryQueue = 'deliver-webhook';
export type Queue = Pick<Jobs, 'send'>;

const system = { actor: null, origin: { ip: null } };
const batchSize = 200;
const workers = 4;
/** A job queued at commit runs within seconds; an attempt untouched this long past its time lost its job. */
const strandedAfterMs = 10 * 60_000;
/** The delivery log keeps 30 days: enough to look into a receiver's trouble, and it only grows. */
const keepLogMs = 30 * 24 * 60 * 60_000;

export interface DeliveryDeps {
  runner: Runner;
  jobs: Jobs;
  keyRing: KeyRing;
  config: Config;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}

interface Occurrence { event: WebhookPayload['event']; recordType: WebhookPayload['record']['type']; recordId: string; occurredAt: Date; eventId?: string }

/**
 * The first attempt to send one event to one hook. The body is fixed here, exactly the contract's
 * keys and nothing else, and every attempt sends (and signs) these same bytes.
 */
export function firstAttempt(webhookId: string, o: Occurrence) {
  const eventId = o.eventId ?? uuidv7();
  const payload: WebhookPayload = { event: o.event, id: eventId, occurredAt: o.occurredAt.toISOString(), record: { type: o.recordType, id: o.recordId } };
  return { webhookId, eventId, event: o.event, recordType: o.recordType, recordId: o.recordId, body: JSON.stringify(payload), attempt: 1, dueAt: new Date() };
}

/** Queues each attempt's job for its due time; the sweep queues again any whose job is lost. */
export async function queueAttempts(jobs: Queue, attempts: Pick<q.DeliveryRow, 'id' | 'dueAt'>[]): Promise<void> {
  for (const a of attempts) {
    const wait = (a.dueAt.getTime() - Date.now()) / 1000;
    await jobs.send(deliveryQueue, { id: a.id }, wait > 0 ? { startAfterSeconds: wait } : {});
  }
}

/**
 * Fans out one batch of the webhook outbox, in one transaction: the events are taken and each
 * hook that may hear of one gets its first attempt, or neither happens. Who may hear is decided
 * here, just after the change committed, by the hooks and the access their organisations have
 * now. Returns whether a full batch was taken.
 */
export function fanOutBatch(deps: Pick<DeliveryDeps, 'runner' | 'jobs' | 'log'>): () => Promise<boolean> {
  return () => deps.runner.run(system, async (ctx) => {
    const events = await takeWebhookEvents(ctx.tx, batchSize);
    if (events.length === 0) return false;
    const listened = await q.listenedFor(ctx.tx);
    const attempts = [];
    for (const e of events.filter((e) => listened.has(e.event))) {
      const occurrence = { event: e.event as Occurrence['event'], recordType: e.recordType as Occurrence['recordType'], recordId: e.recordId, occurredAt: e.occurredAt, eventId: e.eventId };
      const hookIds = await q.receivers(ctx.tx, e);
      // One event that cannot be placed must not hold back every other: it is logged and dropped.
      if (!hookIds) deps.log.error({ eventId: e.eventId, event: e.event }, 'could not work out which webhooks hear of an event; it was not sent');
      for (const hookId of hookIds ?? []) attempts.push(firstAttempt(hookId, occurrence));
    }
    const inserted = await q.insertDeliveries(ctx.tx, attempts);
    ctx.afterCommit(() => queueAttempts(deps.jobs, inserted));
    return events.length === batchSize;
  });
}

/** The wait before the next attempt, a fifth either way at random so that retries of many events spread out. */
const jittered = (ms: number) => Math.round(ms * (0.8 + Math.random() * 0.4));

/**
 * Writes an attempt's outcome. A failure with attempts left books the next one; an event that has
 * used up every attempt turns the hook off (see `turnOff`). A test ping is tried once.
 */
async function recordOutcome(ctx: AnyContext, deps: DeliveryDeps, { delivery, hook }: NonNullable<Awaited<ReturnType<typeof q.claimDelivery>>>, outcome: WebhookAttempt) {
  const result = { statusCode: outcome.statusCode, durationMs: outcome.durationMs, error: outcome.error };
  if (outcome.delivered) {
    await q.finishDelivery(ctx.tx, delivery.id, { ...result, status: 'delivered', nextAttemptAt: null });
    return;
  }
  const delays = deps.config.webhooks.retryDelaysMs;
  if (delivery.event !== 'ping' && delivery.attempt <= delays.length) {
    const nextAttemptAt = new Date(Date.now() + jittered(delays[delivery.attempt - 1]!));
    await q.finishDelivery(ctx.tx, delivery.id, { ...result, status: 'failed', nextAttemptAt });
    const { webhookId, eventId, event, recordType, recordId, body } = delivery;
    const next = await q.insertDeliveries(ctx.tx, [{ webhookId, eventId, event, recordType, recordId, body, attempt: delivery.attempt + 1, dueAt: nextAttemptAt }]);
    ctx.afterCommit(() => queueAttempts(deps.jobs, next));
    return;
  }
  await q.finishDelivery(ctx.tx, delivery.id, { ...result, status: 'failed', nextAttemptAt: null });
  if (delivery.event !== 'ping') await turnOff(ctx, hook, delivery, outcome.error);
}

/**
 * Turns a hook off once one event has failed every attempt: about ten and a half hours of a
 * receiver answering with errors, or not at all, whatever the hook's traffic. A count of failures
 * in a row across events would turn a busy hook off within minutes of a short outage, and a quiet
 * one only after days. Its organisation's administrators are told, and it is audited.
 */
async function turnOff(ctx: AnyContext, hook: { id: string; organisationId: string }, delivery: q.DeliveryRow, lastError: string | null) {
  const reason = `Turned off automatically after ${delivery.attempt} attempts to deliver one event failed. The last: ${lastError ?? 'no reply'}`;
  if (!(await q.disableAutomatically(ctx.tx, hook.id, reason))) return;
  await q.cancelWaiting(ctx.tx, hook.id);
  ctx.audit({ action: 'webhook.disabled', entityType: 'webhook', entityId: hook.id, subjectOrganisationId: hook.organisationId, details: { why: 'repeated_failures', eventId: delivery.eventId } });
  await notify(ctx, (await q.hookManagers(ctx.tx, hook.organisationId)).map((userId) => ({
    userId,
    kind: 'webhook_disabled' as const,
    message: "One of your organisation's webhooks was turned off: every attempt to deliver an event to it failed. Check the receiving system, then turn the webhook back on.",
    link: `/admin/webhooks/${hook.id}`,
    subjectId: hook.id,
  })));
}

function unsealed(ring: KeyRing, sealed: string): string | null {
  try {
    return open(ring, sealed);
  } catch {
    return null;
  }
}

/**
 * One attempt, the job's work: take it (so a repeated job does nothing), send outside any
 * transaction, then record the outcome. The receiver's failures are outcomes, not errors: the
 * job fails (and pg-boss runs it again) only when the database does.
 */
export async function deliverAttempt(deps: DeliveryDeps, id: string): Promise<void> {
  const claimed = await deps.runner.run(system, (ctx) => q.claimDelivery(ctx.tx, id));
  if (!claimed) return;
  if (!claimed.hook.enabled) {
    await deps.runner.run(system, (ctx) => q.finishDelivery(ctx.tx, id, { status: 'cancelled', statusCode: null, durationMs: null, error: 'Not sent: the webhook was turned off.', nextAttemptAt: null }));
    return;
  }
  const secret = unsealed(deps.keyRing, claimed.hook.sealedSecret);
  const outcome = secret === null
    ? { delivered: false, statusCode: null, durationMs: 0, error: 'Not sent: the secret could not be read (was DATA_ENCRYPTION_KEY changed without keeping the old key?).' }
    : await sendWebhook({
      url: claimed.hook.url,
      body: claimed.delivery.body,
      secret,
      event: claimed.delivery.event,
      eventId: claimed.delivery.eventId,
      allowPrivateTargets: deps.config.webhooks.allowPrivateTargets,
    });
  await deps.runner.run(system, (ctx) => recordOutcome(ctx, deps, claimed, outcome));
}

/**
 * The sweep: queues again the attempts whose job was lost (a restart between commit and enqueue,
 * or mid-send), and forgets the log's finished attempts after 30 days. Returns what it did.
 */
export async function sweepWebhooks(deps: Pick<DeliveryDeps, 'runner' | 'jobs'>, now = new Date()): Promise<{ requeued: number; pruned: number }> {
  const { revived, pruned } = await deps.runner.run(system, async (ctx) => ({
    revived: await q.reviveStranded(ctx.tx, new Date(now.getTime() - strandedAfterMs)),
    pruned: await q.pruneDeliveries(ctx.tx, new Date(now.getTime() - keepLogMs)),
  }));
  await queueAttempts(deps.jobs, revived.map((id) => ({ id, dueAt: now })));
  return { requeued: revived.length, pruned };
}

/** Serves the outbox, works the delivery queue and starts the sweep (every 10 minutes). Returns the stopper. */
export async function startWebhookWork(deps: DeliveryDeps, dispatch: { serve(batch: () => Promise<boolean>): void }): Promise<() => void> {
  dispatch.serve(fanOutBatch(deps));
  // Several workers, each taking one attempt at a time: a receiver that hangs for its 10 seconds
  // holds up one of them, not every organisation's deliveries.
  for (let i = 0; i < workers; i++) {
    await deps.jobs.work(deliveryQueue, async (data) => {
      if (typeof data.id !== 'string') throw new Error('webhook delivery job without an attempt id');
      await deliverAttempt(deps, data.id);
    });
  }
  return startSweep('sweep webhook deliveries', () => sweepWebhooks(deps), { everyMs: 10 * 60_000, firstAfterMs: 30_000 }, deps.log);
}

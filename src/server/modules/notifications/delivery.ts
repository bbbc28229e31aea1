import type { FastifyBaseLogger } from 'fastify';
import type { NotificationKind } from '../../../shared/work.ts';
import type { Platform } from '../../platform/http/types.ts';
import { digestTime } from './digest-time.ts';
import * as q from './queries.ts';

/**
 * Email for notifications, sent by a sweep rather than by the use case: it sees only what has
 * committed, and a person's choice of the daily digest is applied in one place. An email carries
 * the notification's message (which never names a client) and a link; the record itself is read
 * in Concord, where access is checked.
 */

const everyMs = 5_000;
const batch = 100;

const subjects: Record<NotificationKind, string> = {
  task_assigned: 'A task was set for you',
  task_accepted: 'Your task was accepted',
  task_declined: 'Your task was declined',
  task_updated: 'A task was updated',
  task_completed: 'A task was completed',
  task_overdue: 'A task is overdue',
  action_due: 'A reminder is due',
  record_changed: 'A record you follow has changed',
  access_requested: 'A request for access to a record your team holds',
  access_decided: 'Your request for access was decided',
  adjustment_requested: 'An assessment score adjustment needs your approval',
  adjustment_decided: 'Your assessment score adjustment was decided',
  panel_referral: 'A referral to a panel you run',
  contact_overdue: 'A victim\'s contact is overdue',
  community_trigger: 'A victim has met the community trigger',
  referral_received: 'A new referral on your team\'s triage desk',
  referral_overdue: 'A referral\'s decision is overdue',
  referral_assigned: 'A referral was given to you to triage',
  client_message: 'A new message from a client',
  client_request: 'A client asked for something in the portal',
  emergency_access: 'Someone used emergency access to a record your team holds',
  emergency_access_reviewed: 'An emergency access by one of your staff was reviewed',
  review_due: 'A data protection review is coming up',
  scheme_review_due: 'A Keep Safe cardholder\'s details are due for review',
  subject_access_review: 'A subject access request has items of your organisation to review',
  subject_access_due: 'A subject access request is nearly due',
  subject_access_ready: 'A subject access request is ready to download',
  scheme_lookup: 'A Keep Safe cardholder you support was looked up by the emergency services',
  scheme_card_expired: 'Keep Safe cards have expired and need renewing',
  retention_due: 'Records have passed their retention period and wait for a decision',
  webhook_disabled: "One of your organisation's webhooks was turned off after repeated failures",
  suggestion_updated: 'A suggestion you made or support was answered or moved on',
};

const footer = 'You can choose between an email for each notification and a daily digest on your account page in Concord.';

type Deps = Pick<Platform, 'runner' | 'mailer' | 'publicUrl'>;
const system = { actor: null, origin: { ip: null } };

/** Emails each waiting notification of those who want them straight away, and every reminder. */
async function sendImmediate({ runner, mailer, publicUrl }: Deps): Promise<number> {
  return runner.run(system, async (ctx) => {
    const rows = await q.dueForImmediateEmail(ctx.tx, batch);
    for (const row of rows) {
      await mailer.queueEmail(ctx, {
        to: row.email,
        userId: row.userId,
        subject: subjects[row.kind],
        body: `Hello ${row.name},\n\n${row.message}\n\nOpen it in Concord:\n\n${publicUrl()}${row.link}\n\n${footer}`,
      });
    }
    await q.markEmailed(ctx.tx, rows.map((r) => r.id));
    return rows.length;
  });
}

/** One email a day, after the digest time, listing everything that arrived since the last one. */
async function sendDigests({ runner, mailer, publicUrl }: Deps, now: Date): Promise<number> {
  const since = digestTime(now);
  if (!since) return 0;
  return runner.run(system, async (ctx) => {
    const people = await q.dueForDigest(ctx.tx, since, batch);
    for (const person of people) {
      const waiting = await q.waitingForDigest(ctx.tx, person.userId);
      if (waiting.length === 0) continue;
      const lines = waiting.map((n) => `- ${n.message}\n  ${publicUrl()}${n.link}`).join('\n\n');
      await mailer.queueEmail(ctx, {
        to: person.email,
        userId: person.userId,
        subject: waiting.length === 1 ? 'Your Concord digest: 1 notification' : `Your Concord digest: ${waiting.length} notifications`,
        body: `Hello ${person.name},\n\nThis is what happened since your last digest:\n\n${lines}\n\n${footer}`,
      });
      await q.markEmailed(ctx.tx, waiting.map((n) => n.id));
      await q.markDigestSent(ctx.tx, person.userId, now);
    }
    return people.length;
  });
}

/** One pass of the sweep; exported so tests can run it at a time of their choosing. */
export async function deliverNotificationEmails(deps: Deps, now = new Date()): Promise<{ immediate: number; digests: number }> {
  let immediate = 0;
  for (let sent = batch; sent === batch; immediate += sent) sent = await sendImmediate(deps);
  return { immediate, digests: await sendDigests(deps, now) };
}

/** Runs the sweep every few seconds; the returned stop waits for a pass under way to finish. */
export function startNotificationEmails(deps: Deps, log: Pick<FastifyBaseLogger, 'error'>): () => Promise<void> {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = deliverNotificationEmails(deps)
      .then(() => undefined, (error: unknown) => log.error({ err: error }, 'could not email notifications'))
      .finally(() => { running = null; });
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

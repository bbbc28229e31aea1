import type { FastifyBaseLogger } from 'fastify';
import { endExpiredPortalSessions } from '../../platform/auth/portal-sessions.ts';
import { endExpiredSessions } from '../../platform/auth/sessions.ts';
import type { Audience, DomainEvent } from '../../platform/events/types.ts';
import type { Platform } from '../../platform/http/types.ts';

const everyMs = 60_000;

/** One `session.ended` per person, however many of their sessions ended. */
function endedEvents(key: 'userIds' | 'clientIds', ended: { id: string; reason: string }[]): DomainEvent[] {
  const byPerson = new Map(ended.map((s) => [s.id, s.reason]));
  return [...byPerson].map(([id, reason]) => ({ type: 'session.ended', audience: { [key]: [id] } satisfies Audience, data: { reason } }));
}

/** Ends staff's and clients' sessions that have run out, and tells their open screens. */
export async function endExpiredAndTell(platform: Pick<Platform, 'database' | 'events'>, now = new Date()): Promise<void> {
  const { db } = platform.database;
  const staff = await endExpiredSessions(db, now);
  const clients = await endExpiredPortalSessions(db, now);
  await platform.events.publish([
    ...endedEvents('userIds', staff.map((s) => ({ id: s.userId, reason: s.reason }))),
    ...endedEvents('clientIds', clients.map((s) => ({ id: s.accessId, reason: s.reason }))),
  ]);
}

/**
 * Ends sessions that have run out (staff: 30 minutes idle, 12 hours in all; clients: 15 minutes
 * idle, 8 hours) every minute and tells any open screen, so an unattended laptop in someone's
 * home does not go on showing their record, or a victim's phone their conversation.
 */
export function startSessionExpiry(platform: Platform, log: Pick<FastifyBaseLogger, 'error'>): () => void {
  const timer = setInterval(() => {
    endExpiredAndTell(platform).catch((error: unknown) => log.error({ err: error }, 'could not end expired sessions'));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

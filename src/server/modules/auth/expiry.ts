import type { FastifyBaseLogger } from 'fastify';
import { endExpiredSessions } from '../../platform/auth/sessions.ts';
import type { Platform } from '../../platform/http/types.ts';

const everyMs = 60_000;

/**
 * Ends sessions that have run out (30 minutes idle, 12 hours in all) and tells any open screen,
 * so an unattended laptop in someone's home does not go on showing their record.
 */
export function startSessionExpiry(platform: Platform, log: Pick<FastifyBaseLogger, 'error'>): () => void {
  const timer = setInterval(() => {
    endExpiredSessions(platform.database.db)
      .then((ended) => {
        const byUser = new Map(ended.map((s) => [s.userId, s.reason]));
        return platform.events.publish(
          [...byUser].map(([userId, reason]) => ({ type: 'session.ended', audience: { userIds: [userId] }, data: { reason } })),
        );
      })
      .catch((error: unknown) => log.error({ err: error }, 'could not end expired sessions'));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

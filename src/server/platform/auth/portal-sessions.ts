import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { portalSession } from '../../../shared/portal.ts';
import type { Drizzle } from '../../db/connection.ts';
import { portalAccess, portalSessions, profiles } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { ClientActor } from '../access/actor.ts';
import { randomToken, sha256 } from './crypto.ts';
import { timedOut, touchIntervalMs, type NewSession } from './sessions.ts';

/**
 * Clients' sessions, kept apart from staff's: their own table, their own cookie, and a cookie
 * path the browser sends to the portal's routes only, never to a staff route.
 */
export const portalCookie = 'concord_portal';
const portalCookiePath = '/api/v1/portal';

const idleTimeoutMs = portalSession.idleMinutes * 60 * 1000;
const absoluteTimeoutMs = portalSession.absoluteHours * 60 * 60 * 1000;

/** Secure whenever staff's session cookie is: when Concord is reached over https. */
export function setPortalCookie(reply: FastifyReply, token: string): void {
  const secure = reply.server.platform.publicUrl().startsWith('https://');
  reply.setCookie(portalCookie, token, { path: portalCookiePath, httpOnly: true, sameSite: 'strict', secure });
}

export function clearPortalCookie(reply: FastifyReply): void {
  reply.clearCookie(portalCookie, { path: portalCookiePath });
}

export async function startPortalSession(tx: Tx, input: { accessId: string; ip: string | null; userAgent: string | null }): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  await tx.insert(portalSessions).values({
    tokenHash: sha256(token),
    accessId: input.accessId,
    csrfToken,
    expiresAt: new Date(Date.now() + absoluteTimeoutMs),
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 400) ?? null,
  });
  return { token, csrfToken };
}

export async function endPortalSession(tx: Tx, tokenHash: string, reason: string): Promise<void> {
  await tx.update(portalSessions).set({ endedAt: new Date(), endReason: reason })
    .where(and(eq(portalSessions.tokenHash, tokenHash), isNull(portalSessions.endedAt)));
}

/**
 * Ends every open session of an access at once (the access ended, the case closed). The caller
 * emits `session.ended` to `{ clientIds: [accessId] }`, so an open portal page returns to sign-in.
 */
export async function endAccessSessions(tx: Tx, accessId: string, reason: string): Promise<number> {
  const ended = await tx.update(portalSessions).set({ endedAt: new Date(), endReason: reason })
    .where(and(eq(portalSessions.accessId, accessId), isNull(portalSessions.endedAt)))
    .returning({ tokenHash: portalSessions.tokenHash });
  return ended.length;
}

export async function portalSessionIsOpen(db: Drizzle, tokenHash: string): Promise<boolean> {
  const [row] = await db.select({ endedAt: portalSessions.endedAt }).from(portalSessions).where(eq(portalSessions.tokenHash, tokenHash));
  return row !== undefined && row.endedAt === null;
}

export type PortalSessionLookup =
  | { status: 'active'; actor: ClientActor; csrfToken: string; tokenHash: string }
  | { status: 'ended'; reason: string }
  | { status: 'unknown' };

/**
 * Finds the client behind a portal cookie, on the pool before any use case, and ends a session
 * that has timed out or whose access has ended since it began.
 */
export async function lookupPortalSession(db: Drizzle, token: string, now = new Date()): Promise<PortalSessionLookup> {
  const tokenHash = sha256(token);
  const [row] = await db
    .select({
      session: portalSessions,
      access: { id: portalAccess.id, profileId: portalAccess.profileId, partnershipId: portalAccess.partnershipId, endedAt: portalAccess.endedAt },
      firstName: profiles.firstName,
    })
    .from(portalSessions)
    .innerJoin(portalAccess, eq(portalAccess.id, portalSessions.accessId))
    .innerJoin(profiles, eq(profiles.id, portalAccess.profileId))
    .where(eq(portalSessions.tokenHash, tokenHash));
  if (!row) return { status: 'unknown' };
  const { session, access } = row;
  if (session.endedAt) return { status: 'ended', reason: session.endReason ?? 'ended' };
  const reason = access.endedAt ? 'access_ended' : timedOut(session, now, idleTimeoutMs);
  if (reason) {
    await db.update(portalSessions).set({ endedAt: now, endReason: reason })
      .where(and(eq(portalSessions.tokenHash, tokenHash), isNull(portalSessions.endedAt)));
    return { status: 'ended', reason };
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= touchIntervalMs) {
    await db.update(portalSessions).set({ lastSeenAt: now }).where(eq(portalSessions.tokenHash, tokenHash));
  }
  return {
    status: 'active',
    csrfToken: session.csrfToken,
    tokenHash,
    actor: { kind: 'client', id: access.id, name: row.firstName, profileId: access.profileId, partnershipId: access.partnershipId },
  };
}

/** Client sessions that have timed out, so an open portal page can be told at once. */
export async function endExpiredPortalSessions(db: Drizzle, now = new Date()): Promise<{ accessId: string; reason: string }[]> {
  const idleBefore = new Date(now.getTime() - idleTimeoutMs);
  return db
    .update(portalSessions)
    .set({
      endedAt: now,
      endReason: sql`case when ${portalSessions.expiresAt} <= ${now} then 'absolute_timeout' else 'idle_timeout' end`,
    })
    .where(and(isNull(portalSessions.endedAt), sql`(${portalSessions.expiresAt} <= ${now} or ${portalSessions.lastSeenAt} <= ${idleBefore})`))
    .returning({ accessId: portalSessions.accessId, reason: sql<string>`${portalSessions.endReason}` });
}

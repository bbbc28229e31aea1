import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Drizzle } from '../../db/connection.ts';
import { builtOnce } from '../../db/prepared.ts';
import { apiTokens, organisations, sessions, teams, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../access/actor.ts';
import { randomToken, sha256 } from './crypto.ts';
import { forgetSession, forgetUser, type CachedSession, type SessionCache } from './session-cache.ts';

export const idleTimeoutMs = 30 * 60 * 1000;
export const absoluteTimeoutMs = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads do not each cost a write. */
export const touchIntervalMs = 60 * 1000;

/** Why a session still open has run out at `now`, staff's or a client's: too long in all, or idle too long; null if it has not. */
export function timedOut(session: { expiresAt: Date; lastSeenAt: Date }, now: Date, idleMs: number): 'absolute_timeout' | 'idle_timeout' | null {
  if (now >= session.expiresAt) return 'absolute_timeout';
  return now.getTime() - session.lastSeenAt.getTime() >= idleMs ? 'idle_timeout' : null;
}

export interface NewSession {
  token: string;
  csrfToken: string;
}

export async function startSession(
  tx: Tx,
  input: { userId: string; stage: 'enrolment' | 'full'; ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  await tx.insert(sessions).values({
    tokenHash: sha256(token),
    userId: input.userId,
    stage: input.stage,
    csrfToken,
    expiresAt: new Date(Date.now() + absoluteTimeoutMs),
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 400) ?? null,
  });
  return { token, csrfToken };
}

export async function endSession(tx: Tx, tokenHash: string, reason: string): Promise<void> {
  forgetSession(tokenHash);
  await tx.update(sessions).set({ endedAt: new Date(), endReason: reason }).where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt)));
}

/** Ends every open session of a user (disabled, password reset, authenticator reset). */
export async function endUserSessions(tx: Tx, userId: string, reason: string, exceptTokenHash?: string): Promise<number> {
  forgetUser(userId);
  const ended = await tx
    .update(sessions)
    .set({ endedAt: new Date(), endReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), exceptTokenHash ? ne(sessions.tokenHash, exceptTokenHash) : undefined))
    .returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}

export async function sessionIsOpen(db: Drizzle, tokenHash: string): Promise<boolean> {
  const [row] = await db.select({ endedAt: sessions.endedAt }).from(sessions).where(eq(sessions.tokenHash, tokenHash));
  return row !== undefined && row.endedAt === null;
}

export async function upgradeSession(tx: Tx, tokenHash: string): Promise<void> {
  forgetSession(tokenHash);
  await tx.update(sessions).set({ stage: 'full' }).where(eq(sessions.tokenHash, tokenHash));
}

const actorColumns = {
  id: users.id,
  name: users.name,
  role: users.role,
  isSupervisor: users.isSupervisor,
  isCoordinator: users.isCoordinator,
  schemeLookUp: users.schemeLookUp,
  disabledAt: users.disabledAt,
  teamId: users.teamId,
  organisationId: teams.organisationId,
  partnershipId: organisations.partnershipId,
};

// Every staff request starts here: built once (db/prepared.ts), not on each request.
const sessionStatement = builtOnce((db) => db
  .select({ session: sessions, user: actorColumns })
  .from(sessions)
  .innerJoin(users, eq(users.id, sessions.userId))
  .innerJoin(teams, eq(teams.id, users.teamId))
  .innerJoin(organisations, eq(organisations.id, teams.organisationId))
  .where(eq(sessions.tokenHash, sql.placeholder('tokenHash'))));

export type SessionLookup =
  | { status: 'active'; actor: Actor; stage: 'enrolment' | 'full'; csrfToken: string; tokenHash: string }
  | { status: 'ended'; reason: string }
  | { status: 'unknown' };

/**
 * Finds the person behind a session cookie. Runs on the pool outside any use case (it precedes
 * them), and ends a session that has timed out or whose user has been disabled. Given a cache
 * (reads only), a session it keeps answers without a statement, unless it is due a touch or has
 * timed out, which only the database decides.
 */
export async function lookupSession(db: Drizzle, token: string, now = new Date(), cache?: SessionCache): Promise<SessionLookup> {
  const tokenHash = sha256(token);
  const kept = cache?.find(tokenHash, now.getTime());
  if (kept && !timedOut(kept, now, idleTimeoutMs) && now.getTime() - kept.lastSeenAt.getTime() < touchIntervalMs) {
    return { status: 'active', stage: kept.stage, csrfToken: kept.csrfToken, tokenHash, actor: kept.actor };
  }
  const generation = cache?.generation() ?? 0;
  const [row] = await sessionStatement(db).execute({ tokenHash });
  if (!row) return { status: 'unknown' };
  const { session, user } = row;
  if (session.endedAt) return { status: 'ended', reason: session.endReason ?? 'ended' };
  const reason = user.disabledAt ? 'user_disabled' : timedOut(session, now, idleTimeoutMs);
  if (reason) {
    forgetSession(tokenHash);
    await db.update(sessions).set({ endedAt: now, endReason: reason }).where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt)));
    return { status: 'ended', reason };
  }
  let lastSeenAt = session.lastSeenAt;
  if (now.getTime() - lastSeenAt.getTime() >= touchIntervalMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
    lastSeenAt = now;
  }
  const found: CachedSession = {
    stage: session.stage,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    lastSeenAt,
    // Frozen: a kept actor serves many requests, so none may change it for the others.
    actor: Object.freeze({
      kind: 'user',
      id: user.id,
      name: user.name,
      role: user.role,
      isSupervisor: user.isSupervisor,
      isCoordinator: user.isCoordinator,
      schemeLookUp: user.schemeLookUp,
      teamId: user.teamId,
      organisationId: user.organisationId,
      partnershipId: user.partnershipId,
      readOnly: false,
    }),
  };
  cache?.keep(tokenHash, found, generation, now.getTime());
  return { status: 'active', stage: found.stage, csrfToken: found.csrfToken, tokenHash, actor: found.actor };
}

/** Finds the organisation system behind a bearer token; revoked and expired tokens are refused. */
export async function lookupApiToken(db: Drizzle, token: string, now = new Date()): Promise<Actor | null> {
  const [row] = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      access: apiTokens.access,
      teamId: apiTokens.teamId,
      organisationId: apiTokens.organisationId,
      partnershipId: organisations.partnershipId,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(organisations, eq(organisations.id, apiTokens.organisationId))
    .where(eq(apiTokens.tokenHash, sha256(token)));
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= touchIntervalMs) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return {
    kind: 'api_token',
    id: row.id,
    name: `API token: ${row.name}`,
    role: row.access === 'write' ? 'practitioner' : 'read_only',
    isSupervisor: false,
    teamId: row.teamId,
    organisationId: row.organisationId,
    partnershipId: row.partnershipId,
    readOnly: row.access === 'read',
  };
}

/** Sessions that have timed out, so their users can be told at once rather than at their next click. */
export async function endExpiredSessions(db: Drizzle, now = new Date()): Promise<{ userId: string; reason: string }[]> {
  const idleBefore = new Date(now.getTime() - idleTimeoutMs);
  return db
    .update(sessions)
    .set({
      endedAt: now,
      endReason: sql`case when ${sessions.expiresAt} <= ${now} then 'absolute_timeout' else 'idle_timeout' end`,
    })
    .where(and(isNull(sessions.endedAt), sql`(${sessions.expiresAt} <= ${now} or ${sessions.lastSeenAt} <= ${idleBefore})`))
    .returning({ userId: sessions.userId, reason: sql<string>`${sessions.endReason}` });
}

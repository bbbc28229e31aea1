import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { endExpiredAndTell } from '../../modules/auth/expiry.ts';
import { portalAccess, portalSessions } from '../../db/schema/index.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { DomainEvent } from '../events/types.ts';
import { clientAccess } from './portal-sessions.fixtures.ts';
import {
  endAccessSessions, endExpiredPortalSessions, endPortalSession, lookupPortalSession, portalSessionIsOpen, startPortalSession,
} from './portal-sessions.ts';
import { sha256 } from './crypto.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const minutes = (n: number) => n * 60 * 1000;
const start = (accessId: string) => t.database.db.transaction((tx) => startPortalSession(tx, { accessId, ip: '198.51.100.7', userAgent: 'a phone' }));
const row = async (token: string) => (await t.database.db.select().from(portalSessions).where(eq(portalSessions.tokenHash, sha256(token))))[0]!;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

describe('client sessions', () => {
  it('finds the client behind a session: their access, profile, partnership and first name, never the token itself', async () => {
    const { accessId, profileId, firstName } = await clientAccess(t, 'police.asb@concord.test');
    const { token, csrfToken } = await start(accessId);
    const found = await lookupPortalSession(t.database.db, token);
    const me = (await (await t.as('police.asb@concord.test')).get('/api/v1/me')).json();
    expect(found).toEqual({
      status: 'active',
      csrfToken,
      tokenHash: sha256(token),
      actor: { kind: 'client', id: accessId, name: firstName, profileId, partnershipId: me.partnership.id },
    });
    const stored = await row(token);
    expect(stored).toMatchObject({ accessId, ip: '198.51.100.7', userAgent: 'a phone', endedAt: null });
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeGreaterThan(minutes(8 * 60) - 5000);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeLessThanOrEqual(minutes(8 * 60) + 5000);
    expect(await lookupPortalSession(t.database.db, 'not a token')).toEqual({ status: 'unknown' });
  });

  it('ends a session 15 minutes after its last request, and says so afterwards', async () => {
    const { accessId } = await clientAccess(t, 'police.asb@concord.test');
    const { token } = await start(accessId);
    const seen = (await row(token)).lastSeenAt;
    expect((await lookupPortalSession(t.database.db, token, later(seen, minutes(14)))).status).toBe('active');
    const { lastSeenAt } = await row(token);
    expect(await lookupPortalSession(t.database.db, token, later(lastSeenAt, minutes(15)))).toEqual({ status: 'ended', reason: 'idle_timeout' });
    expect(await lookupPortalSession(t.database.db, token)).toEqual({ status: 'ended', reason: 'idle_timeout' });
    expect(await portalSessionIsOpen(t.database.db, sha256(token))).toBe(false);
  });

  it('ends a session 8 hours after it began however busy it is', async () => {
    const { accessId } = await clientAccess(t, 'police.asb@concord.test');
    const { token } = await start(accessId);
    const { expiresAt } = await row(token);
    // Busy to the last minute.
    await t.database.db.update(portalSessions).set({ lastSeenAt: later(expiresAt, -minutes(1)) }).where(eq(portalSessions.tokenHash, sha256(token)));
    expect(await lookupPortalSession(t.database.db, token, expiresAt)).toEqual({ status: 'ended', reason: 'absolute_timeout' });
  });

  it('ends a session at the next request once the access has ended', async () => {
    const { accessId } = await clientAccess(t, 'police.asb@concord.test');
    const { token } = await start(accessId);
    await t.database.db.update(portalAccess).set({ endedAt: new Date(), endReason: 'ended_by_staff' }).where(eq(portalAccess.id, accessId));
    expect(await lookupPortalSession(t.database.db, token)).toEqual({ status: 'ended', reason: 'access_ended' });
    expect(await row(token)).toMatchObject({ endReason: 'access_ended' });
  });

  it('notes the last request at most once a minute', async () => {
    const { accessId } = await clientAccess(t, 'police.asb@concord.test');
    const { token } = await start(accessId);
    const first = (await row(token)).lastSeenAt;
    await lookupPortalSession(t.database.db, token, later(first, 30_000));
    expect((await row(token)).lastSeenAt).toEqual(first);
    await lookupPortalSession(t.database.db, token, later(first, 61_000));
    expect((await row(token)).lastSeenAt).toEqual(later(first, 61_000));
  });

  it('ends one session, or every session of an access at once, leaving other clients signed in', async () => {
    const { accessId } = await clientAccess(t, 'police.asb@concord.test');
    const other = await clientAccess(t, 'police.asb@concord.test');
    const phone = await start(accessId);
    const laptop = await start(accessId);
    const tablet = await start(accessId);
    const someoneElse = await start(other.accessId);
    await t.database.db.transaction((tx) => endPortalSession(tx, sha256(phone.token), 'signed_out'));
    expect(await lookupPortalSession(t.database.db, phone.token)).toEqual({ status: 'ended', reason: 'signed_out' });
    expect((await lookupPortalSession(t.database.db, laptop.token)).status).toBe('active');
    expect(await t.database.db.transaction((tx) => endAccessSessions(tx, accessId, 'access_ended'))).toBe(2);
    for (const { token } of [laptop, tablet]) expect(await lookupPortalSession(t.database.db, token)).toEqual({ status: 'ended', reason: 'access_ended' });
    expect((await lookupPortalSession(t.database.db, someoneElse.token)).status).toBe('active');
  });

  it('sweeps sessions idle for 15 minutes or past 8 hours, and tells each client once', async () => {
    const idle = await clientAccess(t, 'police.asb@concord.test');
    const old = await clientAccess(t, 'police.asb@concord.test');
    const busy = await clientAccess(t, 'police.asb@concord.test');
    const idleSessions = [await start(idle.accessId), await start(idle.accessId)];
    const oldSession = await start(old.accessId);
    const busySession = await start(busy.accessId);
    const now = later(new Date(), minutes(30));
    const touch = (token: string, at: Date) => t.database.db.update(portalSessions).set({ lastSeenAt: at }).where(eq(portalSessions.tokenHash, sha256(token)));
    for (const { token } of idleSessions) await touch(token, later(now, -minutes(15)));
    await touch(busySession.token, later(now, -minutes(14)));
    await t.database.db.update(portalSessions).set({ lastSeenAt: now, expiresAt: now }).where(eq(portalSessions.tokenHash, sha256(oldSession.token)));

    const heard: DomainEvent[] = [];
    const unsubscribe = t.app.platform.events.subscribe((e) => heard.push(e));
    await endExpiredAndTell(t.app.platform, now);
    // Sessions left open by the tests above are swept too; only these three clients are looked at.
    const mine = [idle.accessId, old.accessId, busy.accessId];
    const toClients = () => heard.filter((e) => mine.includes(e.audience.clientIds?.[0] ?? ''));
    // On PostgreSQL the bus delivers through LISTEN/NOTIFY, a moment after the sweep returns.
    await vi.waitFor(() => expect(toClients().length).toBeGreaterThanOrEqual(2), { timeout: 5000, interval: 20 });
    unsubscribe();
    expect(toClients()).toHaveLength(2);
    expect(toClients()).toEqual(expect.arrayContaining([
      { type: 'session.ended', audience: { clientIds: [idle.accessId] }, data: { reason: 'idle_timeout' } },
      { type: 'session.ended', audience: { clientIds: [old.accessId] }, data: { reason: 'absolute_timeout' } },
    ]));
    expect((await lookupPortalSession(t.database.db, busySession.token, now)).status).toBe('active');
    expect(await endExpiredPortalSessions(t.database.db, now)).toEqual([]);
  });
});

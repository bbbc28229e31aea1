import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { makeAgent, publicUrl, startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { statementsOf } from '../../test/statements.ts';
import { sessionCacheMs } from './session-cache.ts';

// Two instances of Concord on one PostgreSQL database, in this process: a change made behind
// their backs, in SQL, reaches each only through the `session_changed` trigger's notification
// (a change made through a use case is also forgotten by this process at once, which would hide
// whether the notification arrived). cluster.test.ts checks the same between two processes.

const police = 'police.asb@concord.test';
const other = 'other.police@concord.test';
const council = 'council.asb@concord.test';

const readsSession = (statements: string[]) => statements.some((text) => /from "sessions"/.test(text));

describe.skipIf(!process.env.TEST_DATABASE_URL)('sessions kept for reads', () => {
  let t: TestApp;
  let second: FastifyInstance;
  /** The same browser, sent to the second instance. */
  const onSecond = (agent: Agent) => makeAgent(second, { ...agent.cookies });

  beforeAll(async () => {
    t = await startTestApp();
    second = await buildApp({ config: t.app.platform.config, database: t.database, publicUrl: () => publicUrl, logger: false });
    await second.ready();
  }, 60_000);

  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('answers a read from the kept session, and reads the session afresh for a write', async () => {
    const agent = await t.as(police);
    // Signing in changed the user (when they last signed in); a read is kept once that is heard.
    await t.sessionChangesHeard();
    expect((await agent.get('/api/v1/me')).statusCode).toBe(200);
    const read = await statementsOf(t, () => agent.get('/api/v1/me'));
    expect(read.result.statusCode).toBe(200);
    expect(readsSession(read.statements)).toBe(false);

    const write = await statementsOf(t, () => agent.post('/api/v1/actions', { title: 'Kept sessions', dueAt: new Date(Date.now() + 86_400_000).toISOString() }));
    expect(write.result.statusCode, write.result.body).toBe(201);
    expect(readsSession(write.statements)).toBe(true);
  });

  it('keeps each person their own: a user of another organisation and of another partnership, read in turn', async () => {
    const agents = [await t.as(police), await t.as(council), await t.as(other)].map(onSecond);
    for (let round = 0; round < 3; round++) {
      const seen = await Promise.all(agents.map(async (agent) => (await agent.get('/api/v1/me')).json() as { email: string }));
      expect(seen.map((me) => me.email)).toEqual([police, council, other]);
    }
  });

  it('hears a change to a user made in SQL on the other instance, well before the kept session runs out', async () => {
    const agent = onSecond(await t.as(council));
    await second.platform.sessions.settled();
    expect((await agent.get('/api/v1/me')).json().role).toBe('practitioner');
    const kept = Date.now();
    expect(readsSession((await statementsOf(t, () => agent.get('/api/v1/me'))).statements)).toBe(false);
    await t.database.pool.query(`update users set role = 'read_only' where email = $1`, [council]);
    await second.platform.sessions.settled();
    const after = await statementsOf(t, () => agent.get('/api/v1/me'));
    expect(Date.now() - kept).toBeLessThan(sessionCacheMs);
    expect(readsSession(after.statements)).toBe(true);
    expect(after.result.json().role).toBe('read_only');
    await t.database.pool.query(`update users set role = 'practitioner' where email = $1`, [council]);
  });

  it('refuses a session ended in SQL on every instance', async () => {
    const agent = await t.as('housing@concord.test');
    const there = onSecond(agent);
    expect((await agent.get('/api/v1/me')).statusCode).toBe(200);
    expect((await there.get('/api/v1/me')).statusCode).toBe(200);
    await t.database.pool.query(`update sessions set ended_at = now(), end_reason = 'signed_out' where ended_at is null and user_id = (select id from users where email = 'housing@concord.test')`);
    await Promise.all([t.sessionChangesHeard(), second.platform.sessions.settled()]);
    for (const caller of [agent, there]) {
      const refused = await caller.get('/api/v1/me');
      expect(refused.statusCode).toBe(401);
      expect(refused.json().error.code).toBe('session_ended');
    }
  });

  it('refuses a disabled user on the next read, without waiting to hear of it', async () => {
    const admin = await t.as('police.admin@concord.test');
    const lead = await t.as('police.asb.lead@concord.test');
    const there = onSecond(lead);
    const me = (await there.get('/api/v1/me')).json() as { id: string };
    const { version } = (await admin.get(`/api/v1/users/${me.id}`)).json() as { version: number };
    expect((await admin.post(`/api/v1/users/${me.id}/disable`, { version, reason: 'Left the force' })).statusCode).toBe(200);
    for (const caller of [lead, there]) expect((await caller.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('keeps nothing while its listener is down, and keeps again once it listens', async () => {
    const agent = onSecond(await t.as(other));
    await second.platform.sessions.settled();
    await t.database.pool.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'concord-sessions' and datname = current_database()`);
    // Both instances' listeners were cut; the second keeps nothing until it listens again.
    await expect.poll(async () => {
      await agent.get('/api/v1/me');
      return readsSession((await statementsOf(t, () => agent.get('/api/v1/me'))).statements);
    }, { timeout: 20_000, interval: 100 }).toBe(false);
  });
});

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNginx, rollingRestart, startCluster, type Cluster } from '../../../../bench/cluster/launch.ts';
import { listen, loadWhile } from '../../../../bench/cluster/load.ts';
import { csrfOf, signIn } from '../../../../bench/run/server.ts';
import { sessionCacheMs } from '../auth/session-cache.ts';

// Two Concord processes on one PostgreSQL database behind nginx, files in an S3-compatible
// server: what one instance does, the other sees. Several instances need PostgreSQL (the embedded
// database is one process's), so this runs in the api-postgres stage; without nginx it fails.

const serverUrl = process.env.TEST_DATABASE_URL;
const practitioner = 'police.asb@concord.test';
const otherPartnership = 'other.police@concord.test';

describe.skipIf(!serverUrl)('several instances behind a proxy', () => {
  let cluster: Cluster;
  let db: pg.Pool;
  let cookie = '';
  let one = '';
  let two = '';
  const headers = () => ({ cookie, 'x-csrf-token': csrfOf(cookie), 'content-type': 'application/json' });

  beforeAll(async () => {
    findNginx();
    cluster = await startCluster({ serverUrl: serverUrl!, instances: 2 });
    [one, two] = cluster.instances.map((instance) => instance.url) as [string, string];
    db = new pg.Pool({ connectionString: cluster.databaseUrl, max: 2 });
    cookie = await signIn(one, practitioner);
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await cluster?.stop();
  }, 60_000);

  it('keeps a session made through one instance on the other, and through the proxy', async () => {
    for (const base of [two, cluster.url]) {
      const me = await fetch(`${base}/api/v1/me`, { headers: headers() });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { email: string }).email).toBe(practitioner);
    }
  });

  it('delivers a live update from a write on one instance to a listener on the other, and not to another partnership', async () => {
    const mine = listen(two, cookie);
    const theirs = listen(two, await signIn(two, otherPartnership));
    await expect.poll(() => mine.readies + theirs.readies, { timeout: 10_000 }).toBe(2);
    const created = await fetch(`${one}/api/v1/actions`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ title: 'Across instances', dueAt: new Date(Date.now() + 86_400_000).toISOString() }),
    });
    expect(created.status).toBe(201);
    await expect.poll(() => mine.events, { timeout: 10_000 }).toContain('action.changed');
    mine.close();
    theirs.close();
    expect(theirs.events).not.toContain('action.changed');
  });

  it('counts a rate limit across instances', async () => {
    // Sign-in allows 20 a minute from one address; the proxy alternates between the instances.
    const address = `203.0.113.${1 + Math.floor(Math.random() * 250)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) {
      const response = await fetch(`${cluster.url}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ email: `nobody-${i}@example.org`, password: 'not the password', totp: '000000' }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 20).every((status) => status !== 429)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429]);
  });

  it('creates one record for one Idempotency-Key sent to both instances at once', async () => {
    const marker = `Cluster${randomBytes(4).toString('hex')}`;
    const send = (base: string) => fetch(`${base}/api/v1/profiles`, {
      method: 'POST',
      headers: { ...headers(), 'idempotency-key': `${marker}-key` },
      body: JSON.stringify({ firstName: 'Twice', lastName: marker, reasonCreated: 'Sent to two instances', confirmNoDuplicate: true }),
    });
    const replies = await Promise.all([send(one), send(two), send(one), send(two)]);
    const ids = new Set<string>();
    for (const reply of replies) {
      expect([201, 409]).toContain(reply.status);
      if (reply.status === 201) ids.add(((await reply.json()) as { id: string }).id);
    }
    expect(ids.size).toBe(1);
    const { rows } = await db.query('select count(*)::int as n from profiles where last_name = $1', [marker]);
    expect(rows[0].n).toBe(1);
  });

  it('sends each due reminder once, though every instance sweeps', async () => {
    const dueAt = new Date(Date.now() + 1500).toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const created = await fetch(`${i % 2 ? two : one}/api/v1/actions`, { method: 'POST', headers: headers(), body: JSON.stringify({ title: `Due ${i}`, dueAt }) });
      expect(created.status).toBe(201);
      ids.push(((await created.json()) as { id: string }).id);
    }
    const reminded = async () => (await db.query('select count(*)::int as n from actions where id = any($1) and reminded_at is not null', [ids])).rows[0].n as number;
    await expect.poll(reminded, { timeout: 20_000, interval: 250 }).toBe(ids.length);
    const { rows } = await db.query("select subject_id, count(*)::int as n from notifications where kind = 'action_due' and subject_id = any($1) group by subject_id", [ids]);
    expect(rows).toHaveLength(ids.length);
    expect(rows.every((row: { n: number }) => row.n === 1)).toBe(true);
  });

  it('downloads through one instance a document uploaded through the other, from the S3 server', async () => {
    const profile = await fetch(`${one}/api/v1/profiles`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ firstName: 'Document', lastName: `Cluster${randomBytes(3).toString('hex')}`, reasonCreated: 'Holds a document', confirmNoDuplicate: true }),
    });
    expect(profile.status).toBe(201);
    const { id } = (await profile.json()) as { id: string };
    const text = `Visited on ${new Date().toISOString()}; spoke to the neighbour.\n`;
    const uploaded = await fetch(`${one}/api/v1/profiles/${id}/documents?fileName=visit.txt`, {
      method: 'POST',
      headers: { ...headers(), 'content-type': 'application/octet-stream' },
      body: text,
    });
    expect(uploaded.status).toBe(201);
    const document = (await uploaded.json()) as { id: string };
    const downloaded = await fetch(`${two}/api/v1/documents/${document.id}/content`, { headers: headers() });
    expect(downloaded.status).toBe(200);
    expect(await downloaded.text()).toBe(text);
  });

  it('refuses a session signed out on one instance on the other at once, though the other kept it for reads', async () => {
    const own = await signIn(one, practitioner);
    const ownHeaders = { cookie: own, 'x-csrf-token': csrfOf(own), 'content-type': 'application/json' };
    expect((await fetch(`${two}/api/v1/me`, { headers: ownHeaders })).status).toBe(200);
    const kept = Date.now();
    expect((await fetch(`${one}/api/v1/auth/sign-out`, { method: 'POST', headers: ownHeaders, body: '{}' })).status).toBe(204);
    // The second process hears of it by notification, well before its kept session would run out.
    await expect.poll(async () => (await fetch(`${two}/api/v1/me`, { headers: ownHeaders })).status, { timeout: 1_000, interval: 10 }).toBe(401);
    expect(Date.now() - kept).toBeLessThan(sessionCacheMs);
  });

  it('loses no request and no live update stream in a rolling restart under load', async () => {
    const streams = [listen(cluster.url, cookie), listen(cluster.url, cookie)];
    await expect.poll(() => streams.every((s) => s.readies === 1), { timeout: 10_000 }).toBe(true);
    const exitCodes: (number | null)[] = [];
    const load = await loadWhile(cluster.url, cookie, 8, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await rollingRestart(cluster, (_index, code) => exitCodes.push(code));
      await new Promise((resolve) => setTimeout(resolve, 1000));
    });
    expect(exitCodes).toEqual([0, 0]);
    expect(load.requests).toBeGreaterThan(100);
    expect({ non2xx: load.non2xx, errors: load.errors, timeouts: load.timeouts, samples: load.samples }).toEqual({ non2xx: 0, errors: 0, timeouts: 0, samples: [] });
    // Each stream was on one of the instances, each restarted once: every stream came back.
    await expect.poll(() => streams.every((s) => s.readies >= 2), { timeout: 10_000 }).toBe(true);
    for (const stream of streams) stream.close();
  }, 120_000);
});

import { createHmac } from 'node:crypto';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Webhook, WebhookDelivery } from '../../../shared/api/webhooks.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, emails, enrolledUser, expectError, loadStructure, share } from '../sharing/records.fixtures.ts';
import { setTask } from '../tasks/tasks.fixtures.ts';
import { sweepWebhooks } from './delivery.ts';

/**
 * Webhooks end to end: a real receiver on 127.0.0.1 (so the app allows private targets, as
 * WEBHOOK_ALLOW_PRIVATE_TARGETS=true would, except where a test turns it off), the real jobs
 * queue, and retries shortened through the configuration the deliverer reads at each attempt.
 */

interface Hit { path: string; headers: IncomingHttpHeaders; body: string }

let t: TestApp;
let receiver: http.Server;
let base: string;
const hits: Hit[] = [];
/** Paths that answer 500 this many more times before 200; `/down/…` always fails. */
const failuresLeft = new Map<string, number>();

let policeAdmin: Agent;
let police: Agent;
let council: Agent;
let councilAdmin: Agent;
let other: Agent;
const secret = 'a-shared-secret-of-32-characters';

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      hits.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const left = failuresLeft.get(path) ?? 0;
      if (left > 0) failuresLeft.set(path, left - 1);
      res.statusCode = path.startsWith('/down') || left > 0 ? 500 : 200;
      res.end('thanks');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  t = await startTestApp();
  t.app.platform.config.webhooks.allowPrivateTargets = true;
  t.app.platform.config.webhooks.retryDelaysMs = [20, 20];
  // The other partnership's administrator, for its own hooks and its 404s.
  await t.database.db.execute(sql`update users set role = 'organisation_admin' where email = ${emails.other}`);
  policeAdmin = await t.as(emails.policeAdmin);
  police = await t.as(emails.police);
  council = await t.as(emails.council);
  other = await t.as(emails.other);
  const structure = await loadStructure(t);
  councilAdmin = (await enrolledUser(t, emails.admin, { name: 'Council Administrator', role: 'organisation_admin', teamId: structure.team('Demo District Council/Community Safety team').teamId })).agent;
}, 60_000);

afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function createHook(agent: Agent, path: string, events: string[] = ['profile.created']): Promise<Webhook> {
  const response = await agent.post('/api/v1/webhooks', { url: `${base}${path}`, events, secret });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const hitsAt = (path: string) => hits.filter((h) => h.path === path);
const deliveries = async (agent: Agent, id: string) => (await agent.get(`/api/v1/webhooks/${id}/deliveries?limit=200`)).json().items as WebhookDelivery[];
const waitForHits = (path: string, count: number) => expect.poll(() => hitsAt(path).length, { timeout: 20_000, interval: 25 }).toBe(count);
const payloadOf = (hit: Hit) => JSON.parse(hit.body) as { event: string; id: string; occurredAt: string; record: { type: string; id: string } };

describe('setting up a webhook', () => {
  it('takes a URL, events from the catalogue and a secret it never shows again, and audits it', async () => {
    expectError(await policeAdmin.post('/api/v1/webhooks', { url: `${base}/x`, events: ['profile.created'], secret: 'too short' }), 422, 'validation_failed');
    expectError(await policeAdmin.post('/api/v1/webhooks', { url: `${base}/x`, events: ['profile.deleted'], secret }), 422, 'validation_failed');
    expectError(await policeAdmin.post('/api/v1/webhooks', { url: `${base}/x`, events: [], secret }), 422, 'validation_failed');

    const hook = await createHook(policeAdmin, '/setup', ['profile.created', 'case.created']);
    expect(hook).toMatchObject({ url: `${base}/setup`, events: ['profile.created', 'case.created'], enabled: true, lastDelivery: null });
    const read = await policeAdmin.get(`/api/v1/webhooks/${hook.id}`);
    expect(read.body).not.toContain(secret);
    expect(JSON.stringify(hook)).not.toContain(secret);
    const { rows: [stored] } = await t.database.db.execute<{ sealed_secret: string }>(sql`select sealed_secret from webhooks where id = ${hook.id}`);
    expect(stored!.sealed_secret).toMatch(/^e1\./);
    expect(stored!.sealed_secret).not.toContain(secret);
    expect(await auditOf(t, hook.id, 'webhook.created')).toHaveLength(1);

    const list = (await policeAdmin.get('/api/v1/webhooks')).json().items as Webhook[];
    expect(list.map((h) => h.id)).toContain(hook.id);

    const stale = await policeAdmin.patch(`/api/v1/webhooks/${hook.id}`, { version: hook.version + 1, events: ['case.created'] });
    expectError(stale, 409, 'conflict');
    const changed = await policeAdmin.patch(`/api/v1/webhooks/${hook.id}`, { version: hook.version, events: ['case.created'], secret: 'another-secret-of-enough-length' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ events: ['case.created'], version: hook.version + 1 });
    expect((await auditOf(t, hook.id, 'webhook.updated'))[0]!.details).toMatchObject({ secretChanged: true, after: { events: ['case.created'] } });

    expect((await policeAdmin.delete(`/api/v1/webhooks/${hook.id}`)).statusCode).toBe(204);
    expectError(await policeAdmin.get(`/api/v1/webhooks/${hook.id}`), 404, 'not_found');
    expect(await auditOf(t, hook.id, 'webhook.deleted')).toHaveLength(1);
  });

  it('refuses private, loopback, link-local and plain http targets unless the server allows them', async () => {
    const settings = t.app.platform.config.webhooks;
    settings.allowPrivateTargets = false;
    try {
      for (const url of ['https://127.0.0.1/hook', 'https://10.0.0.1/hook', 'https://169.254.169.254/latest', 'https://[::1]/hook', 'https://[::ffff:10.0.0.1]/hook',
        'https://100.64.0.1/hook', 'https://[fd00::1]/hook', 'https://localhost/hook', 'http://example.org/hook']) {
        const refused = await policeAdmin.post('/api/v1/webhooks', { url, events: ['profile.created'], secret });
        expectError(refused, 422, 'validation_failed');
        expect(refused.json().error.details, url).toEqual([expect.objectContaining({ field: 'url', problem: expect.stringMatching(/public address|https/) })]);
      }
    } finally {
      settings.allowPrivateTargets = true;
    }
  });

  it('lets only the organisation\'s own administrators read or change its hooks', async () => {
    const hook = await createHook(policeAdmin, '/private-to-police');
    const paths = [`/api/v1/webhooks/${hook.id}`, `/api/v1/webhooks/${hook.id}/deliveries`];
    for (const path of paths) {
      expectError(await councilAdmin.get(path), 403, 'forbidden');
      expectError(await other.get(path), 404, 'not_found');
      expectError(await police.get(path), 403, 'forbidden');
    }
    expectError(await councilAdmin.patch(`/api/v1/webhooks/${hook.id}`, { version: hook.version, enabled: false }), 403, 'forbidden');
    expectError(await other.patch(`/api/v1/webhooks/${hook.id}`, { version: hook.version, enabled: false }), 404, 'not_found');
    expectError(await councilAdmin.delete(`/api/v1/webhooks/${hook.id}`), 403, 'forbidden');
    expectError(await other.delete(`/api/v1/webhooks/${hook.id}`), 404, 'not_found');
    expectError(await councilAdmin.post(`/api/v1/webhooks/${hook.id}/ping`), 403, 'forbidden');
    expect((await councilAdmin.get('/api/v1/webhooks')).json().items.map((h: Webhook) => h.id)).not.toContain(hook.id);
    expect((await other.get('/api/v1/webhooks')).json().items.map((h: Webhook) => h.id)).not.toContain(hook.id);
    expect((await policeAdmin.get(`/api/v1/webhooks/${hook.id}`)).json().enabled).toBe(true);
    await policeAdmin.delete(`/api/v1/webhooks/${hook.id}`);
  });
});

describe('delivering', () => {
  it('signs the exact body, names the event and its id, and sends ids only', async () => {
    const hook = await createHook(policeAdmin, '/signed');
    const person = await createProfile(police, { firstName: 'Ottoline', lastName: 'Featherstonehaugh' });
    await waitForHits('/signed', 1);
    const [hit] = hitsAt('/signed');
    const expected = `sha256=${createHmac('sha256', secret).update(hit!.body).digest('hex')}`;
    expect(hit!.headers['x-concord-signature']).toBe(expected);
    expect(hit!.headers['content-type']).toBe('application/json');
    expect(hit!.headers['user-agent']).toBe('Concord-Webhooks');
    expect(hit!.headers['x-concord-event']).toBe('profile.created');
    const payload = payloadOf(hit!);
    expect(hit!.headers['x-concord-delivery']).toBe(payload.id);
    expect(Object.keys(payload).sort()).toEqual(['event', 'id', 'occurredAt', 'record']);
    expect(Object.keys(payload.record).sort()).toEqual(['id', 'type']);
    expect(payload).toMatchObject({ event: 'profile.created', record: { type: 'profile', id: person.id } });
    expect(new Date(payload.occurredAt).toISOString()).toBe(payload.occurredAt);
    expect(hit!.body).not.toMatch(/Ottoline|Featherstonehaugh/);

    await expect.poll(async () => (await deliveries(policeAdmin, hook.id))[0]?.status, { timeout: 10_000, interval: 25 }).toBe('delivered');
    const [logged] = await deliveries(policeAdmin, hook.id);
    expect(logged).toMatchObject({ eventId: payload.id, event: 'profile.created', attempt: 1, statusCode: 200, error: null, nextAttemptAt: null });
    expect((await policeAdmin.get(`/api/v1/webhooks/${hook.id}`)).json().lastDelivery).toMatchObject({ status: 'delivered', statusCode: 200 });

    const ping = await policeAdmin.post(`/api/v1/webhooks/${hook.id}/ping`);
    expect(ping.statusCode, ping.body).toBe(202);
    await waitForHits('/signed', 2);
    expect(payloadOf(hitsAt('/signed')[1]!)).toMatchObject({ event: 'ping', id: ping.json().eventId, record: { type: 'webhook', id: hook.id } });
    await policeAdmin.delete(`/api/v1/webhooks/${hook.id}`);
  });

  it('retries with back-off: a receiver that fails twice gets three attempts of the same event and one delivery', async () => {
    const hook = await createHook(policeAdmin, '/flaky');
    failuresLeft.set('/flaky', 2);
    await createProfile(police);
    await waitForHits('/flaky', 3);
    const ids = new Set(hitsAt('/flaky').map((h) => h.headers['x-concord-delivery']));
    expect(ids.size).toBe(1);
    await expect.poll(async () => (await deliveries(policeAdmin, hook.id)).map((d) => `${d.attempt}:${d.status}:${d.statusCode}`), { timeout: 10_000, interval: 25 })
      .toEqual(['3:delivered:200', '2:failed:500', '1:failed:500']);
    const log = await deliveries(policeAdmin, hook.id);
    expect(log[2]!.error).toBe('The receiver answered 500.');
    expect(log[2]!.nextAttemptAt).not.toBeNull();
    expect((await policeAdmin.get(`/api/v1/webhooks/${hook.id}`)).json().enabled).toBe(true);
    await policeAdmin.delete(`/api/v1/webhooks/${hook.id}`);
  });

  it('turns a hook off when an event fails every attempt, tells the organisation\'s administrators, and can be turned back on', async () => {
    const hook = await createHook(policeAdmin, '/down');
    await createProfile(police);
    await expect.poll(async () => (await policeAdmin.get(`/api/v1/webhooks/${hook.id}`)).json().enabled, { timeout: 20_000, interval: 25 }).toBe(false);
    expect(hitsAt('/down')).toHaveLength(3);
    const off = (await policeAdmin.get(`/api/v1/webhooks/${hook.id}`)).json() as Webhook;
    expect(off).toMatchObject({ disabledAutomatically: true, disabledReason: expect.stringContaining('The receiver answered 500.') });
    expect((await deliveries(policeAdmin, hook.id)).map((d) => d.status)).toEqual(['failed', 'failed', 'failed']);
    expect(await auditOf(t, hook.id, 'webhook.disabled')).toHaveLength(1);
    const notices = (await policeAdmin.get('/api/v1/notifications')).json().items as { kind: string; link: string }[];
    expect(notices).toContainEqual(expect.objectContaining({ kind: 'webhook_disabled', link: `/admin/webhooks/${hook.id}` }));

    // Off, it hears nothing.
    await createProfile(police);
    expectError(await policeAdmin.post(`/api/v1/webhooks/${hook.id}/ping`), 409, 'webhook_disabled');

    const on = await policeAdmin.patch(`/api/v1/webhooks/${hook.id}`, { version: off.version, enabled: true });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ enabled: true, disabledReason: null, disabledAutomatically: false });
    expect(await auditOf(t, hook.id, 'webhook.enabled')).toHaveLength(1);
    expect(hitsAt('/down')).toHaveLength(3);
    await policeAdmin.delete(`/api/v1/webhooks/${hook.id}`);
  });

  it('refuses at delivery a hook saved while private targets were allowed, and logs why', async () => {
    const plain = await createHook(policeAdmin, '/late');
    // https to this machine: refused for its address, before any connection is made.
    const loopback = (await policeAdmin.post('/api/v1/webhooks', { url: 'https://127.0.0.1:1/late', events: ['profile.created'], secret })).json() as Webhook;
    const settings = t.app.platform.config.webhooks;
    settings.allowPrivateTargets = false;
    try {
      await createProfile(police);
      const firstOf = async (id: string) => (await deliveries(policeAdmin, id)).find((d) => d.attempt === 1 && d.status === 'failed');
      await expect.poll(() => firstOf(plain.id), { timeout: 10_000, interval: 25 }).toBeDefined();
      await expect.poll(() => firstOf(loopback.id), { timeout: 10_000, interval: 25 }).toBeDefined();
      expect(await firstOf(plain.id)).toMatchObject({ statusCode: null, error: 'Not sent: the URL must be an https:// URL.' });
      expect(await firstOf(loopback.id)).toMatchObject({ statusCode: null, error: 'Not sent: the URL must reach a public address: 127.0.0.1 is a loopback address.' });
      expect(hitsAt('/late')).toHaveLength(0);
    } finally {
      settings.allowPrivateTargets = true;
    }
    await policeAdmin.delete(`/api/v1/webhooks/${plain.id}`);
    await policeAdmin.delete(`/api/v1/webhooks/${loopback.id}`);
  });
});

describe('who hears of what', () => {
  it('sends an organisation only what it may open, never the other partnership\'s events', async () => {
    const police1 = await createHook(policeAdmin, '/police-hears', ['profile.created', 'profile.changed']);
    const otherHook = await createHook(other, '/other-hears', ['profile.created']);

    const councils = await createProfile(council);
    const neighbours = await createProfile(other);
    const polices = await createProfile(police);
    // Events leave in the order written: once the last is in, the earlier ones were decided.
    await expect.poll(() => hitsAt('/police-hears').map((h) => payloadOf(h).record.id), { timeout: 10_000, interval: 25 }).toContain(polices.id);
    await expect.poll(() => hitsAt('/other-hears').map((h) => payloadOf(h).record.id), { timeout: 10_000, interval: 25 }).toContain(neighbours.id);
    expect(hitsAt('/police-hears').map((h) => payloadOf(h).record.id)).toEqual([polices.id]);
    expect(hitsAt('/other-hears').map((h) => payloadOf(h).record.id)).toEqual([neighbours.id]);

    // Once the council shares the person with the police, a change reaches the police's hook.
    const { organisation } = await loadStructure(t);
    await share(council, 'profiles', councils.id, { organisationId: organisation('Demo County Police'), level: 'view' });
    const current = (await council.get(`/api/v1/profiles/${councils.id}`)).json();
    const changed = await council.patch(`/api/v1/profiles/${councils.id}`, { version: current.version, keyInformation: 'Prefers contact by letter' });
    expect(changed.statusCode, changed.body).toBe(200);
    await expect.poll(() => hitsAt('/police-hears').map((h) => `${payloadOf(h).event} ${payloadOf(h).record.id}`), { timeout: 10_000, interval: 25 })
      .toContain(`profile.changed ${councils.id}`);
    expect(hitsAt('/other-hears')).toHaveLength(1);
    await policeAdmin.delete(`/api/v1/webhooks/${police1.id}`);
    await other.delete(`/api/v1/webhooks/${otherHook.id}`);
  });

  it('sends a report only where its content may be read, and a task to the organisations it is set by or for', async () => {
    const { organisation, team } = await loadStructure(t);
    const policeHook = await createHook(policeAdmin, '/work-police', ['report.created', 'task.assigned', 'task.completed']);
    const councilHook = await createHook(councilAdmin, '/work-council', ['report.created', 'task.assigned', 'task.completed']);
    const person = await createProfile(police);
    await share(police, 'profiles', person.id, { organisationId: organisation('Demo District Council'), level: 'view' });
    const write = async (visibility: string) => {
      const response = await police.post(`/api/v1/profiles/${person.id}/reports`, { reportType: 'visit', occurredAt: new Date().toISOString(), body: '<p>Visited.</p>', visibility });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    const own = await write('private');
    const teams = await write('team');
    const shared = await write('shared');
    const unshared = await createProfile(police);
    const task = await setTask(police, { assignee: { teamId: team('Demo District Council/Community Safety team').teamId }, record: { kind: 'profile', id: unshared.id } });
    const heard = (path: string) => hitsAt(path).map((h) => `${payloadOf(h).event} ${payloadOf(h).record.id}`);
    // Deliveries run as separate jobs, so they may arrive in any order.
    const sorted = (path: string) => heard(path).sort();
    await expect.poll(() => sorted('/work-police'), { timeout: 10_000, interval: 25 }).toEqual([`report.created ${teams}`, `report.created ${shared}`, `task.assigned ${task.id}`].sort());
    await expect.poll(() => sorted('/work-council'), { timeout: 10_000, interval: 25 }).toEqual([`report.created ${shared}`, `task.assigned ${task.id}`].sort());
    expect(heard('/work-police').join()).not.toContain(own);
    await policeAdmin.delete(`/api/v1/webhooks/${policeHook.id}`);
    await councilAdmin.delete(`/api/v1/webhooks/${councilHook.id}`);
  });

  it('sends nothing for a change that rolled back', async () => {
    const hook = await createHook(policeAdmin, '/rolled-back');
    const kept = await createProfile(police);
    await waitForHits('/rolled-back', 1);
    const system = { actor: null, origin: { ip: null } };
    await expect(t.app.platform.runner.run(system, async (ctx) => {
      ctx.hook('profile.created', kept.id);
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    const { rows: [outbox] } = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from webhook_outbox`);
    expect(outbox!.n).toBe(0);
    const after = await createProfile(police);
    await expect.poll(() => hitsAt('/rolled-back').map((h) => payloadOf(h).record.id), { timeout: 10_000, interval: 25 }).toEqual([kept.id, after.id]);
    await policeAdmin.delete(`/api/v1/webhooks/${hook.id}`);
  });
});

describe('the delivery log', () => {
  it('forgets finished attempts after 30 days', async () => {
    const hook = await createHook(policeAdmin, '/old');
    await createProfile(police);
    await expect.poll(async () => (await deliveries(policeAdmin, hook.id))[0]?.status, { timeout: 10_000, interval: 25 }).toBe('delivered');
    await t.database.db.execute(sql`update webhook_deliveries set created_at = now() - interval '31 days' where webhook_id = ${hook.id}`);
    const swept = await sweepWebhooks(t.app.platform);
    expect(swept.pruned).toBeGreaterThanOrEqual(1);
    expect(await deliveries(policeAdmin, hook.id)).toHaveLength(0);
    await policeAdmin.delete(`/api/v1/webhooks/${hook.id}`);
  });
});

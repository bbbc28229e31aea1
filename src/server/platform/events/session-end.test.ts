import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAs } from '../../test/fixtures.ts';
import { clientAgent } from '../auth/portal-sessions.fixtures.ts';
import { endAccessSessions, endPortalSession } from '../auth/portal-sessions.ts';
import { makeAgent, startTestApp, type Agent, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await startTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

/** Opens the live update stream with an agent's session and collects its event names. */
function openStream(agent: Agent, path = '/api/v1/events'): Promise<{ events: string[]; closed: Promise<void>; close: () => void }> {
  const cookie = Object.entries(agent.cookies).map(([k, v]) => `${k}=${v}`).join('; ');
  return new Promise((resolve, reject) => {
    request(`${base}${path}`, { headers: { cookie } }, (response: IncomingMessage) => {
      const events: string[] = [];
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        for (const line of chunk.split('\n')) if (line.startsWith('event: ')) events.push(line.slice(7));
      });
      const closed = new Promise<void>((done) => response.on('close', () => done()));
      resolve({ events, closed, close: () => response.destroy() });
    }).on('error', reject).end();
  });
}

const until = async (check: () => boolean, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};

async function signedIn(email: string, password: string, secret: string): Promise<Agent> {
  const agent = makeAgent(t.app);
  const response = await agent.post('/api/v1/auth/sign-in', { email, password, totp: await t.code(email, secret) });
  expect(response.statusCode).toBe(200);
  return agent;
}

describe('ending sessions reaches open screens', () => {
  it('tells only the sessions that ended, and a disabled user at once', async () => {
    const { id, email, password } = await createUserAs(t, 'police.asb.lead@concord.test', { name: 'Two Devices' });
    const first = makeAgent(t.app);
    await first.post('/api/v1/auth/sign-in', { email, password });
    const { secret } = (await first.get('/api/v1/auth/enrolment')).json();
    await first.post('/api/v1/auth/enrolment', { totp: await t.code(email, secret) });
    const laptop = first;
    const phone = await signedIn(email, password, secret);

    const laptopStream = await openStream(laptop);
    const phoneStream = await openStream(phone);
    await until(() => laptopStream.events.includes('ready') && phoneStream.events.includes('ready'));

    // Changing the password on the laptop signs the phone out, and only the phone.
    expect((await laptop.post('/api/v1/account/password', { currentPassword: password, newPassword: 'a new long passphrase' })).statusCode).toBe(204);
    await phoneStream.closed;
    expect(phoneStream.events).toContain('session.ended');
    await new Promise((r) => setTimeout(r, 200));
    expect(laptopStream.events).not.toContain('session.ended');
    expect((await laptop.get('/api/v1/me')).statusCode).toBe(200);

    // Disabling the account ends the laptop's session too, and its screen is told at once.
    const admin = await t.as('police.asb.lead@concord.test');
    const { version } = (await admin.get(`/api/v1/users/${id}`)).json();
    expect((await admin.post(`/api/v1/users/${id}/disable`, { version, reason: 'Left' })).statusCode).toBe(200);
    await laptopStream.closed;
    expect(laptopStream.events).toContain('session.ended');
  });

  it('sends a user only the events meant for them', async () => {
    const council = await t.as('council.asb@concord.test');
    const stream = await openStream(council);
    await until(() => stream.events.includes('ready'));
    const admin = await t.as('admin@concord.test');
    const teams = (await admin.get('/api/v1/teams?limit=200')).json().items as { id: string; name: string; organisation: { name: string }; version: number }[];
    const policeTeam = teams.find((x) => x.organisation.name === 'Demo County Police' && x.name === 'IOM team')!;
    const councilTeam = teams.find((x) => x.organisation.name === 'Demo District Council' && x.name === 'Environmental Health')!;
    await admin.patch(`/api/v1/teams/${policeTeam.id}`, { version: policeTeam.version, name: 'IOM team (renamed)' });
    await admin.patch(`/api/v1/teams/${councilTeam.id}`, { version: councilTeam.version, name: 'Environmental Health (renamed)' });
    await until(() => stream.events.includes('team.changed'));
    await new Promise((r) => setTimeout(r, 200));
    expect(stream.events.filter((e) => e === 'team.changed')).toHaveLength(1);
    stream.close();
  });

  it('ends a client\'s portal stream only when its own session ends, and every one when their access ends', async () => {
    const phone = await clientAgent(t);
    const laptop = await clientAgent(t, { accessId: phone.accessId });
    const phoneStream = await openStream(phone.agent, '/api/v1/portal/events');
    const laptopStream = await openStream(laptop.agent, '/api/v1/portal/events');
    await until(() => phoneStream.events.includes('ready') && laptopStream.events.includes('ready'));
    const tell = (reason: string) => t.app.platform.events.publish([{ type: 'session.ended', audience: { clientIds: [phone.accessId] }, data: { reason } }]);

    await t.database.db.transaction((tx) => endPortalSession(tx, phone.tokenHash, 'signed_out'));
    await tell('signed_out');
    await phoneStream.closed;
    expect(phoneStream.events).toContain('session.ended');
    await new Promise((r) => setTimeout(r, 200));
    expect(laptopStream.events).not.toContain('session.ended');

    await t.database.db.transaction((tx) => endAccessSessions(tx, phone.accessId, 'access_ended'));
    await tell('access_ended');
    await laptopStream.closed;
    expect(laptopStream.events).toContain('session.ended');
  });

  it('keeps a staff session off the portal\'s stream', async () => {
    const staff = await t.as('police.asb@concord.test');
    expect((await staff.get('/api/v1/portal/events')).statusCode).toBe(401);
  });
});

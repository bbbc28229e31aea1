import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { createProfile, emails, loadStructure, share } from '../sharing/records.fixtures.ts';
import { inviteClient, signInClient } from './portal.fixtures.ts';

/** Ending access or a session reaches the screens still open, and callers' mistakes are never a 500. */

let t: TestApp;
let base: string;
let police: Agent;
let communitySafety: string;

beforeAll(async () => {
  t = await startTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  communitySafety = (await loadStructure(t)).team('Demo District Council/Community Safety team').teamId;
  police = await t.as(emails.police);
});
afterAll(() => t.close());

let clients = 0;

async function invitedAndSignedIn(endWithCaseId?: string) {
  const person = await createProfile(police, { roles: ['victim'] });
  await share(police, 'profiles', person.id, { teamId: communitySafety, level: 'view' });
  const email = `review.client${++clients}@example.test`;
  await inviteClient(t, police, person.id, { email, ...(endWithCaseId ? { endWithCaseId } : {}) });
  return { person, email, client: await signInClient(t, { email }) };
}

/** Opens the portal's live stream with the client's cookie and collects its event names. */
function openStream(agent: Agent): Promise<{ events: string[]; closed: Promise<void>; isClosed: () => boolean; close: () => void }> {
  const cookie = Object.entries(agent.cookies).map(([k, v]) => `${k}=${v}`).join('; ');
  return new Promise((resolve, reject) => {
    request(`${base}/api/v1/portal/events`, { headers: { cookie } }, (response: IncomingMessage) => {
      const events: string[] = [];
      let ended = false;
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        for (const line of chunk.split('\n')) if (line.startsWith('event: ')) events.push(line.slice(7));
      });
      const closed = new Promise<void>((done) => response.on('close', () => {
        ended = true;
        done();
      }));
      resolve({ events, closed, isClosed: () => ended, close: () => response.destroy() });
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

describe('ending a client\'s access reaches their open portal page at once', () => {
  it('when a practitioner ends it', async () => {
    const { person, client } = await invitedAndSignedIn();
    const stream = await openStream(client);
    await until(() => stream.events.includes('ready'));
    expect((await police.delete(`/api/v1/profiles/${person.id}/portal-access`)).statusCode).toBe(200);
    await stream.closed;
    expect(stream.events).toContain('session.ended');
  });

  it('when the case it was tied to closes', async () => {
    const kase = (await police.post('/api/v1/cases', { caseType: 'ASB', title: 'Review case' })).json();
    const person = await createProfile(police, { roles: ['victim'] });
    expect((await police.post(`/api/v1/cases/${kase.id}/profiles`, { profileId: person.id, role: 'vulnerable_person' })).statusCode).toBe(201);
    const email = `review.client${++clients}@example.test`;
    await inviteClient(t, police, person.id, { email, endWithCaseId: kase.id });
    const client = await signInClient(t, { email });
    const stream = await openStream(client);
    await until(() => stream.events.includes('ready'));
    const closed = await police.post(`/api/v1/cases/${kase.id}/close`, { version: kase.version, outcome: 'Resolved', reason: 'Moved away' });
    expect(closed.statusCode, closed.body).toBe(200);
    await stream.closed;
    expect(stream.events).toContain('session.ended');
  });

  it('when the profile is merged into another', async () => {
    const survivor = await createProfile(police, { roles: ['victim'] });
    const { person, client } = await invitedAndSignedIn();
    const stream = await openStream(client);
    await until(() => stream.events.includes('ready'));
    const said = await client.post('/api/v1/portal/messages', { body: 'Before the merge' });
    expect(said.statusCode, said.body).toBe(201);
    await police.request('PUT', `/api/v1/profiles/${person.id}/safety-plan`, { steps: ['Keep the phone charged'], emergencyContacts: [] });
    const merged = await (await t.as(emails.lead)).post(`/api/v1/profiles/${survivor.id}/merge`, { duplicateId: person.id, reason: 'The same person' });
    expect(merged.statusCode, merged.body).toBe(200);
    await stream.closed;
    expect(stream.events).toContain('session.ended');
    // The conversation and the plan follow the person, for the team that held them.
    const conversation = await police.get(`/api/v1/profiles/${survivor.id}/portal/messages`);
    expect(conversation.statusCode, conversation.body).toBe(200);
    expect(conversation.json().items.map((m: { body: string }) => m.body)).toEqual(['Before the merge']);
    expect((await police.get(`/api/v1/profiles/${survivor.id}/safety-plan`)).json()).toMatchObject({ steps: ['Keep the phone charged'] });
  });

  it('when the client signs out, in every tab of that session, and in no other session', async () => {
    const { email, client } = await invitedAndSignedIn();
    const otherDevice = await openStream(await signInClient(t, { email }));
    const otherTab = await openStream(client);
    await until(() => otherTab.events.includes('ready') && otherDevice.events.includes('ready'));
    expect((await client.post('/api/v1/portal/sign-out')).statusCode).toBe(204);
    // The other tab's page is told, so it stops showing the conversation on a shared device.
    await until(otherTab.isClosed, 2000);
    expect(otherTab.events).toContain('session.ended');
    await new Promise((r) => setTimeout(r, 200));
    expect(otherDevice.isClosed()).toBe(false);
    expect(otherDevice.events).not.toContain('session.ended');
    otherDevice.close();
  });
});

describe('a caller\'s mistakes are answered 4xx, never 500', () => {
  it('on the client\'s uploads and pages', async () => {
    const { client } = await invitedAndSignedIn();
    const bad = [
      await client.post('/api/v1/portal/attachments?fileName=a.pdf', { not: 'a file' }),
      await client.request('POST', '/api/v1/portal/attachments?fileName=a.pdf', Buffer.alloc(0), { 'content-type': 'application/octet-stream' }),
      await client.request('POST', '/api/v1/portal/attachments', Buffer.from('%PDF-1.4'), { 'content-type': 'application/octet-stream' }),
      await client.get('/api/v1/portal/messages?cursor=garbage'),
      await client.get('/api/v1/portal/messages?limit=0'),
      await client.get('/api/v1/portal/attachments/not-an-id'),
      await client.post('/api/v1/portal/messages/read', { upTo: 'not-an-id' }),
      await client.post('/api/v1/portal/appointments/not-an-id/rearrange', { reason: 'x' }),
      await client.post('/api/v1/portal/tasks/not-an-id/done'),
      await client.get('/api/v1/portal/documents/not-an-id/file'),
    ];
    for (const response of bad) expect(response.statusCode, `${response.statusCode} ${response.body}`).toBeLessThan(500);
    for (const response of bad) expect(response.statusCode).toBeGreaterThanOrEqual(400);
  });

  it('on the staff side', async () => {
    const { person } = await invitedAndSignedIn();
    const path = `/api/v1/profiles/${person.id}`;
    const bad = [
      await police.get(`${path}/portal/messages?cursor=garbage`),
      await police.post(`${path}/portal/attachments?fileName=a.pdf`, { not: 'a file' }),
      await police.get(`${path}/portal/attachments/not-an-id`),
      await police.post(`${path}/appointments`, { startsAt: 'tomorrow', place: 'x', withWhom: 'y' }),
      await police.post(`${path}/appointments`, { startsAt: '2999-01-01T10:00:00Z', endsAt: '2999-01-01T09:00:00Z', place: 'x', withWhom: 'y' }),
      await police.request('PATCH', '/api/v1/appointments/not-an-id', { version: 1 }),
      await police.request('PUT', `${path}/portal/documents/not-an-id`),
      await police.request('PUT', `${path}/safety-plan`, { steps: 'not a list', emergencyContacts: [] }),
      await police.post(`${path}/portal-access`, { email: 'someone@example.test', endWithCaseId: 'not-an-id' }),
    ];
    for (const response of bad) expect(response.statusCode, `${response.statusCode} ${response.body}`).toBeLessThan(500);
    for (const response of bad) expect(response.statusCode).toBeGreaterThanOrEqual(400);
  });
});

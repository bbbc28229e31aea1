import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../platform/events/types.ts';
import { storedAuditEvents } from '../../test/audit.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { inviteClient, signInClient } from '../portal/portal.fixtures.ts';
import { createProfile, emails, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { userId } from '../tasks/tasks.fixtures.ts';
import { clientOf, conversation, send, staffPath, type Structure } from './messages.fixtures.ts';

let t: TestApp;
let structure: Structure;
const events: DomainEvent[] = [];
beforeAll(async () => {
  t = await startTestApp();
  structure = await loadStructure(t);
  t.app.platform.events.subscribe((event) => void events.push(event));
});
afterAll(() => t.close());

describe('the conversation', () => {
  it('goes both ways, newest first, and pages back', async () => {
    const { person, client } = await clientOf(t, structure);
    const police = await t.as(emails.police);
    const lead = await t.as(emails.lead);

    const first = await send(client, '/api/v1/portal/messages', '  I am scared to go out tonight.  ');
    expect(first).toMatchObject({ sender: 'client', author: { name: person.firstName }, body: 'I am scared to go out tonight.', readAt: null, attachments: [] });
    const reply = await send(police, staffPath(person.id), 'We will call you at six.');
    expect(reply).toMatchObject({ sender: 'staff', author: { name: 'Tom Wright' }, body: 'We will call you at six.', readAt: null });

    for (const page of [await conversation(client, '/api/v1/portal/messages'), await conversation(lead, staffPath(person.id))]) {
      expect(page.items.map((m) => m.body)).toEqual(['We will call you at six.', 'I am scared to go out tonight.']);
    }
    const one = await conversation(police, `${staffPath(person.id)}?limit=1`);
    expect(one.items.map((m) => m.id)).toEqual([reply.id]);
    const older = await conversation(police, `${staffPath(person.id)}?limit=1&cursor=${one.nextCursor}`);
    expect(older).toEqual({ items: [expect.objectContaining({ id: first.id })], nextCursor: null });
    expectError(await police.get(`${staffPath(person.id)}?cursor=bm90LWEtY3Vyc29y`), 422, 'validation_failed');

    const listed = await storedAuditEvents(t, { entityId: person.id, action: 'messages.listed' });
    expect(listed[0]!.details).toMatchObject({ profileId: person.id, side: 'staff', count: 1, messageIds: [first.id] });
    const [sent] = await storedAuditEvents(t, { entityId: reply.id, action: 'message.sent' });
    expect(sent!.details).toEqual({ profileId: person.id, sender: 'staff', attachmentIds: [] });
  });

  it('keeps the words sealed at rest, out of the audit trail and out of live events', async () => {
    const { person, client } = await clientOf(t, structure);
    const police = await t.as(emails.police);
    const words = 'He came back to the flat on Tuesday';
    const from = await send(client, '/api/v1/portal/messages', words);
    await send(police, staffPath(person.id), 'Thank you for telling us');

    const { rows } = await t.database.pool.query('select * from messages where profile_id = $1', [person.id]);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.sealed_body).toMatch(/^e1\./);
    expect(JSON.stringify(rows)).not.toContain('flat on Tuesday');
    expect(JSON.stringify(rows)).not.toContain('Thank you for telling');
    const trail = await storedAuditEvents(t, { limit: 100 });
    expect(JSON.stringify(trail)).not.toContain('flat on Tuesday');

    const heard = events.filter((e) => e.type === 'message.sent' && e.data.messageId === from.id);
    expect(heard).toEqual([{
      type: 'message.sent',
      audience: { clientIds: [expect.any(String)], teamIds: [structure.team('Demo County Police/ASB team').teamId] },
      data: { profileId: person.id, messageId: from.id, sender: 'client' },
    }]);
  });

  it('is sent once however often it is retried with the same Idempotency-Key, keeping neither the words nor a bare hash of them', async () => {
    const { person, client } = await clientOf(t, structure);
    const police = await t.as(emails.police);
    const words = 'Can we meet on Thursday instead?';
    const key = `retry-${person.id}`;
    const first = await client.post('/api/v1/portal/messages', { body: words }, { 'idempotency-key': key });
    const again = await client.post('/api/v1/portal/messages', { body: words }, { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(201);
    expect({ status: again.statusCode, replayed: again.headers['idempotent-replayed'], body: again.json() }).toEqual({ status: 201, replayed: 'true', body: first.json() });
    expect((await conversation(police, staffPath(person.id))).items.filter((m) => m.body === words)).toHaveLength(1);
    const { rows } = await t.database.pool.query<{ response_body: string; request_hash: string }>('select response_body, request_hash from idempotency_keys where key = $1', [key]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.response_body).not.toContain(words);
    const bare = (sent: object) => createHash('sha256').update(`POST /api/v1/portal/messages\n${JSON.stringify(sent)}`).digest('hex');
    expect([bare({ body: words }), bare({ body: words, attachmentIds: [] })]).not.toContain(rows[0]!.request_hash);
  });

  it('refuses blank and overlong messages', async () => {
    const { person, client } = await clientOf(t, structure);
    const police = await t.as(emails.police);
    expectError(await client.post('/api/v1/portal/messages', { body: '   ' }), 422, 'validation_failed');
    expectError(await police.post(staffPath(person.id), { body: 'x'.repeat(4001) }), 422, 'validation_failed');
    expectError(await police.post(staffPath(person.id), { body: 'Hello', words: 'extra' }), 422, 'validation_failed');
  });
});

describe('who may read and send', () => {
  it('is the team that holds the conversation: another team that may open the person is refused, another organisation has no access, the other partnership finds nothing', async () => {
    const { person, client } = await clientOf(t, structure);
    const message = await send(client, '/api/v1/portal/messages', 'Hello');
    const council = await t.as(emails.council);
    const housing = await t.as(emails.housing);
    const other = await t.as(emails.other);

    expect((await council.get(`/api/v1/profiles/${person.id}`)).statusCode).toBe(200);
    expectError(await council.get(staffPath(person.id)), 403, 'forbidden');
    expectError(await council.post(staffPath(person.id), { body: 'Hello from the council' }), 403, 'forbidden');
    expectError(await council.post(staffPath(person.id, 'messages/read'), { upTo: message.id }), 403, 'forbidden');
    const refusals = await storedAuditEvents(t, { entityId: person.id, action: 'access.refused' });
    expect(refusals[0]).toMatchObject({ outcome: 'refused', details: { why: 'not the team that holds the client\'s conversation', need: 'open' } });

    for (const [agent, status, code] of [[housing, 403, 'no_access'], [other, 404, 'not_found']] as const) {
      expectError(await agent.get(staffPath(person.id)), status, code);
      expectError(await agent.post(staffPath(person.id), { body: 'Hello' }), status, code);
      expectError(await agent.post(staffPath(person.id, 'messages/read'), { upTo: message.id }), status, code);
      expectError(await agent.get(staffPath(person.id, `attachments/${message.id}`)), status, code);
    }
    expect((await conversation(await t.as(emails.police), staffPath(person.id))).items).toHaveLength(1);
  });

  it('keeps a client\'s session off the staff side and a practitioner\'s off the client side', async () => {
    const { person, client } = await clientOf(t, structure);
    const police = await t.as(emails.police);
    expectError(await client.get(staffPath(person.id)), 401, 'unauthenticated');
    expectError(await police.get('/api/v1/portal/messages'), 401, 'unauthenticated');
    expectError(await police.post('/api/v1/portal/messages', { body: 'As the client' }), 401, 'unauthenticated');
  });

  it('answers an empty conversation for a person never invited, and sending there is a conflict', async () => {
    const police = await t.as(emails.police);
    const person = await createProfile(police);
    expect(await conversation(police, staffPath(person.id))).toEqual({ items: [], nextCursor: null });
    const refused = await police.post(staffPath(person.id), { body: 'Hello' });
    expectError(refused, 409, 'conflict');
    expect(refused.json().error.message).toBe('This person has no portal access now.');
  });

  it('keeps an ended access\'s messages for its team; a new access starts the client afresh', async () => {
    const { person, email, client } = await clientOf(t, structure);
    const police = await t.as(emails.police);
    const before = await send(client, '/api/v1/portal/messages', 'Before it ended');
    expect((await police.delete(`/api/v1/profiles/${person.id}/portal-access`)).statusCode).toBeLessThan(300);

    expectError(await police.post(staffPath(person.id), { body: 'Are you there?' }), 409, 'conflict');
    expect((await conversation(police, staffPath(person.id))).items.map((m) => m.id)).toEqual([before.id]);

    await inviteClient(t, police, person.id, { email });
    const again = await signInClient(t, { email });
    expect((await conversation(again, '/api/v1/portal/messages')).items).toEqual([]);
    const after = await send(police, staffPath(person.id), 'Welcome back');
    expect((await conversation(again, '/api/v1/portal/messages')).items.map((m) => m.id)).toEqual([after.id]);
    expect((await conversation(police, staffPath(person.id))).items.map((m) => m.id)).toEqual([after.id, before.id]);
  });
});

describe('clients apart', () => {
  it('never shows one client another\'s messages, nor lets them mark them read', async () => {
    const a = await clientOf(t, structure);
    const b = await clientOf(t, structure);
    const police = await t.as(emails.police);
    const fromA = await send(a.client, '/api/v1/portal/messages', 'Only for my keyworker');
    const toA = await send(police, staffPath(a.person.id), 'Only for A');

    expect((await conversation(b.client, '/api/v1/portal/messages')).items).toEqual([]);
    expectError(await b.client.post('/api/v1/portal/messages/read', { upTo: toA.id }), 404, 'not_found');
    expectError(await b.client.post('/api/v1/portal/messages/read', { upTo: fromA.id }), 404, 'not_found');
    expect((await conversation(a.client, '/api/v1/portal/messages')).items.map((m) => m.readAt)).toEqual([null, null]);
    // Another person's id in a staff path is the same conversation rule: B's profile holds none of A's.
    expect((await conversation(police, staffPath(b.person.id))).items).toEqual([]);
  });
});

describe('read receipts', () => {
  it('marks the other side\'s messages read up to one, recording who on the team read them', async () => {
    const { person, client } = await clientOf(t, structure);
    const police = await t.as(emails.police);
    const lead = await t.as(emails.lead);
    const one = await send(client, '/api/v1/portal/messages', 'One');
    const two = await send(client, '/api/v1/portal/messages', 'Two');
    const three = await send(client, '/api/v1/portal/messages', 'Three');

    const read = await lead.post(staffPath(person.id, 'messages/read'), { upTo: two.id });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({ read: 2 });
    expect((await police.post(staffPath(person.id, 'messages/read'), { upTo: two.id })).json()).toEqual({ read: 0 });
    const { rows } = await t.database.pool.query('select id, read_by from messages where profile_id = $1 order by id', [person.id]);
    const leadId = await userId(t, emails.lead);
    expect(rows).toEqual([{ id: one.id, read_by: leadId }, { id: two.id, read_by: leadId }, { id: three.id, read_by: null }]);
    const seen = await conversation(client, '/api/v1/portal/messages');
    expect(seen.items.map((m) => m.readAt !== null)).toEqual([false, true, true]);

    const reply = await send(police, staffPath(person.id), 'Read you');
    // Up to their own message: only the team's messages before it are marked, so none yet.
    expect((await client.post('/api/v1/portal/messages/read', { upTo: three.id })).json()).toEqual({ read: 0 });
    expect((await client.post('/api/v1/portal/messages/read', { upTo: reply.id })).json()).toEqual({ read: 1 });
    expect((await conversation(police, staffPath(person.id))).items[0]).toMatchObject({ id: reply.id, readAt: expect.any(String) });

    const heard = events.filter((e) => e.type === 'messages.read' && e.data.profileId === person.id);
    expect(heard.map((e) => e.data)).toEqual([
      { profileId: person.id, upTo: two.id, reader: 'staff' },
      { profileId: person.id, upTo: reply.id, reader: 'client' },
    ]);
    const [audited] = await storedAuditEvents(t, { entityId: person.id, action: 'messages.read' });
    expect(audited!.details).toEqual({ profileId: person.id, side: 'staff', upTo: two.id, count: 0 });
    expectError(await police.post(staffPath(person.id, 'messages/read'), { upTo: '0190a000-0000-7000-8000-000000000000' }), 404, 'not_found');
  });
});

describe('the timeline', () => {
  it('shows each message to the team that holds the conversation, with no words, and a stub to others', async () => {
    const { person, client } = await clientOf(t, structure);
    const police = await t.as(emails.police);
    const council = await t.as(emails.council);
    const from = await send(client, '/api/v1/portal/messages', 'Words that stay sealed');
    const to = await send(police, staffPath(person.id), 'A reply that stays sealed');

    const timeline = async (agent: typeof police) => {
      const response = await agent.get(`/api/v1/profiles/${person.id}/timeline?kinds=message`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().items as Record<string, unknown>[];
    };
    const team = { id: structure.team('Demo County Police/ASB team').teamId, name: 'ASB team' };
    expect(await timeline(police)).toEqual([
      expect.objectContaining({
        id: `message:${to.id}`, kind: 'message', label: 'Message to the client', readable: true, team,
        author: expect.objectContaining({ name: 'Tom Wright' }), detail: { kind: 'message', messageId: to.id, sender: 'staff' },
      }),
      expect.objectContaining({
        id: `message:${from.id}`, kind: 'message', label: 'Message from the client', readable: true,
        author: { team, organisation: expect.objectContaining({ name: 'Demo County Police' }) }, detail: { kind: 'message', messageId: from.id, sender: 'client' },
      }),
    ]);
    const stubs = await timeline(council);
    expect(stubs.map((e) => [e.readable, e.restricted, e.author])).toEqual([
      [false, true, { team, organisation: expect.any(Object) }],
      [false, true, { team, organisation: expect.any(Object) }],
    ]);
    expect(JSON.stringify([...stubs, ...(await timeline(police))])).not.toContain('sealed');
  });
});

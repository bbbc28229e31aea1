import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedAuditEvents } from '../../test/audit.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { emails, enrolledUser, loadStructure } from '../sharing/records.fixtures.ts';
import { userId } from '../tasks/tasks.fixtures.ts';
import { noticesOf, putPlan } from '../victim-care/victim-care.fixtures.ts';
import { clientOf, newMessageEmails, send, staffPath, type Structure } from './messages.fixtures.ts';

let t: TestApp;
let structure: Structure;
beforeAll(async () => {
  t = await startTestApp();
  structure = await loadStructure(t);
});
afterAll(() => t.close());

describe('telling the team', () => {
  it('gives the keyworker one notice per client until they read it, naming nobody', async () => {
    const { person, client } = await clientOf(t, structure);
    for (const body of ['One', 'Two', 'Three']) await send(client, '/api/v1/portal/messages', body);
    const notices = await noticesOf(t, emails.police, 'client_message', person.id);
    expect(notices).toEqual([{ message: 'A client sent a new message.', link: `/profiles/${person.id}?section=portal` }]);
    expect(await noticesOf(t, emails.lead, 'client_message', person.id)).toEqual([]);

    await t.database.pool.query('update notifications set read_at = now() where user_id = $1 and record_id = $2', [await userId(t, emails.police), person.id]);
    await send(client, '/api/v1/portal/messages', 'Four');
    expect(await noticesOf(t, emails.police, 'client_message', person.id)).toHaveLength(2);
  });

  it('tells the team\'s members when the keyworker has left the team', async () => {
    const keyworker = await enrolledUser(t, emails.lead, { name: 'Kim Keyworker', role: 'practitioner', teamId: structure.team('Demo County Police/ASB team').teamId });
    const { person, client } = await clientOf(t, structure, keyworker.agent);
    await t.database.pool.query('update users set team_id = $1 where id = $2', [structure.team('Demo District Council/Community Safety team').teamId, keyworker.id]);
    await send(client, '/api/v1/portal/messages', 'Is anyone there?');
    expect(await noticesOf(t, emails.police, 'client_message', person.id)).toHaveLength(1);
    expect(await noticesOf(t, emails.lead, 'client_message', person.id)).toHaveLength(1);
    expect(await noticesOf(t, keyworker.email, 'client_message', person.id)).toEqual([]);
  });
});

describe('telling the client', () => {
  it('sends one email for a burst of messages, and another once they have read them', async () => {
    const { person, email, client } = await clientOf(t, structure);
    const police = await t.as(emails.police);
    const first = await send(police, staffPath(person.id), 'One');
    await send(police, staffPath(person.id), 'Two');
    const third = await send(police, staffPath(person.id), 'Three');
    const told = await newMessageEmails(t, email);
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toBe('You have a new message. Sign in to read it: http://concord.test/portal');
    expect(told[0]!.body).not.toContain('One');
    const [audited] = await storedAuditEvents(t, { entityId: first.id, action: 'message.client_told' });
    expect(audited!.details).toEqual({ profileId: person.id, channel: 'email', withheld: [] });
    expect(await storedAuditEvents(t, { entityId: third.id, action: 'message.client_told' })).toEqual([]);

    expect((await client.post('/api/v1/portal/messages/read', { upTo: third.id })).json()).toEqual({ read: 3 });
    await send(police, staffPath(person.id), 'Four');
    expect(await newMessageEmails(t, email)).toHaveLength(2);
  });

  it('sends nothing by a channel the contact plan does not mark safe, and records that it was withheld', async () => {
    const { person, email } = await clientOf(t, structure);
    const police = await t.as(emails.police);
    await putPlan(police, person.id, { safeToEmail: false, safeToText: false });
    const first = await send(police, staffPath(person.id), 'One');
    const second = await send(police, staffPath(person.id), 'Two');
    expect(await newMessageEmails(t, email)).toEqual([]);
    for (const message of [first, second]) {
      const [audited] = await storedAuditEvents(t, { entityId: message.id, action: 'message.client_told' });
      expect(audited!.details).toEqual({ profileId: person.id, channel: null, withheld: ['email'] });
    }

    await putPlan(police, person.id, { safeToEmail: true });
    await send(police, staffPath(person.id), 'Three');
    expect(await newMessageEmails(t, email)).toHaveLength(1);
  });
});

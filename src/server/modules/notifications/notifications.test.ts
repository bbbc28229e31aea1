import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundMessages } from '../../db/schema/index.ts';
import { encodeCursor } from '../../platform/cursor.ts';
import { latestEmailTo } from '../../test/fixtures.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, createRecord, emails, enrolledUser, expectError, loadStructure, share } from '../sharing/records.fixtures.ts';
import { deliverNotificationEmails } from './delivery.ts';
import { digestTime } from './digest-time.ts';
import { notify } from './notify.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;
let councilTeam: string;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
  councilTeam = place.team('Demo District Council/Community Safety team').teamId;
});
afterAll(() => t.close());

interface Item { id: string; kind: string; message: string; link: string; record: { kind: string; id: string } | null; readAt: string | null }
const mine = async (agent: Agent, query = '') => (await agent.get(`/api/v1/notifications${query}`)).json().items as Item[];
const about = async (agent: Agent, id: string) => (await mine(agent)).filter((n) => n.record?.id === id);
const unread = async (agent: Agent) => (await agent.get('/api/v1/notifications/unread-count')).json().count as number;
const follow = async (agent: Agent, path: string) => expect((await agent.request('PUT', `${path}/interest`, {})).statusCode).toBe(200);
const emailsTo = (to: string) => t.database.db.select().from(outboundMessages).where(and(eq(outboundMessages.recipient, to), eq(outboundMessages.channel, 'email')));

async function changeProfile(agent: Agent, id: string, fields: Record<string, unknown> = { keyInformation: `Seen at ${Math.random()}` }) {
  const { version } = (await agent.get(`/api/v1/profiles/${id}`)).json();
  const response = await agent.patch(`/api/v1/profiles/${id}`, { version, ...fields });
  expect(response.statusCode).toBe(200);
}

/** A police profile shared with the council, which the council officer follows. */
async function followedProfile(firstName = 'Juno', lastName = 'Castellan') {
  const police = await t.as(emails.police);
  const person = await createProfile(police, { firstName, lastName });
  await share(police, 'profiles', person.id, { teamId: councilTeam, level: 'edit' });
  await follow(await t.as(emails.council), `/api/v1/profiles/${person.id}`);
  return person;
}

describe('a watcher is told of changes by others', () => {
  it('a change to a followed profile by someone else, but not one by the watcher', async () => {
    const person = await followedProfile();
    const council = await t.as(emails.council);
    await changeProfile(council, person.id);
    expect(await about(council, person.id)).toEqual([]);

    await changeProfile(await t.as(emails.police), person.id);
    const [notice] = await about(council, person.id);
    expect(notice).toMatchObject({ kind: 'record_changed', link: `/profiles/${person.id}`, record: { kind: 'profile', id: person.id }, readAt: null });
    expect(notice!.message).toBe('A change was made on a profile you follow.');
    expect(notice!.message).not.toMatch(/Juno|Castellan/);
    expect(await about(await t.as(emails.police), person.id)).toEqual([]);
  });

  it('one unread notice per record; after reading it, the next change tells again', async () => {
    const person = await followedProfile();
    const council = await t.as(emails.council);
    const police = await t.as(emails.police);
    await changeProfile(police, person.id);
    await changeProfile(police, person.id);
    const notices = await about(council, person.id);
    expect(notices).toHaveLength(1);
    expect((await council.post(`/api/v1/notifications/${notices[0]!.id}/read`)).json().readAt).not.toBeNull();
    await changeProfile(police, person.id);
    expect(await about(council, person.id)).toHaveLength(2);
  });

  it('changes to and additions on a followed case', async () => {
    const police = await t.as(emails.police);
    const caseId = await createRecord(police, 'cases');
    await share(police, 'cases', caseId, { teamId: councilTeam, level: 'view' });
    const council = await t.as(emails.council);
    await follow(council, `/api/v1/cases/${caseId}`);
    const { version } = (await police.get(`/api/v1/cases/${caseId}`)).json();
    expect((await police.patch(`/api/v1/cases/${caseId}`, { version, summary: 'Neighbours report loud music at night' })).statusCode).toBe(200);
    const [first] = await about(council, caseId);
    expect(first).toMatchObject({ kind: 'record_changed', link: `/cases/${caseId}`, message: 'A change was made on a case you follow.' });
    await council.post(`/api/v1/notifications/${first!.id}/read`);

    const person = await createProfile(police);
    expect((await police.post(`/api/v1/cases/${caseId}/profiles`, { profileId: person.id, role: 'witness' })).statusCode).toBe(201);
    expect((await about(council, caseId)).filter((n) => !n.readAt)).toHaveLength(1);
  });

  it('a watcher who can no longer open the record is told nothing', async () => {
    const person = await followedProfile();
    const police = await t.as(emails.police);
    expect((await police.delete(`/api/v1/profiles/${person.id}/access`, { teamId: councilTeam })).statusCode).toBe(200);
    await changeProfile(police, person.id);
    expect(await about(await t.as(emails.council), person.id)).toEqual([]);
  });

  it('a disabled watcher is told nothing', async () => {
    const police = await t.as(emails.police);
    const person = await createProfile(police);
    const { agent, id } = await enrolledUser(t, emails.lead, { name: 'Dee Parted', role: 'practitioner', teamId: place.team('Demo County Police/ASB team').teamId });
    await follow(agent, `/api/v1/profiles/${person.id}`);
    const user = (await (await t.as(emails.lead)).get(`/api/v1/users/${id}`)).json();
    expect((await (await t.as(emails.lead)).post(`/api/v1/users/${id}/disable`, { version: user.version, reason: 'Left the team' })).statusCode).toBe(200);
    await changeProfile(police, person.id);
    const rows = await t.database.pool.query('select count(*)::int as n from notifications where user_id = $1', [id]);
    expect(rows.rows[0].n).toBe(0);
  });
});

describe('notifications are private to their person', () => {
  it('lists, counts and marks only their own; another person\'s cannot be read or marked', async () => {
    const person = await followedProfile();
    await changeProfile(await t.as(emails.police), person.id);
    const council = await t.as(emails.council);
    const [notice] = await about(council, person.id);
    const housing = await t.as(emails.housing);
    expect((await mine(housing)).map((n) => n.id)).not.toContain(notice!.id);
    expectError(await housing.post(`/api/v1/notifications/${notice!.id}/read`), 404, 'not_found');
    expectError(await (await t.as(emails.other)).post(`/api/v1/notifications/${notice!.id}/read`), 404, 'not_found');
    expect((await about(council, person.id))[0]!.readAt).toBeNull();
    expect((await t.anonymous.get('/api/v1/notifications')).statusCode).toBe(401);
  });

  it('unread count, the unread filter, paging and mark all read', async () => {
    const police = await t.as(emails.police);
    const council = await t.as(emails.council);
    await council.post('/api/v1/notifications/read-all');
    expect(await unread(council)).toBe(0);
    const people = [await followedProfile(), await followedProfile(), await followedProfile()];
    for (const person of people) await changeProfile(police, person.id);
    expect(await unread(council)).toBe(3);

    const first = (await council.get('/api/v1/notifications?unread=true&limit=2')).json();
    expect(first.items.map((n: Item) => n.record?.id)).toEqual([people[2]!.id, people[1]!.id]);
    const second = (await council.get(`/api/v1/notifications?unread=true&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((n: Item) => n.record?.id)).toEqual([people[0]!.id]);
    expect(second.nextCursor).toBeNull();
    expectError(await council.get(`/api/v1/notifications?cursor=${encodeCursor(['not-an-id'])}`), 422, 'validation_failed');

    await council.post(`/api/v1/notifications/${first.items[0].id}/read`);
    expect(await unread(council)).toBe(2);
    expect((await mine(council, '?unread=true')).map((n) => n.id)).not.toContain(first.items[0].id);
    expect((await council.post('/api/v1/notifications/read-all')).json()).toEqual({ count: 0 });
    expect(await unread(council)).toBe(0);
    expect((await mine(council)).length).toBeGreaterThanOrEqual(3);
  });
});

describe('email', () => {
  it('goes at once by default, with a link and without the client\'s name', async () => {
    const person = await followedProfile('Ottilie', 'Fairbairn');
    await changeProfile(await t.as(emails.police), person.id);
    await deliverNotificationEmails(t.app.platform);
    const email = await latestEmailTo(t, emails.council);
    expect(email.subject).toBe('A record you follow has changed');
    expect(email.body).toContain('A change was made on a profile you follow.');
    expect(email.body).toContain(`http://concord.test/profiles/${person.id}`);
    expect(`${email.subject} ${email.body}`).not.toMatch(/Ottilie|Fairbairn/);
    const sent = (await emailsTo(emails.council)).length;
    await deliverNotificationEmails(t.app.platform);
    expect((await emailsTo(emails.council)).length).toBe(sent);
  });

  it('a daily digest groups what waited into one email the next morning, once', async () => {
    const { agent, email, id } = await enrolledUser(t, emails.admin, { name: 'Di Gest', role: 'practitioner', teamId: councilTeam });
    expect((await agent.get('/api/v1/notification-preferences')).json()).toEqual({ email: 'immediate' });
    const saved = await agent.request('PUT', '/api/v1/notification-preferences', { email: 'daily_digest' });
    expect(saved.json()).toEqual({ email: 'daily_digest' });
    expect((await agent.get('/api/v1/notification-preferences')).json()).toEqual({ email: 'daily_digest' });
    const police = await t.as(emails.police);
    const people = [await createProfile(police, { firstName: 'Hester', lastName: 'Moorcroft' }), await createProfile(police, { firstName: 'Ivo', lastName: 'Strand' })];
    for (const person of people) {
      await share(police, 'profiles', person.id, { teamId: councilTeam, level: 'view' });
      await follow(agent, `/api/v1/profiles/${person.id}`);
      await changeProfile(police, person.id);
    }
    await deliverNotificationEmails(t.app.platform);
    expect(await emailsTo(email)).toHaveLength(1);

    const tomorrowMorning = new Date(`${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}T09:00:00Z`);
    await deliverNotificationEmails(t.app.platform, tomorrowMorning);
    const digest = await latestEmailTo(t, email);
    expect(digest.subject).toBe('Your Concord digest: 2 notifications');
    for (const person of people) expect(digest.body).toContain(`http://concord.test/profiles/${person.id}`);
    expect(`${digest.subject} ${digest.body}`).not.toMatch(/Hester|Moorcroft|Ivo|Strand/);
    expect(await emailsTo(email)).toHaveLength(2);

    await deliverNotificationEmails(t.app.platform, tomorrowMorning);
    expect(await emailsTo(email)).toHaveLength(2);

    // A reminder falling due cannot wait for the morning, whatever the choice.
    await t.app.platform.runner.run({ actor: null, origin: { ip: null } }, (ctx) => notify(ctx, [{ userId: id, kind: 'action_due', message: 'A reminder you set is due.', link: '/actions' }]));
    await deliverNotificationEmails(t.app.platform);
    expect(await emailsTo(email)).toHaveLength(3);
    expect((await latestEmailTo(t, email)).subject).toBe('A reminder is due');
    expect((await auditOf(t, (await agent.get('/api/v1/me')).json().id, 'notification_preferences.updated'))[0]!.changes).toEqual({ email: { before: 'immediate', after: 'daily_digest' } });
  });

  it('the digest time is 07:00 in London, in summer and in winter', () => {
    expect(digestTime(new Date('2026-07-01T05:59:00Z'))).toBeNull();
    expect(digestTime(new Date('2026-07-01T06:00:00Z'))?.toISOString()).toBe('2026-07-01T06:00:00.000Z');
    expect(digestTime(new Date('2026-12-01T06:59:00Z'))).toBeNull();
    expect(digestTime(new Date('2026-12-01T23:30:00Z'))?.toISOString()).toBe('2026-12-01T07:00:00.000Z');
  });

  it('preferences take only the two choices', async () => {
    expectError(await (await t.as(emails.council)).request('PUT', '/api/v1/notification-preferences', { email: 'weekly' }), 422, 'validation_failed');
  });
});

describe('access requests', () => {
  it('tell the deciders, then the requester, in the app', async () => {
    const person = await createProfile(await t.as(emails.police), { firstName: 'Lorcan', lastName: 'Tighe' });
    const housing = await t.as(emails.housing);
    const request = (await housing.post(`/api/v1/profiles/${person.id}/access-requests`, { reason: 'Tenant' })).json();
    const lead = await t.as(emails.lead);
    const [asked] = (await mine(lead)).filter((n) => n.kind === 'access_requested' && n.link === `/access-requests/${request.id}`);
    expect(asked!.message).toContain('Marcus Bell (Tenancy team) has asked for access to a profile');
    expect(asked!.message).not.toMatch(/Lorcan|Tighe/);
    expect((await mine(await t.as(emails.police))).filter((n) => n.link === `/access-requests/${request.id}`)).toEqual([]);

    await lead.post(`/api/v1/access-requests/${request.id}/refuse`, { reason: 'Not needed' });
    const [decided] = (await mine(housing)).filter((n) => n.kind === 'access_decided');
    expect(decided).toMatchObject({ link: `/access-requests/${request.id}` });
    expect(decided!.message).toContain('was refused by Priya Shah.');
    expect(decided!.message).not.toMatch(/Lorcan|Tighe/);
  });
});

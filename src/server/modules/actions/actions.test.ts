import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { notifications } from '../../db/schema/index.ts';
import type { DomainEvent } from '../../platform/events/types.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, createRecord, emails, enrolledUser, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { reminderMessage, sweepReminders } from './reminders.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;
const ids: Record<string, string> = {};
const events: DomainEvent[] = [];

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
  for (const [key, email] of Object.entries(emails)) ids[key] = (await (await t.as(email)).get('/api/v1/me')).json().id;
  t.app.platform.events.subscribe((event) => void events.push(event));
});
afterAll(() => t.close());

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
const sweep = (at: Date) => sweepReminders(t.app.platform.runner, at);

async function setReminder(agent: Agent, body: Record<string, unknown> = {}) {
  const response = await agent.post('/api/v1/actions', { title: 'Ring Mrs Kit about the noise diary', dueAt: inMinutes(60), ...body });
  if (response.statusCode !== 201) throw new Error(`could not set a reminder: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; version: number; dueAt: string; remindedAt: string | null };
}

const remindersAbout = (actionId: string) => t.database.db
  .select({ userId: notifications.userId, message: notifications.message, link: notifications.link })
  .from(notifications)
  .where(and(eq(notifications.subjectId, actionId), eq(notifications.kind, 'action_due')));

describe('setting and reading reminders', () => {
  it('the setter and the colleague it is shared with see it; nobody else does', async () => {
    const police = await t.as(emails.police);
    const created = await police.post('/api/v1/actions', {
      title: 'Check the CCTV request', notes: 'Ask for Friday night', dueAt: inMinutes(90), recipientIds: [ids.lead, ids.police],
    });
    expect(created.statusCode).toBe(201);
    const action = created.json();
    expect(action).toMatchObject({
      title: 'Check the CCTV request', notes: 'Ask for Friday night', createdBy: { id: ids.police }, recipients: [{ id: ids.lead }],
      record: null, remindedAt: null, doneAt: null, version: 1, permissions: { canChange: true },
    });

    const lead = await t.as(emails.lead);
    const seen = await lead.get(`/api/v1/actions/${action.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().permissions.canChange).toBe(false);
    expect((await lead.get('/api/v1/actions?state=upcoming')).json().items.map((a: { id: string }) => a.id)).toContain(action.id);

    // Same team but not named, another organisation, and the other partnership.
    const policeAdmin = await t.as(emails.policeAdmin);
    expectError(await policeAdmin.get(`/api/v1/actions/${action.id}`), 403, 'forbidden');
    expect((await policeAdmin.get('/api/v1/actions')).json().items.map((a: { id: string }) => a.id)).not.toContain(action.id);
    const council = await t.as(emails.council);
    expectError(await council.get(`/api/v1/actions/${action.id}`), 403, 'forbidden');
    expectError(await council.patch(`/api/v1/actions/${action.id}`, { version: 1, title: 'Mine now' }), 403, 'forbidden');
    expectError(await council.post(`/api/v1/actions/${action.id}/done`, { version: 1 }), 403, 'forbidden');
    expect((await council.get('/api/v1/actions')).json().items).toEqual([]);
    const other = await t.as(emails.other);
    expectError(await other.get(`/api/v1/actions/${action.id}`), 404, 'not_found');
    expectError(await other.patch(`/api/v1/actions/${action.id}`, { version: 1, title: 'Mine now' }), 404, 'not_found');
    expectError(await other.post(`/api/v1/actions/${action.id}/done`, { version: 1 }), 404, 'not_found');
    expect((await other.get('/api/v1/actions')).json().items).toEqual([]);

    const audit = await auditOf(t, action.id);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['action.created', 'action.viewed']));
    expect(audit.filter((a) => a.action === 'action.viewed' && a.actor.id === ids.lead)).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('CCTV');

    await vi.waitFor(() => {
      const told = events.filter((e) => e.type === 'action.changed' && e.data.id === action.id);
      expect(told[0]?.audience.userIds?.sort()).toEqual([ids.police, ids.lead].sort());
    });
  });

  it('a user of another team of the same organisation cannot read it either', async () => {
    const iom = place.team('Demo County Police/IOM team');
    const colleague = await enrolledUser(t, emails.policeAdmin, { name: 'Ivy Omond', role: 'practitioner', teamId: iom.teamId });
    const action = await setReminder(await t.as(emails.police));
    expectError(await colleague.agent.get(`/api/v1/actions/${action.id}`), 403, 'forbidden');
    expectError(await colleague.agent.post(`/api/v1/actions/${action.id}/done`, { version: 1 }), 403, 'forbidden');
  });

  it('shares only with enabled members of the setter\'s own team', async () => {
    const police = await t.as(emails.police);
    for (const outsider of [ids.council, ids.other, ids.admin]) {
      const refused = await police.post('/api/v1/actions', { title: 'Share it', dueAt: inMinutes(30), recipientIds: [outsider] });
      expectError(refused, 422, 'validation_failed');
      expect(refused.json().error.details).toEqual([{ field: 'recipientIds', problem: expect.any(String) }]);
    }
    const options = (await police.get('/api/v1/actions/recipients')).json().items.map((o: { id: string }) => o.id);
    expect(options).toEqual(expect.arrayContaining([ids.lead, ids.policeAdmin]));
    expect(options).not.toContain(ids.police);
    expect(options).not.toContain(ids.council);

    const action = await setReminder(police);
    expectError(await police.patch(`/api/v1/actions/${action.id}`, { version: 1, recipientIds: [ids.housing] }), 422, 'validation_failed');
  });

  it('refuses a time already past', async () => {
    const refused = await (await t.as(emails.police)).post('/api/v1/actions', { title: 'Too late', dueAt: inMinutes(-10) });
    expectError(refused, 422, 'validation_failed');
  });

  it('only the setter changes it; a stale version is refused with the reminder as it is now', async () => {
    const police = await t.as(emails.police);
    const action = await setReminder(police, { recipientIds: [ids.lead] });
    const lead = await t.as(emails.lead);
    expectError(await lead.patch(`/api/v1/actions/${action.id}`, { version: 1, title: 'Changed by lead' }), 403, 'forbidden');

    const changed = await police.patch(`/api/v1/actions/${action.id}`, { version: 1, title: 'Ring Mrs Kit on Monday', recipientIds: [] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ title: 'Ring Mrs Kit on Monday', recipients: [], version: 2 });
    expectError(await lead.get(`/api/v1/actions/${action.id}`), 403, 'forbidden');

    const stale = await police.patch(`/api/v1/actions/${action.id}`, { version: 1, title: 'Old idea' });
    expectError(stale, 409, 'conflict');
    expect(stale.json().error.details[0]).toMatchObject({ title: 'Ring Mrs Kit on Monday', version: 2 });
  });

  it('lists by state: upcoming, due, done', async () => {
    const lead = await t.as(emails.lead);
    const upcoming = await setReminder(lead, { title: 'Later on', dueAt: inMinutes(120) });
    const due = await setReminder(lead, { title: 'Just now', dueAt: inMinutes(-0.5) });
    const done = await setReminder(lead, { title: 'Finished', dueAt: inMinutes(10) });
    expect((await lead.post(`/api/v1/actions/${done.id}/done`, { version: 1 })).json().doneAt).not.toBeNull();

    const list = async (state: string) => (await lead.get(`/api/v1/actions?state=${state}`)).json().items.map((a: { id: string }) => a.id) as string[];
    const upcomingList = await list('upcoming');
    expect(upcomingList).toContain(upcoming.id);
    expect(upcomingList).not.toContain(due.id);
    expect(upcomingList).not.toContain(done.id);
    expect(await list('due')).toEqual([due.id]);
    expect(await list('done')).toEqual([done.id]);
    const all = await list('all');
    expect(all.indexOf(due.id)).toBeLessThan(all.indexOf(done.id));
    expect(all.indexOf(done.id)).toBeLessThan(all.indexOf(upcoming.id));

    const first = (await lead.get('/api/v1/actions?state=all&limit=1')).json();
    const second = (await lead.get(`/api/v1/actions?state=all&limit=1&cursor=${first.nextCursor}`)).json();
    expect([first.items[0].id, second.items[0].id]).toEqual(all.slice(0, 2));

    expectError(await lead.post(`/api/v1/actions/${done.id}/done`, { version: 2 }), 409, 'action_done');
    expectError(await lead.patch(`/api/v1/actions/${done.id}`, { version: 2, title: 'Again' }), 409, 'action_done');
  });
});

describe('reminders on a record', () => {
  it('needs the record to be one the setter can open; the title shows only to those who can', async () => {
    const police = await t.as(emails.police);
    const profileId = await createRecord(police, 'profiles');
    const action = await setReminder(police, { record: { kind: 'profile', id: profileId }, recipientIds: [ids.lead] });
    const read = (await police.get(`/api/v1/actions/${action.id}`)).json();
    expect(read.record).toMatchObject({ kind: 'profile', id: profileId, title: expect.stringMatching(/^Kit\d+ Testperson\d+$/) });

    expectError(await (await t.as(emails.council)).post('/api/v1/actions', { title: 'Peek', dueAt: inMinutes(30), record: { kind: 'profile', id: profileId } }), 403, 'no_access');
    expectError(await (await t.as(emails.other)).post('/api/v1/actions', { title: 'Peek', dueAt: inMinutes(30), record: { kind: 'profile', id: profileId } }), 404, 'not_found');

    await vi.waitFor(() => {
      const timeline = events.filter((e) => e.type === 'timeline.changed' && e.data.id === profileId);
      expect(timeline.at(-1)?.data).toEqual({ kind: 'profile', id: profileId, entry: 'action' });
    });
  });

  it('read-only accounts cannot set reminders', async () => {
    const reader = await enrolledUser(t, emails.lead, { name: 'Rita Reader', role: 'read_only', teamId: place.team('Demo County Police/ASB team').teamId });
    expectError(await reader.agent.post('/api/v1/actions', { title: 'Note', dueAt: inMinutes(30) }), 403, 'forbidden');
  });
});

describe('the reminder sweep', () => {
  it('reminds the setter and those it is shared with, once, without naming anything', async () => {
    const police = await t.as(emails.police);
    const action = await setReminder(police, { title: 'Visit Kit Testperson', recipientIds: [ids.lead] });
    events.length = 0;

    expect(await sweep(later(61))).toBeGreaterThanOrEqual(1);
    const sent = await remindersAbout(action.id);
    expect(sent.map((n) => n.userId).sort()).toEqual([ids.police, ids.lead].sort());
    for (const n of sent) {
      expect(n.link).toBe(`/actions/${action.id}`);
      expect(n.message).toBe(reminderMessage(new Date(action.dueAt), later(61)));
      expect(n.message).not.toContain('Kit');
    }
    // On PostgreSQL live events travel through LISTEN/NOTIFY, so they arrive a moment after the commit.
    await vi.waitFor(() => {
      const popped = events.filter((e) => e.type === 'notification.created' && e.data.subjectId === action.id);
      expect(popped.map((e) => e.audience.userIds?.[0]).sort()).toEqual([ids.police, ids.lead].sort());
    });
    expect((await police.get(`/api/v1/actions/${action.id}`)).json().remindedAt).not.toBeNull();
    expect((await police.get('/api/v1/actions?state=due')).json().items).toEqual([]);

    await sweep(later(62));
    expect(await remindersAbout(action.id)).toHaveLength(2);
    expect((await auditOf(t, action.id, 'action.reminded'))).toHaveLength(1);
  });

  it('a new time reminds again', async () => {
    const police = await t.as(emails.police);
    const action = await setReminder(police);
    await sweep(later(61));
    expect(await remindersAbout(action.id)).toHaveLength(1);

    const moved = await police.patch(`/api/v1/actions/${action.id}`, { version: action.version, dueAt: inMinutes(180) });
    expect(moved.json().remindedAt).toBeNull();
    await sweep(later(120));
    expect(await remindersAbout(action.id)).toHaveLength(1);
    await sweep(later(181));
    expect(await remindersAbout(action.id)).toHaveLength(2);
  });

  it('a done reminder never goes off', async () => {
    const police = await t.as(emails.police);
    const action = await setReminder(police, { recipientIds: [ids.lead] });
    const lead = await t.as(emails.lead);
    expect((await lead.post(`/api/v1/actions/${action.id}/done`, { version: 1 })).statusCode).toBe(200);
    await sweep(later(61));
    expect(await remindersAbout(action.id)).toEqual([]);
  });

  it('says the time in London, and the day when it is not today', () => {
    expect(reminderMessage(new Date('2026-07-01T13:30:00Z'), new Date('2026-07-01T15:00:00Z'))).toBe('Reminder due: set for 14:30 today');
    expect(reminderMessage(new Date('2026-12-03T09:05:00Z'), new Date('2026-12-04T09:00:00Z'))).toBe('Reminder due: set for 09:05 on 3 Dec 2026');
  });
});

const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
function expectBadCursor(response: { statusCode: number; json(): unknown }) {
  expectError(response, 422, 'validation_failed');
  expect((response.json() as { error: { details: unknown } }).error.details).toEqual([{ field: 'cursor', problem: 'is not a cursor from this list' }]);
}

describe('a forged or stale cursor', () => {
  it('is refused as not from the list, never reaching the database', async () => {
    const police = await t.as(emails.police);
    const id = '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
    for (const state of ['upcoming', 'done']) {
      for (const values of [['x', 'y'], ['2026-13-45T10:00:00.000Z', id], ['2026-02-30T10:00:00.000Z', id], ['2026-12-03T10:00:00.000Z', 'y'], ['2026-12-03', id]]) {
        expectBadCursor(await police.get(`/api/v1/actions?state=${state}&cursor=${cursorOf(values)}`));
      }
    }
    expect((await police.get(`/api/v1/actions?state=all&cursor=${cursorOf(['2026-12-03T10:00:00.123456Z', id])}`)).statusCode).toBe(200);
  });
});

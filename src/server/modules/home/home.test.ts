import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Home } from '../../../shared/api/home.ts';
import { addDays, londonToday } from '../../platform/london.ts';
import { storedAuditEvents } from '../../test/audit.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { complete, completed, start, victimAnswers } from '../assessments/assessments.fixtures.ts';
import { createProfile, createRecord, emails, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { daysAgo, setTask, userId } from '../tasks/tasks.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;
let police: Agent;
let lead: Agent;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
  police = await t.as(emails.police);
  lead = await t.as(emails.lead);
});
afterAll(() => t.close());

async function homeOf(agent: Agent): Promise<Home> {
  const response = await agent.get('/api/v1/home');
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const ids = (panel: { items: { id: string }[] }) => panel.items.map((i) => i.id);

/** A weekly contact plan whose last call was twenty days ago: thirteen days overdue. */
async function overdueContact(agent: Agent, profileId: string) {
  expect((await agent.request('PUT', `/api/v1/profiles/${profileId}/contact-plan`, { frequencyDays: 7 })).statusCode).toBe(200);
  const call = await agent.post(`/api/v1/profiles/${profileId}/contacts`, { at: new Date(Date.now() - 20 * 86_400_000).toISOString(), channel: 'phone', reached: true });
  expect(call.statusCode, call.body).toBe(201);
}

/** The police practitioner's day, made through the API as people make it. */
async function practitionersDay() {
  const person = await createProfile(police, { firstName: 'Morwenna', lastName: 'Trevithick', warningMarkers: ['violence'] });
  const caseId = await createRecord(police, 'cases');
  const overdue = await setTask(lead, { title: 'Check the noise diary', assignee: { userId: await userId(t, emails.police) }, dueOn: daysAgo(3), backdatedReason: 'Missed at the last review', record: { kind: 'profile', id: person.id } });
  const forTeam = await setTask(lead, { title: 'Cover the estate walkabout', assignee: { teamId: place.team('Demo County Police/ASB team').teamId } });
  const reminderResponse = await police.post('/api/v1/actions', { title: 'Ring the housing officer', dueAt: new Date().toISOString(), record: { kind: 'profile', id: person.id } });
  expect(reminderResponse.statusCode, reminderResponse.body).toBe(201);
  const laterResponse = await police.post('/api/v1/actions', { title: 'Chase the CCTV', dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString() });
  expect(laterResponse.statusCode, laterResponse.body).toBe(201);
  const draft = await start(police, 'victim-screening', { type: 'profile', id: person.id });
  const review = await completed(police, 'victim-screening', { type: 'profile', id: (await createProfile(police)).id }, victimAnswers(), { reviewOn: addDays(londonToday(), 3) });
  // A screening answered yes asks for the risk matrix on the person until it is done.
  const flagged = await createProfile(police, { firstName: 'Tamsin', lastName: 'Penrose' });
  await completed(police, 'victim-screening', { type: 'profile', id: flagged.id }, victimAnswers(['victim-vulnerable']));

  // Followed, then changed by a colleague: changed since the practitioner last looked.
  const followed = await createProfile(police, { firstName: 'Ottoline', lastName: 'Bramwell' });
  expect((await police.request('PUT', `/api/v1/profiles/${followed.id}/interest`, {})).statusCode).toBe(200);
  const { version } = (await lead.get(`/api/v1/profiles/${followed.id}`)).json();
  expect((await lead.patch(`/api/v1/profiles/${followed.id}`, { version, keyInformation: 'Moved in with her sister' })).statusCode).toBe(200);

  // A victim the team agreed to ring weekly, last reached twenty days ago.
  const victim = await createProfile(police, { firstName: 'Kerensa', lastName: 'Angove' });
  await overdueContact(police, victim.id);

  // The council asks for a profile the police team holds: its team admin decides.
  const requested = await createProfile(police, { firstName: 'Lowenna', lastName: 'Pascoe' });
  const council = await t.as(emails.council);
  const request = await council.post(`/api/v1/profiles/${requested.id}/access-requests`, { reason: 'Same family on our estate' });
  expect(request.statusCode, request.body).toBe(201);

  return {
    person, caseId, overdue, forTeam, draft, review, followed, requested, flagged, victim,
    reminder: reminderResponse.json() as { id: string },
    later: laterResponse.json() as { id: string },
    request: request.json() as { id: string },
  };
}

let day: Awaited<ReturnType<typeof practitionersDay>>;

describe('the home page', () => {
  beforeAll(async () => {
    day = await practitionersDay();
  });

  it('gives the practitioner their day, each panel from its full list', async () => {
    const home = await homeOf(police);

    expect(ids(home.cases)).toContain(day.caseId);
    const person = home.people.items.find((p) => p.id === day.person.id);
    expect(person?.warningMarkers.map((m) => m.key)).toEqual(['violence']);

    const task = home.myTasks.items.find((i) => i.id === day.overdue.id);
    expect(task).toMatchObject({ overdue: true, record: { kind: 'profile', id: day.person.id, title: 'Morwenna Trevithick' } });
    expect(ids(home.teamTasks)).toContain(day.forTeam.id);
    expect(ids(home.myTasks)).not.toContain(day.forTeam.id);

    expect(ids(home.reminders)).toContain(day.reminder.id);
    expect(ids(home.reminders)).not.toContain(day.later.id);

    expect(ids(home.drafts)).toContain(day.draft.id);
    expect(ids(home.reviews)).toContain(day.review.id);
    expect(home.needed.items).toContainEqual(expect.objectContaining({
      template: expect.objectContaining({ key: 'asb-risk-matrix' }),
      record: { kind: 'profile', id: day.flagged.id, title: 'Tamsin Penrose' },
    }));

    expect(home.followed.items).toContainEqual(expect.objectContaining({
      record: { kind: 'profile', id: day.followed.id, title: 'Ottoline Bramwell' },
      change: 'A change was made on a profile you follow.',
    }));

    expect(home.overdueContacts.items).toContainEqual(expect.objectContaining({
      profile: expect.objectContaining({ id: day.victim.id, firstName: 'Kerensa' }), daysOverdue: 13,
    }));

    // A practitioner decides no access requests: no panel rather than an empty one.
    expect(home.accessRequests).toBeNull();

    // Each count is what the full list holds.
    const tasks = (await police.get('/api/v1/tasks?view=mine&state=todo&limit=100')).json().items as unknown[];
    expect(home.myTasks).toMatchObject({ count: tasks.length, more: false });
  });

  it('the same as the full lists: a team-mate who has finished a draft sees it go', async () => {
    const second = await start(police, 'victim-screening', { type: 'profile', id: day.person.id }, victimAnswers());
    expect(ids((await homeOf(lead)).drafts)).toContain(second.id);
    await complete(lead, second.id);
    expect(ids((await homeOf(police)).drafts)).not.toContain(second.id);
  });

  it('gives the owning team\'s admin the access request waiting for them', async () => {
    const home = await homeOf(lead);
    expect(home.accessRequests?.items.find((r) => r.id === day.request.id)).toMatchObject({
      status: 'pending', record: { kind: 'profile', id: day.requested.id }, permissions: { canDecide: true },
    });
    // The request is not the practitioner's to decide, and their reminders are their own.
    expect(ids(home.reminders)).not.toContain(day.reminder.id);
  });

  it('a followed record drops out once its notice is read', async () => {
    const notices = (await police.get('/api/v1/notifications?unread=true')).json().items as { id: string; record: { id: string } | null }[];
    const notice = notices.find((n) => n.record?.id === day.followed.id);
    expect((await police.post(`/api/v1/notifications/${notice!.id}/read`)).statusCode).toBe(200);
    expect((await homeOf(police)).followed.items.map((f) => f.record.id)).not.toContain(day.followed.id);
  });

  it('shows another organisation and the other partnership none of it', async () => {
    const named = [
      day.person.id, day.caseId, day.overdue.id, day.forTeam.id, day.reminder.id, day.draft.id, day.review.id, day.followed.id, day.requested.id, day.request.id,
      day.flagged.id, day.victim.id, 'Morwenna', 'Trevithick', 'Ottoline', 'Lowenna', 'Tamsin', 'Kerensa',
    ];
    for (const email of [emails.council, emails.housing, emails.other]) {
      const body = (await (await t.as(email)).get('/api/v1/home')).body;
      for (const text of named) expect(body, `${email} sees ${text}`).not.toContain(text);
    }
  });

  it('is recorded as one read naming what it showed, not as a read of each list', async () => {
    const actorId = await userId(t, emails.police);
    const [last] = await storedAuditEvents(t, { actorId, limit: 1 });
    const home = await homeOf(police);
    // The reminder sweep may write in between, on the practitioner's behalf: only reads count here.
    const since = (await storedAuditEvents(t, { actorId, limit: 20 })).filter((e) => e.seq > last!.seq && (e.action.endsWith('.listed') || e.action === 'home.viewed'));
    expect(since.map((e) => e.action)).toEqual(['home.viewed']);
    expect(since[0]!.details).toMatchObject({
      counts: { cases: home.cases.count, myTasks: home.myTasks.count, followed: home.followed.count, overdueContacts: home.overdueContacts.count, accessRequests: 0 },
    });
    expect((since[0]!.details as { records: { id: string }[] }).records.map((r) => r.id)).toEqual(expect.arrayContaining([day.person.id, day.caseId, day.victim.id]));
  });

  it('is for people, not systems', async () => {
    const asb = place.team('Demo County Police/ASB team');
    const issued = await (await t.as(emails.policeAdmin)).post('/api/v1/api-tokens', {
      organisationId: asb.organisationId, teamId: asb.teamId, name: 'Home page check', access: 'read',
    });
    expect(issued.statusCode, issued.body).toBe(201);
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/home', headers: { authorization: `Bearer ${issued.json().token}` } }), 403, 'forbidden');
  });
});

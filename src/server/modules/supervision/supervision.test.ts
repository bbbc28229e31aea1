import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Supervision } from '../../../shared/api/supervision.ts';
import { addDays, londonToday } from '../../platform/london.ts';
import { storedAuditEvents } from '../../test/audit.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { completed, victimAnswers } from '../assessments/assessments.fixtures.ts';
import { createProfile, emails, enrolledUser, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { daysAgo, noticesAbout, setTask, userId } from '../tasks/tasks.fixtures.ts';

// The supervisor's view of the police ASB team: Priya Shah (team admin and supervisor) looks
// after Tom Wright (practitioner) and Helen Ford (the police's organisation admin, in the team).

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;
let lead: Agent;
let tom: Agent;
let tomId: string;
let helenId: string;
let asbTeam: string;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
  lead = await t.as(emails.lead);
  tom = await t.as(emails.police);
  tomId = await userId(t, emails.police);
  helenId = await userId(t, emails.policeAdmin);
  asbTeam = place.team('Demo County Police/ASB team').teamId;
});
afterAll(() => t.close());

async function supervisionOf(agent: Agent, teamId?: string): Promise<Supervision> {
  const response = await agent.get(`/api/v1/supervision${teamId ? `?teamId=${teamId}` : ''}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function caseLedBy(agent: Agent, leadOfficerId: string, title: string): Promise<{ id: string; version: number }> {
  const response = await agent.post('/api/v1/cases', { caseType: 'ASB', title, leadOfficerId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** A weekly contact plan whose last call was twenty days ago: thirteen days overdue. */
async function overdueContact(agent: Agent, profileId: string) {
  expect((await agent.request('PUT', `/api/v1/profiles/${profileId}/contact-plan`, { frequencyDays: 7 })).statusCode).toBe(200);
  const call = await agent.post(`/api/v1/profiles/${profileId}/contacts`, { at: new Date(Date.now() - 20 * 86_400_000).toISOString(), channel: 'phone', reached: true });
  expect(call.statusCode, call.body).toBe(201);
}

/** Tom's work as his sergeant finds it: a case he leads, an overdue task set by the council, a review gone by, a victim not rung. */
async function tomsWork() {
  const kase = await caseLedBy(tom, tomId, 'Noise from the flats above the shops');
  const person = await createProfile(tom, { firstName: 'Demelza', lastName: 'Carne', warningMarkers: ['violence'] });
  const council = await t.as(emails.council);
  const overdue = await setTask(council, { title: 'Send the noise diary', assignee: { userId: tomId }, dueOn: daysAgo(4), backdatedReason: 'Agreed at the last meeting' });
  const onTime = await setTask(council, { title: 'Book the joint visit', assignee: { userId: tomId } });
  const review = await completed(tom, 'victim-screening', { type: 'profile', id: person.id }, victimAnswers(), { reviewOn: addDays(londonToday(), 7) });
  // A review date passes with time; here it is moved back, as the days would have.
  await t.database.pool.query('update assessments set review_on = $1 where id = $2', [daysAgo(2), review.id]);
  const victim = await createProfile(tom, { firstName: 'Jenifer', lastName: 'Nancarrow' });
  await overdueContact(tom, victim.id);
  return { kase, person, overdue, onTime, review, victim };
}

let work: Awaited<ReturnType<typeof tomsWork>>;

describe('the supervisor\'s view of a team', () => {
  beforeAll(async () => {
    work = await tomsWork();
  });

  it('shows each officer\'s caseload, overdue tasks and overdue reviews, counted from the lists', async () => {
    const view = await supervisionOf(lead);
    expect(view.team).toMatchObject({ id: asbTeam, name: 'ASB team', organisation: { name: 'Demo County Police' } });
    const officer = view.officers.find((o) => o.id === tomId);
    expect(officer).toMatchObject({ name: 'Tom Wright', openCases: 1, overdueTasks: 1, overdueReviews: 1 });
    expect(view.officers.map((o) => o.name)).toEqual(expect.arrayContaining(['Priya Shah', 'Helen Ford']));

    expect(view.cases.items.find((c) => c.id === work.kase.id)).toMatchObject({ leadOfficer: { id: tomId }, canChangeLead: true });
    const task = view.overdueTasks.items.find((i) => i.id === work.overdue.id);
    expect(task).toMatchObject({ overdue: true, assignee: { kind: 'user', id: tomId }, canReassign: true });
    expect(view.overdueTasks.items.map((i) => i.id)).not.toContain(work.onTime.id);
    expect(view.overdueReviews.items.map((a) => a.id)).toEqual([work.review.id]);
    expect(view.overdueContacts.items).toContainEqual(expect.objectContaining({
      profile: expect.objectContaining({ id: work.victim.id, firstName: 'Jenifer', lastName: 'Nancarrow' }), daysOverdue: 13, frequencyDays: 7,
    }));
  });

  it('records the visit as one read naming what it showed', async () => {
    const view = await supervisionOf(lead);
    const [event] = await storedAuditEvents(t, { actorId: await userId(t, emails.lead), action: 'supervision.viewed', limit: 1 });
    expect(event).toMatchObject({ entityType: 'team', entityId: asbTeam });
    expect((event!.details as { records: { kind: string; id: string }[] }).records).toEqual(expect.arrayContaining([{ kind: 'case', id: work.kase.id }, { kind: 'profile', id: work.victim.id }]));
    expect(event!.details).toMatchObject({ counts: { overdueContacts: view.overdueContacts.items.length } });
  });

  it('lets the supervisor hand an officer\'s overdue task to another officer, who is told', async () => {
    const task = (await supervisionOf(lead)).overdueTasks.items.find((i) => i.id === work.overdue.id)!;
    const response = await lead.patch(`/api/v1/tasks/${task.id}`, { version: task.version, assignee: { userId: helenId } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'open', assignee: { kind: 'user', id: helenId } });
    expect((await noticesAbout(t, emails.policeAdmin, task.id)).map((n) => n.kind)).toContain('task_assigned');

    const after = await supervisionOf(lead);
    expect(after.officers.find((o) => o.id === tomId)?.overdueTasks).toBe(0);
    expect(after.officers.find((o) => o.id === helenId)?.overdueTasks).toBe(1);
  });

  it('lets the supervisor only hand a task on, not change what it asks', async () => {
    const task = await setTask(await t.as(emails.council), { title: 'Check the CCTV', assignee: { userId: tomId } });
    expectError(await lead.patch(`/api/v1/tasks/${task.id}`, { version: task.version, title: 'Something else' }), 403, 'forbidden');
  });

  it('lets the supervisor hand a case\'s lead to another officer', async () => {
    const kase = await caseLedBy(tom, tomId, 'Graffiti on the underpass');
    const response = await lead.patch(`/api/v1/cases/${kase.id}`, { version: kase.version, leadOfficerId: helenId });
    expect(response.statusCode, response.body).toBe(200);
    const view = await supervisionOf(lead);
    expect(view.cases.items.find((c) => c.id === kase.id)?.leadOfficer?.id).toBe(helenId);
  });

  it('gives a flagged supervisor their own team, and an organisation admin every team of theirs', async () => {
    const sergeant = await enrolledUser(t, emails.admin, { name: 'Sam Sergeant', role: 'practitioner', teamId: asbTeam });
    const admin = await t.as(emails.admin);
    const user = (await admin.get(`/api/v1/users/${sergeant.id}`)).json() as { version: number };
    expect((await admin.patch(`/api/v1/users/${sergeant.id}`, { version: user.version, isSupervisor: true })).statusCode).toBe(200);
    expect((await supervisionOf(sergeant.agent)).officers.find((o) => o.id === tomId)?.openCases).toBeGreaterThan(0);
    expectError(await sergeant.agent.get(`/api/v1/supervision?teamId=${place.team('Demo County Police/IOM team').teamId}`), 403, 'no_access');

    const helen = await t.as(emails.policeAdmin);
    const iom = await supervisionOf(helen, place.team('Demo County Police/IOM team').teamId);
    expect(iom.team.name).toBe('IOM team');
    expect(iom.teams.map((team) => team.name)).toEqual(expect.arrayContaining(['ASB team', 'IOM team', 'Neighbourhood policing']));
  });

  it('is not open to a practitioner, another organisation or another partnership', async () => {
    expectError(await tom.get('/api/v1/supervision'), 403, 'forbidden');

    const councilLead = await enrolledUser(t, emails.admin, { name: 'Cara Council', role: 'team_admin', teamId: place.team('Demo District Council/Community Safety team').teamId });
    expectError(await councilLead.agent.get(`/api/v1/supervision?teamId=${asbTeam}`), 403, 'no_access');
    const own = await supervisionOf(councilLead.agent);
    expect(own.overdueTasks.items.map((i) => i.id)).not.toContain(work.overdue.id);
    expect(own.cases.items.map((c) => c.id)).not.toContain(work.kase.id);
    expect(own.overdueContacts.items.map((o) => o.profile.id)).not.toContain(work.victim.id);
    // Nor can another team's supervisor hand on the police's tasks.
    const task = (await tom.get(`/api/v1/tasks/${work.onTime.id}`)).json() as { version: number };
    expect((await councilLead.agent.patch(`/api/v1/tasks/${work.onTime.id}`, { version: task.version, assignee: { userId: helenId } })).statusCode).toBe(403);

    const neighbour = await enrolledUser(t, emails.admin, { name: 'Ned Neighbour', role: 'team_admin', teamId: place.team('Neighbouring County Police/ASB team').teamId });
    expectError(await neighbour.agent.get(`/api/v1/supervision?teamId=${asbTeam}`), 404, 'not_found');
    const theirs = await supervisionOf(neighbour.agent);
    expect(theirs.officers.map((o) => o.id)).not.toContain(tomId);
    expect(JSON.stringify(theirs)).not.toContain('Nancarrow');
  });

  it('refuses a team id that is not one', async () => {
    expectError(await lead.get('/api/v1/supervision?teamId=not-a-team'), 422, 'validation_failed');
  });
});

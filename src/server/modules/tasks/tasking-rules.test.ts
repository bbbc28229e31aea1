import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonToday } from '../../platform/london.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { deliverNotificationEmails } from '../notifications/delivery.ts';
import { auditOf, createProfile, createRecord, emails, expectError, share, type Place } from '../sharing/records.fixtures.ts';
import { daysAgo, firePractitioner, future, setTask, taskingCast, userId } from './tasks.fixtures.ts';

/** Issue 12: a due date in the past needs a reason; an assignee who cannot open the record is warned of, or shared with. */

let t: TestApp;
let police: Agent;
let council: Agent;
let housing: Agent;
let other: Agent;
let fire: Agent;
let tenancy: Place;
let communitySafety: Place;

beforeAll(async () => {
  t = await startTestApp();
  const cast = await taskingCast(t);
  ({ tenancy, communitySafety, police, council, housing } = cast);
  other = await t.as(emails.other);
  fire = await firePractitioner(t, cast.structure);
});
afterAll(() => t.close());

const newTask = (extra: Record<string, unknown>) => ({ title: 'Visit the tenant about the noise', dueOn: future, ...extra });

async function accessOf(kind: 'cases' | 'profiles', id: string) {
  return (await police.get(`/api/v1/${kind}/${id}/access`)).json().entries as { team: { id: string } | null; organisation: { id: string }; level: string; source: string }[];
}

describe('a task due in the past', () => {
  it('is refused on dueOn without a reason, however it is spelt', async () => {
    for (const body of [{ dueOn: daysAgo(2), backdatedReason: null }, { dueOn: daysAgo(2), backdatedReason: '   ' }, { dueOn: undefined, dueDate: daysAgo(2), backdatedReason: null }]) {
      const response = await police.post('/api/v1/tasks', newTask({ assignee: { userId: await userId(t, emails.lead) }, ...body }));
      expectError(response, 422, 'validation_failed');
      expect(response.json().error.details).toEqual([{ field: 'dueOn', problem: expect.stringMatching(/in the past/) }]);
    }
  });

  it('is set as given for a caller that says nothing of a reason, as POST /tasks was published', async () => {
    const response = await police.post('/api/v1/tasks', newTask({ assignee: { userId: await userId(t, emails.lead) }, dueOn: undefined, dueDate: daysAgo(2) }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ dueOn: daysAgo(2), overdue: true });
    expect((await auditOf(t, response.json().id, 'task.set'))[0]!.reason).toBeNull();
  });

  it('is set when back-dated on purpose, the reason kept in its audit event', async () => {
    const task = await setTask(police, { assignee: { userId: await userId(t, emails.lead) }, dueOn: daysAgo(2), backdatedReason: 'Recording the visit agreed at the panel' });
    expect((await police.get(`/api/v1/tasks/${task.id}`)).json()).toMatchObject({ dueOn: daysAgo(2), overdue: true });
    const [set] = await auditOf(t, task.id, 'task.set');
    expect(set!.reason).toBe('Recording the visit agreed at the panel');
  });

  it('needs no reason for today, and keeps none given', async () => {
    const task = await setTask(police, { assignee: { userId: await userId(t, emails.lead) }, dueOn: londonToday(), backdatedReason: 'Not needed' });
    expect((await auditOf(t, task.id, 'task.set'))[0]!.reason).toBeNull();
  });

  it('holds a change of due date to the same rule, but not other changes to a task already overdue', async () => {
    const task = await setTask(police, { assignee: { userId: await userId(t, emails.lead) } });
    const refused = await police.patch(`/api/v1/tasks/${task.id}`, { version: task.version, dueOn: daysAgo(2) });
    expectError(refused, 422, 'validation_failed');
    expect(refused.json().error.details[0].field).toBe('dueOn');
    const moved = await police.patch(`/api/v1/tasks/${task.id}`, { version: task.version, dueOn: daysAgo(2), backdatedReason: 'The date agreed was last week' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await auditOf(t, task.id, 'task.changed'))[0]!.reason).toBe('The date agreed was last week');
    const reprioritised = await police.patch(`/api/v1/tasks/${task.id}`, { version: moved.json().version, dueOn: daysAgo(2), priority: 'high' });
    expect(reprioritised.statusCode, reprioritised.body).toBe(200);
  });
});

describe('a task for someone who cannot open its record', () => {
  it('is refused, naming the record and who cannot open it, and nothing changes', async () => {
    const caseId = await createRecord(police, 'cases');
    const reference = (await police.get(`/api/v1/cases/${caseId}`)).json().reference as string;
    const response = await police.post('/api/v1/tasks', newTask({ assignee: { teamId: tenancy.teamId }, record: { kind: 'case', id: caseId }, shareWithAssignee: false }));
    expectError(response, 409, 'assignee_cannot_open_record');
    expect(response.json().error.message).toContain(`Tenancy team (Demo Housing Association) cannot open case ${reference}`);
    expect(response.json().error.details).toEqual([{
      record: { kind: 'case', id: caseId, reference },
      assignee: { kind: 'team', id: tenancy.teamId, name: 'Tenancy team (Demo Housing Association)' },
      owner: { team: { id: expect.any(String), name: 'ASB team' }, organisation: { id: expect.any(String), name: 'Demo County Police' } },
      canShare: true,
    }]);
    expect(await accessOf('cases', caseId)).toEqual([]);
    expect(((await police.get(`/api/v1/cases/${caseId}/tasks`)).json().items as unknown[])).toEqual([]);
    expectError(await housing.get(`/api/v1/cases/${caseId}`), 403, 'no_access');
  });

  it('shares the record (view) with the assignee\'s team in the same step when the tasker asks', async () => {
    const caseId = await createRecord(police, 'cases');
    const task = await setTask(police, { assignee: { teamId: tenancy.teamId }, record: { kind: 'case', id: caseId }, shareWithAssignee: true });
    expect(await accessOf('cases', caseId)).toEqual([expect.objectContaining({ team: expect.objectContaining({ id: tenancy.teamId }), level: 'view', source: 'share' })]);
    const [shared] = await auditOf(t, caseId, 'record.shared');
    expect(shared!.details).toMatchObject({ target: { team: { id: tenancy.teamId } }, level: 'view', before: null });
    expect((await housing.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);
    expect((await housing.get(`/api/v1/tasks/${task.id}`)).json().record.title).toMatch(/Noise complaints/);
  });

  it('shares with a person\'s team, or a whole organisation, as the task is for them', async () => {
    const person = await createProfile(police, { firstName: 'Perpetua', lastName: 'Quill' });
    const forPerson = await police.post('/api/v1/tasks', newTask({ assignee: { userId: await userId(t, emails.housing) }, record: { kind: 'profile', id: person.id }, shareWithAssignee: false }));
    expectError(forPerson, 409, 'assignee_cannot_open_record');
    expect(forPerson.json().error.message).toContain('cannot open this person\'s record');
    expect(forPerson.json().error.message).not.toMatch(/Perpetua|Quill/);
    await setTask(police, { assignee: { userId: await userId(t, emails.housing) }, record: { kind: 'profile', id: person.id }, shareWithAssignee: true });
    expect(await accessOf('profiles', person.id)).toEqual([expect.objectContaining({ team: expect.objectContaining({ id: tenancy.teamId }), level: 'view' })]);

    // A team of the council can open the case; the council as a whole cannot, so a task for all of it needs it shared with all of it.
    const caseId = await createRecord(police, 'cases');
    await share(police, 'cases', caseId, { teamId: communitySafety.teamId, level: 'view' });
    await setTask(police, { assignee: { teamId: communitySafety.teamId }, record: { kind: 'case', id: caseId } });
    const forOrganisation = await police.post('/api/v1/tasks', newTask({ assignee: { organisationId: communitySafety.organisationId }, record: { kind: 'case', id: caseId }, shareWithAssignee: false }));
    expectError(forOrganisation, 409, 'assignee_cannot_open_record');
    expect(forOrganisation.json().error.details[0].assignee).toEqual({ kind: 'organisation', id: communitySafety.organisationId, name: 'Demo District Council' });
    await setTask(police, { assignee: { organisationId: communitySafety.organisationId }, record: { kind: 'case', id: caseId }, shareWithAssignee: true });
    expect(await accessOf('cases', caseId)).toEqual(expect.arrayContaining([expect.objectContaining({ team: null, organisation: expect.objectContaining({ id: communitySafety.organisationId }), level: 'view' })]));
  });

  it('sends a partner who may only view the record to its owners, sharing nothing', async () => {
    const caseId = await createRecord(police, 'cases');
    await share(police, 'cases', caseId, { teamId: communitySafety.teamId, level: 'view' });
    for (const shareWithAssignee of [false, true]) {
      const response = await council.post('/api/v1/tasks', newTask({ assignee: { teamId: tenancy.teamId }, record: { kind: 'case', id: caseId }, shareWithAssignee }));
      expectError(response, 409, 'assignee_cannot_open_record');
      expect(response.json().error.details[0].canShare).toBe(false);
      expect(response.json().error.message).toMatch(/ask the ASB team \(Demo County Police\) to share it/);
    }
    expect((await accessOf('cases', caseId)).map((e) => e.team?.id)).toEqual([communitySafety.teamId]);
    expect((await auditOf(t, caseId, 'access.refused')).some((e) => e.details?.need === 'edit')).toBe(true);
  });

  it('is set as before for a caller that does not say what to do, as the API was first published', async () => {
    const caseId = await createRecord(police, 'cases');
    const task = await setTask(police, { assignee: { teamId: tenancy.teamId }, record: { kind: 'case', id: caseId } });
    expect(await accessOf('cases', caseId)).toEqual([]);
    expect((await housing.get(`/api/v1/tasks/${task.id}`)).json().record).toMatchObject({ id: caseId, title: null });
  });

  it('is still refused to another organisation without access (403) and the other partnership (404)', async () => {
    const caseId = await createRecord(police, 'cases');
    const body = newTask({ assignee: { teamId: tenancy.teamId }, record: { kind: 'case', id: caseId }, shareWithAssignee: true });
    expectError(await fire.post('/api/v1/tasks', body), 403, 'no_access');
    expectError(await other.post('/api/v1/tasks', { ...body, assignee: { userId: await userId(t, emails.other) } }), 404, 'not_found');
    expect(await accessOf('cases', caseId)).toEqual([]);
  });
});

/** The email about a task, found by its title among everything sent to the person. */
async function emailAbout(email: string, title: string) {
  await deliverNotificationEmails(t.app.platform);
  const { rows } = await t.database.pool.query<{ subject: string; body: string }>(
    'select subject, body from outbound_messages where recipient = $1 and channel = \'email\'', [email],
  );
  const found = rows.find((r) => r.body.includes(title));
  if (!found) throw new Error(`no email to ${email} about ${title}`);
  return found;
}

describe('the notice of a new task', () => {
  it('names the task and the case\'s reference, and never the person a record is about', async () => {
    const caseId = await createRecord(police, 'cases');
    const reference = (await police.get(`/api/v1/cases/${caseId}`)).json().reference as string;
    await setTask(police, { title: 'Check the noise diary', assignee: { userId: await userId(t, emails.lead) }, record: { kind: 'case', id: caseId } });
    const onCase = await emailAbout(emails.lead, 'Check the noise diary');
    expect(onCase.body).toContain(`on case ${reference}, due 15 Jan 2030: "Check the noise diary"`);

    const person = await createProfile(police, { firstName: 'Ottoline', lastName: 'Brackenbury' });
    await setTask(police, { title: 'Ring about the repairs', assignee: { userId: await userId(t, emails.lead) }, record: { kind: 'profile', id: person.id } });
    const onProfile = await emailAbout(emails.lead, 'Ring about the repairs');
    expect(onProfile.body).toContain('on a person\'s record, due 15 Jan 2030: "Ring about the repairs"');
    expect(`${onProfile.subject} ${onProfile.body}`).not.toMatch(/Ottoline|Brackenbury/);
  });
});

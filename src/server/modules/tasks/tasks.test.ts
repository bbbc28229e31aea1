import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedAuditEvents } from '../../test/audit.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, createRecord, emails, enrolledUser, expectError, share, type Place } from '../sharing/records.fixtures.ts';
import { firePractitioner, future, setTask, taskingCast, userId } from './tasks.fixtures.ts';

let t: TestApp;
let police: Agent;
let housing: Agent;
let council: Agent;
let other: Agent;
let fire: Agent;
let tenancy: Place;
let communitySafety: Place;
let caseId: string;
let taskId: string;

beforeAll(async () => {
  t = await startTestApp();
  const cast = await taskingCast(t);
  ({ tenancy, communitySafety, police, housing, council } = cast);
  other = await t.as(emails.other);
  fire = await firePractitioner(t, cast.structure);
  caseId = await createRecord(police, 'cases');
  // The council can open the case; the housing team the task is for could when it was set, and no longer can.
  await share(police, 'cases', caseId, { teamId: communitySafety.teamId, level: 'view' });
  taskId = (await setTask(police, { assignee: { teamId: tenancy.teamId }, record: { kind: 'case', id: caseId }, shareWithAssignee: true })).id;
  expect((await police.request('DELETE', `/api/v1/cases/${caseId}/access`, { teamId: tenancy.teamId })).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('who may see a task', () => {
  it('shows it to the tasker and the tasker\'s team, with the record named', async () => {
    for (const email of [emails.police, emails.lead]) {
      const response = await (await t.as(email)).get(`/api/v1/tasks/${taskId}`);
      expect(response.statusCode).toBe(200);
      expect(response.json().record.title).toMatch(/Noise complaints/);
    }
  });

  it('shows it to a member of the assigned team, but not the record they cannot open', async () => {
    const response = await housing.get(`/api/v1/tasks/${taskId}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ record: { kind: 'case', id: caseId, title: null }, assignee: { kind: 'team', id: tenancy.teamId }, permissions: { canAccept: true, canChange: false } });
    expect((await housing.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(403);
  });

  it('shows it to another team that can open the record, which cannot act on it', async () => {
    const response = await council.get(`/api/v1/tasks/${taskId}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().record.title).toMatch(/Noise complaints/);
    expect(response.json().permissions).toEqual({ canAccept: false, canDecline: false, canAddProgress: false, canComplete: false, canChange: false, canReassign: false });
    const list = (await council.get(`/api/v1/cases/${caseId}/tasks`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(taskId);
  });

  it('refuses another organisation without access, and records the refusal', async () => {
    expectError(await fire.get(`/api/v1/tasks/${taskId}`), 403, 'no_access');
    expectError(await fire.get(`/api/v1/cases/${caseId}/tasks`), 403, 'no_access');
    expectError(await fire.post(`/api/v1/tasks/${taskId}/accept`, { version: 1 }), 403, 'no_access');
    expectError(await fire.request('PUT', `/api/v1/tasks/${taskId}/watching`), 403, 'no_access');
    for (const view of ['mine', 'team', 'set', 'watching']) {
      const items = (await fire.get(`/api/v1/tasks?view=${view}&state=all`)).json().items as { id: string }[];
      expect(items.map((i) => i.id)).not.toContain(taskId);
    }
    expect((await auditOf(t, taskId, 'access.refused')).length).toBeGreaterThan(0);
  });

  it('does not exist for the other partnership', async () => {
    expectError(await other.get(`/api/v1/tasks/${taskId}`), 404, 'not_found');
    expectError(await other.patch(`/api/v1/tasks/${taskId}`, { version: 1, title: 'Mine now' }), 404, 'not_found');
    expectError(await other.post(`/api/v1/tasks/${taskId}/accept`, { version: 1 }), 404, 'not_found');
    expectError(await other.request('PUT', `/api/v1/tasks/${taskId}/watching`), 404, 'not_found');
    expectError(await other.get(`/api/v1/cases/${caseId}/tasks`), 404, 'not_found');
    expectError(await other.get(`/api/v1/cases/${caseId}/action-plans`), 404, 'not_found');
    expect((await other.get('/api/v1/tasks?view=team&state=all')).json().items).toEqual([]);
  });

  it('lists it in each party\'s view', async () => {
    const ids = async (agent: Agent, view: string) => ((await agent.get(`/api/v1/tasks?view=${view}`)).json().items as { id: string }[]).map((i) => i.id);
    expect(await ids(police, 'set')).toContain(taskId);
    expect(await ids(housing, 'team')).toContain(taskId);
    expect(await ids(housing, 'mine')).not.toContain(taskId);
    expect(await ids(council, 'team')).not.toContain(taskId);
    const listed = await storedAuditEvents(t, { actorId: await userId(t, emails.housing), action: 'tasks.listed', limit: 50 });
    expect(listed[0]!.details).toMatchObject({ view: 'mine', count: expect.any(Number) });
  });

  it('shows a watcher a standalone task, and lets anyone who can see a task watch it', async () => {
    const standalone = await setTask(police, { assignee: { userId: await userId(t, emails.lead) }, watcherIds: [await userId(t, emails.council)] });
    expect((await council.get(`/api/v1/tasks/${standalone.id}`)).json()).toMatchObject({ record: null, watching: true });
    expectError(await housing.get(`/api/v1/tasks/${standalone.id}`), 403, 'no_access');
    expect((await council.delete(`/api/v1/tasks/${standalone.id}/watching`)).json().watching).toBe(false);
    expectError(await council.get(`/api/v1/tasks/${standalone.id}`), 403, 'no_access');
    const watched = await housing.request('PUT', `/api/v1/tasks/${taskId}/watching`);
    expect(watched.json()).toMatchObject({ watching: true, watchers: [{ name: 'Marcus Bell' }] });
    expect(((await housing.get('/api/v1/tasks?view=watching')).json().items as { id: string }[]).map((i) => i.id)).toContain(taskId);
  });

  it('stops showing a task on a record to a watcher whose team loses access to the record', async () => {
    const record = await createRecord(police, 'cases');
    await share(police, 'cases', record, { teamId: communitySafety.teamId, level: 'view' });
    const task = await setTask(police, { assignee: { userId: await userId(t, emails.lead) }, record: { kind: 'case', id: record } });
    expect((await council.request('PUT', `/api/v1/tasks/${task.id}/watching`)).statusCode).toBe(200);
    const unshared = await police.request('DELETE', `/api/v1/cases/${record}/access`, { teamId: communitySafety.teamId });
    expect(unshared.statusCode, unshared.body).toBe(200);
    expectError(await council.get(`/api/v1/tasks/${task.id}`), 403, 'no_access');
    const watching = (await council.get('/api/v1/tasks?view=watching')).json().items as { id: string }[];
    expect(watching.map((i) => i.id)).not.toContain(task.id);
  });

  it('records every read', async () => {
    await council.get(`/api/v1/tasks/${taskId}`);
    const viewed = await auditOf(t, taskId, 'task.viewed');
    expect(viewed.some((e) => e.actor.id !== null)).toBe(true);
    const listings = await storedAuditEvents(t, { actorId: await userId(t, emails.council), action: 'tasks.listed', limit: 50 });
    const onCase = listings.find((e) => e.details?.record);
    expect(onCase!.details).toMatchObject({ record: { kind: 'case', id: caseId }, count: 1 });
    // Reading is not a change: the case's history stays free of it.
    const history = (await police.get(`/api/v1/cases/${caseId}/history`)).json().items as { action: string }[];
    expect(history.map((e) => e.action)).not.toContain('tasks.listed');
  });
});

describe('bad input', () => {
  it('refuses an unknown team, another partnership\'s team, or a blank title with 422', async () => {
    const otherTeam = (await other.get('/api/v1/me')).json().team.id as string;
    for (const assignee of [{ teamId: '00000000-0000-4000-8000-000000000000' }, { teamId: otherTeam }, { organisationId: otherTeam }, { userId: await userId(t, emails.other) }]) {
      const response = await police.post('/api/v1/tasks', { title: 'Check in', dueOn: future, assignee });
      expectError(response, 422, 'validation_failed');
      expect(response.json().error.details[0].field).toBe('assignee');
    }
    expectError(await police.post('/api/v1/tasks', { title: '   ', dueOn: future, assignee: { teamId: tenancy.teamId } }), 422, 'validation_failed');
    expectError(await police.post('/api/v1/tasks', { title: 'Check in', dueOn: '2030-02-30', assignee: { teamId: tenancy.teamId } }), 422, 'validation_failed');
    const watcher = await police.post('/api/v1/tasks', { title: 'Check in', dueOn: future, assignee: { teamId: tenancy.teamId }, watcherIds: [await userId(t, emails.other)] });
    expect(watcher.json().error.details[0].field).toBe('watcherIds');
  });

  it('refuses a disabled person as assignee', async () => {
    const leaver = await enrolledUser(t, emails.lead, { name: 'Lee Leaver', role: 'practitioner', teamId: (await police.get('/api/v1/me')).json().team.id });
    const lead = await t.as(emails.lead);
    const version = (await lead.get(`/api/v1/users/${leaver.id}`)).json().version;
    expect((await lead.post(`/api/v1/users/${leaver.id}/disable`, { version, reason: 'Left' })).statusCode).toBe(200);
    const response = await police.post('/api/v1/tasks', { title: 'Check in', dueOn: future, assignee: { userId: leaver.id } });
    expect(response.json().error.details[0]).toEqual({ field: 'assignee', problem: 'is a disabled account' });
  });

  it('refuses a task on a record the tasker cannot open', async () => {
    const hidden = await createRecord(police, 'profiles');
    expectError(await housing.post('/api/v1/tasks', { title: 'Check in', dueOn: future, assignee: { teamId: tenancy.teamId }, record: { kind: 'profile', id: hidden } }), 403, 'no_access');
  });
});

describe('who may act', () => {
  it('lets a read-only colleague see and watch a task but change nothing', async () => {
    const reader = await enrolledUser(t, emails.lead, { name: 'Rae Reader', role: 'read_only', teamId: (await police.get('/api/v1/me')).json().team.id });
    const seen = await reader.agent.get(`/api/v1/tasks/${taskId}`);
    expect(seen.statusCode).toBe(200);
    expect(Object.values(seen.json().permissions).some(Boolean)).toBe(false);
    expect((await reader.agent.request('PUT', `/api/v1/tasks/${taskId}/watching`)).statusCode).toBe(200);
    expect((await reader.agent.post('/api/v1/tasks', { title: 'Check in', dueOn: future, assignee: { teamId: tenancy.teamId } })).statusCode).toBe(403);
    expect((await reader.agent.patch(`/api/v1/tasks/${taskId}`, { version: seen.json().version, title: 'Changed' })).statusCode).toBe(403);
  });

  it('lets only the tasker change or cancel, and only the assignee accept', async () => {
    const record = await createRecord(police, 'cases');
    await share(police, 'cases', record, { teamId: communitySafety.teamId, level: 'view' });
    const task = await setTask(police, { assignee: { teamId: tenancy.teamId }, record: { kind: 'case', id: record }, shareWithAssignee: true });
    expectError(await council.post(`/api/v1/tasks/${task.id}/accept`, { version: task.version }), 403, 'forbidden');
    expectError(await police.post(`/api/v1/tasks/${task.id}/accept`, { version: task.version }), 403, 'forbidden');
    expectError(await housing.patch(`/api/v1/tasks/${task.id}`, { version: task.version, title: 'Mine now' }), 403, 'forbidden');
    expectError(await housing.post(`/api/v1/tasks/${task.id}/cancel`, { version: task.version, reason: 'No' }), 403, 'forbidden');
    expectError(await housing.post(`/api/v1/tasks/${task.id}/complete`, { version: task.version, result: 'Done' }), 403, 'forbidden');
  });

  it('refuses a stale version with the task as it is now', async () => {
    const task = await setTask(police, { assignee: { teamId: tenancy.teamId } });
    expect((await police.patch(`/api/v1/tasks/${task.id}`, { version: task.version, priority: 'high' })).statusCode).toBe(200);
    const stale = await police.patch(`/api/v1/tasks/${task.id}`, { version: task.version, priority: 'urgent' });
    expectError(stale, 409, 'conflict');
    expect(stale.json().error.details[0]).toMatchObject({ id: task.id, priority: 'high', version: task.version + 1 });
    expectError(await housing.post(`/api/v1/tasks/${task.id}/accept`, { version: task.version }), 409, 'conflict');
  });

  it('changes nothing and tells no one when a save repeats what is there', async () => {
    const task = await setTask(police, { assignee: { teamId: tenancy.teamId }, priority: 'high' });
    const same = await police.patch(`/api/v1/tasks/${task.id}`, { version: task.version, priority: 'high', assignee: { teamId: tenancy.teamId } });
    expect(same.json()).toMatchObject({ version: task.version, updates: [{ kind: 'set' }] });
  });
});

const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
function expectBadCursor(response: { statusCode: number; json(): unknown }) {
  expectError(response, 422, 'validation_failed');
  expect((response.json() as { error: { details: unknown } }).error.details).toEqual([{ field: 'cursor', problem: 'is not a cursor from this list' }]);
}

describe('a forged or stale cursor', () => {
  it('is refused as not from the list, never reaching the database', async () => {
    const id = '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
    for (const values of [['x', 'y'], ['2026-02-30', id], ['2026-13-45', id], ['0000-01-01', id], ['2026-12-03', 'not-a-uuid'], [20261203, id]]) {
      expectBadCursor(await police.get(`/api/v1/tasks?view=set&cursor=${cursorOf(values)}`));
      expectBadCursor(await police.get(`/api/v1/cases/${caseId}/tasks?cursor=${cursorOf(values)}`));
    }
    expect((await police.get(`/api/v1/tasks?view=set&cursor=${cursorOf(['2026-12-03', id])}`)).statusCode).toBe(200);
  });
});

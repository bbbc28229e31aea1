import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, createRecord, emails, expectError, loadStructure, share, type Place } from '../sharing/records.fixtures.ts';
import { future, userId } from './tasks.fixtures.ts';

/** The task calls of the public API contract (API.md), made exactly as it writes them. */

let t: TestApp;
let police: Agent;
let council: Agent;
let housing: Agent;
let other: Agent;
let communitySafety: Place;
let caseId: string;

beforeAll(async () => {
  t = await startTestApp();
  const structure = await loadStructure(t);
  communitySafety = structure.team('Demo District Council/Community Safety team');
  police = await t.as(emails.police);
  council = await t.as(emails.council);
  housing = await t.as(emails.housing);
  other = await t.as(emails.other);
  // Police ASB own the case and share it with the whole council, so a task may be for any of it; housing cannot open it.
  caseId = await createRecord(police, 'cases');
  await share(police, 'cases', caseId, { organisationId: communitySafety.organisationId, level: 'view' });
});
afterAll(() => t.close());

const contractTask = (extra: Record<string, unknown> = {}) => ({
  subject: { type: 'case', id: caseId },
  title: 'Visit the tenant about the noise',
  assignee: { teamId: communitySafety.teamId },
  dueDate: future,
  ...extra,
});

async function setTask(body: Record<string, unknown>) {
  const response = await police.post('/api/v1/tasks', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; status: string; version: number };
}

describe('POST /api/v1/tasks', () => {
  it('sets a task on the subject, due on dueDate, for a user, team or organisation', async () => {
    const onCase = await setTask(contractTask());
    expect(onCase).toMatchObject({ status: 'open', dueOn: future, record: { kind: 'case', id: caseId }, assignee: { kind: 'team', id: communitySafety.teamId } });
    const forPerson = await setTask({ title: 'Call back', assignee: { userId: await userId(t, emails.council) }, dueDate: future });
    expect(forPerson).toMatchObject({ status: 'open', record: null, assignee: { kind: 'user', name: 'Jo Evans' } });
    const forOrganisation = await setTask(contractTask({ assignee: { organisationId: communitySafety.organisationId } }));
    expect(forOrganisation).toMatchObject({ assignee: { kind: 'organisation', id: communitySafety.organisationId } });
    expect((await police.get(`/api/v1/tasks/${onCase.id}`)).json()).toMatchObject({ id: onCase.id, status: 'open', dueOn: future });
  });

  it('still takes record and dueOn, as the web client sends them', async () => {
    const task = await setTask({ title: 'Check in', assignee: { teamId: communitySafety.teamId }, dueOn: future, record: { kind: 'case', id: caseId } });
    expect(task).toMatchObject({ dueOn: future, record: { kind: 'case', id: caseId } });
  });

  it('refuses a body with both spellings of a field, or no due date', async () => {
    const problems = async (body: Record<string, unknown>) => {
      const response = await police.post('/api/v1/tasks', body);
      expectError(response, 422, 'validation_failed');
      return (response.json() as { error: { details: { field: string }[] } }).error.details.map((d) => d.field);
    };
    expect(await problems(contractTask({ dueOn: future }))).toEqual(['dueDate']);
    expect(await problems(contractTask({ dueDate: undefined }))).toEqual(['dueOn']);
    expect(await problems(contractTask({ record: { kind: 'case', id: caseId } }))).toEqual(['subject']);
    expect(await problems(contractTask({ subject: { type: 'person', id: caseId } }))).toEqual(['subject.type']);
    expect(await problems(contractTask({ subject: { kind: 'case', id: caseId } }))).toEqual(expect.arrayContaining(['subject.kind']));
  });

  it('refuses a subject in another organisation without access (403) or another partnership (404)', async () => {
    expectError(await housing.post('/api/v1/tasks', contractTask()), 403, 'no_access');
    expectError(await other.post('/api/v1/tasks', contractTask({ assignee: { userId: await userId(t, emails.other) } })), 404, 'not_found');
  });
});

describe('accepting, declining and completing without a version', () => {
  it('accepts with no body at all, then completes with a result', async () => {
    const task = await setTask(contractTask());
    const accepted = await council.request('POST', `/api/v1/tasks/${task.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', acceptedBy: { name: 'Jo Evans' } });
    const completed = await council.post(`/api/v1/tasks/${task.id}/complete`, { result: 'Tenant agreed to keep the noise down' });
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json()).toMatchObject({ status: 'completed', result: 'Tenant agreed to keep the noise down' });
    expect((await police.get(`/api/v1/tasks/${task.id}`)).json()).toMatchObject({ status: 'completed' });
  });

  it('accepts with a JSON content type and an empty body, as many clients send', async () => {
    const task = await setTask(contractTask());
    const accepted = await council.request('POST', `/api/v1/tasks/${task.id}/accept`, '', { 'content-type': 'application/json' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expectError(await council.request('POST', `/api/v1/tasks/${task.id}/decline`, '', { 'content-type': 'application/json' }), 422, 'validation_failed');
    expectError(await council.request('POST', `/api/v1/tasks/${task.id}/decline`, '{"reason":', { 'content-type': 'application/json' }), 400, 'malformed_request');
  });

  it('accepts with an empty JSON object too', async () => {
    const task = await setTask(contractTask());
    expect((await council.post(`/api/v1/tasks/${task.id}/accept`, {})).json()).toMatchObject({ status: 'accepted' });
  });

  it('declines with a reason', async () => {
    const task = await setTask(contractTask());
    const declined = await council.post(`/api/v1/tasks/${task.id}/decline`, { reason: 'Not ours: the tenancy team deals with this' });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: 'Not ours: the tenancy team deals with this' });
  });

  it('refuses a repeated or out-of-order step as a conflict, with the task as it is now', async () => {
    const task = await setTask(contractTask());
    // Only whoever took the task on can complete it: a member of the team must accept it first.
    expectError(await council.post(`/api/v1/tasks/${task.id}/complete`, { result: 'Done' }), 403, 'forbidden');
    expect((await council.request('POST', `/api/v1/tasks/${task.id}/accept`)).statusCode).toBe(200);
    const again = await council.request('POST', `/api/v1/tasks/${task.id}/accept`);
    expectError(again, 409, 'conflict');
    expect(again.json().error).toMatchObject({ message: 'This task is in progress; it can be accepted only while it is waiting to be accepted.', details: [{ id: task.id, status: 'accepted' }] });
    expectError(await council.post(`/api/v1/tasks/${task.id}/decline`, { reason: 'Too late' }), 409, 'conflict');
    expect((await council.post(`/api/v1/tasks/${task.id}/complete`, { result: 'Done' })).statusCode).toBe(200);
    expectError(await council.post(`/api/v1/tasks/${task.id}/complete`, { result: 'Done again' }), 409, 'conflict');
    expectError(await council.request('POST', `/api/v1/tasks/${task.id}/accept`), 409, 'conflict');
    expect((await police.get(`/api/v1/tasks/${task.id}`)).json()).toMatchObject({ status: 'completed', result: 'Done' });
  });

  it('still refuses a step to someone the task is not for, and records the refusal', async () => {
    const task = await setTask(contractTask());
    expectError(await police.request('POST', `/api/v1/tasks/${task.id}/accept`), 403, 'forbidden');
    expectError(await police.post(`/api/v1/tasks/${task.id}/decline`, { reason: 'Mine' }), 403, 'forbidden');
    expect(await auditOf(t, task.id, 'access.refused')).toHaveLength(2);
  });

  it('still refuses a stale version when one is given', async () => {
    const task = await setTask(contractTask());
    await police.patch(`/api/v1/tasks/${task.id}`, { version: task.version, title: 'Visit the tenant this week' });
    const stale = await council.post(`/api/v1/tasks/${task.id}/accept`, { version: task.version });
    expectError(stale, 409, 'conflict');
    expect((await council.post(`/api/v1/tasks/${task.id}/decline`, { version: task.version, reason: 'No' })).statusCode).toBe(409);
  });

  it('refuses a decline without a reason, a completion without a result, and fields it does not know', async () => {
    const task = await setTask(contractTask());
    expectError(await council.post(`/api/v1/tasks/${task.id}/decline`, {}), 422, 'validation_failed');
    expectError(await council.post(`/api/v1/tasks/${task.id}/accept`, { note: 'Happy to' }), 422, 'validation_failed');
    await council.post(`/api/v1/tasks/${task.id}/accept`, {});
    expectError(await council.post(`/api/v1/tasks/${task.id}/complete`, {}), 422, 'validation_failed');
  });

  it('refuses another organisation without access (403) and the other partnership (404)', async () => {
    const task = await setTask(contractTask());
    expectError(await housing.request('POST', `/api/v1/tasks/${task.id}/accept`), 403, 'no_access');
    expectError(await housing.get(`/api/v1/tasks/${task.id}`), 403, 'no_access');
    expectError(await other.request('POST', `/api/v1/tasks/${task.id}/accept`), 404, 'not_found');
    expectError(await other.post(`/api/v1/tasks/${task.id}/decline`, { reason: 'No' }), 404, 'not_found');
    expectError(await other.get(`/api/v1/tasks/${task.id}`), 404, 'not_found');
    expect((await police.get(`/api/v1/tasks/${task.id}`)).json()).toMatchObject({ status: 'open' });
  });
});

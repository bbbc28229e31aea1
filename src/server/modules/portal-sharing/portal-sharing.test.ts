import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientTask, ProfilePortalItems, SharedDocument } from '../../../shared/api/portal.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { pdfBytes, query, upload } from '../documents/documents.fixtures.ts';
import { auditOf, createProfile, emails, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { setTask, userId } from '../tasks/tasks.fixtures.ts';
import { personWithClient, type Structure } from './portal-clients.fixtures.ts';

let t: TestApp;
let structure: Structure;
let police: Agent;
let council: Agent;

beforeAll(async () => {
  t = await startTestApp();
  structure = await loadStructure(t);
  police = await t.as(emails.police);
  council = await t.as(emails.council);
});
afterAll(() => t.close());

async function uploadTo(agent: Agent, path: string, title: string, visibility = 'shared', text = 'Your letter'): Promise<{ id: string }> {
  const response = await upload(agent, `/api/v1/${path}/documents?${query({ fileName: `${title}.pdf`, title, visibility })}`, pdfBytes(text));
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const documentPath = (profileId: string, documentId: string) => `/api/v1/profiles/${profileId}/portal/documents/${documentId}`;
const taskPath = (profileId: string, taskId: string) => `/api/v1/profiles/${profileId}/portal/tasks/${taskId}`;

async function put(agent: Agent, url: string): Promise<ProfilePortalItems> {
  const response = await agent.request('PUT', url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('documents shared with the client', () => {
  it('are chosen from the person\'s own documents; the client lists and downloads the current version, audited', async () => {
    const { person, client } = await personWithClient(t, structure);
    const letter = await uploadTo(police, `profiles/${person.id}`, 'Acceptable behaviour letter');
    const items = await put(police, documentPath(person.id, letter.id));
    expect(items.documents).toEqual([expect.objectContaining({ id: letter.id, title: 'Acceptable behaviour letter', contentType: 'application/pdf', sharedBy: { id: await userId(t, emails.police), name: expect.any(String) } })]);
    expect((await put(police, documentPath(person.id, letter.id))).documents).toHaveLength(1);

    const listed: SharedDocument[] = (await client.get('/api/v1/portal/documents')).json().items;
    expect(listed).toEqual([expect.objectContaining({ id: letter.id, fileName: 'Acceptable behaviour letter.pdf' })]);
    const file = await client.get(`/api/v1/portal/documents/${letter.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
    expect(file.rawPayload.equals(pdfBytes('Your letter'))).toBe(true);
    const [downloaded] = await auditOf(t, letter.id, 'portal_document.downloaded');
    expect(downloaded).toMatchObject({ actor: expect.objectContaining({ kind: 'client' }), details: { profileId: person.id, documentId: letter.id, version: 1 } });
    expect((await auditOf(t, letter.id, 'portal_document.shared'))).toHaveLength(1);

    const after = await police.delete(documentPath(person.id, letter.id));
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json().documents).toEqual([]);
    expect((await client.get('/api/v1/portal/documents')).json().items).toEqual([]);
    expectError(await client.get(`/api/v1/portal/documents/${letter.id}/file`), 404, 'not_found');
    expectError(await police.delete(documentPath(person.id, letter.id)), 404, 'not_found');
  });

  it('refuses a document on another record or one the practitioner may not read (422)', async () => {
    const { person } = await personWithClient(t, structure);
    const someoneElse = await createProfile(police);
    const elsewhere = await uploadTo(police, `profiles/${someoneElse.id}`, 'Not theirs');
    const kase = (await police.post('/api/v1/cases', { caseType: 'ASB', title: 'Noise at the flats' })).json();
    const onCase = await uploadTo(police, `cases/${kase.id}`, 'Case letter');
    const lead = await t.as(emails.lead);
    const privateOne = await uploadTo(lead, `profiles/${person.id}`, 'Private note', 'private');
    for (const documentId of [elsewhere.id, onCase.id, privateOne.id]) {
      const refused = await police.request('PUT', documentPath(person.id, documentId));
      expectError(refused, 422, 'validation_failed');
      expect(refused.json().error.details).toEqual([{ field: 'documentId', problem: 'must be a document on this person\'s record that you may read' }]);
    }
  });
});

describe('tasks that are the client\'s own', () => {
  it('are tasks on the person or on a case they are linked to; the client ticks one off and the people doing it are told', async () => {
    const { person, client } = await personWithClient(t, structure);
    const police1 = await userId(t, emails.police);
    const lead = await userId(t, emails.lead);
    const onPerson = await setTask(police, { title: 'Fill in the housing form', assignee: { userId: lead }, record: { kind: 'profile', id: person.id } });
    const kase = (await police.post('/api/v1/cases', { caseType: 'ASB', title: 'Harassment on the landing' })).json();
    expect((await police.post(`/api/v1/cases/${kase.id}/profiles`, { profileId: person.id, role: 'victim' })).statusCode).toBe(201);
    const onCase = await setTask(police, { title: 'Keep a diary of incidents', assignee: { userId: police1 }, record: { kind: 'case', id: kase.id }, dueOn: '2030-01-10' });
    const unrelated = (await police.post('/api/v1/cases', { caseType: 'ASB', title: 'Someone else\'s case' })).json();
    const elsewhere = await setTask(police, { title: 'Not theirs', assignee: { userId: police1 }, record: { kind: 'case', id: unrelated.id } });

    await put(police, taskPath(person.id, onPerson.id));
    const items = await put(police, taskPath(person.id, onCase.id));
    expect(items.tasks.map((task) => task.id)).toEqual([onCase.id, onPerson.id]);
    expect(items.tasks[0]).toMatchObject({ title: 'Keep a diary of incidents', done: false, doneAt: null, markedBy: { id: police1 } });
    const refused = await police.request('PUT', taskPath(person.id, elsewhere.id));
    expectError(refused, 422, 'validation_failed');
    expect(refused.json().error.details).toEqual([{ field: 'taskId', problem: 'must be a task you can see on this person, or on a case they are linked to' }]);

    const mine: ClientTask[] = (await client.get('/api/v1/portal/tasks')).json().items;
    expect(mine.map((task) => task.id)).toEqual([onCase.id, onPerson.id]);
    const done = await client.post(`/api/v1/portal/tasks/${onPerson.id}/done`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ id: onPerson.id, done: true, doneAt: expect.any(String) });
    expect((await client.post(`/api/v1/portal/tasks/${onPerson.id}/done`)).json().doneAt).toBe(done.json().doneAt);
    expect(((await client.get('/api/v1/portal/tasks')).json().items as ClientTask[]).map((task) => task.id)).toEqual([onCase.id, onPerson.id]);

    // The assignee and whoever marked it hear once; the task itself is left for its doer to finish.
    const { rows } = await t.database.pool.query<{ user_id: string; message: string; link: string }>(
      'select user_id, message, link from notifications where kind = $1 and subject_id = $2 order by user_id',
      ['client_request', onPerson.id],
    );
    expect(rows).toEqual(expect.arrayContaining([
      { user_id: lead, message: 'A client ticked off a task.', link: `/tasks/${onPerson.id}` },
      { user_id: police1, message: 'A client ticked off a task.', link: `/tasks/${onPerson.id}` },
    ]));
    expect(rows).toHaveLength(2);
    expect((await police.get(`/api/v1/tasks/${onPerson.id}`)).json().status).toBe('open');
    expect(await auditOf(t, onPerson.id, 'portal_task.done')).toHaveLength(1);

    const after = await police.delete(taskPath(person.id, onCase.id));
    expect(after.json().tasks.map((task: ClientTask) => task.id)).toEqual([onPerson.id]);
  });

  it('are one person\'s: a task on a shared case is not marked for two, and a finished task is refused', async () => {
    const a = await personWithClient(t, structure);
    const b = await personWithClient(t, structure);
    const kase = (await police.post('/api/v1/cases', { caseType: 'ASB', title: 'Both of them' })).json();
    for (const person of [a.person, b.person]) expect((await police.post(`/api/v1/cases/${kase.id}/profiles`, { profileId: person.id, role: 'victim' })).statusCode).toBe(201);
    const task = await setTask(police, { title: 'Call the housing officer', assignee: { userId: await userId(t, emails.police) }, record: { kind: 'case', id: kase.id } });
    await put(police, taskPath(a.person.id, task.id));
    expectError(await police.request('PUT', taskPath(b.person.id, task.id)), 422, 'validation_failed');
    const cancelled = await setTask(police, { title: 'No longer needed', assignee: { userId: await userId(t, emails.police) }, record: { kind: 'case', id: kase.id } });
    expect((await police.post(`/api/v1/tasks/${cancelled.id}/cancel`, { version: cancelled.version, reason: 'Sorted' })).statusCode).toBe(200);
    expectError(await police.request('PUT', taskPath(a.person.id, cancelled.id)), 422, 'validation_failed');
  });
});

describe('what is shared, across people and agencies', () => {
  it('is read with view, changed only with edit; another organisation gets 403, the other partnership 404', async () => {
    const { person } = await personWithClient(t, structure);
    const letter = await uploadTo(police, `profiles/${person.id}`, 'Letter');
    await put(police, documentPath(person.id, letter.id));
    expect((await council.get(`/api/v1/profiles/${person.id}/portal/items`)).json().documents).toHaveLength(1);
    expectError(await council.request('PUT', documentPath(person.id, letter.id)), 403, 'forbidden');
    expectError(await council.delete(documentPath(person.id, letter.id)), 403, 'forbidden');
    const housing = await t.as(emails.housing);
    const other = await t.as(emails.other);
    for (const [agent, status, code] of [[housing, 403, 'no_access'], [other, 404, 'not_found']] as const) {
      expectError(await agent.get(`/api/v1/profiles/${person.id}/portal/items`), status, code);
      expectError(await agent.request('PUT', documentPath(person.id, letter.id)), status, code);
      expectError(await agent.delete(documentPath(person.id, letter.id)), status, code);
    }
    const [listed] = await auditOf(t, person.id, 'portal_items.listed');
    expect(listed).toMatchObject({ details: { profileId: person.id, side: 'staff', documents: 1, tasks: 0 } });
  });

  it('never reaches another client: their documents and tasks are 404 and absent from the lists', async () => {
    const a = await personWithClient(t, structure);
    const b = await personWithClient(t, structure);
    const letter = await uploadTo(police, `profiles/${b.person.id}`, 'For B only');
    await put(police, documentPath(b.person.id, letter.id));
    const task = await setTask(police, { title: 'B\'s task', assignee: { userId: await userId(t, emails.police) }, record: { kind: 'profile', id: b.person.id } });
    await put(police, taskPath(b.person.id, task.id));
    expect((await a.client.get('/api/v1/portal/documents')).json().items).toEqual([]);
    expect((await a.client.get('/api/v1/portal/tasks')).json().items).toEqual([]);
    expectError(await a.client.get(`/api/v1/portal/documents/${letter.id}/file`), 404, 'not_found');
    expectError(await a.client.post(`/api/v1/portal/tasks/${task.id}/done`), 404, 'not_found');
    expect((await b.client.get('/api/v1/portal/documents')).json().items).toHaveLength(1);
    // Neither kind of session reaches the other's routes.
    expect((await a.client.get(`/api/v1/profiles/${a.person.id}/portal/items`)).statusCode).toBe(401);
    expect((await police.get('/api/v1/portal/documents')).statusCode).toBe(401);
    expect((await police.post(`/api/v1/portal/tasks/${task.id}/done`)).statusCode).toBe(401);
  });
});

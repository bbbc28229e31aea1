import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Home } from '../../../shared/api/home.ts';
import type { TaskSummary } from '../../../shared/api/tasks.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { createProfile, createRecord, emails, expectError, share, type Place } from '../sharing/records.fixtures.ts';
import { firePractitioner, setTask, taskingCast, userId } from './tasks.fixtures.ts';

// A task on a person carries the person's warning markers and risk to whoever may open them, in
// every list and on the task itself; the other parties to the task see the task, never the person.

let t: TestApp;
let police: Agent;
let housing: Agent;
let other: Agent;
let fire: Agent;
let tenancy: Place;
let person: { id: string; firstName: string; lastName: string };
let forTeam: string;
let forMe: string;

const safety = { roles: ['perpetrator'], riskLevel: 'high', warningMarkers: [{ key: 'violence', name: 'Violence' }] };

async function listed(agent: Agent, path: string): Promise<TaskSummary[]> {
  const response = await agent.get(path);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

const find = (items: TaskSummary[], id: string) => items.find((i) => i.id === id);

beforeAll(async () => {
  t = await startTestApp();
  const cast = await taskingCast(t);
  ({ police, housing, tenancy } = cast);
  other = await t.as(emails.other);
  fire = await firePractitioner(t, cast.structure);
  person = await createProfile(police, { roles: ['perpetrator'], riskLevel: 'high', warningMarkers: ['violence'] });
  // Set for the housing team, who cannot open the person: they see the task and a stub of the record.
  forTeam = (await setTask(police, { assignee: { teamId: tenancy.teamId }, record: { kind: 'profile', id: person.id } })).id;
  forMe = (await setTask(police, { assignee: { userId: await userId(t, emails.police) }, record: { kind: 'profile', id: person.id } })).id;
});
afterAll(() => t.close());

describe('a task on a person', () => {
  it('shows the tasker the person\'s markers and risk on the task, in their lists, on the person\'s tasks and at home', async () => {
    expect((await police.get(`/api/v1/tasks/${forTeam}`)).json().record).toMatchObject({ kind: 'profile', id: person.id, title: `${person.firstName} ${person.lastName}`, safety });
    expect(find(await listed(police, '/api/v1/tasks?view=set'), forTeam)!.record).toMatchObject({ safety });
    expect(find(await listed(police, `/api/v1/profiles/${person.id}/tasks`), forTeam)!.record).toMatchObject({ safety });
    const home = (await police.get('/api/v1/home')).json() as Home;
    expect(home.myTasks.items.find((i) => i.id === forMe)!.record).toMatchObject({ safety });
  });

  it('shows another organisation\'s assignee the task but not the person they cannot open, until it is shared with them', async () => {
    const seen = await housing.get(`/api/v1/tasks/${forTeam}`);
    expect(seen.json().record).toEqual({ kind: 'profile', id: person.id, title: null, safety: null });
    expect(seen.body).not.toContain('Violence');
    expect(find(await listed(housing, '/api/v1/tasks?view=team'), forTeam)!.record).toMatchObject({ title: null, safety: null });
    expect(((await housing.get('/api/v1/home')).json() as Home).teamTasks.items.find((i) => i.id === forTeam)!.record).toMatchObject({ safety: null });
    expectError(await housing.get(`/api/v1/profiles/${person.id}/tasks`), 403, 'no_access');

    await share(police, 'profiles', person.id, { teamId: tenancy.teamId, level: 'view' });
    expect((await housing.get(`/api/v1/tasks/${forTeam}`)).json().record).toMatchObject({ safety });
    expect(find(await listed(housing, '/api/v1/tasks?view=team'), forTeam)!.record).toMatchObject({ safety });
    expect(find(await listed(housing, `/api/v1/profiles/${person.id}/tasks`), forTeam)!.record).toMatchObject({ safety });
  });

  it('tells another organisation with no part in it nothing, and the other partnership that it does not exist', async () => {
    expectError(await fire.get(`/api/v1/tasks/${forTeam}`), 403, 'no_access');
    expectError(await fire.get(`/api/v1/profiles/${person.id}/tasks`), 403, 'no_access');
    expectError(await other.get(`/api/v1/tasks/${forTeam}`), 404, 'not_found');
    expectError(await other.get(`/api/v1/profiles/${person.id}/tasks`), 404, 'not_found');
    for (const agent of [fire, other]) {
      for (const view of ['mine', 'team', 'set', 'watching']) {
        const response = await agent.get(`/api/v1/tasks?view=${view}&state=all`);
        expect(response.json().items.map((i: TaskSummary) => i.id)).not.toContain(forTeam);
        expect(response.body).not.toContain('Violence');
      }
    }
  });

  it('carries no safety line on a task on a case or on no record', async () => {
    const caseId = await createRecord(police, 'cases');
    const onCase = await setTask(police, { assignee: { teamId: tenancy.teamId }, record: { kind: 'case', id: caseId }, shareWithAssignee: true });
    expect((await police.get(`/api/v1/tasks/${onCase.id}`)).json().record).toMatchObject({ kind: 'case', safety: null });
    const standalone = await setTask(police, { assignee: { teamId: tenancy.teamId } });
    expect((await police.get(`/api/v1/tasks/${standalone.id}`)).json().record).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../platform/events/types.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, createRecord, emails, expectError, share, type Place } from '../sharing/records.fixtures.ts';
import { sweepOverdueTasks } from './overdue.ts';
import { daysAgo, future, noticesAbout, setTask, taskingCast, userId } from './tasks.fixtures.ts';

let t: TestApp;
let police: Agent;
let housing: Agent;
let council: Agent;
let tenancy: Place;
let communitySafety: Place;
let caseId: string;

beforeAll(async () => {
  t = await startTestApp();
  ({ tenancy, communitySafety, police, housing, council } = await taskingCast(t));
  caseId = await createRecord(police, 'cases');
  await share(police, 'cases', caseId, { teamId: tenancy.teamId, level: 'view' });
});
afterAll(() => t.close());

const kinds = (notices: { kind: string }[]) => notices.map((n) => n.kind);

describe('a task\'s life', () => {
  it('is set for the housing team, accepted, progressed and completed, telling the tasker and watcher', async () => {
    const lead = await userId(t, emails.lead);
    const set = await police.post('/api/v1/tasks', {
      title: 'Visit the tenant about the noise', description: 'Speak to the tenant at number 4', priority: 'high', dueOn: future,
      assignee: { teamId: tenancy.teamId }, record: { kind: 'case', id: caseId }, watcherIds: [lead],
    });
    expect(set.statusCode).toBe(201);
    const task = set.json();
    expect(task).toMatchObject({ status: 'open', overdue: false, assignee: { kind: 'team', name: 'Tenancy team (Demo Housing Association)' }, setBy: { name: 'Tom Wright' }, watchers: [{ id: lead }] });
    expect(task.updates.map((u: { kind: string }) => u.kind)).toEqual(['set']);
    const assigned = await noticesAbout(t, emails.housing, task.id);
    const reference = (await police.get(`/api/v1/cases/${caseId}`)).json().reference as string;
    expect(assigned).toEqual([{ kind: 'task_assigned', message: `Tom Wright (ASB team) set a task for your team on case ${reference}, due 15 Jan 2030: "Visit the tenant about the noise".`, link: `/tasks/${task.id}` }]);

    const accepted = await housing.post(`/api/v1/tasks/${task.id}/accept`, { version: task.version });
    expect(accepted.json()).toMatchObject({ status: 'accepted', acceptedBy: { name: 'Marcus Bell' }, permissions: { canComplete: true, canAddProgress: true, canAccept: false } });
    const progress = await housing.post(`/api/v1/tasks/${task.id}/updates`, { note: 'Visited; tenant agreed to keep the noise down' });
    expect(progress.json().updates.map((u: { kind: string; note: string | null }) => [u.kind, u.note])).toEqual([
      ['set', null], ['accepted', null], ['progress', 'Visited; tenant agreed to keep the noise down'],
    ]);
    const completed = await housing.post(`/api/v1/tasks/${task.id}/complete`, { version: progress.json().version, result: 'Warning letter issued' });
    expect(completed.json()).toMatchObject({ status: 'completed', result: 'Warning letter issued', completedAt: expect.any(String), permissions: { canComplete: false, canAddProgress: false, canChange: false } });

    for (const email of [emails.police, emails.lead]) {
      expect(kinds(await noticesAbout(t, email, task.id))).toEqual(['task_accepted', 'task_updated', 'task_completed']);
    }
    expect((await noticesAbout(t, emails.police, task.id))[0]!.message).toBe('Marcus Bell (Tenancy team) accepted your task.');
    expect((await noticesAbout(t, emails.lead, task.id))[2]!.message).toBe('Marcus Bell (Tenancy team) completed a task you watch.');
    expect(kinds(await noticesAbout(t, emails.housing, task.id))).toEqual(['task_assigned']);
    expect(kinds(await noticesAbout(t, emails.council, task.id))).toEqual([]);

    const actions = (await auditOf(t, task.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['task.set', 'task.accepted', 'task.progress_added', 'task.completed']));
    const onCase = (await housing.get(`/api/v1/cases/${caseId}/tasks?state=done`)).json().items;
    expect(onCase.map((i: { id: string }) => i.id)).toContain(task.id);
  });

  it('is declined with a reason, and opened again when the tasker changes it', async () => {
    const task = await setTask(police, { assignee: { userId: await userId(t, emails.council) } });
    expectError(await council.post(`/api/v1/tasks/${task.id}/decline`, { version: task.version, reason: ' ' }), 422, 'validation_failed');
    const declined = await council.post(`/api/v1/tasks/${task.id}/decline`, { version: task.version, reason: 'Not ours: a housing matter' });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: 'Not ours: a housing matter', permissions: { canAccept: false } });
    expect(await noticesAbout(t, emails.police, task.id)).toEqual([expect.objectContaining({ kind: 'task_declined', message: 'Jo Evans (Community Safety team) declined your task.' })]);
    const changed = await police.patch(`/api/v1/tasks/${task.id}`, { version: declined.json().version, dueOn: '2030-03-01' });
    expect(changed.json()).toMatchObject({ status: 'open', declineReason: null, dueOn: '2030-03-01' });
    expect(kinds(await noticesAbout(t, emails.council, task.id))).toEqual(['task_assigned', 'task_updated']);
  });

  it('is cancelled by the tasker, telling the assignee', async () => {
    const task = await setTask(police, { assignee: { teamId: tenancy.teamId } });
    const accepted = (await housing.post(`/api/v1/tasks/${task.id}/accept`, { version: task.version })).json();
    const cancelled = await police.post(`/api/v1/tasks/${task.id}/cancel`, { version: accepted.version, reason: 'Tenant moved out' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', permissions: { canChange: false } });
    expect(cancelled.json().updates.at(-1)).toMatchObject({ kind: 'cancelled', note: 'Tenant moved out' });
    expect((await noticesAbout(t, emails.housing, task.id)).at(-1)).toMatchObject({ kind: 'task_updated', message: 'Tom Wright (ASB team) cancelled a task set for you.' });
    expectError(await housing.post(`/api/v1/tasks/${task.id}/updates`, { note: 'Too late' }), 403, 'forbidden');
    expect((await auditOf(t, task.id, 'task.cancelled'))[0]!.reason).toBe('Tenant moved out');
  });

  it('is reassigned, starting again as open for the new assignee', async () => {
    const task = await setTask(police, { assignee: { teamId: tenancy.teamId }, record: { kind: 'case', id: caseId } });
    const accepted = (await housing.post(`/api/v1/tasks/${task.id}/accept`, { version: task.version })).json();
    const moved = await police.patch(`/api/v1/tasks/${task.id}`, { version: accepted.version, assignee: { teamId: communitySafety.teamId } });
    expect(moved.json()).toMatchObject({ status: 'open', acceptedBy: null, assignee: { kind: 'team', id: communitySafety.teamId } });
    expect(moved.json().updates.at(-1).kind).toBe('reassigned');
    expect(kinds(await noticesAbout(t, emails.council, task.id))).toEqual(['task_assigned']);
    expect(kinds(await noticesAbout(t, emails.housing, task.id))).toEqual(['task_assigned', 'task_updated']);
    // The council cannot open the case, but the task is now theirs.
    expect((await council.get(`/api/v1/tasks/${task.id}`)).json()).toMatchObject({ record: { title: null }, permissions: { canAccept: true } });
    expect((await auditOf(t, task.id, 'task.reassigned'))[0]!.changes).toMatchObject({ assignedTeamId: { before: tenancy.teamId, after: communitySafety.teamId }, status: { before: 'accepted', after: 'open' } });
  });
});

describe('live updates', () => {
  it('tell the task\'s parties and those who can open its record, with ids only', async () => {
    const heard: DomainEvent[] = [];
    const stop = t.app.platform.events.subscribe((e) => heard.push(e));
    const task = await setTask(police, { assignee: { teamId: tenancy.teamId }, record: { kind: 'case', id: caseId } });
    // On PostgreSQL events travel through LISTEN/NOTIFY and arrive a moment after the commit.
    await expect.poll(() => heard.some((e) => e.type === 'task.changed' && e.data.id === task.id) && heard.some((e) => e.type === 'timeline.changed' && e.data.id === caseId)).toBe(true);
    stop();
    const policeTeam = (await police.get('/api/v1/me')).json().team.id as string;
    const changed = heard.find((e) => e.type === 'task.changed' && e.data.id === task.id)!;
    expect(changed.audience.teamIds).toEqual(expect.arrayContaining([policeTeam, tenancy.teamId]));
    expect(changed.audience.teamIds).not.toContain(communitySafety.teamId);
    const timeline = heard.find((e) => e.type === 'timeline.changed' && e.data.id === caseId)!;
    expect(timeline.data).toEqual({ kind: 'case', id: caseId, entry: 'task' });
  });
});

describe('overdue tasks', () => {
  it('flags a task due before today and tells its tasker and assignee once', async () => {
    const task = await setTask(police, { assignee: { userId: await userId(t, emails.housing) }, dueOn: daysAgo(3), backdatedReason: 'Agreed at last week\'s meeting' });
    expect((await housing.get(`/api/v1/tasks/${task.id}`)).json().overdue).toBe(true);
    const overdue = (await housing.get('/api/v1/tasks?view=mine&overdue=true')).json().items;
    expect(overdue.map((i: { id: string }) => i.id)).toContain(task.id);
    expect((await housing.get('/api/v1/tasks?view=mine&overdue=false')).json().items.map((i: { id: string }) => i.id)).not.toContain(task.id);
    await sweepOverdueTasks(t.app.platform);
    await sweepOverdueTasks(t.app.platform);
    const toHousing = (await noticesAbout(t, emails.housing, task.id)).filter((n) => n.kind === 'task_overdue');
    const toPolice = (await noticesAbout(t, emails.police, task.id)).filter((n) => n.kind === 'task_overdue');
    expect(toHousing).toHaveLength(1);
    expect(toPolice).toHaveLength(1);
    expect(toPolice[0]!.message).toMatch(/^A task you set is overdue: it was due \d+ \w{3} \d{4}\.$/);
  });

  it('does not flag a task due later or already completed', async () => {
    const later = await setTask(police, { assignee: { userId: await userId(t, emails.housing) } });
    expect((await housing.get(`/api/v1/tasks/${later.id}`)).json().overdue).toBe(false);
    const late = await setTask(police, { assignee: { userId: await userId(t, emails.housing) }, dueOn: daysAgo(3), backdatedReason: 'Agreed at last week\'s meeting' });
    const accepted = (await housing.post(`/api/v1/tasks/${late.id}/accept`, { version: late.version })).json();
    const done = (await housing.post(`/api/v1/tasks/${late.id}/complete`, { version: accepted.version, result: 'Done late' })).json();
    expect(done.overdue).toBe(false);
  });
});

describe('action plans', () => {
  it('groups a case\'s tasks and counts their progress', async () => {
    const created = await police.post(`/api/v1/cases/${caseId}/action-plans`, { title: 'Tenancy support' });
    expect(created.statusCode).toBe(201);
    const plan = created.json();
    expect(plan).toMatchObject({ caseId, title: 'Tenancy support', tasks: [], progress: { completed: 0, total: 0 } });
    const first = await setTask(police, { assignee: { teamId: tenancy.teamId }, actionPlanId: plan.id });
    const second = await setTask(police, { assignee: { teamId: tenancy.teamId }, actionPlanId: plan.id, record: { kind: 'case', id: caseId } });
    const third = await setTask(police, { assignee: { teamId: tenancy.teamId }, actionPlanId: plan.id });
    const accepted = (await housing.post(`/api/v1/tasks/${first.id}/accept`, { version: first.version })).json();
    await housing.post(`/api/v1/tasks/${first.id}/complete`, { version: accepted.version, result: 'Done' });
    await police.post(`/api/v1/tasks/${third.id}/cancel`, { version: third.version, reason: 'Not needed' });
    const plans = (await housing.get(`/api/v1/cases/${caseId}/action-plans`)).json().items;
    expect(plans).toHaveLength(1);
    expect(plans[0].progress).toEqual({ completed: 1, total: 2 });
    expect(plans[0].tasks.map((x: { id: string; record: { id: string } }) => [x.id, x.record.id])).toEqual([[first.id, caseId], [second.id, caseId], [third.id, caseId]]);

    const renamed = await police.patch(`/api/v1/action-plans/${plan.id}`, { version: plan.version, title: 'Tenancy sustainment' });
    expect(renamed.json()).toMatchObject({ title: 'Tenancy sustainment', version: plan.version + 1 });
    expectError(await police.patch(`/api/v1/action-plans/${plan.id}`, { version: plan.version, title: 'Stale' }), 409, 'conflict');
    expect((await auditOf(t, plan.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['action_plan.created', 'action_plan.updated']));
  });

  it('refuses a plan of another case, and those who cannot open the case', async () => {
    const plan = (await police.post(`/api/v1/cases/${caseId}/action-plans`, { title: 'Safety plan' })).json();
    const otherCase = await createRecord(police, 'cases');
    const response = await police.post('/api/v1/tasks', { title: 'Check in', dueOn: future, assignee: { teamId: tenancy.teamId }, record: { kind: 'case', id: otherCase }, actionPlanId: plan.id });
    expectError(response, 422, 'validation_failed');
    expect(response.json().error.details[0].field).toBe('actionPlanId');
    expectError(await council.get(`/api/v1/cases/${caseId}/action-plans`), 403, 'no_access');
    expectError(await council.post(`/api/v1/cases/${caseId}/action-plans`, { title: 'Ours' }), 403, 'no_access');
    expectError(await council.patch(`/api/v1/action-plans/${plan.id}`, { version: plan.version, title: 'Ours' }), 403, 'no_access');
    expectError(await police.post(`/api/v1/cases/${caseId}/action-plans`, { title: '' }), 422, 'validation_failed');
  });

  it('lets its author and those who can edit the case rename a plan, never a partner with view access', async () => {
    const shared = await createRecord(police, 'cases');
    await share(police, 'cases', shared, { teamId: communitySafety.teamId, level: 'view' });
    await share(police, 'cases', shared, { teamId: tenancy.teamId, level: 'edit' });
    const plan = (await police.post(`/api/v1/cases/${shared}/action-plans`, { title: 'Safety plan' })).json();
    const titleNow = async () => ((await police.get(`/api/v1/cases/${shared}/action-plans`)).json().items as { id: string; title: string; version: number }[]).find((p) => p.id === plan.id);

    // The council can open the case and add to it, but neither change the case nor the police's plan.
    expectError(await council.patch(`/api/v1/cases/${shared}`, { version: 1, title: 'Ours' }), 403, 'forbidden');
    expectError(await council.patch(`/api/v1/action-plans/${plan.id}`, { version: plan.version, title: 'Ours' }), 403, 'forbidden');
    expect(await titleNow()).toMatchObject({ title: 'Safety plan', version: plan.version });
    const refused = await auditOf(t, plan.id, 'access.refused');
    expect(refused.map((e) => e.details?.why)).toContain('may not change this action plan');
    expect((await auditOf(t, plan.id, 'action_plan.updated'))).toEqual([]);

    // Another partnership does not know the plan exists.
    expectError(await (await t.as(emails.other)).patch(`/api/v1/action-plans/${plan.id}`, { version: plan.version, title: 'Ours' }), 404, 'not_found');
    expect(await titleNow()).toMatchObject({ title: 'Safety plan', version: plan.version });

    // Its author, a teammate on the owning team, and a partner holding edit may rename it.
    const byAuthor = await police.patch(`/api/v1/action-plans/${plan.id}`, { version: plan.version, title: 'Safety and support plan' });
    expect(byAuthor.statusCode, byAuthor.body).toBe(200);
    const byLead = await (await t.as(emails.lead)).patch(`/api/v1/action-plans/${plan.id}`, { version: plan.version + 1, title: 'Support plan' });
    expect(byLead.statusCode, byLead.body).toBe(200);
    const byEditor = await housing.patch(`/api/v1/action-plans/${plan.id}`, { version: plan.version + 2, title: 'Tenancy support plan' });
    expect(byEditor.statusCode, byEditor.body).toBe(200);
    expect(await titleNow()).toMatchObject({ title: 'Tenancy support plan', version: plan.version + 3 });

    // The council still renames a plan of its own on the case.
    const own = (await council.post(`/api/v1/cases/${shared}/action-plans`, { title: 'Council plan' })).json();
    const ownRenamed = await council.patch(`/api/v1/action-plans/${own.id}`, { version: own.version, title: 'Council support plan' });
    expect(ownRenamed.statusCode, ownRenamed.body).toBe(200);
  });
});

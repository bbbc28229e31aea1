import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, emails, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { complete, completed, start, victimAnswers } from './assessments.fixtures.ts';
import { addDays, londonToday } from '../../platform/london.ts';

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

const ratings = (n: number) => ({
  'wheel-accommodation': n, 'wheel-education': n, 'wheel-health': n, 'wheel-drugs-alcohol': n, 'wheel-finance': n, 'wheel-children-families': n, 'wheel-attitudes': n,
});

describe('reviews', () => {
  it('duplicate the answers with the current template version; the old assessment keeps its version', async () => {
    const profile = await createProfile(police);
    const first = await completed(police, 'wheel', { type: 'profile', id: profile.id }, ratings(4));
    expect(first.template).toMatchObject({ version: 1 });

    // A curator drops the last pathway from the wheel, making version 2.
    const admin = await t.as(emails.admin);
    const wheel = (await admin.get('/api/v1/assessment-templates/wheel')).json();
    const { sections, scoring, bands, thresholds, adjustment, setsRiskLevel, chart, family } = wheel;
    const fewer = [{ ...sections[0], questions: sections[0].questions.filter((q: { key: string }) => q.key !== 'wheel-attitudes') }];
    const saved = await admin.patch('/api/v1/assessment-templates/wheel', { version: wheel.version, definition: { sections: fewer, scoring, bands, thresholds, adjustment, setsRiskLevel, chart, family } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(2);

    const response = await lead.post(`/api/v1/assessments/${first.id}/review`);
    expect(response.statusCode, response.body).toBe(201);
    const review = response.json();
    expect(review).toMatchObject({ status: 'draft', reviewOf: first.id, template: { key: 'wheel', version: 2 }, visibility: 'shared' });
    const { 'wheel-attitudes': _dropped, ...kept } = ratings(4);
    expect(review.answers).toEqual(kept);

    const old = (await police.get(`/api/v1/assessments/${first.id}`)).json();
    expect(old).toMatchObject({ template: { version: 1 }, answers: ratings(4), score: 28 });

    const patched = await lead.patch(`/api/v1/assessments/${review.id}`, { version: review.version, answers: { 'wheel-health': 9 } });
    expect(patched.statusCode, patched.body).toBe(200);
    const second = await complete(lead, review.id);
    expect(second).toMatchObject({ score: 29, template: { version: 2 } });

    const compared = (await police.get(`/api/v1/assessments/${second.id}/comparison`)).json();
    expect(compared.template).toMatchObject({ key: 'wheel', chart: 'wheel' });
    expect(compared.questions.map((q: { key: string }) => q.key)).not.toContain('wheel-attitudes');
    expect(compared.items.map((i: { id: string; templateVersion: number; score: number }) => [i.id, i.templateVersion, i.score])).toEqual([[first.id, 1, 28], [second.id, 2, 29]]);
  });

  it('are refused on a draft', async () => {
    const draft = await start(police, 'wheel', { type: 'profile', id: (await createProfile(police)).id });
    expectError(await police.post(`/api/v1/assessments/${draft.id}/review`), 409, 'assessment_draft');
  });

  it('due within a week are listed for the assessor until a later one is completed', async () => {
    const profile = await createProfile(police);
    const first = await completed(police, 'victim-screening', { type: 'profile', id: profile.id }, victimAnswers(), { reviewOn: addDays(londonToday(), 3) });
    const later = await completed(police, 'victim-screening', { type: 'profile', id: (await createProfile(police)).id }, victimAnswers(), { reviewOn: addDays(londonToday(), 30) });
    const due = async () => (await police.get('/api/v1/assessments?scope=reviews_due')).json().items.map((i: { id: string }) => i.id);
    expect(await due()).toContain(first.id);
    expect(await due()).not.toContain(later.id);
    expect((await lead.get('/api/v1/assessments?scope=reviews_due')).json().items.map((i: { id: string }) => i.id)).not.toContain(first.id);
    const review = (await police.post(`/api/v1/assessments/${first.id}/review`)).json();
    await complete(police, review.id);
    expect(await due()).not.toContain(first.id);
    const mine = (await police.get('/api/v1/assessments?scope=mine&limit=100')).json().items.map((i: { id: string }) => i.id);
    expect(mine).toEqual(expect.arrayContaining([first.id, later.id, review.id]));
  });
});

describe('family assessments', () => {
  it('pull through the profile and its related people the assessor can open', async () => {
    const lead = await createProfile(police, { firstName: 'Dana', lastName: 'Lead' });
    const child = await createProfile(police, { firstName: 'Sam', lastName: 'Lead' });
    const parent = await createProfile(police, { firstName: 'Ruth', lastName: 'Lead' });
    const hidden = await createProfile(await t.as(emails.housing), { firstName: 'Hidden', lastName: 'Person' });
    const relate = async (from: string, otherProfileId: string, kind: string) =>
      expect((await police.post(`/api/v1/profiles/${from}/relationships`, { otherProfileId, kind })).statusCode).toBe(201);
    await relate(lead.id, child.id, 'parent');
    await relate(parent.id, lead.id, 'parent');
    await police.post(`/api/v1/profiles/${lead.id}/access`, { teamId: place.team('Demo Housing Association/Tenancy team').teamId, level: 'view' });
    const linked = await (await t.as(emails.housing)).post(`/api/v1/profiles/${hidden.id}/relationships`, { otherProfileId: lead.id, kind: 'associate' });
    expect(linked.statusCode, linked.body).toBe(201);
    const draft = await start(police, 'family', { type: 'profile', id: lead.id });
    expect(draft.members).toEqual(expect.arrayContaining([
      { profileId: lead.id, name: 'Dana Lead', relationship: 'Lead person' },
      { profileId: child.id, name: 'Sam Lead', relationship: 'Child of' },
      { profileId: parent.id, name: 'Ruth Lead', relationship: 'Parent of' },
    ]));
    expect((draft.members as { profileId: string }[]).map((m) => m.profileId)).not.toContain(hidden.id);
    const grid = Object.fromEntries((draft.members as { profileId: string }[]).map((m) => [m.profileId, '0']));
    const missing = await police.post(`/api/v1/assessments/${draft.id}/complete`);
    expectError(missing, 422, 'validation_failed');
    const patched = await police.patch(`/api/v1/assessments/${draft.id}`, {
      version: draft.version,
      answers: {
        'family-crime-asb': { ...grid, [child.id]: '2' },
        'family-health': Object.fromEntries(Object.keys(grid).map((id) => [id, 'no'])),
        'family-worklessness': 'yes', 'family-domestic-abuse': 'no', 'family-children-need': 'no', 'family-housing': 'at-risk',
      },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await complete(police, draft.id)).toMatchObject({ score: 5 });
  });

  it('on a case, pull through its people with their roles', async () => {
    const created = await police.post('/api/v1/cases', { caseType: 'ASB', title: 'Family at number 4' });
    const caseId = created.json().id as string;
    const person = await createProfile(police, { firstName: 'Alex', lastName: 'Case' });
    expect((await police.post(`/api/v1/cases/${caseId}/profiles`, { profileId: person.id, role: 'victim' })).statusCode).toBe(201);
    const draft = await start(police, 'family', { type: 'case', id: caseId });
    expect(draft.members).toEqual([{ profileId: person.id, name: 'Alex Case', relationship: 'Victim' }]);
  });
});

describe('information requests', () => {
  it('task another team from a question of a draft, shown on the assessment', async () => {
    const profile = await createProfile(police);
    const draft = await start(police, 'asb-risk-matrix', { type: 'profile', id: profile.id });
    const housingTeam = place.team('Demo Housing Association/Tenancy team').teamId;
    const response = await police.post(`/api/v1/assessments/${draft.id}/information-requests`, {
      questionKey: 'ram-lives-close', assignee: { teamId: housingTeam }, dueOn: addDays(londonToday(), 5), note: 'Do your records show where the neighbour lives?',
    });
    expect(response.statusCode, response.body).toBe(201);
    const request = response.json().informationRequests[0];
    expect(request).toMatchObject({
      questionKey: 'ram-lives-close',
      task: { title: 'Information needed for ASB Risk Assessment Matrix: Do you live close to the offender(s) or location of the incident?', status: 'open', record: { kind: 'profile', id: profile.id } },
    });
    const task = (await police.get(`/api/v1/tasks/${request.task.id}`)).json();
    expect(task.description).toBe('Do your records show where the neighbour lives?');
    expectError(await police.post(`/api/v1/assessments/${draft.id}/information-requests`, { questionKey: 'no-such', assignee: { teamId: housingTeam }, dueOn: addDays(londonToday(), 5) }), 422, 'validation_failed');
  });

  it('are cancelled when the draft is discarded, unless already finished', async () => {
    const profile = await createProfile(police);
    const draft = await start(police, 'asb-risk-matrix', { type: 'profile', id: profile.id });
    const housingTeam = place.team('Demo Housing Association/Tenancy team').teamId;
    const housing = await t.as(emails.housing);
    const ask = async (questionKey: string) => {
      const response = await police.post(`/api/v1/assessments/${draft.id}/information-requests`, { questionKey, assignee: { teamId: housingTeam }, dueOn: addDays(londonToday(), 5) });
      expect(response.statusCode, response.body).toBe(201);
      return (response.json().informationRequests as { questionKey: string; task: { id: string; version: number } }[]).find((r) => r.questionKey === questionKey)!.task;
    };
    const open = await ask('ram-lives-close');
    const accepted = await ask('ram-knows-offender');
    const finished = await ask('ram-children');
    expect((await housing.post(`/api/v1/tasks/${accepted.id}/accept`, { version: accepted.version })).statusCode).toBe(200);
    const taken = (await housing.post(`/api/v1/tasks/${finished.id}/accept`, { version: finished.version })).json();
    expect((await housing.post(`/api/v1/tasks/${finished.id}/complete`, { version: taken.version, result: 'No children at the address' })).statusCode).toBe(200);

    // A team mate who did not set the tasks discards the draft.
    expect((await lead.delete(`/api/v1/assessments/${draft.id}`)).statusCode).toBe(204);
    for (const task of [open, accepted]) {
      const now = (await police.get(`/api/v1/tasks/${task.id}`)).json();
      expect(now.status).toBe('cancelled');
      expect(now.updates.at(-1)).toMatchObject({ kind: 'cancelled', note: 'The assessment draft was discarded' });
    }
    expect((await police.get(`/api/v1/tasks/${finished.id}`)).json().status).toBe('completed');
  });

  it('are cancelled in the audit trail as the act of whoever discarded the draft, not of whoever set them', async () => {
    const profile = await createProfile(police);
    const draft = await start(police, 'asb-risk-matrix', { type: 'profile', id: profile.id });
    const setter = (draft.startedBy as { id: string }).id;
    const response = await police.post(`/api/v1/assessments/${draft.id}/information-requests`, {
      questionKey: 'ram-lives-close', assignee: { teamId: place.team('Demo Housing Association/Tenancy team').teamId }, dueOn: addDays(londonToday(), 5),
    });
    expect(response.statusCode, response.body).toBe(201);
    const taskId = response.json().informationRequests[0].task.id as string;

    expect((await lead.delete(`/api/v1/assessments/${draft.id}`)).statusCode).toBe(204);
    const [discarded] = await auditOf(t, draft.id, 'assessment.discarded');
    const discarder = discarded!.actor.id;
    expect(discarder).not.toBe(setter);
    const [cancelled] = await auditOf(t, taskId, 'task.cancelled');
    expect(cancelled!.actor.id).toBe(discarder);
    // The task's own history and the notices name them too, and those asked are told to stop.
    const task = (await police.get(`/api/v1/tasks/${taskId}`)).json();
    expect(task.updates.at(-1)).toMatchObject({ kind: 'cancelled', author: { id: discarder } });
    const housingNotices = (await (await t.as(emails.housing)).get('/api/v1/notifications?limit=100')).json().items as { link: string; message: string }[];
    const leadName = ((await lead.get('/api/v1/me')).json() as { name: string }).name;
    expect(housingNotices.find((n) => n.link === `/tasks/${taskId}` && n.message.includes('cancelled'))?.message).toMatch(new RegExp(`^${leadName} \\(ASB team\\) cancelled a task set for you`));
    const setterNotices = (await police.get('/api/v1/notifications?limit=100')).json().items as { link: string; message: string }[];
    expect(setterNotices.some((n) => n.link === `/tasks/${taskId}` && n.message === `${leadName} (ASB team) cancelled your task.`)).toBe(true);
  });
});

import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, emails, enrolledUser, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { complete, completed, matrixAllMax, matrixKeys, start, victimAnswers } from './assessments.fixtures.ts';

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

const question = (key: string, text: string, yes: number) => ({
  key, questionId: null, text, guidance: null, kind: 'yes_no', nature: 'objective', topics: [], scale: null, required: true, condition: null,
  options: [{ value: 'yes', label: 'Yes', score: yes }, { value: 'no', label: 'No', score: 0 }],
});

const rules = { scoring: 'sum', bands: [], thresholds: [], adjustment: 'not_allowed', setsRiskLevel: false, chart: 'line', family: false };

/** A team's own template written straight to the database, so these tests do not rest on the template builder. */
async function insertTemplate(key: string, definition: Record<string, unknown>) {
  const db = t.database.db;
  const { rows: [template] } = await db.execute<{ id: string }>(sql`insert into assessment_templates (id, partnership_id, key, name, owner_team_id)
    select gen_random_uuid(), o.partnership_id, ${key}, ${key}, tm.id from teams tm join organisations o on o.id = tm.organisation_id
    where tm.id = ${place.team('Demo County Police/ASB team').teamId} returning id`);
  await db.execute(sql`insert into assessment_template_versions (id, template_id, version, definition) values (gen_random_uuid(), ${template!.id}, 1, ${JSON.stringify({ ...rules, ...definition })}::jsonb)`);
}

const profileSubject = async (agent: Agent = police) => ({ type: 'profile' as const, id: (await createProfile(agent)).id });

describe('the public contract', () => {
  it('starts a draft, saves answers and completes it with the server\'s score and band', async () => {
    const subject = await profileSubject();
    const draft = await start(police, 'asb-risk-matrix', subject, { 'ram-frequency': '3' });
    expect(draft).toMatchObject({ status: 'draft', template: { key: 'asb-risk-matrix', version: 1 }, subject: { type: 'profile', id: subject.id }, answers: { 'ram-frequency': '3' }, score: null });
    const rest = Object.fromEntries(matrixKeys.filter((k) => k !== 'ram-frequency').map((k) => [k, matrixAllMax[k]]));
    const patched = await police.patch(`/api/v1/assessments/${draft.id}`, { version: draft.version, answers: rest });
    expect(patched.statusCode, patched.body).toBe(200);
    const done = await police.post(`/api/v1/assessments/${draft.id}/complete`);
    expect(done.statusCode, done.body).toBe(200);
    // All maxima are 37; frequency "most weeks" gives 3 instead of 5.
    expect(done.json()).toMatchObject({ id: draft.id, status: 'completed', score: 35, band: { label: 'High' }, finalScore: 35, finalBand: { label: 'High' } });
  });

  it('scores every question at its highest option as 37, High', async () => {
    const done = await completed(police, 'asb-risk-matrix', await profileSubject(), matrixAllMax);
    expect(done).toMatchObject({ score: 37, band: { label: 'High', riskLevel: 'high' } });
  });

  it('scores the sum of the chosen options and bands it (16 to 29 Medium, 0 to 15 Standard)', async () => {
    const answers = { ...matrixAllMax, 'ram-frequency': '0', 'ram-intimidated': '0', 'ram-affected': '0', 'ram-support': '0', 'ram-targeted': '0' };
    // 37 - 5 - 6 - 6 - 3 - 3 = 14
    expect(await completed(police, 'asb-risk-matrix', await profileSubject(), answers)).toMatchObject({ score: 14, band: { label: 'Standard' } });
    expect(await completed(police, 'asb-risk-matrix', await profileSubject(), { ...answers, 'ram-frequency': '2' })).toMatchObject({ score: 16, band: { label: 'Medium' } });
  });

  it('scores any matrix answers as the sum of the chosen options', async () => {
    const template = (await police.get('/api/v1/assessment-templates/asb-risk-matrix')).json();
    const questions = (template.sections as { questions: { key: string; options: { value: string; score: number }[] }[] }[]).flatMap((s) => s.questions);
    const answers = fc.record(Object.fromEntries(questions.map((q) => [q.key, fc.constantFrom(...q.options)])));
    await fc.assert(fc.asyncProperty(answers, async (chosen) => {
      const values = Object.fromEntries(Object.entries(chosen).map(([key, option]) => [key, option.value]));
      const done = await completed(police, 'asb-risk-matrix', await profileSubject(), values);
      expect(done.score).toBe(Object.values(chosen).reduce((sum, option) => sum + option.score, 0));
    }), { numRuns: 8 });
  });

  it('adds up a wheel\'s ratings', async () => {
    const answers = { 'wheel-accommodation': 3, 'wheel-education': 4, 'wheel-health': 5, 'wheel-drugs-alcohol': 6, 'wheel-finance': 7, 'wheel-children-families': 8, 'wheel-attitudes': 9 };
    expect(await completed(police, 'wheel', await profileSubject(), answers)).toMatchObject({ score: 42, band: null });
  });
});

describe('completion checks', () => {
  it('lists every missing required answer', async () => {
    const draft = await start(police, 'asb-risk-matrix', await profileSubject(), { 'ram-frequency': '1', 'ram-worsening': 'no' });
    const response = await police.post(`/api/v1/assessments/${draft.id}/complete`);
    expectError(response, 422, 'validation_failed');
    const fields = (response.json().error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(matrixKeys.filter((k) => k !== 'ram-frequency' && k !== 'ram-worsening').map((k) => `answers.${k}`).sort());
    expect((await police.get(`/api/v1/assessments/${draft.id}`)).json().status).toBe('draft');
    // The refused completion left nothing behind, not even its audit row.
    expect(await auditOf(t, draft.id, 'assessment.completed')).toEqual([]);
  });

  it('refuses answers that do not fit their question, when started and when saved', async () => {
    const subject = await profileSubject();
    const bad = await police.post('/api/v1/assessments', { template: 'asb-risk-matrix', subject, answers: { 'ram-frequency': '9', 'no-such-question': 'x' } });
    expectError(bad, 422, 'validation_failed');
    expect((bad.json().error.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['answers.no-such-question', 'answers.ram-frequency']);
    const draft = await start(police, 'wheel', subject);
    expectError(await police.patch(`/api/v1/assessments/${draft.id}`, { version: draft.version, answers: { 'wheel-health': 11 } }), 422, 'validation_failed');
  });

  it('needs a conditional question only when its condition shows it, and drops its answer when hidden', async () => {
    await insertTemplate('conditional-check', {
      sections: [{
        title: 'Housing',
        questions: [
          question('rents', 'Does the person rent their home?', 1),
          { ...question('arrears', 'Are they in arrears?', 2), condition: { questionKey: 'rents', values: ['yes'] } },
        ],
      }],
    });
    const subject = await profileSubject();
    const shown = await start(police, 'conditional-check', subject, { rents: 'yes' });
    const refused = await police.post(`/api/v1/assessments/${shown.id}/complete`);
    expectError(refused, 422, 'validation_failed');
    expect(refused.json().error.details).toEqual([{ field: 'answers.arrears', problem: 'is required' }]);
    const hidden = await completed(police, 'conditional-check', subject, { rents: 'no', arrears: 'yes' });
    expect(hidden).toMatchObject({ score: 0, answers: { rents: 'no' } });
    expect(hidden.answers).not.toHaveProperty('arrears');
  });

  it('refuses a review date that is not after today, and an adjustment the template does not allow', async () => {
    const draft = await start(police, 'wheel', await profileSubject(), { 'wheel-accommodation': 3, 'wheel-education': 4, 'wheel-health': 5, 'wheel-drugs-alcohol': 6, 'wheel-finance': 7, 'wheel-children-families': 8, 'wheel-attitudes': 9 });
    const response = await police.post(`/api/v1/assessments/${draft.id}/complete`, { reviewOn: '2020-01-01', adjustment: { score: 1, reason: 'Because' } });
    expectError(response, 422, 'validation_failed');
    expect((response.json().error.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['adjustment', 'reviewOn']);
  });

  it('refuses a stale version with the assessment as it is now', async () => {
    const draft = await start(police, 'wheel', await profileSubject());
    expect((await police.patch(`/api/v1/assessments/${draft.id}`, { version: draft.version, answers: { 'wheel-health': 5 } })).statusCode).toBe(200);
    const stale = await police.patch(`/api/v1/assessments/${draft.id}`, { version: draft.version, answers: { 'wheel-health': 6 } });
    expectError(stale, 409, 'conflict');
    expect(stale.json().error.details[0]).toMatchObject({ id: draft.id, answers: { 'wheel-health': 5 } });
  });
});

describe('drafts belong to the team', () => {
  it('is saved by one member, finished by another who becomes the assessor', async () => {
    const subject = await profileSubject();
    const draft = await start(police, 'victim-screening', subject, { 'victim-vulnerable': 'no' });
    const saved = await lead.patch(`/api/v1/assessments/${draft.id}`, { version: draft.version, answers: { ...victimAnswers(), 'victim-vulnerable': null } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().answers).not.toHaveProperty('victim-vulnerable');
    const again = await police.patch(`/api/v1/assessments/${draft.id}`, { version: saved.json().version, answers: { 'victim-vulnerable': 'no' } });
    expect(again.statusCode).toBe(200);
    const done = await complete(lead, draft.id);
    expect(done).toMatchObject({ status: 'completed', score: 0, startedBy: { name: expect.any(String) }, assessor: { name: expect.any(String) } });
    const me = (await lead.get('/api/v1/me')).json();
    expect((done.assessor as { id: string }).id).toBe(me.id);
  });

  it('hides drafts from other teams: not listed, refused when asked for', async () => {
    const subject = await profileSubject();
    await police.post(`/api/v1/profiles/${subject.id}/access`, { teamId: place.team('Demo District Council/Community Safety team').teamId, level: 'edit' });
    const draft = await start(police, 'wheel', subject);
    const council = await t.as(emails.council);
    expectError(await council.get(`/api/v1/assessments/${draft.id}`), 403, 'forbidden');
    expectError(await council.patch(`/api/v1/assessments/${draft.id}`, { version: draft.version, answers: { 'wheel-health': 4 } }), 403, 'forbidden');
    expectError(await council.post(`/api/v1/assessments/${draft.id}/complete`), 403, 'forbidden');
    expectError(await council.delete(`/api/v1/assessments/${draft.id}`), 403, 'forbidden');
    const listed = (await council.get(`/api/v1/profiles/${subject.id}/assessments`)).json();
    expect(listed.items).toEqual([]);
    const teamDrafts = (await lead.get('/api/v1/assessments?scope=team_drafts')).json().items.map((i: { id: string }) => i.id);
    expect(teamDrafts).toContain(draft.id);
    expect((await council.get('/api/v1/assessments?scope=team_drafts')).json().items.map((i: { id: string }) => i.id)).not.toContain(draft.id);
  });

  it('lets the team discard a draft, never a completed assessment', async () => {
    const subject = await profileSubject();
    const draft = await start(police, 'wheel', subject);
    expect((await lead.delete(`/api/v1/assessments/${draft.id}`)).statusCode).toBe(204);
    expectError(await police.get(`/api/v1/assessments/${draft.id}`), 404, 'not_found');
    const done = await completed(police, 'victim-screening', subject, victimAnswers());
    expectError(await police.delete(`/api/v1/assessments/${done.id}`), 409, 'assessment_completed');
    expectError(await police.patch(`/api/v1/assessments/${done.id}`, { version: done.version, answers: {} }), 409, 'assessment_completed');
  });

  it('does not let a read-only member start or change one', async () => {
    const reader = (await enrolledUser(t, emails.admin, { name: 'Rae Reader', role: 'read_only', teamId: place.team('Demo County Police/ASB team').teamId })).agent;
    const subject = await profileSubject();
    expect((await reader.post('/api/v1/assessments', { template: 'wheel', subject })).statusCode).toBe(403);
    const draft = await start(police, 'wheel', subject);
    expect((await reader.get(`/api/v1/assessments/${draft.id}`)).statusCode).toBe(200);
    expect((await reader.patch(`/api/v1/assessments/${draft.id}`, { version: draft.version, answers: {} })).statusCode).toBe(403);
  });

  it('refuses a retired template and one of another partnership', async () => {
    const db = t.database.db;
    const { rows: [theirs] } = await db.execute<{ id: string }>(sql`select t.id from assessment_templates t where t.key = 'wheel'
      and t.partnership_id <> (select o.partnership_id from teams tm join organisations o on o.id = tm.organisation_id where tm.id = ${place.team('Demo County Police/ASB team').teamId})`);
    const subject = await profileSubject();
    expectError(await police.post('/api/v1/assessments', { template: theirs!.id, subject }), 422, 'validation_failed');
    await insertTemplate('retired-check', { sections: [{ title: 'One', questions: [question('only', 'Only question?', 1)] }] });
    await db.execute(sql`update assessment_templates set status = 'retired' where key = 'retired-check'`);
    expectError(await police.post('/api/v1/assessments', { template: 'retired-check', subject }), 409, 'template_retired');
  });
});

describe('the audit trail', () => {
  it('records starting, saving, completing and viewing, naming questions but never answers', async () => {
    const subject = await profileSubject();
    const draft = await start(police, 'victim-screening', subject, { 'victim-vulnerable': 'yes' });
    await police.patch(`/api/v1/assessments/${draft.id}`, { version: draft.version, answers: victimAnswers(['victim-vulnerable']) });
    await complete(police, draft.id);
    await lead.get(`/api/v1/assessments/${draft.id}`);
    const rows = await auditOf(t, draft.id);
    expect(rows.map((r) => r.action).sort()).toEqual(['assessment.completed', 'assessment.started', 'assessment.updated', 'assessment.viewed']);
    expect(rows.every((r) => r.entityType === 'assessment')).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/"yes"|"no"/);
    const completedRow = rows.find((r) => r.action === 'assessment.completed')!;
    expect(completedRow.details).toMatchObject({ score: 1, band: 'Full risk assessment required', recordKind: 'profile', recordId: subject.id });
  });
});

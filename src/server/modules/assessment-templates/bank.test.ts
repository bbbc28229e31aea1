import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, emails, enrolledUser, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { bankByKey, createTemplate, ownDefinition, submitQuestion } from './templates.fixtures.ts';

let t: TestApp;
let readOnly: Agent;

beforeAll(async () => {
  t = await startTestApp();
  const place = await loadStructure(t);
  readOnly = (await enrolledUser(t, emails.admin, { name: 'Rae Reader', role: 'read_only', teamId: place.team('Demo County Police/ASB team').teamId })).agent;
});
afterAll(() => t.close());

const listed = async (agent: Agent, query = '') => {
  const response = await agent.get(`/api/v1/assessment-questions?limit=200${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as { id: string; key: string; status: string; text: string }[];
};

describe('the question bank', () => {
  it('holds the built-in questions, approved, for everyone in the partnership', async () => {
    const bank = await bankByKey(await t.as(emails.police));
    expect(bank.size).toBeGreaterThanOrEqual(34);
    expect(bank.get('victim-vulnerable')).toMatchObject({ text: 'Vulnerable victim?', kind: 'yes_no', status: 'approved', builtIn: true, submittedBy: null });
    expect(bank.get('wheel-health')).toMatchObject({ kind: 'scale', scale: { min: 1, max: 10 } });
    expect((await listed(readOnly)).length).toBeGreaterThan(0);
  });

  it('takes a practitioner\'s question as submitted, seen by them and the curators only', async () => {
    const police = await t.as(emails.police);
    const question = await submitQuestion(police, { text: 'Is the tenancy at risk?', guidance: 'Ask the landlord.', topics: ['Housing', 'housing'] });
    expect(question).toMatchObject({ key: 'is-the-tenancy-at-risk', status: 'submitted', builtIn: false, submittedBy: { name: expect.any(String) }, submittedByTeam: { name: 'ASB team' }, topics: ['housing'], version: 1 });
    expect(question.options.map((o: { value: string }) => o.value)).toEqual(['yes', 'no']);
    expect((await listed(police)).map((q) => q.id)).toContain(question.id);
    expect((await listed(await t.as(emails.council))).map((q) => q.id)).not.toContain(question.id);
    expectError(await (await t.as(emails.council)).get(`/api/v1/assessment-questions/${question.id}`), 404, 'not_found');
    const curator = await t.as(emails.admin);
    expect((await listed(curator, '&status=submitted')).map((q) => q.id)).toContain(question.id);
    const [audited] = await auditOf(t, question.id, 'assessment_question.submitted');
    expect(audited?.details).toMatchObject({ status: 'submitted', key: 'is-the-tenancy-at-risk' });
    expectError(await readOnly.post('/api/v1/assessment-questions', { text: 'Read only?', kind: 'text', nature: 'objective' }), 403, 'forbidden');
  });

  it('lets the submitter reword their question until a curator decides it; curators approve and retire', async () => {
    const police = await t.as(emails.police);
    const question = await submitQuestion(police);
    const reworded = await police.patch(`/api/v1/assessment-questions/${question.id}`, { version: 1, text: 'Has anyone seen them at home?' });
    expect(reworded.statusCode, reworded.body).toBe(200);
    expect(reworded.json()).toMatchObject({ text: 'Has anyone seen them at home?', version: 2 });
    expectError(await police.patch(`/api/v1/assessment-questions/${question.id}`, { version: 2, status: 'approved' }), 403, 'forbidden');
    expectError(await (await t.as(emails.council)).patch(`/api/v1/assessment-questions/${question.id}`, { version: 2, text: 'Mine now' }), 403, 'forbidden');
    expectError(await (await t.as(emails.lead)).patch(`/api/v1/assessment-questions/${question.id}`, { version: 2, status: 'approved' }), 403, 'forbidden');
    const curator = await t.as(emails.admin);
    expectError(await curator.patch(`/api/v1/assessment-questions/${question.id}`, { version: 1, status: 'approved' }), 409, 'conflict');
    const approved = await curator.patch(`/api/v1/assessment-questions/${question.id}`, { version: 2, status: 'approved' });
    expect(approved.json()).toMatchObject({ status: 'approved', version: 3 });
    expectError(await police.patch(`/api/v1/assessment-questions/${question.id}`, { version: 3, text: 'Too late' }), 403, 'forbidden');
    expect((await listed(await t.as(emails.council))).map((q) => q.id)).toContain(question.id);

    const definition = ownDefinition();
    definition.sections[0]!.questions.push({ key: 'seen', questionId: question.id, text: 'x', kind: 'text' } as never);
    const used = await createTemplate(await t.as(emails.lead), { definition });
    expect(used.sections[0].questions[3]).toMatchObject({ questionId: question.id, text: 'Has anyone seen them at home?', kind: 'yes_no' });

    const retired = await curator.patch(`/api/v1/assessment-questions/${question.id}`, { version: 3, status: 'retired' });
    expect(retired.json().status).toBe('retired');
    expect((await listed(await t.as(emails.council))).map((q) => q.id)).not.toContain(question.id);
    const refused = await (await t.as(emails.lead)).post('/api/v1/assessment-templates', { name: 'Uses a retired question', definition });
    expectError(refused, 422, 'validation_failed');
    const kept = await (await t.as(emails.lead)).patch(`/api/v1/assessment-templates/${used.id}`, { version: 1, definition: { ...definition, thresholds: [{ min: 6, label: 'Call the landlord' }] } });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ version: 2 });
    expect(kept.json().sections[0].questions[3]).toMatchObject({ questionId: question.id, text: 'Has anyone seen them at home?' });
    const changes = (await auditOf(t, question.id, 'assessment_question.updated')).map((a) => a.changes);
    expect(changes).toContainEqual({ status: { before: 'approved', after: 'retired' } });
  });

  it('lets a curator add straight into the bank and edit a built-in question without changing any template version', async () => {
    const curator = await t.as(emails.admin);
    const added = await submitQuestion(curator, { key: 'rent-arrears', text: 'How many weeks of rent are owed?', kind: 'number' });
    expect(added).toMatchObject({ key: 'rent-arrears', status: 'approved' });
    expectError(await curator.post('/api/v1/assessment-questions', { key: 'rent-arrears', text: 'Again', kind: 'text', nature: 'subjective' }), 409, 'conflict');
    const bank = await bankByKey(curator);
    const vulnerable = bank.get('victim-vulnerable')!;
    const edited = await curator.patch(`/api/v1/assessment-questions/${vulnerable.id}`, { version: vulnerable.version, text: 'Is the victim vulnerable?' });
    expect(edited.statusCode, edited.body).toBe(200);
    const victim = (await (await t.as(emails.police)).get('/api/v1/assessment-templates/victim-screening')).json();
    expect(victim.version).toBe(1);
    expect(victim.sections[0].questions[0].text).toBe('Vulnerable victim?');
  });

  it('is curated by the partnership\'s system administrator, not an organisation admin, who changes nothing', async () => {
    const police = await t.as(emails.police);
    const policeAdmin = await t.as(emails.policeAdmin);
    const submitted = await submitQuestion(police, { text: 'Does the neighbour keep a diary of the noise?' });
    const bank = await bankByKey(await t.as(emails.admin));
    const builtIn = bank.get('victim-coping')!;

    // An organisation admin submits like anyone else, and sees only the approved questions and their own.
    const own = await submitQuestion(policeAdmin, { text: 'Is the council aware?' });
    expect(own.status).toBe('submitted');
    expect((await listed(policeAdmin)).map((q) => q.id)).not.toContain(submitted.id);
    expectError(await policeAdmin.get(`/api/v1/assessment-questions/${submitted.id}`), 404, 'not_found');
    expectError(await policeAdmin.patch(`/api/v1/assessment-questions/${submitted.id}`, { version: submitted.version, status: 'approved' }), 403, 'forbidden');
    expectError(await policeAdmin.patch(`/api/v1/assessment-questions/${builtIn.id}`, { version: builtIn.version, text: 'Are they coping?' }), 403, 'forbidden');
    expectError(await policeAdmin.patch(`/api/v1/assessment-questions/${builtIn.id}`, { version: builtIn.version, status: 'retired' }), 403, 'forbidden');
    expectError(await policeAdmin.patch(`/api/v1/assessment-questions/${own.id}`, { version: own.version, status: 'approved' }), 403, 'forbidden');

    const curator = await t.as(emails.admin);
    expect((await curator.get(`/api/v1/assessment-questions/${submitted.id}`)).json()).toMatchObject({ status: 'submitted', version: submitted.version });
    expect((await curator.get(`/api/v1/assessment-questions/${builtIn.id}`)).json()).toMatchObject({ text: builtIn.text, status: 'approved', version: builtIn.version });
    expect((await curator.get(`/api/v1/assessment-questions/${own.id}`)).json()).toMatchObject({ status: 'submitted', version: own.version });
    expect(await auditOf(t, builtIn.id, 'assessment_question.updated')).toEqual([]);

    const approved = await curator.patch(`/api/v1/assessment-questions/${submitted.id}`, { version: submitted.version, status: 'approved' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', version: submitted.version + 1 });
  });

  it('refuses a question the engine could not ask', async () => {
    const police = await t.as(emails.police);
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'single_choice', options: [{ value: 'a', label: 'A' }] }, 'options'],
      [{ kind: 'single_choice', options: [{ value: 'a', label: 'A' }, { value: 'a', label: 'Again' }] }, 'options'],
      [{ kind: 'yes_no', options: [{ value: 'y', label: 'Y' }, { value: 'n', label: 'N' }] }, 'options'],
      [{ kind: 'scale' }, 'scale'],
      [{ kind: 'scale', scale: { min: 5, max: 1 } }, 'scale'],
      [{ kind: 'text', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] }, 'options'],
      [{ kind: 'number', scale: { min: 1, max: 5 } }, 'scale'],
    ];
    for (const [body, field] of cases) {
      const response = await police.post('/api/v1/assessment-questions', { text: 'A question', nature: 'objective', ...body });
      expectError(response, 422, 'validation_failed');
      expect(response.json().error.details).toContainEqual(expect.objectContaining({ field }));
    }
  });

  it('filters by status, topic, nature and words, a page at a time', async () => {
    const curator = await t.as(emails.admin);
    const keys = async (query: string) => (await listed(curator, query)).map((q) => q.key);
    expect(await keys('&topic=PATHWAYS')).toHaveLength(7);
    expect((await keys('&q=wheel-')).every((k) => k.startsWith('wheel-'))).toBe(true);
    expect(await keys('&q=coping%20STRATEGIES')).toEqual(['victim-coping']);
    expect((await listed(curator, '&nature=subjective')).length).toBeGreaterThan(5);
    expect(await keys('&q=100%25')).toEqual([]);
    const first = (await curator.get('/api/v1/assessment-questions?limit=5')).json();
    const second = (await curator.get(`/api/v1/assessment-questions?limit=5&cursor=${first.nextCursor}`)).json();
    expect(first.items).toHaveLength(5);
    expect(second.items[0].text >= first.items[4].text).toBe(true);
    expect(second.items.map((q: { id: string }) => q.id)).not.toContain(first.items[4].id);
    expectError(await curator.get('/api/v1/assessment-questions?cursor=nonsense'), 422, 'validation_failed');
  });

  it('does not exist for the other partnership', async () => {
    const question = await submitQuestion(await t.as(emails.admin));
    const other = await t.as(emails.other);
    expectError(await other.get(`/api/v1/assessment-questions/${question.id}`), 404, 'not_found');
    expectError(await other.patch(`/api/v1/assessment-questions/${question.id}`, { version: 1, text: 'Ours' }), 404, 'not_found');
    expect((await listed(other)).map((q) => q.id)).not.toContain(question.id);
    const definition = ownDefinition();
    definition.sections[0]!.questions.push({ key: 'borrowed', questionId: question.id, text: 'x', kind: 'text' } as never);
    const otherAdmin = (await enrolledUser(t, emails.admin, { name: 'Otto Other', role: 'team_admin', teamId: (await loadStructure(t)).team('Neighbouring County Police/ASB team').teamId })).agent;
    expectError(await otherAdmin.post('/api/v1/assessment-templates', { name: 'Borrowed', definition }), 422, 'validation_failed');
  });
});

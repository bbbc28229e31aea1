import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, emails, enrolledUser, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { bankByKey, createTemplate, ownDefinition, submitQuestion } from './templates.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;
let councilLead: Agent;
let iomLead: Agent;
let otherLead: Agent;
let readOnly: Agent;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
  councilLead = (await enrolledUser(t, emails.admin, { name: 'Cara Council', role: 'team_admin', teamId: place.team('Demo District Council/Community Safety team').teamId })).agent;
  iomLead = (await enrolledUser(t, emails.admin, { name: 'Ian Iom', role: 'team_admin', teamId: place.team('Demo County Police/IOM team').teamId })).agent;
  otherLead = (await enrolledUser(t, emails.admin, { name: 'Nell Neighbour', role: 'team_admin', teamId: place.team('Neighbouring County Police/ASB team').teamId })).agent;
  readOnly = (await enrolledUser(t, emails.admin, { name: 'Rae Reader', role: 'read_only', teamId: place.team('Demo County Police/ASB team').teamId })).agent;
});
afterAll(() => t.close());

const get = async (agent: Agent, url: string) => {
  const response = await agent.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

type Question = { key: string; text: string; guidance: string | null; kind: string; required: boolean; options: { value: string; label: string; score: number }[]; scale: { min: number; max: number } | null; questionId: string | null };
const questionsOf = (template: { sections: { questions: Question[] }[] }) => template.sections.flatMap((s) => s.questions);

describe('the built-in templates', () => {
  it('are listed for everyone in the partnership, read-only users and the other partnership included', async () => {
    for (const agent of [await t.as(emails.police), readOnly, await t.as(emails.other)]) {
      const { items } = await get(agent, '/api/v1/assessment-templates');
      expect(items.map((i: { key: string }) => i.key).slice(0, 4).sort()).toEqual(['asb-risk-matrix', 'family', 'victim-screening', 'wheel']);
      expect(items[0]).toEqual(expect.objectContaining({ id: expect.any(String), key: expect.any(String), name: expect.any(String), version: 1, builtIn: true, team: null }));
    }
  });

  it('ask the VICTIM questions with the seed\'s guidance, yes or no each', async () => {
    const victim = await get(await t.as(emails.police), '/api/v1/assessment-templates/victim-screening');
    expect(victim).toMatchObject({ key: 'victim-screening', name: 'VICTIM screening', version: 1, thresholds: [{ min: 1, label: 'Complete the ASB Risk Assessment Matrix today', followUp: 'asb-risk-matrix' }] });
    const questions = questionsOf(victim);
    expect(questions.map((q) => [q.text, q.guidance])).toEqual([
      ['Vulnerable victim?', 'See Derbyshire definition of Vulnerable'],
      ['Increasing severity or frequency of ASB incidents?', 'Are the incidents getting worse or happening more often?'],
      ['Coping strategies failing?', 'Is the victim able to cope with the ongoing situation or is it beginning to affect their wellbeing? Do they have support from family or friends? Do they know where to go to for help?'],
      ['Targeted anti-social behaviour?', 'Is the perpetrator focussing on this victim in particular eg personal grievance, faith, nationality, ethnicity, sexuality, gender or disability?'],
      ['Impact on quality of life?', 'Is the victim changing their routine or avoiding certain locations? Are they distressed? Has it affected their physical or mental health?'],
      ['Multi-agency involvement?', 'Will the problem need more than one agency to help solve the issues e.g. police, council, fire service, housing, health etc?'],
    ]);
    for (const q of questions) {
      expect(q).toMatchObject({ kind: 'yes_no', required: true });
      expect(q.options.map((o) => [o.value, o.score])).toEqual([['yes', 1], ['no', 0]]);
    }
  });

  it('score the matrix in four sections of thirteen questions, banded 0-15, 16-29 and 30+', async () => {
    const matrix = await get(await t.as(emails.police), '/api/v1/assessment-templates/asb-risk-matrix');
    expect(matrix.sections.map((s: { title: string; questions: unknown[] }) => [s.title, s.questions.length])).toEqual([['Offence', 2], ['Offender', 5], ['Impact', 4], ['Scale', 2]]);
    expect(questionsOf(matrix)).toHaveLength(13);
    expect(matrix.bands.map((b: { label: string; min: number; max: number | null; riskLevel: string }) => [b.label, b.min, b.max, b.riskLevel]))
      .toEqual([['Standard', 0, 15, 'standard'], ['Medium', 16, 29, 'medium'], ['High', 30, null, 'high']]);
    expect(matrix).toMatchObject({ adjustment: 'approval_required', setsRiskLevel: true });
    const frequency = questionsOf(matrix).find((q) => q.text.startsWith('Other than this occasion'))!;
    expect(frequency.options.map((o) => [o.label, o.score])).toEqual([['Isolated incident', 0], ['Only occasionally', 1], ['Most months', 2], ['Most weeks', 3], ['Most days', 4], ['Daily', 5]]);
    const highest = questionsOf(matrix).reduce((sum, q) => sum + Math.max(...q.options.map((o) => o.score)), 0);
    expect(highest).toBeGreaterThanOrEqual(30);
  });

  it('rate the wheel\'s seven pathways from 1 to 10, and pull the family\'s members into family grid questions', async () => {
    const police = await t.as(emails.police);
    const wheel = await get(police, '/api/v1/assessment-templates/wheel');
    expect(wheel.chart).toBe('wheel');
    expect(questionsOf(wheel).map((q) => [q.kind, q.scale])).toEqual(Array.from({ length: 7 }, () => ['scale', { min: 1, max: 10 }]));
    expect(questionsOf(wheel).map((q) => q.text)).toEqual(['Accommodation', 'Education, training and employment', 'Health', 'Drugs and alcohol', 'Finance, benefit and debt', 'Children and families', 'Attitudes, thinking and behaviour']);
    const family = await get(police, '/api/v1/assessment-templates/family');
    expect(family.family).toBe(true);
    expect(questionsOf(family).filter((q) => q.kind === 'family_grid').length).toBeGreaterThanOrEqual(2);
    expect(questionsOf(family).every((q) => q.questionId)).toBe(true);
  });

  it('are found by id as by key, and only a curator may change one', async () => {
    const wheel = await get(await t.as(emails.police), '/api/v1/assessment-templates/wheel');
    const byId = await get(await t.as(emails.police), `/api/v1/assessment-templates/${wheel.id}`);
    expect(byId).toEqual(wheel);
    expect(wheel.permissions.canEdit).toBe(false);
    const lead = await t.as(emails.lead);
    expect((await get(lead, `/api/v1/assessment-templates/${wheel.id}`)).permissions.canEdit).toBe(false);
    expectError(await lead.patch(`/api/v1/assessment-templates/${wheel.id}`, { version: 1, description: 'Ours now' }), 403, 'forbidden');
    // The built-in templates are the partnership's: an organisation admin is no curator of them.
    const policeAdmin = await t.as(emails.policeAdmin);
    expect((await get(policeAdmin, `/api/v1/assessment-templates/${wheel.id}`)).permissions.canEdit).toBe(false);
    expectError(await policeAdmin.patch(`/api/v1/assessment-templates/${wheel.id}`, { version: 1, description: 'Police pathways' }), 403, 'forbidden');
    expect((await get(lead, `/api/v1/assessment-templates/${wheel.id}`)).description).toBe(wheel.description);
    const curator = await t.as(emails.admin);
    expect((await get(curator, `/api/v1/assessment-templates/${wheel.id}`)).permissions.canEdit).toBe(true);
    const renamed = await curator.patch(`/api/v1/assessment-templates/${wheel.id}`, { version: 1, description: 'Pathfinder pathways, rated each quarter.' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ version: 1, description: 'Pathfinder pathways, rated each quarter.' });
  });
});

describe('building a template', () => {
  it('makes one for the designer\'s team, with a key from the name, copying a bank question\'s wording', async () => {
    const lead = await t.as(emails.lead);
    const bank = await bankByKey(await t.as(emails.policeAdmin));
    const frequency = bank.get('ram-frequency')!;
    const definition = ownDefinition();
    definition.sections[0]!.questions.push({ key: 'frequency', questionId: frequency.id, text: 'My own wording', kind: 'text', required: true } as never);
    const response = await lead.post('/api/v1/assessment-templates', { name: 'Noise & nuisance: first visit', definition });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ key: 'noise-nuisance-first-visit', version: 1, builtIn: false, status: 'active', team: { name: 'ASB team' }, permissions: { canEdit: true } });
    const copied = questionsOf(created).find((q) => q.key === 'frequency')!;
    expect(copied).toMatchObject({ questionId: frequency.id, text: frequency.text, kind: 'single_choice', required: true, options: frequency.options });
    const again = await createTemplate(lead, { name: 'Noise & nuisance: first visit' });
    expect(again.key).toBe('noise-nuisance-first-visit-2');
    expectError(await lead.post('/api/v1/assessment-templates', { key: 'noise-nuisance-first-visit', name: 'Another', definition: ownDefinition() }), 409, 'conflict');
    const [audited] = await auditOf(t, created.id, 'assessment_template.created');
    expect(audited?.details).toMatchObject({ key: 'noise-nuisance-first-visit', version: 1 });
  });

  it('refuses a definition the engine cannot use, and a question that is not approved in the bank', async () => {
    const lead = await t.as(emails.lead);
    const broken = ownDefinition({ bands: [{ label: 'Low', min: 0, max: 10 }, { label: 'High', min: 5, max: null }] });
    broken.sections[0]!.questions[0]!.options = [{ value: 'y', label: 'Y', score: 1 }, { value: 'n', label: 'N', score: 0 }];
    const refused = await lead.post('/api/v1/assessment-templates', { name: 'Broken', definition: broken });
    expectError(refused, 422, 'validation_failed');
    expect(refused.json().error.details).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'definition.sections.0.questions.0.options' }),
      expect.objectContaining({ field: 'definition.bands' }),
    ]));
    const unknownFollowUp = await lead.post('/api/v1/assessment-templates', { name: 'Follows nothing', definition: ownDefinition({ thresholds: [{ min: 1, label: 'Do the next one', followUp: 'no-such-template' }] }) });
    expect(unknownFollowUp.json().error.details).toEqual([{ field: 'definition.thresholds.0.followUp', problem: expect.any(String) }]);
    const grid = ownDefinition();
    grid.sections[0]!.questions.push({ key: 'each', text: 'Each member?', kind: 'family_grid', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] } as never);
    const notFamily = await lead.post('/api/v1/assessment-templates', { name: 'Grid without family', definition: grid });
    expect(notFamily.json().error.details).toEqual([{ field: 'definition.sections.0.questions.3.kind', problem: expect.any(String) }]);
    expect((await lead.post('/api/v1/assessment-templates', { name: 'Grid with family', definition: { ...grid, family: true } })).statusCode).toBe(201);
    const followsMatrix = await lead.post('/api/v1/assessment-templates', { name: 'Follows the matrix', definition: ownDefinition({ thresholds: [{ min: 6, label: 'Do the matrix', followUp: 'asb-risk-matrix' }] }) });
    expect(followsMatrix.statusCode, followsMatrix.body).toBe(201);
    const submitted = await submitQuestion(await t.as(emails.police));
    for (const questionId of [submitted.id, '00000000-0000-7000-8000-000000000000']) {
      const definition = ownDefinition();
      definition.sections[0]!.questions.push({ key: 'seen', questionId, text: 'Seen?', kind: 'yes_no', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] } as never);
      const response = await lead.post('/api/v1/assessment-templates', { name: 'Uses the unapproved', definition });
      expectError(response, 422, 'validation_failed');
      expect(response.json().error.details).toEqual([{ field: 'definition.sections.0.questions.3.questionId', problem: expect.any(String) }]);
    }
    expectError(await lead.post('/api/v1/assessment-templates', { name: 'No sections', definition: { sections: [] } }), 422, 'validation_failed');
  });

  it('is refused to practitioners and read-only users', async () => {
    for (const agent of [await t.as(emails.police), readOnly]) {
      expectError(await agent.post('/api/v1/assessment-templates', { name: 'Mine', definition: ownDefinition() }), 403, 'forbidden');
    }
    const template = await createTemplate(await t.as(emails.lead));
    expect((await get(await t.as(emails.police), `/api/v1/assessment-templates/${template.id}`)).permissions.canEdit).toBe(false);
    expectError(await (await t.as(emails.police)).patch(`/api/v1/assessment-templates/${template.id}`, { version: 1, name: 'Renamed' }), 403, 'forbidden');
    expectError(await (await t.as(emails.police)).post(`/api/v1/assessment-templates/${template.id}/copy`, { name: 'Copy' }), 403, 'forbidden');
  });
});

describe('versions', () => {
  it('saves a changed definition as the next version and keeps the old one readable', async () => {
    const lead = await t.as(emails.lead);
    const template = await createTemplate(lead);
    const changed = ownDefinition();
    changed.sections[0]!.questions[0]!.text = 'Is there noise after 11pm?';
    const saved = await lead.patch(`/api/v1/assessment-templates/${template.id}`, { version: 1, definition: changed });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2 });
    expect(questionsOf(saved.json())[0]!.text).toBe('Is there noise after 11pm?');
    const old = await get(lead, `/api/v1/assessment-templates/${template.id}?version=1`);
    expect(old.version).toBe(1);
    expect(questionsOf(old)[0]!.text).toBe('Is there noise at night?');
    expect((await get(lead, `/api/v1/assessment-templates/${template.key}`)).version).toBe(2);
    const versions = await get(lead, `/api/v1/assessment-templates/${template.id}/versions`);
    expect(versions.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.items[0].createdBy).toEqual({ id: expect.any(String), name: expect.any(String) });
    expectError(await lead.get(`/api/v1/assessment-templates/${template.id}?version=3`), 404, 'not_found');

    const same = await lead.patch(`/api/v1/assessment-templates/${template.id}`, { version: 2, definition: changed, name: 'Night noise check' });
    expect(same.json()).toMatchObject({ version: 2, name: 'Night noise check' });
    const stale = await lead.patch(`/api/v1/assessment-templates/${template.id}`, { version: 1, definition: ownDefinition() });
    expectError(stale, 409, 'conflict');
    expect(stale.json().error.details[0]).toMatchObject({ id: template.id, version: 2, name: 'Night noise check' });
    const audited = await auditOf(t, template.id, 'assessment_template.updated');
    expect(audited.map((a) => Object.keys(a.changes ?? {}).sort())).toEqual([['name'], ['version']]);
  });

  it('retires a template: gone from the list unless asked for, still readable', async () => {
    const lead = await t.as(emails.lead);
    const template = await createTemplate(lead);
    const retired = await lead.patch(`/api/v1/assessment-templates/${template.id}`, { version: 1, status: 'retired' });
    expect(retired.json()).toMatchObject({ status: 'retired', version: 1 });
    const keys = async (query: string) => (await get(lead, `/api/v1/assessment-templates${query}`)).items.map((i: { key: string }) => i.key);
    expect(await keys('')).not.toContain(template.key);
    expect(await keys('?includeRetired=true')).toContain(template.key);
    expect((await get(lead, `/api/v1/assessment-templates/${template.id}`)).status).toBe('retired');
  });
});

describe('other teams', () => {
  it('may not change a team\'s template but may copy it, as they may a built-in one', async () => {
    const template = await createTemplate(await t.as(emails.lead));
    expectError(await councilLead.patch(`/api/v1/assessment-templates/${template.id}`, { version: 1, name: 'Ours' }), 403, 'forbidden');
    const copy = await councilLead.post(`/api/v1/assessment-templates/${template.id}/copy`, { name: 'Council noise check' });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json()).toMatchObject({ key: 'council-noise-check', version: 1, team: { name: 'Community Safety team' }, builtIn: false, permissions: { canEdit: true } });
    expect(copy.json().sections).toEqual(template.sections);
    const family = await councilLead.post('/api/v1/assessment-templates/family/copy', { name: 'Council family assessment', key: 'council-family' });
    expect(family.statusCode, family.body).toBe(201);
    expect(family.json()).toMatchObject({ key: 'council-family', family: true, team: { name: 'Community Safety team' } });
    const edited = await councilLead.patch(`/api/v1/assessment-templates/${family.json().id}`, { version: 1, name: 'Council family assessment (adapted)' });
    expect(edited.statusCode, edited.body).toBe(200);
    const [audited] = await auditOf(t, copy.json().id, 'assessment_template.copied');
    expect(audited?.details).toMatchObject({ from: template.id, fromVersion: 1 });
  });

  it('the system administrator may change any team\'s template of the partnership', async () => {
    const template = await createTemplate(councilLead);
    const admin = await t.as(emails.admin);
    expect((await get(admin, `/api/v1/assessment-templates/${template.id}`)).permissions.canEdit).toBe(true);
    const response = await admin.patch(`/api/v1/assessment-templates/${template.id}`, { version: 1, description: 'Checked by the curators' });
    expect(response.statusCode, response.body).toBe(200);
  });

  it('an organisation admin changes their own organisation\'s teams\' templates, never another organisation\'s, which stays as it was', async () => {
    const policeAdmin = await t.as(emails.policeAdmin);
    const council = await createTemplate(councilLead, { description: 'The council\'s own' });
    expect((await get(policeAdmin, `/api/v1/assessment-templates/${council.id}`)).permissions.canEdit).toBe(false);
    expectError(await policeAdmin.patch(`/api/v1/assessment-templates/${council.id}`, { version: 1, description: 'Police wording' }), 403, 'forbidden');
    expectError(await policeAdmin.patch(`/api/v1/assessment-templates/${council.id}`, { version: 1, status: 'retired' }), 403, 'forbidden');
    const changed = ownDefinition();
    changed.sections[0]!.questions[0]!.text = 'Police wording?';
    expectError(await policeAdmin.patch(`/api/v1/assessment-templates/${council.id}`, { version: 1, definition: changed }), 403, 'forbidden');
    expect(await get(councilLead, `/api/v1/assessment-templates/${council.id}`)).toMatchObject({ description: 'The council\'s own', status: 'active', version: 1, sections: council.sections });
    expect(await auditOf(t, council.id, 'assessment_template.updated')).toEqual([]);

    // Another police team's template (not the admin's own team) is their organisation's to change.
    const iom = await createTemplate(iomLead);
    expect((await get(policeAdmin, `/api/v1/assessment-templates/${iom.id}`)).permissions.canEdit).toBe(true);
    const edited = await policeAdmin.patch(`/api/v1/assessment-templates/${iom.id}`, { version: 1, description: 'Agreed across the force' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ description: 'Agreed across the force' });
  });

  it('a team admin changes their own team\'s templates, not another team\'s of the same organisation', async () => {
    const lead = await t.as(emails.lead);
    const own = await createTemplate(lead);
    const renamed = await lead.patch(`/api/v1/assessment-templates/${own.id}`, { version: 1, name: 'ASB team noise check' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const iom = await createTemplate(iomLead, { description: 'IOM wording' });
    expect((await get(lead, `/api/v1/assessment-templates/${iom.id}`)).permissions.canEdit).toBe(false);
    expectError(await lead.patch(`/api/v1/assessment-templates/${iom.id}`, { version: 1, description: 'ASB wording' }), 403, 'forbidden');
    expect((await get(iomLead, `/api/v1/assessment-templates/${iom.id}`)).description).toBe('IOM wording');
  });
});

describe('the other partnership', () => {
  it('gets 404 for every template of this one, by id and by key', async () => {
    const template = await createTemplate(await t.as(emails.lead));
    const victim = await get(await t.as(emails.lead), '/api/v1/assessment-templates/victim-screening');
    const other = await t.as(emails.other);
    for (const ref of [template.id, template.key, victim.id]) {
      expectError(await other.get(`/api/v1/assessment-templates/${ref}`), 404, 'not_found');
      expectError(await other.get(`/api/v1/assessment-templates/${ref}/versions`), 404, 'not_found');
      expectError(await other.get(`/api/v1/assessment-templates/${ref}/statistics`), 404, 'not_found');
      expectError(await otherLead.patch(`/api/v1/assessment-templates/${ref}`, { version: 1, name: 'Taken over' }), 404, 'not_found');
      expectError(await otherLead.post(`/api/v1/assessment-templates/${ref}/copy`, { name: 'Borrowed' }), 404, 'not_found');
    }
    const theirs = await get(other, '/api/v1/assessment-templates/victim-screening');
    expect(theirs.id).not.toBe(victim.id);
    const list = await get(other, '/api/v1/assessment-templates?includeRetired=true');
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(template.id);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferralForm } from '../../../shared/api/referrals.ts';
import { referralFormDefaults } from '../../../shared/referrals.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { storedAuditEvents } from '../../test/audit.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, emails, enrolledUser, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { formForKeying, formVersionOf, publishedForm } from './service.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;
let lead: Agent;
let otherAdmin: Agent;
let policeAsb: string;
let policeIom: string;
let council: string;
let otherTeam: string;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
  lead = await t.as(emails.lead);
  policeAsb = place.team('Demo County Police/ASB team').teamId;
  policeIom = place.team('Demo County Police/IOM team').teamId;
  council = place.team('Demo District Council/Community Safety team').teamId;
  otherTeam = place.team('Neighbouring County Police/ASB team').teamId;
  otherAdmin = (await enrolledUser(t, emails.admin, { name: 'Nia Neighbour', role: 'organisation_admin', teamId: otherTeam })).agent;
});
afterAll(() => t.close());

let counter = 0;
const named = (name: string) => `${name} ${++counter}`;

const noise = { key: 'noise', text: 'Is there noise at night?', kind: 'yes_no', required: true, options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] };
const when = { key: 'when', text: 'When does it happen?', kind: 'text', condition: { questionKey: 'noise', values: ['yes'] } };

async function create(agent: Agent, body: Record<string, unknown>): Promise<ReferralForm> {
  const response = await agent.post('/api/v1/referral-forms', { name: named('Noise at night'), teamId: policeAsb, ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function patch(agent: Agent, form: { id: string; version: number }, body: Record<string, unknown>): Promise<ReferralForm> {
  const response = await agent.patch(`/api/v1/referral-forms/${form.id}`, { version: form.version, ...body });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const questionsOf = (form: { definition: { sections: { questions: { key: string }[] }[] } }) => form.definition.sections.flatMap((s) => s.questions.map((q) => q.key));

async function actorOf(agent: Agent): Promise<Actor> {
  const me = (await agent.get('/api/v1/me')).json();
  return {
    kind: 'user', id: me.id, name: me.name, role: me.role, isSupervisor: me.isSupervisor, teamId: me.team.id,
    organisationId: me.organisation.id, partnershipId: me.partnership.id, readOnly: false,
  };
}

describe('building a referral form', () => {
  it('from its own questions: one section, the defaults, published at /refer/<slug> made from the name, audited', async () => {
    const name = named('Noise & nuisance: at night');
    const slug = `noise-nuisance-at-night-${counter}`;
    const form = await create(lead, { name, questions: [noise, when] });
    expect(form).toMatchObject({
      name,
      slug,
      team: { id: policeAsb, name: 'ASB team' },
      status: 'published',
      sensitive: false,
      decisionDays: referralFormDefaults.decisionDays,
      lawfulBasis: referralFormDefaults.lawfulBasis,
      privacyNotice: referralFormDefaults.privacyNotice,
      introduction: null,
      subjectRole: null,
      formVersion: 1,
      version: 1,
      template: null,
      publicPath: `/refer/${slug}`,
      permissions: { canManage: true },
    });
    expect(form.definition).toEqual({
      sections: [{
        title: 'Your concern',
        questions: [
          { ...noise, guidance: null, scale: null, condition: null },
          { ...when, guidance: null, options: [], scale: null, required: false },
        ],
      }],
    });
    const [event] = await auditOf(t, form.id, 'referral_form.created');
    expect(event).toMatchObject({ entityType: 'referral_form', details: { slug: form.slug, teamId: policeAsb, status: 'published', formVersion: 1, templateId: null } });
  });

  it('from its own sections, with its own settings', async () => {
    const sections = [{ title: 'What is happening', questions: [noise] }, { title: 'When', questions: [when] }];
    const form = await create(lead, {
      sections, introduction: 'For neighbours.', privacyNotice: 'We keep it safe.', lawfulBasis: 'consent', sensitive: true, decisionDays: 5, subjectRole: 'victim', status: 'draft',
    });
    expect(form).toMatchObject({ introduction: 'For neighbours.', privacyNotice: 'We keep it safe.', lawfulBasis: 'consent', sensitive: true, decisionDays: 5, subjectRole: 'victim', status: 'draft' });
    expect(form.definition.sections.map((s) => [s.title, s.questions.map((q) => q.key)])).toEqual([['What is happening', ['noise']], ['When', ['when']]]);
  });

  it('from an assessment template: its current version\'s questions without scores, the version kept', async () => {
    const form = await create(lead, { templateKey: 'victim-screening' });
    const template = (await lead.get('/api/v1/assessment-templates/victim-screening')).json();
    expect(form.template).toEqual({ id: template.id, key: 'victim-screening', name: 'VICTIM screening', version: template.version });
    // The template's sections, then the concern in the referrer's own words, which it does not ask.
    expect(form.definition.sections.map((s) => s.title)).toEqual([...template.sections.map((s: { title: string }) => s.title), 'Your concern']);
    expect(questionsOf(form)).toEqual([...template.sections.flatMap((s: { questions: { key: string }[] }) => s.questions.map((q) => q.key)), 'concern']);
    expect(form.definition.sections.at(-1)!.questions[0]).toMatchObject({ key: 'concern', kind: 'text', required: false });
    expect(form.definition.sections[0]!.questions[0]).toEqual({
      key: template.sections[0].questions[0].key, text: 'Vulnerable victim?', guidance: 'See Derbyshire definition of Vulnerable', kind: 'yes_no',
      options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }], scale: null, required: true, condition: null,
    });
    expect(JSON.stringify(form)).not.toMatch(/score|questionId|bands/);
    const { rows } = await t.database.pool.query(
      `select v.template_version_id, tv.version from referral_form_versions v join assessment_template_versions tv on tv.id = v.template_version_id where v.form_id = $1`, [form.id]);
    expect(rows).toEqual([{ template_version_id: expect.any(String), version: template.version }]);
  });

  it('with no questions given, asks only what the concern is', async () => {
    const form = await create(lead, {});
    expect(form.definition).toEqual({ sections: [{ title: 'Your concern', questions: [{ key: 'concern', text: 'What is your concern?', guidance: null, kind: 'text', options: [], scale: null, required: true, condition: null }] }] });
  });

  it('refuses bodies that give the questions twice, family grids, broken conditions and fields it does not know', async () => {
    const refused = async (body: Record<string, unknown>, fields: string[]) => {
      const response = await lead.post('/api/v1/referral-forms', { name: named('Refused'), teamId: policeAsb, ...body });
      expectError(response, 422, 'validation_failed');
      expect(response.json().error.details.map((d: { field: string }) => d.field)).toEqual(fields);
    };
    await refused({ questions: [noise], sections: [{ title: 'A', questions: [noise] }] }, ['questions', 'sections']);
    await refused({ questions: [noise], templateKey: 'victim-screening' }, ['questions', 'templateKey']);
    const grid = { key: 'members', text: 'Is each of them safe?', kind: 'family_grid', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] };
    await refused({ questions: [noise, grid] }, ['questions.1.kind']);
    await refused({ sections: [{ title: 'A', questions: [noise] }, { title: 'B', questions: [grid] }] }, ['sections.1.questions.0.kind']);
    await refused({ templateKey: 'family' }, ['templateKey']);
    await refused({ questions: [when, noise] }, ['questions.0.condition']);
    await refused({ questions: [noise, { ...when, condition: { questionKey: 'noise', values: ['maybe'] } }] }, ['questions.1.condition']);
    await refused({ questions: [noise, noise] }, ['questions.1.key']);
    await refused({ templateKey: 'no-such-template' }, ['templateKey']);
    await refused({ colour: 'blue' }, ['colour']);
    await refused({ decisionDays: 61 }, ['decisionDays']);
    await refused({ slug: 'Not A Slug!' }, ['slug']);
  });

  it('refuses a retired template', async () => {
    const template = (await lead.post('/api/v1/assessment-templates', {
      name: named('Noise screening'),
      definition: { sections: [{ title: 'Noise', questions: [{ ...noise, options: [{ value: 'yes', label: 'Yes', score: 1 }, { value: 'no', label: 'No', score: 0 }] }] }] },
    })).json();
    expect((await lead.patch(`/api/v1/assessment-templates/${template.id}`, { version: template.version, status: 'retired' })).statusCode).toBe(200);
    const response = await lead.post('/api/v1/referral-forms', { name: named('Retired'), teamId: policeAsb, templateKey: template.key });
    expectError(response, 422, 'validation_failed');
    expect(response.json().error.details).toEqual([{ field: 'templateKey', problem: expect.stringContaining('retired') }]);
  });

  it('makes a free slug from the name, and refuses a given one that is taken or kept for Concord\'s own pages', async () => {
    const first = await lead.post('/api/v1/referral-forms', { name: 'Graffiti on the estate', teamId: policeAsb });
    const second = await lead.post('/api/v1/referral-forms', { name: 'Graffiti on the estate', teamId: policeAsb });
    expect([first.json().slug, second.json().slug]).toEqual(['graffiti-on-the-estate', 'graffiti-on-the-estate-2']);
    expectError(await lead.post('/api/v1/referral-forms', { name: named('Mine'), teamId: policeAsb, slug: 'asb-concern' }), 409, 'slug_taken');
    expectError(await lead.post('/api/v1/referral-forms', { name: named('Mine'), teamId: policeAsb, slug: 'answer' }), 422, 'validation_failed');
    expect((await create(lead, { name: 'Answer' })).slug).toBe('answer-2');
    expect((await create(lead, { name: '!!!' })).slug).toMatch(/^referral-form(-\d+)?$/);
    expect((await create(lead, { slug: 'our-own-address' })).publicPath).toBe('/refer/our-own-address');
  });
});

describe('who builds forms for which team', () => {
  it('a team admin for their own team only; the refusal is audited', async () => {
    expect((await create(lead, { teamId: policeAsb })).team.id).toBe(policeAsb);
    expectError(await lead.post('/api/v1/referral-forms', { name: named('IOM'), teamId: policeIom }), 403, 'forbidden');
    const [refusal] = await storedAuditEvents(t, { action: 'access.refused', entityId: policeIom, limit: 1 });
    expect(refusal).toMatchObject({ outcome: 'refused', entityType: 'team', details: { why: 'not an administrator of the team' } });
  });

  it('an organisation admin for their organisation\'s teams, not another organisation\'s; a system administrator for any team of the partnership', async () => {
    const policeAdmin = await t.as(emails.policeAdmin);
    expect((await create(policeAdmin, { teamId: policeIom })).team.id).toBe(policeIom);
    expectError(await policeAdmin.post('/api/v1/referral-forms', { name: named('Council'), teamId: council }), 403, 'forbidden');
    expect((await create(await t.as(emails.admin), { teamId: council })).team.id).toBe(council);
  });

  it('never a practitioner', async () => {
    expectError(await (await t.as(emails.police)).post('/api/v1/referral-forms', { name: named('Mine'), teamId: policeAsb }), 403, 'forbidden');
  });

  it('never the other partnership: our teams and forms do not exist for its administrators', async () => {
    const ours = await create(lead, {});
    expectError(await otherAdmin.post('/api/v1/referral-forms', { name: named('Theirs'), teamId: policeAsb }), 404, 'not_found');
    expectError(await otherAdmin.get(`/api/v1/referral-forms/${ours.id}`), 404, 'not_found');
    expectError(await otherAdmin.get(`/api/v1/referral-forms/${ours.id}/versions`), 404, 'not_found');
    expectError(await otherAdmin.patch(`/api/v1/referral-forms/${ours.id}`, { version: ours.version, name: 'Taken over' }), 404, 'not_found');
    const theirs = (await otherAdmin.get('/api/v1/referral-forms')).json().items as { id: string; slug: string }[];
    expect(theirs.map((f) => f.slug)).toContain('nc-concern');
    expect(theirs.map((f) => f.id)).not.toContain(ours.id);
    expect(theirs.map((f) => f.slug)).not.toContain('asb-concern');
    expect((await create(otherAdmin, { teamId: otherTeam })).team.id).toBe(otherTeam);
  });
});

describe('the partnership\'s forms', () => {
  it('are listed for all its staff, each saying whether the reader may change it, by team when asked', async () => {
    const ours = await create(lead, {});
    const practitioner = (await (await t.as(emails.council)).get('/api/v1/referral-forms')).json().items as ReferralForm[];
    expect(practitioner.find((f) => f.id === ours.id)?.permissions.canManage).toBe(false);
    const asLead = (await lead.get('/api/v1/referral-forms')).json().items as ReferralForm[];
    expect(asLead.find((f) => f.id === ours.id)?.permissions.canManage).toBe(true);
    expect(asLead.find((f) => f.slug === 'asb-concern')?.permissions.canManage).toBe(false);
    const councilForms = (await lead.get(`/api/v1/referral-forms?teamId=${council}`)).json().items as ReferralForm[];
    expect(councilForms.length).toBeGreaterThan(0);
    expect(councilForms.every((f) => f.team.id === council)).toBe(true);
    expect((await lead.get(`/api/v1/referral-forms/${ours.id}`)).json()).toEqual(ours);
  });

  it('include the demo\'s: the council\'s ASB concern on the VICTIM questions and the charity\'s domestic abuse referral', async () => {
    const admin = await t.as(emails.admin);
    const items = (await admin.get('/api/v1/referral-forms')).json().items as ReferralForm[];
    const asb = items.find((f) => f.slug === 'asb-concern')!;
    expect(asb).toMatchObject({ name: 'Report a concern about anti-social behaviour', team: { id: council }, status: 'published', decisionDays: 2, template: { key: 'victim-screening' } });
    const abuse = (await admin.get(`/api/v1/referral-forms/${items.find((f) => f.slug === 'domestic-abuse')!.id}`)).json() as ReferralForm;
    expect(abuse).toMatchObject({ name: 'Domestic abuse referral', team: { id: place.team('Demo Domestic Abuse Charity/IDVA team').teamId }, sensitive: true, decisionDays: 1, template: null });
    expect(abuse.definition.sections[0]!.questions.map((q) => [q.key, q.kind, q.guidance])).toEqual([
      ['relationship', 'single_choice', null],
      ['children', 'yes_no', null],
      ['immediate-danger', 'yes_no', 'If someone is in immediate danger, call 999'],
      ['concern', 'text', null],
    ]);
  });
});

describe('changing a form', () => {
  it('settings alone keep the questions\' version; the change is audited with its before and after', async () => {
    const form = await create(lead, { questions: [noise] });
    const renamed = await patch(lead, form, { name: 'Noise at night (Demo Town)', decisionDays: 3, introduction: '' });
    expect(renamed).toMatchObject({ name: 'Noise at night (Demo Town)', decisionDays: 3, introduction: null, slug: form.slug, formVersion: 1, version: 2 });
    const [event] = await auditOf(t, form.id, 'referral_form.updated');
    expect(event).toMatchObject({
      changes: { name: { before: form.name, after: 'Noise at night (Demo Town)' }, decisionDays: { before: 2, after: 3 } },
      details: { slug: form.slug, status: 'published', formVersion: 1, newVersion: false },
    });
    expect((await lead.get(`/api/v1/referral-forms/${form.id}/versions`)).json().items).toHaveLength(1);
  });

  it('a change to the questions makes a new version; the same questions again do not', async () => {
    const form = await create(lead, { questions: [noise] });
    const changed = await patch(lead, form, { sections: [{ title: 'Noise', questions: [noise, when] }] });
    expect(changed).toMatchObject({ formVersion: 2, version: 2 });
    expect(questionsOf(changed)).toEqual(['noise', 'when']);
    const same = await patch(lead, changed, { sections: [{ title: 'Noise', questions: [noise, when] }] });
    expect(same).toMatchObject({ formVersion: 2, version: 2 });
    const versions = (await lead.get(`/api/v1/referral-forms/${form.id}/versions`)).json().items;
    expect(versions).toEqual([
      { version: 2, createdAt: expect.any(String), createdBy: { id: expect.any(String), name: 'Priya Shah' } },
      { version: 1, createdAt: expect.any(String), createdBy: { id: expect.any(String), name: 'Priya Shah' } },
    ]);
    const [event] = await auditOf(t, form.id, 'referral_form.updated');
    expect(event).toMatchObject({ changes: { formVersion: { before: 1, after: 2 } }, details: { formVersion: 2, newVersion: true } });
  });

  it('to a template and away from it, each a new version', async () => {
    const form = await create(lead, {});
    const templated = await patch(lead, form, { templateKey: 'victim-screening' });
    expect(templated).toMatchObject({ formVersion: 2, template: { key: 'victim-screening' } });
    const again = await patch(lead, templated, { templateKey: 'victim-screening' });
    expect(again.formVersion).toBe(2);
    const untied = await patch(lead, templated, { templateKey: null });
    expect(untied).toMatchObject({ formVersion: 3, template: null });
    expect(untied.definition).toEqual(templated.definition);
    expectError(await lead.patch(`/api/v1/referral-forms/${form.id}`, { version: untied.version, templateKey: 'victim-screening', sections: [{ title: 'A', questions: [noise] }] }), 422, 'validation_failed');
  });

  it('from a stale version is refused with the form as it is now', async () => {
    const form = await create(lead, {});
    const first = await patch(lead, form, { status: 'closed' });
    const stale = await lead.patch(`/api/v1/referral-forms/${form.id}`, { version: form.version, name: 'Too late' });
    expectError(stale, 409, 'conflict');
    expect(stale.json().error.details).toEqual([first]);
    expectError(await lead.patch(`/api/v1/referral-forms/${form.id}`, { name: 'No version' }), 422, 'validation_failed');
  });

  it('only by those who may build the team\'s forms; a taken slug is refused', async () => {
    const theirs = (await (await t.as(emails.admin)).get('/api/v1/referral-forms')).json().items.find((f: ReferralForm) => f.slug === 'asb-concern');
    expectError(await lead.patch(`/api/v1/referral-forms/${theirs.id}`, { version: theirs.version, name: 'Ours now' }), 403, 'forbidden');
    const [refusal] = await storedAuditEvents(t, { action: 'access.refused', entityId: theirs.id, limit: 1 });
    expect(refusal).toMatchObject({ entityType: 'referral_form', details: { why: 'not an administrator of the form\'s team' } });
    expectError(await (await t.as(emails.police)).patch(`/api/v1/referral-forms/${theirs.id}`, { version: theirs.version, name: 'Ours now' }), 403, 'forbidden');
    const form = await create(lead, {});
    expectError(await lead.patch(`/api/v1/referral-forms/${form.id}`, { version: form.version, slug: 'domestic-abuse' }), 409, 'slug_taken');
    expect((await patch(lead, form, { slug: form.slug })).version).toBe(form.version);
  });
});

describe('the public form', () => {
  it('is read with no sign-in: its title, wording and questions, never an id or its team', async () => {
    const form = await create(lead, { questions: [noise], introduction: 'Tell us.' });
    const response = await t.anonymous.get(`/api/v1/public/referral-forms/${form.slug}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      slug: form.slug, title: form.name, introduction: 'Tell us.', privacyNotice: form.privacyNotice, lawfulBasis: 'public-task', sensitive: false, purpose: 'referral',
      definition: form.definition,
    });
    expect(response.body).not.toContain(form.id);
    expect(response.body).not.toContain(policeAsb);
    expect(response.body).not.toContain('ASB team');
    const abuse = (await t.anonymous.get('/api/v1/public/referral-forms/domestic-abuse')).json();
    expect(abuse).toMatchObject({ title: 'Domestic abuse referral', sensitive: true });
  });

  it('is not there while a draft or for an unknown address, and says so once closed', async () => {
    const draft = await create(lead, { status: 'draft' });
    expectError(await t.anonymous.get(`/api/v1/public/referral-forms/${draft.slug}`), 404, 'not_found');
    expectError(await t.anonymous.get('/api/v1/public/referral-forms/no-such-form'), 404, 'not_found');
    const closed = await patch(lead, draft, { status: 'closed' });
    const gone = await t.anonymous.get(`/api/v1/public/referral-forms/${closed.slug}`);
    expectError(gone, 410, 'form_closed');
    expect(gone.json().error.message).toBe('This form is no longer taking referrals.');
  });
});

describe('the forms the referrals module receives on', () => {
  it('the public\'s: a published form with no actor, 404 for a draft and 410 once closed', async () => {
    const form = await create(lead, { questions: [noise], status: 'draft' });
    const asAnyone = (slug: string) => t.app.platform.runner.run({ actor: null, origin: { ip: null } }, (ctx) => publishedForm(ctx, slug));
    await expect(asAnyone(form.slug)).rejects.toMatchObject({ status: 404 });
    const published = await patch(lead, form, { status: 'published', decisionDays: 4 });
    const inUse = await asAnyone(form.slug);
    expect(inUse).toMatchObject({
      id: form.id, teamId: policeAsb, slug: form.slug, decisionDays: 4, status: 'published', formVersion: 1, templateVersionId: null, definition: form.definition,
    });
    await patch(lead, published, { status: 'closed' });
    await expect(asAnyone(form.slug)).rejects.toMatchObject({ status: 410, code: 'form_closed' });
    const version = await t.app.platform.runner.run({ actor: null, origin: { ip: null } }, (ctx) => formVersionOf(ctx, inUse.formVersionId));
    expect(version).toEqual({ formId: form.id, name: form.name, version: 1, definition: form.definition, templateVersionId: null, subjectRole: null });
  });

  it('staff keying in: published or closed forms of the partnership, never a draft or another partnership\'s', async () => {
    const form = await create(lead, { status: 'closed', templateKey: 'victim-screening' });
    const keyer = await actorOf(await t.as(emails.police));
    const keyed = await t.app.platform.runner.run({ actor: keyer, origin: { ip: null } }, (ctx) => formForKeying(ctx, form.id));
    expect(keyed).toMatchObject({ id: form.id, status: 'closed', templateVersionId: expect.any(String) });
    const draft = await create(lead, { status: 'draft' });
    await expect(t.app.platform.runner.run({ actor: keyer, origin: { ip: null } }, (ctx) => formForKeying(ctx, draft.id))).rejects.toMatchObject({ status: 422 });
    const other = await actorOf(await t.as(emails.other));
    await expect(t.app.platform.runner.run({ actor: other, origin: { ip: null } }, (ctx) => formForKeying(ctx, form.id))).rejects.toMatchObject({ status: 404 });
  });
});

describe('the report types', () => {
  it('include "Referral", for the first report of a case a referral was accepted into', async () => {
    const types = (await lead.get('/api/v1/lookups?list=report_type')).json().items as { key: string; name: string }[];
    expect(types).toContainEqual(expect.objectContaining({ key: 'referral', name: 'Referral' }));
  });
});

import sharp from 'sharp';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Application, IssuedApplication, KeepSafeState, Scheme } from '../../../../shared/api/schemes.ts';
import { normaliseCardNumber, printedCardNumber } from '../../../../shared/schemes.ts';
import { demoApplicationFormSlug } from '../../../db/seed/demo-schemes.ts';
import { addDays, londonToday } from '../../../platform/london.ts';
import { startTestApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { auditOf, createProfile, emails, enrolledUser, expectError, loadStructure } from '../../sharing/records.fixtures.ts';
import { keyIn, uniqueReferral } from '../../referrals/referrals.fixtures.ts';
import { sweepSchemeReviews } from '../sweep.ts';

let t: TestApp;
let structure: Awaited<ReturnType<typeof loadStructure>>;
let schemeAdmin: Agent;
let schemeStaff: { agent: Agent; id: string };
let asb: Agent;
let council: Agent;
let other: Agent;
let system: Agent;

const base = '/api/v1/schemes/keep-safe';
const contact = { name: 'Ruth Ashby', relationship: 'Mother', phone: '07700 900111' };
const details = { condition: 'Autism', communication: 'Speak slowly; give me time.', carers: [contact], emergencyContacts: [] };
const allChecks = { identity: true, consent: true, 'details-confirmed': true, photo: true };

beforeAll(async () => {
  t = await startTestApp();
  structure = await loadStructure(t);
  schemeAdmin = await t.as(emails.policeAdmin);
  schemeStaff = await enrolledUser(t, emails.policeAdmin, { name: 'Jo Scheme', role: 'practitioner', teamId: structure.team('Demo County Police/Keep Safe scheme').teamId });
  asb = await t.as(emails.police);
  council = await t.as(emails.council);
  other = await t.as(emails.other);
  system = await t.as(emails.admin);
});
afterAll(() => t.close());

/** A person the scheme's staff may add to: shared with the scheme's team by the ASB officer who made them. */
async function person(body: Record<string, unknown> = {}) {
  const created = await createProfile(asb, { dateOfBirth: '1988-02-03', ...body });
  const shared = await asb.post(`/api/v1/profiles/${created.id}/access`, { teamId: structure.team('Demo County Police/Keep Safe scheme').teamId, level: 'edit' });
  expect(shared.statusCode, shared.body).toBeLessThan(300);
  return created;
}

async function apply(agent: Agent, body: Record<string, unknown>): Promise<Application> {
  const response = await agent.post(`${base}/applications`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function checkAndApprove(application: Application): Promise<Application> {
  const checked = await schemeStaff.agent.patch(`${base}/applications/${application.id}`, { version: application.version, checks: allChecks });
  expect(checked.statusCode, checked.body).toBe(200);
  const approved = await schemeAdmin.post(`${base}/applications/${application.id}/approve`, { version: checked.json().version });
  expect(approved.statusCode, approved.body).toBe(200);
  return approved.json();
}

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const content = await (await doc.getPage(i)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return parts.join('\n');
}

describe('applying for a Keep Safe Card on the public form', () => {
  it('is worded as an application, taken in on the desk, checked, approved, issued and printed', async () => {
    const page = await t.anonymous.get(`/refer/${demoApplicationFormSlug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Apply for a Keep Safe Card');
    expect(page.body).not.toContain('Make a referral');

    const sent = await t.anonymous.post(`/api/v1/public/referral-forms/${demoApplicationFormSlug}/submissions`, {
      referrer: { name: 'Ruth Quillfeather', email: 'ruth@example.com', relationship: 'Mother' },
      subject: { firstName: 'Tamsin', lastName: 'Quillfeather', dateOfBirth: '2001-05-06' },
      consent: true,
      answers: {
        applicant: 'parent', 'under-16': 'no', condition: 'Epilepsy', communication: 'Stay with me after a seizure.', 'disability-line': 'yes', 'show-condition': 'no',
        'contact-1-name': 'Ruth Quillfeather', 'contact-1-relationship': 'Mother', 'contact-1-phone': '07700 900222',
        'contact-2-name': 'Sam Quillfeather', 'contact-2-phone': '07700 900333',
      },
    });
    expect(sent.statusCode, sent.body).toBe(202);
    const { rows: [referral] } = await t.database.pool.query('select id, version from referrals where reference = $1', [sent.json().reference]);

    // Someone outside the scheme's team cannot decide it; the scheme's administrator takes it in.
    expectError(await council.post(`/api/v1/referrals/${referral.id}/decision`, { decision: 'scheme-application', reason: 'Eligible.' }), 403, 'forbidden');
    expectError(await schemeAdmin.post(`/api/v1/referrals/${referral.id}/decision`, { decision: 'scheme-application', reason: 'Eligible.', caseId: referral.id }), 422, 'validation_failed');
    const decided = await schemeAdmin.post(`/api/v1/referrals/${referral.id}/decision`, { decision: 'scheme-application', reason: 'Eligible for a card.' });
    expect(decided.statusCode, decided.body).toBe(200);
    const { applicationId, profileId } = decided.json() as { applicationId: string; profileId: string };
    expect(decided.json()).toMatchObject({ status: 'accepted' });

    const opened = await schemeStaff.agent.get(`${base}/applications/${applicationId}`);
    expect(opened.statusCode, opened.body).toBe(200);
    const application = opened.json() as Application;
    expect(application).toMatchObject({
      kind: 'new', status: 'checks', profile: { id: profileId, firstName: 'Tamsin', lastName: 'Quillfeather', dateOfBirth: '2001-05-06' },
      referral: { id: referral.id, reference: sent.json().reference },
      details: {
        condition: 'Epilepsy', communication: 'Stay with me after a seizure.', usesDisabilityContactLine: true, showConditionOnCard: false, parentalConsent: null,
        carers: [{ name: 'Ruth Quillfeather', relationship: 'Mother', phone: '07700 900222' }],
        emergencyContacts: [{ name: 'Sam Quillfeather', relationship: null, phone: '07700 900333' }],
      },
      permissions: { canEdit: true, canApprove: false },
    });
    const listed = await schemeStaff.agent.get(`${base}/applications`);
    expect(listed.json().items.map((i: { id: string }) => i.id)).toContain(applicationId);

    // Checks first: approving with one missing is 422 naming it, and a practitioner cannot approve.
    const partly = await schemeStaff.agent.patch(`${base}/applications/${applicationId}`, { version: application.version, checks: { identity: true, consent: true, photo: true } });
    expect(partly.statusCode, partly.body).toBe(200);
    expect(partly.json().checks).toEqual(expect.arrayContaining([expect.objectContaining({ check: 'identity', done: true, by: { id: schemeStaff.id, name: 'Jo Scheme' } })]));
    expectError(await schemeStaff.agent.post(`${base}/applications/${applicationId}/approve`, { version: partly.json().version }), 403, 'forbidden');
    const early = await schemeAdmin.post(`${base}/applications/${applicationId}/approve`, { version: partly.json().version });
    expectError(early, 422, 'validation_failed');
    expect(early.json().error.details).toEqual([{ field: 'checks.details-confirmed', problem: 'is not done yet' }]);
    expect((await auditOf(t, applicationId, 'scheme_application.checked')).length).toBe(3);
    const approved = await checkAndApprove(partly.json());
    expect(approved).toMatchObject({ status: 'approved', approvedBy: { name: 'Helen Ford' } });

    expectError(await schemeStaff.agent.post(`${base}/applications/${applicationId}/issue`, {}), 403, 'forbidden');
    const issued = await schemeAdmin.post(`${base}/applications/${applicationId}/issue`, { version: approved.version });
    expect(issued.statusCode, issued.body).toBe(200);
    const reply = issued.json() as IssuedApplication;
    expect(normaliseCardNumber(reply.cardholder.cardNumber)).toBe(reply.cardholder.cardNumber);
    expect(reply.application).toMatchObject({ status: 'issued', cardholder: { id: reply.cardholder.id, cardNumber: printedCardNumber(reply.cardholder.cardNumber) } });
    expect((await auditOf(t, reply.cardholder.id, 'cardholder.registered'))[0]).toMatchObject({ details: { fromApplication: applicationId } });
    expectError(await schemeAdmin.post(`${base}/applications/${applicationId}/issue`, {}), 409, 'application_state');

    // The person is a Keep Safe cardholder on their profile.
    const { rows: [profile] } = await t.database.pool.query('select roles from profiles where id = $1', [profileId]);
    expect(profile.roles).toContain('cardholder');
    // The card is given on consent: the scheme's force records it as its lawful basis, online through the form.
    const { rows: bases } = await t.database.pool.query(
      `select b.basis, b.special_category_condition, b.consent_method, o.name from profile_lawful_bases b join organisations o on o.id = b.organisation_id
        where b.profile_id = $1 and b.ended_at is null`, [profileId]);
    expect(bases).toEqual([{ basis: 'consent', special_category_condition: 'explicit-consent', consent_method: 'electronic', name: 'Demo County Police' }]);

    const pdf = await schemeAdmin.get(`${base}/cardholders/${reply.cardholder.id}/card.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Tamsin Quillfeather');
    expect(text).toContain(printedCardNumber(reply.cardholder.cardNumber));
  });

  it('is only for a scheme\'s application form: an ordinary referral cannot become one', async () => {
    const keyed = await keyIn(asb, uniqueReferral());
    expectError(await asb.post(`/api/v1/referrals/${keyed.id}/decision`, { decision: 'scheme-application', reason: 'Try.' }), 422, 'validation_failed');
    expect((await asb.get(`/api/v1/referrals/${keyed.id}`)).json()).toMatchObject({ status: 'new' });
  });
});

describe('staff applications', () => {
  it('refuses an under-16 without a parent\'s consent at approval, and approves once it is given', async () => {
    const child = await person({ dateOfBirth: addDays(londonToday(), -365 * 10) });
    const application = await apply(schemeStaff.agent, { profileId: child.id, details });
    expect(application).toMatchObject({ kind: 'new', underAge: true, createdBy: { id: schemeStaff.id } });
    const checked = await schemeStaff.agent.patch(`${base}/applications/${application.id}`, { version: application.version, checks: allChecks });
    const refused = await schemeAdmin.post(`${base}/applications/${application.id}/approve`, { version: checked.json().version });
    expectError(refused, 422, 'validation_failed');
    expect(refused.json().error.details).toEqual([{ field: 'details.parentalConsent', problem: 'is needed for someone under 16' }]);
    const consented = await schemeStaff.agent.patch(`${base}/applications/${application.id}`, {
      version: checked.json().version, details: { ...details, parentalConsent: { by: 'Ruth Ashby', on: londonToday() } },
    });
    expect(consented.statusCode, consented.body).toBe(200);
    expect((await auditOf(t, application.id, 'scheme_application.updated'))[0]?.changes).toHaveProperty('details');
    const approved = await schemeAdmin.post(`${base}/applications/${application.id}/approve`, { version: consented.json().version });
    expect(approved.statusCode, approved.body).toBe(200);
    expectError(await schemeStaff.agent.patch(`${base}/applications/${application.id}`, { version: approved.json().version, checks: { photo: false } }), 409, 'application_state');
  });

  it('renews an existing holder\'s card with the same number, one application at a time', async () => {
    const holder = await person();
    const first = await checkAndApprove(await apply(schemeStaff.agent, { profileId: holder.id, details }));
    const issued = (await schemeAdmin.post(`${base}/applications/${first.id}/issue`, {})).json() as IssuedApplication;
    expectError(await schemeStaff.agent.post(`${base}/applications`, { profileId: holder.id, kind: 'new', details }), 409, 'already_registered');

    const renewal = await apply(schemeStaff.agent, { profileId: holder.id, kind: 'renewal', details: { ...details, communication: 'Write things down for me.' } });
    expect(renewal).toMatchObject({ kind: 'renewal', cardholder: { id: issued.cardholder.id } });
    expectError(await schemeStaff.agent.post(`${base}/applications`, { profileId: holder.id, kind: 'renewal', details }), 409, 'application_open');
    const renewed = (await schemeAdmin.post(`${base}/applications/${(await checkAndApprove(renewal)).id}/issue`, {})).json() as IssuedApplication;
    expect(renewed.cardholder).toEqual(issued.cardholder);
    const card = await schemeAdmin.get(`${base}/cardholders/${issued.cardholder.id}`);
    expect(card.json()).toMatchObject({ communication: 'Write things down for me.', card: { number: issued.cardholder.cardNumber, status: 'active' } });
  });

  it('is declined or withdrawn with a reason, and stays closed', async () => {
    const a = await apply(schemeStaff.agent, { profileId: (await person()).id, details });
    const declined = await schemeStaff.agent.post(`${base}/applications/${a.id}/decline`, { version: a.version, reason: 'Not eligible: lives outside the county.' });
    expect(declined.json()).toMatchObject({ status: 'declined', decisionReason: 'Not eligible: lives outside the county.' });
    expectError(await schemeStaff.agent.post(`${base}/applications/${a.id}/withdraw`, { version: declined.json().version, reason: 'x' }), 409, 'application_state');
    const b = await apply(schemeStaff.agent, { profileId: (await person()).id, details });
    const withdrawn = await schemeStaff.agent.post(`${base}/applications/${b.id}/withdraw`, { version: b.version, reason: 'The family asked us to stop.' });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    const closed = await schemeStaff.agent.get(`${base}/applications?status=withdrawn`);
    expect(closed.json().items.map((i: { id: string }) => i.id)).toContain(b.id);
  });

  it('is refused to another organisation, another team and another partnership', async () => {
    const someone = await person();
    const a = await apply(schemeStaff.agent, { profileId: someone.id, details });
    expectError(await asb.post(`${base}/applications`, { profileId: someone.id, details }), 403, 'not_scheme_staff');
    expectError(await asb.get(`${base}/applications`), 403, 'not_scheme_staff');
    expectError(await council.get(`${base}/applications/${a.id}`), 403, 'not_scheme_staff');
    expectError(await council.patch(`${base}/applications/${a.id}`, { version: a.version, checks: allChecks }), 403, 'not_scheme_staff');
    expectError(await other.get(`${base}/applications/${a.id}`), 404, 'not_found');
    expectError(await other.patch(`${base}/applications/${a.id}`, { version: a.version, checks: allChecks }), 404, 'not_found');
    // Staff apply only for someone whose record they may add to.
    const locked = await createProfile(asb);
    expectError(await schemeStaff.agent.post(`${base}/applications`, { profileId: locked.id, details }), 403, 'no_access');
  });
});

describe('a person\'s Keep Safe panel', () => {
  it('shows the scheme\'s details to its staff and only the role to anyone else who may open the profile', async () => {
    const holder = await person();
    // The force already holds the person for its own work: issuing a card leaves that basis as it is.
    const held = await asb.post(`/api/v1/profiles/${holder.id}/lawful-bases`, { basis: 'public-task' });
    expect(held.statusCode, held.body).toBe(201);
    const approved = await checkAndApprove(await apply(schemeStaff.agent, { profileId: holder.id, details }));
    await schemeAdmin.post(`${base}/applications/${approved.id}/issue`, {});
    const { rows: bases } = await t.database.pool.query('select basis from profile_lawful_bases where profile_id = $1 and ended_at is null', [holder.id]);
    expect(bases).toEqual([{ basis: 'public-task' }]);
    const staff = (await schemeStaff.agent.get(`/api/v1/profiles/${holder.id}/keep-safe`)).json() as KeepSafeState;
    expect(staff).toMatchObject({ isCardholder: true, cardholder: { status: 'active', condition: 'Autism' }, application: { id: approved.id, status: 'issued' }, canApply: true });
    const owner = await asb.get(`/api/v1/profiles/${holder.id}/keep-safe`);
    expect(owner.json()).toEqual({ isCardholder: true, cardholder: null, application: null, canApply: false });
    expect(owner.body).not.toContain('Autism');
    expectError(await council.get(`/api/v1/profiles/${holder.id}/keep-safe`), 403, 'no_access');
    expectError(await other.get(`/api/v1/profiles/${holder.id}/keep-safe`), 404, 'not_found');
  });
});

describe('the scheme\'s settings', () => {
  it('are read by its staff and set up by the partnership\'s system administrators', async () => {
    const list = await schemeStaff.agent.get('/api/v1/schemes');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ key: 'keep-safe', name: 'Keep Safe Card', permissions: { canApprove: false, canManage: false } })]);
    expectError(await council.get('/api/v1/schemes'), 403, 'not_scheme_staff');
    expectError(await council.get(base), 403, 'not_scheme_staff');
    const scheme = (await system.get(base)).json() as Scheme;
    expect(scheme).toMatchObject({ applicationForm: { publicPath: `/refer/${demoApplicationFormSlug}` }, reviewMonths: 24, permissions: { canManage: true } });
    expect(scheme.counts.applications).toBeGreaterThan(0);

    const body = {
      name: scheme.name, teamId: scheme.team.id, reviewMonths: 12, removalMonths: 2, cardValidMonths: 36, applicationFormId: scheme.applicationForm!.id, version: scheme.version,
    };
    expectError(await schemeAdmin.request('PUT', base, body), 403, 'forbidden');
    const { rows: [ordinary] } = await t.database.pool.query(`select id from referral_forms where purpose = 'referral' and partnership_id =
      (select partnership_id from schemes where key = 'keep-safe' and application_form_id = $1)`, [scheme.applicationForm!.id]);
    const wrong = await system.request('PUT', base, { ...body, applicationFormId: ordinary.id });
    expectError(wrong, 422, 'validation_failed');
    const saved = await system.request('PUT', base, body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ reviewMonths: 12, cardValidMonths: 36, version: scheme.version + 1 });
    expect((await auditOf(t, (await t.database.pool.query('select id from schemes where application_form_id = $1', [scheme.applicationForm!.id])).rows[0].id, 'scheme.updated'))[0])
      .toMatchObject({ changes: { reviewMonths: { before: 24, after: 12 } } });
    expectError(await system.request('PUT', base, body), 409, 'conflict');
    await system.request('PUT', base, { ...body, reviewMonths: 24, cardValidMonths: 24, removalMonths: 3, version: scheme.version + 1 });
    expectError(await (await t.as(emails.other)).get(base), 404, 'not_found');
  });

  it('a referral form for applications starts from the Keep Safe Card\'s questions', async () => {
    const created = await system.post('/api/v1/referral-forms', {
      name: 'Keep Safe Card applications (test)', teamId: structure.team('Demo County Police/Keep Safe scheme').teamId, purpose: 'scheme-application',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ purpose: 'scheme-application', subjectRole: 'cardholder' });
    const keys = created.json().definition.sections.flatMap((s: { questions: { key: string }[] }) => s.questions.map((q) => q.key));
    expect(keys).toEqual(expect.arrayContaining(['applicant', 'under-16', 'condition', 'communication', 'contact-1-phone']));
  });
});

describe('card expiry and the photo', () => {
  it('marks cards past their expiry expired and tells the scheme\'s staff; the card shows the profile\'s photo', async () => {
    const holder = await person();
    const photo = await sharp({ create: { width: 60, height: 60, channels: 3, background: '#884422' } }).jpeg().toBuffer();
    const { version } = (await asb.get(`/api/v1/profiles/${holder.id}`)).json() as { version: number };
    const uploaded = await asb.request('PUT', `/api/v1/profiles/${holder.id}/photo?version=${version}`, photo, { 'content-type': 'image/jpeg' });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const approved = await checkAndApprove(await apply(schemeStaff.agent, { profileId: holder.id, details }));
    const issued = (await schemeAdmin.post(`${base}/applications/${approved.id}/issue`, {})).json() as IssuedApplication;
    const pdf = await schemeAdmin.get(`${base}/cardholders/${issued.cardholder.id}/card.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.includes(Buffer.from('/Subtype /Image'))).toBe(true);

    await t.database.pool.query(`update scheme_cards set expires_on = $2 where cardholder_id = $1 and status = 'active'`, [issued.cardholder.id, addDays(londonToday(), -1)]);
    await sweepSchemeReviews(t.app.platform);
    const card = (await schemeAdmin.get(`${base}/cardholders/${issued.cardholder.id}`)).json();
    expect(card.card).toMatchObject({ status: 'expired' });
    const { rows } = await t.database.pool.query(`select message from notifications where user_id = $1 and kind = 'scheme_card_expired'`, [schemeStaff.id]);
    expect(rows.at(-1)?.message).toMatch(/Keep Safe card.* expired/);
    expect((await auditOf(t, issued.cardholder.id, 'cardholder.card_expired')).length).toBe(1);
  });
});

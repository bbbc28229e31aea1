import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedAuditEvents } from '../../../test/audit.ts';
import { latestEmailTo } from '../../../test/fixtures.ts';
import { startTestApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { createProfile, emails, enrolledUser, expectError, loadStructure } from '../../sharing/records.fixtures.ts';

let t: TestApp;
let police: Agent;
let council: Agent;
let policeAdmin: Agent;
let other: Agent;
let iom: { agent: Agent; id: string };
let readOnly: Agent;
let councilTeamId: string;
let iomTeamId: string;
let asbConcernId: string;

beforeAll(async () => {
  t = await startTestApp();
  const structure = await loadStructure(t);
  police = await t.as(emails.police);
  council = await t.as(emails.council);
  policeAdmin = await t.as(emails.policeAdmin);
  other = await t.as(emails.other);
  councilTeamId = structure.team('Demo District Council/Community Safety team').teamId;
  iomTeamId = structure.team('Demo County Police/IOM team').teamId;
  iom = await enrolledUser(t, emails.policeAdmin, { name: 'Ira Offender-Manager', role: 'practitioner', teamId: iomTeamId });
  readOnly = (await enrolledUser(t, emails.policeAdmin, { name: 'Rae Reader', role: 'read_only', teamId: structure.team('Demo County Police/ASB team').teamId })).agent;
  const forms = (await council.get(`/api/v1/referral-forms?teamId=${councilTeamId}`)).json().items as { id: string; slug: string }[];
  asbConcernId = forms.find((f) => f.slug === 'asb-concern')!.id;
});
afterAll(() => t.close());

let counter = 0;

/** A referral keyed onto a desk, as taken by phone; by default on the keyer's own team, asking only for the concern. */
async function keyReferral(agent: Agent, body: Record<string, unknown> = {}) {
  counter++;
  const response = await agent.post('/api/v1/referrals', {
    referrer: { name: `Pat Referrer${counter}`, email: `referrer${counter}@example.test`, organisation: 'Demo Primary School', relationship: 'Teacher' },
    subject: { firstName: 'Dana', lastName: `Referredperson${counter}`, dateOfBirth: '1990-05-01', address: `${counter} Example Road, Matlock DE4 3AG` },
    concern: 'Shouting and banging at night',
    consent: true,
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; reference: string };
}

const decide = (agent: Agent, id: string, body: Record<string, unknown>) => agent.post(`/api/v1/referrals/${id}/decision`, { reason: 'Meets the threshold for support', ...body });
const referralOf = async (agent: Agent, id: string) => (await agent.get(`/api/v1/referrals/${id}`)).json();

/** How many rows of what a decision might create there are: a refused decision leaves them as they were. */
async function counts() {
  const { rows } = await t.database.pool.query(`
    select (select count(*) from profiles)::int as profiles, (select count(*) from cases)::int as cases,
           (select count(*) from reports)::int as reports, (select count(*) from assessments)::int as assessments,
           (select count(*) from case_profiles)::int as links`);
  return rows[0] as Record<string, number>;
}

async function profilesNamed(lastName: string): Promise<number> {
  const { rows } = await t.database.pool.query('select count(*)::int as n from profiles where last_name = $1', [lastName]);
  return rows[0].n;
}

describe('accepting a referral into a new case', () => {
  it('fills the person, the case, the first report and the assessment from a form built on a template: nothing keyed twice', async () => {
    const answers = {
      'victim-vulnerable': 'yes', 'victim-increasing': 'no', 'victim-coping': 'no', 'victim-targeted': 'no', 'victim-impact': 'no', 'victim-multi-agency': 'no',
    };
    const sent = await keyReferral(council, {
      formId: asbConcernId,
      channel: 'paper',
      receivedAt: '2026-03-04T10:15:00Z',
      subject: { firstName: 'Dana', lastName: 'Enteronce', dateOfBirth: '1990-05-01', address: '12 Example Road, Matlock DE4 3AG', phone: '01234 567890' },
      concern: undefined,
      answers,
    });
    const reply = await decide(council, sent.id, { decision: 'new-case', caseType: 'ASB', reason: 'Vulnerable victim, repeated incidents' });
    expect(reply.statusCode, reply.body).toBe(200);
    const decided = reply.json();
    expect(decided).toMatchObject({ status: 'accepted', assessmentStatus: 'completed' });
    expect(Object.keys(decided).sort()).toEqual(['assessmentId', 'assessmentStatus', 'caseId', 'profileId', 'reportId', 'status', 'version']);

    const profile = (await council.get(`/api/v1/profiles/${decided.profileId}`)).json();
    expect(profile).toMatchObject({
      firstName: 'Dana', lastName: 'Enteronce', dateOfBirth: '1990-05-01', phone: '01234 567890', roles: ['victim'],
      addresses: [expect.objectContaining({ addressLine1: '12 Example Road, Matlock', postcode: 'DE4 3AG' })],
      owner: { team: { id: councilTeamId } },
    });
    expect(profile.reasonCreated).toBe(`Referred to Community Safety team (${sent.reference}): Vulnerable victim, repeated incidents`);

    const kase = (await council.get(`/api/v1/cases/${decided.caseId}`)).json();
    expect(kase).toMatchObject({
      title: `Referral ${sent.reference}`, caseType: { key: 'asb' }, status: 'open', owner: { team: { id: councilTeamId } },
      profiles: [expect.objectContaining({ profileId: decided.profileId, role: 'victim' })],
    });
    expect(kase.leadOfficer.name).toBe('Jo Evans');

    const report = (await council.get(`/api/v1/reports/${decided.reportId}`)).json();
    expect(report).toMatchObject({ record: { kind: 'case', id: decided.caseId }, type: { key: 'referral' }, visibility: 'team', occurredAt: '2026-03-04T10:15:00.000Z' });
    expect(report.bodyHtml).toContain(sent.reference);
    expect(report.bodyHtml).toContain('Received: 4 March 2026 at 10:15');
    expect(report.bodyHtml).toContain('How it came: Paper form');
    expect(report.bodyHtml).toContain('Organisation: Demo Primary School');
    expect(report.bodyHtml).toContain('<strong>Vulnerable victim?</strong><br />Yes');

    const assessment = (await council.get(`/api/v1/assessments/${decided.assessmentId}`)).json();
    expect(assessment).toMatchObject({
      status: 'completed', template: { key: 'victim-screening' }, subject: { type: 'profile', id: decided.profileId }, answers,
      score: 1, band: { label: 'Full risk assessment required' }, visibility: 'team',
    });
    // The "yes" asks for the full matrix the same day, as any completed screening does.
    const needed = (await council.get(`/api/v1/profiles/${decided.profileId}/assessments`)).json();
    expect(JSON.stringify(needed)).toContain('asb-risk-matrix');

    const referral = await referralOf(council, sent.id);
    expect(referral).toMatchObject({
      status: 'accepted', decisionDueAt: null, version: decided.version,
      outcome: { decision: 'new-case', reason: 'Vulnerable victim, repeated incidents', caseId: decided.caseId, profileId: decided.profileId, reportId: decided.reportId, assessmentId: decided.assessmentId, decidedBy: { name: 'Jo Evans' } },
    });

    const [audit] = await storedAuditEvents(t, { entityId: sent.id, action: 'referral.decided' });
    expect(audit).toMatchObject({ reason: 'Vulnerable victim, repeated incidents', details: { decision: 'new-case', from: 'new', to: 'accepted', createdProfile: true, createdCase: true, caseId: decided.caseId } });
    expect(JSON.stringify(audit)).not.toContain('Enteronce');
    const { rows } = await t.database.pool.query('select * from referrals where id = $1', [sent.id]);
    expect(rows[0]).toMatchObject({ status: 'accepted', decision: 'new-case', case_id: decided.caseId, assessment_id: decided.assessmentId });
    expect(JSON.stringify(rows)).not.toMatch(/Enteronce|Example Road|01234 567890/);
    const email = await latestEmailTo(t, `referrer${counter}@example.test`);
    expect(email.subject).toBe(`Your referral ${sent.reference} has been looked at`);
    expect(email.body).not.toMatch(/Enteronce|Dana|case|accepted/i);
  });

  it('links one of the likely matches instead of making a second profile', async () => {
    const known = await createProfile(council, { firstName: 'Dana', lastName: 'Alreadyknown', roles: ['witness'] });
    const sent = await keyReferral(council, { subject: { firstName: 'Dana', lastName: 'Alreadyknown' } });
    const reply = await decide(council, sent.id, { decision: 'new-case', caseType: 'ASB', profileId: known.id, role: 'perpetrator' });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json()).toMatchObject({ status: 'accepted', profileId: known.id });
    expect(reply.json()).not.toHaveProperty('assessmentId');
    expect(await profilesNamed('Alreadyknown')).toBe(1);
    const kase = (await council.get(`/api/v1/cases/${reply.json().caseId}`)).json();
    expect(kase.profiles).toEqual([expect.objectContaining({ profileId: known.id, role: 'perpetrator' })]);
    const [audit] = await storedAuditEvents(t, { entityId: sent.id, action: 'referral.decided' });
    expect(audit?.details).toMatchObject({ createdProfile: false, createdCase: true });
  });

  it('scores the answers with the template version the form asked, even once the template has changed or been retired', async () => {
    const lead = await t.as(emails.lead);
    const noise = (yes: number) => ({ key: 'noise', text: 'Is there noise at night?', kind: 'yes_no', required: true, options: [{ value: 'yes', label: 'Yes', score: yes }, { value: 'no', label: 'No', score: 0 }] });
    const definition = (yes: number) => ({
      sections: [{ title: 'Concerns', questions: [noise(yes), { key: 'wellbeing', text: 'How are you coping?', kind: 'scale', scale: { min: 1, max: 5 } }] }],
      bands: [{ label: 'Low', min: 0, max: 5, colour: 'green' }, { label: 'High', min: 6, max: null, colour: 'red' }],
    });
    const template = (await lead.post('/api/v1/assessment-templates', { name: 'Noise check for referrals', definition: definition(5) })).json();
    const form = await lead.post('/api/v1/referral-forms', { name: 'Noise referrals', teamId: (await lead.get('/api/v1/me')).json().team.id, templateKey: template.key });
    expect(form.statusCode, form.body).toBe(201);
    const changed = await lead.patch(`/api/v1/assessment-templates/${template.id}`, { version: template.version, definition: definition(50), status: 'retired' });
    expect(changed.statusCode, changed.body).toBe(200);

    const sent = await keyReferral(police, { formId: form.json().id, answers: { noise: 'yes', wellbeing: 3 }, concern: undefined });
    const decided = (await decide(police, sent.id, { decision: 'new-case', caseType: 'ASB' })).json();
    const assessment = (await police.get(`/api/v1/assessments/${decided.assessmentId}`)).json();
    expect(assessment).toMatchObject({ status: 'completed', template: { id: template.id, version: 1 }, answers: { noise: 'yes', wellbeing: 3 }, score: 8, band: { label: 'High' } });
  });

  it('writes the desk team\'s records when an administrator of its organisation decides from another team', async () => {
    const sent = await keyReferral(police, { teamId: iomTeamId });
    const reply = await decide(policeAdmin, sent.id, { decision: 'new-case', caseType: 'ASB', reportVisibility: 'team' });
    expect(reply.statusCode, reply.body).toBe(200);
    const { caseId, profileId, reportId } = reply.json();
    const kase = (await iom.agent.get(`/api/v1/cases/${caseId}`)).json();
    expect(kase).toMatchObject({ owner: { team: { id: iomTeamId } }, leadOfficer: { name: 'Helen Ford' } });
    expect((await iom.agent.get(`/api/v1/profiles/${profileId}`)).json()).toMatchObject({ owner: { team: { id: iomTeamId } } });
    expect((await iom.agent.get(`/api/v1/reports/${reportId}`)).json()).toMatchObject({ readable: true, team: { id: iomTeamId } });
  });
});

describe('the other decisions', () => {
  it('accepts into an existing case the desk may change, linking the person in the role given', async () => {
    const kase = (await police.post('/api/v1/cases', { caseType: 'ASB', title: 'Noise on the estate' })).json();
    const sent = await keyReferral(police);
    const reply = await decide(police, sent.id, { decision: 'existing-case', caseId: kase.id, role: 'witness', reportVisibility: 'shared' });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json()).toMatchObject({ status: 'accepted', caseId: kase.id });
    const after = (await police.get(`/api/v1/cases/${kase.id}`)).json();
    expect(after.profiles).toEqual([expect.objectContaining({ profileId: reply.json().profileId, role: 'witness' })]);
    expect((await police.get(`/api/v1/reports/${reply.json().reportId}`)).json()).toMatchObject({ record: { kind: 'case', id: kase.id }, visibility: 'shared' });
    const [audit] = await storedAuditEvents(t, { entityId: sent.id, action: 'referral.decided' });
    expect(audit?.details).toMatchObject({ createdProfile: true, createdCase: false });

    // A person already on the case stays as they are.
    const again = await keyReferral(police);
    const linked = await decide(police, again.id, { decision: 'existing-case', caseId: kase.id, profileId: reply.json().profileId, role: 'victim' });
    expect(linked.statusCode, linked.body).toBe(200);
    expect((await police.get(`/api/v1/cases/${kase.id}`)).json().profiles).toEqual([expect.objectContaining({ profileId: reply.json().profileId, role: 'witness' })]);
  });

  it('signposts elsewhere, keeping where to', async () => {
    const sent = await keyReferral(police);
    const reply = await decide(police, sent.id, { decision: 'signpost', signpostedTo: 'Citizens Advice', reason: 'A debt problem, not ASB' });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json()).toEqual({ status: 'signposted', version: expect.any(Number) });
    expect((await referralOf(police, sent.id)).outcome).toMatchObject({ decision: 'signpost', signpostedTo: 'Citizens Advice', caseId: null, reason: 'A debt problem, not ASB' });
    expect((await latestEmailTo(t, `referrer${counter}@example.test`)).subject).toContain('has been looked at');
  });

  it('declines with only the reason', async () => {
    const sent = await keyReferral(police);
    const reply = await decide(police, sent.id, { decision: 'decline', reason: 'No anti-social behaviour described' });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json()).toMatchObject({ status: 'declined' });
    expect((await referralOf(police, sent.id)).outcome).toMatchObject({ decision: 'decline', caseId: null, profileId: null, signpostedTo: null });
  });

  it('asks the referrer for more information: the clock stops, they are emailed a link, and nothing is decided yet', async () => {
    const sent = await keyReferral(police);
    const reply = await decide(police, sent.id, { decision: 'more-information', question: 'Which flat does the noise come from?', reason: 'Cannot tell who is affected' });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json()).toEqual({ status: 'waiting-for-information', version: expect.any(Number) });
    const referral = await referralOf(police, sent.id);
    expect(referral).toMatchObject({ status: 'waiting-for-information', paused: true, decisionDueAt: null, outcome: null });
    expect(referral.pausedAt).not.toBeNull();
    expect(referral.informationRequests).toEqual([expect.objectContaining({ question: 'Which flat does the noise come from?', answeredAt: null })]);
    expect((await latestEmailTo(t, `referrer${counter}@example.test`)).body).toContain('/refer/answer/');
    const [audit] = await storedAuditEvents(t, { entityId: sent.id, action: 'referral.decided' });
    expect(audit).toMatchObject({ reason: 'Cannot tell who is affected', details: { decision: 'more-information', from: 'new', to: 'waiting-for-information', caseId: null } });

    // Still open: it can be decided while waiting.
    expect((await decide(police, sent.id, { decision: 'decline' })).json()).toMatchObject({ status: 'declined' });
  });

  it('can decide again once reopened, the later decision replacing the earlier one', async () => {
    const sent = await keyReferral(police);
    const accepted = (await decide(police, sent.id, { decision: 'new-case', caseType: 'ASB' })).json();
    expect(accepted.status).toBe('accepted');
    const reopened = await police.post(`/api/v1/referrals/${sent.id}/reopening`, { reason: 'Accepted in error: the person has moved away' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'in-triage', outcome: null });

    const declined = await decide(police, sent.id, { decision: 'decline', reason: 'Moved out of the area', version: reopened.json().version });
    expect(declined.statusCode, declined.body).toBe(200);
    const referral = await referralOf(police, sent.id);
    expect(referral.outcome).toMatchObject({ decision: 'decline', reason: 'Moved out of the area', caseId: null, profileId: null, reportId: null });
    expect(referral.events.map((e: { step: string }) => e.step)).toEqual(['received', 'accept', 'reopen', 'decline']);
    // What the first decision made stays, on its own pages.
    expect((await police.get(`/api/v1/cases/${accepted.caseId}`)).statusCode).toBe(200);

    const reopenedAgain = (await police.post(`/api/v1/referrals/${sent.id}/reopening`, { reason: 'They came back' })).json();
    const again = await decide(police, sent.id, { decision: 'existing-case', caseId: accepted.caseId, profileId: accepted.profileId, version: reopenedAgain.version });
    expect(again.statusCode, again.body).toBe(200);
    expect((await referralOf(police, sent.id)).outcome).toMatchObject({ decision: 'existing-case', caseId: accepted.caseId });
  });
});

describe('a decision refused', () => {
  it('needs what its decision needs, and nothing another decision would use; nothing is created', async () => {
    const sent = await keyReferral(police);
    const before = await counts();
    for (const [decision, field] of [['new-case', 'caseType'], ['existing-case', 'caseId'], ['signpost', 'signpostedTo'], ['more-information', 'question']] as const) {
      const response = await decide(police, sent.id, { decision });
      expectError(response, 422, 'validation_failed');
      expect(response.json().error.details).toEqual([expect.objectContaining({ field })]);
    }
    const mixed = await decide(police, sent.id, { decision: 'decline', caseId: '00000000-0000-4000-8000-000000000000', signpostedTo: 'Citizens Advice' });
    expectError(mixed, 422, 'validation_failed');
    expect(mixed.json().error.details.map((d: { field: string }) => d.field)).toEqual(['caseId', 'signpostedTo']);
    const unknownType = await decide(police, sent.id, { decision: 'new-case', caseType: 'No such type' });
    expectError(unknownType, 422, 'validation_failed');
    expect(unknownType.json().error.details).toEqual([expect.objectContaining({ field: 'caseType' })]);
    expect(await counts()).toEqual(before);
    expect((await referralOf(police, sent.id)).status).toBe('new');
  });

  it('is refused on an accepted referral until it is reopened, creating nothing, and the refusal is kept', async () => {
    const sent = await keyReferral(police);
    expect((await decide(police, sent.id, { decision: 'decline' })).statusCode).toBe(200);
    const before = await counts();
    const response = await decide(police, sent.id, { decision: 'new-case', caseType: 'ASB' });
    expectError(response, 409, 'referral_state');
    expect(response.json().error.message).toBe('This referral is declined; reopen it first.');
    expect(await counts()).toEqual(before);
    const [refusal] = await storedAuditEvents(t, { entityId: sent.id, action: 'referral.moved' });
    expect(refusal).toMatchObject({ outcome: 'refused', details: { step: 'accept', from: 'declined', to: null } });
  });

  it('is refused from a stale version', async () => {
    const sent = await keyReferral(police);
    const { version } = await referralOf(police, sent.id);
    expect((await police.patch(`/api/v1/referrals/${sent.id}`, { version, assignedToId: null })).statusCode).toBe(200);
    expectError(await decide(police, sent.id, { decision: 'decline', version }), 409, 'conflict');
    expect((await referralOf(police, sent.id)).status).toBe('new');
  });

  it('into a case the desk cannot open (403) or a person of another partnership (404), creating nothing', async () => {
    const councilCase = (await council.post('/api/v1/cases', { caseType: 'ASB', title: 'The council\'s own case' })).json();
    const stranger = await createProfile(other);
    const sent = await keyReferral(police);
    const before = await counts();
    expectError(await decide(police, sent.id, { decision: 'existing-case', caseId: councilCase.id }), 403, 'no_access');
    expectError(await decide(police, sent.id, { decision: 'new-case', caseType: 'ASB', profileId: stranger.id }), 404, 'not_found');
    expectError(await decide(police, sent.id, { decision: 'existing-case', caseId: '00000000-0000-4000-8000-000000000000' }), 404, 'not_found');
    expect(await counts()).toEqual(before);
    expect((await referralOf(police, sent.id)).status).toBe('new');
    const refusals = await storedAuditEvents(t, { entityId: councilCase.id, action: 'access.refused' });
    expect(refusals).toHaveLength(1);
  });
});

describe('who may decide', () => {
  it('only those who work the referral\'s desk: not another team of its organisation, another organisation, a read-only account or the other partnership', async () => {
    const sent = await keyReferral(police);
    const before = await counts();
    expectError(await decide(iom.agent, sent.id, { decision: 'decline' }), 403, 'forbidden');
    expectError(await decide(council, sent.id, { decision: 'decline' }), 403, 'forbidden');
    expectError(await decide(readOnly, sent.id, { decision: 'decline' }), 403, 'forbidden');
    expectError(await decide(other, sent.id, { decision: 'decline' }), 404, 'not_found');
    expect(await counts()).toEqual(before);
    expect((await referralOf(police, sent.id)).status).toBe('new');
    const refused = await storedAuditEvents(t, { entityId: sent.id, action: 'access.refused' });
    expect(refused.map((e) => e.actor?.name).sort()).toEqual(['Ira Offender-Manager', 'Jo Evans']);

    // The team's administrator and its organisation's may.
    expect((await decide(await t.as(emails.lead), sent.id, { decision: 'more-information', question: 'Where?' })).statusCode).toBe(200);
    expect((await decide(policeAdmin, sent.id, { decision: 'decline' })).statusCode).toBe(200);
  });
});

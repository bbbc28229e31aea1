import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { completed, matrixAllMax } from '../assessments/assessments.fixtures.ts';
import { auditOf, createProfile, createRecord, emails, expectError, loadStructure, share } from '../sharing/records.fixtures.ts';
import { createPanel, fireOfficer, refer } from './panels.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;
let panelId: string;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
  panelId = (await createPanel(await t.as(emails.lead), place)).id;
});
afterAll(() => t.close());

const yearsAgo = (years: number) => `${new Date().getUTCFullYear() - years}-01-15`;

describe('referring a record to a panel', () => {
  it('is refused when the referrer cannot open the record, or sits on no panel, and unknown to the other partnership', async () => {
    const police = await t.as(emails.police);
    const profile = await createProfile(police);
    const housing = await t.as(emails.housing);
    const body = { subject: { type: 'profile', id: profile.id }, reason: 'Housing has concerns', criteria: ['professional-judgement'] };
    const refused = await housing.post(`/api/v1/panels/${panelId}/referrals`, body);
    expectError(refused, 403, 'no_access');
    expect(refused.json().error.owner).toMatchObject({ team: { name: 'ASB team' } });
    expectError(await housing.get(`/api/v1/panels/${panelId}/referral-start?subjectType=profile&subjectId=${profile.id}`), 403, 'no_access');
    const fire = await fireOfficer(t, place);
    expectError(await fire.agent.post(`/api/v1/panels/${panelId}/referrals`, body), 403, 'no_access');
    const other = await t.as(emails.other);
    expectError(await other.post(`/api/v1/panels/${panelId}/referrals`, body), 404, 'not_found');
    // A record of the other partnership does not exist for this one.
    const theirs = await createProfile(other);
    expectError(await police.post(`/api/v1/panels/${panelId}/referrals`, { ...body, subject: { type: 'profile', id: theirs.id } }), 404, 'not_found');
    expectError(await police.post(`/api/v1/panels/${panelId}/referrals`, { ...body, reason: '  ' }), 422, 'validation_failed');
    expectError(await police.post(`/api/v1/panels/${panelId}/referrals`, { ...body, criteria: ['gut-feeling'] }), 422, 'validation_failed');
  });

  it('tells the chair without naming anyone, lets the chair\'s team open the record, and is audited on the record', async () => {
    const housing = await t.as(emails.housing);
    const profile = await createProfile(housing, { firstName: 'Olwen', lastName: 'Referred' });
    const referral = await refer(housing, panelId, { type: 'profile', id: profile.id }, { criteria: ['professional-judgement', 'ram-high'] });
    expect(referral).toMatchObject({ status: 'waiting', repeat: false, criteria: ['professional-judgement', 'ram-high'], title: 'Olwen Referred', restricted: false, referredByOrganisation: { name: 'Demo Housing Association' } });

    const lead = await t.as(emails.lead);
    const notices = (await lead.get('/api/v1/notifications')).json().items as { kind: string; message: string; link: string; record: { id: string } | null }[];
    const notice = notices.find((n) => n.kind === 'panel_referral' && n.record?.id === profile.id);
    expect(notice).toMatchObject({ link: `/panels/${panelId}` });
    expect(notice!.message).not.toContain('Olwen');
    expect(notice!.message).not.toContain('Referred');

    // The chair's team (police ASB) may now open the housing officer's record, until the grant expires.
    expect((await lead.get(`/api/v1/profiles/${profile.id}`)).statusCode).toBe(200);
    const access = (await housing.get(`/api/v1/profiles/${profile.id}/access`)).json();
    expect(access.entries).toEqual([expect.objectContaining({ team: expect.objectContaining({ name: 'ASB team' }), level: 'view', source: 'panel', expiresAt: expect.any(String) })]);
    expect(Date.parse(access.entries[0].expiresAt)).toBeGreaterThan(Date.now() + 300 * 86_400_000);

    const [audited] = await auditOf(t, profile.id, 'panel_referral.created');
    expect(audited).toMatchObject({ reason: 'Repeated targeting of the household', details: { panelId, referralId: referral.id, repeat: false } });
    expect((await auditOf(t, profile.id, 'record.shared'))[0]?.details).toMatchObject({ panelId, level: 'view' });

    // Other members see it as a stub; the chair sees it whole.
    const council = await t.as(emails.council);
    expect((await council.get(`/api/v1/panel-referrals/${referral.id}`)).json()).toMatchObject({ restricted: true, title: null, reason: null, criteria: ['professional-judgement', 'ram-high'] });
    expect((await lead.get(`/api/v1/panel-referrals/${referral.id}`)).json()).toMatchObject({ restricted: false, title: 'Olwen Referred' });
    const listed = (await council.get(`/api/v1/panels/${panelId}/referrals?status=waiting`)).json().items as { id: string; restricted: boolean }[];
    expect(listed.find((r) => r.id === referral.id)).toMatchObject({ restricted: true });
    expectError(await (await t.as(emails.other)).get(`/api/v1/panel-referrals/${referral.id}`), 404, 'not_found');
    const fire = await fireOfficer(t, place);
    expectError(await fire.agent.get(`/api/v1/panel-referrals/${referral.id}`), 403, 'no_access');
    // A coordinator added later gets the same access to the records still waiting.
    const panel = (await lead.get(`/api/v1/panels/${panelId}`)).json();
    const councilOfficer = (await council.get('/api/v1/me')).json().id;
    expectError(await council.get(`/api/v1/profiles/${profile.id}`), 403, 'no_access');
    const joined = await lead.patch(`/api/v1/panels/${panelId}`, { version: panel.version, coordinatorIds: [...panel.coordinators.map((c: { id: string }) => c.id), councilOfficer] });
    expect(joined.statusCode, joined.body).toBe(200);
    expect((await council.get(`/api/v1/profiles/${profile.id}`)).statusCode).toBe(200);
    expect((await council.get(`/api/v1/panel-referrals/${referral.id}`)).json()).toMatchObject({ restricted: false });
    // The record's own page lists its referrals.
    const own = (await housing.get(`/api/v1/panel-referrals?subjectType=profile&subjectId=${profile.id}`)).json();
    expect(own.items).toEqual([expect.objectContaining({ id: referral.id, title: 'Olwen Referred' })]);
  });

  it('marks a referral within 12 months of the last one to the same panel as a repeat, and not one after', async () => {
    const police = await t.as(emails.police);
    const profile = await createProfile(police);
    const subject = { type: 'profile' as const, id: profile.id };
    const first = await refer(police, panelId, subject);
    expect(first.repeat).toBe(false);
    const second = await refer(police, panelId, subject);
    expect(second).toMatchObject({ repeat: true, criteria: ['professional-judgement', 'repeat'] });
    // Another panel keeps its own count.
    const otherPanel = await createPanel(await t.as(emails.lead), place);
    expect((await refer(police, otherPanel.id, subject)).repeat).toBe(false);

    await t.database.db.execute(sql`update panel_referrals set created_at = now() - interval '13 months' where record_id = ${profile.id} and panel_id = ${panelId}`);
    const start = (await police.get(`/api/v1/panels/${panelId}/referral-start?subjectType=profile&subjectId=${profile.id}`)).json();
    expect(start).toMatchObject({ repeat: false, earlierReferrals: [expect.objectContaining({ id: expect.any(String) }), expect.anything()] });
    expect((await refer(police, panelId, subject)).repeat).toBe(false);
    // A withdrawn referral was never heard: it does not make the next one a repeat.
    const profile2 = await createProfile(police);
    const withdrawn = await refer(police, panelId, { type: 'profile', id: profile2.id });
    const taken = await police.post(`/api/v1/panel-referrals/${withdrawn.id}/withdraw`, { reason: 'Sent to the wrong panel' });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json()).toMatchObject({ status: 'withdrawn', withdrawnReason: 'Sent to the wrong panel' });
    expectError(await police.post(`/api/v1/panel-referrals/${withdrawn.id}/withdraw`, { reason: 'Again' }), 409, 'referral_not_waiting');
    expect((await refer(police, panelId, { type: 'profile', id: profile2.id })).repeat).toBe(false);
  });
});

describe('what a referral starts from', () => {
  it('brings the person, their latest DASH and matrix, the household\'s children, incidents and earlier referrals, and suggests the criteria', async () => {
    const lead = await t.as(emails.lead);
    const police = await t.as(emails.police);
    const dash = await lead.post('/api/v1/assessment-templates', {
      key: 'dash',
      name: 'DASH risk checklist',
      definition: {
        sections: [{ title: 'DASH', questions: [{ key: 'dash-yes', text: 'How many questions were answered yes?', kind: 'single_choice', required: true, options: [{ value: 'few', label: 'Fewer than 14', score: 5 }, { value: 'many', label: '14 or more', score: 16 }] }] }],
        bands: [{ label: 'Standard', min: 0, max: 13 }, { label: 'High', min: 14, max: null }],
      },
    });
    expect(dash.statusCode, dash.body).toBe(201);

    const person = await createProfile(police, { firstName: 'Nadia', lastName: 'Startpoint' });
    const child = await createProfile(police, { firstName: 'Theo', lastName: 'Startpoint', dateOfBirth: `${new Date().getUTCFullYear() - 8}-03-01` });
    const partner = await createProfile(police, { firstName: 'Rob', lastName: 'Startpoint', dateOfBirth: yearsAgo(40) });
    expect((await police.post(`/api/v1/profiles/${person.id}/relationships`, { otherProfileId: child.id, kind: 'parent' })).statusCode).toBe(201);
    expect((await police.post(`/api/v1/profiles/${person.id}/relationships`, { otherProfileId: partner.id, kind: 'partner' })).statusCode).toBe(201);
    const subject = { type: 'profile' as const, id: person.id };
    const dashDone = await completed(police, 'dash', subject, { 'dash-yes': 'many' });
    const matrix = await completed(police, 'asb-risk-matrix', subject, matrixAllMax);
    for (let i = 0; i < 3; i++) {
      const report = await police.post('/api/v1/reports', { subject, reportType: 'asb-complaint', body: `<p>Complaint ${i}</p>`, visibility: 'shared' });
      expect(report.statusCode, report.body).toBe(201);
    }

    const start = await police.get(`/api/v1/panels/${panelId}/referral-start?subjectType=profile&subjectId=${person.id}`);
    expect(start.statusCode, start.body).toBe(200);
    expect(start.json()).toMatchObject({
      subject: { type: 'profile', id: person.id, title: 'Nadia Startpoint' },
      people: [{ id: person.id, firstName: 'Nadia' }],
      dash: { id: dashDone.id, score: 16, band: 'High', template: { key: 'dash' } },
      riskMatrix: { id: matrix.id, score: 37, band: 'High' },
      hasChildren: true,
      incidents: 3,
      repeat: false,
      earlierReferrals: [],
      suggestedCriteria: ['dash-14', 'ram-high', 'escalation'],
    });
    expect(start.json().household).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: child.id, relationship: 'Parent of', child: true, age: 8, accessible: true }),
      expect.objectContaining({ id: partner.id, relationship: 'Partner of', child: false }),
    ]));
    expect((await auditOf(t, person.id, 'panel_referral.start_viewed'))[0]?.details).toMatchObject({ suggested: ['dash-14', 'ram-high', 'escalation'] });

    const referral = await refer(police, panelId, subject, { criteria: start.json().suggestedCriteria });
    expect(referral).toMatchObject({ hasChildren: true, latestAssessmentId: matrix.id, criteria: ['dash-14', 'ram-high', 'escalation'] });
  });

  it('starts a case from its people the referrer may open', async () => {
    const police = await t.as(emails.police);
    const caseId = await createRecord(police, 'cases');
    const person = await createProfile(police, { firstName: 'Casey', lastName: 'Member', dateOfBirth: yearsAgo(12) });
    expect((await police.post(`/api/v1/cases/${caseId}/profiles`, { profileId: person.id, role: 'victim' })).statusCode).toBe(201);
    const start = (await police.get(`/api/v1/panels/${panelId}/referral-start?subjectType=case&subjectId=${caseId}`)).json();
    expect(start).toMatchObject({ subject: { type: 'case', id: caseId }, people: [{ id: person.id }], hasChildren: true, dash: null, riskMatrix: null });
    const council = await t.as(emails.council);
    expectError(await council.get(`/api/v1/panels/${panelId}/referral-start?subjectType=case&subjectId=${caseId}`), 403, 'no_access');
    await share(police, 'cases', caseId, { teamId: place.team('Demo District Council/Community Safety team').teamId, level: 'view' });
    // The council may now open the case, but not the person in it: it is not told about them.
    expect((await council.get(`/api/v1/panels/${panelId}/referral-start?subjectType=case&subjectId=${caseId}`)).json()).toMatchObject({ people: [], hasChildren: false });
  });
});

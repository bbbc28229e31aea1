import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VictimCareSettings } from '../../../shared/api/victim-care.ts';
import { addDays, londonToday } from '../../platform/london.ts';
import { storedAuditEvents } from '../../test/audit.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, emails, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { putPlan, sharedVictim, victimCareOf, type Structure } from './victim-care.fixtures.ts';

let t: TestApp;
let structure: Structure;
let police: Agent;
let council: Agent;

beforeAll(async () => {
  t = await startTestApp();
  structure = await loadStructure(t);
  police = await t.as(emails.police);
  council = await t.as(emails.council);
});
afterAll(() => t.close());

const settingsBody = (s: VictimCareSettings, change: Partial<VictimCareSettings> = {}) => ({
  version: s.version, cadenceDays: s.cadenceDays, overdueGraceDays: s.overdueGraceDays, communityTrigger: s.communityTrigger, ...change,
});

describe('the partnership\'s victim care settings', () => {
  it('are Concord\'s defaults until its system administrators change them, as a whole and from the version read', async () => {
    const admin = await t.as(emails.admin);
    const defaults: VictimCareSettings = (await police.get('/api/v1/victim-care/settings')).json();
    expect(defaults).toMatchObject({
      version: 0, isDefault: true, cadenceDays: { standard: 28, medium: 14, high: 7, notAssessed: 14 }, overdueGraceDays: 2,
      communityTrigger: { complaints: 3, months: 6, locationComplaints: 5, anyHateIncident: true }, permissions: { canEdit: false },
    });

    expectError(await police.request('PUT', '/api/v1/victim-care/settings', settingsBody(defaults)), 403, 'forbidden');
    const changed = await admin.request('PUT', '/api/v1/victim-care/settings', settingsBody(defaults, { overdueGraceDays: 3 }));
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ version: 1, isDefault: false, overdueGraceDays: 3, permissions: { canEdit: true } });
    expectError(await admin.request('PUT', '/api/v1/victim-care/settings', settingsBody(defaults, { overdueGraceDays: 4 })), 409, 'conflict');
    const [event] = await storedAuditEvents(t, { action: 'victim_care_settings.updated', limit: 1 });
    expect(event?.changes).toEqual({ overdueGraceDays: { before: 2, after: 3 } });

    // The other partnership keeps its own.
    const other = await t.as(emails.other);
    expect((await other.get('/api/v1/victim-care/settings')).json()).toMatchObject({ isDefault: true, overdueGraceDays: 2 });
    const back = await admin.request('PUT', '/api/v1/victim-care/settings', settingsBody(changed.json(), { overdueGraceDays: 2 }));
    expect(back.statusCode, back.body).toBe(200);
  });

  it('refuse values out of range, field by field', async () => {
    const admin = await t.as(emails.admin);
    const current: VictimCareSettings = (await admin.get('/api/v1/victim-care/settings')).json();
    const response = await admin.request('PUT', '/api/v1/victim-care/settings', settingsBody(current, { cadenceDays: { ...current.cadenceDays, high: 0 } }));
    expectError(response, 422, 'validation_failed');
    expect(response.json().error.details).toEqual([expect.objectContaining({ field: 'cadenceDays.high' })]);
  });
});

describe('a victim\'s contact plan', () => {
  it('starts from the partnership\'s cadence for the person\'s risk level, nothing confirmed safe, the first contact due a frequency from today', async () => {
    const high = await createProfile(police, { roles: ['victim'], riskLevel: 'high' });
    const plan = await putPlan(police, high.id, {});
    expect(plan).toMatchObject({
      profileId: high.id, frequencyDays: 7, defaultFrequencyDays: 7, preferredChannel: null,
      safeToText: false, safeToVoicemail: false, safeToEmail: false, safeToLetter: false,
      lastContactAt: null, nextContactDue: addDays(londonToday(), 7), overdue: false, daysOverdue: 0, version: 1,
      permissions: { canEdit: true, canRecordContact: true },
    });
    const unassessed = await createProfile(police, { roles: ['victim'] });
    expect((await putPlan(police, unassessed.id, {})).frequencyDays).toBe(14);
  });

  it('is changed field by field; a new frequency moves the next contact, null returns to the cadence, a stale version is refused', async () => {
    const victim = await createProfile(police, { roles: ['victim'], riskLevel: 'standard' });
    const kase = (await police.post('/api/v1/cases', { caseType: 'ASB', title: 'Harassment at the flats' })).json();
    expect((await police.post(`/api/v1/cases/${kase.id}/profiles`, { profileId: victim.id, role: 'vulnerable_person' })).statusCode).toBe(201);
    const first = await putPlan(police, victim.id, { frequencyDays: 10, caseId: kase.id, preferredChannel: 'phone', safeTimes: 'Weekdays after 6pm', safeToText: true });
    expect(first).toMatchObject({ frequencyDays: 10, case: { id: kase.id, reference: kase.reference }, preferredChannel: 'phone', safeTimes: 'Weekdays after 6pm', safeToText: true });

    const second = await putPlan(police, victim.id, { frequencyDays: 5, version: first.version });
    expect(second).toMatchObject({ frequencyDays: 5, nextContactDue: addDays(londonToday(), 5), preferredChannel: 'phone', safeToText: true, version: 2 });
    expectError(await police.request('PUT', `/api/v1/profiles/${victim.id}/contact-plan`, { safeToEmail: true, version: first.version }), 409, 'conflict');
    const back = await putPlan(police, victim.id, { frequencyDays: null, caseId: null });
    expect(back).toMatchObject({ frequencyDays: 28, case: null });

    const [event] = await auditOf(t, victim.id, 'contact_plan.set');
    expect(event?.changes).toMatchObject({ frequencyDays: { before: 5, after: 28 }, caseId: { before: kase.id, after: null } });
    expect(event?.details).toMatchObject({ created: false, safeTimesChanged: false });
    expect(JSON.stringify(await auditOf(t, victim.id, 'contact_plan.set'))).not.toContain('after 6pm');
  });

  it('refuses a case of another partnership and bad values', async () => {
    const victim = await createProfile(police, { roles: ['victim'] });
    const otherCase = (await (await t.as(emails.other)).post('/api/v1/cases', { caseType: 'ASB', title: 'Elsewhere' })).json();
    expectError(await police.request('PUT', `/api/v1/profiles/${victim.id}/contact-plan`, { caseId: otherCase.id }), 422, 'validation_failed');
    expectError(await police.request('PUT', `/api/v1/profiles/${victim.id}/contact-plan`, { frequencyDays: 0 }), 422, 'validation_failed');
    expectError(await police.request('PUT', `/api/v1/profiles/${victim.id}/contact-plan`, { preferredChannel: 'pigeon' }), 422, 'validation_failed');
    expectError(await police.request('PUT', `/api/v1/profiles/${victim.id}/contact-plan`, { nextContactDue: '2030-01-01' }), 422, 'validation_failed');
  });

  it('is tied only to a case the person is linked to, and keeps its case once they leave it', async () => {
    const victim = await createProfile(police, { roles: ['victim'] });
    const kase = (await police.post('/api/v1/cases', { caseType: 'ASB', title: 'Threats on the landing' })).json();
    const unrelated = (await police.post('/api/v1/cases', { caseType: 'ASB', title: 'Someone else\'s case' })).json();
    const refused = await police.request('PUT', `/api/v1/profiles/${victim.id}/contact-plan`, { caseId: unrelated.id });
    expectError(refused, 422, 'validation_failed');
    expect(refused.json().error.details).toEqual([{ field: 'caseId', problem: 'is not a case this person is linked to' }]);
    expect((await victimCareOf(police, victim.id)).plan).toBeNull();

    expect((await police.post(`/api/v1/cases/${kase.id}/profiles`, { profileId: victim.id, role: 'victim' })).statusCode).toBe(201);
    const plan = (await victimCareOf(police, victim.id)).plan!;
    expect(plan.case?.id).toBe(kase.id);
    expectError(await police.request('PUT', `/api/v1/profiles/${victim.id}/contact-plan`, { caseId: unrelated.id, version: plan.version }), 422, 'validation_failed');

    // The form sends the case back with every change: it stands after the person leaves the case.
    expect((await police.delete(`/api/v1/cases/${kase.id}/profiles/${victim.id}`)).statusCode).toBe(204);
    const kept = await putPlan(police, victim.id, { caseId: kase.id, frequencyDays: 10, version: plan.version });
    expect(kept).toMatchObject({ case: { id: kase.id }, frequencyDays: 10 });
    expect((await putPlan(police, victim.id, { caseId: null, version: kept.version })).case).toBeNull();
    expectError(await police.request('PUT', `/api/v1/profiles/${victim.id}/contact-plan`, { caseId: kase.id }), 422, 'validation_failed');
  });

  it('is set when a victim is added to a case, tied to it, unless they have one', async () => {
    const victim = await createProfile(police, { roles: ['victim'], riskLevel: 'medium' });
    const kase = (await police.post('/api/v1/cases', { caseType: 'ASB', title: 'Noise and threats' })).json();
    expect((await police.post(`/api/v1/cases/${kase.id}/profiles`, { profileId: victim.id, role: 'victim' })).statusCode).toBe(201);
    expect((await victimCareOf(police, victim.id)).plan).toMatchObject({ frequencyDays: 14, case: { id: kase.id }, nextContactDue: addDays(londonToday(), 14) });
    const [event] = await auditOf(t, victim.id, 'contact_plan.set');
    expect(event?.details).toMatchObject({ created: true, by: 'victim linked to case', caseId: kase.id });

    const another = (await police.post('/api/v1/cases', { caseType: 'ASB', title: 'Second case' })).json();
    expect((await police.post(`/api/v1/cases/${another.id}/profiles`, { profileId: victim.id, role: 'victim' })).statusCode).toBe(201);
    expect((await victimCareOf(police, victim.id)).plan?.case?.id).toBe(kase.id);

    const witness = await createProfile(police, { roles: ['witness'] });
    expect((await police.post(`/api/v1/cases/${kase.id}/profiles`, { profileId: witness.id, role: 'witness' })).statusCode).toBe(201);
    expect((await victimCareOf(police, witness.id)).plan).toBeNull();
  });

  it('shows on the person\'s victim care, read as the person is, and every read is audited', async () => {
    const victim = await sharedVictim(t, structure);
    const care = await victimCareOf(council, victim.id);
    expect(care).toMatchObject({ plan: null, overdue: false, permissions: { canEdit: false, canRecordContact: false, canOpenCaseReview: true } });
    expectError(await council.get(`/api/v1/profiles/${victim.id}/contact-plan`), 404, 'not_found');
    await putPlan(police, victim.id);
    // The council may see it and record contacts, but only those with edit change it.
    expect((await victimCareOf(council, victim.id)).permissions).toEqual({ canEdit: false, canRecordContact: true, canOpenCaseReview: true });
    expectError(await council.request('PUT', `/api/v1/profiles/${victim.id}/contact-plan`, { frequencyDays: 3 }), 403, 'forbidden');
    expect((await council.get(`/api/v1/profiles/${victim.id}/contact-plan`)).json()).toMatchObject({ permissions: { canEdit: false, canRecordContact: true } });
    const actions = (await auditOf(t, victim.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['victim_care.viewed', 'contact_plan.viewed']));
  });

  it('is refused to another organisation that cannot open the person (403) and to the other partnership (404)', async () => {
    const victim = await createProfile(police, { roles: ['victim'] });
    await putPlan(police, victim.id);
    const housing = await t.as(emails.housing);
    const other = await t.as(emails.other);
    for (const [agent, status, code] of [[housing, 403, 'no_access'], [other, 404, 'not_found']] as const) {
      expectError(await agent.get(`/api/v1/profiles/${victim.id}/victim-care`), status, code);
      expectError(await agent.get(`/api/v1/profiles/${victim.id}/contact-plan`), status, code);
      expectError(await agent.request('PUT', `/api/v1/profiles/${victim.id}/contact-plan`, { frequencyDays: 3 }), status, code);
    }
  });
});

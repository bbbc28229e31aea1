import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../platform/events/types.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, emails, enrolledUser, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { complete, completed, matrixAllMax, matrixMedium, start } from './assessments.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;
let officer: Agent;
let supervisor: Agent;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
  officer = await t.as(emails.police);
  supervisor = await t.as(emails.lead);
});
afterAll(() => t.close());

const adjustment = { score: 20, reason: 'The victim has moved in with family; the risk is lower than the answers suggest.' };

async function pendingMatrix() {
  const profile = await createProfile(officer);
  const done = await completed(officer, 'asb-risk-matrix', { type: 'profile', id: profile.id }, matrixAllMax, { adjustment });
  return { profile, done };
}

const decide = (agent: Agent, id: string, version: number, decision: 'approved' | 'rejected', note?: string) =>
  agent.post(`/api/v1/assessments/${id}/adjustment/decision`, { version, decision, ...(note ? { note } : {}) });

const riskOf = async (profileId: string) => (await officer.get(`/api/v1/profiles/${profileId}`)).json().riskLevel;

describe('adjusting a score with professional judgement', () => {
  it('waits for a supervisor, showing both scores; the computed band counts until then', async () => {
    const { profile, done } = await pendingMatrix();
    expect(done).toMatchObject({
      score: 37, band: { label: 'High' }, finalScore: 37, finalBand: { label: 'High' },
      adjustment: { score: 20, reason: adjustment.reason, status: 'pending', band: { label: 'Medium' }, decidedBy: null },
      permissions: { canAdjust: false, canDecideAdjustment: false },
    });
    expect(await riskOf(profile.id)).toBe('high');
    const waiting = (await supervisor.get('/api/v1/assessments?scope=awaiting_approval')).json().items.map((i: { id: string }) => i.id);
    expect(waiting).toContain(done.id);
    expect((await supervisor.get(`/api/v1/assessments/${done.id}`)).json().permissions.canDecideAdjustment).toBe(true);
    const notices = (await supervisor.get('/api/v1/notifications?limit=100')).json().items as { kind: string; message: string; link: string }[];
    const notice = notices.find((n) => n.kind === 'adjustment_requested' && n.link === `/assessments/${done.id}`);
    expect(notice?.message).toMatch(/asks you to approve an adjusted score: ASB Risk Assessment Matrix$/);
    expect(notice?.message).not.toContain(profile.lastName);
  });

  it('once approved, the adjusted score and band count, the profile\'s risk level follows and the assessor is told', async () => {
    const { profile, done } = await pendingMatrix();
    const approved = await decide(supervisor, done.id, done.version, 'approved', 'Agreed after speaking to the officer.');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ score: 37, band: { label: 'High' }, finalScore: 20, finalBand: { label: 'Medium' }, adjustment: { status: 'approved', note: 'Agreed after speaking to the officer.', decidedBy: { name: expect.any(String) } } });
    expect(await riskOf(profile.id)).toBe('medium');
    const history = (await officer.get(`/api/v1/profiles/${profile.id}/risk-levels`)).json().items;
    expect(history.map((h: { from: string | null; to: string }) => [h.from, h.to])).toEqual([['high', 'medium'], [null, 'high']]);
    const notices = (await officer.get('/api/v1/notifications?limit=100')).json().items as { kind: string; link: string }[];
    expect(notices.some((n) => n.kind === 'adjustment_decided' && n.link === `/assessments/${done.id}`)).toBe(true);
    const audit = await auditOf(t, profile.id, 'profile.updated');
    expect(audit.map((a) => a.changes)).toEqual([{ riskLevel: { before: 'high', after: 'medium' } }, { riskLevel: { before: null, after: 'high' } }]);
  });

  it('once rejected, the computed score and band still count', async () => {
    const { profile, done } = await pendingMatrix();
    const rejected = await decide(supervisor, done.id, done.version, 'rejected');
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ finalScore: 37, finalBand: { label: 'High' }, adjustment: { status: 'rejected', score: 20 } });
    expect(await riskOf(profile.id)).toBe('high');
    expectError(await decide(supervisor, done.id, rejected.json().version, 'approved'), 409, 'no_pending_adjustment');
  });

  it('cannot be approved by the assessor, another practitioner, or a team admin of another team', async () => {
    const { done } = await pendingMatrix();
    expectError(await decide(officer, done.id, done.version, 'approved'), 403, 'forbidden');
    const colleague = (await enrolledUser(t, emails.admin, { name: 'Pat Practitioner', role: 'practitioner', teamId: place.team('Demo County Police/ASB team').teamId })).agent;
    expectError(await decide(colleague, done.id, done.version, 'approved'), 403, 'forbidden');
    const otherLead = (await enrolledUser(t, emails.admin, { name: 'Ira Lead', role: 'team_admin', teamId: place.team('Demo County Police/IOM team').teamId })).agent;
    expectError(await decide(otherLead, done.id, done.version, 'approved'), 403, 'no_access');
    // The assessor's organisation's administrator may decide.
    const policeAdmin = await t.as(emails.policeAdmin);
    expect((await decide(policeAdmin, done.id, done.version, 'approved')).statusCode).toBe(200);
  });

  it('a supervisor who completes their own assessment cannot approve its adjustment', async () => {
    const profile = await createProfile(supervisor);
    const done = await completed(supervisor, 'asb-risk-matrix', { type: 'profile', id: profile.id }, matrixAllMax, { adjustment });
    expectError(await decide(supervisor, done.id, done.version, 'approved'), 403, 'forbidden');
    expect((await decide(await t.as(emails.policeAdmin), done.id, done.version, 'approved')).statusCode).toBe(200);
  });

  it('the assessor may adjust a completed assessment later, once at a time, and only the latest', async () => {
    const profile = await createProfile(officer);
    const subject = { type: 'profile' as const, id: profile.id };
    const first = await completed(officer, 'asb-risk-matrix', subject, matrixAllMax);
    expect(first.permissions).toMatchObject({ canAdjust: true });
    expectError(await supervisor.post(`/api/v1/assessments/${first.id}/adjustment`, { version: first.version, ...adjustment }), 403, 'forbidden');
    const adjusted = await officer.post(`/api/v1/assessments/${first.id}/adjustment`, { version: first.version, ...adjustment });
    expect(adjusted.statusCode, adjusted.body).toBe(200);
    expect(adjusted.json().adjustment).toMatchObject({ status: 'pending', score: 20 });
    expectError(await officer.post(`/api/v1/assessments/${first.id}/adjustment`, { version: adjusted.json().version, ...adjustment }), 409, 'adjustment_pending');
    await completed(officer, 'asb-risk-matrix', subject, matrixMedium);
    const rejected = await decide(supervisor, first.id, adjusted.json().version, 'rejected');
    expect(rejected.statusCode).toBe(200);
    expectError(await officer.post(`/api/v1/assessments/${first.id}/adjustment`, { version: rejected.json().version, ...adjustment }), 409, 'not_latest');
  });

  it('counts an assessment completed to the microsecond (as imported or loaded data is) as the latest', async () => {
    const profile = await createProfile(officer);
    const done = await completed(officer, 'asb-risk-matrix', { type: 'profile', id: profile.id }, matrixAllMax);
    await t.database.db.execute(sql`update assessments set completed_at = completed_at + interval '123 microseconds' where id = ${done.id}::uuid`);
    expect((await officer.get(`/api/v1/assessments/${done.id}`)).json().permissions).toMatchObject({ canAdjust: true });
    const adjusted = await officer.post(`/api/v1/assessments/${done.id}/adjustment`, { version: done.version, ...adjustment });
    expect(adjusted.statusCode, adjusted.body).toBe(200);
  });

  it('cannot be asked for again once approved: the approved value and risk level stand until a review', async () => {
    const { profile, done } = await pendingMatrix();
    const approved = (await decide(supervisor, done.id, done.version, 'approved')).json();
    expect((await officer.get(`/api/v1/assessments/${done.id}`)).json().permissions).toMatchObject({ canAdjust: false });
    const again = await officer.post(`/api/v1/assessments/${done.id}/adjustment`, { version: approved.version, score: 30, reason: 'Things got worse again.' });
    expectError(again, 409, 'adjustment_approved');
    expect(again.json().error.message).toBe('This assessment\'s adjusted score was approved. Start a review to assess again.');
    expect((await officer.get(`/api/v1/assessments/${done.id}`)).json()).toMatchObject({ finalScore: 20, adjustment: { status: 'approved', score: 20 } });
    expect(await riskOf(profile.id)).toBe('medium');
  });

  it('may be asked for again after a rejection, and moves nothing until it is decided', async () => {
    const { profile, done } = await pendingMatrix();
    const rejected = (await decide(supervisor, done.id, done.version, 'rejected')).json();
    expect((await officer.get(`/api/v1/assessments/${done.id}`)).json().permissions).toMatchObject({ canAdjust: true });
    const again = await officer.post(`/api/v1/assessments/${done.id}/adjustment`, { version: rejected.version, score: 10, reason: 'The offender has been rehoused.' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ finalScore: 37, adjustment: { status: 'pending', score: 10 } });
    expect(await riskOf(profile.id)).toBe('high');
    expect((await decide(supervisor, done.id, again.json().version, 'approved')).statusCode).toBe(200);
    expect(await riskOf(profile.id)).toBe('standard');
  });

  it('is refused on a private assessment where a supervisor must approve it: nobody else could read it to decide', async () => {
    const profile = await createProfile(officer);
    const draft = await start(officer, 'asb-risk-matrix', { type: 'profile', id: profile.id }, matrixAllMax, { visibility: 'private' });
    const refused = await officer.post(`/api/v1/assessments/${draft.id}/complete`, { adjustment });
    expectError(refused, 422, 'validation_failed');
    expect(refused.json().error.details).toEqual([{ field: 'adjustment', problem: 'needs a supervisor to read the assessment: keep it to your team or share it, not private' }]);
    expect((await officer.get(`/api/v1/assessments/${draft.id}`)).json().status).toBe('draft');
    const done = await complete(officer, draft.id);
    expectError(await officer.post(`/api/v1/assessments/${done.id}/adjustment`, { version: done.version, ...adjustment }), 422, 'validation_failed');
    expect((await officer.get(`/api/v1/assessments/${done.id}`)).json().adjustment).toBeNull();
  });

  it('cannot be decided by an organisation administrator of another team when only the assessor\'s team may read it', async () => {
    const profile = await createProfile(officer);
    const iom = place.team('Demo County Police/IOM team');
    await officer.post(`/api/v1/profiles/${profile.id}/access`, { teamId: iom.teamId, level: 'view' });
    const admin = (await enrolledUser(t, emails.admin, { name: 'Ola Admin', role: 'organisation_admin', teamId: iom.teamId })).agent;
    const draft = await start(officer, 'asb-risk-matrix', { type: 'profile', id: profile.id }, matrixAllMax, { visibility: 'team' });
    const done = await complete(officer, draft.id, { adjustment });
    expectError(await decide(admin, done.id, done.version, 'approved'), 403, 'forbidden');
    // Nor is that administrator asked: only those who could decide are told.
    const notices = (await admin.get('/api/v1/notifications?limit=100')).json().items as { link: string }[];
    expect(notices.some((n) => n.link === `/assessments/${done.id}`)).toBe(false);
    const policeAdminNotices = (await (await t.as(emails.policeAdmin)).get('/api/v1/notifications?limit=100')).json().items as { link: string }[];
    expect(policeAdminNotices.some((n) => n.link === `/assessments/${done.id}`)).toBe(true);
    expect((await decide(await t.as(emails.policeAdmin), done.id, done.version, 'approved')).statusCode).toBe(200);
  });

  it('is refused where the template allows none', async () => {
    const profile = await createProfile(officer);
    const draft = await start(officer, 'victim-screening', { type: 'profile', id: profile.id });
    const refused = await officer.post(`/api/v1/assessments/${draft.id}/complete`, { adjustment });
    expectError(refused, 422, 'validation_failed');
    const done = await completed(officer, 'wheel', { type: 'profile', id: profile.id }, { 'wheel-accommodation': 3, 'wheel-education': 4, 'wheel-health': 5, 'wheel-drugs-alcohol': 6, 'wheel-finance': 7, 'wheel-children-families': 8, 'wheel-attitudes': 9 });
    expect(done.permissions).toMatchObject({ canAdjust: false });
    expectError(await officer.post(`/api/v1/assessments/${done.id}/adjustment`, { version: done.version, ...adjustment }), 422, 'validation_failed');
  });
});

describe('the profile\'s risk level', () => {
  it('is set by the latest matrix, each change kept: high, then medium on a review', async () => {
    const profile = await createProfile(officer);
    const heard: DomainEvent[] = [];
    const unsubscribe = t.app.platform.events.subscribe((event) => heard.push(event));
    let first;
    try {
      first = await completed(officer, 'asb-risk-matrix', { type: 'profile', id: profile.id }, matrixAllMax);
      await expect.poll(() => heard.some((e) => e.type === 'profile.changed' && e.data.id === profile.id)).toBe(true);
    } finally {
      unsubscribe();
    }
    expect(await riskOf(profile.id)).toBe('high');
    expect((await officer.get(`/api/v1/profiles/${profile.id}`)).json().version).toBe(2);
    const review = await officer.post(`/api/v1/assessments/${first.id}/review`);
    expect(review.statusCode, review.body).toBe(201);
    const draft = review.json();
    const patched = await officer.patch(`/api/v1/assessments/${draft.id}`, { version: draft.version, answers: matrixMedium });
    expect(patched.statusCode, patched.body).toBe(200);
    const second = await complete(officer, draft.id);
    expect(second).toMatchObject({ score: 18, band: { label: 'Medium' }, reviewOf: first.id });
    expect(await riskOf(profile.id)).toBe('medium');
    const history = (await officer.get(`/api/v1/profiles/${profile.id}/risk-levels`)).json().items;
    expect(history).toMatchObject([{ from: 'high', to: 'medium', assessmentId: second.id }, { from: null, to: 'high', assessmentId: first.id }]);
    // A decision on an older assessment does not move the level set by the later one.
    await officer.post(`/api/v1/assessments/${first.id}/adjustment`, { version: first.version, ...adjustment });
    expect(await riskOf(profile.id)).toBe('medium');
  });

  it('leaves a case to be assessed with the matrix too, scored the same way', async () => {
    const created = await officer.post('/api/v1/cases', { caseType: 'ASB', title: 'Noise from the flats' });
    const done = await completed(officer, 'asb-risk-matrix', { type: 'case', id: created.json().id }, matrixAllMax);
    expect(done).toMatchObject({ score: 37, band: { label: 'High' } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedAuditEvents } from '../../test/audit.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { createProfile, emails, enrolledUser, loadStructure, share } from '../sharing/records.fixtures.ts';
import { complete, completed, matrixAllMax, start, victimAnswers } from './assessments.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;
let police: Agent;
let council: Agent;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
  police = await t.as(emails.police);
  council = await t.as(emails.council);
});
afterAll(() => t.close());

const councilTeam = () => place.team('Demo District Council/Community Safety team');
const policeTeam = () => place.team('Demo County Police/ASB team');
const listed = async (agent: Agent, scope: string) => {
  const response = await agent.get(`/api/v1/assessments?scope=${scope}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as { id: string; score: number | null }[];
};

describe('the personal lists leave out records the reader can no longer open', () => {
  it('drops an assessment from "mine" once its record is no longer shared with the assessor', async () => {
    const profile = await createProfile(police);
    await share(police, 'profiles', profile.id, { teamId: councilTeam().teamId, level: 'view' });
    const done = await completed(council, 'victim-screening', { type: 'profile', id: profile.id }, victimAnswers());
    expect((await listed(council, 'mine')).map((i) => i.id)).toContain(done.id);
    const unshared = await police.delete(`/api/v1/profiles/${profile.id}/access`, { teamId: councilTeam().teamId });
    expect(unshared.statusCode, unshared.body).toBe(200);
    expect((await listed(council, 'mine')).map((i) => i.id)).not.toContain(done.id);
  });

  it('shows an adjustment awaiting approval only to organisation administrators who can open the record', async () => {
    const profile = await createProfile(council);
    await share(council, 'profiles', profile.id, { teamId: policeTeam().teamId, level: 'view' });
    const done = await completed(police, 'asb-risk-matrix', { type: 'profile', id: profile.id }, matrixAllMax, { adjustment: { score: 20, reason: 'Moved in with family.' } });
    const sameTeamAdmin = await t.as(emails.policeAdmin);
    expect((await listed(sameTeamAdmin, 'awaiting_approval')).map((i) => i.id)).toContain(done.id);
    const otherTeamAdmin = (await enrolledUser(t, emails.admin, { name: 'Oona Admin', role: 'organisation_admin', teamId: place.team('Demo County Police/IOM team').teamId })).agent;
    const seen = await listed(otherTeamAdmin, 'awaiting_approval');
    expect(seen.map((i) => i.id)).not.toContain(done.id);
  });

  it('audits which assessments, on which records, each page listed', async () => {
    const profile = await createProfile(police);
    const done = await completed(police, 'victim-screening', { type: 'profile', id: profile.id }, victimAnswers());
    const items = await listed(police, 'mine');
    const me = (await police.get('/api/v1/me')).json().id as string;
    const [audit] = await storedAuditEvents(t, { action: 'assessments.listed', actorId: me, limit: 1 });
    expect(audit!.details).toMatchObject({ scope: 'mine', count: items.length, assessmentIds: items.map((i) => i.id) });
    expect(audit!.details!.assessmentIds).toContain(done.id);
    expect(audit!.details!.records).toContainEqual({ kind: 'profile', id: profile.id });
    expect(audit!.details!.records).toHaveLength(items.length);
  });

  it('caps the audited ids at the page', async () => {
    const profile = await createProfile(police);
    for (let i = 0; i < 3; i++) await completed(police, 'victim-screening', { type: 'profile', id: profile.id }, victimAnswers());
    const response = await police.get('/api/v1/assessments?scope=mine&limit=2');
    expect(response.json().nextCursor).not.toBeNull();
    const me = (await police.get('/api/v1/me')).json().id as string;
    const [audit] = await storedAuditEvents(t, { action: 'assessments.listed', actorId: me, limit: 1 });
    expect(audit!.details!.assessmentIds).toEqual(response.json().items.map((i: { id: string }) => i.id));
  });
});

describe('a record\'s flags', () => {
  it('show everyone who can open the record the flag and reason, but name the screening only to its readers', async () => {
    const profile = await createProfile(police);
    await share(police, 'profiles', profile.id, { teamId: councilTeam().teamId, level: 'view' });
    const screening = await completed(police, 'victim-screening', { type: 'profile', id: profile.id }, victimAnswers(['victim-targeted']));
    const requiredFor = async (agent: Agent) => (await agent.get(`/api/v1/profiles/${profile.id}/assessments`)).json().required;
    expect(await requiredFor(police)).toMatchObject([{ reason: 'Complete the ASB Risk Assessment Matrix today', raisedByAssessmentId: screening.id }]);
    expect(await requiredFor(council)).toMatchObject([{ reason: 'Complete the ASB Risk Assessment Matrix today', raisedByAssessmentId: screening.id }]);

    const other = await createProfile(police);
    await share(police, 'profiles', other.id, { teamId: councilTeam().teamId, level: 'view' });
    const draft = await start(police, 'victim-screening', { type: 'profile', id: other.id }, victimAnswers(['victim-targeted']), { visibility: 'team' });
    const teamOnly = await complete(police, draft.id);
    const flags = (await council.get(`/api/v1/profiles/${other.id}/assessments`)).json().required;
    expect(flags).toMatchObject([{ template: { key: 'asb-risk-matrix' }, reason: 'Complete the ASB Risk Assessment Matrix today', raisedByAssessmentId: null }]);
    expect((await police.get(`/api/v1/profiles/${other.id}/assessments`)).json().required[0].raisedByAssessmentId).toBe(teamOnly.id);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { createProfile, emails, enrolledUser, expectError, loadStructure, share } from '../sharing/records.fixtures.ts';
import { completed, matrixAllMax } from './assessments.fixtures.ts';

// Supervision is a capability of a team admin or of a member flagged as a supervisor: a sergeant
// who is a practitioner approves their team's adjustments without administering the team.

let t: TestApp;
let officer: Agent;
let sergeant: { agent: Agent; id: string };
let colleague: Agent;
let elsewhere: Agent;
let iomTeam: string;
let asbTeam: string;

const adjustment = { score: 20, reason: 'The victim has moved in with family; the risk is lower than the answers suggest.' };

async function flagAsSupervisor(userId: string, isSupervisor: boolean) {
  const admin = await t.as(emails.admin);
  const user = (await admin.get(`/api/v1/users/${userId}`)).json() as { version: number };
  const changed = await admin.patch(`/api/v1/users/${userId}`, { version: user.version, isSupervisor });
  expect(changed.statusCode, changed.body).toBe(200);
}

beforeAll(async () => {
  t = await startTestApp();
  const place = await loadStructure(t);
  officer = await t.as(emails.police);
  asbTeam = place.team('Demo County Police/ASB team').teamId;
  sergeant = await enrolledUser(t, emails.admin, { name: 'Sam Sergeant', role: 'practitioner', teamId: asbTeam });
  await flagAsSupervisor(sergeant.id, true);
  colleague = (await enrolledUser(t, emails.admin, { name: 'Pat Practitioner', role: 'practitioner', teamId: asbTeam })).agent;
  iomTeam = place.team('Demo County Police/IOM team').teamId;
  const iomSergeant = await enrolledUser(t, emails.admin, { name: 'Ira Sergeant', role: 'practitioner', teamId: iomTeam });
  await flagAsSupervisor(iomSergeant.id, true);
  elsewhere = iomSergeant.agent;
});
afterAll(() => t.close());

async function pendingMatrix(sharedWith?: string) {
  const profile = await createProfile(officer);
  if (sharedWith) await share(officer, 'profiles', profile.id, { teamId: sharedWith, level: 'edit' });
  return completed(officer, 'asb-risk-matrix', { type: 'profile', id: profile.id }, matrixAllMax, { adjustment });
}

const decide = (agent: Agent, id: string, version: number) =>
  agent.post(`/api/v1/assessments/${id}/adjustment/decision`, { version, decision: 'approved' });

describe('a practitioner flagged as a supervisor', () => {
  it('is told of, lists and approves the adjustments of their own team', async () => {
    const me = (await sergeant.agent.get('/api/v1/me')).json() as { permissions: string[] };
    expect(me.permissions).toContain('assessments.approve');
    const done = await pendingMatrix();
    const notices = (await sergeant.agent.get('/api/v1/notifications?limit=100')).json().items as { kind: string; link: string }[];
    expect(notices.some((n) => n.kind === 'adjustment_requested' && n.link === `/assessments/${done.id}`)).toBe(true);
    const waiting = (await sergeant.agent.get('/api/v1/assessments?scope=awaiting_approval')).json().items.map((i: { id: string }) => i.id);
    expect(waiting).toContain(done.id);
    expect((await sergeant.agent.get(`/api/v1/assessments/${done.id}`)).json().permissions.canDecideAdjustment).toBe(true);
    const approved = await decide(sergeant.agent, done.id, done.version);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ finalScore: 20, adjustment: { status: 'approved', decidedBy: { name: 'Sam Sergeant' } } });
  });

  it('may not decide for another team, and an unflagged colleague may not decide at all', async () => {
    // The IOM team can open and change the profile, and read the assessment, but does not supervise its assessor.
    const done = await pendingMatrix(iomTeam);
    expect((await elsewhere.get(`/api/v1/assessments/${done.id}`)).json().readable).toBe(true);
    expect((await elsewhere.get('/api/v1/assessments?scope=awaiting_approval')).json().items.map((i: { id: string }) => i.id)).not.toContain(done.id);
    expectError(await decide(elsewhere, done.id, done.version), 403, 'forbidden');
    expectError(await decide(colleague, done.id, done.version), 403, 'forbidden');
    const notices = (await colleague.get('/api/v1/notifications?limit=100')).json().items as { kind: string; link: string }[];
    expect(notices.some((n) => n.link === `/assessments/${done.id}`)).toBe(false);
  });

  it('is never a read-only user, flag or not', async () => {
    const reader = await enrolledUser(t, emails.admin, { name: 'Rae Reader', role: 'read_only', teamId: asbTeam });
    await flagAsSupervisor(reader.id, true);
    const done = await pendingMatrix();
    expect(((await reader.agent.get('/api/v1/me')).json() as { permissions: string[] }).permissions).not.toContain('assessments.approve');
    expectError(await decide(reader.agent, done.id, done.version), 403, 'forbidden');
    const notices = (await reader.agent.get('/api/v1/notifications?limit=100')).json().items as { link: string }[];
    expect(notices.some((n) => n.link === `/assessments/${done.id}`)).toBe(false);
  });

  it('loses the power when the flag is taken away', async () => {
    await flagAsSupervisor(sergeant.id, false);
    const done = await pendingMatrix();
    expectError(await decide(sergeant.agent, done.id, done.version), 403, 'forbidden');
    expect(((await sergeant.agent.get('/api/v1/me')).json() as { permissions: string[] }).permissions).not.toContain('assessments.approve');
    await flagAsSupervisor(sergeant.id, true);
  });
});

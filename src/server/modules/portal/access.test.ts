import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalAccess, ProfilePortal } from '../../../shared/api/portal.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, emails, expectError, loadStructure, share } from '../sharing/records.fixtures.ts';
import { putPlan } from '../victim-care/victim-care.fixtures.ts';
import { inviteClient, outboxTo, signInClient } from './portal.fixtures.ts';

let t: TestApp;
let police: Agent;
let council: Agent;
let communitySafety: string;

beforeAll(async () => {
  t = await startTestApp();
  const structure = await loadStructure(t);
  communitySafety = structure.team('Demo District Council/Community Safety team').teamId;
  police = await t.as(emails.police);
  council = await t.as(emails.council);
});
afterAll(() => t.close());

let clients = 0;
const newEmail = () => `access.client${++clients}@example.test`;

/** A person the police ASB officer holds, shared with the council's Community Safety team to view. */
async function person() {
  const created = await createProfile(police, { roles: ['victim'] });
  await share(police, 'profiles', created.id, { teamId: communitySafety, level: 'view' });
  return created;
}

async function portalOf(agent: Agent, profileId: string): Promise<ProfilePortal> {
  const response = await agent.get(`/api/v1/profiles/${profileId}/portal-access`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('inviting a client', () => {
  it('makes the inviter their keyworker, sends the invitation code by email and shows the access on the profile', async () => {
    const { id } = await person();
    const email = newEmail();
    const access = await inviteClient(t, police, id, { email: email.toUpperCase(), mobile: '07911 123401' });
    expect(access).toMatchObject({
      profileId: id, email, mobile: '+447911123401', keyworker: { name: 'Tom Wright' }, team: { name: 'ASB team' },
      endWithCase: null, lastSignedInAt: null, endedAt: null, endReason: null,
    });

    const [invitation, ...rest] = await outboxTo(t, { email });
    expect(rest).toEqual([]);
    expect(invitation).toMatchObject({ channel: 'email', subject: 'My account: your sign-in code' });
    expect(invitation!.body).toMatch(/^You can now sign in to My account at http:\/\/concord\.test\/portal\. Your code is \d{6}\. It works once, for 10 minutes; after that you can ask for a new one on the sign-in page\.$/);
    expect(await outboxTo(t, { mobile: '07911 123401' })).toEqual([]);

    expect(await portalOf(police, id)).toEqual({
      access, safeChannels: { email: true, sms: true, hasContactPlan: false },
      permissions: { canInvite: false, canEnd: true, canMessage: true },
    });
    // Another agency that may open the person sees it, and may do nothing with it.
    expect((await portalOf(council, id)).permissions).toEqual({ canInvite: false, canEnd: false, canMessage: false });

    const [invited] = await auditOf(t, access.id, 'portal_access.invited');
    expect(invited?.details).toEqual({ profileId: id, channels: ['email', 'sms'], keyworkerId: access.keyworker.id, teamId: access.team.id, endWithCaseId: null, code: 'email' });
    expect(JSON.stringify(await auditOf(t, access.id))).not.toContain(email);
  });

  it('sends the code by text when only a mobile number is given', async () => {
    const { id } = await person();
    await inviteClient(t, police, id, { mobile: '+44 7911 123402' });
    const [text] = await outboxTo(t, { mobile: '07911123402' });
    expect(text).toMatchObject({ channel: 'sms', subject: null });
    expect(text!.body).toMatch(/^You can now sign in to My account at http:\/\/concord\.test\/portal\. Your code is \d{6}\./);
  });

  it('needs edit on the profile: view only is 403, no access 403 with the owner, the other partnership 404', async () => {
    const { id } = await person();
    const body = { email: newEmail() };
    expectError(await council.post(`/api/v1/profiles/${id}/portal-access`, body), 403, 'forbidden');
    expectError(await (await t.as(emails.housing)).post(`/api/v1/profiles/${id}/portal-access`, body), 403, 'no_access');
    const other = await t.as(emails.other);
    expectError(await other.post(`/api/v1/profiles/${id}/portal-access`, body), 404, 'not_found');
    expectError(await other.get(`/api/v1/profiles/${id}/portal-access`), 404, 'not_found');
    expectError(await (await t.as(emails.housing)).get(`/api/v1/profiles/${id}/portal-access`), 403, 'no_access');
    expect(await outboxTo(t, body)).toEqual([]);
    expect((await portalOf(police, id)).access).toBeNull();
  });

  it('refuses a second invitation while the access is live', async () => {
    const { id } = await person();
    await inviteClient(t, police, id, { email: newEmail() });
    expectError(await police.post(`/api/v1/profiles/${id}/portal-access`, { email: newEmail() }), 409, 'conflict');
  });

  it('refuses a channel the contact plan does not mark safe, naming the field, and audits the refusal', async () => {
    const { id } = await person();
    await putPlan(police, id, { safeToText: true });
    const email = newEmail();
    const refused = await police.post(`/api/v1/profiles/${id}/portal-access`, { email, mobile: '07911 123403' });
    expectError(refused, 422, 'unsafe_channel');
    expect(refused.json().error.details).toEqual([expect.objectContaining({ field: 'email' })]);
    const [refusal] = await auditOf(t, id, 'portal_access.invited');
    expect(refusal).toMatchObject({ outcome: 'refused', details: { code: 'unsafe_channel', channels: ['email'] } });
    expect(await outboxTo(t, { email })).toEqual([]);

    expect((await portalOf(police, id)).safeChannels).toEqual({ email: false, sms: true, hasContactPlan: true });
    await inviteClient(t, police, id, { mobile: '07911 123403' });
    expect((await outboxTo(t, { mobile: '07911 123403' }))[0]).toMatchObject({ channel: 'sms' });
  });

  it('refuses a landline, neither contact, and a case the person is not on', async () => {
    const { id } = await person();
    const landline = await police.post(`/api/v1/profiles/${id}/portal-access`, { mobile: '0115 496 0000' });
    expectError(landline, 422, 'validation_failed');
    expect(landline.json().error.details).toEqual([expect.objectContaining({ field: 'mobile' })]);
    expectError(await police.post(`/api/v1/profiles/${id}/portal-access`, {}), 422, 'validation_failed');
    const kase = (await police.post('/api/v1/cases', { caseType: 'ASB', title: 'Noise at the flats' })).json();
    const notOn = await police.post(`/api/v1/profiles/${id}/portal-access`, { email: newEmail(), endWithCaseId: kase.id });
    expectError(notOn, 422, 'validation_failed');
    expect(notOn.json().error.details).toEqual([expect.objectContaining({ field: 'endWithCaseId' })]);
  });
});

describe('ending access', () => {
  it('ends it at once with the client\'s sessions; the profile keeps it, and the person may be invited again', async () => {
    const { id } = await person();
    const email = newEmail();
    const access = await inviteClient(t, police, id, { email });
    const client = await signInClient(t, { email });
    expect((await client.get('/api/v1/portal/me')).statusCode).toBe(200);

    expectError(await council.delete(`/api/v1/profiles/${id}/portal-access`), 403, 'forbidden');
    expectError(await (await t.as(emails.other)).delete(`/api/v1/profiles/${id}/portal-access`), 404, 'not_found');
    const ended = await police.delete(`/api/v1/profiles/${id}/portal-access`);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ id: access.id, endReason: 'ended_by_staff', endedAt: expect.any(String) });

    expectError(await client.get('/api/v1/portal/me'), 401, 'session_ended');
    expectError(await police.delete(`/api/v1/profiles/${id}/portal-access`), 404, 'not_found');
    expect(await portalOf(police, id)).toMatchObject({ access: { id: access.id, endReason: 'ended_by_staff' }, permissions: { canInvite: true, canEnd: false, canMessage: false } });
    const [event] = await auditOf(t, access.id, 'portal_access.ended');
    expect(event?.details).toEqual({ profileId: id, endReason: 'ended_by_staff', sessionsEnded: 1 });

    // The code sent before it ended works no more; a new invitation starts afresh.
    const again = await inviteClient(t, police, id, { email });
    expect(again.id).not.toBe(access.id);
    expect((await (await signInClient(t, { email })).get('/api/v1/portal/me')).statusCode).toBe(200);
  });

  it('ends when the case it was tied to closes, and only then', async () => {
    const tied = await person();
    const untied = await person();
    const kase = (await police.post('/api/v1/cases', { caseType: 'ASB', title: 'Harassment on the estate' })).json();
    for (const p of [tied, untied]) {
      expect((await police.post(`/api/v1/cases/${kase.id}/profiles`, { profileId: p.id, role: 'vulnerable_person' })).statusCode).toBe(201);
    }
    const email = newEmail();
    const access: PortalAccess = await inviteClient(t, police, tied.id, { email, endWithCaseId: kase.id });
    expect(access.endWithCase).toEqual({ id: kase.id, reference: kase.reference });
    const other = newEmail();
    await inviteClient(t, police, untied.id, { email: other });
    const client = await signInClient(t, { email });
    const otherClient = await signInClient(t, { email: other });

    const closed = await police.post(`/api/v1/cases/${kase.id}/close`, { version: kase.version, outcome: 'Resolved', reason: 'Moved away' });
    expect(closed.statusCode, closed.body).toBe(200);
    expectError(await client.get('/api/v1/portal/me'), 401, 'session_ended');
    expect((await otherClient.get('/api/v1/portal/me')).statusCode).toBe(200);
    expect((await portalOf(police, tied.id)).access).toMatchObject({ endReason: 'case_closed' });
    const [event] = await auditOf(t, access.id, 'portal_access.ended');
    expect(event?.details).toEqual({ profileId: tied.id, endReason: 'case_closed', sessionsEnded: 1, caseId: kase.id });
  });

  it('ends the duplicate\'s access when it is merged into another profile', async () => {
    const survivor = await person();
    const duplicate = await person();
    const email = newEmail();
    await inviteClient(t, police, duplicate.id, { email });
    const client = await signInClient(t, { email });
    const merged = await (await t.as(emails.lead)).post(`/api/v1/profiles/${survivor.id}/merge`, { duplicateId: duplicate.id, reason: 'The same person' });
    expect(merged.statusCode, merged.body).toBe(200);
    expectError(await client.get('/api/v1/portal/me'), 401, 'session_ended');
    const [row] = (await t.database.pool.query('select end_reason from portal_access where profile_id = $1', [duplicate.id])).rows;
    expect(row).toEqual({ end_reason: 'profile_merged' });
    expect((await portalOf(police, survivor.id)).access).toBeNull();
  });
});

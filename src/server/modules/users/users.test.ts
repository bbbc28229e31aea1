import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgent, startTestApp, type TestApp } from '../../test/harness.ts';
import { createUserAs, latestEmailTo } from '../../test/fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const lead = 'police.asb.lead@concord.test';
const uniqueEmail = (label: string) => `${label}.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@concord.test`;

async function teamId(adminEmail: string, organisation: string, team: string): Promise<string> {
  const admin = await t.as(adminEmail);
  const teams = (await admin.get('/api/v1/teams?limit=200')).json().items as { id: string; name: string; organisation: { name: string } }[];
  const found = teams.find((x) => x.name === team && x.organisation.name === organisation);
  if (!found) throw new Error(`no team ${organisation}/${team}`);
  return found.id;
}

describe('a team admin manages the users of their team', () => {
  it('creates a user, who is emailed an invitation', async () => {
    const admin = await t.as(lead);
    const email = uniqueEmail('pc.jones');
    const response = await admin.post('/api/v1/users', { teamId: await teamId(lead, 'Demo County Police', 'ASB team'), name: 'PC Jones', email, role: 'practitioner', jobTitle: 'PCSO' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ email, status: 'invited', authenticatorEnrolled: false, team: { name: 'ASB team' }, version: 1 });
    const invitation = await latestEmailTo(t, email);
    expect(invitation.body).toContain('/set-password?token=');

    const audit = (await (await t.as('admin@concord.test')).get(`/api/v1/audit-events?entityId=${response.json().id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['user.created', 'user.invitation_sent']));
  });

  it('records who opened a user', async () => {
    const { id } = await createUserAs(t, lead, { name: 'Vi Viewed' });
    const admin = await t.as(lead);
    await admin.get(`/api/v1/users/${id}`);
    const me = (await admin.get('/api/v1/me')).json();
    const views = (await (await t.as('admin@concord.test')).get(`/api/v1/audit-events?entityId=${id}&action=user.viewed`)).json().items;
    expect(views[0]).toMatchObject({ actor: { id: me.id }, entityType: 'user', entityId: id });
  });

  it('edits a user, recording before and after', async () => {
    const { id } = await createUserAs(t, lead, { name: 'Dee Editable' });
    const admin = await t.as(lead);
    const response = await admin.patch(`/api/v1/users/${id}`, { version: 1, name: 'Dee Edited', isSupervisor: true });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Dee Edited', isSupervisor: true });
    const events = (await (await t.as('admin@concord.test')).get(`/api/v1/audit-events?entityId=${id}&action=user.updated`)).json().items;
    expect(events[0].changes).toEqual({ name: { before: 'Dee Editable', after: 'Dee Edited' }, isSupervisor: { before: false, after: true } });
  });

  it('refuses a stale version with the current record, changing nothing', async () => {
    const { id } = await createUserAs(t, lead, { name: 'Vera Version' });
    const admin = await t.as(lead);
    const current = (await admin.get(`/api/v1/users/${id}`)).json();
    expect((await admin.patch(`/api/v1/users/${id}`, { version: current.version, jobTitle: 'First' })).statusCode).toBe(200);
    const stale = await admin.patch(`/api/v1/users/${id}`, { version: current.version, jobTitle: 'Second' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict');
    expect(stale.json().error.details[0]).toMatchObject({ id, jobTitle: 'First', version: current.version + 1 });
    expect((await admin.get(`/api/v1/users/${id}`)).json().jobTitle).toBe('First');
  });

  it('disables a user, ending all their sessions at once', async () => {
    const { id, email, password } = await createUserAs(t, lead, { name: 'Lee Leaver' });
    const leaver = makeAgent(t.app);
    await leaver.post('/api/v1/auth/sign-in', { email, password });
    expect((await leaver.get('/api/v1/auth/enrolment')).statusCode).toBe(200);

    const admin = await t.as(lead);
    const version = (await admin.get(`/api/v1/users/${id}`)).json().version;
    const disabled = await admin.post(`/api/v1/users/${id}/disable`, { version, reason: 'Left the force' });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().status).toBe('disabled');

    const after = await leaver.get('/api/v1/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('session_ended');
    const again = await makeAgent(t.app).post('/api/v1/auth/sign-in', { email, password });
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('account_disabled');

    const events = (await (await t.as('admin@concord.test')).get(`/api/v1/audit-events?entityId=${id}&action=user.disabled`)).json().items;
    expect(events[0]).toMatchObject({ reason: 'Left the force', details: { sessionsEnded: 1 } });
  });

  it('cannot disable their own account', async () => {
    const admin = await t.as(lead);
    const me = (await admin.get('/api/v1/me')).json();
    const self = (await admin.get(`/api/v1/users/${me.id}`)).json();
    const response = await admin.post(`/api/v1/users/${me.id}/disable`, { version: self.version, reason: 'oops' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('cannot_disable_self');
  });

  it('resets an authenticator, so the user enrols again', async () => {
    const { id, email, password } = await createUserAs(t, lead, { name: 'Rob Reset' });
    const user = makeAgent(t.app);
    await user.post('/api/v1/auth/sign-in', { email, password });
    const { secret } = (await user.get('/api/v1/auth/enrolment')).json();
    await user.post('/api/v1/auth/enrolment', { totp: await t.code(email, secret) });
    const admin = await t.as(lead);
    const version = (await admin.get(`/api/v1/users/${id}`)).json().version;
    expect((await admin.post(`/api/v1/users/${id}/reset-authenticator`, { version })).json().authenticatorEnrolled).toBe(false);
    expect((await user.get('/api/v1/me')).statusCode).toBe(401);
    const fresh = await makeAgent(t.app).post('/api/v1/auth/sign-in', { email, password });
    expect(fresh.json().enrolmentRequired).toBe(true);
  });
});

describe('bad input changes nothing', () => {
  it('refuses a duplicate email', async () => {
    const admin = await t.as(lead);
    const response = await admin.post('/api/v1/users', { teamId: await teamId(lead, 'Demo County Police', 'ASB team'), name: 'Copy', email: 'POLICE.ASB@concord.test', role: 'practitioner' });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details).toEqual([{ field: 'email', problem: 'is already used by another account' }]);
  });

  it('refuses a team in another organisation', async () => {
    const admin = await t.as(lead);
    const email = uniqueEmail('elsewhere');
    const response = await admin.post('/api/v1/users', { teamId: await teamId(lead, 'Demo District Council', 'Community Safety team'), name: 'Elsewhere', email, role: 'practitioner' });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details).toEqual([{ field: 'teamId', problem: 'must be a team you administer' }]);
    expect((await admin.get(`/api/v1/users?q=${encodeURIComponent(email)}`)).json().items).toEqual([]);
  });

  it('refuses a role above the administrator', async () => {
    const admin = await t.as(lead);
    const response = await admin.post('/api/v1/users', { teamId: await teamId(lead, 'Demo County Police', 'ASB team'), name: 'Climber', email: uniqueEmail('climber'), role: 'team_admin' });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details).toEqual([{ field: 'role', problem: 'is not a role you can give' }]);
  });

  it('leaves making a panel coordinator, whose reach is the whole partnership, to its system administrators', async () => {
    const { id } = await createUserAs(t, lead, { name: 'Cora Ordinator' });
    const refused = await (await t.as(lead)).patch(`/api/v1/users/${id}`, { version: 1, isCoordinator: true });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toEqual([{ field: 'isCoordinator', problem: 'can be changed only by a system administrator' }]);
    const created = await (await t.as(lead)).post('/api/v1/users', { teamId: await teamId(lead, 'Demo County Police', 'ASB team'), name: 'Self Made', email: uniqueEmail('coordinator'), role: 'practitioner', isCoordinator: true });
    expect(created.statusCode).toBe(422);

    const made = await (await t.as('admin@concord.test')).patch(`/api/v1/users/${id}`, { version: 1, isCoordinator: true });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json()).toMatchObject({ isCoordinator: true, version: 2 });
    // Any other change by the team admin still goes through, the flag untouched.
    const renamed = await (await t.as(lead)).patch(`/api/v1/users/${id}`, { version: 2, name: 'Cora Coordinator', isCoordinator: true });
    expect(renamed.statusCode, renamed.body).toBe(200);
  });

  it('refuses over-long names, bad emails and unknown fields', async () => {
    const admin = await t.as(lead);
    const response = await admin.post('/api/v1/users', { teamId: await teamId(lead, 'Demo County Police', 'ASB team'), name: 'x'.repeat(201), email: 'not-an-email', role: 'practitioner', superuser: true });
    expect(response.statusCode).toBe(422);
    const fields = response.json().error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['email', 'name', 'superuser']);
  });

  it('answers an id that is not a UUID with 404', async () => {
    const admin = await t.as(lead);
    expect((await admin.get('/api/v1/users/not-a-uuid')).statusCode).toBe(404);
  });
});

describe('other agencies cannot read or change these users', () => {
  // Every admin route about a user, tried by someone who must not succeed.
  const attempts = (id: string, version: number, teamIdValue: string) => [
    ['GET', `/api/v1/users/${id}`, undefined],
    ['PATCH', `/api/v1/users/${id}`, { version, name: 'Hijacked' }],
    ['POST', `/api/v1/users/${id}/disable`, { version, reason: 'hostile' }],
    ['POST', `/api/v1/users/${id}/enable`, { version }],
    ['POST', `/api/v1/users/${id}/reset-authenticator`, { version }],
    ['POST', `/api/v1/users/${id}/invitation`, {}],
    ['POST', '/api/v1/users', { teamId: teamIdValue, name: 'Planted', email: uniqueEmail('planted'), role: 'practitioner' }],
  ] as const;

  async function victim() {
    const { id } = await createUserAs(t, lead, { name: 'Vic Target' });
    const admin = await t.as(lead);
    const record = (await admin.get(`/api/v1/users/${id}`)).json();
    return { id, record, team: await teamId(lead, 'Demo County Police', 'ASB team') };
  }

  it('a team admin of another organisation is refused everything', async () => {
    const { id, record, team } = await victim();
    const councilLead = await enrolledAdmin('Demo District Council', 'Community Safety team', 'team_admin');
    for (const [method, url, body] of attempts(id, record.version, team)) {
      const response = await councilLead.request(method, url, body);
      const expected = method === 'POST' && url === '/api/v1/users' ? 422 : 403;
      expect({ url, method, status: response.statusCode }).toEqual({ url, method, status: expected });
    }
    expect((await (await t.as(lead)).get(`/api/v1/users/${id}`)).json()).toMatchObject({ name: 'Vic Target', status: record.status, version: record.version });
  });

  it('an organisation admin of another organisation is refused, and sees no one', async () => {
    const { id, record, team } = await victim();
    const orgAdmin = await enrolledAdmin('Demo District Council', 'Community Safety team', 'organisation_admin');
    for (const [method, url, body] of attempts(id, record.version, team)) {
      const response = await orgAdmin.request(method, url, body);
      expect({ url, method, status: response.statusCode }).toEqual({ url, method, status: method === 'POST' && url === '/api/v1/users' ? 422 : 403 });
    }
    const list = (await orgAdmin.get('/api/v1/users?limit=200')).json().items as { organisation: { name: string } }[];
    expect(list.every((u) => u.organisation.name === 'Demo District Council')).toBe(true);
    expect((await (await t.as(lead)).get(`/api/v1/users/${id}`)).json()).toMatchObject({ name: 'Vic Target', version: record.version });
  });

  it('the other partnership finds nothing', async () => {
    const { id, record, team } = await victim();
    const outsider = await enrolledAdmin('Neighbouring County Police', 'ASB team', 'organisation_admin');
    for (const [method, url, body] of attempts(id, record.version, team)) {
      const response = await outsider.request(method, url, body);
      const expected = method === 'POST' && url === '/api/v1/users' ? 422 : 404;
      expect({ url, method, status: response.statusCode }).toEqual({ url, method, status: expected });
    }
    const list = (await outsider.get('/api/v1/users?limit=200')).json().items as { partnership: { name: string } }[];
    expect(list.every((u) => u.partnership.name === 'Neighbouring County')).toBe(true);
    expect((await (await t.as(lead)).get(`/api/v1/users/${id}`)).json()).toMatchObject({ name: 'Vic Target', version: record.version });
  });

  it('a practitioner cannot use any user administration route', async () => {
    const { id, record, team } = await victim();
    const practitioner = await t.as('police.asb@concord.test');
    for (const [method, url, body] of attempts(id, record.version, team)) {
      expect((await practitioner.request(method, url, body)).statusCode).toBe(403);
    }
    expect((await practitioner.get('/api/v1/users')).statusCode).toBe(403);
  });
});

/** A fully enrolled administrator in the given team, made by the system administrator. */
async function enrolledAdmin(organisation: string, team: string, role: string) {
  const { email, password } = await createUserAs(t, 'admin@concord.test', { name: `${organisation} ${role}`, role, teamId: await teamId('admin@concord.test', organisation, team) });
  const agent = makeAgent(t.app);
  await agent.post('/api/v1/auth/sign-in', { email, password });
  const { secret } = (await agent.get('/api/v1/auth/enrolment')).json();
  const confirmed = await agent.post('/api/v1/auth/enrolment', { totp: await t.code(email, secret) });
  if (confirmed.statusCode !== 200) throw new Error(`enrolment failed: ${confirmed.body}`);
  return agent;
}

describe('the partnership directory', () => {
  it('lets a practitioner find a colleague in another agency, and nobody outside the partnership', async () => {
    const housing = await t.as('housing@concord.test');
    const found = await housing.get('/api/v1/directory?q=jo');
    expect(found.statusCode).toBe(200);
    expect(found.json().items).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'Jo Evans', organisation: expect.objectContaining({ name: 'Demo District Council' }) }),
    ]));
    const everyone = (await housing.get('/api/v1/directory?limit=50')).json().items as { name: string }[];
    expect(everyone.map((u) => u.name)).not.toContain('Alex Morgan');

    const other = await t.as('other.police@concord.test');
    const theirs = (await other.get('/api/v1/directory?limit=50')).json().items as { name: string }[];
    expect(theirs.map((u) => u.name)).toContain('Alex Morgan');
    expect(theirs.map((u) => u.name)).not.toContain('Jo Evans');
  });
});

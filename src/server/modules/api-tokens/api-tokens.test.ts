import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgent, startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { createUserAs } from '../../test/fixtures.ts';

let t: TestApp;

const admin = 'admin@concord.test';
const policeAdmin = 'police.admin@concord.test';
const lead = 'police.asb.lead@concord.test';
const practitioner = 'police.asb@concord.test';
const other = 'other.police@concord.test';

interface Ref { id: string; name: string }
interface Org extends Ref { partnership: Ref }
interface Token { id: string; name: string; access: string; prefix: string; organisation: Ref; team: Ref; createdBy: Ref; revokedAt: string | null; lastUsedAt: string | null; token?: string }

let police: Org;
let council: Org;
let otherPolice: Org;
const teams: Record<string, Ref> = {};

async function list<T>(agent: Agent, url: string): Promise<T[]> {
  const response = await agent.get(url);
  expect(response.statusCode).toBe(200);
  return (response.json() as { items: T[] }).items;
}

/** A caller holding nothing but the token, as another organisation's system would. */
const bearer = (token: string): Agent => makeAgent(t.app, {}, { authorization: `Bearer ${token}` });

/** A disposable, fully signed-in account with an enrolled authenticator. */
async function enrolledUser(input: { name: string; role: string; teamId: string }): Promise<Agent> {
  const { email, password } = await createUserAs(t, admin, input);
  const agent = makeAgent(t.app);
  expect((await agent.post('/api/v1/auth/sign-in', { email, password })).statusCode).toBe(200);
  const { secret } = (await agent.get('/api/v1/auth/enrolment')).json() as { secret: string };
  expect((await agent.post('/api/v1/auth/enrolment', { totp: await t.code(email, secret) })).statusCode).toBe(200);
  return agent;
}

function expectError(response: { statusCode: number; json(): unknown }, status: number, code: string) {
  expect({ status: response.statusCode, code: (response.json() as { error?: { code?: string } }).error?.code }).toEqual({ status, code });
}

/** Every token row as stored, for checks that the API cannot make. */
async function storedTokens() {
  const { rows } = await t.database.db.execute<Record<string, unknown>>(sql`select * from api_tokens`);
  return rows;
}

beforeAll(async () => {
  t = await startTestApp();
  const orgs = await list<Org>(await t.as(admin), '/api/v1/organisations?limit=200');
  police = orgs.find((o) => o.name === 'Demo County Police')!;
  council = orgs.find((o) => o.name === 'Demo District Council')!;
  otherPolice = orgs.find((o) => o.name === 'Neighbouring County Police')!;
  for (const team of await list<Ref & { organisation: Ref }>(await t.as(admin), '/api/v1/teams?limit=200')) {
    teams[`${team.organisation.name}/${team.name}`] = team;
  }
});
afterAll(() => t.close());

describe('issuing a token', () => {
  let issued: Token;

  it('shows the token once, at creation, starting concord_', async () => {
    const agent = await t.as(policeAdmin);
    const response = await agent.post('/api/v1/api-tokens', { organisationId: police.id, teamId: teams['Demo County Police/ASB team']!.id, name: 'Niche RMS feed', access: 'read' });
    expect(response.statusCode).toBe(201);
    issued = response.json();
    expect(issued.token).toMatch(/^concord_[A-Za-z0-9_-]{20,}$/);
    expect(issued).toMatchObject({
      name: 'Niche RMS feed',
      access: 'read',
      prefix: issued.token!.slice(0, 16),
      organisation: { id: police.id, name: 'Demo County Police' },
      team: { id: teams['Demo County Police/ASB team']!.id, name: 'ASB team' },
      createdBy: { name: 'Helen Ford' },
      revokedAt: null,
    });
  });

  it('never lists or stores the token itself', async () => {
    const response = await (await t.as(policeAdmin)).get('/api/v1/api-tokens');
    expect(response.statusCode).toBe(200);
    const listed = (response.json() as { items: Token[] }).items.find((x) => x.id === issued.id);
    expect(listed).toMatchObject({ id: issued.id, name: 'Niche RMS feed', prefix: issued.prefix });
    expect(listed).not.toHaveProperty('token');
    expect(response.body).not.toContain(issued.token);

    const stored = (await storedTokens()).find((r) => r.id === issued.id)!;
    expect(stored).toBeDefined();
    expect(JSON.stringify(stored)).not.toContain(issued.token);
    expect(stored.token_hash).not.toBe(issued.token);
  });

  it('lets the token read its own partnership\'s organisations, and no other', async () => {
    const response = await bearer(issued.token!).get('/api/v1/organisations?limit=200');
    expect(response.statusCode).toBe(200);
    const orgs = (response.json() as { items: Org[] }).items;
    expect(orgs.map((o) => o.name)).toEqual(expect.arrayContaining(['Demo County Police', 'Demo District Council']));
    expect(orgs.every((o) => o.partnership.id === police.partnership.id)).toBe(true);
    expectError(await bearer(issued.token!).get(`/api/v1/organisations/${otherPolice.id}`), 404, 'not_found');
    expect((await bearer(issued.token!).get(`/api/v1/organisations/${council.id}`)).statusCode).toBe(200);

    const stored = (await storedTokens()).find((r) => r.id === issued.id)!;
    expect(stored.last_used_at).not.toBeNull();
  });

  it('answers /me as the token: its team, organisation and what it may do, with no email or authenticator', async () => {
    const me = await bearer(issued.token!).get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      id: issued.id, name: 'API token: Niche RMS feed', kind: 'api_token', email: null, role: 'read_only', enrolmentRequired: false,
      team: { name: 'ASB team' }, organisation: { name: 'Demo County Police' }, partnership: { name: 'Demo County Community Safety Partnership' },
    });
    expect(me.json().permissions).not.toContain('records.edit');
  });

  it('is refused (403 forbidden) on every route not open to API tokens', async () => {
    const token = bearer(issued.token!);
    const name = 'Team made by a token';
    for (const response of [
      await token.get('/api/v1/users'),
      await token.get('/api/v1/api-tokens'),
      await token.get('/api/v1/audit-events'),
      await token.get('/api/v1/partnerships'),
      await token.post('/api/v1/teams', { organisationId: police.id, name }),
      await token.post('/api/v1/api-tokens', { organisationId: police.id, teamId: teams['Demo County Police/ASB team']!.id, name: 'child token', access: 'write' }),
    ]) {
      expectError(response, 403, 'forbidden');
    }
    const policeTeams = await list<Ref>(await t.as(admin), `/api/v1/teams?organisationId=${police.id}&limit=200`);
    expect(policeTeams.map((x) => x.name)).not.toContain(name);
    expect((await storedTokens()).filter((r) => r.name === 'child token')).toEqual([]);
  });

  it('refuses a token whose team is in another organisation (422 on teamId), and stores none', async () => {
    const before = (await storedTokens()).length;
    const response = await (await t.as(policeAdmin)).post('/api/v1/api-tokens', {
      organisationId: police.id, teamId: teams['Demo District Council/Community Safety team']!.id, name: 'Cross-wired', access: 'read',
    });
    expectError(response, 422, 'validation_failed');
    expect(response.json().error.details).toEqual([{ field: 'teamId', problem: 'must be a team in that organisation' }]);
    expect((await storedTokens()).length).toBe(before);
  });

  it('refuses a token for another organisation (403) and for another partnership\'s (422), and stores none', async () => {
    const agent = await t.as(policeAdmin);
    const before = (await storedTokens()).length;
    const forCouncil = await agent.post('/api/v1/api-tokens', {
      organisationId: council.id, teamId: teams['Demo District Council/Community Safety team']!.id, name: 'For the council', access: 'read',
    });
    expectError(forCouncil, 403, 'forbidden');
    const forOther = await agent.post('/api/v1/api-tokens', {
      organisationId: otherPolice.id, teamId: teams['Neighbouring County Police/ASB team']!.id, name: 'For the neighbours', access: 'read',
    });
    expectError(forOther, 422, 'validation_failed');
    expect(forOther.json().error.details[0].field).toBe('organisationId');
    expect((await storedTokens()).length).toBe(before);
  });

  it('refuses an expiry in the past, an unknown access level and unknown fields', async () => {
    const agent = await t.as(policeAdmin);
    const base = { organisationId: police.id, teamId: teams['Demo County Police/ASB team']!.id, name: 'Bad token', access: 'read' };
    const past = await agent.post('/api/v1/api-tokens', { ...base, expiresAt: new Date(Date.now() - 60_000).toISOString() });
    expectError(past, 422, 'validation_failed');
    expect(past.json().error.details[0].field).toBe('expiresAt');
    const access = await agent.post('/api/v1/api-tokens', { ...base, access: 'admin' });
    expectError(access, 422, 'validation_failed');
    expect(access.json().error.details[0].field).toBe('access');
    const extra = await agent.post('/api/v1/api-tokens', { ...base, role: 'system_admin' });
    expectError(extra, 422, 'validation_failed');
    expect(extra.json().error.details[0].field).toBe('role');
    expect((await storedTokens()).filter((r) => r.name === 'Bad token')).toEqual([]);
  });

  it('is not for team administrators or practitioners to manage (403)', async () => {
    for (const email of [lead, practitioner]) {
      const agent = await t.as(email);
      expectError(await agent.get('/api/v1/api-tokens'), 403, 'forbidden');
      expectError(await agent.post('/api/v1/api-tokens', { organisationId: police.id, teamId: teams['Demo County Police/ASB team']!.id, name: `By ${email}`, access: 'read' }), 403, 'forbidden');
      expectError(await agent.post(`/api/v1/api-tokens/${issued.id}/revoke`), 403, 'forbidden');
    }
    expect((await storedTokens()).filter((r) => String(r.name).startsWith('By '))).toEqual([]);
    expect((await storedTokens()).find((r) => r.id === issued.id)!.revoked_at).toBeNull();
  });
});

describe('other organisations and partnerships', () => {
  let token: Token;
  let councilAdmin: Agent;
  let neighbouringAdmin: Agent;

  beforeAll(async () => {
    token = (await (await t.as(policeAdmin)).post('/api/v1/api-tokens', { organisationId: police.id, teamId: teams['Demo County Police/IOM team']!.id, name: 'IOM exchange', access: 'write' })).json();
    councilAdmin = await enrolledUser({ name: 'Carla Council', role: 'organisation_admin', teamId: teams['Demo District Council/Community Safety team']!.id });
    neighbouringAdmin = await enrolledUser({ name: 'Ned Neighbour', role: 'organisation_admin', teamId: teams['Neighbouring County Police/ASB team']!.id });
  });

  it('does not show the token to another organisation\'s administrator', async () => {
    expect(await list<Token>(councilAdmin, '/api/v1/api-tokens')).toEqual([]);
    expect(await list<Token>(councilAdmin, `/api/v1/api-tokens?organisationId=${police.id}&includeRevoked=true`)).toEqual([]);
    expect(await list<Token>(neighbouringAdmin, `/api/v1/api-tokens?organisationId=${police.id}`)).toEqual([]);
    // The system administrator sees every organisation's tokens.
    const all = await list<Token>(await t.as(admin), '/api/v1/api-tokens?limit=200');
    expect(all.map((x) => x.id)).toContain(token.id);
  });

  it('refuses another organisation\'s administrator a revoke (403) and another partnership\'s (404); the token keeps working', async () => {
    expectError(await councilAdmin.post(`/api/v1/api-tokens/${token.id}/revoke`), 403, 'forbidden');
    const fromOther = await neighbouringAdmin.post(`/api/v1/api-tokens/${token.id}/revoke`);
    expectError(fromOther, 404, 'not_found');
    const unknown = await neighbouringAdmin.post('/api/v1/api-tokens/00000000-0000-7000-8000-000000000000/revoke');
    expect(fromOther.json()).toEqual(unknown.json());
    expect((await storedTokens()).find((r) => r.id === token.id)!.revoked_at).toBeNull();
    expect((await bearer(token.token!).get('/api/v1/organisations')).statusCode).toBe(200);
  });

  it('lets the other organisation issue its own token, which sees only its own partnership', async () => {
    const response = await neighbouringAdmin.post('/api/v1/api-tokens', { organisationId: otherPolice.id, teamId: teams['Neighbouring County Police/ASB team']!.id, name: 'Neighbour feed', access: 'read' });
    expect(response.statusCode).toBe(201);
    const orgs = (await bearer(response.json().token).get('/api/v1/organisations?limit=200')).json().items as Org[];
    expect(orgs.length).toBeGreaterThan(0);
    expect(orgs.every((o) => o.partnership.id === otherPolice.partnership.id)).toBe(true);
    expectError(await bearer(response.json().token).get(`/api/v1/organisations/${police.id}`), 404, 'not_found');
    // And the police administrator does not see it.
    expect((await list<Token>(await t.as(policeAdmin), '/api/v1/api-tokens?limit=200')).map((x) => x.id)).not.toContain(response.json().id);
  });

  it('a practitioner of the other partnership cannot touch it at all', async () => {
    expectError(await (await t.as(other)).post(`/api/v1/api-tokens/${token.id}/revoke`), 403, 'forbidden');
    expect((await storedTokens()).find((r) => r.id === token.id)!.revoked_at).toBeNull();
  });
});

describe('revoking', () => {
  it('stops the token at once (401 invalid_token), and a second revoke is a 409', async () => {
    const agent = await t.as(policeAdmin);
    const token = (await agent.post('/api/v1/api-tokens', { organisationId: police.id, teamId: teams['Demo County Police/ASB team']!.id, name: 'Short-lived', access: 'write' })).json() as Token;
    expect((await bearer(token.token!).get('/api/v1/organisations')).statusCode).toBe(200);

    const revoked = await agent.post(`/api/v1/api-tokens/${token.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id: token.id });
    expect(revoked.json().revokedAt).not.toBeNull();
    expect(revoked.json()).not.toHaveProperty('token');

    const refused = await bearer(token.token!).get('/api/v1/organisations');
    expectError(refused, 401, 'invalid_token');

    const again = await agent.post(`/api/v1/api-tokens/${token.id}/revoke`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_revoked');

    // Gone from the default list, kept (as revoked) when asked for.
    expect((await list<Token>(agent, '/api/v1/api-tokens')).map((x) => x.id)).not.toContain(token.id);
    const withRevoked = await list<Token>(agent, '/api/v1/api-tokens?includeRevoked=true');
    expect(withRevoked.find((x) => x.id === token.id)?.revokedAt).not.toBeNull();
  });

  it('refuses an expired token and a made-up one with 401 invalid_token', async () => {
    const agent = await t.as(policeAdmin);
    const token = (await agent.post('/api/v1/api-tokens', {
      organisationId: police.id, teamId: teams['Demo County Police/ASB team']!.id, name: 'Expiring', access: 'read', expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    })).json() as Token;
    expect((await bearer(token.token!).get('/api/v1/organisations')).statusCode).toBe(200);
    await t.database.db.execute(sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${token.id}`);
    expectError(await bearer(token.token!).get('/api/v1/organisations'), 401, 'invalid_token');
    expectError(await bearer(`concord_${'x'.repeat(43)}`).get('/api/v1/organisations'), 401, 'invalid_token');
  });
});

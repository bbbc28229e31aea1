import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../../db/seed/demo.ts';
import { storedAuditEvents } from '../../../test/audit.ts';
import { createUserAs } from '../../../test/fixtures.ts';
import { makeAgent, publicUrl, startTestApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { enrolledUser, expectError } from '../../sharing/records.fixtures.ts';
import { startTestProvider, type TestIdentity, type TestProvider } from './provider.fixtures.ts';

let t: TestApp;
let idp: TestProvider;
type Ref = { id: string; name: string };
const organisations: Record<string, Ref> = {};
const teams: Record<string, Ref> = {};
const admin = 'admin@concord.test';
const policeAdmin = 'police.admin@concord.test';
const practitioner = 'police.asb@concord.test';
const callback = `${publicUrl}/api/v1/auth/sso/callback`;
const secrets = { police: 'police client secret, long and random', council: 'council client secret, long and random' };

async function list<T>(agent: Agent, url: string): Promise<T[]> {
  const response = await agent.get(url);
  expect(response.statusCode).toBe(200);
  return (response.json() as { items: T[] }).items;
}

async function configure(agent: Agent, organisation: string, changes: Record<string, unknown> = {}) {
  const url = `/api/v1/organisations/${organisations[organisation]!.id}/sign-in`;
  const current = (await agent.get(url)).json() as { version: number };
  const response = await agent.request('PUT', url, {
    version: current.version,
    issuerUrl: idp.issuer,
    clientId: organisation === 'Demo County Police' ? 'concord-police' : 'concord-council',
    ...(current.version === 0 ? { clientSecret: organisation === 'Demo County Police' ? secrets.police : secrets.council } : {}),
    enabled: true,
    trustProviderMfa: true,
    mfaAcrValues: [],
    ssoOnly: false,
    ...changes,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** A browser that asks to sign in with an address, is sent to the provider, and comes back. */
async function throughProvider(typed: string, identity: TestIdentity, agent = makeAgent(t.app)) {
  const started = await agent.post('/api/v1/auth/sso/start', { email: typed });
  expect(started.statusCode, started.body).toBe(200);
  idp.signInAs(identity);
  const back = await idp.authorise(started.json().redirectTo, callback);
  const answered = await agent.get(back.pathname + back.search);
  expect(answered.statusCode).toBe(303);
  return { agent, back, location: answered.headers.location as string };
}

const identity = (email: string, more: Partial<TestIdentity> = {}): TestIdentity => ({ email, email_verified: true, amr: ['pwd', 'mfa'], ...more });

beforeAll(async () => {
  t = await startTestApp();
  t.app.platform.config.oidc.allowHttpIssuers = true;
  idp = await startTestProvider([
    { clientId: 'concord-police', clientSecret: secrets.police },
    { clientId: 'concord-council', clientSecret: secrets.council },
  ], callback);
  for (const o of await list<Ref>(await t.as(admin), '/api/v1/organisations?limit=200')) organisations[o.name] = o;
  for (const team of await list<Ref & { organisation: Ref }>(await t.as(admin), '/api/v1/teams?limit=200')) teams[`${team.organisation.name}/${team.name}`] = team;
  await configure(await t.as(policeAdmin), 'Demo County Police');
});
afterAll(async () => {
  await idp.close();
  await t.close();
});

describe('signing in through the organisation\'s provider', () => {
  it('gives a working session when the provider says it asked for a second factor and the organisation trusts it', async () => {
    const { agent, location, back } = await throughProvider(practitioner, identity('Police.ASB@concord.test'));
    expect(location).toBe(`${publicUrl}/`);
    expect(back.searchParams.get('state')).toBeTruthy();
    expect(agent.cookies.concord_session).toBeTruthy();
    const me = await agent.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: practitioner, organisation: { name: 'Demo County Police' }, enrolmentRequired: false });
    // A full session: it reaches what a practitioner may do, and changes carry the CSRF header as after a password.
    expect((await agent.get('/api/v1/profiles?limit=1')).statusCode).toBe(200);
    const [event] = await storedAuditEvents(t, { action: 'auth.signed_in', entityId: me.json().id, limit: 1 });
    expect(event!.details).toMatchObject({ stage: 'full', method: 'oidc', mfa: 'provider' });
  });

  it('asks for the authenticator code when the provider does not say it used a second factor', async () => {
    const { agent, location } = await throughProvider(practitioner, identity(practitioner, { amr: ['pwd'] }));
    expect(location).toBe(`${publicUrl}/sign-in?sso=code`);
    expect(agent.cookies.concord_session).toBeUndefined();
    expect((await agent.get('/api/v1/me')).statusCode).toBe(401);
    expectError(await agent.post('/api/v1/auth/sso/code', { totp: '000000' }), 401, 'invalid_credentials');
    const signedIn = await agent.post('/api/v1/auth/sso/code', { totp: await t.code(practitioner) });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect((await agent.get('/api/v1/me')).json().email).toBe(practitioner);
    // The code finished that sign-in: it cannot be finished twice.
    expectError(await agent.post('/api/v1/auth/sso/code', { totp: await t.code(practitioner) }), 401, 'sso_expired');
  });

  it('asks for the code whatever the provider says when the organisation does not trust its second factor, and trusts a named acr', async () => {
    const police = await t.as(policeAdmin);
    await configure(police, 'Demo County Police', { trustProviderMfa: false });
    expect((await throughProvider(practitioner, identity(practitioner))).location).toBe(`${publicUrl}/sign-in?sso=code`);
    await configure(police, 'Demo County Police', { trustProviderMfa: true, mfaAcrValues: ['urn:police:loa:high'] });
    expect((await throughProvider(practitioner, identity(practitioner, { amr: ['pwd'], acr: 'urn:police:loa:high' }))).location).toBe(`${publicUrl}/`);
    expect((await throughProvider(practitioner, identity(practitioner, { amr: ['pwd'], acr: 'urn:police:loa:low' }))).location).toBe(`${publicUrl}/sign-in?sso=code`);
    await configure(police, 'Demo County Police', { mfaAcrValues: [] });
  });

  it('refuses a colleague of another organisation of the partnership, and a user of the other partnership', async () => {
    // Typed as an address without an account: its domain is the police's colleagues', so it goes to their provider.
    for (const email of ['council.asb@concord.test', 'other.police@concord.test']) {
      const { agent, location } = await throughProvider('not.linked@concord.test', identity(email));
      expect(location).toBe(`${publicUrl}/sign-in?sso=not_linked`);
      expect(agent.cookies.concord_session).toBeUndefined();
    }
    const failures = await storedAuditEvents(t, { action: 'auth.sign_in_failed', limit: 5 });
    expect(failures.filter((e) => (e.details as { why?: string }).why === 'sso_not_linked')).toHaveLength(2);
    // Counted against the address typed, as a wrong password is.
    const { rows } = await t.database.db.execute<{ failures: number }>(sql`select failures from sign_in_throttle where email = 'not.linked@concord.test'`);
    expect(rows[0]!.failures).toBe(2);
  });

  it('refuses an email the provider has not verified', async () => {
    const { agent, location } = await throughProvider('unverified@concord.test', identity(practitioner, { email_verified: false }));
    expect(location).toBe(`${publicUrl}/sign-in?sso=unverified`);
    expect(agent.cookies.concord_session).toBeUndefined();
  });

  it('refuses a disabled user', async () => {
    const created = await createUserAs(t, policeAdmin, { name: 'Dee Sabled', teamId: teams['Demo County Police/ASB team']!.id });
    const police = await t.as(policeAdmin);
    const { version } = (await police.get(`/api/v1/users/${created.id}`)).json();
    expect((await police.post(`/api/v1/users/${created.id}/disable`, { version, reason: 'Left the force' })).statusCode).toBe(200);
    const { agent, location } = await throughProvider(created.email, identity(created.email));
    expect(location).toBe(`${publicUrl}/sign-in?sso=disabled`);
    expect(agent.cookies.concord_session).toBeUndefined();
  });

  it('gives someone yet to enrol an authenticator the enrolment session a first password sign-in gives', async () => {
    const created = await createUserAs(t, policeAdmin, { name: 'Newt Starter', teamId: teams['Demo County Police/ASB team']!.id });
    const { agent, location } = await throughProvider(created.email, identity(created.email, { amr: ['pwd'] }));
    expect(location).toBe(`${publicUrl}/`);
    expect((await agent.get('/api/v1/me')).json()).toMatchObject({ email: created.email, enrolmentRequired: true });
    expectError(await agent.get('/api/v1/profiles?limit=1'), 403, 'enrolment_required');
  });

  it('refuses a replayed or forged state, and an answer brought back by another browser', async () => {
    const { agent, back } = await throughProvider(practitioner, identity(practitioner));
    const replayed = await agent.get(back.pathname + back.search);
    expect(replayed.headers.location).toBe(`${publicUrl}/sign-in?sso=expired`);
    const forged = await makeAgent(t.app).get(`/api/v1/auth/sso/callback?code=anything&state=forged-state&iss=${encodeURIComponent(idp.issuer)}`);
    expect(forged.headers.location).toBe(`${publicUrl}/sign-in?sso=expired`);

    const victim = makeAgent(t.app);
    const started = await victim.post('/api/v1/auth/sso/start', { email: practitioner });
    idp.signInAs(identity(practitioner));
    const link = await idp.authorise(started.json().redirectTo, callback);
    const attacker = makeAgent(t.app);
    expect((await attacker.get(link.pathname + link.search)).headers.location).toBe(`${publicUrl}/sign-in?sso=expired`);
    expect(attacker.cookies.concord_session).toBeUndefined();
  });

  it('refuses an answer naming another issuer, and a code issued to another organisation\'s client', async () => {
    const agent = makeAgent(t.app);
    const started = await agent.post('/api/v1/auth/sso/start', { email: practitioner });
    idp.signInAs(identity(practitioner));
    const back = await idp.authorise(started.json().redirectTo, callback);
    back.searchParams.set('iss', 'https://impostor.example');
    expect((await agent.get(back.pathname + back.search)).headers.location).toBe(`${publicUrl}/sign-in?sso=provider`);
    expect(agent.cookies.concord_session).toBeUndefined();

    // The council's client at the same provider: its code, swapped into a police sign-in, is refused by the token exchange.
    await configure(await t.as(admin), 'Demo District Council');
    const council = await throughProvider('council.asb@concord.test', identity('council.asb@concord.test', { amr: ['pwd'] }));
    expect(council.location).toBe(`${publicUrl}/sign-in?sso=code`);
    const councilBrowser = makeAgent(t.app);
    const councilStart = await councilBrowser.post('/api/v1/auth/sso/start', { email: 'council.asb@concord.test' });
    idp.signInAs(identity('council.asb@concord.test'));
    const councilCode = (await idp.authorise(councilStart.json().redirectTo, callback)).searchParams.get('code')!;
    const policeBrowser = makeAgent(t.app);
    const policeStart = await policeBrowser.post('/api/v1/auth/sso/start', { email: practitioner });
    idp.signInAs(identity(practitioner));
    const policeBack = await idp.authorise(policeStart.json().redirectTo, callback);
    policeBack.searchParams.set('code', councilCode);
    expect((await policeBrowser.get(policeBack.pathname + policeBack.search)).headers.location).toBe(`${publicUrl}/sign-in?sso=provider`);
    const [failure] = await storedAuditEvents(t, { action: 'auth.sign_in_failed', limit: 1 });
    expect(failure!.details).toMatchObject({ why: 'sso_provider', method: 'oidc' });
  });

  it('answers an address without an account as it answers one with an account in an organisation without a provider', async () => {
    const [ghost, housing] = await Promise.all([
      t.anonymous.post('/api/v1/auth/sso/start', { email: 'ghost@nowhere.test' }),
      t.anonymous.post('/api/v1/auth/sso/start', { email: 'housing@concord.test' }),
    ]);
    for (const response of [ghost, housing]) expectError(response, 401, 'sso_unavailable');
    expect(ghost.json()).toEqual(housing.json());
  });

  it('counts failures in the sign-in throttle', async () => {
    const email = 'throttled.sso@nowhere.test';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.anonymous.post('/api/v1/auth/sso/start', { email })).statusCode);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toContain(429);
  });
});

describe('the organisation\'s sign-in settings', () => {
  it('never returns or audits the client secret, and audits each change', async () => {
    const police = await t.as(policeAdmin);
    const settings = (await police.get(`/api/v1/organisations/${organisations['Demo County Police']!.id}/sign-in`)).json();
    expect(settings).toMatchObject({ configured: true, clientId: 'concord-police', clientSecretSet: true, redirectUri: callback });
    expect(JSON.stringify(settings)).not.toContain(secrets.police);
    const { rows } = await t.database.db.execute<{ sealed: string }>(sql`select client_secret_sealed as sealed from organisation_sign_in`);
    expect(rows.every((r) => !r.sealed.includes('secret'))).toBe(true);
    const events = await storedAuditEvents(t, { action: 'organisation_sign_in.updated', entityId: organisations['Demo County Police']!.id, limit: 50 });
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain(secrets.police);
    expect(events.at(-1)!.details).toMatchObject({ clientSecretChanged: true });
  });

  it('tests the connection and says what the provider answered', async () => {
    const police = await t.as(policeAdmin);
    const response = await police.post(`/api/v1/organisations/${organisations['Demo County Police']!.id}/sign-in/test`, {});
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: true });
    expect(response.json().message).toContain(`Connected to ${idp.issuer}`);
  });

  it('refuses an http issuer unless the server allows one', async () => {
    t.app.platform.config.oidc.allowHttpIssuers = false;
    try {
      const police = await t.as(policeAdmin);
      const current = (await police.get(`/api/v1/organisations/${organisations['Demo County Police']!.id}/sign-in`)).json();
      const response = await police.request('PUT', `/api/v1/organisations/${organisations['Demo County Police']!.id}/sign-in`, {
        version: current.version, issuerUrl: idp.issuer, clientId: 'concord-police', enabled: true, trustProviderMfa: true, mfaAcrValues: [], ssoOnly: false,
      });
      expectError(response, 422, 'validation_failed');
    } finally {
      t.app.platform.config.oidc.allowHttpIssuers = true;
    }
  });

  it('is kept from another organisation\'s administrator, a team admin and the other partnership\'s administrator', async () => {
    const url = `/api/v1/organisations/${organisations['Demo County Police']!.id}/sign-in`;
    const councilAdmin = (await enrolledUser(t, admin, { name: 'Carla Council', role: 'organisation_admin', teamId: teams['Demo District Council/Community Safety team']!.id })).agent;
    const neighbour = (await enrolledUser(t, admin, { name: 'Ned Neighbour', role: 'organisation_admin', teamId: teams['Neighbouring County Police/ASB team']!.id })).agent;
    const body = { version: 1, issuerUrl: 'https://evil.example', clientId: 'x', enabled: true, trustProviderMfa: true, mfaAcrValues: [], ssoOnly: false };
    expectError(await councilAdmin.get(url), 403, 'forbidden');
    expectError(await councilAdmin.request('PUT', url, body), 403, 'forbidden');
    expectError(await councilAdmin.post(`${url}/test`, {}), 403, 'forbidden');
    expectError(await neighbour.get(url), 404, 'not_found');
    expectError(await neighbour.request('PUT', url, body), 404, 'not_found');
    expectError(await (await t.as('police.asb.lead@concord.test')).get(url), 403, 'forbidden');
    expectError(await (await t.as(practitioner)).get(url), 403, 'forbidden');
    // The partnership's system administrator may.
    expect((await (await t.as(admin)).get(url)).statusCode).toBe(200);
  });
});

describe('"SSO only"', () => {
  it('refuses a password to the organisation\'s practitioners, but not to a system administrator', async () => {
    const police = await t.as(policeAdmin);
    await configure(police, 'Demo County Police', { ssoOnly: true });
    try {
      const refused = await makeAgent(t.app).post('/api/v1/auth/sign-in', { email: 'police.asb.lead@concord.test', password: demoPassword, totp: await t.code('police.asb.lead@concord.test') });
      expectError(refused, 403, 'sso_required');
      expect(refused.cookies.find((c) => c.name === 'concord_session')).toBeUndefined();
      // Another organisation's staff still sign in with a password.
      expect((await makeAgent(t.app).post('/api/v1/auth/sign-in', { email: 'housing@concord.test', password: demoPassword, totp: await t.code('housing@concord.test') })).statusCode).toBe(200);
      // The provider still signs them in.
      expect((await throughProvider('police.asb.lead@concord.test', identity('police.asb.lead@concord.test'))).location).toBe(`${publicUrl}/`);
    } finally {
      await configure(police, 'Demo County Police', { ssoOnly: false });
    }
    // A system administrator whose account sits in the police keeps their password.
    const { email, password } = await createUserAs(t, admin, { name: 'Polly Sysadmin', role: 'system_admin', teamId: teams['Demo County Police/ASB team']!.id });
    const enrolling = makeAgent(t.app);
    expect((await enrolling.post('/api/v1/auth/sign-in', { email, password })).statusCode).toBe(200);
    const { secret } = (await enrolling.get('/api/v1/auth/enrolment')).json() as { secret: string };
    expect((await enrolling.post('/api/v1/auth/enrolment', { totp: await t.code(email, secret) })).statusCode).toBe(200);
    await configure(police, 'Demo County Police', { ssoOnly: true });
    expect((await makeAgent(t.app).post('/api/v1/auth/sign-in', { email, password, totp: await t.code(email, secret) })).statusCode).toBe(200);
    await configure(police, 'Demo County Police', { ssoOnly: false });
  });
});

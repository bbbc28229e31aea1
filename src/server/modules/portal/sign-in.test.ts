import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PortalMe, PortalSettings } from '../../../shared/api/portal.ts';
import { storedAuditEvents } from '../../test/audit.ts';
import { makeAgent, startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, emails, expectError } from '../sharing/records.fixtures.ts';
import { putPlan } from '../victim-care/victim-care.fixtures.ts';
import { askForCode, inviteClient, latestCode, outboxTo, recipientOf, signInClient, type ClientContact } from './portal.fixtures.ts';

let t: TestApp;
let police: Agent;

beforeAll(async () => {
  t = await startTestApp();
  police = await t.as(emails.police);
});
afterAll(() => t.close());

const sameReply = { message: 'If we have that email address or mobile number, we have sent it a code to sign in. The code works once, for 10 minutes.' };

let clients = 0;
/** A person the police ASB officer holds, invited by email; the invitation's code is left unused. */
async function invited(contact: { email?: string; mobile?: string } = {}) {
  const email = `signin.client${++clients}@example.test`;
  const profile = await createProfile(police, { roles: ['victim'] });
  const access = await inviteClient(t, police, profile.id, { email, ...contact });
  return { profile, access, email, contact: { email } as ClientContact };
}

const verify = (agent: Agent, contact: ClientContact, code: string) => agent.post('/api/v1/portal/sign-in/verify', { ...contact, code });
const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('asking for a code', () => {
  it('gives the same reply for an address nobody has, and sends nothing', async () => {
    const agent = makeAgent(t.app);
    const unknown = { email: 'nobody.here@example.test' };
    expect(await askForCode(t, agent, unknown)).toEqual(sameReply);
    expect(await outboxTo(t, unknown)).toEqual([]);
    expect(await askForCode(t, agent, { mobile: '07911 123499' })).toEqual(sameReply);
    expect(await outboxTo(t, { mobile: '07911 123499' })).toEqual([]);
    const { contact } = await invited();
    expect(await askForCode(t, agent, contact)).toEqual(sameReply);
  });

  it('replies before it looks the address up, so how long it takes tells nobody whether it is a client\'s', async () => {
    const { contact } = await invited();
    const before = (await outboxTo(t, contact)).length;
    // While the codes table is locked, any work done before the reply would hold the reply back
    // (the embedded database runs one transaction at a time, so nothing else is asked meanwhile).
    const blocker = await t.database.pool.connect();
    try {
      await blocker.query('begin');
      await blocker.query('lock table portal_codes in access exclusive mode');
      const replied = makeAgent(t.app).post('/api/v1/portal/sign-in', contact);
      const outcome = await Promise.race([replied.then((r) => r.statusCode), new Promise((resolve) => setTimeout(() => resolve('held back'), 3000))]);
      expect(outcome).toBe(202);
    } finally {
      await blocker.query('commit');
      blocker.release();
    }
    await vi.waitFor(async () => expect(await outboxTo(t, contact)).toHaveLength(before + 1), { timeout: 10_000, interval: 20 });
  });

  it('sends a code that names only the portal, by email or by text', async () => {
    const { contact } = await invited({ mobile: '07911 123450' });
    await askForCode(t, makeAgent(t.app), contact);
    const [email] = await outboxTo(t, contact);
    expect(email).toMatchObject({ channel: 'email', subject: 'Your code for My account' });
    expect(email!.body).toMatch(/^Your code for My account is \d{6}\. It works once, for 10 minutes\. If you did not ask for it, you can ignore this message\.$/);
    await askForCode(t, makeAgent(t.app), { mobile: '+447911123450' });
    const [text] = await outboxTo(t, { mobile: '07911 123450' });
    expect(text).toMatchObject({ channel: 'sms', subject: null });
    expect(text!.body).toMatch(/^Your code for My account is \d{6}\./);
    for (const message of [email!, text!]) {
      expect(`${message.subject ?? ''} ${message.body}`).not.toMatch(/concord\b(?!\.test)|victim|abuse|ASB|police|team/i);
    }
    // The email comes from the portal's name too, not the deployment's own sender.
    const { rows: [sent] } = await t.database.pool.query<{ sender_name: string | null }>(
      'select sender_name from outbound_messages where recipient = $1 and channel = \'email\' order by created_at desc limit 1', [recipientOf(contact)]);
    expect(sent).toEqual({ sender_name: 'My account' });
  });

  it('sends nothing by a channel the contact plan does not mark safe, with the same reply', async () => {
    const { profile, access, contact } = await invited();
    await putPlan(police, profile.id, { safeToText: true });
    const before = await outboxTo(t, contact);
    expect(await askForCode(t, makeAgent(t.app), contact)).toEqual(sameReply);
    expect(await outboxTo(t, contact)).toEqual(before);
    const [withheld] = await auditOf(t, access.id, 'portal.code_withheld');
    expect(withheld).toMatchObject({ outcome: 'refused', details: { channel: 'email', why: 'unsafe_channel' } });
  });

  it('sends at most five codes an hour to one access, silently', async () => {
    const { access, contact } = await invited();
    for (let i = 0; i < 5; i++) await askForCode(t, makeAgent(t.app), contact);
    // The invitation and four codes make five.
    expect((await outboxTo(t, contact)).length).toBe(5);
    const [withheld] = await auditOf(t, access.id, 'portal.code_withheld');
    expect(withheld?.details).toEqual({ channel: 'email', why: 'too_many_codes' });
  });
});

describe('signing in with the code', () => {
  it('starts a portal session that reaches the portal and nothing of staff\'s', async () => {
    const { profile, access, contact } = await invited();
    const agent = makeAgent(t.app);
    await askForCode(t, agent, contact);
    const response = await verify(agent, contact, await latestCode(t, contact));
    expect(response.statusCode, response.body).toBe(200);
    const me: PortalMe = response.json();
    expect(me).toEqual({
      firstName: profile.firstName, keyworker: { name: 'Tom Wright' }, serviceName: 'My account', exitUrl: 'https://www.bbc.co.uk/weather',
      unreadMessages: 0, idleMinutes: 15, csrfToken: expect.any(String),
    });
    const cookie = response.cookies.find((c) => c.name === 'concord_portal');
    expect(cookie).toMatchObject({ path: '/api/v1/portal', httpOnly: true, sameSite: 'Strict' });
    expect(response.cookies.map((c) => c.name)).not.toContain('concord_session');

    const client = makeAgent(t.app, agent.cookies, { 'x-csrf-token': me.csrfToken });
    expect((await client.get('/api/v1/portal/me')).json()).toEqual(me);
    expectError(await client.get('/api/v1/me'), 401, 'unauthenticated');
    expectError(await client.get(`/api/v1/profiles/${profile.id}`), 401, 'unauthenticated');
    expectError(await client.get(`/api/v1/profiles/${profile.id}/portal-access`), 401, 'unauthenticated');
    // Nor can staff act as a client.
    expectError(await police.get('/api/v1/portal/me'), 401, 'unauthenticated');

    const [signedIn] = await auditOf(t, access.id, 'portal.signed_in');
    expect(signedIn).toMatchObject({ actor: { kind: 'client', id: access.id }, details: { channel: 'email' } });
    expect((await (await t.as(emails.police)).get(`/api/v1/profiles/${profile.id}/portal-access`)).json().access.lastSignedInAt).not.toBeNull();
  });

  it('refuses a code used once already, with one message for every failure', async () => {
    const { contact } = await invited();
    const client = await signInClient(t, contact);
    const code = await latestCode(t, contact);
    const again = await verify(makeAgent(t.app), contact, code);
    expectError(again, 401, 'invalid_code');
    expect(again.json().error.message).toBe('That code is not right, or it has expired. Check it, or ask for a new one.');
    expect((await client.get('/api/v1/portal/me')).statusCode).toBe(200);
  });

  it('refuses an expired code', async () => {
    const { access, contact } = await invited();
    await askForCode(t, makeAgent(t.app), contact);
    await t.database.pool.query(`update portal_codes set expires_at = now() - interval '1 second' where access_id = $1 and used_at is null and ended_at is null`, [access.id]);
    const expired = await verify(makeAgent(t.app), contact, await latestCode(t, contact));
    expectError(expired, 401, 'invalid_code');
    expect(expired.json().error.message).toBe('That code is not right, or it has expired. Check it, or ask for a new one.');
  });

  it('ends a code after five wrong tries, each counted though the request fails', async () => {
    const { access, contact } = await invited();
    await askForCode(t, makeAgent(t.app), contact);
    const code = await latestCode(t, contact);
    const agent = makeAgent(t.app);
    for (let i = 0; i < 4; i++) expectError(await verify(agent, contact, otherCode(code)), 401, 'invalid_code');
    const { rows } = await t.database.pool.query('select wrong_tries, ended_at from portal_codes where access_id = $1 and purpose = $2', [access.id, 'sign_in']);
    expect(rows).toEqual([{ wrong_tries: 4, ended_at: null }]);
    expectError(await verify(agent, contact, otherCode(code)), 401, 'invalid_code');
    expectError(await verify(agent, contact, code), 401, 'invalid_code');
    const whys = (await auditOf(t, access.id, 'portal.sign_in_failed')).map((e) => e.details?.why);
    expect(whys).toEqual(['no_code', 'too_many_tries', 'wrong_code', 'wrong_code', 'wrong_code', 'wrong_code']);
  });

  it('takes only the newest code: a new one ends the one before', async () => {
    const { contact } = await invited();
    await askForCode(t, makeAgent(t.app), contact);
    const first = await latestCode(t, contact);
    await askForCode(t, makeAgent(t.app), contact);
    const second = await latestCode(t, contact);
    if (first !== second) expectError(await verify(makeAgent(t.app), contact, first), 401, 'invalid_code');
    expect((await verify(makeAgent(t.app), contact, second)).statusCode).toBe(200);
  });

  it('works with the invitation\'s code, and by text with a mobile number written any way', async () => {
    const { contact } = await invited();
    expect((await verify(makeAgent(t.app), contact, await latestCode(t, contact))).statusCode).toBe(200);
    const profile = await createProfile(police, { roles: ['victim'] });
    await inviteClient(t, police, profile.id, { mobile: '07911 123460' });
    const client = await signInClient(t, { mobile: '+44 7911 123460' });
    expect((await client.get('/api/v1/portal/me')).json()).toMatchObject({ firstName: profile.firstName });
  });

  it('signs in to the partnership whose code it is when two invited the same address', async () => {
    const { contact } = await invited();
    const other = await t.as(emails.other);
    const elsewhere = await createProfile(other, { roles: ['victim'] });
    await inviteClient(t, other, elsewhere.id, contact as { email: string });
    const agent = makeAgent(t.app);
    await askForCode(t, agent, contact);
    const [newest, earlier] = await outboxTo(t, contact);
    expect([newest, earlier].every((m) => m?.subject === 'Your code for My account')).toBe(true);
    const codes = [newest!, earlier!].map((m) => /\d{6}/.exec(m.body)![0]);
    const names = [];
    for (const code of codes) {
      const response = await verify(makeAgent(t.app), contact, code);
      expect(response.statusCode, response.body).toBe(200);
      names.push((response.json() as PortalMe).keyworker.name);
    }
    expect(names.sort()).toEqual(['Alex Morgan', 'Tom Wright']);
  });
});

describe('the demo\'s client', () => {
  it('signs in with the code the outbox holds, to the demo officer\'s conversation', async () => {
    const client = await signInClient(t, { email: 'client@concord.test' });
    expect((await client.get('/api/v1/portal/me')).json()).toMatchObject({ firstName: 'Sasha', keyworker: { name: 'Tom Wright' } });
  });
});

describe('signing out', () => {
  it('ends the session; the page must send its CSRF token', async () => {
    const { access, contact } = await invited();
    const client = await signInClient(t, contact);
    expectError(await client.post('/api/v1/portal/sign-out', {}, { 'x-csrf-token': 'forged' }), 403, 'csrf_failed');
    const out = await client.post('/api/v1/portal/sign-out');
    expect(out.statusCode).toBe(204);
    expectError(await client.get('/api/v1/portal/me'), 401, 'unauthenticated');
    expect(await auditOf(t, access.id, 'portal.signed_out')).toHaveLength(1);
  });
});

describe('the partnership\'s portal settings', () => {
  const body = (s: PortalSettings, change: Partial<PortalSettings> = {}) => ({ version: s.version, serviceName: s.serviceName, exitUrl: s.exitUrl, ...change });

  it('are the defaults until its system administrators change them; every email then uses its name', async () => {
    const admin = await t.as(emails.admin);
    const defaults: PortalSettings = (await police.get('/api/v1/portal-settings')).json();
    expect(defaults).toEqual({ version: 0, isDefault: true, updatedAt: null, serviceName: 'My account', exitUrl: 'https://www.bbc.co.uk/weather', permissions: { canEdit: false } });
    expectError(await police.request('PUT', '/api/v1/portal-settings', body(defaults, { serviceName: 'Support' })), 403, 'forbidden');
    expectError(await admin.request('PUT', '/api/v1/portal-settings', body(defaults, { exitUrl: 'http://example.org' })), 422, 'validation_failed');

    const changed = await admin.request('PUT', '/api/v1/portal-settings', body(defaults, { serviceName: 'Wellbeing online' }));
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ version: 1, isDefault: false, serviceName: 'Wellbeing online', permissions: { canEdit: true } });
    expectError(await admin.request('PUT', '/api/v1/portal-settings', body(defaults, { serviceName: 'Again' })), 409, 'conflict');
    const [event] = await storedAuditEvents(t, { action: 'portal_settings.updated', limit: 1 });
    expect(event?.changes).toEqual({ serviceName: { before: 'My account', after: 'Wellbeing online' } });

    const { contact } = await invited();
    expect((await outboxTo(t, contact))[0]).toMatchObject({ subject: 'Wellbeing online: your sign-in code' });
    const client = await signInClient(t, contact);
    expect((await client.get('/api/v1/portal/me')).json()).toMatchObject({ serviceName: 'Wellbeing online' });
    expect((await outboxTo(t, contact))[0]).toMatchObject({ subject: 'Your code for Wellbeing online' });

    // The other partnership keeps its own.
    expect((await (await t.as(emails.other)).get('/api/v1/portal-settings')).json()).toMatchObject({ isDefault: true, serviceName: 'My account' });
    expect((await admin.request('PUT', '/api/v1/portal-settings', body(changed.json(), { serviceName: 'My account' }))).statusCode).toBe(200);
  });
});

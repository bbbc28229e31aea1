import { sql } from 'drizzle-orm';
import { createGuardrails, generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../db/seed/demo.ts';
import { storedAuditEvents } from '../../test/audit.ts';
import { makeAgent, publicUrl, startTestApp, type TestApp } from '../../test/harness.ts';
import { latestEmailTo, createUserAs } from '../../test/fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const lead = 'police.asb.lead@concord.test';

describe('sign-in', () => {
  it('signs in with email, password and code, and returns the me object', async () => {
    const agent = makeAgent(t.app);
    const response = await agent.post('/api/v1/auth/sign-in', { email: 'police.asb@concord.test', password: demoPassword, totp: await t.code('police.asb@concord.test') });
    expect(response.statusCode).toBe(200);
    const me = response.json();
    expect(me).toMatchObject({
      email: 'police.asb@concord.test',
      role: 'practitioner',
      organisation: { name: 'Demo County Police' },
      team: { name: 'ASB team' },
      partnership: { name: 'Demo County Community Safety Partnership' },
      enrolmentRequired: false,
    });
    const cookie = response.cookies.find((c) => c.name === 'concord_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect((await agent.get('/api/v1/me')).json().id).toBe(me.id);
  });

  it('gives one answer for a wrong email, password or code', async () => {
    const answers = await Promise.all([
      t.anonymous.post('/api/v1/auth/sign-in', { email: 'nobody@concord.test', password: demoPassword, totp: '123456' }),
      t.anonymous.post('/api/v1/auth/sign-in', { email: 'council.asb@concord.test', password: 'wrong password!', totp: await t.code('council.asb@concord.test') }),
      t.anonymous.post('/api/v1/auth/sign-in', { email: 'housing@concord.test', password: demoPassword, totp: '000000' }),
      t.anonymous.post('/api/v1/auth/sign-in', { email: 'housing@concord.test', password: demoPassword }),
    ]);
    for (const response of answers) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ error: { code: 'invalid_credentials', message: 'The email, password or code is not right.' } });
      expect(response.cookies.find((c) => c.name === 'concord_session')).toBeUndefined();
    }
  });

  it('refuses a code that has already been used', async () => {
    const email = 'other.police@concord.test';
    const totp = await t.code(email);
    expect((await makeAgent(t.app).post('/api/v1/auth/sign-in', { email, password: demoPassword, totp })).statusCode).toBe(200);
    expect((await makeAgent(t.app).post('/api/v1/auth/sign-in', { email, password: demoPassword, totp })).statusCode).toBe(401);
  });

  it('slows and then locks repeated failures, without saying whether the account exists', async () => {
    for (const email of ['police.admin@concord.test', 'ghost@concord.test']) {
      const statuses: number[] = [];
      // From many addresses: the throttle follows the account, not the address.
      for (let i = 0; i < 5; i++) {
        statuses.push((await t.anonymous.post('/api/v1/auth/sign-in', { email, password: `wrong-${i}`, totp: '111111' })).statusCode);
      }
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.slice(3)).toContain(429);
      const limited = await t.anonymous.post('/api/v1/auth/sign-in', { email, password: demoPassword, totp: await t.code(email) });
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('limits sign-in attempts from one address across accounts', async () => {
    const guesser = makeAgent(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      statuses.push((await guesser.post('/api/v1/auth/sign-in', { email: `guess-${i}@concord.test`, password: 'wrong password', totp: '123456' })).statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it('records sign-ins and failures in the audit trail', async () => {
    const admin = await t.as('admin@concord.test');
    // A failed sign-in to no account names no record, so the viewer hides its details: read what was written.
    const failed = await storedAuditEvents(t, { action: 'auth.sign_in_failed', limit: 50 });
    expect(failed.some((e) => e.details?.email === 'nobody@concord.test')).toBe(true);
    const signedIn = (await admin.get('/api/v1/audit-events?action=auth.signed_in')).json();
    expect(signedIn.items.length).toBeGreaterThan(0);
    const me = (await admin.get('/api/v1/me')).json();
    const own = signedIn.items.find((e: { entityId: string }) => e.entityId === me.id);
    expect(own).toMatchObject({ outcome: 'success', entityType: 'user', actor: { kind: 'user', id: me.id, name: me.name } });
    expect(own.ip).toMatch(/^198\.51\./);
  });
});

describe('sessions', () => {
  it('ends the session on sign-out', async () => {
    const agent = makeAgent(t.app);
    await agent.post('/api/v1/auth/sign-in', { email: lead, password: demoPassword, totp: await t.code(lead) });
    const session = agent.cookies.concord_session!;
    const csrf = agent.cookies.concord_csrf!;
    expect((await agent.post('/api/v1/auth/sign-out')).statusCode).toBe(204);
    const replay = makeAgent(t.app, { concord_session: session, concord_csrf: csrf });
    const response = await replay.get('/api/v1/me');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('session_ended');
  });

  it('ends a session after 30 minutes idle', async () => {
    const agent = await t.as('council.asb@concord.test');
    await t.database.db.execute(sql`update sessions set last_seen_at = now() - interval '31 minutes' where ended_at is null and user_id = (select id from users where email = 'council.asb@concord.test')`);
    await t.sessionChangesHeard();
    const response = await agent.get('/api/v1/me');
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toEqual({ code: 'session_ended', message: 'Your session has ended. Please sign in again.' });
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const agent = await t.as('housing@concord.test');
    await t.database.db.execute(sql`update sessions set expires_at = now() - interval '1 second' where ended_at is null and user_id = (select id from users where email = 'housing@concord.test')`);
    await t.sessionChangesHeard();
    expect((await agent.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('refuses a sign-in posted from another site', async () => {
    const response = await t.anonymous.post('/api/v1/auth/sign-in', { email: lead, password: demoPassword, totp: '123456' }, { 'sec-fetch-site': 'cross-site' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
  });

  it('refuses a change without the CSRF token', async () => {
    const agent = await t.as('admin@concord.test');
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/partnerships', cookies: { concord_session: agent.cookies.concord_session! }, payload: { name: 'Forged Partnership' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
    const list = (await agent.get('/api/v1/partnerships')).json();
    expect(list.items.map((p: { name: string }) => p.name)).not.toContain('Forged Partnership');
  });
});

describe('first sign-in', () => {
  it('makes a new account enrol an authenticator before anything else', async () => {
    const { email, password } = await createUserAs(t, lead, { name: 'Nia New' });
    const agent = makeAgent(t.app);
    const signIn = await agent.post('/api/v1/auth/sign-in', { email, password });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().enrolmentRequired).toBe(true);

    const blocked = await agent.get('/api/v1/partnerships');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('enrolment_required');

    const enrolment = (await agent.get('/api/v1/auth/enrolment')).json();
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.otpauthUrl).toContain('otpauth://totp/');
    expect(enrolment.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await agent.get('/api/v1/auth/enrolment')).json().secret).toBe(enrolment.secret);

    const wrong = await agent.post('/api/v1/auth/enrolment', { totp: '000000' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.details[0].field).toBe('totp');

    const confirmed = await agent.post('/api/v1/auth/enrolment', { totp: await t.code(email, enrolment.secret) });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().enrolmentRequired).toBe(false);
    expect((await agent.get('/api/v1/partnerships')).statusCode).toBe(200);

    // From now on the code is required.
    const withoutCode = await makeAgent(t.app).post('/api/v1/auth/sign-in', { email, password });
    expect(withoutCode.statusCode).toBe(401);
  });
});

describe('forgotten password', () => {
  it('emails a single-use link that sets a new password but never signs in by itself', async () => {
    const email = 'police.asb@concord.test';
    const reply = await t.anonymous.post('/api/v1/auth/password-reset', { email });
    expect(reply.statusCode).toBe(202);
    const unknown = await t.anonymous.post('/api/v1/auth/password-reset', { email: 'nobody@concord.test' });
    expect(unknown.json()).toEqual(reply.json());

    const message = await latestEmailTo(t, email);
    expect(message.subject).toBe('Reset your Concord password');
    const link = /https?:\/\/\S+/.exec(message.body)![0];
    expect(link.startsWith(`${publicUrl}/reset-password?token=`)).toBe(true);
    const token = new URL(link).searchParams.get('token')!;

    const done = await t.anonymous.post('/api/v1/auth/password-reset/complete', { token, password: 'a brand new passphrase' });
    expect(done.statusCode).toBe(204);
    expect(done.cookies.find((c) => c.name === 'concord_session')).toBeUndefined();

    const again = await t.anonymous.post('/api/v1/auth/password-reset/complete', { token, password: 'another new passphrase' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('invalid_token');

    const noCode = await makeAgent(t.app).post('/api/v1/auth/sign-in', { email, password: 'a brand new passphrase' });
    expect(noCode.statusCode).toBe(401);
    const withCode = await makeAgent(t.app).post('/api/v1/auth/sign-in', { email, password: 'a brand new passphrase', totp: await t.code(email) });
    expect(withCode.statusCode).toBe(200);
  });

  it('refuses an expired link', async () => {
    const email = 'council.asb@concord.test';
    await t.anonymous.post('/api/v1/auth/password-reset', { email });
    const token = new URL(/https?:\/\/\S+/.exec((await latestEmailTo(t, email)).body)![0]).searchParams.get('token')!;
    await t.database.db.execute(sql`update password_tokens set expires_at = now() - interval '1 minute' where used_at is null`);
    const response = await t.anonymous.post('/api/v1/auth/password-reset/complete', { token, password: 'a brand new passphrase' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_token');
  });
});

describe('bad input', () => {
  it('answers malformed JSON with 400 malformed_request', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'content-type': 'application/json' }, payload: '{"email": ' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('malformed_request');
  });

  it('names unknown fields and wrong types', async () => {
    const response = await t.anonymous.post('/api/v1/auth/sign-in', { email: 5, password: 'x', totp: '123456', admin: true });
    expect(response.statusCode).toBe(422);
    const fields = response.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'admin']));
  });

  it('refuses a new password that is too short', async () => {
    const response = await t.anonymous.post('/api/v1/auth/password-reset/complete', { token: 'x'.repeat(43), password: 'short' });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details).toEqual([{ field: 'password', problem: 'must be at least 12 characters' }]);
  });
});

describe('TOTP helper', () => {
  it('generates the same codes as authenticator apps for the demo secret', async () => {
    expect(await generate({ secret: 'JBSWY3DPEHPK3PXP', epoch: 0, guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) })).toBe('282760');
  });
});

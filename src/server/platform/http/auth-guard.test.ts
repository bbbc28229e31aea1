import cookie from '@fastify/cookie';
import Fastify, { type FastifyContextConfig, type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { clientAgent } from '../auth/portal-sessions.fixtures.ts';
import { endPortalSession, setPortalCookie } from '../auth/portal-sessions.ts';
import type { Platform } from './types.ts';
import { registerAuthGuard } from './auth-guard.ts';
import { catalogueRoutes } from './catalogue.ts';
import { registerErrorHandling } from './error-handler.ts';

/**
 * The guard keeps clients and staff apart: the portal's routes read the portal cookie only, every
 * other route the staff session cookie or an API token only. A small app with the real guard, on
 * the test app's database, with a route of each kind.
 */
let t: TestApp;
let probe: FastifyInstance;

async function probeApp(platform: Platform): Promise<FastifyInstance> {
  const app = Fastify();
  app.decorate('platform', platform);
  await app.register(cookie);
  registerErrorHandling(app);
  registerAuthGuard(app);
  const client = { config: { permission: 'client', actors: ['client'] } } as const;
  const staff = { config: { permission: 'signed_in' } } as const;
  const whoIs = async (request: { actor: unknown }) => ({ actor: request.actor });
  app.get('/api/v1/portal/probe', client, whoIs);
  app.post('/api/v1/portal/probe', client, whoIs);
  app.get('/api/v1/probe', staff, whoIs);
  app.post('/api/v1/probe', staff, whoIs);
  app.get('/api/v1/portal/probe/cookie', { config: { permission: 'public' } }, async (_request, reply) => {
    setPortalCookie(reply, 'a-token');
    return {};
  });
  await app.ready();
  return app;
}

beforeAll(async () => {
  t = await startTestApp();
  probe = await probeApp(t.app.platform);
});
afterAll(async () => {
  await probe?.close();
  await t?.close();
});

const call = (method: 'GET' | 'POST', url: string, cookies: Record<string, string>, headers: Record<string, string> = {}) =>
  probe.inject({ method, url, cookies, headers, ...(method === 'POST' ? { payload: {} } : {}) });
const outcome = (response: { statusCode: number; json(): { error?: { code?: string } } }) => ({ status: response.statusCode, code: response.json().error?.code });

describe('the portal\'s routes', () => {
  it('let a client in with the portal cookie, as a client, and ask for the session\'s CSRF token on a change', async () => {
    const { agent, accessId, csrfToken } = await clientAgent(t);
    const read = await call('GET', '/api/v1/portal/probe', agent.cookies);
    expect(read.statusCode).toBe(200);
    expect(read.json().actor).toMatchObject({ kind: 'client', id: accessId });
    expect(outcome(await call('POST', '/api/v1/portal/probe', agent.cookies))).toEqual({ status: 403, code: 'csrf_failed' });
    expect(outcome(await call('POST', '/api/v1/portal/probe', agent.cookies, { 'x-csrf-token': 'x'.repeat(csrfToken.length) }))).toEqual({ status: 403, code: 'csrf_failed' });
    expect((await call('POST', '/api/v1/portal/probe', agent.cookies, { 'x-csrf-token': csrfToken })).statusCode).toBe(200);
  });

  it('ignore a staff session and an API token: staff cannot act there as a client', async () => {
    const staff = await t.as('police.asb@concord.test');
    expect(outcome(await call('GET', '/api/v1/portal/probe', staff.cookies))).toEqual({ status: 401, code: 'unauthenticated' });
    expect(outcome(await call('POST', '/api/v1/portal/probe', staff.cookies, { 'x-csrf-token': staff.cookies.concord_csrf! }))).toEqual({ status: 401, code: 'unauthenticated' });

    const admin = await t.as('police.admin@concord.test');
    const me = (await admin.get('/api/v1/me')).json();
    const token = (await admin.post('/api/v1/api-tokens', { organisationId: me.organisation.id, teamId: me.team.id, name: 'Portal probe', access: 'write' })).json().token as string;
    expect(outcome(await call('GET', '/api/v1/portal/probe', {}, { authorization: `Bearer ${token}` }))).toEqual({ status: 401, code: 'unauthenticated' });
  });

  it('answer an ended client session 401 session_ended and clear the cookie at the portal\'s path', async () => {
    const { agent, tokenHash } = await clientAgent(t);
    await t.database.db.transaction((tx) => endPortalSession(tx, tokenHash, 'signed_out'));
    const response = await call('GET', '/api/v1/portal/probe', agent.cookies);
    expect(outcome(response)).toEqual({ status: 401, code: 'session_ended' });
    expect(response.cookies).toEqual([expect.objectContaining({ name: 'concord_portal', value: '', path: '/api/v1/portal' })]);
    expect(outcome(await call('GET', '/api/v1/portal/probe', { concord_portal: 'made up' }))).toEqual({ status: 401, code: 'session_ended' });
  });
});

describe('staff routes', () => {
  it('ignore the portal cookie, whatever CSRF header comes with it', async () => {
    const { agent, csrfToken } = await clientAgent(t);
    expect(outcome(await call('GET', '/api/v1/probe', agent.cookies))).toEqual({ status: 401, code: 'unauthenticated' });
    expect(outcome(await call('POST', '/api/v1/probe', agent.cookies, { 'x-csrf-token': csrfToken }))).toEqual({ status: 401, code: 'unauthenticated' });
    // With a staff session beside it, the caller is the member of staff.
    const staff = await t.as('police.asb@concord.test');
    const both = await call('GET', '/api/v1/probe', { ...staff.cookies, ...agent.cookies });
    expect(both.json().actor).toMatchObject({ kind: 'user' });
  });
});

describe('the portal cookie', () => {
  it('is kept from page scripts and other sites, sent to the portal\'s routes only, and secure over https as staff\'s is', async () => {
    const [plain] = (await probe.inject({ method: 'GET', url: '/api/v1/portal/probe/cookie' })).cookies;
    expect(plain).toMatchObject({ name: 'concord_portal', value: 'a-token', path: '/api/v1/portal', httpOnly: true, sameSite: 'Strict' });
    expect(plain).not.toHaveProperty('secure');
    const overHttps = await probeApp({ ...t.app.platform, publicUrl: () => 'https://concord.example.org' });
    const [secure] = (await overHttps.inject({ method: 'GET', url: '/api/v1/portal/probe/cookie' })).cookies;
    expect(secure).toMatchObject({ name: 'concord_portal', path: '/api/v1/portal', httpOnly: true, sameSite: 'Strict', secure: true });
    await overHttps.close();
  });

  it('goes only with routes declared for clients alone, with the permission `client`', async () => {
    const mixed: FastifyContextConfig[] = [{ permission: 'records.view', actors: ['client'] }, { permission: 'client', actors: ['client', 'user'] }];
    for (const config of mixed) {
      const app = Fastify();
      catalogueRoutes(app);
      expect(() => app.get('/api/v1/portal/mixed', { config }, async () => ({}))).toThrow(/a route for clients/);
      await app.close();
    }
  });
});

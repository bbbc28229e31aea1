import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grants, permissionRoles, type RolePermission } from '../../../shared/permissions.ts';
import { roles } from '../../../shared/roles.ts';
import { staffAndSystems } from '../access/actor.ts';
import { registerAuthGuard } from './auth-guard.ts';
import { registerErrorHandling } from './error-handler.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('every route declares its permission', () => {
  it('has no route without a permission', () => {
    const undeclared = t.app.routeCatalogue.filter((r) => !r.permission).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  // A change to who may call what shows up here, to be reviewed as a permission change.
  it('matches the reviewed permission list', async () => {
    const lines = t.app.routeCatalogue
      .filter((r) => r.method !== 'HEAD')
      .map((r) => `${r.method.padEnd(6)} ${r.url.padEnd(44)} ${r.permission} [${r.actors.join(', ')}]`)
      .sort();
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./__snapshots__/route-permissions.txt');
  });

  // The other half of who may call what: which roles hold each permission, and what a supervisor or coordinator adds.
  it('matches the reviewed roles of each permission', async () => {
    const none = { isSupervisor: false, isCoordinator: false, schemeLookUp: false };
    const lines = (Object.keys(permissionRoles) as RolePermission[]).sort().map((permission) => {
      const holders = roles.filter((role) => grants(role, none, permission));
      const flagged = (flag: keyof typeof none, label: string) => {
        const added = roles.filter((role) => !holders.includes(role) && grants(role, { ...none, [flag]: true }, permission));
        return added.length > 0 ? `; ${label}: ${added.join(', ')}` : '';
      };
      return `${permission.padEnd(24)} ${holders.join(', ')}${flagged('isSupervisor', 'supervisors')}${flagged('isCoordinator', 'coordinators')}${flagged('schemeLookUp', 'scheme look-up')}`;
    });
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./__snapshots__/permission-roles.txt');
  });

  it('answers an unknown API path with the JSON 404, never the web app', async () => {
    const response = await t.anonymous.get('/api/v1/no-such-thing');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });

  it('refuses a signed-out caller on every non-public route', async () => {
    const guarded = t.app.routeCatalogue.filter((r) => r.permission !== 'public' && r.method !== 'HEAD' && !r.url.includes('*'));
    expect(guarded.length).toBeGreaterThan(20);
    for (const route of guarded) {
      const url = route.url.replace(':id', '00000000-0000-7000-8000-000000000000');
      const response = await t.anonymous.request(route.method, url, route.method === 'GET' ? undefined : {});
      expect({ route: `${route.method} ${route.url}`, status: response.statusCode, code: response.json().error?.code })
        .toEqual({ route: `${route.method} ${route.url}`, status: 401, code: 'unauthenticated' });
    }
  });
});

describe('a path the router cannot read', () => {
  const longId = 'x'.repeat(5000);
  const paths = [`/api/v1/profiles/${longId}`, `/api/v1/cases/${'a'.repeat(101)}/history`, '/api/v1/profiles/%zz', '/api/v1/locations/%C3%28', `/api/v1/profiles/%zz?limit=1`];

  function expectShaped(response: { headers: Record<string, unknown>; body: string }) {
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    // The reply never echoes the path back.
    expect(response.body).not.toContain('xxxxxxxxxx');
    expect(response.body).not.toContain('%zz');
  }

  it('answers a signed-out caller 401 in the one error shape, with the security headers', async () => {
    for (const path of paths) {
      const response = await t.anonymous.get(path);
      expect({ path, status: response.statusCode, code: response.json().error?.code }).toEqual({ path, status: 401, code: 'unauthenticated' });
      expectShaped(response);
    }
  });

  it('answers a signed-in caller as for any unknown record', async () => {
    const agent = await t.as('police.asb@concord.test');
    for (const path of paths) {
      const response = await agent.get(path);
      expect({ path, status: response.statusCode, code: response.json().error?.code }).toEqual({ path, status: 404, code: 'not_found' });
      expectShaped(response);
    }
  });
});

describe('the kinds of actor a route serves', () => {
  it('does not know a staff session on a route declared for clients, and refuses an API token on one declared for staff', async () => {
    // A small app with the real guard, on the test app's database, with one route of each kind.
    const probe = Fastify();
    probe.decorate('platform', t.app.platform);
    await probe.register(cookie);
    registerErrorHandling(probe);
    registerAuthGuard(probe);
    probe.get('/api/v1/probe/client', { config: { permission: 'client', actors: ['client'] } }, async () => ({ ok: true }));
    probe.get('/api/v1/probe/staff', { config: { permission: 'signed_in' } }, async () => ({ ok: true }));
    probe.get('/api/v1/probe/systems', { config: { permission: 'signed_in', actors: staffAndSystems } }, async () => ({ ok: true }));
    await probe.ready();

    const staff = await t.as('police.asb@concord.test');
    const asStaff = (url: string) => probe.inject({ method: 'GET', url, cookies: staff.cookies });
    expect((await asStaff('/api/v1/probe/staff')).statusCode).toBe(200);
    // Routes for clients read the portal cookie only (platform/http/auth-guard.test.ts).
    const refused = await asStaff('/api/v1/probe/client');
    expect({ status: refused.statusCode, code: refused.json().error.code }).toEqual({ status: 401, code: 'unauthenticated' });

    const admin = await t.as('police.admin@concord.test');
    const me = (await admin.get('/api/v1/me')).json();
    const created = await admin.post('/api/v1/api-tokens', { organisationId: me.organisation.id, teamId: me.team.id, name: 'Kind probe', access: 'read' });
    expect(created.statusCode).toBe(201);
    const asToken = (url: string) => probe.inject({ method: 'GET', url, headers: { authorization: `Bearer ${created.json().token}` } });
    expect((await asToken('/api/v1/probe/systems')).statusCode).toBe(200);
    expect((await asToken('/api/v1/probe/staff')).statusCode).toBe(403);
    expect((await asToken('/api/v1/probe/client')).statusCode).toBe(401);
    await probe.close();
  });

  it('lists the kinds each route serves in the reviewed permission list', () => {
    const kinds = new Set(t.app.routeCatalogue.flatMap((r) => r.actors));
    expect([...kinds].sort()).toEqual(['api_token', 'client', 'public', 'user']);
  });
});

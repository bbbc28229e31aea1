import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
      .map((r) => `${r.method.padEnd(6)} ${r.url.padEnd(44)} ${r.permission}${r.apiTokens ? ' +api-tokens' : ''}`)
      .sort();
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./__snapshots__/route-permissions.txt');
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

import { expect, test } from './fixtures.ts';

// The server the journeys run against is up, answers its health check without a session, and
// publishes its API description (the contract in API.md).

test('the health check answers ok without signing in', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  expect(await response.json()).toEqual({ status: 'ok' });
});

test('the OpenAPI 3.1 document describes the API', async ({ request }) => {
  const response = await request.get('/api/openapi.json');
  expect(response.status()).toBe(200);
  const document = (await response.json()) as {
    openapi?: unknown;
    info?: { title?: unknown; version?: unknown };
    paths?: Record<string, Record<string, unknown>>;
  };
  expect(document.openapi).toMatch(/^3\.1\.\d+$/);
  expect(typeof document.info?.title).toBe('string');
  expect(typeof document.info?.version).toBe('string');
  const paths = document.paths ?? {};
  expect(Object.keys(paths).every((path) => path.startsWith('/'))).toBe(true);
  expect(paths['/api/v1/auth/sign-in']?.post, 'POST /api/v1/auth/sign-in is described').toBeDefined();
  expect(paths['/api/v1/me']?.get, 'GET /api/v1/me is described').toBeDefined();
});

test('an API call without a session is refused with the documented error shape', async ({ request }) => {
  const response = await request.get('/api/v1/me');
  expect(response.status()).toBe(401);
  const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
  expect(body.error?.code).toBe('unauthenticated');
  expect(typeof body.error?.message).toBe('string');
});

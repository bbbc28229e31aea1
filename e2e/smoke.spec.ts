import { expect, test } from './fixtures.ts';

// The server the journeys run against is up, answers its health check without a session, and
// publishes its API description (the contract in API.md); and the accessibility check that every
// journey relies on does fail on a fault, in the page or in a frame.

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

test('the accessibility check fails on a fault in the page and on one in a same-origin frame', async ({ page, checkA11y }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await checkA11y(page);

  await page.evaluate(() => {
    const image = document.createElement('img');
    image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    image.id = 'planted';
    document.querySelector('main')?.append(image);
  });
  await expect(checkA11y(page)).rejects.toThrow(/image-alt/);

  await page.evaluate(() => {
    document.getElementById('planted')?.remove();
    const frame = document.createElement('iframe');
    frame.title = 'Planted frame';
    frame.srcdoc = '<!doctype html><html lang="en"><title>Planted</title><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></html>';
    document.querySelector('main')?.append(frame);
  });
  await page.frameLocator('iframe[title="Planted frame"]').locator('img').waitFor({ state: 'attached' });
  await expect(checkA11y(page)).rejects.toThrow(/image-alt/);
});

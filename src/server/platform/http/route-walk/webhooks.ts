import type { TestApp } from '../../../test/harness.ts';
import { people } from '../route-walk.fixtures.ts';

/**
 * The route walk's part for webhooks (route-walk.test.ts spreads these into its own tables): how
 * to call each route, and which answer a stranger by design. A hook is its organisation's; its
 * administrators alone read or change it, and another organisation's administrator manages only
 * their own organisation's.
 */

type Stranger = 'council' | 'councilAdmin' | 'other' | 'readOnly';

const made = { hookId: '', version: 1 };
// Nothing in the walk is meant to reach a receiver: this port refuses at once, and the hooks are
// allowed to aim at this machine only so that no attempt leaves it.
const target = (path: string) => `http://127.0.0.1:9/${path}`;

/** A Demo County Police hook, made by its organisation's administrator and turned off, so the walk sends nothing. */
export async function prepareWebhooks(t: TestApp): Promise<void> {
  t.app.platform.config.webhooks.allowPrivateTargets = true;
  const admin = await t.as(people.policeAdmin);
  const created = await admin.post('/api/v1/webhooks', { url: target('walk'), events: ['profile.created'], secret: 'a-walk-secret-of-enough-length' });
  if (created.statusCode !== 201) throw new Error(`could not make a webhook: ${created.statusCode} ${created.body}`);
  const off = await admin.patch(`/api/v1/webhooks/${created.json().id}`, { version: created.json().version, enabled: false });
  if (off.statusCode !== 200) throw new Error(`could not turn the webhook off: ${off.statusCode} ${off.body}`);
  made.hookId = off.json().id;
  made.version = off.json().version;
}

const by = 'a-strangers-secret-long-enough';

export const webhooksWalk = {
  'GET /api/v1/webhooks': () => ({ query: { limit: 200 } }),
  'POST /api/v1/webhooks': () => ({ body: { url: target('by-a-stranger'), events: ['referral.received'], secret: by } }),
  'GET /api/v1/webhooks/:id': () => ({ params: { id: made.hookId } }),
  'PATCH /api/v1/webhooks/:id': () => ({ params: { id: made.hookId }, body: { version: made.version, url: target('redirected'), enabled: true } }),
  'DELETE /api/v1/webhooks/:id': () => ({ params: { id: made.hookId }, body: {} }),
  'GET /api/v1/webhooks/:id/deliveries': () => ({ params: { id: made.hookId } }),
  'POST /api/v1/webhooks/:id/ping': () => ({ params: { id: made.hookId }, body: {} }),
};

export const webhooksExceptions: Record<string, { who: Stranger[] | 'skip'; reason: string }> = {
  'GET /api/v1/webhooks': { who: ['councilAdmin'], reason: 'lists only the webhooks of the caller\'s own organisation' },
  'POST /api/v1/webhooks': { who: ['councilAdmin'], reason: 'an organisation\'s administrator adds a webhook for their own organisation' },
};

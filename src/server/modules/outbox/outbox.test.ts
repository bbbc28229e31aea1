import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../platform/cursor.ts';
import { storedAuditEvents } from '../../test/audit.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';

let t: TestApp;

const admin = 'admin@concord.test';

interface Message {
  id: string;
  channel: string;
  recipient: string;
  subject: string | null;
  body: string;
  transport: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
}

const recipients = ['first@example.org', 'second@example.org', 'Third@Example.org', 'fourth@example.org', 'fifth@example.org'];

/** Every message matching the query, newest first, following the cursor page by page. */
async function allMessages(agent: Agent, query: string, limit: number): Promise<Message[]> {
  const items: Message[] = [];
  let cursor: string | null = null;
  do {
    const response = await agent.get(`/api/v1/outbox?limit=${limit}${query ? `&${query}` : ''}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.statusCode).toBe(200);
    const page = response.json() as { items: Message[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

beforeAll(async () => {
  t = await startTestApp();
  const { runner, mailer } = t.app.platform;
  // One use case per message, so each has its own time and they have a clear order.
  for (const [i, to] of recipients.entries()) {
    await runner.run({ actor: null, origin: { ip: null } }, (ctx) => mailer.queueEmail(ctx, { to, subject: `Message ${i + 1}`, body: `Body ${i + 1}` }));
  }
  await t.app.platform.runner.run({ actor: null, origin: { ip: null } }, (ctx) => mailer.queueSms(ctx, { to: '07700900123', body: 'A text' }));
});

afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/outbox', () => {
  it('shows a system administrator the messages, newest first', async () => {
    const agent = await t.as(admin);
    const response = await agent.get('/api/v1/outbox?limit=200');
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as { items: Message[] };
    const ours = items.filter((m) => recipients.includes(m.recipient) || m.recipient === '07700900123');
    expect(ours.map((m) => m.recipient)).toEqual(['07700900123', ...[...recipients].reverse()]);
    expect(ours[1]).toEqual({
      id: expect.any(String),
      channel: 'email',
      recipient: 'fifth@example.org',
      subject: 'Message 5',
      body: 'Body 5',
      transport: 'outbox',
      status: 'sent',
      createdAt: expect.any(String),
      sentAt: expect.any(String),
    });
    expect(ours[0]).toMatchObject({ channel: 'sms', subject: null, body: 'A text' });
  });

  it('pages through everything with the cursor, each message once and in order', async () => {
    const agent = await t.as(admin);
    const whole = await allMessages(agent, '', 200);
    const paged = await allMessages(agent, '', 2);
    expect(paged.map((m) => m.id)).toEqual(whole.map((m) => m.id));
    expect(new Set(paged.map((m) => m.id)).size).toBe(paged.length);
    expect(paged.length).toBeGreaterThanOrEqual(recipients.length + 1);
  });

  it('filters by recipient whatever the case', async () => {
    const agent = await t.as(admin);
    const items = await allMessages(agent, 'recipient=third@example.ORG', 50);
    expect(items.map((m) => m.subject)).toEqual(['Message 3']);
  });

  it('records who read the outbox in the audit trail', async () => {
    const agent = await t.as(admin);
    const adminId = (await agent.get('/api/v1/me')).json().id as string;
    expect((await agent.get('/api/v1/outbox?recipient=fourth@example.org')).statusCode).toBe(200);
    const [event] = await storedAuditEvents(t, { action: 'outbox.viewed', actorId: adminId, limit: 1 });
    expect(event).toMatchObject({ actor: { kind: 'user' }, outcome: 'success', details: { recipient: 'fourth@example.org', count: 1 } });
  });

  it('refuses a cursor it did not issue', async () => {
    const agent = await t.as(admin);
    for (const cursor of ['garbage', encodeCursor(['not-an-id']), encodeCursor([42])]) {
      const response = await agent.get(`/api/v1/outbox?cursor=${cursor}`);
      expect({ status: response.statusCode, code: response.json().error?.code }).toEqual({ status: 422, code: 'validation_failed' });
    }
  });

  it.each([
    ['a team administrator', 'police.asb.lead@concord.test'],
    ['a practitioner', 'police.asb@concord.test'],
    ['a practitioner in another partnership', 'other.police@concord.test'],
  ])('is refused to %s', async (_who, email) => {
    const agent = await t.as(email);
    const response = await agent.get('/api/v1/outbox');
    expect({ status: response.statusCode, code: response.json().error?.code }).toEqual({ status: 403, code: 'forbidden' });
  });

  it('asks an anonymous caller to sign in', async () => {
    const response = await t.anonymous.get('/api/v1/outbox');
    expect({ status: response.statusCode, code: response.json().error?.code }).toEqual({ status: 401, code: 'unauthenticated' });
  });
});

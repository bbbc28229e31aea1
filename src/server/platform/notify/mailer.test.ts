import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/connection.ts';
import { outboundMessages } from '../../db/schema/index.ts';
import { openTestDatabase } from '../../test/database.ts';
import { createRunner, type Runner } from '../context.ts';
import { createEventBus } from '../events/bus.ts';
import { startOutboxDeliverer, type OutboxDeliverer } from '../events/outbox.ts';
import type { EventBus } from '../events/types.ts';
import { createJobs } from '../jobs/boss.ts';
import type { Jobs } from '../jobs/types.ts';
import { createMailer } from './mailer.ts';
import type { Mailer } from './types.ts';

interface Line {
  level: 'info' | 'warn' | 'error';
  obj: unknown;
  msg: string | undefined;
}
const lines: Line[] = [];
const log = {
  info: (obj: unknown, msg?: string) => void lines.push({ level: 'info', obj, msg }),
  warn: (obj: unknown, msg?: string) => void lines.push({ level: 'warn', obj, msg }),
  error: (obj: unknown, msg?: string) => void lines.push({ level: 'error', obj, msg }),
};

interface Received {
  from: string;
  to: string[];
  subject: string | undefined;
  raw: string;
}

/** A real SMTP server on a free local port, recording what it accepts and refusing one mailbox. */
async function startSmtpServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('nobody@')) {
        return callback(Object.assign(new Error('No such mailbox here'), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: /^Subject: (.*)$/m.exec(raw)?.[1]?.trim(),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const system = { actor: null, origin: { ip: null } };

describe('mailer', () => {
  let database: Database;
  let events: EventBus;
  let jobs: Jobs;
  let runner: Runner;
  let outbox: OutboxDeliverer;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let mailer: Mailer;
  const effectErrors: unknown[] = [];

  const messagesTo = (recipient: string) => database.db.select().from(outboundMessages).where(eq(outboundMessages.recipient, recipient));

  beforeAll(async () => {
    database = await openTestDatabase();
    events = await createEventBus(database, log);
    jobs = await createJobs(database, log);
    outbox = startOutboxDeliverer({ database, events, log });
    runner = createRunner({ database, outbox, onEffectError: (error) => effectErrors.push(error) });
    smtp = await startSmtpServer();
    const config = loadConfig({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Concord <no-reply@concord.test>' });
    mailer = await createMailer({ config, jobs, database, log });
  });

  afterAll(async () => {
    outbox?.stop();
    await jobs?.stop();
    await events?.close();
    await smtp?.close();
    await database?.close();
  });

  describe('with SMTP', () => {
    it('delivers a committed email through the SMTP server and marks it sent', async () => {
      expect(mailer.emailTransport).toBe('smtp');
      await runner.run(system, (ctx) => mailer.queueEmail(ctx, { to: 'alex@example.org', subject: 'Your Concord account', body: 'Hello Alex,\n\nWelcome.' }));

      await expect.poll(() => smtp.received.filter((m) => m.to.includes('alex@example.org')).length, { timeout: 15_000 }).toBe(1);
      const mail = smtp.received.find((m) => m.to.includes('alex@example.org'))!;
      expect(mail).toMatchObject({ from: 'no-reply@concord.test', to: ['alex@example.org'], subject: 'Your Concord account' });
      expect(mail.raw).toContain('Welcome.');

      await expect.poll(async () => (await messagesTo('alex@example.org'))[0]?.status, { timeout: 10_000 }).toBe('sent');
      const [row] = await messagesTo('alex@example.org');
      expect(row).toMatchObject({ channel: 'email', transport: 'smtp', attempts: 1, lastError: null });
      expect(row?.sentAt).toBeInstanceOf(Date);
    });

    it('sends from a message\'s own sender name, at MAIL_FROM\'s address, when it has one', async () => {
      await runner.run(system, (ctx) => mailer.queueEmail(ctx, { to: 'sasha@example.org', subject: 'My account', body: 'You have a new message.', senderName: 'My account' }));
      await expect.poll(() => smtp.received.filter((m) => m.to.includes('sasha@example.org')).length, { timeout: 15_000 }).toBe(1);
      const mail = smtp.received.find((m) => m.to.includes('sasha@example.org'))!;
      expect(mail.from).toBe('no-reply@concord.test');
      expect(mail.raw).toMatch(/^From: My account <no-reply@concord\.test>$/m);
      expect(mail.raw).not.toMatch(/Concord </);
    });

    it('sends nothing when the use case rolls back', async () => {
      await expect(runner.run(system, async (ctx) => {
        await mailer.queueEmail(ctx, { to: 'rolled.back@example.org', subject: 'Never', body: 'Never sent.' });
        throw new Error('the change failed');
      })).rejects.toThrow('the change failed');
      // A later email going through proves the queue has moved past the point where the first would have been.
      await runner.run(system, (ctx) => mailer.queueEmail(ctx, { to: 'after.rollback@example.org', subject: 'Later', body: 'Sent.' }));
      await expect.poll(() => smtp.received.some((m) => m.to.includes('after.rollback@example.org')), { timeout: 15_000 }).toBe(true);
      expect(smtp.received.some((m) => m.to.includes('rolled.back@example.org'))).toBe(false);
      expect(await messagesTo('rolled.back@example.org')).toEqual([]);
    });

    it('records a refused delivery and leaves the message for the retry', async () => {
      await runner.run(system, (ctx) => mailer.queueEmail(ctx, { to: 'nobody@example.org', subject: 'Bounce', body: 'Will not arrive.' }));
      await expect.poll(async () => (await messagesTo('nobody@example.org'))[0]?.attempts, { timeout: 15_000 }).toBe(1);
      await expect.poll(async () => (await messagesTo('nobody@example.org'))[0]?.lastError, { timeout: 10_000 }).toContain('No such mailbox here');
      const [row] = await messagesTo('nobody@example.org');
      expect(row?.status).toBe('pending');
      expect(lines).toContainEqual(expect.objectContaining({ level: 'warn', obj: expect.objectContaining({ queue: 'deliver-message' }) }));
    });

    it('gives up after the last attempt, marking the message failed and logging an error', async () => {
      // As if five attempts had already failed: the next one is the last the job system allows.
      const [row] = await database.db
        .insert(outboundMessages)
        .values({ channel: 'email', recipient: 'nobody@last-try.example.org', subject: 'Last try', body: 'No.', transport: 'smtp', attempts: 5 })
        .returning();
      await jobs.send('deliver-message', { id: row!.id });
      await expect.poll(async () => (await messagesTo('nobody@last-try.example.org'))[0]?.status, { timeout: 15_000 }).toBe('failed');
      const [failed] = await messagesTo('nobody@last-try.example.org');
      expect(failed).toMatchObject({ attempts: 6, lastError: expect.stringContaining('No such mailbox here'), sentAt: null });
      expect(lines).toContainEqual(expect.objectContaining({
        level: 'error',
        obj: expect.objectContaining({ messageId: row!.id, attempts: 6 }),
        msg: 'message could not be delivered and will not be tried again',
      }));
    });

    it('at start, queues a message that was stored but never queued (the process stopped after the commit)', async () => {
      await database.db.insert(outboundMessages).values({
        channel: 'email', recipient: 'stranded@example.org', subject: 'Stranded', body: 'Still arrives.', transport: 'smtp', createdAt: new Date(Date.now() - 60 * 60 * 1000),
      });
      const config = loadConfig({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
      await createMailer({ config, jobs, database, log });
      await expect.poll(() => smtp.received.filter((m) => m.to.includes('stranded@example.org')).length, { timeout: 15_000 }).toBe(1);
      await expect.poll(async () => (await messagesTo('stranded@example.org'))[0]?.status, { timeout: 10_000 }).toBe('sent');
    });

    it('records a text message as failed when no SMS transport is configured, and says why', async () => {
      await runner.run(system, (ctx) => mailer.queueSms(ctx, { to: '07700900123', body: 'Your appointment is tomorrow.' }));
      const [row] = await messagesTo('07700900123');
      expect(row).toMatchObject({ channel: 'sms', status: 'failed', lastError: expect.stringContaining('NOTIFY_SMS_TEMPLATE_ID') });
      expect(lines).toContainEqual(expect.objectContaining({ level: 'error', obj: { messageId: row?.id } }));
    });

    it('queued every delivery without an after-commit failure', () => {
      expect(effectErrors).toEqual([]);
    });
  });

  describe('with no transport configured', () => {
    it('keeps messages in the development outbox, final at once', async () => {
      const outbox = await createMailer({ config: loadConfig({}), jobs, database, log });
      expect(outbox.emailTransport).toBe('outbox');
      await runner.run(system, async (ctx) => {
        await outbox.queueEmail(ctx, { to: 'dev@example.org', subject: 'Reset your password', body: 'Link inside.' });
        await outbox.queueSms(ctx, { to: '07700900456', body: 'Text in the outbox.' });
      });
      const [email] = await messagesTo('dev@example.org');
      expect(email).toMatchObject({ transport: 'outbox', status: 'sent', subject: 'Reset your password', attempts: 0 });
      expect(email?.sentAt).toBeInstanceOf(Date);
      const [sms] = await messagesTo('07700900456');
      expect(sms).toMatchObject({ transport: 'outbox', status: 'sent', channel: 'sms' });
      expect(smtp.received.some((m) => m.to.includes('dev@example.org'))).toBe(false);
    });
  });
});

import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/connection.ts';
import type { AnyContext } from '../context.ts';
import type { Jobs } from '../jobs/types.ts';
import { queueDelivery, startDelivery } from './delivery.ts';
import { insertMessage, type NewOutboundMessage } from './messages.ts';
import { createTransports, emailTransportFor, smsTransportFor } from './transports.ts';
import type { Mailer } from './types.ts';

type Log = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

export interface MailerDeps {
  config: Config;
  jobs: Jobs;
  database: Database;
  log: Log;
}

type Draft = Pick<NewOutboundMessage, 'channel' | 'recipient' | 'subject' | 'senderName' | 'body' | 'userId'>;

/** Builds the mailer and, when a real transport is configured, starts delivering what it stores. */
export async function createMailer({ config, jobs, database, log }: MailerDeps): Promise<Mailer> {
  const emailTransport = emailTransportFor(config.mail);
  const smsTransport = smsTransportFor(config.mail);
  const transports = createTransports(config.mail);
  if (transports.smtp || transports.notify) await startDelivery({ database, jobs, transports, log });

  async function store(ctx: AnyContext, draft: Draft, transport: 'smtp' | 'notify' | 'outbox'): Promise<void> {
    if (transport === 'outbox') {
      // The development outbox: nothing will deliver it, so it is final once stored.
      await insertMessage(ctx.tx, { ...draft, transport, status: 'sent', sentAt: new Date() });
      return;
    }
    const id = await insertMessage(ctx.tx, { ...draft, transport, status: 'pending' });
    ctx.afterCommit(() => queueDelivery(jobs, id));
  }

  return {
    emailTransport,

    async queueEmail(ctx, message) {
      await store(ctx, { channel: 'email', recipient: message.to, subject: message.subject, senderName: message.senderName ?? null, body: message.body, userId: message.userId ?? null }, emailTransport);
    },

    async queueSms(ctx, message) {
      const draft: Draft = { channel: 'sms', recipient: message.to, subject: null, body: message.body, userId: message.userId ?? null };
      if (smsTransport !== 'unavailable') return store(ctx, draft, smsTransport);
      // Kept, and visibly failed, so that the outbox shows a text message that was never sent.
      const id = await insertMessage(ctx.tx, {
        ...draft,
        transport: 'notify',
        status: 'failed',
        lastError: 'Text messages need GOV.UK Notify: set NOTIFY_API_KEY and NOTIFY_SMS_TEMPLATE_ID.',
      });
      ctx.afterCommit(async () => log.error({ messageId: id }, 'text message not sent: no SMS transport is configured'));
    },
  };
}

import { createTransport } from 'nodemailer';
import { NotifyClient } from 'notifications-node-client';
import type { Config } from '../../config.ts';
import type { OutboundMessageRow } from './messages.ts';

/** Hands one stored message to a delivery service; throws, with a reason an administrator can act on, if it is not accepted. */
export interface Transport {
  send(message: OutboundMessageRow): Promise<void>;
}

export type Transports = Partial<Record<'smtp' | 'notify', Transport>>;

type MailConfig = Config['mail'];

// A stalled mail server or API must fail the attempt, so that it is recorded and retried.
const requestTimeoutMs = 60_000;

/** Which transport delivers email: the first one configured, or the outbox an administrator reads. */
export function emailTransportFor(mail: MailConfig): 'smtp' | 'notify' | 'outbox' {
  if (mail.smtpUrl) return 'smtp';
  if (mail.notifyApiKey) return 'notify';
  return 'outbox';
}

/**
 * Which transport delivers SMS: only GOV.UK Notify can. With no transport at all (development)
 * messages go to the outbox; with email configured but not SMS, 'unavailable' so that the
 * message is recorded as failed rather than shown as sent.
 */
export function smsTransportFor(mail: MailConfig): 'notify' | 'outbox' | 'unavailable' {
  if (mail.notifyApiKey && mail.notifySmsTemplateId) return 'notify';
  return emailTransportFor(mail) === 'outbox' ? 'outbox' : 'unavailable';
}

export function createTransports(mail: MailConfig): Transports {
  const transports: Transports = {};
  if (mail.smtpUrl) transports.smtp = smtpTransport(mail.smtpUrl, mail.from);
  if (mail.notifyApiKey) transports.notify = notifyTransport(mail.notifyApiKey, mail);
  return transports;
}

function smtpTransport(url: string, from: string): Transport {
  const mailer = createTransport({ url, connectionTimeout: requestTimeoutMs, greetingTimeout: requestTimeoutMs, socketTimeout: requestTimeoutMs });
  // MAIL_FROM is "Name <address>" or a bare address; a message's own sender name keeps the address.
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
  return {
    async send(message) {
      if (message.channel !== 'email') throw new Error('SMTP cannot send text messages.');
      const sender = message.senderName ? { name: message.senderName, address } : from;
      const info = await mailer.sendMail({ from: sender, to: message.recipient, subject: message.subject ?? '', text: message.body });
      if (info.rejected.length > 0) throw new Error(`The mail server refused the recipient: ${info.response}`);
    },
  };
}

function notifyTransport(apiKey: string, mail: MailConfig): Transport {
  const client = new NotifyClient(apiKey);
  return {
    async send(message) {
      const email = message.channel === 'email';
      const templateId = email ? mail.notifyEmailTemplateId : mail.notifySmsTemplateId;
      if (!templateId) throw new Error(`${email ? 'NOTIFY_EMAIL_TEMPLATE_ID' : 'NOTIFY_SMS_TEMPLATE_ID'} is not set.`);
      // GOV.UK Notify sends through templates; ours place the subject and body we give them.
      const options = { personalisation: { subject: message.subject ?? '', body: message.body }, reference: message.id };
      try {
        await withTimeout(email
          ? client.sendEmail(templateId, message.recipient, options)
          : client.sendSms(templateId, message.recipient, options));
      } catch (error) {
        throw new Error(describeNotifyError(error), { cause: error });
      }
    },
  };
}

function withTimeout(promise: Promise<unknown>): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${requestTimeoutMs / 1000} seconds`)), requestTimeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Notify explains a refusal in the response body; the bare HTTP error says only its status. */
function describeNotifyError(error: unknown): string {
  const response = (error as { response?: { status?: number; data?: { errors?: { message?: string }[] } } }).response;
  const reasons = response?.data?.errors?.map((e) => e.message).filter(Boolean).join('; ');
  if (response?.status) return `GOV.UK Notify refused the message (HTTP ${response.status})${reasons ? `: ${reasons}` : ''}`;
  return `GOV.UK Notify could not be reached: ${error instanceof Error ? error.message : String(error)}`;
}

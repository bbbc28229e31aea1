import type { AnyContext } from '../context.ts';

export interface EmailMessage {
  to: string;
  subject: string;
  body: string;
  /**
   * The name it comes from, at MAIL_FROM's address, when not MAIL_FROM's own name: mail to a client
   * comes from the partnership's neutral name for the portal, so their inbox does not say Concord.
   */
  senderName?: string | null;
  /** The account the message is about, for the outbox and the audit trail. */
  userId?: string | null;
}

export interface SmsMessage {
  to: string;
  body: string;
  userId?: string | null;
}

/**
 * Sends email and SMS. A message is written in the use case's transaction and delivered after
 * it commits, so a rolled-back change sends nothing and a committed one is never lost.
 */
export interface Mailer {
  queueEmail(ctx: AnyContext, message: EmailMessage): Promise<void>;
  queueSms(ctx: AnyContext, message: SmsMessage): Promise<void>;
  /** Which transport delivers email: 'smtp', 'notify', or 'outbox' (kept for an admin to read). */
  readonly emailTransport: 'smtp' | 'notify' | 'outbox';
}

import { z } from 'zod';
import { isoTime, listQuery, page, uuid } from './common.ts';

export const outboundMessage = z.object({
  id: uuid,
  channel: z.enum(['email', 'sms']),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  transport: z.enum(['smtp', 'notify', 'outbox']),
  status: z.enum(['pending', 'sent', 'failed']),
  createdAt: isoTime,
  sentAt: isoTime.nullable(),
});
export type OutboundMessage = z.infer<typeof outboundMessage>;
export const outboundMessagePage = page(outboundMessage);
export const outboxQuery = listQuery.extend({ recipient: z.string().max(254).optional() });

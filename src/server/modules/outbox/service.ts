import type { z } from 'zod';
import { uuid } from '../../../shared/api/common.ts';
import type { OutboundMessage, outboxQuery } from '../../../shared/api/outbox.ts';
import { actorHas } from '../../platform/access/permissions.ts';
import type { Context } from '../../platform/context.ts';
import { decodeCursor, pageOf } from '../../platform/cursor.ts';
import { ForbiddenError, ValidationError } from '../../platform/errors.ts';
import * as q from './queries.ts';

type Row = Awaited<ReturnType<typeof q.listMessages>>[number];

// Once a real email or SMS service has the message, its text (which can hold a live password
// link) is for the recipient alone; the development outbox exists to be read.
const present = (m: Row): OutboundMessage => ({
  id: m.id,
  channel: m.channel,
  recipient: m.recipient,
  subject: m.subject,
  body: m.transport === 'outbox' ? m.body : `(Sent through ${m.transport === 'smtp' ? 'the email server' : 'GOV.UK Notify'}: the text is not shown here.)`,
  transport: m.transport,
  status: m.status,
  createdAt: m.createdAt.toISOString(),
  sentAt: m.sentAt?.toISOString() ?? null,
});

/** A forged cursor is refused here rather than reaching the database as a malformed id. */
function beforeIdOf(cursor: string | undefined): string | undefined {
  const [id] = decodeCursor(cursor, 1) ?? [];
  if (id === undefined) return undefined;
  const parsed = uuid.safeParse(id);
  if (!parsed.success) throw new ValidationError([{ field: 'cursor', problem: 'is not a cursor from this list' }]);
  return parsed.data;
}

/**
 * The messages Concord has sent, newest first: in development the outbox where emails are read
 * instead of delivered, in production the record of what went out and what failed. They hold
 * personal details and sign-in links, so reading them is audited.
 */
export async function listOutbox(ctx: Context, query: z.infer<typeof outboxQuery>) {
  // The route already demands this; the check travels with the use case wherever it is called from.
  if (!actorHas(ctx.actor, 'outbox.view')) throw new ForbiddenError();
  const rows = await q.listMessages(ctx.tx, { recipient: query.recipient, beforeId: beforeIdOf(query.cursor), limit: query.limit });
  ctx.audit({ action: 'outbox.viewed', details: { recipient: query.recipient ?? null, count: Math.min(rows.length, query.limit) } });
  return pageOf(rows, query.limit, present, (m) => [m.id]);
}

import type { Context } from '../../platform/context.ts';
import { createAction } from '../actions/service.ts';
import type { SharedRecord } from '../sharing/record-access.ts';
import { londonInstant, londonToday } from '../../platform/london.ts';
import * as q from './queries.ts';
import { cutText } from '../../platform/text.ts';

/**
 * The use case's context acting as the person whose work it is. A reminder is the assessor's own:
 * set as them (a system completing through its token answers through the person who issued the
 * token).
 */
export async function asPerson(ctx: Context, personId: string): Promise<Context> {
  if (ctx.actor.kind === 'user' && ctx.actor.id === personId) return ctx;
  return { ...ctx, actor: { ...ctx.actor, kind: 'user', id: personId, name: await q.userName(ctx.tx, personId), readOnly: false } };
}

/** Sets a reminder for the assessor on the record; returns its id. */
export async function remindAssessor(ctx: Context, assessorId: string, record: SharedRecord, title: string, dueAt: Date): Promise<string> {
  const action = await createAction(await asPerson(ctx, assessorId), {
    title: cutText(title, 200),
    dueAt: dueAt.toISOString(),
    recipientIds: [],
    record: { kind: record.kind, id: record.id },
  });
  return action.id;
}

/** The same working day: 17:00 London today, or an hour from now once that has passed. */
export function sameDayDue(now = new Date()): Date {
  const fivePm = londonInstant(londonToday(now), 17);
  return fivePm.getTime() > now.getTime() ? fivePm : new Date(now.getTime() + 60 * 60 * 1000);
}

/** The morning of the review date. */
export const reviewDue = (reviewOn: string): Date => londonInstant(reviewOn, 9);

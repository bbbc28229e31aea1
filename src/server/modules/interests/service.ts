import type { RecordKind } from '../../../shared/records.ts';
import type { Context } from '../../platform/context.ts';
import { findRecord, subjectOf, viewableRecord } from '../sharing/record-access.ts';
import * as q from './queries.ts';

/**
 * Registering an interest in a profile or case: anyone who can open it may, read-only users too,
 * since following a record changes nothing on it. What they are then told is in notify.ts.
 */

/** The person's other tabs update the button and their list of interests. */
function announce(ctx: Context, kind: RecordKind, id: string, registered: boolean) {
  ctx.emit({ type: 'interest.changed', audience: { userIds: [ctx.actor.id] }, data: { kind, id, registered } });
}

export async function get(ctx: Context, kind: RecordKind, id: string) {
  const record = await viewableRecord(ctx, kind, id);
  return { registered: await q.isRegistered(ctx.tx, ctx.actor.id, record) };
}

export async function register(ctx: Context, kind: RecordKind, id: string) {
  const record = await viewableRecord(ctx, kind, id);
  if (await q.register(ctx.tx, ctx.actor.id, kind, record.id)) {
    ctx.audit({ action: 'interest.registered', ...subjectOf(record) });
    announce(ctx, kind, record.id, true);
  }
  return { registered: true };
}

/** Dropping needs no access: someone who can no longer open a record may still stop following it. */
export async function drop(ctx: Context, kind: RecordKind, id: string) {
  const record = await findRecord(ctx, kind, id);
  if (await q.drop(ctx.tx, ctx.actor.id, kind, record.id)) {
    ctx.audit({ action: 'interest.dropped', ...subjectOf(record) });
    announce(ctx, kind, record.id, false);
  }
  return { registered: false };
}

export async function list(ctx: Context) {
  const rows = await q.listInterests(ctx.tx, ctx.actor);
  // The list names the people and cases followed: a read of the shared record like any other.
  ctx.audit({ action: 'interests.listed', details: { count: rows.length, records: rows.map((r) => ({ kind: r.kind, id: r.id })) } });
  return { items: rows.map((r) => ({ record: { kind: r.kind, id: r.id, title: r.title }, createdAt: r.createdAt.toISOString() })) };
}

/**
 * Followed records changed since the actor last looked, those they can still open, up to `limit`
 * with whether there are more; not audited: the caller records the read.
 */
export async function changedSinceLooked(ctx: Context, limit: number) {
  const rows = await q.listChanged(ctx.tx, ctx.actor, limit);
  return {
    items: rows.slice(0, limit).map((r) => ({ record: { kind: r.kind, id: r.id, title: r.title ?? '' }, change: r.change, changedAt: r.changedAt.toISOString() })),
    more: rows.length > limit,
  };
}

import type { z } from 'zod';
import type { Notification, notificationListQuery, updateNotificationPreferencesBody } from '../../../shared/api/notifications.ts';
import type { Context } from '../../platform/context.ts';
import { decodeCheckedCursor, isUuid, pageOf } from '../../platform/cursor.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { digestTime } from './digest-time.ts';
import * as q from './queries.ts';

/** A person's own notifications: nobody else may list, read or mark them. */

const present = (row: q.NotificationRow): Notification => ({
  id: row.id,
  kind: row.kind,
  message: row.message,
  link: row.link,
  record: row.recordKind && row.recordId ? { kind: row.recordKind, id: row.recordId } : null,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

/** The person's other open tabs update their bell and list. */
function announceRead(ctx: Context, ids: string[] | 'all') {
  ctx.emit({ type: 'notification.read', audience: { userIds: [ctx.actor.id] }, data: { ids } });
}

export async function list(ctx: Context, query: z.infer<typeof notificationListQuery>) {
  const [before = null] = decodeCheckedCursor<[string]>(query.cursor, isUuid) ?? [];
  const rows = await q.listNotifications(ctx.tx, ctx.actor.id, { unread: query.unread ?? false, before, limit: query.limit });
  return pageOf(rows, query.limit, present, (r) => [r.id]);
}

export async function unreadCount(ctx: Context) {
  return { count: await q.unreadCount(ctx.tx, ctx.actor.id) };
}

export async function markRead(ctx: Context, id: string) {
  const row = await q.getNotification(ctx.tx, ctx.actor.id, id);
  if (!row) throw new NotFoundError('notification');
  if (!row.readAt) {
    await q.markRead(ctx.tx, ctx.actor.id, id);
    announceRead(ctx, [id]);
  }
  return present((await q.getNotification(ctx.tx, ctx.actor.id, id))!);
}

export async function markAllRead(ctx: Context) {
  if ((await q.markAllRead(ctx.tx, ctx.actor.id)) > 0) announceRead(ctx, 'all');
  return { count: 0 };
}

export async function getPreferences(ctx: Context) {
  return { email: (await q.getPreferences(ctx.tx, ctx.actor.id))?.email ?? 'immediate' };
}

/**
 * Choosing the digest starts it from today's: what arrives after the morning's digest time waits
 * for tomorrow's, rather than going out at once as a "digest" of one.
 */
export async function updatePreferences(ctx: Context, body: z.infer<typeof updateNotificationPreferencesBody>) {
  const current = await q.getPreferences(ctx.tx, ctx.actor.id);
  const before = current?.email ?? 'immediate';
  const now = new Date();
  const since = digestTime(now);
  const lastDigestAt = body.email === 'daily_digest' && before !== 'daily_digest' && since ? now : (current?.lastDigestAt ?? null);
  await q.savePreferences(ctx.tx, ctx.actor.id, body.email, lastDigestAt);
  if (before !== body.email) {
    ctx.audit({ action: 'notification_preferences.updated', entityType: 'user', entityId: ctx.actor.id, changes: { email: { before, after: body.email } } });
  }
  return { email: body.email };
}

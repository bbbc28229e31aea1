import type { RecordKind } from '../../../shared/records.ts';
import type { NotificationKind } from '../../../shared/work.ts';
import { kinds } from '../../platform/access/kinds.ts';
import type { AnyContext, Context } from '../../platform/context.ts';
import * as q from './queries.ts';

/**
 * Something one person should know. `message` is shown in the app and sent by email, so it never
 * names a client: it says what happened ("A task was set for you, due 3 December 2026") and
 * `link` (an app path) leads to where it happened, which checks access when followed.
 */
export interface Notice {
  userId: string;
  kind: NotificationKind;
  message: string;
  link: string;
  record?: { kind: RecordKind; id: string } | null;
  /** The task, action or access request it is about. */
  subjectId?: string | null;
}

/** Where each kind of record opens in the app. */
export const recordLink = (kind: RecordKind, id: string) => `/${kinds[kind].path}/${id}`;

/**
 * Stores notices in the use case's transaction and tells the recipients' open screens after it
 * commits. Email goes out from the delivery sweep (see delivery.ts): at once, or in the morning
 * digest for those who chose it. Nobody is told of their own doing, except by their own reminder.
 */
export async function notify(ctx: AnyContext, notices: Notice[]): Promise<void> {
  // Only a member of staff is the notice's actor, and spared it: an API token is not a person, a client not one of staff.
  const actorId = ctx.actor?.kind === 'user' ? ctx.actor.id : null;
  const seen = new Set<string>();
  const wanted = notices.filter((n) => {
    const key = `${n.userId}:${n.kind}:${n.subjectId ?? ''}:${n.record?.id ?? ''}`;
    if (seen.has(key) || (n.userId === actorId && n.kind !== 'action_due')) return false;
    seen.add(key);
    return true;
  });
  if (wanted.length === 0) return;
  const byId = new Map<string, Notice[]>();
  for (const n of wanted) byId.set(n.userId, [...(byId.get(n.userId) ?? []), n]);
  const people = await q.recipients(ctx.tx, ctx.actor?.partnershipId ?? null, [...byId.keys()]);
  const rows = people.flatMap((person) => (byId.get(person.id) ?? []).map((n) => ({
    partnershipId: person.partnershipId,
    userId: person.id,
    kind: n.kind,
    message: n.message,
    link: n.link,
    recordKind: n.record?.kind ?? null,
    recordId: n.record?.id ?? null,
    subjectId: n.subjectId ?? null,
    actorId,
  })));
  const inserted = await q.insertNotifications(ctx.tx, rows);
  for (const row of inserted) {
    ctx.emit({ type: 'notification.created', audience: { userIds: [row.userId] }, data: { id: row.id, kind: row.kind, subjectId: row.subjectId, link: row.link } });
  }
}

/**
 * Tells everyone who registered an interest in the record (and can still open it) that someone
 * else added or changed something on it. One unread notice per record is enough.
 */
export async function tellInterested(ctx: Context, record: { kind: RecordKind; id: string }, what: string): Promise<void> {
  const userIds = await q.interestedViewers(ctx.tx, record.kind, record.id, ctx.actor.id);
  await notify(ctx, userIds.map((userId) => ({
    userId,
    kind: 'record_changed' as const,
    message: `${what} on a ${record.kind} you follow.`,
    link: recordLink(record.kind, record.id),
    record,
  })));
}

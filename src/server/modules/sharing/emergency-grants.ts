import type { Context } from '../../platform/context.ts';
import { audienceOf, type SharedRecord } from './record-access.ts';
import * as q from './queries.ts';

/**
 * Lets the acting person, and nobody else of their team, open a record until `expiresAt`: their
 * own `view` row on its access list, from the `emergency` source. The emergency-access module
 * records why and tells the owners; this only writes the grant and tells open screens.
 */
export async function grantActorViewUntil(ctx: Context, record: SharedRecord, expiresAt: Date): Promise<void> {
  await q.grantUserViewUntil(ctx.tx, record.kind, record.id, ctx.actor.id, expiresAt);
  ctx.emit({ type: `${record.kind}.changed`, audience: await audienceOf(ctx, record), data: { id: record.id } });
  ctx.emit({ type: 'access.changed', audience: { userIds: [ctx.actor.id] }, data: { kind: record.kind, id: record.id, level: 'view' } });
}

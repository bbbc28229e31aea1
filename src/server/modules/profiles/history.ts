import type { z } from 'zod';
import type { listQuery } from '../../../shared/api/common.ts';
import { recordHistory } from '../../platform/audit/history.ts';
import type { Context } from '../../platform/context.ts';
import { subjectOf, viewableProfile } from './access.ts';

/** The events that changed a profile; reads of it are in the audit trail, not its history. */
export async function profileHistory(ctx: Context, id: string, query: z.infer<typeof listQuery>) {
  const { row } = await viewableProfile(ctx, id);
  const page = await recordHistory(ctx.tx, ctx.actor, 'profile', row.profile.id, query);
  ctx.audit({ action: 'profile.history_viewed', ...subjectOf(row) });
  return page;
}

import type { z } from 'zod';
import type { referralListQuery, referralPage } from '../../../../shared/api/referrals.ts';
import { statesOf } from '../../../../shared/referrals.ts';
import type { Context } from '../../../platform/context.ts';
import type { KeyRing } from '../../../platform/crypto/envelope.ts';
import { decodeCheckedCursor, isIsoTime, isUuid, pageOf } from '../../../platform/cursor.ts';
import { deskOf, deskSubject, requireDesk } from '../referral.ts';
import { presentItem } from './present.ts';
import * as q from './queries.ts';

const isGroup = (value: unknown): value is number => value === 0 || value === 1 || value === 2;

/**
 * A team's triage desk (the caller's own unless `teamId` names another they work): open referrals
 * most urgent first, those waiting for the referrer after them, then the ones finished with,
 * latest first. One audit row names every referral shown.
 */
export async function listReferrals(ctx: Context, keyRing: KeyRing, query: z.infer<typeof referralListQuery>): Promise<z.infer<typeof referralPage>> {
  const team = await deskOf(ctx, query.teamId ?? ctx.actor.teamId);
  requireDesk(ctx, team, deskSubject(team));
  const key = decodeCheckedCursor(query.cursor, isGroup, isIsoTime, isUuid);
  const assignedTo = query.assignedTo === 'me' ? ctx.actor.id : query.assignedTo === 'nobody' ? null : query.assignedTo;
  const rows = await q.listDesk(ctx.tx, {
    teamId: team.id,
    states: statesOf(query.status),
    assignedTo,
    after: key && { group: key[0], at: key[1], id: key[2] },
    limit: query.limit,
  });
  const page = pageOf(rows, query.limit, (row) => presentItem(keyRing, row), (row) => [row.grp, row.sort_at, row.id]);
  ctx.audit({
    action: 'referrals.listed',
    ...deskSubject(team),
    details: { teamId: team.id, status: query.status, count: page.items.length, referralIds: page.items.map((i) => i.id) },
  });
  return { ...page, team: { id: team.id, name: team.name } };
}

import type { z } from 'zod';
import type { OverdueContact, overdueContactsQuery } from '../../../shared/api/victim-care.ts';
import type { Context } from '../../platform/context.ts';
import { decodeCheckedCursor, isIsoDate, isUuid, pageOf } from '../../platform/cursor.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { safetyOf } from '../profiles/safety.ts';
import * as q from './queries.ts';

async function present(ctx: Context, rows: q.OverdueRow[]): Promise<(row: q.OverdueRow) => OverdueContact> {
  const safety = await safetyOf(ctx, rows.map((r) => r.profile.id));
  return (r) => ({
    profile: {
      ...r.profile,
      owner: { team: { id: r.owner.teamId, name: r.owner.teamName }, organisation: { id: r.owner.organisationId, name: r.owner.organisationName } },
      // Every person listed is one the actor may open, so each has their safety line.
      safety: safety.get(r.profile.id)!,
    },
    case: r.case,
    frequencyDays: r.plan.frequencyDays,
    lastContactAt: r.plan.lastContactAt?.toISOString() ?? null,
    nextContactDue: r.plan.nextContactDue,
    daysOverdue: r.overdueDays,
  });
}

/**
 * The first overdue contacts of the people a team holds that the actor may open, soonest due
 * first, not audited: the home page and the supervisor's view record what they showed.
 */
export async function overdueContactsOfTeam(ctx: Context, teamId: string, limit: number): Promise<{ items: OverdueContact[]; more: boolean }> {
  const rows = await q.listOverdue(ctx.tx, ctx.actor, { teamId, after: null, limit });
  const shown = rows.slice(0, limit);
  return { items: shown.map(await present(ctx, shown)), more: rows.length > limit };
}

/** Overdue contacts the actor may open, of one team's people or of all; one audit row naming each person shown. */
export async function listOverdueContacts(ctx: Context, query: z.infer<typeof overdueContactsQuery>) {
  if (query.teamId && !(await q.teamInPartnership(ctx.tx, ctx.actor.partnershipId, query.teamId))) throw new NotFoundError('team');
  const key = decodeCheckedCursor(query.cursor, isIsoDate, isUuid);
  const rows = await q.listOverdue(ctx.tx, ctx.actor, { teamId: query.teamId, after: key ? { due: key[0], profileId: key[1] } : null, limit: query.limit });
  const page = pageOf(rows, query.limit, await present(ctx, rows.slice(0, query.limit)), (r) => [r.plan.nextContactDue, r.profile.id]);
  ctx.audit({
    action: 'overdue_contacts.listed',
    details: { teamId: query.teamId ?? null, count: page.items.length, records: page.items.map((i) => ({ kind: 'profile' as const, id: i.profile.id })) },
  });
  return page;
}

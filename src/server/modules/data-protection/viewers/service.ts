import type { z } from 'zod';
import type { RecentViewers, ViewerPage, viewersQuery } from '../../../../shared/api/privacy.ts';
import { recentViewersDays, recentViewersShown } from '../../../../shared/emergency-access.ts';
import { canManageTeam } from '../../../platform/access/administration.ts';
import type { Context } from '../../../platform/context.ts';
import { decodeCheckedCursor, pageOf } from '../../../platform/cursor.ts';
import { ForbiddenError } from '../../../platform/errors.ts';
import { findRecord, subjectOf, viewableRecord } from '../../sharing/record-access.ts';
import * as q from './queries.ts';

const isSeq = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/** The filters the reader chose, as the audit trail keeps them; null for everything. */
function filterOf(query: z.infer<typeof viewersQuery>): string | null {
  const parts = Object.entries({ what: query.what === 'all' ? undefined : query.what, organisationId: query.organisationId, userId: query.userId, from: query.from, to: query.to })
    .flatMap(([key, value]) => (value ? [`${key}=${value}`] : []));
  return parts.length > 0 ? parts.join('&') : null;
}

/**
 * Who looked at this person: for the owning team's administrators, its organisation's and the
 * partnership's (`canManageTeam` on the owning team), every view, download, export and change by
 * any agency's staff, from the audit trail. The reason each gave is shown with it: it is the
 * accessor's own justification, given to the controller whose administrators read this (D5);
 * nothing else of an event's values (the before and after of a change, search terms) is.
 */
export async function listViewers(ctx: Context, profileId: string, query: z.infer<typeof viewersQuery>): Promise<ViewerPage> {
  const record = await findRecord(ctx, 'profile', profileId);
  if (!canManageTeam(ctx.actor, { id: record.ownerTeamId, organisationId: record.ownerOrganisationId })) {
    ctx.refuse({ action: 'access.refused', ...subjectOf(record), details: { why: 'not an administrator of the owning team' } });
    throw new ForbiddenError('Only the administrators of the team that holds this person, and of its organisation, can see who looked at them.');
  }
  const [before] = decodeCheckedCursor(query.cursor, isSeq) ?? [];
  const rows = await q.listViewers(ctx.tx, record.id, { ...query, before: before ?? null, limit: query.limit });
  const result = pageOf(rows, query.limit, (r) => ({
    id: r.id,
    user: { id: r.actor_id, name: r.actor_name ?? '' },
    actorKind: r.actor_kind,
    organisation: { id: r.organisation_id, name: r.organisation_name },
    team: r.team_id ? { id: r.team_id, name: r.team_name ?? '' } : null,
    at: r.at.toISOString(),
    action: r.action,
    outcome: r.outcome,
    subject: { type: r.entity_type, id: r.entity_id },
    reason: r.reason,
    emergency: r.emergency,
  }), (r) => [r.seq]);
  ctx.audit({ action: 'profile.viewers_viewed', ...subjectOf(record), details: { count: result.items.length, filter: filterOf(query) } });
  return result;
}

/** "Recently viewed by": the last few of the reader's own team who opened the person, themselves left out. */
export async function recentViewers(ctx: Context, profileId: string): Promise<RecentViewers> {
  const record = await viewableRecord(ctx, 'profile', profileId);
  const rows = await q.recentTeamViewers(ctx.tx, record.id, ctx.actor.teamId, ctx.actor.id, recentViewersDays, recentViewersShown);
  ctx.audit({ action: 'profile.recent_viewers_viewed', ...subjectOf(record), details: { count: rows.length } });
  return { items: rows.map((r) => ({ user: { id: r.actor_id, name: r.actor_name ?? '' }, at: r.at.toISOString() })) };
}

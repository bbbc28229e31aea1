import type { z } from 'zod';
import type {
  EmergencyAccessGranted, EmergencyAccessItem, EmergencyAccessPage, EmergencyAccessState, emergencyAccessBody, emergencyAccessQuery, emergencyReviewBody,
} from '../../../../shared/api/privacy.ts';
import { emergencyAccessMinutes } from '../../../../shared/emergency-access.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { canManageTeam } from '../../../platform/access/administration.ts';
import { actorHas } from '../../../platform/access/permissions.ts';
import type { Context } from '../../../platform/context.ts';
import { decodeCheckedCursor, isUuid, pageOf } from '../../../platform/cursor.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../platform/errors.ts';
import { notify } from '../../notifications/notify.ts';
import { grantActorViewUntil } from '../../sharing/emergency-grants.ts';
import { describeRecord, findRecord, subjectOf } from '../../sharing/record-access.ts';
import * as q from './queries.ts';

const queueLink = (id: string) => `/data-protection/emergency-access?focus=${id}`;

/** The owning team's administrators, its organisation's and the partnership's system administrators review. */
const mayReview = (actor: Actor, row: q.AccessRow) =>
  row.partnership_id === actor.partnershipId && canManageTeam(actor, { id: row.owner_team_id, organisationId: row.owner_organisation_id });

function present(row: q.AccessRow): EmergencyAccessItem {
  return {
    id: row.id,
    profile: { id: row.profile_id, title: row.profile_title },
    user: { id: row.user_id, name: row.user_name },
    team: { id: row.team_id, name: row.team_name },
    organisation: { id: row.organisation_id, name: row.organisation_name },
    owner: { team: { id: row.owner_team_id, name: row.owner_team_name }, organisation: { id: row.owner_organisation_id, name: row.owner_organisation_name } },
    reason: row.reason,
    grantedAt: row.granted_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    eventsDuring: row.events_during,
    review: row.review_outcome && row.reviewed_by && row.reviewed_at
      ? { outcome: row.review_outcome, note: row.review_note, by: { id: row.reviewed_by, name: row.reviewer_name ?? '' }, at: row.reviewed_at.toISOString() }
      : null,
    version: row.version,
  };
}

const accessSubject = (row: q.AccessRow) => ({
  entityType: 'emergency_access' as const,
  entityId: row.id,
  subjectOrganisationId: row.owner_organisation_id,
  subjectTeamId: row.owner_team_id,
});

/**
 * Breaks the glass: a person who may not open the profile opens it for an hour, having given a
 * reason after the warning. Only they gain (D1: their own row on the access list, never their
 * team's); the owning team's administrators (or, without any, its organisation's) are told at once
 * by email whatever their digest choice, and the access waits in their review queue. Asked again
 * while it lasts, the live access is the answer: the hour is not stretched.
 */
export async function breakGlass(ctx: Context, profileId: string, body: z.infer<typeof emergencyAccessBody>): Promise<EmergencyAccessGranted> {
  const record = await findRecord(ctx, 'profile', profileId);
  const live = await q.activeAccess(ctx.tx, record.id, ctx.actor.id);
  if (live) return { id: live.id, expiresAt: live.expiresAt.toISOString() };
  if (record.level) throw new ConflictError('You can already open this profile: emergency access is for a profile you cannot open.', 'already_has_access');
  const { id, expiresAt } = await q.insertAccess(ctx.tx, emergencyAccessMinutes, {
    partnershipId: record.partnershipId,
    profileId: record.id,
    userId: ctx.actor.id,
    teamId: ctx.actor.teamId,
    organisationId: ctx.actor.organisationId,
    ownerTeamId: record.ownerTeamId,
    ownerOrganisationId: record.ownerOrganisationId,
    reason: body.reason,
  });
  await grantActorViewUntil(ctx, record, expiresAt);
  ctx.audit({ action: 'emergency_access.granted', ...subjectOf(record), reason: body.reason, details: { emergencyAccessId: id, expiresAt: expiresAt.toISOString() } });

  const place = await q.placeOf(ctx.tx, ctx.actor.teamId);
  const admins = await q.ownerAdminsOf(ctx.tx, record.ownerTeamId, record.ownerOrganisationId);
  const message = `${ctx.actor.name} (${place.teamName}, ${place.organisationName}) used emergency access to open ${describeRecord(record)} held by ${record.ownerTeamName}, until ${londonTime(expiresAt)}. Read their reason and review the access.`;
  await notify(ctx, admins.map((admin) => ({ userId: admin.id, kind: 'emergency_access' as const, message, link: queueLink(id), record: { kind: 'profile' as const, id: record.id }, subjectId: id })));
  ctx.emit({ type: 'emergency_access.granted', audience: { teamIds: [record.ownerTeamId] }, data: { id } });
  return { id, expiresAt: expiresAt.toISOString() };
}

const londonTime = (at: Date) => at.toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });

/** Whether the caller holds emergency access now, and whether they could break the glass: asked from the locked page. */
export async function accessState(ctx: Context, profileId: string): Promise<EmergencyAccessState> {
  const record = await findRecord(ctx, 'profile', profileId);
  const live = await q.activeAccess(ctx.tx, record.id, ctx.actor.id);
  return {
    active: live ? { id: live.id, expiresAt: live.expiresAt.toISOString() } : null,
    canBreakGlass: !live && !record.level && ctx.actor.kind === 'user' && actorHas(ctx.actor, 'records.emergency_access'),
  };
}

/** The review queue: the accesses to records the reader administers (their team's, their organisation's, or all for a system administrator). */
export async function listAccesses(ctx: Context, query: z.infer<typeof emergencyAccessQuery>): Promise<EmergencyAccessPage> {
  const a = ctx.actor;
  const [before] = decodeCheckedCursor(query.cursor, isUuid) ?? [];
  const scope =
    a.role === 'system_admin' ? {}
    : a.role === 'organisation_admin' ? { ownerOrganisationId: a.organisationId }
    : { ownerTeamId: a.teamId };
  if (query.teamId && 'ownerTeamId' in scope && scope.ownerTeamId !== query.teamId) return { items: [], nextCursor: null };
  const rows = await q.listAccesses(ctx.tx, { partnershipId: a.partnershipId, ...scope, ...(query.teamId ? { ownerTeamId: query.teamId } : {}), status: query.status, before: before ?? null, limit: query.limit });
  const result = pageOf(rows, query.limit, present, (r) => [r.id]);
  ctx.audit({ action: 'emergency_accesses.listed', details: { status: query.status, count: result.items.length } });
  return result;
}

/**
 * Signs an access off as justified or not. Not justified, the accessor's own team and
 * organisation administrators are told: misuse is for their line management.
 */
export async function review(ctx: Context, id: string, body: z.infer<typeof emergencyReviewBody>): Promise<EmergencyAccessItem> {
  const row = await q.getAccess(ctx.tx, id);
  if (!row || row.partnership_id !== ctx.actor.partnershipId) throw new NotFoundError('emergency access');
  if (!mayReview(ctx.actor, row)) {
    ctx.refuse({ action: 'access.refused', ...accessSubject(row), details: { why: 'not an administrator of the owning team' } });
    throw new ForbiddenError('Only the administrators of the team that holds the person can review this emergency access.');
  }
  if (row.user_id === ctx.actor.id) throw new ForbiddenError('Someone else must review your own emergency access.');
  const note = body.note ?? null;
  if (!(await q.closeReview(ctx.tx, id, body.outcome, note, ctx.actor.id))) throw new ConflictError('This emergency access has already been reviewed.', 'already_reviewed');
  ctx.audit({ action: 'emergency_access.reviewed', ...accessSubject(row), reason: note, details: { outcome: body.outcome } });
  if (body.outcome === 'not_justified') {
    const managers = await q.lineManagersOf(ctx.tx, row.team_id, row.organisation_id);
    const message = `An emergency access by ${row.user_name} (${row.team_name}) to ${describeRecord({ kind: 'profile', id: row.profile_id, reference: null })} held by ${row.owner_team_name} was found not justified by ${ctx.actor.name}.`;
    await notify(ctx, managers.map((m) => ({ userId: m.id, kind: 'emergency_access_reviewed' as const, message, link: queueLink(id), subjectId: id })));
  }
  ctx.emit({ type: 'emergency_access.reviewed', audience: { teamIds: [row.owner_team_id] }, data: { id } });
  return present((await q.getAccess(ctx.tx, id))!);
}

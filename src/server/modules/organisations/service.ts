import type { z } from 'zod';
import type {
  createOrganisationBody, createPartnershipBody, createTeamBody, Organisation, organisationListQuery, Partnership, Team, teamListQuery,
  updateOrganisationBody, updatePartnershipBody, updateTeamBody,
} from '../../../shared/api/structure.ts';
import type { listQuery } from '../../../shared/api/common.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { canManageOrganisation, canManageTeam, isSystemAdmin } from '../../platform/access/administration.ts';
import { diff } from '../../platform/audit/diff.ts';
import type { Context } from '../../platform/context.ts';
import { decodeCursor, pageOf } from '../../platform/cursor.ts';
import { ForbiddenError, NotFoundError, staleVersion, ValidationError } from '../../platform/errors.ts';
import * as q from './queries.ts';

type PartnershipRow = NonNullable<Awaited<ReturnType<typeof q.getPartnership>>>;
type OrganisationRow = NonNullable<Awaited<ReturnType<typeof q.getOrganisation>>>;
type TeamRow = NonNullable<Awaited<ReturnType<typeof q.getTeam>>>;

const presentPartnership = ({ partnership: p, organisationCount }: PartnershipRow): Partnership => ({
  id: p.id, name: p.name, version: p.version, organisationCount, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString(),
});

const presentOrganisation = (actor: Actor) => ({ organisation: o, partnershipName, teamCount }: OrganisationRow): Organisation => ({
  id: o.id,
  name: o.name,
  kind: o.kind,
  partnership: { id: o.partnershipId, name: partnershipName },
  version: o.version,
  teamCount,
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
  permissions: { canEdit: isSystemAdmin(actor), canManageTeams: canManageOrganisation(actor, o.id) },
});

const presentTeam = (actor: Actor) => (row: TeamRow): Team => ({
  id: row.team.id,
  name: row.team.name,
  organisation: { id: row.team.organisationId, name: row.organisationName },
  partnership: { id: row.partnershipId, name: row.partnershipName },
  version: row.team.version,
  userCount: row.userCount,
  createdAt: row.team.createdAt.toISOString(),
  updatedAt: row.team.updatedAt.toISOString(),
  permissions: { canEdit: canManageOrganisation(actor, row.team.organisationId), canManageUsers: canManageTeam(actor, row.team) },
});

const structureAudience = (organisationId?: string) => ({ systemAdmins: true, ...(organisationId ? { organisationIds: [organisationId] } : {}) });

/** A partnership is the boundary of everything: outside it, its records do not exist. */
function visiblePartnership(actor: Actor, partnershipId: string): boolean {
  return isSystemAdmin(actor) || actor.partnershipId === partnershipId;
}

// Partnerships --------------------------------------------------------------------------------

export async function listPartnerships(ctx: Context, query: z.infer<typeof listQuery>) {
  const rows = await q.listPartnerships(ctx.tx, {
    onlyId: isSystemAdmin(ctx.actor) ? undefined : ctx.actor.partnershipId,
    cursor: decodeCursor(query.cursor, 2),
    limit: query.limit,
  });
  return pageOf(rows, query.limit, presentPartnership, (r) => [r.partnership.name, r.partnership.id]);
}

export async function getPartnership(ctx: Context, id: string) {
  const row = await q.getPartnership(ctx.tx, id);
  if (!row || !visiblePartnership(ctx.actor, id)) throw new NotFoundError('partnership');
  return presentPartnership(row);
}

export async function createPartnership(ctx: Context, body: z.infer<typeof createPartnershipBody>) {
  if (await q.partnershipNameTaken(ctx.tx, body.name)) throw new ValidationError([{ field: 'name', problem: 'is already the name of a partnership' }]);
  const created = await q.insertPartnership(ctx.tx, body.name);
  ctx.audit({ action: 'partnership.created', entityType: 'partnership', entityId: created.id, changes: diff(null, created, ['name']) });
  ctx.emit({ type: 'partnership.changed', audience: structureAudience(), data: { id: created.id } });
  return presentPartnership({ partnership: created, organisationCount: 0 });
}

export async function updatePartnership(ctx: Context, id: string, body: z.infer<typeof updatePartnershipBody>) {
  const current = await q.getPartnership(ctx.tx, id);
  if (!current) throw new NotFoundError('partnership');
  if (body.name && (await q.partnershipNameTaken(ctx.tx, body.name, id))) throw new ValidationError([{ field: 'name', problem: 'is already the name of a partnership' }]);
  const updated = await q.updatePartnership(ctx.tx, id, body.version, { name: body.name });
  if (!updated) throw staleVersion(presentPartnership(current));
  ctx.audit({ action: 'partnership.updated', entityType: 'partnership', entityId: id, changes: diff(current.partnership, updated, ['name']) });
  ctx.emit({ type: 'partnership.changed', audience: { ...structureAudience(), partnershipIds: [id] }, data: { id } });
  return presentPartnership({ partnership: updated, organisationCount: current.organisationCount });
}

// Organisations -------------------------------------------------------------------------------

export async function listOrganisations(ctx: Context, query: z.infer<typeof organisationListQuery>) {
  if (query.partnershipId && !visiblePartnership(ctx.actor, query.partnershipId)) return { items: [], nextCursor: null };
  const rows = await q.listOrganisations(ctx.tx, {
    partnershipId: isSystemAdmin(ctx.actor) ? query.partnershipId : ctx.actor.partnershipId,
    cursor: decodeCursor(query.cursor, 2),
    limit: query.limit,
  });
  return pageOf(rows, query.limit, presentOrganisation(ctx.actor), (r) => [r.organisation.name, r.organisation.id]);
}

async function loadOrganisation(ctx: Context, id: string): Promise<OrganisationRow> {
  const row = await q.getOrganisation(ctx.tx, id);
  if (!row || !visiblePartnership(ctx.actor, row.organisation.partnershipId)) throw new NotFoundError('organisation');
  return row;
}

export async function getOrganisation(ctx: Context, id: string) {
  return presentOrganisation(ctx.actor)(await loadOrganisation(ctx, id));
}

export async function createOrganisation(ctx: Context, body: z.infer<typeof createOrganisationBody>) {
  if (!(await q.getPartnership(ctx.tx, body.partnershipId))) throw new ValidationError([{ field: 'partnershipId', problem: 'is not a partnership' }]);
  if (await q.organisationNameTaken(ctx.tx, body.partnershipId, body.name)) {
    throw new ValidationError([{ field: 'name', problem: 'is already the name of an organisation in this partnership' }]);
  }
  const created = await q.insertOrganisation(ctx.tx, body);
  ctx.audit({ action: 'organisation.created', entityType: 'organisation', entityId: created.id, subjectOrganisationId: created.id, changes: diff(null, created, ['name', 'kind', 'partnershipId']) });
  ctx.emit({ type: 'organisation.changed', audience: { ...structureAudience(), partnershipIds: [created.partnershipId] }, data: { id: created.id } });
  return getOrganisation(ctx, created.id);
}

export async function updateOrganisation(ctx: Context, id: string, body: z.infer<typeof updateOrganisationBody>) {
  const current = await loadOrganisation(ctx, id);
  if (body.name && (await q.organisationNameTaken(ctx.tx, current.organisation.partnershipId, body.name, id))) {
    throw new ValidationError([{ field: 'name', problem: 'is already the name of an organisation in this partnership' }]);
  }
  const updated = await q.updateOrganisation(ctx.tx, id, body.version, { name: body.name, kind: body.kind });
  if (!updated) throw staleVersion(presentOrganisation(ctx.actor)(current));
  ctx.audit({ action: 'organisation.updated', entityType: 'organisation', entityId: id, subjectOrganisationId: id, changes: diff(current.organisation, updated, ['name', 'kind']) });
  ctx.emit({ type: 'organisation.changed', audience: { ...structureAudience(), partnershipIds: [updated.partnershipId] }, data: { id } });
  return getOrganisation(ctx, id);
}

// Teams ---------------------------------------------------------------------------------------

export async function listTeams(ctx: Context, query: z.infer<typeof teamListQuery>) {
  const admin = isSystemAdmin(ctx.actor);
  if (query.partnershipId && !visiblePartnership(ctx.actor, query.partnershipId)) return { items: [], nextCursor: null };
  const rows = await q.listTeams(ctx.tx, {
    organisationId: query.organisationId,
    partnershipId: admin ? query.partnershipId : ctx.actor.partnershipId,
    cursor: decodeCursor(query.cursor, 2),
    limit: query.limit,
  });
  return pageOf(rows, query.limit, presentTeam(ctx.actor), (r) => [r.team.name, r.team.id]);
}

async function loadTeam(ctx: Context, id: string): Promise<TeamRow> {
  const row = await q.getTeam(ctx.tx, id);
  if (!row || !visiblePartnership(ctx.actor, row.partnershipId)) throw new NotFoundError('team');
  return row;
}

export async function getTeam(ctx: Context, id: string) {
  return presentTeam(ctx.actor)(await loadTeam(ctx, id));
}

/** For other modules: the team, if the actor may see it, with its organisation and partnership. */
export async function findTeam(ctx: Context, id: string): Promise<Team | null> {
  const row = await q.getTeam(ctx.tx, id);
  if (!row || !visiblePartnership(ctx.actor, row.partnershipId)) return null;
  return presentTeam(ctx.actor)(row);
}

export async function createTeam(ctx: Context, body: z.infer<typeof createTeamBody>) {
  const organisation = await q.getOrganisation(ctx.tx, body.organisationId);
  if (!organisation || !visiblePartnership(ctx.actor, organisation.organisation.partnershipId)) {
    throw new ValidationError([{ field: 'organisationId', problem: 'is not an organisation you can see' }]);
  }
  if (!canManageOrganisation(ctx.actor, body.organisationId)) throw new ForbiddenError('You can only add teams to your own organisation.');
  if (await q.teamNameTaken(ctx.tx, body.organisationId, body.name)) throw new ValidationError([{ field: 'name', problem: 'is already the name of a team in this organisation' }]);
  const created = await q.insertTeam(ctx.tx, body);
  ctx.audit({ action: 'team.created', entityType: 'team', entityId: created.id, subjectOrganisationId: created.organisationId, subjectTeamId: created.id, changes: diff(null, created, ['name', 'organisationId']) });
  ctx.emit({ type: 'team.changed', audience: structureAudience(created.organisationId), data: { id: created.id } });
  return getTeam(ctx, created.id);
}

export async function updateTeam(ctx: Context, id: string, body: z.infer<typeof updateTeamBody>) {
  const current = await loadTeam(ctx, id);
  if (!canManageOrganisation(ctx.actor, current.team.organisationId)) throw new ForbiddenError('You can only change teams in your own organisation.');
  if (body.name && (await q.teamNameTaken(ctx.tx, current.team.organisationId, body.name, id))) {
    throw new ValidationError([{ field: 'name', problem: 'is already the name of a team in this organisation' }]);
  }
  const updated = await q.updateTeam(ctx.tx, id, body.version, { name: body.name });
  if (!updated) throw staleVersion(presentTeam(ctx.actor)(current));
  ctx.audit({ action: 'team.updated', entityType: 'team', entityId: id, subjectOrganisationId: updated.organisationId, subjectTeamId: id, changes: diff(current.team, updated, ['name']) });
  ctx.emit({ type: 'team.changed', audience: structureAudience(updated.organisationId), data: { id } });
  return getTeam(ctx, id);
}

/** For other modules: the organisation, if the actor may see it. */
export async function findOrganisation(ctx: Context, id: string): Promise<Organisation | null> {
  const row = await q.getOrganisation(ctx.tx, id);
  if (!row || !visiblePartnership(ctx.actor, row.organisation.partnershipId)) return null;
  return presentOrganisation(ctx.actor)(row);
}

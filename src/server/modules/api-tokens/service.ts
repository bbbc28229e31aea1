import type { z } from 'zod';
import type { ApiToken, apiTokenListQuery, createApiTokenBody } from '../../../shared/api/api-tokens.ts';
import { canManageOrganisation, isSystemAdmin } from '../../platform/access/administration.ts';
import { randomToken, sha256 } from '../../platform/auth/crypto.ts';
import type { Context } from '../../platform/context.ts';
import { decodeCursor, pageOf } from '../../platform/cursor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { findOrganisation } from '../organisations/service.ts';
import * as q from './queries.ts';

const present = ({ token: t, organisationName, teamName, creatorName }: q.TokenRow): ApiToken => ({
  id: t.id,
  name: t.name,
  access: t.access,
  prefix: t.prefix,
  organisation: { id: t.organisationId, name: organisationName },
  team: { id: t.teamId, name: teamName },
  createdBy: { id: t.createdById, name: creatorName },
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

const subject = (t: { id: string; organisationId: string; teamId: string }) => ({
  entityType: 'api_token' as const, entityId: t.id, subjectOrganisationId: t.organisationId, subjectTeamId: t.teamId,
});

export async function listTokens(ctx: Context, query: z.infer<typeof apiTokenListQuery>) {
  const admin = isSystemAdmin(ctx.actor);
  if (!admin && query.organisationId && query.organisationId !== ctx.actor.organisationId) return { items: [], nextCursor: null };
  const rows = await q.listTokens(ctx.tx, {
    organisationId: admin ? query.organisationId : ctx.actor.organisationId,
    includeRevoked: query.includeRevoked === 'true',
    cursor: decodeCursor(query.cursor, 1),
    limit: query.limit,
  });
  return pageOf(rows, query.limit, present, (r) => [r.token.id]);
}

/** The token is returned once; only its hash is stored, so a lost token is revoked and replaced. */
export async function createToken(ctx: Context, body: z.infer<typeof createApiTokenBody>) {
  const organisation = await findOrganisation(ctx, body.organisationId);
  if (!organisation) throw new ValidationError([{ field: 'organisationId', problem: 'is not an organisation you can see' }]);
  if (!canManageOrganisation(ctx.actor, organisation.id)) throw new ForbiddenError('You can only issue tokens for your own organisation.');
  if ((await q.teamOrganisation(ctx.tx, body.teamId)) !== organisation.id) {
    throw new ValidationError([{ field: 'teamId', problem: 'must be a team in that organisation' }]);
  }
  if (body.expiresAt && new Date(body.expiresAt) <= new Date()) throw new ValidationError([{ field: 'expiresAt', problem: 'must be in the future' }]);
  const token = `concord_${randomToken(32)}`;
  const id = await q.insertToken(ctx.tx, {
    organisationId: organisation.id,
    teamId: body.teamId,
    name: body.name,
    access: body.access,
    prefix: token.slice(0, 16),
    tokenHash: sha256(token),
    createdById: ctx.actor.id,
    expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
  });
  const row = (await q.getToken(ctx.tx, id))!;
  ctx.audit({ action: 'api_token.created', ...subject(row.token), details: { name: body.name, access: body.access, teamId: body.teamId } });
  ctx.emit({ type: 'api_token.changed', audience: { systemAdmins: true, organisationIds: [organisation.id] }, data: { id } });
  return { ...present(row), token };
}

export async function revokeToken(ctx: Context, id: string) {
  const row = await q.getToken(ctx.tx, id);
  if (!row || (!isSystemAdmin(ctx.actor) && row.partnershipId !== ctx.actor.partnershipId)) throw new NotFoundError('API token');
  if (!canManageOrganisation(ctx.actor, row.token.organisationId)) throw new ForbiddenError('You can only revoke your own organisation\'s tokens.');
  if (!(await q.revokeToken(ctx.tx, id))) throw new ConflictError('This token was already revoked.', 'already_revoked');
  ctx.audit({ action: 'api_token.revoked', ...subject(row.token) });
  ctx.emit({ type: 'api_token.changed', audience: { systemAdmins: true, organisationIds: [row.token.organisationId] }, data: { id } });
  return present((await q.getToken(ctx.tx, id))!);
}

import type { z } from 'zod';
import type { Role } from '../../../shared/roles.ts';
import type { createUserBody, directoryQuery, disableUserBody, enableUserBody, updateUserBody, User, userListQuery } from '../../../shared/api/users.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assignableRoles, canManageTeam, canManageUser, canSeeUser, isSystemAdmin } from '../../platform/access/administration.ts';
import { endUserSessions } from '../../platform/auth/sessions.ts';
import { diff } from '../../platform/audit/diff.ts';
import type { Context } from '../../platform/context.ts';
import { decodeCursor, pageOf } from '../../platform/cursor.ts';
import { ConflictError, ForbiddenError, NotFoundError, staleVersion, ValidationError } from '../../platform/errors.ts';
import type { AuthService } from '../auth/service.ts';
import * as teams from '../organisations/service.ts';
import * as q from './queries.ts';

const auditedFields = ['name', 'email', 'role', 'isSupervisor', 'isCoordinator', 'schemeLookUp', 'teamId', 'jobTitle', 'phone'] as const;

function place(row: q.UserRow) {
  return { id: row.user.id, role: row.user.role, teamId: row.user.teamId, organisationId: row.organisationId, partnershipId: row.partnershipId };
}

const present = (actor: Actor) => (row: q.UserRow): User => {
  const u = row.user;
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    isSupervisor: u.isSupervisor,
    isCoordinator: u.isCoordinator,
    schemeLookUp: u.schemeLookUp,
    jobTitle: u.jobTitle,
    phone: u.phone,
    team: { id: u.teamId, name: row.teamName },
    organisation: { id: row.organisationId, name: row.organisationName },
    partnership: { id: row.partnershipId, name: row.partnershipName },
    status: u.disabledAt ? 'disabled' : u.passwordHash ? 'active' : 'invited',
    authenticatorEnrolled: u.totpEnrolledAt !== null,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    disabledAt: u.disabledAt?.toISOString() ?? null,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
    permissions: { canEdit: canManageUser(actor, place(row)) && actor.id !== u.id, assignableRoles: assignableRoles(actor) },
  };
};

const subject = (row: q.UserRow) => ({ entityType: 'user' as const, entityId: row.user.id, subjectOrganisationId: row.organisationId, subjectTeamId: row.user.teamId });
const audience = (row: q.UserRow) => ({ systemAdmins: true, organisationIds: [row.organisationId] });

export function createUserService(auth: AuthService) {
  /** Another partnership's users do not exist; a colleague outside your remit is refused. */
  async function load(ctx: Context, id: string): Promise<q.UserRow> {
    const row = await q.getUser(ctx.tx, id);
    if (!row || (!isSystemAdmin(ctx.actor) && row.partnershipId !== ctx.actor.partnershipId)) throw new NotFoundError('user');
    if (!canSeeUser(ctx.actor, place(row))) {
      ctx.refuse({ action: 'access.refused', ...subject(row), details: { why: 'user outside your team or organisation' } });
      throw new ForbiddenError('That user is outside the teams you administer.');
    }
    return row;
  }

  async function loadManageable(ctx: Context, id: string): Promise<q.UserRow> {
    const row = await load(ctx, id);
    if (!canManageUser(ctx.actor, place(row))) throw new ForbiddenError('You cannot change this user: their role is above what you administer.');
    return row;
  }

  async function requireTeamYouManage(ctx: Context, teamId: string) {
    const team = await teams.findTeam(ctx, teamId);
    if (!team || !canManageTeam(ctx.actor, { id: team.id, organisationId: team.organisation.id })) {
      throw new ValidationError([{ field: 'teamId', problem: 'must be a team you administer' }]);
    }
    return team;
  }

  function requireAssignable(actor: Actor, role: Role) {
    if (!assignableRoles(actor).includes(role)) throw new ValidationError([{ field: 'role', problem: 'is not a role you can give' }]);
  }

  /** A coordinator sets up panels for the whole partnership, so only its system administrators make one. */
  function requireMayFlagCoordinator(actor: Actor, wanted: boolean | undefined, current = false) {
    if (wanted === undefined || wanted === current || isSystemAdmin(actor)) return;
    throw new ValidationError([{ field: 'isCoordinator', problem: 'can be changed only by a system administrator' }]);
  }

  /**
   * Scheme look-up is given by the partnership's system administrators, and by an organisation's
   * administrators to their own organisation's people (a fire service's admin flags its control
   * room); a team admin may not. Whose organisation it is was checked when the user was loaded.
   */
  function requireMayFlagSchemeLookUp(actor: Actor, wanted: boolean | undefined, current = false) {
    if (wanted === undefined || wanted === current || isSystemAdmin(actor) || actor.role === 'organisation_admin') return;
    throw new ValidationError([{ field: 'schemeLookUp', problem: 'can be changed only by a system or organisation administrator' }]);
  }

  function requireVersion(row: q.UserRow, ok: boolean, actor: Actor) {
    if (!ok) throw staleVersion(present(actor)(row));
  }

  return {
    async list(ctx: Context, query: z.infer<typeof userListQuery>) {
      const a = ctx.actor;
      const scope =
        a.role === 'system_admin' ? { partnershipId: query.partnershipId }
        : a.role === 'organisation_admin' ? { organisationId: a.organisationId }
        : { teamId: a.teamId };
      if ((scope.organisationId && query.organisationId && query.organisationId !== scope.organisationId) || (scope.teamId && query.teamId && query.teamId !== scope.teamId)) {
        return { items: [], nextCursor: null };
      }
      const rows = await q.listUsers(ctx.tx, {
        organisationId: query.organisationId,
        teamId: query.teamId,
        ...scope,
        search: query.q,
        status: query.status,
        cursor: decodeCursor(query.cursor, 2),
        limit: query.limit,
      });
      return pageOf(rows, query.limit, present(a), (r) => [r.user.name, r.user.id]);
    },

    /** Active colleagues of the actor's partnership by name, so anyone can name a lead officer. */
    async directory(ctx: Context, query: z.infer<typeof directoryQuery>) {
      const rows = await q.listUsers(ctx.tx, { partnershipId: ctx.actor.partnershipId, search: query.q, status: 'active', cursor: null, limit: query.limit });
      return {
        items: rows.slice(0, query.limit).map((r) => ({
          id: r.user.id,
          name: r.user.name,
          jobTitle: r.user.jobTitle,
          team: { id: r.user.teamId, name: r.teamName },
          organisation: { id: r.organisationId, name: r.organisationName },
        })),
      };
    },

    /** Staff details are personal data: opening one is recorded like any other read of a person. */
    async get(ctx: Context, id: string) {
      const row = await load(ctx, id);
      ctx.audit({ action: 'user.viewed', ...subject(row) });
      return present(ctx.actor)(row);
    },

    /** Creates the account and emails an invitation to choose a password. */
    async create(ctx: Context, body: z.infer<typeof createUserBody>) {
      await requireTeamYouManage(ctx, body.teamId);
      requireAssignable(ctx.actor, body.role);
      requireMayFlagCoordinator(ctx.actor, body.isCoordinator);
      requireMayFlagSchemeLookUp(ctx.actor, body.schemeLookUp);
      if (await q.emailTaken(ctx.tx, body.email)) throw new ValidationError([{ field: 'email', problem: 'is already used by another account' }]);
      const id = await q.insertUser(ctx.tx, { ...body, jobTitle: body.jobTitle ?? null, phone: body.phone ?? null });
      const row = (await q.getUser(ctx.tx, id))!;
      ctx.audit({ action: 'user.created', ...subject(row), changes: diff(null, { ...row.user }, auditedFields) });
      await auth.sendPasswordLink(ctx, row.user, 'invitation');
      ctx.audit({ action: 'user.invitation_sent', ...subject(row) });
      ctx.emit({ type: 'user.changed', audience: audience(row), data: { id } });
      return present(ctx.actor)(row);
    },

    async update(ctx: Context, id: string, body: z.infer<typeof updateUserBody>) {
      const current = await loadManageable(ctx, id);
      if (id === ctx.actor.id && (body.role !== undefined || body.teamId !== undefined)) {
        throw new ForbiddenError('Ask another administrator to change your own role or team.');
      }
      if (body.teamId && body.teamId !== current.user.teamId) await requireTeamYouManage(ctx, body.teamId);
      if (body.role && body.role !== current.user.role) requireAssignable(ctx.actor, body.role);
      requireMayFlagCoordinator(ctx.actor, body.isCoordinator, current.user.isCoordinator);
      requireMayFlagSchemeLookUp(ctx.actor, body.schemeLookUp, current.user.schemeLookUp);
      if (body.email && (await q.emailTaken(ctx.tx, body.email, id))) throw new ValidationError([{ field: 'email', problem: 'is already used by another account' }]);
      const { version, ...patch } = body;
      requireVersion(current, await q.updateUser(ctx.tx, id, version, patch), ctx.actor);
      const updated = (await q.getUser(ctx.tx, id))!;
      ctx.audit({ action: 'user.updated', ...subject(updated), changes: diff({ ...current.user }, { ...updated.user }, auditedFields) });
      ctx.emit({ type: 'user.changed', audience: audience(updated), data: { id } });
      return present(ctx.actor)(updated);
    },

    /** A leaver is out at once: every session ends and any open screen is told. */
    async disable(ctx: Context, id: string, body: z.infer<typeof disableUserBody>) {
      if (id === ctx.actor.id) throw new ConflictError('You cannot disable your own account.', 'cannot_disable_self');
      const current = await loadManageable(ctx, id);
      if (current.user.disabledAt) throw new ConflictError('This user is already disabled.', 'already_disabled');
      requireVersion(current, await q.updateUser(ctx.tx, id, body.version, { disabledAt: new Date() }), ctx.actor);
      const ended = await endUserSessions(ctx.tx, id, 'user_disabled');
      ctx.audit({ action: 'user.disabled', ...subject(current), reason: body.reason, details: { sessionsEnded: ended } });
      ctx.emit({ type: 'session.ended', audience: { userIds: [id] }, data: { reason: 'user_disabled' } });
      ctx.emit({ type: 'user.changed', audience: audience(current), data: { id } });
      return present(ctx.actor)((await q.getUser(ctx.tx, id))!);
    },

    async enable(ctx: Context, id: string, body: z.infer<typeof enableUserBody>) {
      const current = await loadManageable(ctx, id);
      if (!current.user.disabledAt) throw new ConflictError('This user is not disabled.', 'not_disabled');
      requireVersion(current, await q.updateUser(ctx.tx, id, body.version, { disabledAt: null }), ctx.actor);
      ctx.audit({ action: 'user.enabled', ...subject(current) });
      ctx.emit({ type: 'user.changed', audience: audience(current), data: { id } });
      return present(ctx.actor)((await q.getUser(ctx.tx, id))!);
    },

    /** For a lost phone: the user enrols a new authenticator at their next sign-in. */
    async resetAuthenticator(ctx: Context, id: string, body: z.infer<typeof enableUserBody>) {
      const current = await loadManageable(ctx, id);
      requireVersion(current, await q.updateUser(ctx.tx, id, body.version, { totpSecret: null, totpEnrolledAt: null, totpLastStep: null }), ctx.actor);
      const ended = await endUserSessions(ctx.tx, id, 'authenticator_reset');
      ctx.audit({ action: 'user.authenticator_reset', ...subject(current), details: { sessionsEnded: ended } });
      ctx.emit({ type: 'session.ended', audience: { userIds: [id] }, data: { reason: 'authenticator_reset' } });
      ctx.emit({ type: 'user.changed', audience: audience(current), data: { id } });
      return present(ctx.actor)((await q.getUser(ctx.tx, id))!);
    },

    async resendInvitation(ctx: Context, id: string) {
      const current = await loadManageable(ctx, id);
      if (current.user.passwordHash) throw new ConflictError('This user has already chosen a password. They can use "Forgot your password?" instead.', 'already_active');
      if (current.user.disabledAt) throw new ConflictError('This user is disabled. Enable them first.', 'already_disabled');
      await auth.sendPasswordLink(ctx, current.user, 'invitation');
      ctx.audit({ action: 'user.invitation_sent', ...subject(current) });
      return present(ctx.actor)(current);
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;

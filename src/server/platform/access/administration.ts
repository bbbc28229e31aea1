import { assignableRoles as rolesGivenBy, type Role } from '../../../shared/roles.ts';
import type { Actor } from './actor.ts';

/**
 * Who may administer which part of the structure. Short rules in the words an administrator
 * would use; services call them on the record in hand and SQL scopes mirror them for lists.
 */

export const isSystemAdmin = (actor: Actor) => actor.role === 'system_admin';

export function canManageOrganisation(actor: Actor, organisationId: string): boolean {
  return isSystemAdmin(actor) || (actor.role === 'organisation_admin' && actor.organisationId === organisationId);
}

export function canManageTeam(actor: Actor, team: { id: string; organisationId: string }): boolean {
  return canManageOrganisation(actor, team.organisationId) || (actor.role === 'team_admin' && actor.teamId === team.id);
}

/** The roles an administrator may give: never one above their own reach. */
export function assignableRoles(actor: Actor): Role[] {
  return rolesGivenBy(actor.role);
}

/** A team admin manages the practitioners in their team, not its other administrators. */
export function canManageUser(actor: Actor, user: { id: string; role: Role; teamId: string; organisationId: string }): boolean {
  return canManageTeam(actor, { id: user.teamId, organisationId: user.organisationId }) && assignableRoles(actor).includes(user.role);
}

export function canSeeUser(actor: Actor, user: { teamId: string; organisationId: string; partnershipId: string }): boolean {
  return canManageTeam(actor, { id: user.teamId, organisationId: user.organisationId });
}

/**
 * A team's supervisor sees its officers' caseloads and overdue work, and hands a task or a case's
 * lead to another officer: the team's own admin or flagged supervisor, and the administrators of
 * its organisation. Not a system administrator beyond their own team: running the partnership is
 * not line-managing every agency's officers.
 */
export function canSuperviseTeam(actor: Actor, team: { id: string; organisationId: string }): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.role === 'organisation_admin' && actor.organisationId === team.organisationId) return true;
  return actor.teamId === team.id && supervisesOwnTeam(actor);
}

/** Whether the person supervises their own team: by role, or as a flagged supervisor who may change records. */
export function supervisesOwnTeam(actor: Actor): boolean {
  if (actor.kind !== 'user' || actor.role === 'read_only') return false;
  return actor.isSupervisor || actor.role === 'team_admin' || actor.role === 'organisation_admin' || actor.role === 'system_admin';
}

/**
 * What the whole partnership shares (its lists of values, its letter and template library, the
 * question bank and the built-in assessment templates) is kept by its system administrators: an
 * organisation admin's change there would reach every other agency of the partnership.
 */
export function canManagePartnershipLists(actor: Actor, partnershipId: string): boolean {
  return isSystemAdmin(actor) && actor.partnershipId === partnershipId;
}

/**
 * An assessment template belongs to the team that built it, so whoever manages that team changes
 * it (a team admin their own team's, an organisation admin their organisation's teams'); a
 * built-in one belongs to the partnership.
 */
export function canManageAssessmentTemplate(
  actor: Actor,
  template: { partnershipId: string; builtIn: boolean; ownerTeam: { id: string; organisationId: string } | null },
): boolean {
  if (template.builtIn || !template.ownerTeam) return canManagePartnershipLists(actor, template.partnershipId);
  return actor.partnershipId === template.partnershipId && canManageTeam(actor, template.ownerTeam);
}

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

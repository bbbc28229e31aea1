import { grants, permissionRoles, type RolePermission } from '../../../shared/permissions.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Actor } from './actor.ts';

/** The roles granting each permission live in src/shared/permissions.ts, so the web client names the same ones. */
export type { RolePermission };
/** `client`: a client signed in to the portal (the route's `actors` is then `['client']`). */
export type Permission = 'public' | 'enrolment' | 'client' | RolePermission;

export function roleHas(role: Role, permission: RolePermission): boolean {
  return (permissionRoles[permission] as readonly Role[]).includes(role);
}

/** Whether the actor's role, or their supervisor, coordinator or scheme look-up flag, grants the permission. */
export function actorHas(actor: Pick<Actor, 'role' | 'isSupervisor' | 'isCoordinator' | 'schemeLookUp'>, permission: RolePermission): boolean {
  return grants(actor.role, actor, permission);
}

/** The permissions sent to the web client, so that it shows only what the user may do. */
export function permissionsOf(actor: Pick<Actor, 'role' | 'isSupervisor' | 'isCoordinator' | 'schemeLookUp'>): RolePermission[] {
  return (Object.keys(permissionRoles) as RolePermission[]).filter((p) => actorHas(actor, p));
}

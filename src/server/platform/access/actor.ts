import type { Role } from '../../../shared/roles.ts';

/**
 * The kinds of actor a route may serve. Staff are people of a partnership's teams (`user`) and
 * other organisations' systems acting for a team (`api_token`); a `client` is a person on a
 * profile signed in to the portal; `public` is anyone, unidentified (a referral form, sign-in).
 */
export const actorKinds = ['user', 'api_token', 'client', 'public'] as const;
export type ActorKind = (typeof actorKinds)[number];

/** For routes that other organisations' systems may call as well as staff. */
export const staffAndSystems: readonly ActorKind[] = ['user', 'api_token'];

/** Staff: a signed-in person of a team, or another organisation's system using an API token. */
export interface Actor {
  kind: 'user' | 'api_token';
  id: string;
  name: string;
  role: Role;
  isSupervisor: boolean;
  /** Sets up panels (MARAC, Community MARAC …) whatever the role; absent for an API token or an actor made by a sweep. */
  isCoordinator?: boolean;
  /** Looks up scheme cardholders in an emergency whatever the role; absent for an API token (v1) or a sweep. */
  schemeLookUp?: boolean;
  teamId: string;
  organisationId: string;
  partnershipId: string;
  /** For an API token: whether it may change records. */
  readOnly: boolean;
}

/** A person on a profile, signed in to the portal: they reach their own conversation and plan, nothing else. */
export interface ClientActor {
  kind: 'client';
  id: string;
  name: string;
  profileId: string;
  partnershipId: string;
}

/** Whoever calls a public route; nothing about them is known or looked up. */
export interface PublicActor {
  kind: 'public';
}

export type AnyActor = Actor | ClientActor | PublicActor;

export const isStaff = (actor: { kind: string } | null | undefined): actor is Actor => actor?.kind === 'user' || actor?.kind === 'api_token';

/** Where a request came from, recorded with every audit event. */
export interface RequestOrigin {
  ip: string | null;
}

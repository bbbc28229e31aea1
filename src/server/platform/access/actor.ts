import type { Role } from '../../../shared/roles.ts';

/** Who is acting: a signed-in person or another organisation's system using an API token. */
export interface Actor {
  kind: 'user' | 'api_token';
  id: string;
  name: string;
  role: Role;
  isSupervisor: boolean;
  teamId: string;
  organisationId: string;
  partnershipId: string;
  /** For an API token: whether it may change records. */
  readOnly: boolean;
}

/** Where a request came from, recorded with every audit event. */
export interface RequestOrigin {
  ip: string | null;
}

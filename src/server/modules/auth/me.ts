import type { Me } from '../../../shared/api/auth.ts';
import { permissionsOf } from '../../platform/access/permissions.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Account, TokenCaller } from './queries.ts';

export function presentMe(account: NonNullable<Account>): Me {
  return {
    id: account.id,
    name: account.name,
    kind: 'user',
    email: account.email,
    role: account.role,
    isSupervisor: account.isSupervisor,
    isCoordinator: account.isCoordinator,
    schemeLookUp: account.schemeLookUp,
    schemeStaff: account.schemeStaff,
    organisation: { id: account.organisationId, name: account.organisationName },
    team: { id: account.teamId, name: account.teamName },
    partnership: { id: account.partnershipId, name: account.partnershipName },
    permissions: permissionsOf(account),
    enrolmentRequired: account.totpEnrolledAt === null,
  };
}

/** Another organisation's system, calling with a token: what it acts as, and no authenticator to set up. */
export function presentTokenMe(actor: Actor, token: NonNullable<TokenCaller>): Me {
  return {
    id: actor.id,
    name: actor.name,
    kind: 'api_token',
    email: null,
    role: actor.role,
    isSupervisor: false,
    isCoordinator: false,
    schemeLookUp: false,
    schemeStaff: false,
    organisation: { id: token.organisationId, name: token.organisationName },
    team: { id: token.teamId, name: token.teamName },
    partnership: { id: token.partnershipId, name: token.partnershipName },
    permissions: permissionsOf(actor),
    enrolmentRequired: false,
  };
}

import type { Me } from '../../../shared/api/auth.ts';
import { permissionsOf } from '../../platform/access/permissions.ts';
import type { Account } from './queries.ts';

export function presentMe(account: NonNullable<Account>): Me {
  return {
    id: account.id,
    name: account.name,
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

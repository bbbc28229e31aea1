import type { Role } from '../../../shared/roles.ts';
import { roleLabels } from '../../../shared/roles.ts';
import type { User } from '../../../shared/api/users.ts';
import type { ComparedField } from '../../components/changes.ts';

export const statusLabels: Record<User['status'], string> = {
  invited: 'Invited',
  active: 'Active',
  disabled: 'Disabled',
};

export function roleOptions(roles: Role[]) {
  return roles.map((r) => ({ value: r, label: roleLabels[r] }));
}

export const userLabels = {
  teamId: 'Team',
  name: 'Full name',
  email: 'Email',
  role: 'Role',
  isSupervisor: 'Supervisor',
  isCoordinator: 'Panel coordinator',
  schemeLookUp: 'Scheme look-up (emergency services)',
  jobTitle: 'Job title',
  phone: 'Phone',
  reason: 'Reason',
};

/** A user as the details an administrator can change, for comparing two versions. */
export interface UserValues {
  name: string;
  email: string;
  role: Role;
  isSupervisor: boolean;
  isCoordinator: boolean;
  schemeLookUp: boolean;
  team: string;
  jobTitle: string;
  phone: string;
  status: string;
}

export function userValues(user: User): UserValues {
  return {
    name: user.name,
    email: user.email,
    role: user.role,
    isSupervisor: user.isSupervisor,
    isCoordinator: user.isCoordinator,
    schemeLookUp: user.schemeLookUp,
    team: user.team.name,
    jobTitle: user.jobTitle ?? '',
    phone: user.phone ?? '',
    status: statusLabels[user.status],
  };
}

export const comparedUserFields: ComparedField<UserValues>[] = [
  { key: 'name', label: userLabels.name },
  { key: 'email', label: userLabels.email },
  { key: 'role', label: userLabels.role, show: (r) => roleLabels[r as Role] },
  { key: 'isSupervisor', label: userLabels.isSupervisor },
  { key: 'isCoordinator', label: userLabels.isCoordinator },
  { key: 'schemeLookUp', label: userLabels.schemeLookUp },
  { key: 'team', label: userLabels.teamId },
  { key: 'jobTitle', label: userLabels.jobTitle },
  { key: 'phone', label: userLabels.phone },
  { key: 'status', label: 'Status' },
];

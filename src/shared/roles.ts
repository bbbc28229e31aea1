export const roles = ['system_admin', 'organisation_admin', 'team_admin', 'practitioner', 'read_only'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  system_admin: 'System administrator',
  organisation_admin: 'Organisation administrator',
  team_admin: 'Team administrator',
  practitioner: 'Practitioner',
  read_only: 'Read only',
};

/**
 * The roles an administrator may give: never one above their own reach. Shared so the screen
 * offers only these; the server applies the same rule and has the final say.
 */
export function assignableRoles(role: Role): Role[] {
  switch (role) {
    case 'system_admin':
      return ['system_admin', 'organisation_admin', 'team_admin', 'practitioner', 'read_only'];
    case 'organisation_admin':
      return ['organisation_admin', 'team_admin', 'practitioner', 'read_only'];
    case 'team_admin':
      return ['practitioner', 'read_only'];
    default:
      return [];
  }
}

export const organisationKinds = [
  'police', 'council', 'housing', 'fire', 'probation', 'health', 'education', 'youth', 'victim_services', 'voluntary', 'other',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisationKindLabels: Record<OrganisationKind, string> = {
  police: 'Police',
  council: 'Council',
  housing: 'Housing',
  fire: 'Fire and rescue',
  probation: 'Probation',
  health: 'Health',
  education: 'Education',
  youth: 'Youth services',
  victim_services: 'Victim services',
  voluntary: 'Voluntary sector',
  other: 'Other',
};

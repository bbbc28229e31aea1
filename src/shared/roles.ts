export const roles = ['system_admin', 'organisation_admin', 'team_admin', 'practitioner', 'read_only'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  system_admin: 'System administrator',
  organisation_admin: 'Organisation administrator',
  team_admin: 'Team administrator',
  practitioner: 'Practitioner',
  read_only: 'Read only',
};

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

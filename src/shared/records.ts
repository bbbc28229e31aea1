/**
 * The fixed vocabularies of the shared record: the words practitioners use, the same in the
 * database, the API and the screen. Lists that admins edit (case types, vulnerabilities, warning
 * markers, ethnicities, interventions) are lookups in the database instead; see `lookupLists`.
 */

export const genders = ['female', 'male', 'transgender', 'non_binary', 'prefer_not_to_say', 'not_known'] as const;
export type Gender = (typeof genders)[number];
export const genderLabels: Record<Gender, string> = {
  female: 'Female',
  male: 'Male',
  transgender: 'Transgender',
  non_binary: 'Non-binary',
  prefer_not_to_say: 'Prefer not to say',
  not_known: 'Not known',
};

/** The parts a person plays; one person can hold several, on their profile and in each case. */
export const profileRoles = ['victim', 'perpetrator', 'witness', 'vulnerable_person', 'family_member', 'cardholder', 'other'] as const;
export type ProfileRole = (typeof profileRoles)[number];
export const profileRoleLabels: Record<ProfileRole, string> = {
  victim: 'Victim',
  perpetrator: 'Perpetrator / offender',
  witness: 'Witness',
  vulnerable_person: 'Vulnerable person',
  family_member: 'Family member',
  cardholder: 'Keep Safe cardholder',
  other: 'Other',
};

/** The bands of the ASB Risk Assessment Matrix; null means not yet assessed. */
export const riskLevels = ['standard', 'medium', 'high'] as const;
export type RiskLevel = (typeof riskLevels)[number];
export const riskLevelLabels: Record<RiskLevel, string> = { standard: 'Standard', medium: 'Medium', high: 'High' };

/**
 * A relationship is stored once, from one profile to another, and read from both sides:
 * "A is parent of B" shows on B as "child of A".
 */
export const relationshipKinds = ['parent', 'sibling', 'partner', 'ex_partner', 'associate', 'carer', 'family_member', 'other'] as const;
export type RelationshipKind = (typeof relationshipKinds)[number];
export const relationshipLabels: Record<RelationshipKind, { from: string; to: string }> = {
  parent: { from: 'Parent of', to: 'Child of' },
  sibling: { from: 'Sibling of', to: 'Sibling of' },
  partner: { from: 'Partner of', to: 'Partner of' },
  ex_partner: { from: 'Ex-partner of', to: 'Ex-partner of' },
  associate: { from: 'Associate of', to: 'Associate of' },
  carer: { from: 'Carer of', to: 'Cared for by' },
  family_member: { from: 'Family member of', to: 'Family member of' },
  other: { from: 'Related to', to: 'Related to' },
};

export const caseStatuses = ['open', 'closed', 'archived'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const interventionStatuses = ['proposed', 'issued', 'in_force', 'breached', 'complied', 'expired', 'withdrawn'] as const;
export type InterventionStatus = (typeof interventionStatuses)[number];
export const interventionStatusLabels: Record<InterventionStatus, string> = {
  proposed: 'Proposed',
  issued: 'Issued',
  in_force: 'In force',
  breached: 'Breached',
  complied: 'Complied with',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
};

export const locationKinds = ['home', 'premises', 'public_space', 'business'] as const;
export type LocationKind = (typeof locationKinds)[number];
export const locationKindLabels: Record<LocationKind, string> = {
  home: 'Home',
  premises: 'Premises',
  public_space: 'Public space',
  business: 'Business',
};

/** The three kinds of record that carry an owning team and an access list. */
export const recordKinds = ['profile', 'case', 'location'] as const;
export type RecordKind = (typeof recordKinds)[number];

export const accessLevels = ['view', 'edit'] as const;
export type AccessLevel = (typeof accessLevels)[number];

/**
 * Where a grant on a record's access list came from. The owning team is never listed (it always
 * has edit). Emergency (break-the-glass) and panel grants carry an expiry; any grant may.
 */
export const grantSources = ['share', 'case_type_default', 'access_request', 'panel', 'emergency'] as const;
export type GrantSource = (typeof grantSources)[number];

export const accessRequestStatuses = ['pending', 'approved', 'refused', 'withdrawn'] as const;
export type AccessRequestStatus = (typeof accessRequestStatuses)[number];

/** Admin-editable lists, one set per partnership. */
export const lookupLists = ['case_type', 'vulnerability', 'warning_marker', 'ethnicity', 'intervention', 'report_type'] as const;
export type LookupList = (typeof lookupLists)[number];
export const lookupListLabels: Record<LookupList, string> = {
  case_type: 'Case types',
  vulnerability: 'Vulnerabilities',
  warning_marker: 'Warning markers',
  ethnicity: 'Ethnicities',
  intervention: 'Interventions',
  report_type: 'Report types',
};

/**
 * UK postcodes: outward code, a space, inward code. Normalising means upper case with one
 * space, so "ng1 5ab" and "NG15AB" are the same place. BFPO and GIR 0AA are accepted too.
 */
const postcodePattern = /^(GIR ?0AA|BFPO ?\d{1,4}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/;

export function normalisePostcode(input: string): string | null {
  const compact = input.toUpperCase().replace(/\s+/g, '');
  if (!postcodePattern.test(compact)) return null;
  if (compact.startsWith('BFPO')) return `BFPO ${compact.slice(4)}`;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

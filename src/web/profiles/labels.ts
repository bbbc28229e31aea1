import { profileLabels as sharedProfileLabels } from '../../shared/labels/profiles.ts';
import { genderLabels, profileRoleLabels, riskLevelLabels, type Gender, type ProfileRole, type RiskLevel } from '../../shared/records.ts';

/** Field names in the words on the form, for messages about them. */
export const profileLabels: Record<string, string> = sharedProfileLabels;

export const genderOptions = (Object.keys(genderLabels) as Gender[]).map((value) => ({ value, label: genderLabels[value] }));
export const roleOptions = (Object.keys(profileRoleLabels) as ProfileRole[]).map((value) => ({ value, label: profileRoleLabels[value] }));
export const riskOptions = (Object.keys(riskLevelLabels) as RiskLevel[]).map((value) => ({ value, label: riskLevelLabels[value] }));

export function rolesText(roles: readonly ProfileRole[]): string {
  return roles.length === 0 ? 'None recorded' : roles.map((r) => profileRoleLabels[r]).join(', ');
}

export function fullName(p: { firstName: string; lastName: string }): string {
  return `${p.firstName} ${p.lastName}`;
}

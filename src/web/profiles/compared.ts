import { genderLabels, riskLevelLabels, type Gender, type RiskLevel } from '../../shared/records.ts';
import type { ComparedField } from '../components/changes.ts';
import type { AddressValues, AliasValues, ProfileFormValues } from './form.ts';
import { profileLabels, rolesText } from './labels.ts';

type Field = ComparedField<ProfileFormValues>;

const blank = '(blank)';
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : blank);

/**
 * The profile's fields as the conflict view compares them: lists by their names, in a stable
 * order, so that only real differences show.
 */
export function comparedProfileFields(nameOf: (lookupId: string) => string): Field[] {
  const lookupNames = (v: unknown) => {
    const ids = v as string[];
    return ids.length === 0 ? blank : ids.map(nameOf).sort().join(', ');
  };
  const f = (key: keyof ProfileFormValues, show?: Field['show']): Field => ({ key, label: profileLabels[key]!, show });
  return [
    f('firstName'),
    f('lastName'),
    f('dateOfBirth', text),
    f('approximateAge', text),
    f('gender', (v) => (v ? genderLabels[v as Gender] : blank)),
    f('ethnicity', (v) => (v ? nameOf(v as string) : blank)),
    f('roles', (v) => rolesText(v as ProfileFormValues['roles'])),
    f('reasonCreated'),
    f('warningMarkers', lookupNames),
    f('vulnerabilities', lookupNames),
    f('riskLevel', (v) => (v ? riskLevelLabels[v as RiskLevel] : 'Not assessed')),
    f('keyInformation', text),
    f('phone', text),
    f('email', text),
    f('aliases', (v) => ((v as AliasValues[]).length === 0 ? blank : (v as AliasValues[]).map((a) => `${a.firstName} ${a.lastName}`).join(', '))),
    f('addresses', (v) =>
      (v as AddressValues[]).length === 0
        ? blank
        : (v as AddressValues[]).map((a) => [a.addressLine1, a.town, a.postcode].filter(Boolean).join(', ') + (a.toDate ? ` (to ${a.toDate})` : '')).join('; '),
    ),
  ];
}

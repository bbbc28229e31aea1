import type { Profile } from '../../shared/api/profiles.ts';
import { profileRoles, type Gender, type ProfileRole, type RiskLevel } from '../../shared/records.ts';
import { dateProblem, isoOf } from '../forms/dateParts.ts';

export interface AliasValues {
  firstName: string;
  lastName: string;
}

export interface AddressValues {
  addressLine1: string;
  addressLine2: string;
  town: string;
  postcode: string;
  /** Of an address picked from a postcode lookup, until the address is changed by hand. */
  uprn: string | null;
  fromDate: string;
  toDate: string;
  locationId: string | null;
}

/** Everything the create and edit forms hold, as the inputs hold it (blank is ""). */
export interface ProfileFormValues {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  approximateAge: string;
  gender: Gender | null;
  ethnicity: string | null;
  reasonCreated: string;
  roles: ProfileRole[];
  aliases: AliasValues[];
  phone: string;
  email: string;
  keyInformation: string;
  vulnerabilities: string[];
  warningMarkers: string[];
  riskLevel: RiskLevel | null;
  addresses: AddressValues[];
}

export const emptyAddress: AddressValues = { addressLine1: '', addressLine2: '', town: '', postcode: '', uprn: null, fromDate: '', toDate: '', locationId: null };

export const emptyProfile: ProfileFormValues = {
  firstName: '',
  lastName: '',
  dateOfBirth: '',
  approximateAge: '',
  gender: null,
  ethnicity: null,
  reasonCreated: '',
  roles: [],
  aliases: [],
  phone: '',
  email: '',
  keyInformation: '',
  vulnerabilities: [],
  warningMarkers: [],
  riskLevel: null,
  addresses: [],
};

/** Roles in the order the form lists them, however they were ticked. */
export function orderedRoles(roles: readonly string[]): ProfileRole[] {
  return profileRoles.filter((r) => roles.includes(r));
}

export function profileValues(p: Profile): ProfileFormValues {
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    dateOfBirth: p.dateOfBirth ?? '',
    approximateAge: p.dateOfBirth || p.approximateAge === null ? '' : String(p.approximateAge),
    gender: p.gender,
    ethnicity: p.ethnicity?.id ?? null,
    reasonCreated: p.reasonCreated,
    roles: orderedRoles(p.roles),
    aliases: p.aliases.map((a) => ({ firstName: a.firstName, lastName: a.lastName })),
    phone: p.phone ?? '',
    email: p.email ?? '',
    keyInformation: p.keyInformation ?? '',
    vulnerabilities: p.vulnerabilities.map((v) => v.id),
    warningMarkers: p.warningMarkers.map((m) => m.id),
    riskLevel: p.riskLevel,
    addresses: p.addresses.map((a) => ({
      addressLine1: a.addressLine1,
      addressLine2: a.addressLine2 ?? '',
      town: a.town ?? '',
      postcode: a.postcode ?? '',
      uprn: a.uprn,
      fromDate: a.fromDate ?? '',
      toDate: a.toDate ?? '',
      locationId: a.locationId,
    })),
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** An estimate is only kept while the date of birth is unknown. */
function approximateAge(values: ProfileFormValues): number | null {
  if (values.dateOfBirth || values.approximateAge.trim() === '') return null;
  return Number(values.approximateAge);
}

/** Each field as the API takes it. */
function apiValue<K extends keyof ProfileFormValues>(values: ProfileFormValues, field: K): unknown {
  switch (field) {
    case 'firstName':
    case 'lastName':
    case 'reasonCreated':
      return values[field];
    case 'dateOfBirth':
      return orNull(isoOf(values.dateOfBirth));
    case 'phone':
    case 'email':
    case 'keyInformation':
      return orNull(values[field] as string);
    case 'approximateAge':
      return approximateAge(values);
    case 'addresses':
      return values.addresses.map((a) => ({
        addressLine1: a.addressLine1,
        addressLine2: orNull(a.addressLine2),
        town: orNull(a.town),
        postcode: orNull(a.postcode),
        uprn: a.uprn,
        fromDate: orNull(a.fromDate),
        toDate: orNull(a.toDate),
        locationId: a.locationId,
      }));
    default:
      return values[field];
  }
}

const fields = Object.keys(emptyProfile) as (keyof ProfileFormValues)[];

/** A new profile: every field, blanks as null. */
export function createBody(values: ProfileFormValues): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, apiValue(values, f)]));
}

/** Lists of chosen values compare as sets; lists of names and addresses in order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b) && a.every((x) => typeof x === 'string') && b.every((x) => typeof x === 'string')) {
    return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Only what this person changed, so a save never rewrites what someone else changed meanwhile. */
export function changedFields(loaded: ProfileFormValues, values: ProfileFormValues): (keyof ProfileFormValues)[] {
  return fields.filter((f) => !sameValue(values[f], loaded[f]) || (f === 'approximateAge' && values.dateOfBirth !== loaded.dateOfBirth));
}

export function updateBody(loaded: ProfileFormValues, values: ProfileFormValues, version: number): Record<string, unknown> {
  return { version, ...Object.fromEntries(changedFields(loaded, values).map((f) => [f, apiValue(values, f)])) };
}

/** Their saved record with this person's own changes on top: only the fields this person changed. */
export function mineOnTheirs(loaded: ProfileFormValues, mine: ProfileFormValues, theirs: ProfileFormValues): ProfileFormValues {
  const merged = { ...theirs };
  for (const f of changedFields(loaded, mine)) (merged as Record<string, unknown>)[f] = mine[f];
  return merged;
}

/** Messages that say more than the shared schema can about a date typed in three boxes. */
export function explained(values: ProfileFormValues, labels: Record<string, string>): Record<string, string | null> {
  return { dateOfBirth: dateProblem(values.dateOfBirth, labels.dateOfBirth ?? 'Date of birth') };
}

import {
  genderLabels, profileRoleLabels, riskLevelLabels, type AccessLevel, type Gender, type ProfileRole, type RiskLevel,
} from '../../shared/records.ts';
import { fieldLabel } from '../audit/labels.ts';
import { formatDate, formatDateTime } from '../components/format.ts';
import { levelLabels } from './levels.ts';

/** Field names in the record's own words, where the general rule ("Date of birth") is not enough. */
const labels: Record<string, string> = {
  reasonCreated: 'Reason for creating',
  riskLevel: 'Risk level',
  level: 'Access',
  aliases: 'Other names',
  mergedIntoId: 'Merged into',
  uprn: 'UPRN',
};

export function historyFieldLabel(field: string): string {
  return labels[field] ?? fieldLabel(field);
}

/** Fixed vocabularies are stored by key ("perpetrator"); people read the label. */
const vocabularies: Record<string, Record<string, string>> = {
  roles: profileRoleLabels satisfies Record<ProfileRole, string>,
  riskLevel: riskLevelLabels satisfies Record<RiskLevel, string>,
  gender: genderLabels satisfies Record<Gender, string>,
  level: levelLabels satisfies Record<AccessLevel, string>,
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function named(value: object): string | null {
  const v = value as Record<string, unknown>;
  if (typeof v.name === 'string') return v.name;
  if (typeof v.firstName === 'string' && typeof v.lastName === 'string') return `${v.firstName} ${v.lastName}`;
  if (typeof v.addressLine1 === 'string') return [v.addressLine1, v.town, v.postcode].filter((p) => typeof p === 'string' && p).join(', ');
  return null;
}

function one(field: string, value: unknown): string {
  if (typeof value === 'string') {
    const word = vocabularies[field]?.[value];
    if (word) return word;
    if (isoDate.test(value)) return formatDate(value);
    if (isoTime.test(value)) return formatDateTime(value);
    // Ids mean nothing to a reader; the record they point at is named elsewhere.
    if (uuid.test(value)) return field === 'photo' ? 'A photo' : 'Another record';
    return value;
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object' && value !== null) return named(value) ?? JSON.stringify(value);
  return String(value);
}

/** A before or after value as a person reads it: lists as their names, blanks as "(blank)". */
export function historyValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(blank)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map((item) => one(field, item)).join(', ');
  return one(field, value);
}

import type { AuditNames, NamedKind } from '../../shared/api/audit.ts';
import { caseLabels, caseStatusLabels, interventionLabels } from '../../shared/labels/cases.ts';
import { locationLabels } from '../../shared/labels/locations.ts';
import { profileLabels } from '../../shared/labels/profiles.ts';
import { reportLabels } from '../../shared/labels/reports.ts';
import { taskLabels } from '../../shared/labels/tasks.ts';
import { genderLabels, interventionStatusLabels, locationKindLabels, profileRoleLabels, riskLevelLabels } from '../../shared/records.ts';
import { taskPriorityLabels, taskStatusLabels, visibilityLabels } from '../../shared/work.ts';
import { fieldLabel } from '../audit/labels.ts';
import { formatDate, formatDateTime } from '../components/format.ts';
import { levelLabels } from './levels.ts';

/** A kind of record's field labels, and the words for the fixed vocabularies some fields hold by key. */
interface FieldWords {
  labels: Record<string, string>;
  values: Record<string, Record<string, string>>;
}

const none: FieldWords = { labels: {}, values: {} };

/** By the first word of an audit action: `case.updated` is a case's, `task.changed` a task's. */
const wordsByRecord: Record<string, FieldWords> = {
  profile: { labels: profileLabels, values: { roles: profileRoleLabels, riskLevel: riskLevelLabels, gender: genderLabels } },
  case: { labels: caseLabels, values: { status: caseStatusLabels, role: profileRoleLabels } },
  location: { labels: locationLabels, values: { kind: locationKindLabels } },
  task: { labels: taskLabels, values: { status: taskStatusLabels, priority: taskPriorityLabels } },
  report: { labels: reportLabels, values: { visibility: visibilityLabels } },
  document: { labels: {}, values: { visibility: visibilityLabels } },
  assessment: { labels: {}, values: { visibility: visibilityLabels } },
  record: { labels: { level: 'Access' }, values: { level: levelLabels } },
};
const interventionWords: FieldWords = { labels: interventionLabels, values: { status: interventionStatusLabels } };

function wordsOf(action: string): FieldWords {
  if (action.startsWith('case.intervention_')) return interventionWords;
  return wordsByRecord[action.slice(0, action.indexOf('.'))] ?? none;
}

/** A field of a change as the record's form labels it ("Case type", "Address line 1"). */
export function historyFieldLabel(action: string, field: string): string {
  return wordsOf(action).labels[field] ?? fieldLabel(field);
}

/** What the reader is told of a record they may not open, or of an id no longer in their partnership. */
const unnamed: Record<NamedKind, string> = {
  profile: 'a person you cannot open',
  case: 'a case you cannot open',
  location: 'a location you cannot open',
  action_plan: 'an action plan you cannot open',
  user: 'someone outside this partnership',
  team: 'a team outside this partnership',
  organisation: 'an organisation outside this partnership',
  lookup: 'a list value no longer kept',
};

/** A named id as the reader may read it. */
export function nameOf(named: AuditNames[string]): string {
  return named.name ?? unnamed[named.kind];
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function titled(value: object): string | null {
  const v = value as Record<string, unknown>;
  if (typeof v.name === 'string') return v.name;
  if (typeof v.firstName === 'string' && typeof v.lastName === 'string') return `${v.firstName} ${v.lastName}`;
  if (typeof v.addressLine1 === 'string') return [v.addressLine1, v.town, v.postcode].filter((p) => typeof p === 'string' && p).join(', ');
  return null;
}

function one(words: FieldWords, field: string, value: unknown, names: AuditNames): string {
  if (typeof value === 'string') {
    const word = words.values[field]?.[value];
    if (word) return word;
    if (isoDate.test(value)) return formatDate(value);
    if (isoTime.test(value)) return formatDateTime(value);
    const named = names[value];
    if (named) return nameOf(named);
    if (uuid.test(value)) return field === 'photo' ? 'A photo' : 'Another record';
    return value;
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object' && value !== null) return titled(value) ?? JSON.stringify(value);
  return String(value);
}

/**
 * A before or after value as a person reads it: a vocabulary's key as its word, an id as the name
 * the server gave for it, lists as their names, blanks as "(blank)".
 */
export function historyValue(action: string, field: string, value: unknown, names: AuditNames = {}): string {
  if (isBlank(value)) return Array.isArray(value) ? '(none)' : '(blank)';
  const words = wordsOf(action);
  if (Array.isArray(value)) return value.map((item) => one(words, field, item, names)).join(', ');
  return one(words, field, value, names);
}

export const isBlank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

type Change = { before: unknown; after: unknown };

/** Whether an action made something new, so that it has no "before" to show. */
export const isCreation = (action: string) => /\.created$|\.intervention_added$/.test(action);

/**
 * The rows worth showing of an event's changes: a field blank before and after changed nothing,
 * so a new record lists only the fields that were given.
 */
export function shownChanges(action: string, changes: Record<string, Change> | null): { created: boolean; rows: [string, Change][] } {
  const rows = Object.entries(changes ?? {}).filter(([, c]) => !(isBlank(c.before) && isBlank(c.after)));
  return { created: isCreation(action), rows };
}

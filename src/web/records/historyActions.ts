import type { AuditNames } from '../../shared/api/audit.ts';
import { profileRoleLabels, type ProfileRole, type RecordKind } from '../../shared/records.ts';
import { actionLabel } from '../audit/labels.ts';

const verbs: Record<string, string> = {
  created: 'Created',
  updated: 'Changed details',
  photo_changed: 'Changed the photo',
  relationship_added: 'Added a relationship',
  relationship_removed: 'Removed a relationship',
  merged: 'Merged a duplicate',
  shared: 'Shared',
  unshared: 'Stopped sharing',
  closed: 'Closed the case',
  reopened: 'Reopened the case',
  archived: 'Archived the case',
  profile_linked: 'Linked a person',
  profile_unlinked: 'Unlinked a person',
  location_linked: 'Linked a location',
  location_unlinked: 'Unlinked a location',
  intervention_added: 'Added an intervention',
  intervention_updated: 'Changed an intervention',
};

/** What happened, in a few words: the same for profiles, cases and locations. */
export function historyAction(action: string): string {
  return verbs[action.slice(action.indexOf('.') + 1)] ?? actionLabel(action);
}

function targetName(target: unknown): string | null {
  if (typeof target !== 'object' || target === null) return null;
  const t = target as { team?: { name?: unknown }; organisation?: { name?: unknown } };
  if (typeof t.team?.name === 'string') return t.team.name;
  if (typeof t.organisation?.name === 'string') return `everyone in ${t.organisation.name}`;
  return null;
}

/** Who a sharing change was about ("with Community Safety team"). */
export function sharedWith(entry: { details: Record<string, unknown> | null }): string | null {
  const target = targetName(entry.details?.target);
  return target ? `with ${target}` : null;
}

/** The person or place an entry is about: named only if the reader may open it, with what they are to the record. */
export interface EntrySubject {
  kind: RecordKind;
  id: string;
  name: string | null;
  /** A relationship as read from this record ("Child of"). */
  relationship: string | null;
  /** Their role in the case, in words ("Victim"). */
  role: string | null;
}

export const roleWord = (role: unknown) => (typeof role === 'string' ? (profileRoleLabels[role as ProfileRole] ?? role) : null);

/** The details that point at a person or place: who a relationship is with, who or what was linked, which duplicate was merged. */
const subjectFields: [string, RecordKind][] = [['otherProfileId', 'profile'], ['profileId', 'profile'], ['locationId', 'location'], ['duplicateId', 'profile']];

export function subjectOf(entry: { details: Record<string, unknown> | null; names: AuditNames }): EntrySubject | null {
  const details = entry.details ?? {};
  for (const [field, kind] of subjectFields) {
    const id = details[field];
    if (typeof id !== 'string') continue;
    const relationship = field === 'otherProfileId' && typeof details.label === 'string' ? details.label : null;
    return { kind, id, name: entry.names[id]?.name ?? null, relationship, role: roleWord(details.role) };
  }
  return null;
}

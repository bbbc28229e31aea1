import { actionLabel } from '../audit/labels.ts';
import type { HistoryEntry } from '../../shared/api/records.ts';

const verbs: Record<string, string> = {
  created: 'Created',
  updated: 'Changed details',
  photo_changed: 'Changed the photo',
  relationship_added: 'Added a relationship',
  relationship_removed: 'Removed a relationship',
  merged: 'Merged a duplicate',
  shared: 'Shared',
  unshared: 'Stopped sharing',
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
export function sharedWith(entry: HistoryEntry): string | null {
  const target = targetName(entry.details?.target);
  return target ? `with ${target}` : null;
}

/** A relationship's kind as read from this record ("Child of") and the other profile's id. */
export function relationshipOf(entry: HistoryEntry): { label: string; otherProfileId: string | null } | null {
  const details = entry.details ?? {};
  if (typeof details.label !== 'string') return null;
  return { label: details.label, otherProfileId: typeof details.otherProfileId === 'string' ? details.otherProfileId : null };
}

import { useQuery } from '@tanstack/react-query';
import { lookupListReply, type Lookup } from '../../shared/api/records.ts';
import type { LookupList } from '../../shared/records.ts';
import { get, withQuery } from '../api/client.ts';
import { recordKeys } from './keys.ts';

/**
 * The values of one of the partnership's admin-edited lists. Retired values are left out of new
 * choices; forms that edit a record ask for them too, so a value already on it still has its name.
 */
export function useLookups(list: LookupList, { includeRetired = false } = {}) {
  return useQuery({
    queryKey: recordKeys.lookups(list, includeRetired),
    queryFn: () => get(withQuery('/lookups', { list, includeRetired: includeRetired || undefined }), lookupListReply),
    staleTime: 5 * 60_000,
  });
}

interface Option {
  value: string;
  label: string;
}

/**
 * Choices for a select: the active values, plus any retired one already chosen (so it is not
 * silently dropped), grouped under their group names when the list has them (ethnicities).
 */
export function lookupOptions(items: Lookup[], chosen: readonly string[] = []): (Option | { group: string; items: Option[] })[] {
  const shown = items.filter((l) => l.active || chosen.includes(l.id));
  const option = (l: Lookup): Option => ({ value: l.id, label: l.active ? l.name : `${l.name} (retired)` });
  if (!shown.some((l) => l.groupName)) return shown.map(option);
  const groups = new Map<string, Option[]>();
  for (const l of shown) {
    const group = l.groupName ?? 'Other';
    groups.set(group, [...(groups.get(group) ?? []), option(l)]);
  }
  return [...groups].map(([group, options]) => ({ group, items: options }));
}

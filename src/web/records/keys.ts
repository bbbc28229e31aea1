import type { LookupList } from '../../shared/records.ts';
import type { RecordPath } from './kinds.ts';

/**
 * Query keys for what every kind of record shares. They start with the record's path ("profiles"),
 * so a live update about a kind refreshes its sharing and history along with the record.
 */
export const recordKeys = {
  access: (kind: RecordPath, id: string) => [kind, 'access', id] as const,
  history: (kind: RecordPath, id: string) => [kind, 'history', id] as const,
  lookups: (list: LookupList, includeRetired: boolean) => ['lookups', list, { includeRetired }] as const,
};

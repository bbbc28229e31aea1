import type { RecordKind } from '../../shared/records.ts';

/** Under "search", so a change to any record can refresh every open result list with one prefix. */
export const searchKeys = {
  results: (q: string, kind: RecordKind | null) => ['search', { q, kind }] as const,
  reports: (q: string) => ['search', 'reports', q] as const,
};

import type { RecordPath } from '../records/kinds.ts';
import type { TimelineFilters } from './filters.ts';

/**
 * A timeline's keys start with 'timeline' and a report's with 'reports', so a live update that a
 * record's timeline changed refetches both (see useLiveUpdates).
 */
export const timelineKeys = {
  record: (kind: RecordPath, id: string) => ['timeline', kind, id] as const,
  page: (kind: RecordPath, id: string, filters: TimelineFilters) => ['timeline', kind, id, filters] as const,
  report: (id: string) => ['reports', id] as const,
  versions: (id: string) => ['reports', id, 'versions'] as const,
};

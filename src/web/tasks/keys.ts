import type { Query } from '../api/client.ts';
import type { RecordPath } from '../records/kinds.ts';

/** Every key starts with "tasks" or "action-plans", so a live task change refreshes them all. */
export const taskKeys = {
  list: (query: Query) => ['tasks', 'list', query] as const,
  record: (kind: RecordPath, id: string, query: Query) => ['tasks', 'record', kind, id, query] as const,
  one: (id: string) => ['tasks', 'one', id] as const,
};

export const actionPlanKeys = {
  ofCase: (caseId: string) => ['action-plans', caseId] as const,
};

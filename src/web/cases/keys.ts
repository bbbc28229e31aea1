import type { Query } from '../api/client.ts';

/** Every key starts with "cases", so one live update about a case refreshes them all. */
export const caseKeys = {
  list: (query: Query) => ['cases', 'list', query] as const,
  one: (id: string) => ['cases', 'one', id] as const,
};

import type { Query } from '../api/client.ts';

/** Every key starts with "locations", so one live update about a location refreshes them all. */
export const locationKeys = {
  list: (query: Query) => ['locations', 'list', query] as const,
  one: (id: string) => ['locations', 'one', id] as const,
  matches: (query: Query) => ['locations', 'matches', query] as const,
};

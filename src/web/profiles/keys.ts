import type { Query } from '../api/client.ts';

/** Query keys of the profiles area; all start with "profiles" so `profile.changed` refreshes them. */
export const profileKeys = {
  list: (query: Query) => ['profiles', 'list', query] as const,
  one: (id: string) => ['profiles', 'one', id] as const,
  matches: (query: Query) => ['profiles', 'matches', query] as const,
  /** A person's cases belong to the cases area's cache, refreshed by `case.changed`. */
  cases: (profileId: string) => ['cases', 'for-profile', profileId] as const,
};

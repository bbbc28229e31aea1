import type { Query } from '../api/client.ts';

/**
 * Query keys: who looked at a person starts with "profiles", so `profile.changed` refreshes it;
 * the review queue with "emergency-access".
 */
export const privacyKeys = {
  viewers: (profileId: string, query: Query) => ['profiles', 'viewers', profileId, query] as const,
  recentViewers: (profileId: string) => ['profiles', 'recent-viewers', profileId] as const,
  emergencyState: (profileId: string) => ['profiles', 'emergency-access', profileId] as const,
  queue: (query: Query) => ['emergency-access', query] as const,
};

/**
 * Query keys of victim care. A person's start with "profiles", so `profile.changed` refreshes them
 * as well as `victim_care.changed`.
 */
export const victimCareKeys = {
  profile: (profileId: string) => ['profiles', 'victim-care', profileId] as const,
  contacts: (profileId: string) => ['profiles', 'victim-contacts', profileId] as const,
  settings: ['victim-care-settings'] as const,
  triggers: ['community-triggers'] as const,
  review: (id: string) => ['case-reviews', id] as const,
};

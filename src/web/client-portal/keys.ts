/**
 * Query keys of the portal on a profile. Those starting with "profiles" are refreshed by
 * `profile.changed`; the conversation by `message.sent` and `messages.read`, so that a message
 * arriving does not reload the rest of the profile.
 */
export const portalKeys = {
  access: (profileId: string) => ['profiles', 'portal', profileId] as const,
  safetyPlan: (profileId: string) => ['profiles', 'safety-plan', profileId] as const,
  appointments: (profileId: string) => ['profiles', 'appointments', profileId] as const,
  items: (profileId: string) => ['profiles', 'portal-items', profileId] as const,
  messages: (profileId: string) => ['portal-messages', profileId] as const,
  settings: ['portal-settings'] as const,
};

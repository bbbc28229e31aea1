/** The home page gathers many lists; its one key is refreshed by the live changes to any of them. */
export const homeKeys = {
  day: ['home'] as const,
};

/** The supervisor's view of one team; refreshed after each hand-over. */
export const supervisionKeys = {
  all: ['supervision'] as const,
  team: (teamId: string | null) => ['supervision', teamId ?? 'own'] as const,
};

import type { Query } from '../api/client.ts';

/** Query keys of the dashboards; figures are read again on each visit, never kept between filters. */
export const insightKeys = {
  overview: (filters: Query) => ['insights', 'overview', filters] as const,
  hotspots: (filters: Query) => ['insights', 'hotspots', filters] as const,
  settings: ['insight-settings'] as const,
};

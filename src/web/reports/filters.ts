import type { Query } from '../api/client.ts';

export interface TimelineFilters {
  reportTypeId: string;
  organisationId: string;
  from: string;
  to: string;
  includeLinked: boolean;
}

export const noFilters: TimelineFilters = { reportTypeId: '', organisationId: '', from: '', to: '', includeLinked: false };

/** The timeline's query: empty filters are left out, and dates are London days as the API takes them. */
export function timelineQuery(filters: TimelineFilters): Query {
  return {
    limit: 20,
    reportTypeIds: filters.reportTypeId || undefined,
    organisationId: filters.organisationId || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    includeLinked: filters.includeLinked || undefined,
  };
}

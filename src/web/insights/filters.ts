import { useSearchParams } from 'react-router';
import type { InsightRange } from '../../shared/api/insights.ts';
import { insightScopeLabels } from '../../shared/insights.ts';
import { withQuery } from '../api/client.ts';
import { formatDate } from '../components/format.ts';

/** A dashboard's filters as its address holds them: one search parameter each, absent when not set. */
export type Filters = Record<string, string | undefined>;

/** The area and period every dashboard takes (`insightQuery`). */
export const areaFilters = ['from', 'to', 'teamId', 'organisationId', 'postcodeDistrict'] as const;

export const filterLabels: Record<string, string> = {
  from: 'From',
  to: 'To',
  teamId: 'Team',
  organisationId: 'Organisation',
  postcodeDistrict: 'Postcode district',
  role: 'Role',
  reportType: 'Report type',
};

/**
 * The filters in the address, kept there so a link or a reload shows the same figures, and a
 * way to replace them all at once when the form is submitted.
 */
export function useFilters(names: readonly string[], defaults: Filters = {}) {
  const [params, setParams] = useSearchParams();
  const filters: Filters = {};
  for (const name of names) filters[name] = params.get(name) ?? defaults[name];
  const apply = (next: Filters) => {
    const search = new URLSearchParams();
    for (const name of names) {
      const value = next[name];
      if (value && value !== defaults[name]) search.set(name, value);
    }
    setParams(search, { replace: true });
  };
  return { filters, apply, signature: params.toString() };
}

/** Another dashboard's address over the same period and area. */
export const sameArea = (path: string, filters: Filters) => withQuery(path, Object.fromEntries(areaFilters.map((name) => [name, filters[name]])));

const day = (iso: string) => formatDate(`${iso}T12:00:00Z`);

/** What the figures count, in words: "Counted over the whole partnership, from 8 Dec 2025 to 7 Dec 2026, …". */
export function rangeWords(range: InsightRange): string {
  const parts = [`Counted over ${insightScopeLabels[range.scope]}`, `from ${day(range.from)} to ${day(range.to)}`];
  if (range.organisation) parts.push(`records of ${range.organisation.name}`);
  if (range.team) parts.push(`records of ${range.team.name}`);
  if (range.postcodeDistrict) parts.push(`in postcode district ${range.postcodeDistrict}`);
  return `${parts.join(', ')}.`;
}

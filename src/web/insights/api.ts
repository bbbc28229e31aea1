import { useQuery } from '@tanstack/react-query';
import { hotspots, insightSettings, overview } from '../../shared/api/insights.ts';
import type { HotspotTable, OverviewTable } from '../../shared/insights.ts';
import { get, withQuery } from '../api/client.ts';
import type { Filters } from './filters.ts';
import { insightKeys } from './keys.ts';

export function useOverview(filters: Filters) {
  return useQuery({ queryKey: insightKeys.overview(filters), queryFn: () => get(withQuery('/insights/overview', filters), overview) });
}

export function useHotspots(filters: Filters) {
  return useQuery({ queryKey: insightKeys.hotspots(filters), queryFn: () => get(withQuery('/insights/hotspots', filters), hotspots) });
}

export function useInsightSettings() {
  return useQuery({ queryKey: insightKeys.settings, queryFn: () => get('/insights/settings', insightSettings) });
}

// Exports are fetched by the browser itself, so they arrive as downloads with the session cookie;
// the server audits each one with what it held.
export const overviewCsvHref = (table: OverviewTable, filters: Filters) => `/api/v1${withQuery('/insights/overview.csv', { ...filters, table })}`;
export const overviewXlsxHref = (filters: Filters) => `/api/v1${withQuery('/insights/overview.xlsx', filters)}`;
export const hotspotsCsvHref = (table: HotspotTable, filters: Filters) => `/api/v1${withQuery('/insights/hotspots.csv', { ...filters, table })}`;
export const hotspotsXlsxHref = (filters: Filters) => `/api/v1${withQuery('/insights/hotspots.xlsx', filters)}`;

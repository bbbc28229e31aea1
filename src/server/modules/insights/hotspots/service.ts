import type { z } from 'zod';
import type { hotspotExportQuery, HotspotQuery, Hotspots } from '../../../../shared/api/insights.ts';
import { hotspotTables, type ExportFormat, type HotspotTable } from '../../../../shared/insights.ts';
import type { Context } from '../../../platform/context.ts';
import { findLookupForFilter } from '../../lookups/service.ts';
import { auditedFilters, resolveRange, type ResolvedRange } from '../range.ts';
import { partnershipName } from '../queries.ts';
import * as q from './queries.ts';

/** Every place and person a reply named, as its audit event keeps them. */
const namedIn = (hotspots: Hotspots) => [
  ...hotspots.locations.map((l) => ({ kind: 'location' as const, id: l.location.id })),
  ...hotspots.callers.map((c) => ({ kind: 'profile' as const, id: c.profile.id })),
];

const address = (row: q.PlaceRow) => [row.address_line1, row.address_line2, row.town].filter(Boolean).join(', ');

/**
 * Places weighed by reports and cases, and the people most reported on, for the range and area.
 * A report type narrows both (a retired one still finds the reports that have it); without one,
 * places count every report and people only ASB complaints.
 */
async function countHotspots(ctx: Context, query: HotspotQuery): Promise<{ range: ResolvedRange; hotspots: Hotspots }> {
  const range = await resolveRange(ctx, query);
  const type = query.reportType ? await findLookupForFilter(ctx, 'report_type', query.reportType, 'reportType') : null;
  const places = await q.places(ctx.tx, ctx.actor, range, type?.id ?? null, query.limit);
  const callers = await q.callers(ctx.tx, ctx.actor, range, type?.id ?? null, query.limit);
  const hotspots: Hotspots = {
    range: { scope: range.scope, from: range.from, to: range.to, team: range.team, organisation: range.organisation, postcodeDistrict: range.postcodeDistrict },
    reportType: type ? { id: type.id, key: type.key, name: type.name } : null,
    locations: places.top.map((p) => ({
      location: { id: p.id, name: p.name, address: address(p), postcode: p.postcode, latitude: p.latitude, longitude: p.longitude },
      reports: p.reports,
      cases: p.cases,
      weight: p.reports + p.cases,
    })),
    callers: callers.top.map((c) => ({
      profile: { id: c.id, name: c.name, dateOfBirth: c.date_of_birth },
      reports: c.reports,
      lastReportAt: c.last_report_at,
    })),
    hidden: { locations: places.hidden_locations, locationReports: places.hidden_reports, callers: callers.hidden_callers, callerReports: callers.hidden_reports },
  };
  return { range, hotspots };
}

const filtersOf = (range: ResolvedRange, hotspots: Hotspots, query: HotspotQuery) => auditedFilters(range, { reportType: hotspots.reportType?.id ?? null, limit: query.limit });

export async function getHotspots(ctx: Context, query: HotspotQuery): Promise<Hotspots> {
  const { range, hotspots } = await countHotspots(ctx, query);
  ctx.audit({ action: 'insights.viewed', details: { view: 'hotspots', scope: range.scope, filters: filtersOf(range, hotspots, query), records: namedIn(hotspots) } });
  return hotspots;
}

export interface HotspotExport {
  hotspots: Hotspots;
  range: ResolvedRange;
  /** The tables the file holds: one for a CSV, both for a workbook. */
  tables: HotspotTable[];
  partnershipName: string;
  generatedBy: string;
  generatedAt: Date;
}

/**
 * The hotspots for a file, counted once so the file holds what the screen shows; the export is
 * audited with its format, its tables and the places and people they name.
 */
export async function exportHotspots(ctx: Context, query: z.infer<typeof hotspotExportQuery>, format: ExportFormat): Promise<HotspotExport> {
  const { table, ...asked } = query;
  const { range, hotspots } = await countHotspots(ctx, asked);
  const tables = format === 'csv' ? [table ?? 'locations'] : [...hotspotTables];
  const shown = { ...hotspots, locations: tables.includes('locations') ? hotspots.locations : [], callers: tables.includes('callers') ? hotspots.callers : [] };
  ctx.audit({
    action: 'insights.exported',
    details: { view: 'hotspots', scope: range.scope, format, tables, filters: filtersOf(range, hotspots, asked), records: namedIn(shown) },
  });
  return {
    hotspots,
    range,
    tables,
    partnershipName: await partnershipName(ctx.tx, ctx.actor.partnershipId),
    generatedBy: ctx.actor.name,
    generatedAt: new Date(),
  };
}

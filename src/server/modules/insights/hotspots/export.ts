import type { Hotspots } from '../../../../shared/api/insights.ts';
import { hotspotTableLabels, protectiveMarking, type HotspotTable } from '../../../../shared/insights.ts';
import { tableCsv, tablesXlsx, xlsxType, type ExportTable } from '../../../platform/spreadsheet.ts';
import { rangeLines } from '../range.ts';
import type { HotspotExport } from './service.ts';

export interface HotspotFile {
  fileName: string;
  contentType: string;
  body: string | Buffer;
}

/** Both tables, from the reply itself, so a file never differs from the screen. */
export function hotspotExportTables(h: Hotspots): Record<HotspotTable, ExportTable> {
  return {
    locations: {
      title: hotspotTableLabels.locations,
      columns: ['Place', 'Address', 'Postcode', 'Reports', 'Cases', 'Weight', 'Latitude', 'Longitude'],
      rows: h.locations.map((l) => [l.location.name, l.location.address, l.location.postcode, l.reports, l.cases, l.weight, l.location.latitude, l.location.longitude]),
    },
    callers: {
      title: hotspotTableLabels.callers,
      columns: ['Name', 'Date of birth', 'Reports', 'Latest report'],
      rows: h.callers.map((c) => [c.profile.name, c.profile.dateOfBirth, c.reports, c.lastReportAt]),
    },
  };
}

/** One table as a CSV file named by the table and the period. */
export function hotspotsCsv(exported: HotspotExport): HotspotFile {
  const key = exported.tables[0]!;
  return {
    fileName: `concord-hotspots-${key}-${exported.range.from}-to-${exported.range.to}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: tableCsv(hotspotExportTables(exported.hotspots)[key], protectiveMarking),
  };
}

const londonTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });

/** What the figures leave out, in words: counted at places and people the reader may not open. */
function hiddenLines(h: Hotspots): string[] {
  const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lines: string[] = [];
  if (h.hidden.locations > 0) lines.push(`Not listed: ${counted(h.hidden.locations, 'place', 'places')} you may not open, with ${counted(h.hidden.locationReports, 'report', 'reports')}`);
  if (h.hidden.callers > 0) lines.push(`Not listed: ${counted(h.hidden.callers, 'person', 'people')} you may not open, with ${counted(h.hidden.callerReports, 'report', 'reports')}`);
  return lines;
}

/** Both tables as sheets, after an "About" sheet saying what was counted, over what, when and for whom. */
export async function hotspotsXlsx(exported: HotspotExport): Promise<HotspotFile> {
  const tables = hotspotExportTables(exported.hotspots);
  const lines = [
    ...rangeLines(exported.range, exported.partnershipName),
    `Report type: ${exported.hotspots.reportType?.name ?? 'every type for places, ASB complaints for people'}`,
    ...hiddenLines(exported.hotspots),
    `Generated ${londonTime.format(exported.generatedAt)} by ${exported.generatedBy}`,
  ];
  return {
    fileName: `concord-hotspots-${exported.range.from}-to-${exported.range.to}.xlsx`,
    contentType: xlsxType,
    body: await tablesXlsx({ title: 'Concord hotspots', lines, marking: protectiveMarking }, exported.tables.map((key) => tables[key])),
  };
}

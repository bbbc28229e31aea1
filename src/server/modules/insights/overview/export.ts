import type { Overview } from '../../../../shared/api/insights.ts';
import { overviewTableLabels, protectiveMarking, type OverviewTable } from '../../../../shared/insights.ts';
import { profileRoleLabels, riskLevelLabels, type ProfileRole, type RiskLevel } from '../../../../shared/records.ts';
import { tableCsv, tablesXlsx, xlsxType, type ExportTable } from '../../../platform/spreadsheet.ts';
import { rangeLines } from '../range.ts';
import type { OverviewExport } from './service.ts';

export interface OverviewFile {
  fileName: string;
  contentType: string;
  body: string | Buffer;
}

const levelName = (level: RiskLevel | null) => (level ? riskLevelLabels[level] : 'Not assessed');

/** Every table of the dashboard, from the reply itself, so a file never differs from the screen. */
export function overviewExportTables(o: Overview, role: ProfileRole | null): Record<OverviewTable, ExportTable> {
  const people = role ? `People (${profileRoleLabels[role]})` : 'People';
  const table = (key: OverviewTable, columns: string[], rows: ExportTable['rows']): ExportTable => ({ title: overviewTableLabels[key], columns, rows });
  return {
    summary: table('summary', ['Figure', 'Count'], [
      ['People recorded', o.profiles],
      ['Victims recorded', o.victims],
      ['Perpetrators recorded', o.perpetrators],
      ['Cases opened', o.cases],
      ['Cases open at the end', o.openCases],
      ['Repeat victims', o.repeatVictims],
      ['Risk level up to high', o.riskMovement.up],
      ['Risk level down from high', o.riskMovement.down],
    ]),
    'cases-by-type': table('cases-by-type', ['Case type', 'Opened', 'Closed', 'Open at the end'], o.casesByType.map((c) => [c.caseType.name, c.opened, c.closed, c.open])),
    'risk-movement': table('risk-movement', ['From', 'To', 'Changes'], o.riskChanges.map((c) => [levelName(c.from), levelName(c.to), c.count])),
    vulnerabilities: table('vulnerabilities', ['Vulnerability', people], o.vulnerabilities.map((v) => [v.label, v.count])),
    'age-bands': table('age-bands', ['Age band', people], o.ageBands.map((a) => [a.label, a.count])),
    genders: table('genders', ['Gender', people], o.genders.map((g) => [g.label, g.count])),
    ethnicities: table('ethnicities', ['Ethnicity', 'Ethnic group', people], o.ethnicities.map((e) => [e.label, e.group, e.count])),
    tasks: table('tasks', ['Tasks', 'Count'], [
      ['Due in the period', o.tasks.due],
      ['Completed on time', o.tasks.completedOnTime],
      ['Completed late', o.tasks.completedLate],
      ['Still open', o.tasks.stillOpen],
    ]),
    assessments: table('assessments', ['Assessment', 'Band', 'Assessments'], o.assessmentsByBand.map((a) => [a.template.name, a.band, a.count])),
  };
}

/** One table as a CSV file named by the table and the period. */
export function overviewCsv(exported: OverviewExport): OverviewFile {
  const key = exported.tables[0]!;
  return {
    fileName: `concord-${key}-${exported.range.from}-to-${exported.range.to}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: tableCsv(overviewExportTables(exported.overview, exported.role)[key], protectiveMarking),
  };
}

const londonTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });

/** Every table as a sheet, after an "About" sheet saying what was counted, over what, when and for whom. */
export async function overviewXlsx(exported: OverviewExport): Promise<OverviewFile> {
  const tables = overviewExportTables(exported.overview, exported.role);
  const lines = [
    ...rangeLines(exported.range, exported.partnershipName),
    `Breakdowns of people: ${exported.role ? profileRoleLabels[exported.role] : 'every role'}`,
    `Generated ${londonTime.format(exported.generatedAt)} by ${exported.generatedBy}`,
  ];
  return {
    fileName: `concord-dashboard-${exported.range.from}-to-${exported.range.to}.xlsx`,
    contentType: xlsxType,
    body: await tablesXlsx({ title: 'Concord dashboard', lines, marking: protectiveMarking }, exported.tables.map((key) => tables[key])),
  };
}

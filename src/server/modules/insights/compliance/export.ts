import type { z } from 'zod';
import type { ComplianceGap, complianceExportQuery, complianceQuery } from '../../../../shared/api/insights.ts';
import { complianceCheckLabels, complianceCheckPopulations, complianceChecks, protectiveMarking, type ComplianceCheck } from '../../../../shared/insights.ts';
import { profileRoleLabels, riskLevelLabels } from '../../../../shared/records.ts';
import { insightScopeOf } from '../../../platform/access/insights.ts';
import type { Context } from '../../../platform/context.ts';
import { londonToday } from '../../../platform/london.ts';
import { tableCsv, tablesXlsx, type ExportTable } from '../../../platform/spreadsheet.ts';
import { partnershipName } from '../queries.ts';
import * as q from './queries.ts';
import { missingSharesOf, monitoredTeam, presentGap, profileRefs, teamSubject, type Team } from './service.ts';

const londonDateTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Excel cuts a sheet's name at 31 characters, which would cut this label mid-word. */
const titleOf = (check: ComplianceCheck) => (check === 'not-shared' ? 'Not shared as expected' : complianceCheckLabels[check]);

const missingWords = (shares: ComplianceGap['missingShares']) => shares
  .map((s) => `${s.team ? `${s.organisation.name} / ${s.team.name}` : s.organisation.name}: ${s.level}${s.holds ? ` (holds ${s.holds})` : ''}`)
  .join('; ');

/** Each check's own column: what a supervisor reads to put the gap right. */
const details: Record<ComplianceCheck, { heading: string; value: (gap: ComplianceGap) => string }> = {
  'no-reason': { heading: 'Last updated', value: (g) => londonToday(new Date(g.lastUpdatedAt!)) },
  'no-risk-assessment': { heading: 'Matrix asked for by a VICTIM screening on', value: (g) => (g.requirementRaisedAt ? londonToday(new Date(g.requirementRaisedAt)) : 'No matrix completed') },
  'not-shared': { heading: 'Missing shares', value: (g) => missingWords(g.missingShares) },
  'not-updated': { heading: 'Last updated', value: (g) => londonToday(new Date(g.lastUpdatedAt!)) },
  'contact-overdue': { heading: 'Contact due', value: (g) => g.nextContactDue ?? '' },
  'no-lawful-basis': { heading: 'Last updated', value: (g) => londonToday(new Date(g.lastUpdatedAt!)) },
  'basis-review-overdue': { heading: 'Review was due', value: (g) => g.basisReviewOn ?? '' },
};

/** The failing profiles of a check the reader may open, all of them, as a table. */
async function gapTable(ctx: Context, team: Team, monitored: q.Monitored, check: ComplianceCheck): Promise<{ table: ExportTable; profileIds: string[]; hidden: number }> {
  const { rows, hidden } = await q.failing(ctx.tx, ctx.actor, monitored, check, { after: null, limit: null });
  const shares = await missingSharesOf(ctx, check, rows, team);
  const gaps = rows.map((r) => presentGap(ctx.actor, check, r, shares));
  return {
    table: {
      title: titleOf(check),
      columns: ['Name', 'Date of birth', 'Roles', 'Risk level', details[check].heading],
      rows: gaps.map((g) => [
        g.profile.name,
        g.profile.dateOfBirth,
        g.profile.roles.map((r) => profileRoleLabels[r]).join(', '),
        g.profile.riskLevel ? riskLevelLabels[g.profile.riskLevel] : null,
        details[check].value(g),
      ]),
    },
    profileIds: gaps.map((g) => g.profile.id),
    hidden,
  };
}

type Figures = Map<ComplianceCheck, q.CheckFigures>;

function summaryTable(figures: Figures): ExportTable {
  return {
    title: 'Summary',
    columns: ['Check', 'Label', 'Failing', 'Out of', 'Percentage'],
    rows: complianceChecks.map((check) => {
      const { count, of } = figures.get(check)!;
      return [check, `${complianceCheckLabels[check]} (${complianceCheckPopulations[check]})`, count, of, of === 0 ? null : Math.round((count / of) * 1000) / 10];
    }),
  };
}

function exported(ctx: Context, team: Team, entry: { view: 'compliance' | 'compliance_list'; format: 'csv' | 'xlsx'; tables: string[]; check?: ComplianceCheck; profileIds: string[] }) {
  ctx.audit({
    action: 'insights.exported',
    ...teamSubject(team),
    details: {
      view: entry.view,
      scope: insightScopeOf(ctx.actor),
      format: entry.format,
      tables: entry.tables,
      filters: entry.check ? { teamId: team.id, check: entry.check } : { teamId: team.id },
      records: profileRefs(entry.profileIds),
    },
  });
}

/**
 * The team's compliance as a workbook: what it is, the summary, and a sheet per check listing the
 * failing profiles the reader may open. Those they may not open are counted, and said to be.
 */
export async function complianceXlsx(ctx: Context, query: z.infer<typeof complianceQuery>): Promise<Buffer> {
  const { team, monitored } = await monitoredTeam(ctx, query.teamId);
  const figures = await q.figures(ctx.tx, ctx.actor, monitored, complianceChecks, 0);
  const lists = [];
  for (const check of complianceChecks) lists.push({ check, ...(await gapTable(ctx, team, monitored, check)) });
  const unlisted = lists.flatMap(({ check, hidden }) => (hidden > 0 ? [`${complianceCheckLabels[check]}: ${hidden} more failing that you may not open, counted but not listed`] : []));
  const body = await tablesXlsx({
    title: `Compliance of ${team.name}, ${team.organisationName}`,
    marking: protectiveMarking,
    lines: [
      `Partnership: ${await partnershipName(ctx.tx, team.partnershipId)}`,
      `Team: ${team.name}, ${team.organisationName}`,
      `As at: ${londonDateTime.format(new Date())}`,
      `Not updated in time: nothing recorded for ${monitored.staleAfterDays} days`,
      'The figures count every profile the team owns; the lists name only the profiles you may open.',
      ...unlisted,
    ],
  }, [summaryTable(figures), ...lists.map((l) => l.table)]);
  exported(ctx, team, { view: 'compliance', format: 'xlsx', tables: ['summary', ...complianceChecks], profileIds: lists.flatMap((l) => l.profileIds) });
  return body;
}

/** The summary as CSV, or with `check` that check's list of the failing profiles the reader may open. */
export async function complianceCsv(ctx: Context, query: z.infer<typeof complianceExportQuery>): Promise<{ csv: string; fileName: string }> {
  const { team, monitored } = await monitoredTeam(ctx, query.teamId);
  if (!query.check) {
    const figures = await q.figures(ctx.tx, ctx.actor, monitored, complianceChecks, 0);
    exported(ctx, team, { view: 'compliance', format: 'csv', tables: ['summary'], profileIds: [] });
    return { csv: tableCsv(summaryTable(figures), protectiveMarking), fileName: 'compliance.csv' };
  }
  const { table, profileIds } = await gapTable(ctx, team, monitored, query.check);
  exported(ctx, team, { view: 'compliance_list', format: 'csv', tables: [query.check], check: query.check, profileIds });
  return { csv: tableCsv(table, protectiveMarking), fileName: `compliance-${query.check}.csv` };
}

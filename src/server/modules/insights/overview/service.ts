import type { z } from 'zod';
import type { Band } from '../../../../shared/api/assessments.ts';
import type { Overview, overviewExportQuery, OverviewQuery } from '../../../../shared/api/insights.ts';
import { bandFor, finalScore } from '../../../../shared/assessment-engine.ts';
import { ageBandLabels, ageBands, overviewTables, type ExportFormat, type OverviewTable } from '../../../../shared/insights.ts';
import { genderLabels, genders, type ProfileRole } from '../../../../shared/records.ts';
import type { Context } from '../../../platform/context.ts';
import { auditedFilters, resolveRange, type ResolvedRange } from '../range.ts';
import { settingsOf } from '../settings.ts';
import { partnershipName } from '../queries.ts';
import * as q from './queries.ts';

/** What a breakdown calls people with nothing recorded. */
const notRecorded = 'Not recorded';
/** The band of an assessment whose template has no bands, or whose score falls in none. */
const noBand = 'No band';
/** The band of assessments counted whose visibility keeps their scores from the reader. */
const bandNotShown = 'Not shown';

/** Where a band sorts within its template: lowest first, then no band, then those not shown. */
const rankOf = (band: Band | null, readable: boolean) => (band ? band.min : readable ? Number.MAX_SAFE_INTEGER : Number.POSITIVE_INFINITY);

function assessmentsByBand(rows: q.AssessmentCounts[]): Overview['assessmentsByBand'] {
  const counted = new Map<string, Overview['assessmentsByBand'][number] & { rank: number }>();
  for (const r of rows) {
    const band = r.readable
      ? bandFor({ bands: r.bands ?? [] }, finalScore({ score: r.score, adjustedScore: r.adjusted_score, adjustmentStatus: r.adjustment_status }))
      : null;
    const label = r.readable ? band?.label ?? noBand : bandNotShown;
    const key = `${r.template_id}\n${label}`;
    const entry = counted.get(key) ?? { template: { id: r.template_id, name: r.template_name }, band: label, count: 0, rank: rankOf(band, r.readable) };
    entry.count += r.count;
    counted.set(key, entry);
  }
  return [...counted.values()]
    .sort((a, b) => a.template.name.localeCompare(b.template.name) || a.template.id.localeCompare(b.template.id) || a.rank - b.rank || a.band.localeCompare(b.band))
    .map(({ rank: _rank, ...row }) => row);
}

function riskMovement(changes: q.ProfileMovement['risk_changes']): Overview['riskMovement'] {
  const lower = (level: string | null) => level === 'medium' || level === 'standard';
  const sum = (moved: (c: q.ProfileMovement['risk_changes'][number]) => boolean) => changes.filter(moved).reduce((total, c) => total + c.count, 0);
  return { up: sum((c) => lower(c.from) && c.to === 'high'), down: sum((c) => c.from === 'high' && lower(c.to)) };
}

/** Counts every figure of the dashboard for the range and area, over what the actor's scope counts. */
async function countOverview(ctx: Context, query: OverviewQuery): Promise<{ range: ResolvedRange; overview: Overview }> {
  const range = await resolveRange(ctx, query);
  const { repeatVictimIncidents } = await settingsOf(ctx.tx, ctx.actor.partnershipId);
  const people = await q.countPeople(ctx.tx, ctx.actor, range, query.role ?? null);
  const caseTypes = await q.countCases(ctx.tx, ctx.actor, range);
  const movement = await q.countMovement(ctx.tx, ctx.actor, range, repeatVictimIncidents);
  const tasks = await q.countTasks(ctx.tx, ctx.actor, range);
  const assessments = await q.countAssessments(ctx.tx, ctx.actor, range);
  const overview: Overview = {
    range: { scope: range.scope, from: range.from, to: range.to, team: range.team, organisation: range.organisation, postcodeDistrict: range.postcodeDistrict },
    profiles: people.profiles,
    victims: people.victims,
    perpetrators: people.perpetrators,
    cases: caseTypes.reduce((total, c) => total + c.opened, 0),
    openCases: caseTypes.reduce((total, c) => total + c.open, 0),
    repeatVictims: movement.repeat_victims,
    riskMovement: riskMovement(movement.risk_changes),
    casesByType: caseTypes.map((c) => ({ caseType: { id: c.id, key: c.key, name: c.name }, opened: c.opened, closed: c.closed, open: c.open })),
    riskChanges: movement.risk_changes,
    vulnerabilities: people.vulnerabilities.map((v) => ({ key: v.key, label: v.name, count: v.count })),
    ageBands: ageBands.map((key) => ({ key, label: ageBandLabels[key], count: people.age_bands[key] ?? 0 })),
    genders: [...genders, 'unknown' as const].map((key) => ({ key, label: key === 'unknown' ? notRecorded : genderLabels[key], count: people.genders[key] ?? 0 })),
    ethnicities: people.ethnicities.map((e) => ({ key: e.key ?? 'unknown', label: e.name ?? notRecorded, group: e.group, count: e.count })),
    tasks: { due: tasks.due, completedOnTime: tasks.completed_on_time, completedLate: tasks.completed_late, stillOpen: tasks.still_open },
    assessmentsByBand: assessmentsByBand(assessments),
  };
  return { range, overview };
}

/** The dashboard: figures only, so its audit event names no record. */
export async function getOverview(ctx: Context, query: OverviewQuery): Promise<Overview> {
  const { range, overview } = await countOverview(ctx, query);
  ctx.audit({ action: 'insights.viewed', details: { view: 'overview', scope: range.scope, filters: auditedFilters(range, { role: query.role ?? null }) } });
  return overview;
}

export interface OverviewExport {
  overview: Overview;
  range: ResolvedRange;
  role: ProfileRole | null;
  /** The tables the file holds: one for a CSV, every one for a workbook. */
  tables: OverviewTable[];
  partnershipName: string;
  generatedBy: string;
  generatedAt: Date;
}

/**
 * The dashboard's figures for a file, counted once so that the file holds exactly what the
 * screen shows, and its export audited with the format and the tables it holds.
 */
export async function exportOverview(ctx: Context, query: z.infer<typeof overviewExportQuery>, format: ExportFormat): Promise<OverviewExport> {
  const { table, ...asked } = query;
  const { range, overview } = await countOverview(ctx, asked);
  const tables = format === 'csv' ? [table ?? 'summary'] : [...overviewTables];
  ctx.audit({ action: 'insights.exported', details: { view: 'overview', scope: range.scope, format, tables, filters: auditedFilters(range, { role: query.role ?? null }) } });
  return {
    overview,
    range,
    role: query.role ?? null,
    tables,
    partnershipName: await partnershipName(ctx.tx, ctx.actor.partnershipId),
    generatedBy: ctx.actor.name,
    generatedAt: new Date(),
  };
}

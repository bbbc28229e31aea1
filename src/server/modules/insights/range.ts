import type { InsightQuery, InsightRange } from '../../../shared/api/insights.ts';
import { insightScopeLabels } from '../../../shared/insights.ts';
import { insightScopeOf } from '../../platform/access/insights.ts';
import type { Context } from '../../platform/context.ts';
import { ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { addDays, londonInstant, londonToday } from '../../platform/london.ts';
import * as q from './queries.ts';

/** Five years: a board compares this year with the last few, and no further back in one read. */
const longestRangeDays = 5 * 366;

/**
 * A dashboard's period and area, resolved: London dates both included, the instants they start
 * and end at (`until` is exclusive: midnight after `to`), and the team or organisation named.
 */
export interface ResolvedRange extends InsightRange {
  since: Date;
  until: Date;
  teamId: string | null;
  organisationId: string | null;
}

/** Days between two YYYY-MM-DD dates. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Resolves the query: without dates, the last 12 months to today. A team or organisation outside
 * the caller's partnership is refused as an unknown one, never confirmed to exist.
 */
export async function resolveRange(ctx: Context, query: InsightQuery): Promise<ResolvedRange> {
  const to = query.to ?? londonToday();
  const from = query.from ?? addDays(to, -364);
  const problems: FieldProblem[] = [];
  if (from > to) problems.push({ field: 'from', problem: 'must be on or before the end date' });
  else if (daysBetween(from, to) > longestRangeDays) problems.push({ field: 'from', problem: 'must be within five years of the end date' });
  const team = query.teamId ? await q.getTeam(ctx.tx, query.teamId) : null;
  if (query.teamId && team?.partnershipId !== ctx.actor.partnershipId) problems.push({ field: 'teamId', problem: 'is not a team of your partnership' });
  const organisation = query.organisationId ? await q.getOrganisation(ctx.tx, query.organisationId) : null;
  if (query.organisationId && organisation?.partnershipId !== ctx.actor.partnershipId) problems.push({ field: 'organisationId', problem: 'is not an organisation of your partnership' });
  if (problems.length > 0) throw new ValidationError(problems);
  return {
    scope: insightScopeOf(ctx.actor),
    from,
    to,
    since: londonInstant(from, 0),
    until: londonInstant(addDays(to, 1), 0),
    team: team ? { id: team.id, name: team.name } : null,
    organisation: organisation ? { id: organisation.id, name: organisation.name } : null,
    postcodeDistrict: query.postcodeDistrict ?? null,
    teamId: team?.id ?? null,
    organisationId: organisation?.id ?? null,
  };
}

/** The filters as the audit trail keeps them: ids and dates, never names. */
export function auditedFilters(range: ResolvedRange, extra: Record<string, string | number | null> = {}): Record<string, string | number | null> {
  return { from: range.from, to: range.to, teamId: range.teamId, organisationId: range.organisationId, postcodeDistrict: range.postcodeDistrict, ...extra };
}

/** The lines an export's "About" sheet says of the range, in words. */
export function rangeLines(range: ResolvedRange, partnershipName: string): string[] {
  const words = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const day = (d: string) => words.format(new Date(`${d}T00:00:00Z`));
  return [
    `Partnership: ${partnershipName}`,
    `Period: ${day(range.from)} to ${day(range.to)}`,
    `Team: ${range.team?.name ?? 'all'}`,
    `Organisation: ${range.organisation?.name ?? 'all'}`,
    `Postcode district: ${range.postcodeDistrict ?? 'all'}`,
    `Counted over: ${insightScopeLabels[range.scope]}`,
  ];
}

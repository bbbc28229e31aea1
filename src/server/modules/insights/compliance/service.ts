import type { z } from 'zod';
import type { Compliance, ComplianceGap, ComplianceList, complianceListQuery, complianceQuery } from '../../../../shared/api/insights.ts';
import { complianceChecks, type ComplianceCheck } from '../../../../shared/insights.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { canSeeCompliance, insightScopeOf } from '../../../platform/access/insights.ts';
import { effectiveLevel } from '../../../platform/access/records.ts';
import type { Context } from '../../../platform/context.ts';
import { decodeCheckedCursor, isUuid, pageOf } from '../../../platform/cursor.ts';
import { ForbiddenError, NotFoundError } from '../../../platform/errors.ts';
import * as iq from '../queries.ts';
import { settingsOf } from '../settings.ts';
import * as q from './queries.ts';

type MissingShare = ComplianceGap['missingShares'][number];

/** How many failing profiles the summary names per check; the list pages through the rest. */
const namedPerCheck = 100;

export type Team = NonNullable<Awaited<ReturnType<typeof iq.getTeam>>>;

/**
 * The team whose compliance is asked for, the actor's own by default. Another partnership's team
 * does not exist for them; a team they neither belong to nor supervise is refused, and the
 * refusal audited.
 */
export async function monitoredTeam(ctx: Context, teamId: string | undefined): Promise<{ team: Team; monitored: q.Monitored }> {
  const team = await iq.getTeam(ctx.tx, teamId ?? ctx.actor.teamId);
  if (!team || team.partnershipId !== ctx.actor.partnershipId) throw new NotFoundError('team');
  if (!canSeeCompliance(ctx.actor, team)) {
    ctx.refuse({ action: 'access.refused', ...teamSubject(team), details: { why: 'not a member or supervisor of the team' } });
    throw new ForbiddenError('Only the team\'s members, its supervisors and the partnership\'s system administrators see its compliance.');
  }
  const { staleAfterDays } = await settingsOf(ctx.tx, team.partnershipId);
  return { team, monitored: { teamId: team.id, organisationId: team.organisationId, partnershipId: team.partnershipId, staleAfterDays } };
}

/** The audit subject of a read about a team: its administrators see it. */
export const teamSubject = (team: Team) => ({ entityType: 'team' as const, entityId: team.id, subjectOrganisationId: team.organisationId, subjectTeamId: team.id });

export const profileRefs = (ids: Iterable<string>) => [...new Set(ids)].map((id) => ({ kind: 'profile' as const, id }));

/**
 * How the team's profiles stand against every check. The figures count every profile the team
 * owns, whoever reads them; the profiles named are only those the reader may open.
 */
export async function getCompliance(ctx: Context, query: z.infer<typeof complianceQuery>): Promise<Compliance> {
  const { team, monitored } = await monitoredTeam(ctx, query.teamId);
  const figures = await q.figures(ctx.tx, ctx.actor, monitored, complianceChecks, namedPerCheck);
  const items = complianceChecks.map((check) => ({ check, ...figures.get(check)! }));
  ctx.audit({
    action: 'insights.viewed',
    ...teamSubject(team),
    details: { view: 'compliance', scope: insightScopeOf(ctx.actor), filters: { teamId: team.id }, records: profileRefs(items.flatMap((i) => i.profileIds)) },
  });
  return {
    team: { id: team.id, name: team.name },
    organisation: { id: team.organisationId, name: team.organisationName },
    staleAfterDays: monitored.staleAfterDays,
    items,
  };
}

/** A failing profile as the list shows it, with the detail of its check and whether the reader may put it right here. */
export function presentGap(actor: Actor, check: ComplianceCheck, row: q.GapRow, shares: Map<string, MissingShare[]>): ComplianceGap {
  return {
    profile: { id: row.id, name: `${row.first_name} ${row.last_name}`, dateOfBirth: row.date_of_birth, roles: row.roles, riskLevel: row.risk_level },
    lastUpdatedAt: new Date(row.last_updated_at).toISOString(),
    requirementRaisedAt: check === 'no-risk-assessment' && row.requirement_raised_at ? new Date(row.requirement_raised_at).toISOString() : null,
    missingShares: shares.get(row.id) ?? [],
    nextContactDue: check === 'contact-overdue' ? row.next_contact_due : null,
    basisReviewOn: check === 'basis-review-overdue' ? row.basis_review_on : null,
    // Offered to whoever may change the profile: sharing needs edit (the sharing module's rule),
    // and every other fix is a page of the profile's own, which checks again.
    canFix: effectiveLevel(actor, row.level) === 'edit',
  };
}

export const presentMissingShare = (share: q.MissingShareRow): MissingShare => ({
  team: share.team_id ? { id: share.team_id, name: share.team_name ?? '' } : null,
  organisation: { id: share.organisation_id, name: share.organisation_name },
  level: share.level,
  holds: share.holds,
});

/** The shares each of these profiles lacks, named, for the `not-shared` list. */
export async function missingSharesOf(ctx: Context, check: ComplianceCheck, rows: q.GapRow[], team: Team): Promise<Map<string, MissingShare[]>> {
  const byProfile = new Map<string, MissingShare[]>();
  if (check !== 'not-shared') return byProfile;
  for (const share of await q.missingShares(ctx.tx, rows.map((r) => r.id), team)) {
    byProfile.set(share.profile_id, [...(byProfile.get(share.profile_id) ?? []), presentMissingShare(share)]);
  }
  return byProfile;
}

const isText = (value: unknown): value is string => typeof value === 'string';

/** The profiles failing one check that the reader may open, a page at a time; the rest counted as hidden. */
export async function listGaps(ctx: Context, check: ComplianceCheck, query: z.infer<typeof complianceListQuery>): Promise<ComplianceList> {
  const { team, monitored } = await monitoredTeam(ctx, query.teamId);
  const after = decodeCheckedCursor<[string, string, string]>(query.cursor, isText, isText, isUuid);
  const { rows, hidden } = await q.failing(ctx.tx, ctx.actor, monitored, check, { after, limit: query.limit });
  const shares = await missingSharesOf(ctx, check, rows.slice(0, query.limit), team);
  const page = pageOf(rows, query.limit, (r) => presentGap(ctx.actor, check, r, shares), (r) => [r.last_name, r.first_name, r.id]);
  ctx.audit({
    action: 'insights.viewed',
    ...teamSubject(team),
    details: { view: 'compliance_list', scope: insightScopeOf(ctx.actor), filters: { teamId: team.id }, check, records: profileRefs(page.items.map((i) => i.profile.id)) },
  });
  return { check, ...page, hidden };
}

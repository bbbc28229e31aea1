import { and, or, sql, type SQL } from 'drizzle-orm';
import type { InsightScope } from '../../../shared/insights.ts';
import type { Actor } from './actor.ts';
import { canSuperviseTeam } from './administration.ts';
import { canView, inPartnership, type AccessListColumns, type OwnedRecordColumns } from './records.ts';

/**
 * Whose records a dashboard's totals count for this actor. Figures are counts, never names, so an
 * administrator's reach widens them to what they manage: a system administrator counts the whole
 * partnership, an organisation administrator their organisation's teams' records as well as what
 * they may open. Everyone else, and every API token, counts what they may open. Lists that name
 * records use `canView` whatever the scope.
 */
export function insightScopeOf(actor: Actor): InsightScope {
  if (actor.kind === 'user' && actor.role === 'system_admin') return 'partnership';
  if (actor.kind === 'user' && actor.role === 'organisation_admin') return 'organisation';
  return 'accessible';
}

/** SQL: whether a profile, case or location counts towards this actor's totals. */
export function countable(actor: Actor, record: OwnedRecordColumns, list: AccessListColumns): SQL {
  switch (insightScopeOf(actor)) {
    case 'partnership':
      return inPartnership(actor, record);
    case 'organisation':
      return and(
        inPartnership(actor, record),
        or(
          sql`exists (select 1 from teams where teams.id = ${record.ownerTeamId} and teams.organisation_id = ${actor.organisationId})`,
          canView(actor, record, list),
        ),
      )!;
    case 'accessible':
      return canView(actor, record, list);
  }
}

/**
 * Who may see a team's compliance figures: its own members (they hold the records), those who
 * supervise it, and the partnership's system administrators. The figures count every profile the
 * team owns; the lists behind them name only those the reader may open.
 */
export function canSeeCompliance(actor: Actor, team: { id: string; organisationId: string; partnershipId: string }): boolean {
  if (team.partnershipId !== actor.partnershipId) return false;
  if (actor.teamId === team.id) return true;
  if (actor.kind === 'user' && actor.role === 'system_admin') return true;
  return canSuperviseTeam(actor, team);
}

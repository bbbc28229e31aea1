import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from './actor.ts';
import { canManageTeam } from './administration.ts';

/**
 * Who may read and work a team's triage desk, and build the forms that feed it. A referral is
 * not yet on anyone's record: what it says is readable only on the desk of the team it was sent
 * to, by that team's own staff (read-only accounts aside) and the administrators of its
 * organisation. A system administrator runs the partnership, not every agency's inbox, so they
 * work only their own team's desk. Another system's token may send a referral to any team of its
 * partnership, and read none.
 */

export interface DeskTeam {
  id: string;
  organisationId: string;
  partnershipId: string;
}

export function canWorkDesk(actor: Actor, team: DeskTeam): boolean {
  if (actor.kind !== 'user' || actor.role === 'read_only' || actor.partnershipId !== team.partnershipId) return false;
  if (actor.teamId === team.id) return true;
  return actor.role === 'organisation_admin' && actor.organisationId === team.organisationId;
}

/** The same rule over a referral's team, for lists and the audit viewer. */
export function worksDeskOf(actor: Actor, teamId: AnyPgColumn | SQL): SQL {
  if (actor.kind !== 'user' || actor.role === 'read_only') return sql`false`;
  if (actor.role === 'organisation_admin') {
    return sql`(${teamId} = ${actor.teamId} or exists (select 1 from teams dt where dt.id = ${teamId} and dt.organisation_id = ${actor.organisationId}))`;
  }
  return sql`${teamId} = ${actor.teamId}`;
}

/** A team's forms are built by its admins, its organisation's and the partnership's system administrators. */
export function canManageReferralForm(actor: Actor, team: DeskTeam): boolean {
  return actor.kind === 'user' && actor.partnershipId === team.partnershipId && canManageTeam(actor, team);
}

/** Who may key in, or send from another system, a referral to a team's desk: any writing staff of the partnership. */
export function canSendReferralTo(actor: Actor, team: DeskTeam): boolean {
  return actor.partnershipId === team.partnershipId && !actor.readOnly && actor.role !== 'read_only';
}

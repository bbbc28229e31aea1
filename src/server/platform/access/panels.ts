import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from './actor.ts';
import { isSystemAdmin } from './administration.ts';
import { actorHas } from './permissions.ts';
import { mayEverEdit } from './records.ts';

/**
 * Who may do what with a panel (a MARAC, a Community MARAC, a JAG …). Its member organisations
 * sit on it; its chair and coordinators run its meetings, as do the partnership's system
 * administrators, who keep the partnership's panels. What anyone on it sees of each agenda item,
 * its runners included, still depends on whether they may open the item's record (the panels
 * module redacts).
 */
export interface PanelFacts {
  partnershipId: string;
  chairUserId: string | null;
  coordinatorIds: readonly string[];
  memberOrganisationIds: readonly string[];
}

const inPartnership = (actor: Actor, panel: PanelFacts) => actor.partnershipId === panel.partnershipId;

const holdsPanelRole = (actor: Actor, panel: PanelFacts) =>
  actor.kind === 'user' && (panel.chairUserId === actor.id || panel.coordinatorIds.includes(actor.id));

/** Members, the chair and coordinators see the panel, its meetings and agendas; so do its system administrators. */
export function canSeePanel(actor: Actor, panel: PanelFacts): boolean {
  if (!inPartnership(actor, panel)) return false;
  return isSystemAdmin(actor) || holdsPanelRole(actor, panel) || panel.memberOrganisationIds.includes(actor.organisationId);
}

/**
 * Who runs its meetings (the agenda and its order, attendance, minutes, actions, closing): the
 * chair and coordinators, and the partnership's system administrators; never a read-only account.
 * Running a panel shows no more of a record on its agenda than the runner may open.
 */
export function canRunPanel(actor: Actor, panel: PanelFacts): boolean {
  if (!inPartnership(actor, panel) || !mayEverEdit(actor)) return false;
  return (actor.kind === 'user' && isSystemAdmin(actor)) || holdsPanelRole(actor, panel);
}

/**
 * Who changes the panel itself (its name, kind, members, chair and coordinators): a system
 * administrator of the partnership, or one of its coordinators who still holds `panels.manage`.
 */
export function canManagePanel(actor: Actor, panel: PanelFacts): boolean {
  if (!inPartnership(actor, panel) || actor.kind !== 'user' || !actorHas(actor, 'panels.manage')) return false;
  return isSystemAdmin(actor) || panel.coordinatorIds.includes(actor.id);
}

/** Who brings a record to it: a member organisation's staff who may write, and its chair and coordinators. */
export function canReferTo(actor: Actor, panel: PanelFacts): boolean {
  if (!inPartnership(actor, panel) || !mayEverEdit(actor)) return false;
  return holdsPanelRole(actor, panel) || panel.memberOrganisationIds.includes(actor.organisationId);
}

/** A member agency's staff who may write add its research on an agenda item. */
export function canResearchFor(actor: Actor, panel: PanelFacts): boolean {
  return inPartnership(actor, panel) && mayEverEdit(actor) && panel.memberOrganisationIds.includes(actor.organisationId);
}

/**
 * `canSeePanel` for lists, over a `panels` row: the same rule as SQL, written with the table's
 * name so it serves in a join and in a correlated subquery alike.
 */
export function panelVisibleTo(actor: Actor): SQL {
  const partnership = sql`panels.partnership_id = ${actor.partnershipId}`;
  if (isSystemAdmin(actor)) return partnership;
  return sql`(${partnership} and (
    exists (select 1 from panel_organisations po where po.panel_id = panels.id and po.organisation_id = ${actor.organisationId})
    or panels.chair_user_id = ${actor.id}
    or exists (select 1 from panel_coordinators pc where pc.panel_id = panels.id and pc.user_id = ${actor.id})))`;
}

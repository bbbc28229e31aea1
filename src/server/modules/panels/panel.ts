import type { Panel, PanelRef } from '../../../shared/api/panels.ts';
import { panelKindLabels, type PanelKind } from '../../../shared/panels.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { canManagePanel, canReferTo, canRunPanel, canSeePanel, type PanelFacts } from '../../platform/access/panels.ts';
import type { Context } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import type { Audience } from '../../platform/events/types.ts';
import * as q from './queries.ts';

type People = Awaited<ReturnType<typeof q.panelPeople>>;

/** A panel with who sits on it and who runs it: what every rule about it is decided on. */
export interface LoadedPanel extends PanelFacts {
  row: q.PanelRow;
  members: { id: string; name: string }[];
  coordinators: { id: string; name: string; teamId: string }[];
}

export function loaded(row: q.PanelRow, people: People): LoadedPanel {
  const members = people.members.filter((m) => m.panelId === row.panel.id).map(({ id, name }) => ({ id, name }));
  const coordinators = people.coordinators.filter((c) => c.panelId === row.panel.id).map(({ id, name, teamId }) => ({ id, name, teamId }));
  return {
    row,
    members,
    coordinators,
    partnershipId: row.panel.partnershipId,
    chairUserId: row.panel.chairUserId,
    coordinatorIds: coordinators.map((c) => c.id),
    memberOrganisationIds: members.map((m) => m.id),
  };
}

export const panelRefOf = (p: { id: string; name: string; kind: PanelKind }): PanelRef => ({ id: p.id, name: p.name, kind: panelKindLabels[p.kind], kindKey: p.kind });

/** The audit subject of a panel's own set-up. */
export const panelSubject = (panel: LoadedPanel) => ({ entityType: 'panel' as const, entityId: panel.row.panel.id });

/**
 * Who hears that a panel or one of its meetings changed: its members, its chair and coordinators.
 * Not every system administrator: the audience cannot say "of this partnership" for a role.
 */
export function audienceOfPanel(panel: LoadedPanel): Audience {
  return {
    organisationIds: panel.memberOrganisationIds.slice(),
    userIds: [...(panel.chairUserId ? [panel.chairUserId] : []), ...panel.coordinatorIds],
  };
}

/** A panel of the actor's partnership, whatever their part in it; outside the partnership it does not exist. */
export async function findPanel(ctx: Context, id: string): Promise<LoadedPanel> {
  const row = await q.getPanel(ctx.tx, id);
  if (!row || row.panel.partnershipId !== ctx.actor.partnershipId) throw new NotFoundError('panel');
  return loaded(row, await q.panelPeople(ctx.tx, [row.panel.id]));
}

/** Refuses (403 `no_access`, recorded) someone of the partnership who is not on the panel. */
export function requireSees(ctx: Context, panel: LoadedPanel): void {
  if (canSeePanel(ctx.actor, panel)) return;
  ctx.refuse({ action: 'access.refused', ...panelSubject(panel), details: { why: 'not a member of the panel' } });
  throw new ForbiddenError('Your organisation does not sit on this panel.', 'no_access');
}

export async function visiblePanel(ctx: Context, id: string): Promise<LoadedPanel> {
  const panel = await findPanel(ctx, id);
  requireSees(ctx, panel);
  return panel;
}

/** Refuses a member who does not run the panel: only its chair, coordinators and system administrators do. */
export function requireRuns(ctx: Context, panel: LoadedPanel): void {
  if (canRunPanel(ctx.actor, panel)) return;
  ctx.refuse({ action: 'access.refused', ...panelSubject(panel), details: { why: 'does not run the panel' } });
  throw new ForbiddenError('Only the panel\'s chair and coordinators can do that.');
}

export async function runnablePanel(ctx: Context, id: string): Promise<LoadedPanel> {
  const panel = await visiblePanel(ctx, id);
  requireRuns(ctx, panel);
  return panel;
}

export function presentPanel(actor: Actor, panel: LoadedPanel): Panel {
  const { row } = panel;
  const p = row.panel;
  return {
    ...panelRefOf(p),
    chair: p.chairUserId && row.chairName && row.chairOrganisationId
      ? { id: p.chairUserId, name: row.chairName, organisation: { id: row.chairOrganisationId, name: row.chairOrganisationName ?? '' } }
      : null,
    memberOrganisations: panel.members,
    coordinators: panel.coordinators.map(({ id, name }) => ({ id, name })),
    waiting: row.waiting,
    nextMeeting: row.nextMeetingId && row.nextMeetingAt ? { id: row.nextMeetingId, startsAt: row.nextMeetingAt } : null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
    permissions: { canManage: canManagePanel(actor, panel), canRun: canRunPanel(actor, panel), canRefer: canReferTo(actor, panel) },
  };
}

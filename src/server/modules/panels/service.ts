import type { z } from 'zod';
import type { createPanelBody, meetingListQuery, Panel, updatePanelBody } from '../../../shared/api/panels.ts';
import type { PanelKind } from '../../../shared/panels.ts';
import { isSystemAdmin } from '../../platform/access/administration.ts';
import { canManagePanel } from '../../platform/access/panels.ts';
import { diff } from '../../platform/audit/diff.ts';
import type { Context } from '../../platform/context.ts';
import { decodeCheckedCursor, isIsoTime, isUuid, pageOf } from '../../platform/cursor.ts';
import { ForbiddenError, staleVersion, ValidationError } from '../../platform/errors.ts';
import { grantForPanel, withdrawPanelGrant } from '../sharing/panel-grants.ts';
import { findRecord } from '../sharing/record-access.ts';
import { presentMeetingSummary } from './meetings/present.ts';
import { audienceOfPanel, findPanel, loaded, panelSubject, presentPanel, visiblePanel, type LoadedPanel } from './panel.ts';
import { panelGrantEnds } from './referrals/rules.ts';
import * as q from './queries.ts';

const auditedFields = ['kind', 'name', 'chairUserId', 'memberOrganisationIds', 'coordinatorIds'] as const;

interface Setup { kind: PanelKind; name: string; chairUserId: string | null; memberOrganisationIds: string[]; coordinatorIds: string[] }

const setupOf = (panel: LoadedPanel): Setup => ({
  kind: panel.row.panel.kind,
  name: panel.row.panel.name,
  chairUserId: panel.chairUserId,
  memberOrganisationIds: panel.memberOrganisationIds.slice().sort(),
  coordinatorIds: panel.coordinatorIds.slice().sort(),
});

/**
 * Checks a panel's set-up against the partnership: its members are the partnership's
 * organisations, its chair and coordinators its active people, and a Channel panel is chaired by
 * the local authority (the Counter-Terrorism and Security Act 2015 puts Channel with the council).
 */
async function checkSetup(ctx: Context, setup: Setup, exceptId: string | null): Promise<void> {
  const partnershipId = ctx.actor.partnershipId;
  if (await q.nameTaken(ctx.tx, partnershipId, setup.name, exceptId)) throw new ValidationError([{ field: 'name', problem: 'is already the name of a panel in this partnership' }]);
  const organisations = await q.partnershipOrganisations(ctx.tx, partnershipId, setup.memberOrganisationIds);
  if (organisations.length !== setup.memberOrganisationIds.length) {
    throw new ValidationError([{ field: 'memberOrganisationIds', problem: 'must all be organisations of this partnership' }]);
  }
  const people = await q.partnershipUsers(ctx.tx, partnershipId, [...(setup.chairUserId ? [setup.chairUserId] : []), ...setup.coordinatorIds]);
  const person = (id: string) => people.find((p) => p.id === id && !p.disabled);
  const chair = setup.chairUserId ? person(setup.chairUserId) : null;
  if (setup.chairUserId && !chair) throw new ValidationError([{ field: 'chairUserId', problem: 'is not an active person in this partnership' }]);
  if (!setup.coordinatorIds.every(person)) throw new ValidationError([{ field: 'coordinatorIds', problem: 'must all be active people in this partnership' }]);
  if (setup.kind === 'channel' && chair?.organisationKind !== 'council') {
    throw new ValidationError([{ field: 'chairUserId', problem: 'must be someone from the local authority (a council): the local authority chairs a Channel panel' }]);
  }
}

const unique = (ids: string[]) => [...new Set(ids)];

/** Sets up a panel. Whoever does, unless a system administrator, coordinates it, so it stays theirs to run. */
export async function createPanel(ctx: Context, body: z.infer<typeof createPanelBody>): Promise<Panel> {
  const coordinatorIds = unique([...body.coordinatorIds, ...(isSystemAdmin(ctx.actor) || ctx.actor.kind !== 'user' ? [] : [ctx.actor.id])]).sort();
  const setup: Setup = { kind: body.kind, name: body.name, chairUserId: body.chairUserId ?? null, memberOrganisationIds: unique(body.memberOrganisationIds).sort(), coordinatorIds };
  await checkSetup(ctx, setup, null);
  const id = await q.insertPanel(ctx.tx, { partnershipId: ctx.actor.partnershipId, kind: setup.kind, name: setup.name, chairUserId: setup.chairUserId });
  await q.setMembers(ctx.tx, id, setup.memberOrganisationIds);
  await q.setCoordinators(ctx.tx, id, setup.coordinatorIds);
  const panel = await findPanel(ctx, id);
  ctx.audit({ action: 'panel.created', ...panelSubject(panel), changes: diff(null, { ...setup }, auditedFields) });
  ctx.emit({ type: 'panel.changed', audience: audienceOfPanel(panel), data: { panelId: id } });
  return presentPanel(ctx.actor, panel);
}

/**
 * Changes a panel's set-up. A team that comes to run it (its first chair or coordinator) is given
 * the same access to the records waiting for the panel as the runners were given when they were
 * referred; a team left with no one running it loses what the panel alone gave it.
 */
export async function updatePanel(ctx: Context, id: string, body: z.infer<typeof updatePanelBody>): Promise<Panel> {
  const current = await findPanel(ctx, id);
  if (!canManagePanel(ctx.actor, current)) {
    ctx.refuse({ action: 'access.refused', ...panelSubject(current), details: { why: 'neither a system administrator nor a coordinator of the panel' } });
    throw new ForbiddenError('Only the partnership\'s system administrators and the panel\'s coordinators can change it.');
  }
  const before = setupOf(current);
  const after: Setup = {
    kind: body.kind ?? before.kind,
    name: body.name ?? before.name,
    chairUserId: body.chairUserId === undefined ? before.chairUserId : body.chairUserId,
    memberOrganisationIds: body.memberOrganisationIds ? unique(body.memberOrganisationIds).sort() : before.memberOrganisationIds,
    coordinatorIds: body.coordinatorIds ? unique(body.coordinatorIds).sort() : before.coordinatorIds,
  };
  await checkSetup(ctx, after, id);
  const teamsBefore = await q.runnersTeams(ctx.tx, id);
  if (!(await q.updatePanel(ctx.tx, id, body.version, { kind: after.kind, name: after.name, chairUserId: after.chairUserId }))) {
    throw staleVersion(presentPanel(ctx.actor, current));
  }
  if (body.memberOrganisationIds) await q.setMembers(ctx.tx, id, after.memberOrganisationIds);
  if (body.coordinatorIds) await q.setCoordinators(ctx.tx, id, after.coordinatorIds);
  const panel = await findPanel(ctx, id);
  ctx.audit({ action: 'panel.updated', ...panelSubject(panel), changes: diff({ ...before }, { ...after }, auditedFields) });
  const teamsAfter = await q.runnersTeams(ctx.tx, id);
  const outside = (teams: { id: string }[]) => (team: { id: string }) => !teams.some((t) => t.id === team.id);
  await letRunnersResearch(ctx, panel, teamsAfter.filter(outside(teamsBefore)));
  await withdrawFromFormerRunners(ctx, panel, teamsBefore.filter(outside(teamsAfter)));
  ctx.emit({ type: 'panel.changed', audience: audienceOfPanel(panel), data: { panelId: id } });
  return presentPanel(ctx.actor, panel);
}

/** Only the referrals that gave access when they were made give it to a team that joins: see `grantedReferralRecords`. */
async function letRunnersResearch(ctx: Context, panel: LoadedPanel, teams: { id: string; name: string }[]): Promise<void> {
  if (teams.length === 0) return;
  for (const r of await q.grantedReferralRecords(ctx.tx, panel.row.panel.id)) {
    await grantForPanel(ctx, await findRecord(ctx, r.kind, r.id), teams, panel.row.panel.id, panelGrantEnds());
  }
}

async function withdrawFromFormerRunners(ctx: Context, panel: LoadedPanel, teams: { id: string; name: string }[]): Promise<void> {
  for (const r of await q.grantsOnlyThrough(ctx.tx, panel.row.panel.id, teams.map((t) => t.id))) {
    await withdrawPanelGrant(ctx, await findRecord(ctx, r.kind, r.id), { id: r.teamId, name: r.teamName }, panel.row.panel.id);
  }
}

export async function getPanel(ctx: Context, id: string): Promise<Panel> {
  return presentPanel(ctx.actor, await visiblePanel(ctx, id));
}

/** The panels the actor sits on or runs; a system administrator sees all of the partnership's. */
export async function listPanels(ctx: Context, query: { limit: number; cursor?: string }) {
  const [name, after] = decodeCheckedCursor<[string, string]>(query.cursor, (v): v is string => typeof v === 'string', isUuid) ?? [];
  const rows = await q.listPanels(ctx.tx, ctx.actor, name !== undefined && after ? { name, id: after } : null, query.limit);
  const people = await q.panelPeople(ctx.tx, rows.map((r) => r.panel.id));
  return pageOf(rows, query.limit, (r) => presentPanel(ctx.actor, loaded(r, people)), (r) => [r.panel.name.toLowerCase(), r.panel.id]);
}

/** A panel's meetings: dates, places and how many items, no one's details. */
export async function listPanelMeetings(ctx: Context, id: string, query: z.infer<typeof meetingListQuery>) {
  const panel = await visiblePanel(ctx, id);
  const [startsAt, after] = decodeCheckedCursor(query.cursor, isIsoTime, isUuid) ?? [];
  const rows = await q.listMeetings(ctx.tx, id, query.when, startsAt && after ? { startsAt, id: after } : null, query.limit);
  return pageOf(rows, query.limit, (r) => presentMeetingSummary(panel, r.meeting, r.items), (r) => [r.meeting.startsAt.toISOString(), r.meeting.id]);
}


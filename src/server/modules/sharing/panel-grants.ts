import type { Context } from '../../platform/context.ts';
import { audienceOf, subjectOf, type SharedRecord } from './record-access.ts';
import * as q from './queries.ts';

/**
 * Lets the teams that run a panel (its chair's and coordinators') open a record referred to it
 * until `expiresAt`, so the chair can research it before the meeting: a `view` grant with the
 * panel as its source. A team that can already open the record keeps what it has; one that
 * gains access is recorded as a share and told, as any share is; one whose panel grant is
 * renewed to a later end is recorded as a share too, with the new end.
 */
export async function grantForPanel(ctx: Context, record: SharedRecord, teams: { id: string; name: string }[], panelId: string, expiresAt: Date): Promise<void> {
  const gained: string[] = [];
  for (const team of teams) {
    if (team.id === record.ownerTeamId) continue;
    const before = (await q.findEntry(ctx.tx, record.kind, record.id, { teamId: team.id }))?.liveLevel ?? null;
    const written = await q.grantTeamViewUntil(ctx.tx, record.kind, record.id, team.id, { source: 'panel', grantedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null, expiresAt });
    if (!written) continue;
    if (!before) gained.push(team.id);
    ctx.audit({
      action: 'record.shared',
      ...subjectOf(record),
      ...(before ? {} : { changes: { level: { before: null, after: 'view' } } }),
      details: { target: { team: { id: team.id, name: team.name } }, level: 'view', before, panelId, expiresAt: expiresAt.toISOString() },
    });
  }
  if (gained.length === 0) return;
  ctx.emit({ type: `${record.kind}.changed`, audience: await audienceOf(ctx, record), data: { id: record.id } });
  ctx.emit({ type: 'access.changed', audience: { teamIds: gained }, data: { kind: record.kind, id: record.id, level: 'view' } });
}

/**
 * Takes back the access a panel gave a team no one of which runs it any more. A share or an
 * approved request the team holds on the record stays: only the panel's own grant goes.
 */
export async function withdrawPanelGrant(ctx: Context, record: SharedRecord, team: { id: string; name: string }, panelId: string): Promise<void> {
  if (!(await q.deletePanelGrant(ctx.tx, record.kind, record.id, team.id))) return;
  ctx.audit({
    action: 'record.unshared',
    ...subjectOf(record),
    changes: { level: { before: 'view', after: null } },
    details: { target: { team: { id: team.id, name: team.name } }, level: null, before: 'view', panelId },
  });
  const audience = await audienceOf(ctx, record);
  ctx.emit({ type: `${record.kind}.changed`, audience: { ...audience, teamIds: [...audience.teamIds, team.id] }, data: { id: record.id } });
  ctx.emit({ type: 'access.changed', audience: { teamIds: [team.id] }, data: { kind: record.kind, id: record.id, level: null } });
}

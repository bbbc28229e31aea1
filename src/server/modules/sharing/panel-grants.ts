import type { Context } from '../../platform/context.ts';
import { audienceOf, subjectOf, type SharedRecord } from './record-access.ts';
import * as q from './queries.ts';

/**
 * Lets the teams that run a panel (its chair's and coordinators') open a record referred to it
 * until `expiresAt`, so the chair can research it before the meeting: a `view` grant with the
 * panel as its source. A team that can already open the record keeps what it has; one that
 * gains access is recorded as a share and told, as any share is.
 */
export async function grantForPanel(ctx: Context, record: SharedRecord, teams: { id: string; name: string }[], panelId: string, expiresAt: Date): Promise<void> {
  const gained: string[] = [];
  for (const team of teams) {
    if (team.id === record.ownerTeamId) continue;
    const before = (await q.findEntry(ctx.tx, record.kind, record.id, { teamId: team.id }))?.liveLevel ?? null;
    const written = await q.grantTeamViewUntil(ctx.tx, record.kind, record.id, team.id, { source: 'panel', grantedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null, expiresAt });
    if (!written || before) continue;
    gained.push(team.id);
    ctx.audit({
      action: 'record.shared',
      ...subjectOf(record),
      changes: { level: { before: null, after: 'view' } },
      details: { target: { team: { id: team.id, name: team.name } }, level: 'view', before: null, panelId },
    });
  }
  if (gained.length === 0) return;
  ctx.emit({ type: `${record.kind}.changed`, audience: await audienceOf(ctx, record), data: { id: record.id } });
  ctx.emit({ type: 'access.changed', audience: { teamIds: gained }, data: { kind: record.kind, id: record.id, level: 'view' } });
}

import type { FastifyBaseLogger } from 'fastify';
import type { Platform } from '../../platform/http/types.ts';
import { notify } from '../notifications/notify.ts';
import { assigneePeople, overdueNotices } from './announce.ts';
import * as q from './queries.ts';
import { startSweep } from '../../platform/sweeps.ts';

const everyMs = 60_000;
const batch = 500;

/**
 * Tells the tasker and the people a task is for, once, that it has fallen overdue (due before
 * today in London and still to do). Returns how many tasks it told of.
 */
export async function sweepOverdueTasks(platform: Pick<Platform, 'runner'>): Promise<number> {
  let told = 0;
  for (;;) {
    const claimed = await platform.runner.run({ actor: null, origin: { ip: null } }, async (ctx) => {
      const rows = await q.claimOverdue(ctx.tx, batch);
      for (const t of rows) {
        const assignees = await assigneePeople(ctx.tx, {
          acceptedBy: t.accepted_by, assignedUserId: t.assigned_user_id, assignedTeamId: t.assigned_team_id, assignedOrganisationId: t.assigned_organisation_id,
        });
        await notify(ctx, overdueNotices({ id: t.id, setBy: t.set_by, dueOn: t.due_on, recordKind: t.record_kind, recordId: t.record_id }, assignees));
      }
      return rows.length;
    });
    told += claimed;
    if (claimed < batch) return told;
  }
}

export function startOverdueSweep(platform: Platform, log: Pick<FastifyBaseLogger, 'error'>): () => void {
  return startSweep('sweep overdue tasks', () => sweepOverdueTasks(platform), { everyMs }, log);
}

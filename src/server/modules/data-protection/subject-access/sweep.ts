import type { FastifyBaseLogger } from 'fastify';
import type { Runner } from '../../../platform/context.ts';
import type { FileStorage } from '../../../platform/files/storage.ts';
import { forgetStoredFiles } from '../../../platform/files/stored.ts';
import type { Jobs } from '../../../platform/jobs/types.ts';
import { addDays, londonToday } from '../../../platform/london.ts';
import { notify } from '../../notifications/notify.ts';
import * as q from './queries.ts';
import { collectQueue, packageQueue, requestLink, requestSubject } from './service.ts';
import { startSweep } from '../../../platform/sweeps.ts';

const system = { actor: null, origin: { ip: null } };
const batch = 200;
/** Handlers are told from this many days before the due date, once a day, until it is met. */
const dueNoticeDays = 7;
/** A job is queued at commit and runs within seconds; one untouched for this long never ran. */
const stuckAfterMs = 15 * 60_000;

export interface SweepDeps {
  runner: Runner;
  files: FileStorage;
  jobs: Jobs;
}

/**
 * The hourly sweep of subject access requests: deletes the ZIPs whose download window has closed
 * (status `expired`), tells the handling organisation's admins of requests due within a week or
 * overdue (once a day), and queues again the jobs of requests left waiting (a restart between
 * commit and enqueue). Returns what it did, for tests.
 */
export async function sweepSubjectAccess(deps: SweepDeps, now = new Date()): Promise<{ expired: number; reminded: number; requeued: number }> {
  const today = londonToday(now);
  const { expired, keys } = await deps.runner.run(system, async (ctx) => {
    const rows = await q.expiredDownloads(ctx.tx, now, batch);
    const forgotten: string[] = [];
    for (const row of rows) {
      await q.updateRequest(ctx.tx, row.id, { status: 'expired', zipFileId: null, closedAt: now }, ['ready']);
      if (row.zipFileId) forgotten.push(...(await forgetStoredFiles(ctx.tx, [row.zipFileId])));
      ctx.audit({ action: 'subject_access.expired', ...requestSubject(row) });
    }
    return { expired: rows.length, keys: forgotten };
  });
  for (const key of keys) await deps.files.delete(key);

  const reminded = await deps.runner.run(system, async (ctx) => {
    const rows = await q.dueSoon(ctx.tx, today, addDays(today, dueNoticeDays), batch);
    for (const row of rows) {
      const admins = await q.organisationAdmins(ctx.tx, [row.organisationId]);
      const userIds = [...new Set([row.startedBy, ...admins.map((a) => a.id)])];
      const when = row.dueOn < today ? `was due on ${row.dueOn}` : row.dueOn === today ? 'is due today' : `is due on ${row.dueOn}`;
      await notify(ctx, userIds.map((userId) => ({
        userId, kind: 'subject_access_due' as const, message: `Subject access request ${row.reference} ${when}.`, link: requestLink(row.id), subjectId: row.id,
      })));
      await q.updateRequest(ctx.tx, row.id, { remindedOn: today });
      ctx.audit({ action: 'subject_access.reminded', ...requestSubject(row), details: { dueOn: row.dueOn, userIds } });
    }
    return rows.length;
  });

  const stuck = await deps.runner.run(system, (ctx) => q.stuck(ctx.tx, new Date(now.getTime() - stuckAfterMs)));
  for (const row of stuck) await deps.jobs.send(row.status === 'queued' ? collectQueue : packageQueue, { id: row.id });
  return { expired, reminded, requeued: stuck.length };
}

const everyMs = 60 * 60_000;

/** Runs the sweep every hour, and once soon after start-up. Returns the stopper. */
export function startSubjectAccessSweep(deps: SweepDeps, log: Pick<FastifyBaseLogger, 'error'>): () => void {
  return startSweep('sweep subject access requests', () => sweepSubjectAccess(deps), { everyMs, firstAfterMs: 60_000 }, log);
}

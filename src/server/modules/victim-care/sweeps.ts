import type { FastifyBaseLogger } from 'fastify';
import { victimCareDefaults } from '../../../shared/victim-care.ts';
import type { Runner } from '../../platform/context.ts';
import { londonToday } from '../../platform/london.ts';
import { notify, recordLink } from '../notifications/notify.ts';
import { formatDue } from '../tasks/announce.ts';
import * as q from './queries.ts';
import { settleTriggers, sweepBatch } from './triggers/service.ts';

const system = { actor: null, origin: { ip: null } };
const batch = 500;

/**
 * Tells the supervisors of the team holding each victim, once per date due, that a contact is
 * overdue beyond the partnership's grace period. The message names nobody; the link checks access.
 * Returns how many plans it told of.
 */
export async function sweepOverdueContacts(runner: Runner): Promise<number> {
  let told = 0;
  for (;;) {
    const claimed = await runner.run(system, async (ctx) => {
      const rows = await q.claimOverdueForAlert(ctx.tx, victimCareDefaults.overdueGraceDays, batch);
      const live = rows.filter((r) => !r.merged);
      const supervisors = await q.supervisorsOf(ctx.tx, [...new Set(live.map((r) => r.owner_team_id))]);
      for (const plan of live) {
        const supervisorIds = supervisors.filter((s) => s.teamId === plan.owner_team_id).map((s) => s.userId);
        await notify(ctx, supervisorIds.map((userId) => ({
          userId,
          kind: 'contact_overdue' as const,
          message: `A victim's contact is overdue: it was due ${formatDue(plan.next_contact_due)}.`,
          link: recordLink('profile', plan.profile_id),
          record: { kind: 'profile' as const, id: plan.profile_id },
        })));
        ctx.audit({
          action: 'contact_plan.supervisors_alerted',
          entityType: 'profile',
          entityId: plan.profile_id,
          subjectOrganisationId: plan.owner_organisation_id,
          subjectTeamId: plan.owner_team_id,
          details: { by: 'overdue contact sweep', dueOn: plan.next_contact_due, supervisorIds },
        });
      }
      return rows.length;
    });
    told += claimed;
    if (claimed < batch) return told;
  }
}

/**
 * The nightly count over every partnership: raises the flags reports did not (edits, imports, new
 * settings) and clears those no longer met, a batch per transaction until a batch is not full.
 * Returns how many flags it raised.
 */
export async function sweepCommunityTriggers(runner: Runner, batch = sweepBatch): Promise<number> {
  let raised = 0;
  for (;;) {
    const settled = await runner.run(system, (ctx) => settleTriggers(ctx, null, { by: 'sweep' }, batch));
    raised += settled.raised;
    if (settled.raised < batch && settled.cleared < batch) return raised;
  }
}

const overdueEveryMs = 60_000;
const nightlyCheckEveryMs = 10 * 60_000;
/** The hour (London) after which the night's community trigger sweep runs. */
const nightlyHour = 2;
const londonHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', hourCycle: 'h23' });

/**
 * Runs the overdue alerts every minute and the community trigger once a night, after 02:00 in
 * London (and once after start-up, so a restart does not skip a night). Returns the stopper.
 */
export function startVictimCareSweeps(runner: Runner, log: Pick<FastifyBaseLogger, 'error'>): () => void {
  let lastNight: string | null = null;
  const overdue = setInterval(() => {
    sweepOverdueContacts(runner).catch((error: unknown) => log.error({ err: error }, 'could not alert supervisors of overdue contacts'));
  }, overdueEveryMs);
  const nightly = setInterval(() => {
    const now = new Date();
    const today = londonToday(now);
    if (lastNight === today || (lastNight !== null && Number(londonHour.format(now)) < nightlyHour)) return;
    lastNight = today;
    sweepCommunityTriggers(runner).catch((error: unknown) => log.error({ err: error }, 'could not sweep the community trigger'));
  }, nightlyCheckEveryMs);
  overdue.unref();
  nightly.unref();
  return () => {
    clearInterval(overdue);
    clearInterval(nightly);
  };
}

import type { FastifyBaseLogger } from 'fastify';
import type { Runner } from '../../../platform/context.ts';
import { notify } from '../../notifications/notify.ts';
import { referralSubject } from '../referral.ts';
import * as q from './queries.ts';

const system = { actor: null, origin: { ip: null } };
const batch = 500;

const londonClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const londonDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric' });
const dueAt = (at: Date) => `${londonClock.format(at)} on ${londonDay.format(at)}`;

/**
 * Tells the supervisors of each desk (its admins and members flagged as supervisors), once per due
 * time, that a referral's decision is overdue. The message names the reference and the desk,
 * nobody the referral is about. Returns how many referrals it told of.
 */
export async function sweepOverdueReferrals(runner: Runner): Promise<number> {
  let told = 0;
  for (;;) {
    const claimed = await runner.run(system, async (ctx) => {
      const rows = await q.claimOverdue(ctx.tx, batch);
      const supervisors = await q.supervisorsOf(ctx.tx, [...new Set(rows.map((r) => r.team_id))]);
      for (const referral of rows) {
        const supervisorIds = supervisors.filter((s) => s.teamId === referral.team_id).map((s) => s.userId);
        await notify(ctx, supervisorIds.map((userId) => ({
          userId,
          kind: 'referral_overdue' as const,
          message: `A decision on referral ${referral.reference} on the ${referral.team_name} triage desk is overdue: it was due at ${dueAt(referral.decision_due_at)}.`,
          link: `/referrals/${referral.id}`,
          subjectId: referral.id,
        })));
        ctx.audit({
          action: 'referral.supervisors_alerted',
          ...referralSubject({ id: referral.id, team: { id: referral.team_id, organisationId: referral.organisation_id } }),
          details: { by: 'overdue referral sweep', reference: referral.reference, decisionDueAt: referral.decision_due_at.toISOString(), supervisorIds },
        });
      }
      return rows.length;
    });
    told += claimed;
    if (claimed < batch) return told;
  }
}

const everyMs = 60_000;

/** Runs the overdue alerts every minute. Returns the stopper. */
export function startReferralSweep(runner: Runner, log: Pick<FastifyBaseLogger, 'error'>): () => void {
  const timer = setInterval(() => {
    sweepOverdueReferrals(runner).catch((error: unknown) => log.error({ err: error }, 'could not alert supervisors of overdue referrals'));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

import type { FastifyBaseLogger } from 'fastify';
import type { Runner } from '../../../platform/context.ts';
import { notify } from '../../notifications/notify.ts';
import * as q from './queries.ts';

const system = { actor: null, origin: { ip: null } };
const batch = 500;

/**
 * Puts every record past its rule's time in the retention queue (D18), a batch at a time per
 * rule, and tells the owning organisations' administrators once per sweep that added to their
 * queue. Records held, anonymised, already waiting or kept beyond today are left out, so a sweep
 * run twice adds nothing. Every partnership's rules, or one partnership's when a system
 * administrator asks for it now. Returns how many reviews it added per kind of record.
 */
export async function sweepRetention(runner: Runner, partnershipId: string | null = null): Promise<Record<string, number>> {
  const rules = await runner.run(system, (ctx) => q.activeRules(ctx.tx, partnershipId));
  const counts: Record<string, number> = {};
  for (const rule of rules) {
    for (;;) {
      const added = await runner.run(system, async (ctx) => {
        const byOrganisation = await q.sweepRule(ctx.tx, rule, batch);
        const reviewers = await q.reviewersOf(ctx.tx, byOrganisation.map((o) => o.organisationId));
        await notify(ctx, reviewers.map((r) => ({
          userId: r.id,
          kind: 'retention_due' as const,
          message: 'Records your organisation holds have passed their retention period and wait for a decision.',
          link: '/data-protection/retention',
          subjectId: rule.id,
        })));
        const total = byOrganisation.reduce((sum, o) => sum + o.added, 0);
        if (total > 0) ctx.audit({ action: 'retention.swept', entityType: 'retention_rule', entityId: rule.id, details: { counts: { [rule.recordKind]: total } } });
        return total;
      });
      counts[rule.recordKind] = (counts[rule.recordKind] ?? 0) + added;
      if (added < batch) break;
    }
  }
  return counts;
}

const everyMs = 60 * 60_000;

/** Sweeps every hour; the first sweep is the caller's, at start-up. Returns the stopper. */
export function startRetentionSweep(runner: Runner, log: Pick<FastifyBaseLogger, 'error'>): { first: () => Promise<void>; stop: () => void } {
  const run = () => sweepRetention(runner).then(() => undefined, (error: unknown) => log.error({ err: error }, 'could not sweep records past their retention period'));
  const hourly = setInterval(() => void run(), everyMs);
  hourly.unref();
  return { first: run, stop: () => clearInterval(hourly) };
}

import type { FastifyBaseLogger } from 'fastify';
import type { Runner } from '../../platform/context.ts';
import { londonToday } from '../../platform/london.ts';
import { notify } from '../notifications/notify.ts';
import { formatDue } from '../tasks/announce.ts';
import * as agreements from './agreements/queries.ts';
import * as bases from './lawful-basis/queries.ts';
import { startSweep } from '../../platform/sweeps.ts';

const system = { actor: null, origin: { ip: null } };
const batch = 500;

/**
 * Tells the partnership's system administrators of each agreement, and whoever answers for each
 * person's lawful basis, that its review date is near (within the partnership's reminder days) or
 * past: once per review date, as moving the date (or recording a new basis) asks again. Messages
 * name nobody; the link checks access. Returns how many reviews it told of.
 */
export async function sweepReviewReminders(runner: Runner, today = londonToday()): Promise<number> {
  let told = 0;
  for (;;) {
    const claimed = await runner.run(system, async (ctx) => {
      const due = await agreements.claimDueAgreements(ctx.tx, today, batch);
      for (const agreement of due) {
        const userIds = await agreements.keepersOf(ctx.tx, agreement.partnership_id);
        await notify(ctx, userIds.map((userId) => ({
          userId,
          kind: 'review_due' as const,
          message: `An information sharing agreement is due for review on ${formatDue(agreement.review_on)}.`,
          link: `/data-protection/agreements/${agreement.id}`,
          subjectId: agreement.id,
        })));
        ctx.audit({ action: 'review.reminded', entityType: 'sharing_agreement', entityId: agreement.id, details: { reviewOn: agreement.review_on, userIds } });
      }
      return due.length;
    });
    told += claimed;
    if (claimed < batch) break;
  }
  for (;;) {
    const claimed = await runner.run(system, async (ctx) => {
      const due = await bases.claimDueBases(ctx.tx, today, batch);
      for (const basis of due) {
        const userIds = await bases.keepersOf(ctx.tx, basis.id);
        await notify(ctx, userIds.map((userId) => ({
          userId,
          kind: 'review_due' as const,
          message: `A lawful basis your organisation holds for a person is due for review on ${formatDue(basis.review_on)}.`,
          link: `/profiles/${basis.profile_id}?section=data-protection`,
          record: { kind: 'profile' as const, id: basis.profile_id },
          subjectId: basis.id,
        })));
        ctx.audit({
          action: 'review.reminded',
          entityType: 'lawful_basis',
          entityId: basis.id,
          subjectOrganisationId: basis.owner_organisation_id,
          subjectTeamId: basis.owner_team_id,
          details: { reviewOn: basis.review_on, userIds },
        });
      }
      return due.length;
    });
    told += claimed;
    if (claimed < batch) return told;
  }
}

const everyMs = 60 * 60_000;

/** Runs the review reminders every hour, and once soon after start-up. Returns the stopper. */
export function startReviewReminders(runner: Runner, log: Pick<FastifyBaseLogger, 'error'>): () => void {
  return startSweep('send data protection review reminders', () => sweepReviewReminders(runner), { everyMs, firstAfterMs: 60_000 }, log);
}

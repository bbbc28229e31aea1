import type { FastifyBaseLogger } from 'fastify';
import type { AnyContext } from '../../platform/context.ts';
import type { Platform } from '../../platform/http/types.ts';
import { londonToday } from '../../platform/london.ts';
import { notify, type Notice } from '../notifications/notify.ts';
import * as q from './queries.ts';
import { startSweep } from '../../platform/sweeps.ts';

const everyMs = 60 * 60_000;
const batch = 500;
const system = { actor: null, origin: { ip: null } };

async function teamsOf(ctx: AnyContext, schemeIds: string[]) {
  const rows = await q.schemeTeams(ctx.tx, [...new Set(schemeIds)]);
  return (schemeId: string) => rows.filter((r) => r.schemeId === schemeId);
}

/**
 * Cards past their expiry date become `expired` (a look-up still answers with that status) and
 * the scheme's staff are told. The accuracy review: on a holder's review date they become `review_due` and the scheme's staff
 * are told (one notice each per sweep, naming nobody); a holder still unconfirmed the scheme's
 * removal interval later is taken off the register, their card withdrawn, and the scheme's team
 * administrators told. Returns how many holders it moved.
 */
export async function sweepSchemeReviews(platform: Pick<Platform, 'runner'>, today = londonToday()): Promise<number> {
  let moved = 0;
  for (;;) {
    const claimed = await platform.runner.run(system, async (ctx) => {
      // Removals first, so a holder just found due is told of before being taken off, never both at once.
      const removed = await q.claimRemovals(ctx.tx, today, batch);
      const due = await q.claimReviewsDue(ctx.tx, today, batch);
      await q.withdrawCards(ctx.tx, removed.map((r) => r.id));
      const expired = await q.claimExpiredCards(ctx.tx, today, batch);
      const team = await teamsOf(ctx, [...due, ...removed, ...expired].map((r) => r.schemeId));
      const notices: Notice[] = [];
      for (const schemeId of new Set(due.map((r) => r.schemeId))) {
        const count = due.filter((r) => r.schemeId === schemeId).length;
        notices.push(...team(schemeId).filter((m) => m.userId && m.role !== 'read_only').map((m) => ({
          userId: m.userId!,
          kind: 'scheme_review_due' as const,
          message: `${count} Keep Safe cardholder${count === 1 ? '\'s details are' : 's\' details are'} due for review.`,
          link: '/schemes/keep-safe?status=review_due',
          subjectId: schemeId,
        })));
      }
      for (const schemeId of new Set(removed.map((r) => r.schemeId))) {
        const count = removed.filter((r) => r.schemeId === schemeId).length;
        notices.push(...team(schemeId).filter((m) => m.userId && m.role === 'team_admin').map((m) => ({
          userId: m.userId!,
          kind: 'scheme_review_due' as const,
          message: `${count} Keep Safe cardholder${count === 1 ? ' was' : 's were'} taken off the register: their review was not confirmed in time.`,
          link: '/schemes/keep-safe?status=removed',
          subjectId: schemeId,
        })));
      }
      // The staff tell the holders and print their renewed cards; an expired card no longer says it is valid.
      for (const schemeId of new Set(expired.map((r) => r.schemeId))) {
        const count = expired.filter((r) => r.schemeId === schemeId).length;
        notices.push(...team(schemeId).filter((m) => m.userId && m.role !== 'read_only').map((m) => ({
          userId: m.userId!,
          kind: 'scheme_card_expired' as const,
          message: `${count} Keep Safe card${count === 1 ? ' has' : 's have'} expired: tell the holder${count === 1 ? '' : 's'} and issue a renewal.`,
          link: '/schemes/keep-safe',
          subjectId: schemeId,
        })));
      }
      await notify(ctx, notices);
      for (const r of expired) {
        const [member] = team(r.schemeId);
        ctx.audit({
          action: 'cardholder.card_expired', entityType: 'cardholder', entityId: r.cardholderId,
          subjectOrganisationId: member?.organisationId ?? null, subjectTeamId: member?.teamId ?? null, details: { cardId: r.id },
        });
      }
      for (const r of due) {
        const [member] = team(r.schemeId);
        ctx.audit({
          action: 'cardholder.review_due', entityType: 'cardholder', entityId: r.id,
          subjectOrganisationId: member?.organisationId ?? null, subjectTeamId: member?.teamId ?? null, details: { reviewDueOn: r.reviewDueOn },
        });
      }
      for (const r of removed) {
        const [member] = team(r.schemeId);
        ctx.audit({
          action: 'cardholder.removed', entityType: 'cardholder', entityId: r.id,
          subjectOrganisationId: member?.organisationId ?? null, subjectTeamId: member?.teamId ?? null, details: { removalReason: 'review_unconfirmed' },
        });
      }
      return Math.max(due.length, removed.length, expired.length);
    });
    moved += claimed;
    if (claimed < batch) return moved;
  }
}

export function startSchemeReviewSweep(platform: Platform, log: Pick<FastifyBaseLogger, 'error'>): () => void {
  return startSweep('sweep the scheme reviews', () => sweepSchemeReviews(platform), { everyMs }, log);
}

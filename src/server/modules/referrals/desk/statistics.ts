import type { z } from 'zod';
import type { referralStatistics, referralStatisticsQuery } from '../../../../shared/api/referrals.ts';
import { referralChannels, referralDecisions, type ReferralDecision } from '../../../../shared/referrals.ts';
import type { Context } from '../../../platform/context.ts';
import { ValidationError } from '../../../platform/errors.ts';
import { addDays, londonInstant, londonToday } from '../../../platform/london.ts';
import { deskOf, deskSubject, requireDesk } from '../referral.ts';
import * as q from './queries.ts';

/** The figures cover the last 90 London days, today included, unless a range is given. */
const defaultDays = 90;

/** What a referral can end as; asking for more information is a step on the way, not an outcome. */
const outcomes = referralDecisions.filter((d): d is Exclude<ReferralDecision, 'more-information'> => d !== 'more-information');

const inHours = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
const durations = (d: q.Durations) => ({ count: d.count, medianHours: inHours(d.median), p95Hours: inHours(d.p95) });

/**
 * A desk's figures over London dates: referrals received (by channel) and decided, the median
 * and 95th percentile hours from arrival to decision over all and by outcome, and how many are
 * open and overdue now. Counts only, never a person.
 */
export async function deskStatistics(ctx: Context, query: z.infer<typeof referralStatisticsQuery>): Promise<z.infer<typeof referralStatistics>> {
  const to = query.to ?? londonToday();
  const from = query.from ?? addDays(to, 1 - defaultDays);
  if (from > to) throw new ValidationError([{ field: 'to', problem: 'must not be before from' }]);
  const team = await deskOf(ctx, query.teamId ?? ctx.actor.teamId);
  requireDesk(ctx, team, deskSubject(team));
  const range = { from: londonInstant(from, 0), to: londonInstant(addDays(to, 1), 0) };
  const counts = await q.deskCounts(ctx.tx, team.id, range);
  const times = await q.timesToDecision(ctx.tx, team.id, range);
  const byChannel = new Map(counts.byChannel.map((c) => [c.channel, c.count]));
  const received = counts.byChannel.reduce((sum, c) => sum + c.count, 0);
  ctx.audit({ action: 'referral_statistics.viewed', ...deskSubject(team), details: { teamId: team.id, from, to, received } });
  return {
    team: { id: team.id, name: team.name },
    from,
    to,
    received,
    decided: times.overall.count,
    open: counts.open,
    overdue: counts.overdue,
    timeToDecision: durations(times.overall),
    byOutcome: outcomes.map((outcome) => ({ outcome, ...durations(times.byDecision.get(outcome) ?? { count: 0, median: null, p95: null }) })),
    byChannel: referralChannels.map((channel) => ({ channel, count: byChannel.get(channel) ?? 0 })),
  };
}

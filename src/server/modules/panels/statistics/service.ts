import type { z } from 'zod';
import type { PanelStatistics, panelStatisticsQuery } from '../../../../shared/api/panels.ts';
import { referralCriteria } from '../../../../shared/panels.ts';
import type { Context } from '../../../platform/context.ts';
import { ValidationError } from '../../../platform/errors.ts';
import { panelRefOf, panelSubject, visiblePanel } from '../panel.ts';
import * as q from './queries.ts';

/**
 * A panel's figures over a date range, for its members: counts only, never a person. The repeat
 * rate is a fraction (SafeLives' benchmark is 0.28); with no referrals it is 0.
 */
export async function panelStatistics(ctx: Context, panelId: string, query: z.infer<typeof panelStatisticsQuery>, exported = false): Promise<PanelStatistics> {
  const from = query.from ?? null;
  const to = query.to ?? null;
  if (from && to && from > to) throw new ValidationError([{ field: 'to', problem: 'must not be before from' }]);
  const panel = await visiblePanel(ctx, panelId);
  const referrals = await q.referralFigures(ctx.tx, panelId, from, to);
  const actions = await q.actionFigures(ctx.tx, panelId, from, to);
  const stats: PanelStatistics = {
    panel: panelRefOf(panel.row.panel),
    from,
    to,
    referrals: referrals.referrals,
    repeatReferrals: referrals.repeats,
    repeatRate: referrals.referrals === 0 ? 0 : Math.round((referrals.repeats / referrals.referrals) * 1000) / 1000,
    byCriterion: referralCriteria.map((criterion) => ({ criterion, count: referrals.byCriterion.get(criterion) ?? 0 })),
    actions: actions.actions,
    actionsCompleted: actions.completed,
    actionsCompletedOnTime: actions.onTime,
  };
  ctx.audit({ action: exported ? 'panel_statistics.exported' : 'panel_statistics.viewed', ...panelSubject(panel), details: { panelId, from, to, referrals: stats.referrals } });
  return stats;
}

import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/transaction.ts';

/** A London calendar date of a timestamp column, within the range's ends where they are given. */
function inRange(column: SQL, from: string | null, to: string | null): SQL {
  const day = sql`(${column} at time zone 'Europe/London')::date`;
  return sql`${from ? sql`${day} >= ${from}::date` : sql`true`} and ${to ? sql`${day} <= ${to}::date` : sql`true`}`;
}

/** The panel's referrals in the range, withdrawn ones aside: how many, how many repeats, and by criterion. */
export async function referralFigures(tx: Tx, panelId: string, from: string | null, to: string | null) {
  const made = sql`r.panel_id = ${panelId} and r.status <> 'withdrawn' and ${inRange(sql`r.created_at`, from, to)}`;
  const { rows: [totals] } = await tx.execute<{ referrals: number; repeats: number }>(sql`
    select count(*)::int as referrals, count(*) filter (where r.repeat)::int as repeats from panel_referrals r where ${made}`);
  const { rows: criteria } = await tx.execute<{ criterion: string; count: number }>(sql`
    select c.criterion, count(*)::int as count from panel_referrals r cross join lateral unnest(r.criteria) as c(criterion)
     where ${made} group by c.criterion`);
  return {
    referrals: totals?.referrals ?? 0,
    repeats: totals?.repeats ?? 0,
    byCriterion: new Map(criteria.map((r) => [r.criterion, r.count])),
  };
}

/** Actions agreed at the panel's meetings in the range (by when each was set), done, and done by their due date. */
export async function actionFigures(tx: Tx, panelId: string, from: string | null, to: string | null) {
  const { rows } = await tx.execute<{ actions: number; completed: number; onTime: number }>(sql`
    select count(*)::int as actions,
           count(*) filter (where t.status = 'completed')::int as completed,
           count(*) filter (where t.status = 'completed' and (t.completed_at at time zone 'Europe/London')::date <= t.due_on)::int as "onTime"
      from agenda_actions aa
      join agenda_items ai on ai.id = aa.item_id
      join meetings m on m.id = ai.meeting_id
      join tasks t on t.id = aa.task_id
     where m.panel_id = ${panelId} and ${inRange(sql`t.created_at`, from, to)}`);
  return rows[0] ?? { actions: 0, completed: 0, onTime: 0 };
}

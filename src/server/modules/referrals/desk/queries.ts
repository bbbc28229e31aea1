import { sql, type SQL } from 'drizzle-orm';
import { openReferralStates, type ReferralChannel, type ReferralDecision, type ReferralState } from '../../../../shared/referrals.ts';
import type { Tx } from '../../../db/transaction.ts';

/**
 * Where a state sorts on the desk: open referrals on the clock first, most urgent first; those
 * waiting for the referrer after them (their clock stands still); then the ones finished with,
 * latest first.
 */
function deskGroup(state: ReferralState): 0 | 1 | 2 {
  if (state === 'waiting-for-information') return 1;
  return openReferralStates.includes(state) ? 0 : 2;
}

/** The sort key of a desk row: its group, a time (the due time, or when it was finished with) and its id. */
export interface DeskKey {
  group: number;
  at: string;
  id: string;
}

export interface DeskFilter {
  teamId: string;
  states: readonly ReferralState[];
  /** A user's id, or null for nobody; undefined for anyone. */
  assignedTo?: string | null;
  after: DeskKey | null;
  limit: number;
}

const finishedAt = sql`coalesce(r.decided_at, r.updated_at)`;
const utc = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * One index-ordered scan per state (`referrals_desk_idx` for the open ones), each cut to the
 * page, so a desk of 100,000 referrals reads no more than a page per state; null when the
 * cursor is already past the state's group.
 */
function branch(state: ReferralState, filter: DeskFilter): SQL | null {
  const group = deskGroup(state);
  const after = filter.after;
  if (after && group < after.group) return null;
  const open = group < 2;
  const time = open ? sql`r.decision_due_at` : finishedAt;
  const keyset = after && group === after.group
    ? sql` and (${time}, r.id) ${open ? sql`>` : sql`<`} (${after.at}::timestamptz, ${after.id}::uuid)`
    : sql``;
  const assigned = filter.assignedTo === undefined ? sql`` : filter.assignedTo === null ? sql` and r.assigned_to_id is null` : sql` and r.assigned_to_id = ${filter.assignedTo}`;
  const direction = open ? sql`asc` : sql`desc`;
  return sql`(select r.id, ${group}::int as grp, ${utc(time)} as sort_at from referrals r
     where r.team_id = ${filter.teamId} and r.status = ${state}${assigned}${keyset}
     order by ${time} ${direction}, r.id ${direction} limit ${filter.limit + 1})`;
}

export type DeskRow = {
  id: string;
  grp: number;
  sort_at: string;
  reference: string;
  status: ReferralState;
  channel: ReferralChannel;
  received_at: Date;
  decision_due_at: Date;
  paused_at: Date | null;
  sealed_subject: string;
  form_id: string | null;
  form_name: string | null;
  assigned_to_id: string | null;
  assigned_to_name: string | null;
};

/** A page of a team's desk in the desk's order, and one row more when there is a next page. */
export async function listDesk(tx: Tx, filter: DeskFilter): Promise<DeskRow[]> {
  const branches = filter.states.map((s) => branch(s, filter)).filter((b) => b !== null);
  if (branches.length === 0) return [];
  const { rows } = await tx.execute<DeskRow>(sql`
    with page as (${sql.join(branches, sql` union all `)})
    select page.id, page.grp, page.sort_at, r.reference, r.status, r.channel, r.received_at, r.decision_due_at, r.paused_at, r.sealed_subject,
           f.id as form_id, f.name as form_name, u.id as assigned_to_id, u.name as assigned_to_name
      from page
      join referrals r on r.id = page.id
      left join referral_forms f on f.id = r.form_id
      left join users u on u.id = r.assigned_to_id`);
  // Each state came in its own order; the page is their merge.
  return rows
    .map((r) => ({ ...r, received_at: new Date(r.received_at), decision_due_at: new Date(r.decision_due_at), paused_at: r.paused_at && new Date(r.paused_at) }))
    .sort((a, b) => a.grp - b.grp || (a.grp < 2 ? compare(a, b) : compare(b, a)))
    .slice(0, filter.limit + 1);
}

const compare = (a: DeskRow, b: DeskRow) => (a.sort_at < b.sort_at ? -1 : a.sort_at > b.sort_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// The desk's figures.

export interface Range {
  from: Date;
  to: Date;
}

const decided = sql`r.status in ('accepted', 'signposted', 'declined')`;
const hours = sql`extract(epoch from (r.decided_at - r.received_at)) / 3600`;

/** Received in the range (by channel), open and overdue now. */
export async function deskCounts(tx: Tx, teamId: string, range: Range) {
  const { rows: channels } = await tx.execute<{ channel: ReferralChannel; count: number }>(sql`
    select r.channel, count(*)::int as count from referrals r
     where r.team_id = ${teamId} and r.received_at >= ${range.from.toISOString()}::timestamptz and r.received_at < ${range.to.toISOString()}::timestamptz
     group by r.channel`);
  const { rows: [now] } = await tx.execute<{ open: number; overdue: number }>(sql`
    select count(*)::int as open,
           count(*) filter (where r.status <> 'waiting-for-information' and r.decision_due_at < now())::int as overdue
      from referrals r
     where r.team_id = ${teamId} and r.status in ('new', 'in-triage', 'waiting-for-information')`);
  return { byChannel: channels, open: now?.open ?? 0, overdue: now?.overdue ?? 0 };
}

export interface Durations {
  count: number;
  median: number | null;
  p95: number | null;
}

/** Hours from arrival to decision of the referrals decided in the range: over all, and by decision. */
export async function timesToDecision(tx: Tx, teamId: string, range: Range) {
  const { rows } = await tx.execute<{ decision: ReferralDecision | null; count: number; median: number | null; p95: number | null }>(sql`
    select r.decision, count(*)::int as count,
           percentile_cont(0.5) within group (order by ${hours})::float8 as median,
           percentile_cont(0.95) within group (order by ${hours})::float8 as p95
      from referrals r
     where r.team_id = ${teamId} and ${decided} and r.decided_at >= ${range.from.toISOString()}::timestamptz and r.decided_at < ${range.to.toISOString()}::timestamptz
     group by grouping sets ((), (r.decision))`);
  const overall = rows.find((r) => r.decision === null);
  return {
    overall: { count: overall?.count ?? 0, median: overall?.median ?? null, p95: overall?.p95 ?? null },
    byDecision: new Map(rows.filter((r) => r.decision !== null).map((r) => [r.decision!, { count: r.count, median: r.median, p95: r.p95 }])),
  };
}

// The overdue sweep.

/** A team's supervisors: its admins and the members flagged as supervisors, who may change records. */
const supervises = sql`u.disabled_at is null and u.role <> 'read_only' and (u.role = 'team_admin' or u.is_supervisor)`;

/**
 * Claims the open referrals on the clock whose decision is overdue and whose team's supervisors
 * have not heard of this due time (`referrals_overdue_idx`), marking them told. One whose team
 * has no supervisor is left unclaimed, so they hear once the team has one.
 */
export async function claimOverdue(tx: Tx, batch: number) {
  const { rows } = await tx.execute<{ id: string; reference: string; team_id: string; team_name: string; organisation_id: string; decision_due_at: Date }>(sql`
    with due as (
      select r.id
        from referrals r
       where r.status in ('new', 'in-triage') and r.paused_at is null and r.supervisors_alerted_at is null
         and r.decision_due_at < now()
         and exists (select 1 from users u where u.team_id = r.team_id and ${supervises})
       order by r.decision_due_at
       limit ${batch}
         for update of r skip locked)
    update referrals r set supervisors_alerted_at = now()
      from due, teams t
     where r.id = due.id and t.id = r.team_id
    returning r.id, r.reference, r.team_id, t.name as team_name, t.organisation_id, r.decision_due_at`);
  return rows.map((r) => ({ ...r, decision_due_at: new Date(r.decision_due_at) }));
}

export async function supervisorsOf(tx: Tx, teamIds: string[]): Promise<{ teamId: string; userId: string }[]> {
  if (teamIds.length === 0) return [];
  const { rows } = await tx.execute<{ teamId: string; userId: string }>(sql`
    select u.team_id as "teamId", u.id as "userId" from users u
     where u.team_id in (${sql.join(teamIds.map((id) => sql`${id}::uuid`), sql`, `)}) and ${supervises}`);
  return rows;
}

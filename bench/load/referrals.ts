import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { SealedSubject, SealedSubmission } from '../../src/server/modules/referrals/referral.ts';
import { newReference } from '../../src/server/modules/referrals/intake/reference.ts';
import { seal, sealJson, type KeyRing } from '../../src/server/platform/crypto/envelope.ts';
import { decisionDueAt } from '../../src/server/platform/working-days.ts';
import type { FormDefinition } from '../../src/shared/forms/definition.ts';
import { referralFormDefaults, type ReferralChannel, type ReferralDecision, type ReferralState } from '../../src/shared/referrals.ts';
import { madeUpAnswers, madeUpConcern, madeUpReferrer, madeUpSubject } from '../referrals/people.ts';

/** The desk the benchmark works, and the form the public sends to it with. */
export interface BenchDesk {
  teamId: string;
  form: { id: string; versionId: string; definition: FormDefinition; decisionDays: number };
}

/** A team's desk as the loader fills it: who works it, and cases an accepted referral went into. */
interface LoadedDesk {
  teamId: string;
  partnershipId: string;
  members: string[];
  cases: { caseId: string; profileId: string }[];
  form: BenchDesk['form'] | null;
}

const hour = 3_600_000;
const day = 24 * hour;
/** How far back the loaded referrals go. */
const history = 2 * 365 * day;
/** Open referrals arrived within this: the desk's backlog. */
const backlog = 28 * day;
/** Rows per statement: every column is one array parameter, so a chunk is bounded by its bytes, not by 65,535 parameters. */
const chunk = 5000;

/**
 * Where referrals stand, by share: a few in a hundred still open (the desk's backlog), a few
 * withdrawn, the rest decided — accepted, signposted and declined in about equal parts.
 */
const stateShares: [ReferralState, number][] = [
  ['new', 0.012], ['in-triage', 0.014], ['waiting-for-information', 0.004], ['withdrawn', 0.01],
  ['accepted', 0.29], ['signposted', 0.39], ['declined', 0.28],
];

function drawState(): ReferralState {
  let r = Math.random();
  for (const [state, share] of stateShares) {
    if (r < share) return state;
    r -= share;
  }
  return 'declined';
}

/** Most arrive through the public form; the rest are keyed in by the team. */
function drawChannel(onForm: boolean): ReferralChannel {
  const r = Math.random();
  if (onForm && r < 0.7) return 'online-form';
  return r < 0.85 ? 'phone' : r < 0.93 ? 'email' : r < 0.98 ? 'paper' : 'in-person';
}

const reasons: Record<Exclude<ReferralDecision, 'more-information' | 'scheme-application'>, string[]> = {
  'new-case': ['Meets the threshold for ASB case management.', 'Repeat victim; a case opened for the team to work.'],
  'existing-case': ['Already known: added to the open case.', 'Part of the ongoing case on this street.'],
  signpost: ['Better served by another service; the referrer was told where to go.', 'Not for this team; signposted with the referrer\'s agreement.'],
  decline: ['Below the threshold for the team; no further action.', 'Not enough to act on and the referrer could not be reached.'],
};
const signposts = ['Citizens Advice', 'Victim Support', 'the council\'s environmental health team', 'the housing association\'s tenancy team', 'a mediation service'];
const question = 'Can you tell us when this last happened, and whether anyone else saw it?';

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** A UUIDv7 of the given time, as the app makes its keys, so the loaded rows sit in time order. */
function uuidAt(ms: number): string {
  const b = randomBytes(16);
  b.writeUIntBE(Math.floor(ms), 0, 6);
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Hours a decision took: a day or so typically, a few much longer. */
const hoursToDecide = () => Math.min(24 * 40, Math.exp(Math.log(18) + 1.1 * Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random())));

/** The referrals table's columns in the order the insert lists them. */
const columns = [
  ['id', 'uuid'], ['partnership_id', 'uuid'], ['team_id', 'uuid'], ['form_id', 'uuid'], ['form_version_id', 'uuid'], ['reference', 'text'],
  ['channel', 'text'], ['status', 'text'], ['received_at', 'timestamptz'], ['decision_due_at', 'timestamptz'], ['paused_at', 'timestamptz'],
  ['assigned_to_id', 'uuid'], ['sealed_subject', 'text'], ['sealed_submission', 'text'], ['created_by', 'uuid'], ['decision', 'text'],
  ['decision_reason', 'text'], ['decided_at', 'timestamptz'], ['decided_by', 'uuid'], ['case_id', 'uuid'], ['profile_id', 'uuid'],
  ['signposted_to', 'text'], ['supervisors_alerted_at', 'timestamptz'], ['version', 'int'], ['updated_at', 'timestamptz'],
] as const;
type Row = Record<(typeof columns)[number][0], unknown>;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** One referral on a desk, as the app would have left it after its steps: sealed as the server seals, the clock as it sets it. */
function referralRow(ring: KeyRing, desk: LoadedDesk, references: Set<string>, now: number): Row {
  const status = drawState();
  const open = status === 'new' || status === 'in-triage' || status === 'waiting-for-information';
  const received = open ? now - backlog * Math.random() : now - hour - (history - hour) * Math.random();
  const channel = drawChannel(desk.form !== null);
  // Staff key half of theirs onto the form's questions, the rest as a concern in their words.
  const form = desk.form && (channel === 'online-form' || Math.random() < 0.5) ? desk.form : null;
  const subject = madeUpSubject();
  const sealedSubject: SealedSubject = { firstName: subject.firstName, lastName: subject.lastName, dateOfBirth: subject.dateOfBirth ?? null };
  const submission: SealedSubmission = {
    referrer: madeUpReferrer(),
    subject,
    answers: form ? madeUpAnswers(form.definition) : {},
    concern: form ? null : madeUpConcern(),
  };
  const due = decisionDueAt(new Date(received), form?.decisionDays ?? referralFormDefaults.decisionDays).getTime();
  const worker = pick(desk.members);
  const finished = open ? null : Math.min(now, received + hoursToDecide() * hour);
  const paused = status === 'waiting-for-information' ? received + (now - received) * Math.random() : null;
  const decision: ReferralDecision | null = status === 'accepted' ? (Math.random() < 0.7 ? 'new-case' : 'existing-case')
    : status === 'signposted' ? 'signpost' : status === 'declined' ? 'decline' : null;
  const into = decision === 'new-case' || decision === 'existing-case' ? desk.cases.length > 0 ? pick(desk.cases) : null : null;
  let reference = newReference();
  while (references.has(reference)) reference = newReference();
  references.add(reference);
  return {
    id: uuidAt(received),
    partnership_id: desk.partnershipId,
    team_id: desk.teamId,
    form_id: form?.id ?? null,
    form_version_id: form?.versionId ?? null,
    reference,
    channel,
    status,
    received_at: iso(received),
    decision_due_at: iso(due),
    paused_at: iso(paused),
    assigned_to_id: status === 'new' ? null : worker,
    sealed_subject: sealJson(ring, sealedSubject),
    sealed_submission: sealJson(ring, submission),
    created_by: channel === 'online-form' ? null : worker,
    decision,
    decision_reason: decision && pick(reasons[decision]),
    decided_at: decision ? iso(finished) : null,
    decided_by: decision ? worker : null,
    case_id: into?.caseId ?? null,
    profile_id: into?.profileId ?? null,
    signposted_to: decision === 'signpost' ? pick(signposts) : null,
    // The sweep has told the supervisors of every decision overdue before the run, as it would have.
    supervisors_alerted_at: open && status !== 'waiting-for-information' && due < now ? iso(due + 60_000) : null,
    version: status === 'new' ? 1 : open ? 3 : 4,
    updated_at: iso(finished ?? paused ?? received + (now - received) * Math.random()),
  };
}

/** A row id from the referral and the step, at the step's time: no key is needed in SQL beyond these. */
const eventId = `overlay(overlay(overlay(md5(e.referral_id::text || ':' || e.step) placing lpad(to_hex((extract(epoch from e.at) * 1000)::bigint), 12, '0') from 1 for 12)
                           placing '7' from 13 for 1) placing '8' from 17 for 1)::uuid`;

/**
 * Each loaded referral's history on the desk, in one statement from the rows themselves: its
 * arrival, triage started, the question to the referrer and the decision, as the steps write them.
 */
const eventsSql = `
  insert into referral_events (id, referral_id, at, step, from_status, to_status, user_id, reason)
  select ${eventId}, e.referral_id, e.at, e.step, e.from_status, e.to_status, e.user_id, e.reason
    from (
      select r.id as referral_id, r.received_at as at, 'received'::text as step, null::text as from_status, 'new'::text as to_status,
             r.created_by as user_id, null::text as reason
        from referrals r where r.id = any($1::uuid[])
      union all
      select r.id, r.received_at + (coalesce(r.decided_at, r.paused_at, r.updated_at) - r.received_at) / 3, 'start-triage', 'new', 'in-triage',
             r.assigned_to_id, null
        from referrals r where r.id = any($1::uuid[]) and r.status <> 'new'
      union all
      select r.id, r.paused_at, 'request-information', 'in-triage', 'waiting-for-information', r.assigned_to_id, null
        from referrals r where r.id = any($1::uuid[]) and r.status = 'waiting-for-information'
      union all
      select r.id, r.updated_at,
             case r.status when 'accepted' then 'accept' when 'signposted' then 'signpost' when 'declined' then 'decline' else 'withdraw' end,
             'in-triage', r.status, r.assigned_to_id, coalesce(r.decision_reason, 'The referrer asked for it to be withdrawn.')
        from referrals r where r.id = any($1::uuid[]) and r.status in ('accepted', 'signposted', 'declined', 'withdrawn')
    ) e`;

/** The question each waiting referral's referrer was sent, sealed, with a link that still works. */
async function insertQuestions(client: pg.PoolClient, ring: KeyRing, rows: Row[]): Promise<void> {
  const waiting = rows.filter((r) => r.status === 'waiting-for-information');
  if (waiting.length === 0) return;
  const asked = waiting.map((r) => new Date(r.paused_at as string).getTime());
  await client.query(`
    insert into referral_information_requests (id, referral_id, token_hash, sealed_question, asked_by, asked_at, expires_at, created_at, updated_at)
    select q.id, q.referral_id, q.token_hash, q.sealed_question, q.asked_by, q.asked_at, q.asked_at + interval '28 days', q.asked_at, q.asked_at
      from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::timestamptz[]) as q(id, referral_id, token_hash, sealed_question, asked_by, asked_at)`,
  [
    asked.map((ms) => uuidAt(ms)), waiting.map((r) => r.id),
    waiting.map(() => createHash('sha256').update(randomBytes(32).toString('base64url')).digest('hex')),
    waiting.map(() => seal(ring, question)), waiting.map((r) => r.assigned_to_id), asked.map((ms) => iso(ms)),
  ]);
}

async function insertChunk(client: pg.PoolClient, ring: KeyRing, rows: Row[]): Promise<void> {
  const names = columns.map(([name]) => name);
  await client.query(`
    insert into referrals (${names.join(', ')}, consent, created_at)
    select ${names.map((n) => `u.${n}`).join(', ')}, true, u.received_at
      from unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) as u(${names.join(', ')})`,
  names.map((name) => rows.map((row) => row[name])));
  await client.query(eventsSql, [rows.map((row) => row.id)]);
  await insertQuestions(client, ring, rows);
}

/** Desks in the database: each team's active staff who may write, and up to 50 of the cases it owns with a person on each. */
async function desks(client: pg.PoolClient): Promise<Map<string, Omit<LoadedDesk, 'form'>>> {
  const { rows } = await client.query<{ team_id: string; partnership_id: string; members: string[]; case_ids: string[] | null; profile_ids: string[] | null }>(`
    select t.id as team_id, o.partnership_id, m.members, c.case_ids, c.profile_ids
      from teams t
      join organisations o on o.id = t.organisation_id
      join (select team_id, array_agg(id order by id) as members from users where disabled_at is null and role <> 'read_only' group by team_id) m on m.team_id = t.id
      left join (select owner_team_id, array_agg(case_id) as case_ids, array_agg(profile_id) as profile_ids
                   from (select c.owner_team_id, c.id as case_id, cp.profile_id,
                                row_number() over (partition by c.owner_team_id order by c.id desc) as n
                           from cases c join case_profiles cp on cp.case_id = c.id) x
                  where n <= 50 group by owner_team_id) c on c.owner_team_id = t.id`);
  return new Map(rows.map((r) => [r.team_id, {
    teamId: r.team_id,
    partnershipId: r.partnership_id,
    members: r.members,
    cases: (r.case_ids ?? []).map((caseId, i) => ({ caseId, profileId: r.profile_ids![i]! })),
  }]));
}

export interface LoadedReferrals {
  desk: Record<string, number>;
  elsewhere: number;
  teams: number;
}

/**
 * `count` referrals on the bench desk, the form's and keyed ones, and `spread` more over every
 * other team with staff (keyed in, without a form), over the last two years; sealed under `ring`
 * as the server seals them, in chunks of `chunk` rows with their events, then analysed.
 */
export async function loadReferrals(pool: pg.Pool, ring: KeyRing, bench: BenchDesk, count: number, spread: number): Promise<LoadedReferrals> {
  const client = await pool.connect();
  try {
    const all = await desks(client);
    const own = all.get(bench.teamId);
    if (!own) throw new Error('the bench desk\'s team has no staff who may work it');
    const desk: LoadedDesk = { ...own, form: bench.form };
    const others = [...all.values()].filter((d) => d.teamId !== bench.teamId).map((d): LoadedDesk => ({ ...d, form: null }));
    const references = new Set<string>();
    const now = Date.now();
    const counts: Record<string, number> = {};
    for (let done = 0; done < count + spread; done += chunk) {
      const rows = Array.from({ length: Math.min(chunk, count + spread - done) }, (_, i) =>
        referralRow(ring, done + i < count ? desk : pick(others), references, now));
      for (const row of rows) if (row.team_id === bench.teamId) counts[row.status as string] = (counts[row.status as string] ?? 0) + 1;
      await insertChunk(client, ring, rows);
    }
    await client.query('vacuum analyze referrals, referral_events, referral_information_requests');
    return { desk: counts, elsewhere: spread, teams: others.length };
  } finally {
    client.release();
  }
}

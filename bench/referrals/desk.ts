import { randomUUID } from 'node:crypto';
import type { Referral, ReferralDecisionBody, ReferralListItem } from '../../src/shared/api/referrals.ts';
import { listDesk } from '../../src/server/modules/referrals/desk/queries.ts';
import { statesOf, type ReferralStatusFilter } from '../../src/shared/referrals.ts';
import { statsOf, type Stats } from '../run/measure.ts';
import { statementOf, type Statement } from '../run/statement.ts';
import type { Caller } from './setup.ts';

/** The first page of a desk as the referrals module reads it: its own statement, as the API sends it. */
export function deskStatement(teamId: string, status: ReferralStatusFilter, limit: number): Promise<Statement> {
  return statementOf((tx) => listDesk(tx, { teamId, states: statesOf(status), after: null, limit }));
}

/** What a triage officer does with a referral, in order. */
export const deskOperations = ['list', 'open', 'matches', 'note', 'assign', 'decide'] as const;
type Operation = (typeof deskOperations)[number];

export interface DeskWork {
  stats: Record<Operation, Stats>;
  decided: Record<string, number>;
  errors: number;
  samples: string[];
}

const notes = [
  'Rang the referrer to check the address; it is correct.',
  'Checked our records: not known to the team before.',
  'Spoke to the neighbourhood officer, who knows the street.',
  'Referrer happy to be contacted again if needed.',
];

/**
 * The decisions a desk takes, in turn: mostly signposting and declining, and one in five
 * accepted into a new ASB case (the person, the case and the first report made from the referral).
 */
function decisionBody(n: number, version: number): ReferralDecisionBody {
  if (n % 5 === 4) return { decision: 'new-case', reason: 'Meets the threshold for ASB case management.', caseType: 'asb', version };
  if (n % 2 === 0) return { decision: 'signpost', reason: 'Better served by another service.', signpostedTo: 'Citizens Advice', version };
  return { decision: 'decline', reason: 'Below the threshold for the team; no further action.', version };
}

/**
 * `users` working the desk at once until `stopped()`, each in a loop: the desk's list, then the
 * most urgent referral no one else has taken (new or in triage), its page with its likely
 * matches, a note, assigning it to themselves, and a decision. Every request is timed by kind;
 * a refusal of any kind is a failure.
 */
export async function workDesk(url: string, users: Caller[], stopped: () => boolean): Promise<DeskWork> {
  const latencies = Object.fromEntries(deskOperations.map((op) => [op, [] as number[]])) as Record<Operation, number[]>;
  const taken = new Set<string>();
  const decided: Record<string, number> = {};
  const samples: string[] = [];
  let errors = 0;
  let decisions = 0;
  const started = performance.now();

  async function timed<T>(op: Operation, as: Caller, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
    const at = performance.now();
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        cookie: as.cookie,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json', 'x-csrf-token': as.csrf }),
        ...(method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    latencies[op].push(performance.now() - at);
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  }

  await Promise.all(users.map(async (user) => {
    while (!stopped()) {
      try {
        const page = await timed<{ items: ReferralListItem[] }>('list', user, 'GET', '/api/v1/referrals');
        const next = page.items.find((i) => (i.status === 'new' || i.status === 'in-triage') && !taken.has(i.id));
        if (!next) throw new Error('the desk\'s first page has nothing left to take');
        taken.add(next.id);
        const path = `/api/v1/referrals/${next.id}`;
        const { version } = await timed<Referral>('open', user, 'GET', path);
        await timed('matches', user, 'GET', `${path}/matches`);
        // A note leaves the version as it is: the page's version still holds for assigning.
        await timed('note', user, 'POST', `${path}/notes`, { text: notes[decisions % notes.length] });
        const assigned = await timed<Referral>('assign', user, 'PATCH', path, { version, assignedToId: user.id });
        const body = decisionBody(decisions++, assigned.version);
        await timed('decide', user, 'POST', `${path}/decision`, body);
        decided[body.decision] = (decided[body.decision] ?? 0) + 1;
      } catch (error) {
        errors++;
        if (samples.length < 5) samples.push(error instanceof Error ? error.message : String(error));
      }
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const stats = Object.fromEntries(deskOperations.map((op) => [op, statsOf(latencies[op], 0, seconds, [])])) as Record<Operation, Stats>;
  return { stats, decided, errors, samples };
}

import { expect } from 'vitest';
import type { Referral } from '../../../shared/api/referrals.ts';
import type { ReferralState, ReferralStep } from '../../../shared/referrals.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Context } from '../../platform/context.ts';
import { latestEmailTo } from '../../test/fixtures.ts';
import type { Agent, TestApp } from '../../test/harness.ts';
import { requestInformation } from './desk/information.ts';
import { openForDesk, takeStep } from './referral.ts';

/** Test helpers for the referrals suites: referrals keyed in through the API, and the steps only a decision takes. */

let counter = 0;

/** Names no other row of the database holds, so a search of the stored bytes finds only these. */
export function uniqueReferral<O extends Record<string, unknown>>(overrides: O = {} as O) {
  counter++;
  const tag = `${Date.now().toString(36)}${counter}`;
  return {
    referrer: { name: `Ottoline Referrer${tag}`, email: `referrer.${tag}@example.test`, phone: '01234 567890', organisation: 'Demo Primary School', relationship: 'their teacher' },
    subject: { firstName: `Zephyrine${tag}`, lastName: `Quillfeather${tag}`, dateOfBirth: '1990-04-02', address: { addressLine1: `${counter} Lantern Row`, town: 'Demo Town', postcode: 'DE1 1AA' } },
    concern: `Shouting heard nightly at Lantern Row ${tag}`,
    consent: true,
    ...overrides,
  };
}

export async function keyIn(agent: Agent, body: Record<string, unknown> = uniqueReferral()): Promise<{ id: string; reference: string; receivedAt: string; decisionDueAt: string }> {
  const response = await agent.post('/api/v1/referrals', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function referralOf(agent: Agent, id: string): Promise<Referral> {
  const response = await agent.get(`/api/v1/referrals/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The actor a signed-in agent acts as, for the steps no route of this module takes (a decision's). */
export async function actorOf(agent: Agent): Promise<Actor> {
  const me = (await agent.get('/api/v1/me')).json();
  return {
    kind: 'user', id: me.id, name: me.name, role: me.role, isSupervisor: me.isSupervisor, teamId: me.team.id,
    organisationId: me.organisation.id, partnershipId: me.partnership.id, readOnly: false,
  };
}

export function runAs<T>(t: TestApp, actor: Actor, useCase: (ctx: Context) => Promise<T>): Promise<T> {
  return t.app.platform.runner.run({ actor, origin: { ip: null } }, useCase);
}

/** A step as a decision takes it: through the state machine, in a use case of its own. */
export function step(t: TestApp, actor: Actor, id: string, name: ReferralStep, reason = 'Decided on the desk') {
  return runAs(t, actor, async (ctx) => takeStep(ctx, await openForDesk(ctx, t.app.platform.keyRing, id), name, { reason }));
}

/** Asks the referrer a question, as the "more information" decision does. */
export function askReferrer(t: TestApp, actor: Actor, id: string, question: string) {
  const { keyRing, mailer, publicUrl } = t.app.platform;
  return runAs(t, actor, async (ctx) => requestInformation(ctx, { keyRing, mailer, publicUrl }, await openForDesk(ctx, keyRing, id), question, { reason: 'We need to know more' }));
}

/** Leads a new referral to a state by the shortest way the state machine allows. */
export async function bringTo(t: TestApp, agent: Agent, actor: Actor, id: string, state: ReferralState): Promise<void> {
  const ways: Record<ReferralState, () => Promise<unknown>> = {
    new: async () => undefined,
    'in-triage': () => agent.post(`/api/v1/referrals/${id}/triage`, {}),
    'waiting-for-information': () => askReferrer(t, actor, id, 'Is the person safe tonight?'),
    accepted: () => step(t, actor, id, 'accept'),
    signposted: () => step(t, actor, id, 'signpost'),
    declined: () => step(t, actor, id, 'decline'),
    withdrawn: () => agent.post(`/api/v1/referrals/${id}/withdrawal`, { reason: 'Sent in error' }),
  };
  await ways[state]();
  expect((await referralOf(agent, id)).status).toBe(state);
}

/** The stored row, raw: what the clock, the state machine and the sweep wrote. */
export async function storedReferral(t: TestApp, id: string) {
  const { rows } = await t.database.pool.query<{
    status: ReferralState; version: number; decision_due_at: Date; paused_at: Date | null; supervisors_alerted_at: Date | null; updated_at: Date;
  }>('select status, version, decision_due_at, paused_at, supervisors_alerted_at, updated_at from referrals where id = $1', [id]);
  return rows[0]!;
}

/** Every stored byte of the rows of a table that belong to a referral, as text, to look for plain text in. */
export async function storedText(t: TestApp, table: 'referrals' | 'referral_notes' | 'referral_information_requests' | 'referral_events', referralId: string): Promise<string> {
  const column = table === 'referrals' ? 'id' : 'referral_id';
  const { rows } = await t.database.pool.query<{ row: string }>(`select to_jsonb(x)::text as row from ${table} x where ${column} = $1`, [referralId]);
  expect(rows.length).toBeGreaterThan(0);
  return rows.map((r) => r.row).join('\n');
}

/** The link the referrer was emailed to answer a question, and its token. */
export async function answerLink(t: TestApp, email: string): Promise<{ link: string; token: string }> {
  const link = /https?:\/\/\S+/.exec((await latestEmailTo(t, email)).body)![0];
  return { link, token: link.split('/').at(-1)! };
}

/** Notifications about a referral, read straight from the table. */
export async function noticesAbout(t: TestApp, referralId: string, kind?: string) {
  const { rows } = await t.database.pool.query<{ user_id: string; kind: string; message: string; link: string }>(
    'select user_id, kind, message, link from notifications where subject_id = $1 and ($2::text is null or kind = $2) order by created_at, id',
    [referralId, kind ?? null],
  );
  return rows;
}

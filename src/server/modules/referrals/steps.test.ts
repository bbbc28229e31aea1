import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referralStates, referralStepNames, stepFrom, type ReferralState, type ReferralStep } from '../../../shared/referrals.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { storedAuditEvents } from '../../test/audit.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { emails, expectError } from '../sharing/records.fixtures.ts';
import { actorOf, bringTo, keyIn, referralOf, step, storedReferral, uniqueReferral } from './referrals.fixtures.ts';

let t: TestApp;
let police: Agent;
let actor: Actor;

beforeAll(async () => {
  t = await startTestApp();
  police = await t.as(emails.police);
  actor = await actorOf(police);
});
afterAll(() => t.close());

/** The steps the desk takes through its own routes; the others are a decision's, taken as the decision route takes them. */
const routes: Partial<Record<ReferralStep, { path: string; body: Record<string, unknown> }>> = {
  'start-triage': { path: 'triage', body: { reason: 'Picked up from the desk' } },
  withdraw: { path: 'withdrawal', body: { reason: 'The referrer took it back' } },
  reopen: { path: 'reopening', body: { reason: 'New information came in' } },
  'information-received': { path: 'information', body: { information: 'They are staying with a friend.' } },
};

async function take(id: string, name: ReferralStep): Promise<{ status: number; code?: string; message?: string }> {
  const route = routes[name];
  if (route) {
    const response = await police.post(`/api/v1/referrals/${id}/${route.path}`, route.body);
    return { status: response.statusCode, code: response.json().error?.code, message: response.json().error?.message };
  }
  try {
    await step(t, actor, id, name);
    return { status: 200 };
  } catch (error) {
    const e = error as { status: number; code: string; message: string };
    return { status: e.status, code: e.code, message: e.message };
  }
}

describe('every step from every state', () => {
  it.each(referralStates)('from %s: the allowed steps move it, the others are refused with 409 and change nothing', async (state: ReferralState) => {
    for (const name of referralStepNames) {
      const { id } = await keyIn(police);
      await bringTo(t, police, actor, id, state);
      const before = await storedReferral(t, id);
      const to = stepFrom(state, name);
      const result = await take(id, name);
      if (to) {
        expect({ name, ...result }).toEqual({ name, status: 200 });
        const after = await storedReferral(t, id);
        expect({ name, status: after.status, version: after.version }).toEqual({ name, status: to, version: before.version + 1 });
        const last = (await referralOf(police, id)).events.at(-1);
        expect(last).toMatchObject({ step: name, from: state, to, by: { id: actor.id } });
      } else {
        expect({ name, status: result.status, code: result.code }).toEqual({ name, status: 409, code: 'referral_state' });
        expect(result.message).toContain(`This referral is ${state.replaceAll('-', ' ')}`);
        expect({ name, row: await storedReferral(t, id) }).toEqual({ name, row: before });
        const [refused] = await storedAuditEvents(t, { entityId: id, action: 'referral.moved', limit: 1 });
        expect(refused).toMatchObject({ outcome: 'refused', details: { step: name, from: state, to: null } });
      }
    }
  });
});

describe('a step', () => {
  it('says what to do about a finished referral: reopen it first', async () => {
    const { id } = await keyIn(police);
    await step(t, actor, id, 'accept');
    const refused = await police.post(`/api/v1/referrals/${id}/withdrawal`, { reason: 'Changed our minds' });
    expectError(refused, 409, 'referral_state');
    expect(refused.json().error.message).toBe('This referral is accepted; reopen it first.');
  });

  it('keeps its reason and who took it in the history and on the audit trail', async () => {
    const { id } = await keyIn(police);
    const withdrawn = await police.post(`/api/v1/referrals/${id}/withdrawal`, { reason: 'Sent to the wrong team' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', decisionDueAt: null, overdue: false, version: 2 });
    expect(withdrawn.json().events).toEqual([
      expect.objectContaining({ step: 'received', from: null, to: 'new', by: { id: actor.id, name: 'Tom Wright' } }),
      expect.objectContaining({ step: 'withdraw', from: 'new', to: 'withdrawn', by: { id: actor.id, name: 'Tom Wright' }, reason: 'Sent to the wrong team' }),
    ]);
    const [moved] = await storedAuditEvents(t, { entityId: id, action: 'referral.moved' });
    expect(moved).toMatchObject({ outcome: 'success', reason: 'Sent to the wrong team', details: { step: 'withdraw', from: 'new', to: 'withdrawn' } });
  });

  it('refuses a stale version with 409 conflict, and takes the current one', async () => {
    const { id } = await keyIn(police);
    expectError(await police.post(`/api/v1/referrals/${id}/triage`, { version: 2 }), 409, 'conflict');
    expect((await storedReferral(t, id)).status).toBe('new');
    const started = await police.post(`/api/v1/referrals/${id}/triage`, { version: 1 });
    expect(started.json()).toMatchObject({ status: 'in-triage', version: 2 });
  });

  it('needs a reason to withdraw or reopen', async () => {
    const { id } = await keyIn(police);
    expectError(await police.post(`/api/v1/referrals/${id}/withdrawal`, {}), 422, 'validation_failed');
    expectError(await police.post(`/api/v1/referrals/${id}/withdrawal`, { reason: '   ' }), 422, 'validation_failed');
    await step(t, actor, id, 'decline');
    expectError(await police.post(`/api/v1/referrals/${id}/reopening`, { reason: '' }), 422, 'validation_failed');
    const reopened = await police.post(`/api/v1/referrals/${id}/reopening`, { reason: 'The school called again' });
    expect(reopened.json()).toMatchObject({ status: 'in-triage', outcome: null });
  });

  it('gives a reopened referral a fresh clock, so it is not overdue at once and its supervisors hear of it again', async () => {
    const { id } = await keyIn(police);
    await step(t, actor, id, 'decline');
    await t.database.pool.query(`update referrals set decision_due_at = now() - interval '30 days', supervisors_alerted_at = now() - interval '29 days' where id = $1`, [id]);
    const reopened = await police.post(`/api/v1/referrals/${id}/reopening`, { reason: 'The school called again' });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().overdue).toBe(false);
    const row = await storedReferral(t, id);
    expect(new Date(row.decision_due_at).getTime()).toBeGreaterThan(Date.now());
    expect(row.supervisors_alerted_at).toBeNull();
  });

  it('answers a step repeated with the same Idempotency-Key with its first reply, kept sealed: nothing of the referral in clear', async () => {
    const body = uniqueReferral();
    const { id } = await keyIn(police, body);
    const started = await police.post(`/api/v1/referrals/${id}/triage`, {}, { 'idempotency-key': `step-${id}` });
    expect(started.statusCode).toBe(200);
    const again = await police.post(`/api/v1/referrals/${id}/triage`, {}, { 'idempotency-key': `step-${id}` });
    expect({ status: again.statusCode, replayed: again.headers['idempotent-replayed'], body: again.json() }).toEqual({ status: 200, replayed: 'true', body: started.json() });
    const { rows } = await t.database.pool.query<{ response_body: string }>('select response_body from idempotency_keys where key = $1', [`step-${id}`]);
    expect(rows).toHaveLength(1);
    for (const secret of [body.subject.firstName, body.subject.lastName, body.concern]) expect(rows[0]!.response_body).not.toContain(secret);
  });
});

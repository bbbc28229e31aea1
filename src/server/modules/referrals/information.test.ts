import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/actor.ts';
import type { Context } from '../../platform/context.ts';
import { extendByPause } from '../../platform/working-days.ts';
import { storedAuditEvents } from '../../test/audit.ts';
import { latestEmailTo } from '../../test/fixtures.ts';
import { publicUrl, startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { emails, expectError } from '../sharing/records.fixtures.ts';
import { userId } from '../tasks/tasks.fixtures.ts';
import { answerByToken, informationRequestByToken } from './desk/information.ts';
import { actorOf, answerLink, askReferrer, keyIn, noticesAbout, referralOf, storedReferral, storedText, uniqueReferral } from './referrals.fixtures.ts';

let t: TestApp;
let police: Agent;
let actor: Actor;

beforeAll(async () => {
  t = await startTestApp();
  police = await t.as(emails.police);
  actor = await actorOf(police);
});
afterAll(() => t.close());

const asReferrer = <T>(useCase: (ctx: Context<null>) => Promise<T>) => t.app.platform.runner.run({ actor: null, origin: { ip: '203.0.113.7' } }, useCase);
const look = (token: string) => asReferrer((ctx) => informationRequestByToken(ctx, t.app.platform.keyRing, token));
const answer = (token: string, information: string) => asReferrer((ctx) => answerByToken(ctx, t.app.platform.keyRing, token, information));

const question = 'Does anyone else live at the address?';

describe('asking the referrer for more information', () => {
  it('stops the clock and emails them a single-use link, not the question', async () => {
    const body = uniqueReferral();
    const { id, reference } = await keyIn(police, body);
    const asked = await askReferrer(t, actor, id, question);
    expect(asked).toEqual({ status: 'waiting-for-information', version: 2, emailed: true });
    const email = await latestEmailTo(t, body.referrer.email);
    expect(email.subject).toBe(`A question about your referral ${reference}`);
    expect(email.body).not.toContain(question);
    const { link, token } = await answerLink(t, body.referrer.email);
    expect(link).toBe(`${publicUrl}/refer/answer/${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const referral = await referralOf(police, id);
    expect(referral).toMatchObject({ status: 'waiting-for-information', paused: true, overdue: false, decisionDueAt: null, pausedAt: expect.any(String) });
    expect(referral.informationRequests).toEqual([
      { id: expect.any(String), question, askedAt: expect.any(String), askedBy: { id: actor.id, name: 'Tom Wright' }, answeredAt: null, answer: null, answeredVia: null },
    ]);
    const stored = await storedText(t, 'referral_information_requests', id);
    expect(stored).not.toContain(question);
    expect(stored).not.toContain(token);
  });

  it('says so when the referrer gave no email address', async () => {
    const { id } = await keyIn(police, uniqueReferral({ referrer: { name: 'Anonymous caller' } }));
    expect(await askReferrer(t, actor, id, question)).toMatchObject({ emailed: false });
  });
});

describe('the referrer\'s link', () => {
  it('shows what was asked, takes one answer, starts the clock again moved on by the pause, and tells the assignee', async () => {
    const body = uniqueReferral();
    const { id, reference } = await keyIn(police, body);
    const leadId = await userId(t, emails.lead);
    expect((await police.patch(`/api/v1/referrals/${id}`, { version: 1, assignedToId: leadId })).statusCode).toBe(200);
    await askReferrer(t, actor, id, question);
    const paused = await storedReferral(t, id);
    const { token } = await answerLink(t, body.referrer.email);

    expect(await look(token)).toEqual({ reference, formTitle: 'Your referral', question, sensitive: false });
    expect(await look('not-a-token-anyone-was-sent')).toBeNull();
    expect(await answer(token, 'Her brother, since March.')).toBe(true);
    expect(await answer(token, 'A second answer.')).toBe(false);
    expect(await look(token)).toBeNull();

    const resumed = await storedReferral(t, id);
    expect(resumed.status).toBe('in-triage');
    expect(resumed.paused_at).toBeNull();
    const [event] = (await referralOf(police, id)).events.slice(-1);
    expect(event).toMatchObject({ step: 'information-received', from: 'waiting-for-information', to: 'in-triage', by: null });
    expect(resumed.decision_due_at.getTime()).toBe(extendByPause(paused.decision_due_at, paused.paused_at!, new Date(event!.at)).getTime());
    expect(resumed.decision_due_at.getTime()).toBeGreaterThan(paused.decision_due_at.getTime());

    const referral = await referralOf(police, id);
    expect(referral.informationRequests[0]).toMatchObject({ answer: 'Her brother, since March.', answeredVia: 'link', answeredAt: expect.any(String) });
    expect(await storedText(t, 'referral_information_requests', id)).not.toContain('Her brother');
    expect(await noticesAbout(t, id, 'referral_received')).toEqual(expect.arrayContaining([
      { user_id: leadId, kind: 'referral_received', message: `The referrer answered the question on referral ${reference}.`, link: `/referrals/${id}` },
    ]));
    const [answered] = await storedAuditEvents(t, { entityId: id, action: 'referral.information_answered' });
    expect(answered).toMatchObject({ actor: { kind: 'anonymous' }, details: { reference, requestId: referral.informationRequests[0]!.id } });
  });

  it('no longer works once it has expired, or once the team has recorded the answer', async () => {
    const body = uniqueReferral();
    const { id } = await keyIn(police, body);
    await askReferrer(t, actor, id, question);
    const { token } = await answerLink(t, body.referrer.email);
    await t.database.pool.query('update referral_information_requests set expires_at = now() - interval \'1 second\' where referral_id = $1', [id]);
    expect(await look(token)).toBeNull();
    expect(await answer(token, 'Too late')).toBe(false);
    expect((await storedReferral(t, id)).status).toBe('waiting-for-information');

    const other = uniqueReferral();
    const second = await keyIn(police, other);
    await askReferrer(t, actor, second.id, question);
    const link = await answerLink(t, other.referrer.email);
    const recorded = await police.post(`/api/v1/referrals/${second.id}/information`, { information: 'They rang: nobody else lives there.', version: 2 });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ status: 'in-triage', paused: false, version: 3 });
    expect(recorded.json().informationRequests[0]).toMatchObject({ answer: 'They rang: nobody else lives there.', answeredVia: 'team' });
    expect(await look(link.token)).toBeNull();
    expect(await answer(link.token, 'Late')).toBe(false);
  });

  it('stops working when the referral is withdrawn while waiting, and only the newest question may be answered', async () => {
    const body = uniqueReferral();
    const { id } = await keyIn(police, body);
    await askReferrer(t, actor, id, question);
    const first = await answerLink(t, body.referrer.email);
    expect((await police.post(`/api/v1/referrals/${id}/withdrawal`, { reason: 'They asked us to stop' })).statusCode).toBe(200);
    expect((await storedReferral(t, id)).paused_at).toBeNull();
    expect(await look(first.token)).toBeNull();
    expect((await police.post(`/api/v1/referrals/${id}/reopening`, { reason: 'They called back' })).statusCode).toBe(200);
    expect(await look(first.token)).toBeNull();
    await askReferrer(t, actor, id, 'When is it safe to call?');
    const second = await answerLink(t, body.referrer.email);
    expect(await look(first.token)).toBeNull();
    expect(await look(second.token)).toMatchObject({ question: 'When is it safe to call?' });
  });

  it('is refused by the desk when nothing was asked', async () => {
    const { id } = await keyIn(police);
    expectError(await police.post(`/api/v1/referrals/${id}/information`, { information: 'Unprompted' }), 409, 'referral_state');
  });
});

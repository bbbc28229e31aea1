import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferralDecision } from '../../../shared/referrals.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { addDays, londonToday } from '../../platform/london.ts';
import { storedAuditEvents } from '../../test/audit.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { emails, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { actorOf, keyIn, step, uniqueReferral } from './referrals.fixtures.ts';

let t: TestApp;
let housing: Agent;
let actor: Actor;
let tenancy: string;

const hour = 3_600_000;

/** A referral on the housing desk, received then, and decided so many hours later as a decision records it. */
async function referral(receivedAt: string, channel: string, decided?: { decision: ReferralDecision; hours: number }) {
  const police = await t.as(emails.police);
  const { id } = await keyIn(police, uniqueReferral({ teamId: tenancy, receivedAt, channel }));
  if (decided) {
    await step(t, actor, id, decided.decision === 'signpost' ? 'signpost' : decided.decision === 'decline' ? 'decline' : 'accept');
    await t.database.pool.query('update referrals set decision = $2, decided_at = $3, decided_by = $4, decision_reason = $5 where id = $1',
      [id, decided.decision, new Date(Date.parse(receivedAt) + decided.hours * hour), actor.id, 'Decided in the test']);
  }
  return id;
}

beforeAll(async () => {
  t = await startTestApp();
  const place = await loadStructure(t);
  tenancy = place.team('Demo Housing Association/Tenancy team').teamId;
  housing = await t.as(emails.housing);
  actor = await actorOf(housing);
  await referral('2026-11-02T09:00:00.000Z', 'phone', { decision: 'new-case', hours: 10 });
  await referral('2026-11-03T09:00:00.000Z', 'email', { decision: 'decline', hours: 20 });
  await referral('2026-11-04T09:00:00.000Z', 'paper', { decision: 'signpost', hours: 40 });
  await referral('2026-11-05T09:00:00.000Z', 'phone');
  await referral(new Date().toISOString(), 'phone');
  const withdrawn = await referral('2026-11-06T09:00:00.000Z', 'in-person');
  expect((await housing.post(`/api/v1/referrals/${withdrawn}/withdrawal`, { reason: 'Sent twice' })).statusCode).toBe(200);
  await referral('2026-06-01T09:00:00.000Z', 'phone', { decision: 'new-case', hours: 500 });
});
afterAll(() => t.close());

describe('the desk\'s figures', () => {
  it('count what was received and decided over London dates, with the median and 95th percentile hours to a decision by outcome', async () => {
    const today = londonToday();
    const response = await housing.get(`/api/v1/referrals/statistics?from=2026-11-01&to=${today}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      team: { id: tenancy, name: 'Tenancy team' },
      from: '2026-11-01',
      to: today,
      received: 6,
      decided: 3,
      open: 2,
      overdue: 1,
      timeToDecision: { count: 3, medianHours: 20, p95Hours: 38 },
      byOutcome: [
        { outcome: 'new-case', count: 1, medianHours: 10, p95Hours: 10 },
        { outcome: 'existing-case', count: 0, medianHours: null, p95Hours: null },
        { outcome: 'scheme-application', count: 0, medianHours: null, p95Hours: null },
        { outcome: 'signpost', count: 1, medianHours: 40, p95Hours: 40 },
        { outcome: 'decline', count: 1, medianHours: 20, p95Hours: 20 },
      ],
      byChannel: [
        { channel: 'online-form', count: 0 },
        { channel: 'phone', count: 3 },
        { channel: 'paper', count: 1 },
        { channel: 'email', count: 1 },
        { channel: 'in-person', count: 1 },
        { channel: 'api', count: 0 },
      ],
    });
    const [viewed] = await storedAuditEvents(t, { actorId: actor.id, action: 'referral_statistics.viewed', limit: 1 });
    expect(viewed).toMatchObject({ entityType: 'team', entityId: tenancy, details: { teamId: tenancy, from: '2026-11-01', to: today, received: 6 } });
  });

  it('cover the last 90 days unless told otherwise', async () => {
    const figures = (await housing.get('/api/v1/referrals/statistics')).json();
    const today = londonToday();
    expect(figures).toMatchObject({ from: addDays(today, -89), to: today });
    const decidedOn = ['2026-11-02', '2026-11-04', '2026-11-05', '2026-06-22'];
    expect(figures.decided).toBe(decidedOn.filter((day) => day >= figures.from && day <= today).length);
    const june = (await housing.get('/api/v1/referrals/statistics?from=2026-06-01&to=2026-06-30')).json();
    expect(june).toMatchObject({ received: 1, decided: 1, timeToDecision: { count: 1, medianHours: 500 }, open: 2, overdue: 1 });
  });

  it('are the desk\'s own: refused to other teams, unknown to the other partnership, and checked for a range that runs backwards', async () => {
    expectError(await (await t.as(emails.police)).get(`/api/v1/referrals/statistics?teamId=${tenancy}`), 403, 'forbidden');
    expectError(await (await t.as(emails.other)).get(`/api/v1/referrals/statistics?teamId=${tenancy}`), 404, 'not_found');
    expectError(await housing.get('/api/v1/referrals/statistics?from=2026-11-02&to=2026-11-01'), 422, 'validation_failed');
    expectError(await housing.get('/api/v1/referrals/statistics?from=2026-02-30'), 422, 'validation_failed');
  });
});

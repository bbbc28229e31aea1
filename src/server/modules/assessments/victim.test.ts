import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { createProfile, emails } from '../sharing/records.fixtures.ts';
import { addDays, londonInstant, londonToday } from '../../platform/london.ts';
import { completed, matrixAllMax, victimAnswers } from './assessments.fixtures.ts';

let t: TestApp;
let police: Agent;

beforeAll(async () => {
  t = await startTestApp();
  police = await t.as(emails.police);
});
afterAll(() => t.close());

interface Reminder { id: string; title: string; dueAt: string; doneAt: string | null; record: { kind: string; id: string } | null }

async function remindersOn(agent: Agent, recordId: string): Promise<Reminder[]> {
  const response = await agent.get('/api/v1/actions?state=all&limit=100');
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().items as Reminder[]).filter((a) => a.record?.id === recordId);
}

const requiredOn = async (agent: Agent, profileId: string) => (await agent.get(`/api/v1/profiles/${profileId}/assessments`)).json().required as { template: { key: string }; reason: string }[];

describe('the VICTIM screening', () => {
  it('with every answer "no" sets no reminder and flags nothing', async () => {
    const profile = await createProfile(police);
    const done = await completed(police, 'victim-screening', { type: 'profile', id: profile.id }, victimAnswers());
    expect(done).toMatchObject({ score: 0, band: { label: 'Standard' }, thresholds: [] });
    expect(await remindersOn(police, profile.id)).toEqual([]);
    expect(await requiredOn(police, profile.id)).toEqual([]);
  });

  it('with one "yes" reminds the assessor today and flags the profile until a matrix is completed on it', async () => {
    const profile = await createProfile(police);
    const subject = { type: 'profile' as const, id: profile.id };
    const before = Date.now();
    const done = await completed(police, 'victim-screening', subject, victimAnswers(['victim-targeted']));
    expect(done).toMatchObject({ score: 1, band: { label: 'Full risk assessment required' }, thresholds: [{ label: 'Complete the ASB Risk Assessment Matrix today', followUp: 'asb-risk-matrix' }] });

    const reminders = await remindersOn(police, profile.id);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.title).toBe('Complete the ASB Risk Assessment Matrix today');
    const due = Date.parse(reminders[0]!.dueAt);
    const fivePm = londonInstant(londonToday(), 17).getTime();
    expect(due).toBe(fivePm > before ? fivePm : due);
    expect(due).toBeGreaterThan(before);
    // Nobody else is reminded: the reminder is the assessor's own.
    expect(await remindersOn(await t.as(emails.lead), profile.id)).toEqual([]);

    expect(await requiredOn(police, profile.id)).toMatchObject([{ template: { key: 'asb-risk-matrix' }, reason: 'Complete the ASB Risk Assessment Matrix today' }]);
    // Another VICTIM screening does not clear it; only the matrix does.
    await completed(police, 'victim-screening', subject, victimAnswers());
    expect(await requiredOn(police, profile.id)).toHaveLength(1);
    expect((await remindersOn(police, profile.id))[0]!.doneAt).toBeNull();
    await completed(police, 'asb-risk-matrix', subject, matrixAllMax);
    expect(await requiredOn(police, profile.id)).toEqual([]);
    // The reminder to complete the matrix is done with it, so it no longer pops up.
    const after = await remindersOn(police, profile.id);
    expect(after.find((r) => r.id === reminders[0]!.id)!.doneAt).not.toBeNull();
  });

  it('reminds the assessor of a review on the morning of its date', async () => {
    const profile = await createProfile(police);
    const reviewOn = addDays(londonToday(), 30);
    const done = await completed(police, 'victim-screening', { type: 'profile', id: profile.id }, victimAnswers(), { reviewOn });
    expect(done.reviewOn).toBe(reviewOn);
    const reminders = await remindersOn(police, profile.id);
    expect(reminders).toMatchObject([{ title: 'Review due: VICTIM screening', dueAt: londonInstant(reviewOn, 9).toISOString() }]);
  });
});

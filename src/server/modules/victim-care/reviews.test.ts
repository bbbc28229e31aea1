import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseReview } from '../../../shared/api/victim-care.ts';
import { addDays, londonInstant, londonToday } from '../../platform/london.ts';
import { addWorkingDays } from '../../platform/working-days.ts';
import { storedAuditEvents } from '../../test/audit.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { createProfile, emails, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { coordinator, daysAgoAt, sharedVictim, victimCareOf, writeReport, type Structure } from './victim-care.fixtures.ts';

let t: TestApp;
let structure: Structure;
let police: Agent;
let council: Agent;

beforeAll(async () => {
  t = await startTestApp();
  structure = await loadStructure(t);
  police = await t.as(emails.police);
  council = await t.as(emails.council);
  await coordinator(t);
});
afterAll(() => t.close());

/** A victim of the police ASB team, shared with the council, flagged by three complaints. */
async function flaggedVictim() {
  const victim = await sharedVictim(t, structure);
  for (const days of [30, 20, 10]) await writeReport(police, 'profiles', victim.id, 'asb-complaint', daysAgoAt(days));
  const flag = (await victimCareOf(police, victim.id)).communityTrigger.flag!;
  return { victim, flag };
}

async function move(agent: Agent, review: CaseReview, body: Record<string, unknown>): Promise<CaseReview> {
  const response = await agent.patch(`/api/v1/case-reviews/${review.id}`, { version: review.version, ...body });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The reminders a person holds, with their titles and due times, read straight from the table. */
async function remindersOf(email: string, profileId: string) {
  const { rows } = await t.database.pool.query<{ id: string; title: string; due_at: Date; done_at: Date | null }>(
    `select a.id, a.title, a.due_at, a.done_at from actions a join users u on u.id = a.created_by
      where u.email = $1 and a.record_kind = 'profile' and a.record_id = $2 order by a.created_at, a.id`,
    [email, profileId],
  );
  return rows;
}

describe('an ASB case review', () => {
  it('is opened from the flag with its clocks, each step\'s due date a reminder for its owner, and closes the flag when it closes', async () => {
    const { victim, flag } = await flaggedVictim();
    const received = addDays(londonToday(), -40);
    const opened = await council.post(`/api/v1/community-triggers/${flag.id}/case-review`, { applicationReceivedOn: received });
    expect(opened.statusCode, opened.body).toBe(201);
    let review: CaseReview = opened.json();
    const thresholdDue = addWorkingDays(received, 10);
    expect(review).toMatchObject({
      profile: { id: victim.id }, flagId: flag.id, owner: { name: 'Jo Evans' }, ownerTeam: { name: 'Community Safety team' },
      stage: 'application-received', next: { stage: 'threshold-decision', dueOn: thresholdDue, overdue: true },
      permissions: { canChange: true },
    });
    expect(review.steps[0]).toEqual({ stage: 'application-received', dueOn: null, doneOn: received });
    let reminders = await remindersOf(emails.council, victim.id);
    expect(reminders).toEqual([expect.objectContaining({ title: 'ASB case review: threshold decision due', done_at: null })]);
    expect((await victimCareOf(police, victim.id))).toMatchObject({
      communityTrigger: { flag: { id: flag.id, caseReviewId: review.id } }, caseReview: { id: review.id, stage: 'application-received' },
      permissions: { canOpenCaseReview: false },
    });
    expect((await police.get('/api/v1/community-triggers')).json().items.find((f: { id: string }) => f.id === flag.id).caseReview).toMatchObject({ id: review.id });

    // Steps in order, each on its day, and its clock setting the next step's date and reminder. The
    // police officer takes them: the council owner's reminder is closed all the same.
    const decided = addDays(received, 7);
    review = await move(police, review, { stage: 'threshold-decision', thresholdMet: true, on: decided });
    const meetingDue = addWorkingDays(decided, 15);
    expect(review).toMatchObject({ stage: 'threshold-decision', thresholdMet: true, next: { stage: 'review-meeting', dueOn: meetingDue } });
    reminders = await remindersOf(emails.council, victim.id);
    expect(reminders[0]!.done_at).not.toBeNull();
    expect(reminders[1]).toMatchObject({ title: 'ASB case review: case review meeting due', done_at: null });
    // The reminder is for the morning the step falls due, or now when that has passed.
    expect(reminders[1]!.due_at.getTime()).toBeGreaterThanOrEqual(Math.min(londonInstant(meetingDue, 9).getTime(), Date.now() - 60_000));

    const held = addDays(decided, 10);
    review = await move(police, review, { stage: 'review-meeting', on: held });
    review = await move(police, review, { stage: 'outcome', on: addDays(held, 3), outcome: 'A multi-agency action plan: weekly patrols, mediation offered.' });
    expect(review).toMatchObject({ stage: 'outcome', next: null, outcome: expect.stringContaining('mediation') });
    review = await move(council, review, { stage: 'appeal', on: addDays(held, 5) });
    expect(review).toMatchObject({ appealReceivedOn: addDays(held, 5), next: { stage: 'appeal', dueOn: addWorkingDays(addDays(held, 5), 20) } });
    review = await move(council, review, { stage: 'closed', appealOutcome: 'The appeal panel upheld the plan.' });
    expect(review).toMatchObject({ stage: 'closed', next: null, appealOutcome: 'The appeal panel upheld the plan.', permissions: { canChange: false } });
    expect(review.steps.map((s) => s.doneOn)).toEqual([received, decided, held, addDays(held, 3), londonToday(), londonToday()]);
    expect((await remindersOf(emails.council, victim.id)).every((r) => r.done_at !== null)).toBe(true);

    expect((await victimCareOf(police, victim.id))).toMatchObject({ communityTrigger: { flag: null }, caseReview: null });
    const moves = await storedAuditEvents(t, { entityId: victim.id, action: 'case_review.moved' });
    expect(moves.map((e) => e.details?.to)).toEqual(['closed', 'appeal', 'outcome', 'review-meeting', 'threshold-decision']);
    expect(JSON.stringify(moves)).not.toContain('mediation');
    const [cleared] = await storedAuditEvents(t, { entityId: victim.id, action: 'community_trigger.cleared' });
    expect(cleared?.details).toMatchObject({ why: 'case review closed' });
  });

  it('refuses a step out of order (409), a stale version (409) and a step without what it needs (422)', async () => {
    const { flag } = await flaggedVictim();
    const review: CaseReview = (await police.post(`/api/v1/community-triggers/${flag.id}/case-review`, {})).json();
    expectError(await police.patch(`/api/v1/case-reviews/${review.id}`, { version: review.version, stage: 'appeal' }), 409, 'stage_out_of_order');
    expectError(await police.patch(`/api/v1/case-reviews/${review.id}`, { version: review.version, stage: 'threshold-decision' }), 422, 'validation_failed');
    expectError(await police.patch(`/api/v1/case-reviews/${review.id}`, { version: review.version, stage: 'threshold-decision', thresholdMet: true, outcome: 'x' }), 422, 'validation_failed');
    expectError(await police.patch(`/api/v1/case-reviews/${review.id}`, { version: review.version, stage: 'threshold-decision', thresholdMet: true, on: addDays(londonToday(), 1) }), 422, 'validation_failed');
    expectError(await police.patch(`/api/v1/case-reviews/${review.id}`, { version: review.version, stage: 'threshold-decision', thresholdMet: true, on: addDays(londonToday(), -1) }), 422, 'validation_failed');
    expectError(await police.patch(`/api/v1/case-reviews/${review.id}`, { version: review.version, stage: 'closed' }), 422, 'validation_failed');
    const decided = await move(police, review, { stage: 'threshold-decision', thresholdMet: false });
    expect(decided.next).toMatchObject({ stage: 'outcome', dueOn: addWorkingDays(londonToday(), 5) });
    expectError(await police.patch(`/api/v1/case-reviews/${review.id}`, { version: review.version, stage: 'outcome', outcome: 'Not met' }), 409, 'conflict');
    expectError(await police.patch(`/api/v1/case-reviews/${review.id}`, { version: decided.version, stage: 'review-meeting' }), 409, 'stage_out_of_order');
    const closed = await move(police, decided, { stage: 'closed', reason: 'The applicant withdrew.' });
    expect(closed).toMatchObject({ stage: 'closed', closedReason: 'The applicant withdrew.' });
    expectError(await police.patch(`/api/v1/case-reviews/${review.id}`, { version: closed.version, stage: 'closed', reason: 'again' }), 409, 'stage_out_of_order');
  });

  it('may be opened on a victim\'s own application without a flag, one open at a time', async () => {
    const victim = await createProfile(police, { roles: ['victim'] });
    const opened = await police.post('/api/v1/case-reviews', { profileId: victim.id });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ flagId: null, stage: 'application-received', steps: [expect.objectContaining({ doneOn: londonToday() }), expect.anything(), expect.anything(), expect.anything(), expect.anything(), expect.anything()] });
    expectError(await police.post('/api/v1/case-reviews', { profileId: victim.id }), 409, 'case_review_open');
    expectError(await police.post('/api/v1/case-reviews', { profileId: victim.id, applicationReceivedOn: addDays(londonToday(), 3) }), 422, 'validation_failed');
    const [event] = await storedAuditEvents(t, { entityId: victim.id, action: 'case_review.opened' });
    expect(event?.details).toMatchObject({ caseReviewId: opened.json().id, flagId: null, thresholdDueOn: addWorkingDays(londonToday(), 10) });
  });

  it('is refused to another organisation that cannot open the person (403) and to the other partnership (404)', async () => {
    const { victim, flag } = await flaggedVictim();
    const review: CaseReview = (await police.post(`/api/v1/community-triggers/${flag.id}/case-review`, {})).json();
    const housing = await t.as(emails.housing);
    const other = await t.as(emails.other);
    for (const [agent, status, code] of [[housing, 403, 'no_access'], [other, 404, 'not_found']] as const) {
      expectError(await agent.get(`/api/v1/case-reviews/${review.id}`), status, code);
      expectError(await agent.patch(`/api/v1/case-reviews/${review.id}`, { version: review.version, stage: 'threshold-decision', thresholdMet: true }), status, code);
      expectError(await agent.post(`/api/v1/community-triggers/${flag.id}/case-review`, {}), status, code);
      expectError(await agent.post('/api/v1/case-reviews', { profileId: victim.id }), status, code);
    }
    expect((await council.get(`/api/v1/case-reviews/${review.id}`)).statusCode).toBe(200);
    const [viewed] = await storedAuditEvents(t, { entityId: victim.id, action: 'case_review.viewed' });
    expect(viewed?.details).toEqual({ caseReviewId: review.id });
  });
});

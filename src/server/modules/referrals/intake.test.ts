import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referencePattern } from '../../../shared/referrals.ts';
import { decisionDueAt } from '../../platform/working-days.ts';
import { storedAuditEvents } from '../../test/audit.ts';
import { latestEmailTo } from '../../test/fixtures.ts';
import { makeAgent, startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { emails, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { userId } from '../tasks/tasks.fixtures.ts';
import { keyIn, noticesAbout, referralOf, storedText, uniqueReferral } from './referrals.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;
let police: Agent;
let lead: Agent;
let policeAsb: string;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
  police = await t.as(emails.police);
  lead = await t.as(emails.lead);
  policeAsb = place.team('Demo County Police/ASB team').teamId;
});
afterAll(() => t.close());

const yesNo = [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }];

/** A form of the police ASB team: a required yes/no, a question asked only on "yes", and the concern. */
async function noiseForm(decisionDays = 5): Promise<{ id: string; version: number }> {
  const response = await lead.post('/api/v1/referral-forms', {
    name: `Noise at night ${Date.now()}`,
    teamId: policeAsb,
    decisionDays,
    questions: [
      { key: 'noise', text: 'Is there noise at night?', kind: 'yes_no', required: true, options: yesNo },
      { key: 'when', text: 'When does it happen?', kind: 'text', condition: { questionKey: 'noise', values: ['yes'] } },
      { key: 'concern', text: 'What is your concern?', kind: 'text', required: true },
    ],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** The desk's members read their notices, so the next new referral is told to each of them. */
async function readAll(): Promise<void> {
  for (const email of [emails.lead, emails.policeAdmin]) {
    expect((await (await t.as(email)).post('/api/v1/notifications/read-all', {})).statusCode).toBe(200);
  }
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('a referral keyed in by staff', () => {
  it('lands on the keyer\'s own desk by phone, with a reference and a decision due in working days', async () => {
    const body = uniqueReferral({ receivedAt: minutesAgo(90) });
    const created = await keyIn(police, body);
    expect(created.reference).toMatch(referencePattern);
    expect(created).toMatchObject({ status: 'new', receivedAt: body.receivedAt, decisionDueAt: decisionDueAt(new Date(body.receivedAt as string), 2).toISOString() });
    const referral = await referralOf(police, created.id);
    expect(referral).toMatchObject({
      reference: created.reference,
      status: 'new',
      channel: 'phone',
      team: { id: policeAsb, name: 'ASB team' },
      form: null,
      definition: null,
      answers: {},
      concern: body.concern,
      consent: true,
      referrer: { ...body.referrer },
      subject: { firstName: body.subject.firstName, lastName: body.subject.lastName, dateOfBirth: '1990-04-02', address: expect.stringMatching(/Lantern Row, Demo Town, DE1 1AA$/), phone: null, email: null },
      createdBy: { id: await userId(t, emails.police), name: 'Tom Wright' },
      assignedTo: null,
      overdue: false,
      paused: false,
      version: 1,
      permissions: { canWork: true },
    });
    expect(referral.events).toEqual([expect.objectContaining({ step: 'received', from: null, to: 'new', at: body.receivedAt })]);
    const [received] = await storedAuditEvents(t, { entityId: created.id, action: 'referral.received' });
    expect(received).toMatchObject({ details: { reference: created.reference, channel: 'phone', formId: null, formVersion: null, decisionDueAt: created.decisionDueAt } });
  });

  it('tells the desk\'s team, naming no one, and not the one who keyed it', async () => {
    await readAll();
    const body = uniqueReferral();
    const { id, reference } = await keyIn(police, body);
    const notices = await noticesAbout(t, id, 'referral_received');
    expect(notices.map((n) => n.user_id).sort()).toEqual([await userId(t, emails.lead), await userId(t, emails.policeAdmin)].sort());
    expect(notices[0]).toMatchObject({ message: `A new referral, ${reference}, is on the ASB team triage desk.`, link: `/referrals/${id}` });
  });

  it('tells a member of the next new referral only once they have read of the last, or it was picked up', async () => {
    await readAll();
    const first = await keyIn(police, uniqueReferral());
    const second = await keyIn(police, uniqueReferral());
    expect(await noticesAbout(t, second.id, 'referral_received')).toEqual([]);
    // The lead reads theirs; the police admin's is unread, but of a referral no longer new once the lead starts it.
    expect((await lead.post('/api/v1/notifications/read-all', {})).statusCode).toBe(200);
    const third = await keyIn(police, uniqueReferral());
    expect((await noticesAbout(t, third.id, 'referral_received')).map((n) => n.user_id)).toEqual([await userId(t, emails.lead)]);
    expect((await lead.post(`/api/v1/referrals/${first.id}/triage`, {})).statusCode).toBe(200);
    expect((await lead.post(`/api/v1/referrals/${third.id}/triage`, {})).statusCode).toBe(200);
    const fourth = await keyIn(police, uniqueReferral());
    expect((await noticesAbout(t, fourth.id, 'referral_received')).map((n) => n.user_id).sort()).toEqual([await userId(t, emails.lead), await userId(t, emails.policeAdmin)].sort());
  });

  it('emails the referrer its reference, and nothing about the person', async () => {
    const body = uniqueReferral();
    const { reference } = await keyIn(police, body);
    const email = await latestEmailTo(t, body.referrer.email);
    expect(email.subject).toBe(`We have received your referral ${reference}`);
    expect(email.body).toContain(reference);
    for (const secret of [body.subject.firstName, body.subject.lastName, body.concern, 'ASB']) expect(email.body + email.subject).not.toContain(secret);
    const sent = async () => (await t.database.pool.query<{ n: number }>('select count(*)::int as n from outbound_messages')).rows[0]!.n;
    const before = await sent();
    await keyIn(police, uniqueReferral({ referrer: { name: 'No Email Given' } }));
    expect(await sent()).toBe(before);
  });

  it('is stored sealed: the rows and the audit trail hold none of what was said', async () => {
    const body = uniqueReferral();
    const { id } = await keyIn(police, body);
    const secrets = [body.subject.firstName, body.subject.lastName, body.concern, body.referrer.name, body.referrer.email, 'Lantern Row', 'their teacher'];
    const stored = [await storedText(t, 'referrals', id), await storedText(t, 'referral_events', id)].join('\n');
    for (const secret of secrets) expect(stored).not.toContain(secret);
    const { rows } = await t.database.pool.query<{ row: string }>(
      'select coalesce(to_jsonb(e)::text, \'\') || coalesce(to_jsonb(v)::text, \'\') as row from audit_events e left join audit_values v on v.event_id = e.id where e.entity_id = $1', [id]);
    for (const secret of secrets) expect(rows.map((r) => r.row).join('\n')).not.toContain(secret);
  });

  it('may be dated earlier, by a few minutes later at most', async () => {
    expectError(await police.post('/api/v1/referrals', uniqueReferral({ receivedAt: new Date(Date.now() + 10 * 60_000).toISOString() })), 422, 'validation_failed');
    await keyIn(police, uniqueReferral({ receivedAt: new Date(Date.now() + 60_000).toISOString() }));
    const older = await keyIn(police, uniqueReferral({ receivedAt: '2026-01-02T10:00:00.000Z', channel: 'paper' }));
    expect(older.decisionDueAt).toBe('2026-01-06T17:00:00.000Z');
  });

  it('is refused without a concern, with answers but no form, or with fields it does not know', async () => {
    const noConcern = await police.post('/api/v1/referrals', uniqueReferral({ concern: '  ' }));
    expectError(noConcern, 422, 'validation_failed');
    expect(noConcern.json().error.details).toEqual([{ field: 'concern', problem: 'is required for a referral taken without a form' }]);
    const answers = await police.post('/api/v1/referrals', uniqueReferral({ answers: { colour: 'red' } }));
    expect(answers.json().error.details).toEqual([{ field: 'answers.colour', problem: 'is not a question: the referral is not on a form' }]);
    expectError(await police.post('/api/v1/referrals', uniqueReferral({ priority: 'high' })), 422, 'validation_failed');
    expectError(await police.post('/api/v1/referrals', uniqueReferral({ channel: 'api' })), 422, 'validation_failed');
    expectError(await police.post('/api/v1/referrals', uniqueReferral({ subject: { firstName: 'Only' } })), 422, 'validation_failed');
    expectError(await police.post('/api/v1/referrals', uniqueReferral({ consent: undefined })), 422, 'validation_failed');
  });

  it('is sent once however often it is retried with the same Idempotency-Key', async () => {
    const count = async () => (await t.database.pool.query<{ n: number }>('select count(*)::int as n from referrals')).rows[0]!.n;
    const before = await count();
    const body = uniqueReferral();
    const first = await police.post('/api/v1/referrals', body, { 'idempotency-key': `retry-${body.concern}` });
    const again = await police.post('/api/v1/referrals', body, { 'idempotency-key': `retry-${body.concern}` });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(await count()).toBe(before + 1);
  });
});

describe('a referral on a form', () => {
  it('keeps the answers the form asks, and is due by the form\'s working days', async () => {
    const form = await noiseForm(5);
    const body = uniqueReferral({ formId: form.id, concern: undefined, answers: { noise: 'yes', when: 'After midnight', concern: 'Parties every night' } });
    const created = await keyIn(police, body);
    expect(created.decisionDueAt).toBe(decisionDueAt(new Date(created.receivedAt), 5).toISOString());
    const referral = await referralOf(police, created.id);
    expect(referral).toMatchObject({ form: { id: form.id, version: 1 }, answers: { noise: 'yes', when: 'After midnight', concern: 'Parties every night' }, concern: null });
    expect(referral.definition?.sections[0]?.questions.map((q) => q.key)).toEqual(['noise', 'when', 'concern']);
    // An answer to a question the form did not ask (its condition not met) is dropped.
    const hidden = await keyIn(police, uniqueReferral({ formId: form.id, answers: { noise: 'no', when: 'Never', concern: 'Worried' } }));
    expect((await referralOf(police, hidden.id)).answers).toEqual({ noise: 'no', concern: 'Worried' });
    const stored = await storedText(t, 'referrals', created.id);
    for (const secret of ['After midnight', 'Parties every night']) expect(stored).not.toContain(secret);
  });

  it('refuses answers the form does not ask, answers that do not fit, and required ones left out, each by its key', async () => {
    const form = await noiseForm();
    const unknown = await police.post('/api/v1/referrals', uniqueReferral({ formId: form.id, answers: { noise: 'no', concern: 'x', colour: 'red' } }));
    expectError(unknown, 422, 'validation_failed');
    expect(unknown.json().error.details).toEqual([expect.objectContaining({ field: 'answers.colour' })]);
    const wrong = await police.post('/api/v1/referrals', uniqueReferral({ formId: form.id, answers: { noise: 'maybe', concern: 'x' } }));
    expect(wrong.json().error.details).toEqual([{ field: 'answers.noise', problem: 'must be one of: yes, no' }]);
    const missing = await police.post('/api/v1/referrals', uniqueReferral({ formId: form.id, answers: { noise: 'yes' } }));
    expect(missing.json().error.details).toEqual([{ field: 'answers.concern', problem: 'is required' }]);
  });

  it('lands on the form\'s team, and not on another team\'s desk', async () => {
    const form = await noiseForm();
    const council = await t.as(emails.council);
    const created = await keyIn(council, uniqueReferral({ formId: form.id, answers: { noise: 'no', concern: 'x' } }));
    expect((await referralOf(police, created.id)).team.id).toBe(policeAsb);
    const elsewhere = await council.post('/api/v1/referrals', uniqueReferral({ formId: form.id, teamId: place.team('Demo District Council/Community Safety team').teamId, answers: { noise: 'no', concern: 'x' } }));
    expectError(elsewhere, 422, 'validation_failed');
    expect(elsewhere.json().error.details).toEqual([expect.objectContaining({ field: 'formId' })]);
    expectError(await police.post('/api/v1/referrals', uniqueReferral({ formId: '00000000-0000-4000-8000-000000000000' })), 404, 'not_found');
  });
});

describe('the desk a referral lands on', () => {
  it('may be any team of the partnership, which alone can open it', async () => {
    const councilTeam = place.team('Demo District Council/Community Safety team').teamId;
    const created = await keyIn(police, uniqueReferral({ teamId: councilTeam, channel: 'email' }));
    const council = await t.as(emails.council);
    expect(await referralOf(council, created.id)).toMatchObject({ team: { id: councilTeam }, channel: 'email', createdBy: { name: 'Tom Wright' } });
    expectError(await police.get(`/api/v1/referrals/${created.id}`), 403, 'forbidden');
  });

  it('is never another partnership\'s team', async () => {
    const otherTeam = place.team('Neighbouring County Police/ASB team').teamId;
    expectError(await police.post('/api/v1/referrals', uniqueReferral({ teamId: otherTeam })), 404, 'not_found');
    expectError(await (await t.as(emails.other)).post('/api/v1/referrals', uniqueReferral({ teamId: policeAsb })), 404, 'not_found');
  });
});

describe('another system', () => {
  it('sends referrals with a read-write token, on the api channel and by no member of staff, and reads none', async () => {
    const admin = await t.as(emails.policeAdmin);
    const token = async (access: string) => {
      const response = await admin.post('/api/v1/api-tokens', { organisationId: place.organisation('Demo County Police'), teamId: policeAsb, name: `Call centre ${access}`, access });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().token as string;
    };
    const system = makeAgent(t.app, {}, { authorization: `Bearer ${await token('write')}` });
    const sent = await system.post('/api/v1/referrals', uniqueReferral({ channel: 'phone' }));
    expect(sent.statusCode, sent.body).toBe(201);
    expect(Object.keys(sent.json()).sort()).toEqual(['decisionDueAt', 'id', 'receivedAt', 'reference', 'status']);
    expect(await referralOf(police, sent.json().id)).toMatchObject({ channel: 'api', createdBy: null });
    expectError(await system.get('/api/v1/referrals'), 403, 'forbidden');
    expectError(await system.get(`/api/v1/referrals/${sent.json().id}`), 403, 'forbidden');
    const reader = makeAgent(t.app, {}, { authorization: `Bearer ${await token('read')}` });
    expectError(await reader.post('/api/v1/referrals', uniqueReferral()), 403, 'forbidden');
  });
});

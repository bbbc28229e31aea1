import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxSubmissionBytes, referencePattern } from '../../../../shared/referrals.ts';
import { makeAgent, startTestApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { storedAuditEvents } from '../../../test/audit.ts';
import { createProfile, emails, expectError } from '../../sharing/records.fixtures.ts';
import { actorOf, answerLink, askReferrer, referralOf, storedText } from '../referrals.fixtures.ts';
import { councilForm, publicReferral, referralCount, referralIdOf, victimAnswers } from './public.fixtures.ts';

let t: TestApp;
let council: Agent;

beforeAll(async () => {
  t = await startTestApp();
  council = await t.as(emails.council);
});
afterAll(() => t.close());

const submissions = (slug: string) => `/api/v1/public/referral-forms/${slug}/submissions`;

async function send(body: unknown, slug = 'asb-concern', agent: Agent = t.anonymous) {
  return agent.post(submissions(slug), body);
}

async function sent(body: unknown, slug = 'asb-concern'): Promise<{ reference: string; id: string }> {
  const response = await send(body, slug);
  expect(response.statusCode, response.body).toBe(202);
  const { reference } = response.json();
  return { reference, id: (await referralIdOf(t, reference))! };
}

/** The problems a 422 names, by field. */
const fieldsOf = (response: { json(): unknown }) => ((response.json() as { error: { details: { field: string }[] } }).error.details ?? []).map((d) => d.field);

describe('a referral sent with no account', () => {
  it('is taken with 202 and its reference alone, and lands on the form\'s desk', async () => {
    const body = publicReferral(victimAnswers);
    const response = await send(body);
    expect(response.statusCode, response.body).toBe(202);
    expect(Object.keys(response.json())).toEqual(['reference']);
    const { reference } = response.json();
    expect(reference).toMatch(referencePattern);
    const id = (await referralIdOf(t, reference))!;
    const referral = await referralOf(council, id);
    expect(referral).toMatchObject({ reference, channel: 'online-form', status: 'new', consent: true, answers: victimAnswers, subject: { firstName: body.subject.firstName } });
    expect(referral.form?.name).toBe('Report a concern about anti-social behaviour');
  });

  it('is kept sealed: the stored row holds none of what was sent', async () => {
    const body = publicReferral(victimAnswers);
    const { id } = await sent(body);
    const stored = await storedText(t, 'referrals', id);
    for (const plain of [body.subject.firstName, body.subject.lastName, body.referrer.name, body.referrer.email, 'Orchard Lane', 'Demo Primary School']) {
      expect(stored).not.toContain(plain);
    }
  });

  it('answers the same whether the person is known to the partnership or not', async () => {
    const police = await t.as(emails.police);
    const known = await createProfile(police, { dateOfBirth: '1980-05-06' });
    const aboutKnown = await send(publicReferral(victimAnswers, { subject: { firstName: known.firstName, lastName: known.lastName, dateOfBirth: '1980-05-06' } }));
    const aboutStranger = await send(publicReferral(victimAnswers, { subject: { firstName: 'Nobody', lastName: 'Knownatall', dateOfBirth: '1980-05-06' } }));
    for (const response of [aboutKnown, aboutStranger]) {
      expect(response.statusCode).toBe(202);
      expect(Object.keys(response.json())).toEqual(['reference']);
      expect(response.headers['content-type']).toBe(aboutStranger.headers['content-type']);
    }
  });

  it('stays off the desks of another organisation\'s team and of the other partnership', async () => {
    const { id, reference } = await sent(publicReferral(victimAnswers));
    const police = await t.as(emails.police);
    expect([403, 404]).toContain((await police.get(`/api/v1/referrals/${id}`)).statusCode);
    const other = await t.as(emails.other);
    expectError(await other.get(`/api/v1/referrals/${id}`), 404, 'not_found');
    const otherDesk = (await other.get('/api/v1/referrals?status=all')).json().items as { reference: string }[];
    expect(otherDesk.map((r) => r.reference)).not.toContain(reference);
  });

  it('keeps a script in the text as text, sealed', async () => {
    const script = '<script>alert("referral")</script>';
    const body = publicReferral({ relationship: 'partner', children: 'no', 'immediate-danger': 'no', concern: `${script} and more` }, {});
    body.referrer.name = `${script} ${body.referrer.name}`;
    const { id } = await sent(body, 'domestic-abuse');
    expect(await storedText(t, 'referrals', id)).not.toContain('alert(');
  });
});

describe('a referral that cannot be taken', () => {
  it('refuses wrong types, naming the field', async () => {
    const body = publicReferral(victimAnswers);
    expect(fieldsOf(await send({ ...body, referrer: { ...body.referrer, name: 42 } }))).toContain('referrer.name');
    expect(fieldsOf(await send({ ...body, consent: 'yes' }))).toContain('consent');
    const answers = await send(publicReferral({ ...victimAnswers, 'victim-coping': 'perhaps' }));
    expectError(answers, 422, 'validation_failed');
    expect(fieldsOf(answers)).toEqual(['answers.victim-coping']);
  });

  it('refuses a required answer left out, naming it', async () => {
    const { 'victim-impact': _left, ...answers } = victimAnswers;
    const response = await send(publicReferral(answers));
    expectError(response, 422, 'validation_failed');
    expect(fieldsOf(response)).toEqual(['answers.victim-impact']);
  });

  it('refuses fields the contract does not have, and answers to questions the form does not ask', async () => {
    const body = publicReferral(victimAnswers);
    expect(fieldsOf(await send({ ...body, priority: 'urgent' }))).toEqual(['priority']);
    expect(fieldsOf(await send({ ...body, subject: { ...body.subject, nickname: 'Iggy' } }))).toEqual(['subject.nickname']);
    expect(fieldsOf(await send(publicReferral({ ...victimAnswers, shoeSize: '9' })))).toEqual(['answers.shoeSize']);
  });

  it('refuses a referral whose sender did not agree to how it is used', async () => {
    const response = await send(publicReferral(victimAnswers, { consent: false }));
    expectError(response, 422, 'validation_failed');
    expect(fieldsOf(response)).toEqual(['consent']);
  });

  it('refuses a body larger than a submission may be with 413, keeping nothing', async () => {
    const before = await referralCount(t);
    const response = await send(publicReferral({ ...victimAnswers, padding: 'x'.repeat(maxSubmissionBytes) }));
    expectError(response, 413, 'payload_too_large');
    expect(await referralCount(t)).toBe(before);
  });

  it('answers 404 for a form that does not exist or is a draft, and 410 for a closed one', async () => {
    expectError(await send(publicReferral(victimAnswers), 'no-such-form'), 404, 'not_found');
    const form = await councilForm(t, { status: 'draft' });
    expectError(await send(publicReferral({ concern: 'Noise' }), form.slug), 404, 'not_found');
    const closed = await (await t.as(emails.admin)).patch(`/api/v1/referral-forms/${form.id}`, { version: form.version, status: 'closed' });
    expect(closed.statusCode, closed.body).toBe(200);
    expectError(await send(publicReferral({ concern: 'Noise' }), form.slug), 410, 'form_closed');
  });
});

describe('the limits on sending', () => {
  it('refuses an address past its limit with 429, while others still send', async () => {
    const limits = t.app.platform.config.referralRateLimit;
    const saved = { ...limits };
    limits.perAddress = 2;
    try {
      const sender = makeAgent(t.app);
      for (let i = 0; i < 2; i++) expect((await send(publicReferral(victimAnswers), 'asb-concern', sender)).statusCode).toBe(202);
      const refused = await send(publicReferral(victimAnswers), 'asb-concern', sender);
      expectError(refused, 429, 'rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.json().error.message).toMatch(/Try again in \d+ minutes?/);
      // Bad bodies count too, so guessing at the form costs the same.
      expectError(await send({}, 'asb-concern', sender), 429, 'rate_limited');
      expect((await send(publicReferral(victimAnswers))).statusCode).toBe(202);
    } finally {
      Object.assign(limits, saved);
    }
  });

  it('refuses a form past its limit, whoever sends', async () => {
    const limits = t.app.platform.config.referralRateLimit;
    const saved = { ...limits };
    limits.perForm = 2;
    try {
      const [busy, quiet] = [await councilForm(t, {}), await councilForm(t, {})];
      for (let i = 0; i < 2; i++) expect((await send(publicReferral({ concern: 'Loud music' }), busy.slug)).statusCode).toBe(202);
      expectError(await send(publicReferral({ concern: 'Loud music' }), busy.slug), 429, 'rate_limited');
      expectError(await send(publicReferral({ concern: 'Loud music' }), busy.slug.toUpperCase()), 429, 'rate_limited');
      expect((await send(publicReferral({ concern: 'Loud music' }), quiet.slug)).statusCode).toBe(202);
    } finally {
      Object.assign(limits, saved);
    }
  });
});

describe('the referrer\'s link to answer the team\'s question', () => {
  async function asked(question: string) {
    const body = publicReferral(victimAnswers);
    const { id, reference } = await sent(body);
    await askReferrer(t, await actorOf(council), id, question);
    const { token } = await answerLink(t, body.referrer.email);
    return { id, reference, token };
  }

  it('shows what was asked, takes one answer, and then is gone', async () => {
    const { id, reference, token } = await asked('Is the person safe tonight?');
    const url = `/api/v1/public/referral-information/${token}`;
    const shown = await t.anonymous.get(url);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toEqual({ reference, formTitle: 'Report a concern about anti-social behaviour', question: 'Is the person safe tonight?', sensitive: false });
    expectError(await t.anonymous.post(url, { information: '' }), 422, 'validation_failed');
    expectError(await t.anonymous.post(url, { information: 'Yes', extra: 1 }), 422, 'validation_failed');
    const answered = await t.anonymous.post(url, { information: 'Yes, they are staying with family.' });
    expect(answered.statusCode, answered.body).toBe(202);
    const referral = await referralOf(council, id);
    expect(referral.status).toBe('in-triage');
    expect(referral.informationRequests[0]).toMatchObject({ answer: 'Yes, they are staying with family.', answeredVia: 'link' });
    expectError(await t.anonymous.post(url, { information: 'Again' }), 404, 'not_found');
    expectError(await t.anonymous.get(url), 404, 'not_found');
  });

  it('answers 404 once the link has expired, and for a token never made', async () => {
    const { id, token } = await asked('Who else lives there?');
    await t.database.pool.query('update referral_information_requests set expires_at = now() - interval \'1 minute\' where referral_id = $1', [id]);
    expectError(await t.anonymous.get(`/api/v1/public/referral-information/${token}`), 404, 'not_found');
    expectError(await t.anonymous.post(`/api/v1/public/referral-information/${token}`, { information: 'Late' }), 404, 'not_found');
    expectError(await t.anonymous.get(`/api/v1/public/referral-information/${'A'.repeat(43)}`), 404, 'not_found');
    expectError(await t.anonymous.get('/api/v1/public/referral-information/short'), 404, 'not_found');
  });

  it('records who answered as nobody signed in', async () => {
    const { id, token } = await asked('What time does it start?');
    await t.anonymous.post(`/api/v1/public/referral-information/${token}`, { information: 'Around 11pm.' });
    const [event] = await storedAuditEvents(t, { entityId: id, action: 'referral.information_answered' });
    expect(event).toMatchObject({ outcome: 'success', actor: { kind: 'anonymous', id: null } });
  });
});

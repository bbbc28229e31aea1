import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxSubmissionBytes, referencePattern } from '../../../../shared/referrals.ts';
import { storedAuditEvents } from '../../../test/audit.ts';
import { makeAgent, startTestApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { emails } from '../../sharing/records.fixtures.ts';
import { actorOf, answerLink, askReferrer, referralOf, storedText } from '../referrals.fixtures.ts';
import {
  asFields, councilForm, fillIn, headingOf, postPage, publicReferral, referralCount, referralIdOf, referrerFields, stateOf, subjectFields, victimAnswers,
} from './public.fixtures.ts';

let t: TestApp;
let council: Agent;

beforeAll(async () => {
  t = await startTestApp();
  council = await t.as(emails.council);
});
afterAll(() => t.close());

let tags = 0;
const tag = () => `${Date.now().toString(36)}p${++tags}`;
const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
const errorSummaryOf = (html: string) => [...(/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '').matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[1]}: ${m[2]}`);

describe('the start page', () => {
  it('needs no account and says what the form is, what happens next and how the information is used', async () => {
    const page = await t.anonymous.get('/refer/asb-concern');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(headingOf(page.body)).toBe('Report a concern about anti-social behaviour');
    expect(titleOf(page.body)).toBe('Report a concern about anti-social behaviour – Make a referral');
    expect(page.body).toContain('within 2 working days');
    expect(page.body).toContain('Public task (Article 6(1)(e))');
    expect(page.body).toContain('href="/refer/asb-concern/about-you"');
    expect(page.body).not.toContain('govuk-exit-this-page');
    // No inline script: the page's only script is the built one, from our own origin.
    expect(page.body).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('offers a quick exit on every page of a sensitive form', async () => {
    const start = await t.anonymous.get('/refer/domestic-abuse');
    expect(start.body).toContain('href="https://www.bbc.co.uk/weather"');
    expect(start.body).toContain('It does not clear your browsing history');
    const first = await t.anonymous.get('/refer/domestic-abuse/about-you');
    expect(first.body).toContain('govuk-exit-this-page');
    const next = await postPage(t.anonymous, '/refer/domestic-abuse/about-you', { state: '', ...referrerFields(tag()) });
    expect(headingOf(next.body)).toBe('About the person');
    expect(next.body).toContain('govuk-exit-this-page');
  });

  it('answers "Page not found" for an unknown or draft form, and "This form is closed" for a closed one', async () => {
    const unknown = await t.anonymous.get('/refer/no-such-form');
    expect(unknown.statusCode).toBe(404);
    expect(headingOf(unknown.body)).toBe('Page not found');
    expect(titleOf(unknown.body)).toBe('Page not found – Make a referral');
    expect((await t.anonymous.get('/refer/no-such-form/about-you')).statusCode).toBe(404);
    expect((await t.anonymous.get('/refer/asb-concern/one/two')).statusCode).toBe(404);
    const form = await councilForm(t, { status: 'draft' });
    expect((await t.anonymous.get(`/refer/${form.slug}`)).statusCode).toBe(404);
    const closed = await (await t.as(emails.admin)).patch(`/api/v1/referral-forms/${form.id}`, { version: form.version, status: 'closed' });
    expect(closed.statusCode, closed.body).toBe(200);
    const gone = await t.anonymous.get(`/refer/${form.slug}`);
    expect(gone.statusCode).toBe(410);
    expect(headingOf(gone.body)).toBe('This form is closed');
  });
});

describe('the question pages', () => {
  it('say what is wrong in an error summary linked to each field, and keep what was typed', async () => {
    const page = await postPage(t.anonymous, '/refer/asb-concern/about-you', { state: '', 'referrer-name': '', 'referrer-email': 'not-an-email', 'referrer-phone': 'call me' });
    expect(page.statusCode).toBe(422);
    expect(titleOf(page.body)).toBe('Error: About you – Make a referral');
    expect(errorSummaryOf(page.body)).toEqual([
      'referrer-name: Enter your full name',
      'referrer-email: Enter an email address in the correct format, like name@example.com',
      'referrer-phone: Enter a telephone number, like 01632 960 001 or 07700 900 982',
    ]);
    expect(page.body).toContain('id="referrer-email" name="referrer-email" type="email" spellcheck="false" value="not-an-email"');
    expect(page.body).toContain('<span class="govuk-visually-hidden">Error:</span> Enter your full name');
  });

  it('check the person\'s date of birth and address', async () => {
    const about = await postPage(t.anonymous, '/refer/asb-concern/about-you', { state: '', ...referrerFields(tag()) });
    const page = await postPage(t.anonymous, '/refer/asb-concern/about-the-person', {
      state: stateOf(about.body), 'subject-first-name': 'Ada', 'subject-last-name': '', 'subject-dob-day': '31', 'subject-dob-month': '2', 'subject-dob-year': '2001', 'subject-town': 'Demo Town',
    });
    expect(page.statusCode).toBe(422);
    expect(errorSummaryOf(page.body)).toEqual([
      'subject-last-name: Enter their last name',
      'subject-dob-day: Date of birth must be a real date',
      'subject-address-line-1: Enter address line 1, typically the building and street',
    ]);
    const future = await postPage(t.anonymous, '/refer/asb-concern/about-the-person', {
      state: stateOf(about.body), ...subjectFields(tag()), 'subject-dob-day': '1', 'subject-dob-month': 'Jan', 'subject-dob-year': String(new Date().getFullYear() + 1),
    });
    expect(errorSummaryOf(future.body)).toEqual(['subject-dob-day: Date of birth must be in the past']);
  });

  it('ask each of the form\'s questions as its kind asks, and say which are missing', async () => {
    const sections = [
      {
        title: 'The problem',
        questions: [
          { key: 'noise', text: 'Is there noise at night?', kind: 'yes_no', required: true, options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] },
          { key: 'when', text: 'When does it start?', kind: 'text', required: true, condition: { questionKey: 'noise', values: ['yes'] } },
          { key: 'kinds', text: 'What kinds of behaviour?', kind: 'multiple_choice', options: [{ value: 'music', label: 'Loud music' }, { value: 'shouting', label: 'Shouting' }] },
          { key: 'rating', text: 'How bad is it?', kind: 'scale', scale: { min: 1, max: 5 }, required: true },
          { key: 'wide', text: 'How many out of a hundred?', kind: 'scale', scale: { min: 0, max: 100 } },
          { key: 'nights', text: 'How many nights a week?', kind: 'number' },
          { key: 'since', text: 'When did it start?', kind: 'date' },
        ],
      },
      {
        title: 'Music',
        questions: [{ key: 'genre', text: 'What kind of music?', kind: 'text', required: true, condition: { questionKey: 'kinds', values: ['music'] } }],
      },
    ];
    const form = await councilForm(t, { sections });
    const about = await postPage(t.anonymous, `/refer/${form.slug}/about-you`, { state: '', ...referrerFields(tag()) });
    const person = await postPage(t.anonymous, `/refer/${form.slug}/about-the-person`, { state: stateOf(about.body), ...subjectFields(tag()) });
    expect(headingOf(person.body)).toBe('The problem');
    expect(person.body).toContain('govuk-radios__conditional');
    expect(person.body).toContain('type="checkbox"');
    expect(person.body).toContain('govuk-character-count');
    expect(person.body).toContain('name="q-since-day"');
    expect(person.body).toMatch(/name="q-wide"[^>]*inputmode="numeric"|inputmode="numeric"[^>]*name="q-wide"/);
    const missing = await postPage(t.anonymous, `/refer/${form.slug}/section-1`, { state: stateOf(person.body), 'q-noise': 'yes', 'q-nights': 'some', 'q-since-day': '4', 'q-since-year': '2024' });
    expect(missing.statusCode).toBe(422);
    expect(errorSummaryOf(missing.body)).toEqual([
      'q-when: Enter an answer to “When does it start?”',
      'q-rating: Select an answer to “How bad is it?”',
      'q-nights: The answer to “How many nights a week?” must be a number',
      'q-since-day: The date for “When did it start?” must include a month',
    ]);
    // "No" leaves the revealed question unasked; the music page is skipped without "Loud music".
    const check = await postPage(t.anonymous, `/refer/${form.slug}/section-1`, {
      state: stateOf(person.body), 'q-noise': 'no', 'q-when': 'Kept out', 'q-kinds': 'shouting', 'q-rating': '4', 'q-nights': '3', 'q-since-day': '4', 'q-since-month': '3', 'q-since-year': '2024',
    });
    expect(headingOf(check.body)).toBe('Check your answers before sending your referral');
    expect(check.body).toContain('4 March 2024');
    expect(check.body).not.toContain('Kept out');
    // Back to the first section with "Loud music" too: the music page follows.
    const withMusic = await postPage(t.anonymous, `/refer/${form.slug}/section-1`, {
      state: stateOf(check.body), 'q-noise': 'no', 'q-kinds': ['shouting', 'music'], 'q-rating': '4',
    });
    expect(headingOf(withMusic.body)).toBe('Music');
    const done = await postPage(t.anonymous, `/refer/${form.slug}/section-2`, { state: stateOf(withMusic.body), 'q-genre': 'Drum and bass' });
    expect(headingOf(done.body)).toBe('Check your answers before sending your referral');
    const sent = await postPage(t.anonymous, `/refer/${form.slug}/check`, { state: stateOf(done.body), consent: 'yes' });
    expect(sent.statusCode, sent.body).toBe(303);
    const id = (await referralIdOf(t, new URL(sent.headers.location as string, 'http://x').searchParams.get('reference')!))!;
    expect((await referralOf(council, id)).answers).toEqual({ noise: 'no', kinds: ['shouting', 'music'], rating: 4, genre: 'Drum and bass' });
  });

  it('go back a page with what was entered, and come back to the check page after a change', async () => {
    const { state, html } = await fillIn(t.anonymous, 'asb-concern', tag(), [asFields(victimAnswers), asFields({ concern: 'The noise goes on every night.' })]);
    expect(html).toContain('Change<span class="govuk-visually-hidden"> about you</span>');
    const back = await postPage(t.anonymous, '/refer/asb-concern/check', { state, go: 'back' });
    // The last page before checking: the concern in the referrer's words, as they typed it.
    expect(headingOf(back.body)).toBe('Your concern');
    expect(back.body).toContain('The noise goes on every night.');
    const change = await postPage(t.anonymous, '/refer/asb-concern/about-the-person', { state, go: 'change' });
    expect(headingOf(change.body)).toBe('About the person');
    expect(change.body).toContain('name="changing" value="yes"');
    const changed = await postPage(t.anonymous, '/refer/asb-concern/about-the-person', { state: stateOf(change.body), changing: 'yes', ...subjectFields('changed'), 'subject-first-name': 'Changedname' });
    expect(headingOf(changed.body)).toBe('Check your answers before sending your referral');
    expect(changed.body).toContain('Changedname');
  });

  it('start again from a later page reached without what was entered before', async () => {
    const page = await postPage(t.anonymous, '/refer/asb-concern/section-1', { state: 'not-a-state', 'q-victim-vulnerable': 'yes' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/refer/asb-concern');
    expect((await t.anonymous.get('/refer/asb-concern/check')).headers.location).toBe('/refer/asb-concern');
  });
});

describe('checking and sending', () => {
  it('sends the whole referral from the pages to the desk, and confirms it with its reference', async () => {
    const me = tag();
    const before = await referralCount(t);
    const { state, html } = await fillIn(t.anonymous, 'asb-concern', me, [asFields(victimAnswers), asFields({ concern: 'The noise goes on every night.' })]);
    expect(html).toContain(`Ignatius${me} Marchbanks${me}`);
    expect(html).toContain('3 February 2001');
    expect(html).toContain('Vulnerable victim?');
    const unconsented = await postPage(t.anonymous, '/refer/asb-concern/check', { state });
    expect(unconsented.statusCode).toBe(422);
    expect(errorSummaryOf(unconsented.body)).toEqual(['consent: Select that you understand how the information will be used']);
    expect(await referralCount(t)).toBe(before);

    const sent = await postPage(t.anonymous, '/refer/asb-concern/check', { state, consent: 'yes', website: '' });
    expect(sent.statusCode, sent.body).toBe(303);
    const location = new URL(sent.headers.location as string, 'http://concord.test');
    expect(location.pathname).toBe('/refer/asb-concern/sent');
    const reference = location.searchParams.get('reference')!;
    expect(reference).toMatch(referencePattern);
    const confirmation = await t.anonymous.get(`${location.pathname}${location.search}`);
    expect(confirmation.statusCode).toBe(200);
    expect(confirmation.body).toContain('Referral sent');
    expect(confirmation.body).toContain(reference);

    const desk = (await council.get('/api/v1/referrals')).json().items as { reference: string; subject: { firstName: string }; channel: string }[];
    expect(desk.find((r) => r.reference === reference)).toMatchObject({ subject: { firstName: `Ignatius${me}` }, channel: 'online-form' });
    const referral = await referralOf(council, (await referralIdOf(t, reference))!);
    expect(referral).toMatchObject({
      answers: victimAnswers,
      referrer: { name: `Perpetua Sender${me}`, email: `sender.${me}@example.test`, organisation: null, relationship: 'neighbour' },
      subject: { lastName: `Marchbanks${me}`, dateOfBirth: '2001-02-03' },
      consent: true,
    });
  });

  it('shows a script typed into an answer as text, escaped, and stores it sealed', async () => {
    const script = '<script>alert("typed")</script>';
    const answers = asFields({ relationship: 'partner', children: 'no', 'immediate-danger': 'no', concern: `${script}\nSecond line` });
    const { state, html } = await fillIn(t.anonymous, 'domestic-abuse', tag(), [answers]);
    expect(html).not.toContain(script);
    expect(html).toContain('&lt;script&gt;alert(&quot;typed&quot;)&lt;/script&gt;');
    const sent = await postPage(t.anonymous, '/refer/domestic-abuse/check', { state, consent: 'yes' });
    expect(sent.statusCode).toBe(303);
    const id = (await referralIdOf(t, new URL(sent.headers.location as string, 'http://x').searchParams.get('reference')!))!;
    expect(await storedText(t, 'referrals', id)).not.toContain('alert(');
  });

  it('shows a robot that fills the hidden field the usual confirmation, and keeps nothing but the fact', async () => {
    const { state, html } = await fillIn(t.anonymous, 'asb-concern', tag(), [asFields(victimAnswers), asFields({ concern: 'The noise goes on every night.' })]);
    expect(html).toMatch(/<div class="concord-honeypot" style="display: none" aria-hidden="true">\s*<label for="website">/);
    const before = await referralCount(t);
    const sent = await postPage(t.anonymous, '/refer/asb-concern/check', { state, consent: 'yes', website: 'https://spam.example' });
    expect(sent.statusCode).toBe(303);
    const reference = new URL(sent.headers.location as string, 'http://x').searchParams.get('reference')!;
    expect(reference).toMatch(referencePattern);
    expect((await t.anonymous.get(sent.headers.location as string)).body).toContain(reference);
    expect(await referralCount(t)).toBe(before);
    const [discarded] = await storedAuditEvents(t, { action: 'referral.discarded' });
    expect(discarded).toMatchObject({ outcome: 'success', entityType: 'referral_form', details: { why: 'honeypot' } });
  });

  it('keeps the answers on the check page when the sender has sent too many', async () => {
    const limits = t.app.platform.config.referralRateLimit;
    const saved = { ...limits };
    limits.perAddress = 1;
    try {
      const sender = makeAgent(t.app);
      const first = await fillIn(sender, 'asb-concern', tag(), [asFields(victimAnswers), asFields({ concern: 'The noise goes on every night.' })]);
      expect((await postPage(sender, '/refer/asb-concern/check', { state: first.state, consent: 'yes' })).statusCode).toBe(303);
      const me = tag();
      const second = await fillIn(sender, 'asb-concern', me, [asFields(victimAnswers), asFields({ concern: 'The noise goes on every night.' })]);
      const refused = await postPage(sender, '/refer/asb-concern/check', { state: second.state, consent: 'yes' });
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBeDefined();
      expect(headingOf(refused.body)).toBe('Check your answers before sending your referral');
      expect(refused.body).toMatch(/Too many referrals have been sent from your connection. Try again in \d+ minutes?. Your answers are still here./);
      expect(refused.body).toContain(`Ignatius${me}`);
      expect(stateOf(refused.body)).toBe(second.state);
    } finally {
      Object.assign(limits, saved);
    }
  });

  it('answers a page too large to take with a page saying so', async () => {
    const page = await postPage(t.anonymous, '/refer/asb-concern/about-you', { state: '', 'referrer-name': 'x'.repeat(maxSubmissionBytes) });
    expect(page.statusCode).toBe(413);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(headingOf(page.body)).toBe('What you entered is too long to send');
  });
});

describe('the referrer\'s answer link', () => {
  it('shows the team\'s question, takes the answer once, then says the link has been used', async () => {
    const body = publicReferral(victimAnswers);
    const response = await t.anonymous.post('/api/v1/public/referral-forms/asb-concern/submissions', body);
    const id = (await referralIdOf(t, response.json().reference))!;
    await askReferrer(t, await actorOf(council), id, 'Is <b>anyone</b> else affected?');
    const { link, token } = await answerLink(t, body.referrer.email);
    expect(new URL(link).pathname).toBe(`/refer/answer/${token}`);

    const page = await t.anonymous.get(`/refer/answer/${token}`);
    expect(page.statusCode).toBe(200);
    expect(headingOf(page.body)).toBe('Add information to your referral');
    expect(page.body).toContain('Is &lt;b&gt;anyone&lt;/b&gt; else affected?');
    expect(page.body).toContain(response.json().reference);
    const blank = await postPage(t.anonymous, `/refer/answer/${token}`, { information: '  ' });
    expect(blank.statusCode).toBe(422);
    expect(errorSummaryOf(blank.body)).toEqual(['information: Enter your answer']);
    const answered = await postPage(t.anonymous, `/refer/answer/${token}`, { information: 'My neighbour too.' });
    expect(answered.statusCode).toBe(200);
    expect(headingOf(answered.body)).toBe('Information sent');
    expect((await referralOf(council, id)).informationRequests[0]?.answer).toBe('My neighbour too.');

    const again = await t.anonymous.get(`/refer/answer/${token}`);
    expect(again.statusCode).toBe(404);
    expect(headingOf(again.body)).toBe('This link has expired or has already been used');
    expect(again.body).not.toContain('anyone');
    expect((await postPage(t.anonymous, `/refer/answer/${token}`, { information: 'Again' })).statusCode).toBe(404);
    expect(headingOf((await t.anonymous.get('/refer/answer/nonsense')).body)).toBe('This link has expired or has already been used');
  });
});

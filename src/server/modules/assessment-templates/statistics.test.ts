import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { createProfile } from '../profiles/profiles.fixtures.ts';
import { auditOf, createRecord, emails, expectError, loadStructure, share } from '../sharing/records.fixtures.ts';
import { victimAnswers } from '../assessments/assessments.fixtures.ts';
import { createTemplate, ownDefinition } from './templates.fixtures.ts';

let t: TestApp;
let key: string;
let templateId: string;

const londonToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function completed(agent: Agent, subject: { type: 'profile' | 'case'; id: string }, answers: Record<string, unknown>, extra: Record<string, unknown> = {}, body: Record<string, unknown> = {}, template = key) {
  const draft = await agent.post('/api/v1/assessments', { template, subject, answers, ...extra });
  expect(draft.statusCode, draft.body).toBe(201);
  const done = await agent.post(`/api/v1/assessments/${draft.json().id}/complete`, body);
  expect(done.statusCode, done.body).toBe(200);
  return done.json();
}

/**
 * A known set, all by the police officer with a template scoring noise (yes 5), how often (weekly
 * 2, daily 6) and a 1-5 rating, banded Low 0-5 and High 6+:
 * - profile 1 (shared with the council's team): 2 Low, then 12 High;
 * - profile 2 (address DE4 3AG): 8 High;
 * - profile 3: 1 Low, private to the officer;
 * - a case with profile 2 linked: 3 Low, adjusted to 7 (High), visible to the team.
 */
beforeAll(async () => {
  t = await startTestApp();
  const place = await loadStructure(t);
  const lead = await t.as(emails.lead);
  const template = await createTemplate(lead, { name: 'Noise statistics', definition: ownDefinition({ adjustment: 'allowed' }) });
  key = template.key;
  templateId = template.id;
  const police = await t.as(emails.police);
  const first = await createRecord(police, 'profiles');
  await share(police, 'profiles', first, { teamId: place.team('Demo District Council/Community Safety team').teamId, level: 'view' });
  const second = (await createProfile(police, { firstName: 'Dana', lastName: 'Derbyshire', addresses: [{ addressLine1: '1 Dale Road', town: 'Matlock', postcode: 'de43ag' }] })).id;
  const third = await createRecord(police, 'profiles');
  const caseId = await createRecord(police, 'cases');
  const linked = await police.post(`/api/v1/cases/${caseId}/profiles`, { profileId: second, role: 'victim' });
  expect(linked.statusCode, linked.body).toBe(201);

  await completed(police, { type: 'profile', id: first }, { noise: 'no', wellbeing: 2 });
  await completed(police, { type: 'profile', id: first }, { noise: 'yes', 'how-often': 'daily', wellbeing: 1 });
  await completed(police, { type: 'profile', id: second }, { noise: 'yes', 'how-often': 'weekly', wellbeing: 1 });
  await completed(police, { type: 'profile', id: third }, { noise: 'no', wellbeing: 1 }, { visibility: 'private' });
  await completed(police, { type: 'case', id: caseId }, { noise: 'no', wellbeing: 3 }, { visibility: 'team' }, { adjustment: { score: 7, reason: 'Repeat calls this week' } });
});
afterAll(() => t.close());

async function statistics(email: string, query = '', template = key) {
  const response = await (await t.as(email)).get(`/api/v1/assessment-templates/${template}/statistics${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const bands = (stats: { bands: { label: string; count: number }[] }) => Object.fromEntries(stats.bands.map((b) => [b.label, b.count]));
const answers = (stats: { questions: { key: string; answers: { value: string; count: number }[] }[] }, question: string) =>
  Object.fromEntries(stats.questions.find((q) => q.key === question)!.answers.map((a) => [a.value, a.count]));

describe('template statistics', () => {
  it('count by final band, movement between first and latest, and every answer, for the author', async () => {
    const stats = await statistics(emails.police);
    expect(stats).toMatchObject({ template: { id: templateId, key, name: 'Noise statistics' }, from: null, to: null, area: null, total: 5, subjects: 4 });
    expect(stats.bands).toEqual([{ label: 'Low', colour: 'green', count: 2 }, { label: 'High', colour: 'red', count: 3 }]);
    expect(stats.movement).toEqual([{ from: 'Low', to: 'High', count: 1 }]);
    expect(stats.questions.map((q: { key: string }) => q.key)).toEqual(['noise', 'how-often', 'wellbeing']);
    expect(answers(stats, 'noise')).toEqual({ yes: 2, no: 3 });
    expect(answers(stats, 'how-often')).toEqual({ weekly: 1, daily: 1 });
    expect(answers(stats, 'wellbeing')).toEqual({ 1: 3, 2: 1, 3: 1, 4: 0, 5: 0 });
    expect(stats.questions[0].answers[0]).toEqual({ value: 'yes', label: 'Yes', count: 2 });
  });

  it('count only what the reader may read', async () => {
    const lead = await statistics(emails.lead);
    expect({ total: lead.total, bands: bands(lead) }).toEqual({ total: 4, bands: { Low: 1, High: 3 } });
    const council = await statistics(emails.council);
    expect({ total: council.total, subjects: council.subjects, bands: bands(council), movement: council.movement })
      .toEqual({ total: 2, subjects: 1, bands: { Low: 1, High: 1 }, movement: [{ from: 'Low', to: 'High', count: 1 }] });
    const housing = await statistics(emails.housing);
    expect({ total: housing.total, bands: bands(housing), noise: answers(housing, 'noise') }).toEqual({ total: 0, bands: { Low: 0, High: 0 }, noise: { yes: 0, no: 0 } });
  });

  it('filter by the London date of completion and by the postcode of the subject\'s current address', async () => {
    const today = londonToday();
    expect((await statistics(emails.police, `?from=${today}&to=${today}`)).total).toBe(5);
    expect((await statistics(emails.police, `?from=${addDays(today, 1)}`)).total).toBe(0);
    expect((await statistics(emails.police, `?to=${addDays(today, -1)}`)).total).toBe(0);
    for (const area of ['DE', 'de4', 'DE4%203', 'DE43']) {
      const stats = await statistics(emails.police, `?area=${area}`);
      expect({ area, total: stats.total, subjects: stats.subjects }).toEqual({ area, total: 2, subjects: 2 });
    }
    for (const area of ['D', 'DE45', 'DE4%209', 'NG']) expect((await statistics(emails.police, `?area=${area}`)).total).toBe(0);
    expectError(await (await t.as(emails.police)).get(`/api/v1/assessment-templates/${key}/statistics?area=not-a-postcode`), 422, 'validation_failed');
    const [audited] = await auditOf(t, templateId, 'assessment_statistics.viewed');
    expect(audited?.details).toMatchObject({ area: 'NG', total: 0 });
  });

  it('export the same figures as CSV, safe to open in a spreadsheet', async () => {
    const response = await (await t.as(emails.police)).get(`/api/v1/assessment-templates/${key}/statistics.csv?area=DE`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${key}-statistics.csv"`);
    const lines = response.body.split('\r\n');
    expect(lines.slice(0, 2)).toEqual(['Template,From,To,Area,Assessments,People or cases', 'Noise statistics,,,DE,2,2']);
    expect(lines).toContain('High,2');
    expect(lines).toContain('noise,Is there noise at night?,yes,Yes,1');
    const [audited] = await auditOf(t, templateId, 'assessment_statistics.exported');
    expect(audited?.details).toMatchObject({ area: 'DE', total: 2 });

    const risky = ownDefinition({ bands: [{ label: '=HYPERLINK("http://evil.test")', min: 0, max: null }] });
    risky.sections[0]!.questions[1]!.options![0]!.label = '@SUM(1+1)';
    const template = await createTemplate(await t.as(emails.lead), { definition: risky });
    const csv = (await (await t.as(emails.police)).get(`/api/v1/assessment-templates/${template.key}/statistics.csv`)).body;
    expect(csv).toContain('"\'=HYPERLINK(""http://evil.test"")",0');
    expect(csv).toContain('how-often,How often?,weekly,\'@SUM(1+1),0');
    expect(csv).not.toMatch(/(^|,)[=@+-]/m);
  });

  it('do not exist for the other partnership, and are refused to nobody else who may read', async () => {
    const other = await t.as(emails.other);
    expectError(await other.get(`/api/v1/assessment-templates/${templateId}/statistics`), 404, 'not_found');
    expectError(await other.get(`/api/v1/assessment-templates/${templateId}/statistics.csv`), 404, 'not_found');
    expectError(await other.get(`/api/v1/assessment-templates/${key}/statistics.csv`), 404, 'not_found');
  });
});

/** Each band of the statistics as its colour and count, by label. */
const bandsIn = (stats: { bands: { label: string; colour: string; count: number }[] }) => stats.bands.map((b) => [b.label, b.colour, b.count]);

describe('template statistics counted in the database', () => {
  it('band each assessment by the score that counts, as the assessment itself shows it', async () => {
    const lead = await t.as(emails.lead);
    const police = await t.as(emails.police);
    const template = await createTemplate(lead, { definition: ownDefinition({ adjustment: 'approval_required' }) });
    const subject = { type: 'profile' as const, id: await createRecord(police, 'profiles') };
    const pending = await completed(police, subject, { noise: 'no', wellbeing: 1 }, {}, { adjustment: { score: 9, reason: 'Waiting for a supervisor' } }, template.key);
    const toApprove = await completed(police, subject, { noise: 'no', wellbeing: 2 }, {}, { adjustment: { score: 8, reason: 'Worse than the answers say' } }, template.key);
    const toReject = await completed(police, subject, { noise: 'yes', 'how-often': 'daily', wellbeing: 1 }, {}, { adjustment: { score: 3, reason: 'Better than the answers say' } }, template.key);
    const edge = await completed(police, subject, { noise: 'no', wellbeing: 5 }, {}, {}, template.key);
    for (const [made, decision] of [[toApprove, 'approved'], [toReject, 'rejected']] as const) {
      const { version } = (await lead.get(`/api/v1/assessments/${made.id}`)).json();
      const decided = await lead.post(`/api/v1/assessments/${made.id}/adjustment/decision`, { version, decision });
      expect(decided.statusCode, decided.body).toBe(200);
    }
    const shown = new Map<string, number>();
    for (const made of [pending, toApprove, toReject, edge]) {
      const label = (await police.get(`/api/v1/assessments/${made.id}`)).json().finalBand.label as string;
      shown.set(label, (shown.get(label) ?? 0) + 1);
    }
    const stats = await statistics(emails.police, '', template.key);
    expect(bands(stats)).toEqual(Object.fromEntries(shown));
    expect(bands(stats)).toEqual({ Low: 2, High: 2 });
    expect(stats.movement).toEqual([{ from: 'Low', to: 'Low', count: 1 }]);
  });

  it('band an assessment by its own version, and name a retired option as that version did', async () => {
    const lead = await t.as(emails.lead);
    const police = await t.as(emails.police);
    const template = await createTemplate(lead);
    const subject = { type: 'profile' as const, id: await createRecord(police, 'profiles') };
    await completed(police, subject, { noise: 'yes', 'how-often': 'weekly', wellbeing: 1 }, {}, {}, template.key);
    const changed = ownDefinition({ bands: [{ label: 'Low', min: 0, max: 9, colour: 'green' }, { label: 'Severe', min: 10, max: null, colour: 'orange' }] });
    changed.sections[0]!.questions[1]!.options = [{ value: 'daily', label: 'Every day', score: 6 }, { value: 'monthly', label: 'Monthly', score: 1 }];
    const saved = await lead.patch(`/api/v1/assessment-templates/${template.id}`, { version: template.version, definition: changed });
    expect(saved.statusCode, saved.body).toBe(200);
    await completed(police, subject, { noise: 'yes', 'how-often': 'daily', wellbeing: 1 }, {}, {}, template.key);

    const stats = await statistics(emails.police, '', template.key);
    expect(bandsIn(stats)).toEqual([['Low', 'green', 0], ['Severe', 'orange', 1], ['High', 'red', 1]]);
    expect(stats.movement).toEqual([{ from: 'High', to: 'Severe', count: 1 }]);
    expect(stats.questions.find((q: { key: string }) => q.key === 'how-often').answers).toEqual([
      { value: 'daily', label: 'Every day', count: 1 },
      { value: 'monthly', label: 'Monthly', count: 0 },
      { value: 'weekly', label: 'Weekly', count: 1 },
    ]);
  });

  it('never count another partnership\'s assessments, nor someone else\'s private one', async () => {
    const police = await t.as(emails.police);
    const lead = await t.as(emails.lead);
    const other = await t.as(emails.other);
    const before = {
      police: (await statistics(emails.police, '', 'victim-screening')).total,
      lead: (await statistics(emails.lead, '', 'victim-screening')).total,
      other: (await statistics(emails.other, '', 'victim-screening')).total,
    };
    const ours = { type: 'profile' as const, id: await createRecord(police, 'profiles') };
    await completed(police, ours, victimAnswers(), {}, {}, 'victim-screening');
    await completed(lead, ours, victimAnswers(), { visibility: 'private' }, {}, 'victim-screening');
    const theirs = { type: 'profile' as const, id: await createRecord(other, 'profiles') };
    await completed(other, theirs, victimAnswers(), {}, {}, 'victim-screening');
    await completed(other, theirs, victimAnswers(), {}, {}, 'victim-screening');

    expect((await statistics(emails.police, '', 'victim-screening')).total).toBe(before.police + 1);
    expect((await statistics(emails.lead, '', 'victim-screening')).total).toBe(before.lead + 2);
    const theirStats = await statistics(emails.other, '', 'victim-screening');
    expect({ total: theirStats.total, subjects: theirStats.subjects }).toEqual({ total: before.other + 2, subjects: 1 });
  });

  it('count a case in an area once, when any of its people lives there now', async () => {
    const police = await t.as(emails.police);
    const template = (await createTemplate(await t.as(emails.lead))).key;
    const person = (address: Record<string, unknown>) => createProfile(police, { firstName: 'Ash', lastName: 'Tester', addresses: [address] });
    const local = (await person({ addressLine1: '2 Dale Road', postcode: 'DE4 3AG' })).id;
    const away = (await person({ addressLine1: '3 Trent Road', postcode: 'NG1 5AB' })).id;
    const movedAway = (await person({ addressLine1: '4 Dale Road', postcode: 'DE4 3AH', fromDate: '2020-01-01', toDate: '2021-01-01' })).id;
    const link = async (caseId: string, profileId: string) => {
      const linked = await police.post(`/api/v1/cases/${caseId}/profiles`, { profileId, role: 'victim' });
      expect(linked.statusCode, linked.body).toBe(201);
    };
    const mixed = await createRecord(police, 'cases');
    await link(mixed, away);
    await link(mixed, local);
    const former = await createRecord(police, 'cases');
    await link(former, movedAway);
    const empty = await createRecord(police, 'cases');
    for (const caseId of [mixed, mixed, former, empty]) await completed(police, { type: 'case', id: caseId }, { noise: 'no', wellbeing: 1 }, {}, {}, template);

    const inArea = await statistics(emails.police, '?area=DE4', template);
    expect({ total: inArea.total, subjects: inArea.subjects }).toEqual({ total: 2, subjects: 1 });
    const everywhere = await statistics(emails.police, '', template);
    expect({ total: everywhere.total, subjects: everywhere.subjects }).toEqual({ total: 4, subjects: 3 });
    expect((await statistics(emails.police, '?area=NG1', template)).total).toBe(2);
  });
});

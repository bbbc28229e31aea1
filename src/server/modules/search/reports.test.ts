import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportSearchResult } from '../../../shared/api/insights.ts';
import { storedAuditEvents } from '../../test/audit.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { createProfile, createRecord, emails, loadStructure, share } from '../sharing/records.fixtures.ts';
import { matchStart, matchStop } from './snippet.ts';

let t: TestApp;
const { police, lead, council, other } = emails;

async function search(email: string, q: string): Promise<ReportSearchResult[]> {
  const response = await (await t.as(email)).get(`/api/v1/search/reports?q=${encodeURIComponent(q)}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

async function report(email: string, path: string, body: string, extra: Record<string, unknown> = {}): Promise<string> {
  const response = await (await t.as(email)).post(`/api/v1/${path}/reports`, {
    reportType: 'contact-log', occurredAt: '2026-03-02T10:00:00Z', body: `<p>${body}</p>`, visibility: 'shared', ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

const ids = (items: ReportSearchResult[]) => items.map((i) => i.id);
const marked = (item: ReportSearchResult) => item.snippet.filter((p) => p.match).map((p) => p.text);

// The records and reports, by name.
const R: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  const place = await loadStructure(t);
  R.person = (await createProfile(await t.as(police), { firstName: 'Gareth', lastName: 'Pembridge' })).id;
  R.caseId = await createRecord(await t.as(police), 'cases');
  R.location = await createRecord(await t.as(police), 'locations');
  R.councilPerson = (await createProfile(await t.as(council), { firstName: 'Rhian', lastName: 'Ellery' })).id;
  // The council may add to the police's person: its team-only report stays with the council.
  await share(await t.as(police), 'profiles', R.person, { teamId: place.team('Demo District Council/Community Safety team').teamId, level: 'view' });

  R.shouted = await report(police, `profiles/${R.person}`, 'The neighbour shouted at the children on the landing.');
  R.shoutingOften = await report(police, `cases/${R.caseId}`, 'Shouting again. Shouting through the night, and shouting at passers-by.', { occurredAt: '2026-01-05T09:00:00Z' });
  R.atPlace = await report(police, `locations/${R.location}`, 'Residents heard shouts from the stairwell.');
  R.private = await report(lead, `profiles/${R.person}`, 'Private note: the neighbour shouted threats.', { visibility: 'private' });
  R.councilTeam = await report(council, `profiles/${R.person}`, 'Council team note: shouting heard by the caretaker.', { visibility: 'team' });
  R.councilOwn = await report(council, `profiles/${R.councilPerson}`, 'Shouting reported to the council hotline.');
  const elsewhere = (await createProfile(await t.as(other))).id;
  R.otherPartnership = await report(other, `profiles/${elsewhere}`, 'Shouting in the neighbouring county.');
});
afterAll(() => t.close());

describe('finding report text', () => {
  it('finds other forms of the words searched for (English stems), on people, cases and places', async () => {
    const found = ids(await search(police, 'shouting'));
    expect(found).toEqual(expect.arrayContaining([R.shouted, R.shoutingOften, R.atPlace]));
  });

  it('puts the report that matches most first, then the latest', async () => {
    const [first, ...rest] = await search(police, 'shouting');
    expect(first!.id).toBe(R.shoutingOften);
    expect(rest.every((r) => r.rank <= first!.rank)).toBe(true);
  });

  it('says where each report is, its type and author\'s team, and marks the words found in a short snippet', async () => {
    const items = await search(police, 'shouted children');
    const hit = items.find((i) => i.id === R.shouted)!;
    expect(hit).toMatchObject({
      record: { kind: 'profile', id: R.person, title: 'Gareth Pembridge' },
      type: { name: 'Contact log' },
      occurredAt: '2026-03-02T10:00:00.000Z',
      author: { team: { name: 'ASB team' }, organisation: { name: 'Demo County Police' } },
    });
    expect(marked(hit)).toEqual(['shouted', 'children']);
    expect('The neighbour shouted at the children on the landing.').toContain(hit.snippet.map((p) => p.text).join(''));
    expect(hit.snippet.some((p) => [matchStart, matchStop, '<'].some((c) => p.text.includes(c)))).toBe(false);
    const onCase = (await search(police, 'passers-by')).find((i) => i.id === R.shoutingOften)!;
    expect(onCase.record).toMatchObject({ kind: 'case', id: R.caseId });
    expect(onCase.record.title).toMatch(/^ASB\/\d+\/\d+: Noise complaints/);
  });

  it('finds nothing for words that are all stop words, without an error', async () => {
    expect(await search(police, 'the and of')).toEqual([]);
  });

  it('refuses a query too short to search, saying why', async () => {
    const response = await (await t.as(police)).get('/api/v1/search/reports?q=a');
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
  });
});

describe('what the searcher may read', () => {
  it('never returns another person\'s private report or another team\'s team report, though the searcher may open the record', async () => {
    const found = ids(await search(police, 'shouted shouting'));
    expect(found).not.toContain(R.private);
    expect(found).not.toContain(R.councilTeam);
    expect(ids(await search(lead, 'threats'))).toEqual([R.private]);
    expect(ids(await search(council, 'caretaker'))).toEqual([R.councilTeam]);
  });

  it('never returns a report on a record the searcher may not open', async () => {
    expect(ids(await search(police, 'hotline'))).toEqual([]);
    expect(ids(await search(council, 'hotline'))).toEqual([R.councilOwn]);
    // The council may open the person it was shared with, not the police's case or place.
    const councilFinds = ids(await search(council, 'shouting'));
    expect(councilFinds).toContain(R.shouted);
    expect(councilFinds).not.toContain(R.shoutingOften);
    expect(councilFinds).not.toContain(R.atPlace);
  });

  it('never returns another partnership\'s reports, either way round', async () => {
    expect(ids(await search(police, 'neighbouring county'))).toEqual([]);
    expect(ids(await search(other, 'shouting'))).toEqual([R.otherPartnership]);
  });

  it('shows a report on a merged profile as the person it became, to those who may open them', async () => {
    const survivor = (await createProfile(await t.as(police), { firstName: 'Owain', lastName: 'Treharne' })).id;
    const duplicate = (await createProfile(await t.as(police), { firstName: 'Owen', lastName: 'Treharne' })).id;
    const id = await report(police, `profiles/${duplicate}`, 'Graffiti sprayed on the bus shelter.');
    await t.database.db.execute(sql`update profiles set merged_into_id = ${survivor}, merged_at = now() where id = ${duplicate}`);
    const [hit] = await search(police, 'graffiti shelter');
    expect(hit).toMatchObject({ id, record: { kind: 'profile', id: survivor, title: 'Owain Treharne' } });
    expect(await search(council, 'graffiti shelter')).toEqual([]);
  });

  it('records each search with its words and the reports found', async () => {
    const items = await search(council, 'shouting');
    const [event] = await storedAuditEvents(t, { action: 'reports.searched', limit: 1 });
    expect(event).toMatchObject({ actor: { name: 'Jo Evans' }, entityType: null, entityId: null });
    expect(event!.details).toEqual({ query: 'shouting', resultCount: items.length, reportIds: ids(items) });
  });
});

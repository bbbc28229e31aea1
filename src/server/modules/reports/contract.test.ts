import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgent, type Agent, type TestApp, startTestApp } from '../../test/harness.ts';
import { createRecord, emails, expectError, loadStructure, share, type Kind } from '../sharing/records.fixtures.ts';

/** The reports and timeline calls of the public API contract (API.md), made exactly as it writes them. */

let t: TestApp;
let police: Agent;
let council: Agent;
let housing: Agent;
let other: Agent;
let token: Agent;
const records = {} as Record<'profile' | 'case' | 'location', string>;
const paths: Record<keyof typeof records, Kind> = { profile: 'profiles', case: 'cases', location: 'locations' };

beforeAll(async () => {
  t = await startTestApp();
  const place = await loadStructure(t);
  police = await t.as(emails.police);
  council = await t.as(emails.council);
  housing = await t.as(emails.housing);
  other = await t.as(emails.other);
  const asbTeam = place.team('Demo County Police/ASB team');
  const issued = await (await t.as(emails.policeAdmin)).post('/api/v1/api-tokens', { ...asbTeam, name: 'Niche RMS feed', access: 'write' });
  expect(issued.statusCode, issued.body).toBe(201);
  token = makeAgent(t.app, {}, { authorization: `Bearer ${issued.json().token}` });
  // Police ASB own each record and share it with the council (view); housing has no access.
  for (const type of ['profile', 'case', 'location'] as const) {
    records[type] = await createRecord(police, paths[type]);
    await share(police, paths[type], records[type], { teamId: place.team('Demo District Council/Community Safety team').teamId, level: 'view' });
  }
});
afterAll(() => t.close());

const report = (type: string, id: string, extra: Record<string, unknown> = {}) => ({
  subject: { type, id },
  reportType: 'contact log',
  body: '<p>Spoke to the neighbour about the noise.</p>',
  visibility: 'shared',
  ...extra,
});

const timelineOf = (agent: Agent, type: string, id: string, query = '') => agent.get(`/api/v1/timeline?subjectType=${type}&subjectId=${id}${query}`);

describe('POST /api/v1/reports', () => {
  it('adds a report to a profile, case or location named as its subject, happening now when occurredAt is left out', async () => {
    for (const type of ['profile', 'case', 'location'] as const) {
      const before = Date.now();
      const response = await police.post('/api/v1/reports', report(type, records[type]));
      expect(response.statusCode, response.body).toBe(201);
      const created = response.json();
      expect(created).toMatchObject({ record: { kind: type, id: records[type] }, type: { key: 'contact-log', name: 'Contact log' }, readable: true, restricted: false, author: { name: 'Tom Wright' } });
      expect(Date.parse(created.occurredAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(created.occurredAt)).toBeLessThanOrEqual(Date.now() + 1000);
      expect((await police.get(`/api/v1/reports/${created.id}`)).statusCode).toBe(200);
    }
  });

  it('keeps the occurredAt it is given', async () => {
    const response = await police.post('/api/v1/reports', report('case', records.case, { occurredAt: '2026-03-02T09:30:00Z' }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().occurredAt).toBe('2026-03-02T09:30:00.000Z');
  });

  it('takes reports from an API token, written in the name of the person who issued it', async () => {
    const response = await token.post('/api/v1/reports', report('profile', records.profile, { reportType: 'Visit' }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ type: { name: 'Visit' }, author: { name: 'Helen Ford' }, team: { name: 'ASB team' } });
  });

  it('lets another team with access add its own report', async () => {
    expect((await council.post('/api/v1/reports', report('location', records.location))).statusCode).toBe(201);
  });

  it('refuses another organisation without access (403) and the other partnership (404)', async () => {
    for (const type of ['profile', 'case', 'location'] as const) {
      expectError(await housing.post('/api/v1/reports', report(type, records[type])), 403, 'no_access');
      expectError(await other.post('/api/v1/reports', report(type, records[type])), 404, 'not_found');
    }
  });

  it('refuses a body that does not name a subject the contract knows', async () => {
    const { subject: _subject, ...noSubject } = report('profile', records.profile);
    const refusals = [
      noSubject,
      report('person', records.profile),
      report('profile', 'not-an-id'),
      { ...report('profile', records.profile), record: { kind: 'profile', id: records.profile } },
      report('profile', records.profile, { body: '' }),
      report('profile', records.profile, { visibility: 'everyone' }),
    ];
    for (const body of refusals) expectError(await police.post('/api/v1/reports', body), 422, 'validation_failed');
    expectError(await police.post('/api/v1/reports', report('profile', '00000000-0000-4000-8000-000000000000')), 404, 'not_found');
    expectError(await police.post('/api/v1/reports', report('profile', records.profile, { reportType: 'no such type' })), 422, 'validation_failed');
  });
});

describe('GET /api/v1/timeline', () => {
  it('lists the subject\'s entries newest first, with restricted reports as a stub of type, team and time', async () => {
    const profile = await createRecord(police, 'profiles');
    await share(police, 'profiles', profile, { teamId: (await council.get('/api/v1/me')).json().team.id, level: 'view' });
    const older = (await police.post('/api/v1/reports', report('profile', profile, { occurredAt: '2026-01-05T10:00:00Z' }))).json();
    const secret = (await police.post('/api/v1/reports', report('profile', profile, { reportType: 'visit', visibility: 'private', body: '<p>Disclosed a new address.</p>', occurredAt: '2026-02-05T10:00:00Z' }))).json();

    const seen = await timelineOf(council, 'profile', profile, '&kinds=report');
    expect(seen.statusCode, seen.body).toBe(200);
    const items = seen.json().items;
    expect(items.map((i: { id: string }) => i.id)).toEqual([`report:${secret.id}`, `report:${older.id}`]);
    const stub = items[0];
    expect(stub).toMatchObject({ restricted: true, reportType: 'Visit', author: { team: { name: 'ASB team' }, organisation: { name: 'Demo County Police' } }, at: '2026-02-05T10:00:00.000Z' });
    expect(stub.author).not.toHaveProperty('name');
    expect(seen.body).not.toContain('new address');
    expect(JSON.stringify(stub)).not.toContain('Tom Wright');
    expect(items[1]).toMatchObject({ restricted: false, reportType: 'Contact log', author: { name: 'Tom Wright', team: { name: 'ASB team' } }, at: '2026-01-05T10:00:00.000Z' });

    const own = (await timelineOf(police, 'profile', profile, '&kinds=report')).json().items;
    expect(own[0]).toMatchObject({ restricted: false, reportType: 'Visit', author: { name: 'Tom Wright', team: { name: 'ASB team' } }, detail: { bodyHtml: '<p>Disclosed a new address.</p>' } });
  });

  it('carries restricted, reportType, author and at on every entry, the same as the record\'s own timeline', async () => {
    for (const type of ['profile', 'case', 'location'] as const) {
      const contract = (await timelineOf(police, type, records[type])).json();
      const own = (await police.get(`/api/v1/${paths[type]}/${records[type]}/timeline`)).json();
      expect(contract).toEqual(own);
      expect(contract.items.length).toBeGreaterThan(0);
      for (const item of contract.items) {
        expect(item).toHaveProperty('restricted');
        expect(item).toHaveProperty('reportType');
        expect(item).toHaveProperty('at');
        expect(item.author).toHaveProperty('team');
      }
    }
  });

  it('takes the record timeline\'s filters and pages', async () => {
    const first = await timelineOf(police, 'case', records.case, '&kinds=report&limit=1');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items).toHaveLength(1);
    const next = await timelineOf(police, 'case', records.case, `&kinds=report&limit=1&cursor=${encodeURIComponent(first.json().nextCursor)}`);
    expect(next.json().items).toHaveLength(1);
    expect(next.json().items[0].id).not.toBe(first.json().items[0].id);
    expect(Date.parse(next.json().items[0].at)).toBeLessThanOrEqual(Date.parse(first.json().items[0].at));
  });

  it('answers an API token, which reads what its team may read', async () => {
    const response = await timelineOf(token, 'profile', records.profile, '&kinds=report');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items.length).toBeGreaterThan(0);
    expect(response.json().items.every((i: { restricted: boolean }) => !i.restricted)).toBe(true);
  });

  it('names the system as the author of a change an API token made', async () => {
    const profile = await token.post('/api/v1/profiles', { firstName: 'Sam', lastName: 'Feedperson', reasonCreated: 'Imported from the records system', confirmNoDuplicate: true });
    expect(profile.statusCode, profile.body).toBe(201);
    const items = (await timelineOf(police, 'profile', profile.json().id, '&kinds=change')).json().items;
    expect(items[0]).toMatchObject({ label: 'Profile created', restricted: false, reportType: null, author: { id: null, name: 'API token: Niche RMS feed', team: { name: 'ASB team' } } });
  });

  it('refuses another organisation without access (403) and the other partnership (404)', async () => {
    for (const type of ['profile', 'case', 'location'] as const) {
      expectError(await timelineOf(housing, type, records[type]), 403, 'no_access');
      expectError(await timelineOf(other, type, records[type]), 404, 'not_found');
    }
  });

  it('refuses a query without a subject it knows', async () => {
    expectError(await police.get(`/api/v1/timeline?subjectId=${records.profile}`), 422, 'validation_failed');
    expectError(await timelineOf(police, 'person', records.profile), 422, 'validation_failed');
    expectError(await timelineOf(police, 'profile', 'nope'), 422, 'validation_failed');
    expectError(await timelineOf(police, 'case', records.profile), 404, 'not_found');
    expectError(await timelineOf(police, 'profile', records.profile, '&includeLinked=true'), 422, 'validation_failed');
  });
});

describe('DELETE /api/v1/profiles/:id/access', () => {
  it('removes the access given, taking the same body that gave it', async () => {
    const profile = await createRecord(police, 'profiles');
    const target = { teamId: (await housing.get('/api/v1/me')).json().team.id, level: 'view' };
    await share(police, 'profiles', profile, target);
    expect((await housing.get(`/api/v1/profiles/${profile}`)).statusCode).toBe(200);
    const removed = await police.delete(`/api/v1/profiles/${profile}/access`, target);
    expect(removed.statusCode, removed.body).toBe(200);
    expectError(await housing.get(`/api/v1/profiles/${profile}`), 403, 'no_access');
  });
});

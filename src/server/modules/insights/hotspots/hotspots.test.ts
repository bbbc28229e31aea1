import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hotspots } from '../../../../shared/api/insights.ts';
import { protectiveMarking } from '../../../../shared/insights.ts';
import { storedAuditEvents } from '../../../test/audit.ts';
import { startTestApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { createProfile, emails, enrolledUser, expectError, loadStructure } from '../../sharing/records.fixtures.ts';

/**
 * Every figure here is counted again from the reports and cases the test made, kept in `made`.
 * The period is 2025 (London dates); the area, where one is given, the DE45 postcode district,
 * which nothing else in this file's database uses.
 */

let t: TestApp;
const range = 'from=2025-01-01&to=2025-12-31';
const district = `${range}&postcodeDistrict=DE45`;
const since = Date.parse('2025-01-01T00:00:00Z');
const until = Date.parse('2026-01-01T00:00:00Z');
const inRange = (at: string) => Date.parse(at) >= since && Date.parse(at) < until;

type Who = 'police' | 'iom' | 'council' | 'other';
interface Made { id: string; owner: Who; inDistrict: boolean; reports: { type: string; at: string }[]; cases: string[] }

const agents = {} as Record<Who, Agent>;
const places: Record<string, Made> = {};
const people: Record<string, Made> = {};
const caseOpen: Record<string, boolean> = {};

const midYear = '2025-06-15T12:00:00Z';
const firstMoment = '2025-01-01T00:00:00Z';
const justBefore = '2024-12-31T23:30:00Z';
const justAfter = '2026-01-01T00:30:00Z';

async function ok(response: Promise<{ statusCode: number; body: string; json(): unknown }>) {
  const r = await response;
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string };
}

async function report(owner: Who, path: string, made: Made, type: string, at: string) {
  await ok(agents[owner].post(`/api/v1/${path}/${made.id}/reports`, { reportType: type, occurredAt: at, body: '<p>Reported</p>', visibility: 'shared' }));
  made.reports.push({ type, at });
}

async function place(key: string, owner: Who, postcode: string, reports: [string, string][]) {
  const { id } = await ok(agents[owner].post('/api/v1/locations', { name: `Hotspot ${key}`, addressLine1: `${key} Test Row`, town: 'Bakewell', postcode, confirmNoDuplicate: true }));
  places[key] = { id, owner, inDistrict: postcode.startsWith('DE45 '), reports: [], cases: [] };
  for (const [type, at] of reports) await report(owner, 'locations', places[key]!, type, at);
}

async function person(key: string, owner: Who, postcode: string | null, reports: [string, string][]) {
  const addresses = postcode ? [{ addressLine1: `${key.length + 10} Caller Lane`, town: 'Bakewell', postcode }] : [];
  const { id } = await createProfile(agents[owner], { firstName: `Caller${key}`, lastName: 'Hotspot', dateOfBirth: '1970-05-01', addresses });
  people[key] = { id, owner, inDistrict: postcode?.startsWith('DE45 ') ?? false, reports: [], cases: [] };
  for (const [type, at] of reports) await report(owner, 'profiles', people[key]!, type, at);
}

/** A police case on these places, its opening and closing moved to the given instants. */
async function policeCase(key: string, onPlaces: string[], createdAt: string, closedAt: string | null) {
  const { id } = await ok(agents.police.post('/api/v1/cases', { caseType: 'ASB', title: `Hotspot case ${key}` }));
  for (const p of onPlaces) {
    await ok(agents.police.post(`/api/v1/cases/${id}/locations`, { locationId: places[p]!.id }));
    places[p]!.cases.push(id);
  }
  await t.database.db.execute(sql`update cases set created_at = ${createdAt}::timestamptz, closed_at = ${closedAt}::timestamptz,
    status = ${closedAt ? 'closed' : 'open'} where id = ${id}`);
  caseOpen[id] = Date.parse(createdAt) < until && (closedAt === null || Date.parse(closedAt) >= since);
}

/** Who may open records of each owner, as the demo teams stand: each team its own, nobody else's. */
const opens: Record<string, (owner: Who) => boolean> = {
  police: (o) => o === 'police',
  policeAdmin: (o) => o === 'police',
  admin: () => false,
  council: (o) => o === 'council',
  other: (o) => o === 'other',
};
/** What counts for each reader: what they may open, and for administrators what they manage. */
const counts: Record<string, (owner: Who) => boolean> = {
  ...opens,
  policeAdmin: (o) => o === 'police' || o === 'iom',
  admin: (o) => o !== 'other',
};

const reportsOf = (m: Made, type: string | null) => m.reports.filter((r) => inRange(r.at) && (!type || r.type === type)).length;

/** The places a reader should see, heaviest first, and what they should see counted but not named. */
function expectedPlaces(reader: string, options: { district: boolean; type: string | null }) {
  const weighed = Object.values(places)
    .filter((m) => counts[reader]!(m.owner) && (!options.district || m.inDistrict))
    .map((m) => ({ m, reports: reportsOf(m, options.type), cases: new Set(m.cases.filter((c) => caseOpen[c])).size }))
    .filter((w) => w.reports + w.cases > 0);
  const shown = weighed.filter((w) => opens[reader]!(w.m.owner))
    .sort((a, b) => b.reports + b.cases - (a.reports + a.cases) || b.reports - a.reports || a.m.id.localeCompare(b.m.id));
  const hidden = weighed.filter((w) => !opens[reader]!(w.m.owner));
  return {
    locations: shown.map((w) => ({ id: w.m.id, reports: w.reports, cases: w.cases, weight: w.reports + w.cases })),
    hidden: { locations: hidden.length, locationReports: hidden.reduce((sum, w) => sum + w.reports, 0) },
  };
}

function expectedCallers(reader: string, options: { district: boolean; type: string | null }) {
  const counted = Object.entries(people)
    .filter(([key, m]) => key !== 'merged' && counts[reader]!(m.owner) && (!options.district || m.inDistrict))
    .map(([, m]) => ({ m, reports: reportsOf(m, options.type ?? 'asb-complaint') }))
    .filter((c) => c.reports > 0);
  const shown = counted.filter((c) => opens[reader]!(c.m.owner));
  const hidden = counted.filter((c) => !opens[reader]!(c.m.owner));
  return {
    callers: shown.map((c) => ({ id: c.m.id, reports: c.reports })).sort((a, b) => b.reports - a.reports),
    hidden: { callers: hidden.length, callerReports: hidden.reduce((sum, c) => sum + c.reports, 0) },
  };
}

async function hotspots(email: string, query: string): Promise<Hotspots> {
  const response = await (await t.as(email)).get(`/api/v1/insights/hotspots?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const placesOf = (h: Hotspots) => ({
  locations: h.locations.map((l) => ({ id: l.location.id, reports: l.reports, cases: l.cases, weight: l.weight })),
  hidden: { locations: h.hidden.locations, locationReports: h.hidden.locationReports },
});
const callersOf = (h: Hotspots) => ({
  callers: h.callers.map((c) => ({ id: c.profile.id, reports: c.reports })),
  hidden: { callers: h.hidden.callers, callerReports: h.hidden.callerReports },
});

beforeAll(async () => {
  t = await startTestApp();
  const structure = await loadStructure(t);
  agents.police = await t.as(emails.police);
  agents.council = await t.as(emails.council);
  agents.other = await t.as(emails.other);
  agents.iom = (await enrolledUser(t, emails.policeAdmin, { name: 'Ivor Hotspot', role: 'practitioner', teamId: structure.team('Demo County Police/IOM team').teamId })).agent;

  await place('A', 'police', 'DE45 1AA', [['asb-complaint', midYear], ['asb-complaint', firstMoment], ['visit', midYear], ['asb-complaint', justBefore], ['asb-complaint', justAfter]]);
  await place('B', 'police', 'DE45 1AB', [['visit', midYear]]);
  await place('C', 'police', 'DE45 2AA', []);
  await place('D', 'police', 'NG1 5AB', [['asb-complaint', midYear], ['asb-complaint', midYear], ['asb-complaint', midYear], ['asb-complaint', midYear]]);
  await place('E', 'council', 'DE45 1AC', [['asb-complaint', midYear], ['hate-incident', midYear]]);
  await place('F', 'iom', 'DE45 1AD', [['asb-complaint', midYear]]);
  await place('G', 'other', 'DE45 1AA', [['asb-complaint', midYear], ['asb-complaint', midYear], ['asb-complaint', midYear], ['asb-complaint', midYear], ['asb-complaint', midYear]]);

  await policeCase('open since before', ['A'], '2024-11-01T10:00:00Z', null);
  await policeCase('closed before', ['A', 'B'], '2024-01-01T10:00:00Z', '2024-06-01T10:00:00Z');
  await policeCase('opened and closed within', ['A', 'C'], '2025-03-01T10:00:00Z', '2025-04-01T10:00:00Z');
  await policeCase('opened after', ['B'], '2026-02-01T10:00:00Z', null);

  await person('P1', 'police', 'DE45 1AA', [['asb-complaint', midYear], ['asb-complaint', '2025-11-20T09:00:00Z'], ['asb-complaint', justBefore], ['visit', midYear]]);
  await person('P2', 'police', 'DE45 3BB', [['asb-complaint', '2025-09-01T08:00:00Z']]);
  await person('P3', 'police', 'NG1 5AB', [['asb-complaint', midYear], ['asb-complaint', midYear], ['asb-complaint', midYear]]);
  await person('P4', 'council', 'DE45 1AC', [['asb-complaint', midYear], ['asb-complaint', midYear]]);
  await person('P6', 'other', 'DE45 1AA', [['asb-complaint', midYear], ['asb-complaint', midYear], ['asb-complaint', midYear], ['asb-complaint', midYear]]);
  await person('P7', 'iom', 'DE45 1AD', [['asb-complaint', midYear]]);
  await person('merged', 'police', 'DE45 1AA', [['asb-complaint', midYear]]);
  await t.database.db.execute(sql`update profiles set merged_into_id = ${people.P1!.id}, merged_at = now() where id = ${people.merged!.id}`);
});
afterAll(() => t.close());

describe('top locations', () => {
  it('weighs each place by its reports in the period and the cases on it open at some moment of it', async () => {
    const h = await hotspots(emails.police, district);
    expect(placesOf(h)).toEqual(expectedPlaces('police', { district: true, type: null }));
    // Counted by hand: A has three reports in 2025 and two cases open in it; B one report; C one case.
    expect(placesOf(h).locations.map((l) => [l.reports, l.cases])).toEqual([[3, 2], [1, 0], [0, 1]]);
    expect(h.locations[0]!.location).toEqual({ id: places.A!.id, name: 'Hotspot A', address: 'A Test Row, Bakewell', postcode: 'DE45 1AA', latitude: null, longitude: null });
    expect(h.range).toMatchObject({ scope: 'accessible', from: '2025-01-01', to: '2025-12-31', postcodeDistrict: 'DE45' });
    // Another team's place and person count for a practitioner not at all, not even as hidden.
    expect(h.hidden).toEqual({ locations: 0, locationReports: 0, callers: 0, callerReports: 0 });
  });

  it('counts only reports of a type when asked, by key or name, leaving places it leaves empty', async () => {
    const h = await hotspots(emails.police, `${district}&reportType=asb-complaint`);
    expect(h.reportType).toMatchObject({ key: 'asb-complaint', name: 'ASB complaint' });
    expect(placesOf(h)).toEqual(expectedPlaces('police', { district: true, type: 'asb-complaint' }));
    expect(placesOf(await hotspots(emails.police, `${district}&reportType=Visit`))).toEqual(expectedPlaces('police', { district: true, type: 'visit' }));
  });

  it('counts every district without the filter, and the heaviest place leads', async () => {
    const h = await hotspots(emails.police, range);
    expect(placesOf(h)).toEqual(expectedPlaces('police', { district: false, type: null }));
    expect(h.locations.map((l) => l.location.id)).toContain(places.D!.id);
  });

  it('keeps to the limit asked for', async () => {
    const h = await hotspots(emails.police, `${district}&limit=1`);
    expect(h.locations.map((l) => l.location.id)).toEqual([places.A!.id]);
  });

  it('never names a place the reader may not open: an administrator sees it counted, a practitioner not at all', async () => {
    const admin = await hotspots(emails.admin, district);
    expect(placesOf(admin)).toEqual(expectedPlaces('admin', { district: true, type: null }));
    expect(admin.locations).toEqual([]);
    expect(admin.hidden.locations).toBeGreaterThan(0);
    const policeAdmin = await hotspots(emails.policeAdmin, district);
    expect(placesOf(policeAdmin)).toEqual(expectedPlaces('policeAdmin', { district: true, type: null }));
    expect(policeAdmin.hidden).toMatchObject({ locations: 1, locationReports: 1 });
    expect(JSON.stringify(policeAdmin)).not.toContain(places.F!.id);
    const council = await hotspots(emails.council, district);
    expect(placesOf(council)).toEqual(expectedPlaces('council', { district: true, type: null }));
    expect(council.hidden).toMatchObject({ locations: 0, locationReports: 0 });
  });

  it('never lets the other partnership\'s reports move a figure, either way round', async () => {
    expect(placesOf(await hotspots(emails.other, district))).toEqual(expectedPlaces('other', { district: true, type: null }));
    const admin = await hotspots(emails.admin, district);
    expect(JSON.stringify(admin)).not.toContain(places.G!.id);
  });

  it('narrows to a team\'s places', async () => {
    const structure = await loadStructure(t);
    const h = await hotspots(emails.policeAdmin, `${district}&teamId=${structure.team('Demo County Police/IOM team').teamId}`);
    expect(h.locations).toEqual([]);
    expect(h.hidden).toMatchObject({ locations: 1, locationReports: reportsOf(places.F!, null) });
  });
});

describe('top callers', () => {
  it('counts ASB complaints on each person in the period by default, most first, leaving out merged profiles', async () => {
    const h = await hotspots(emails.police, district);
    expect(callersOf(h)).toEqual(expectedCallers('police', { district: true, type: null }));
    expect(h.callers[0]).toEqual({ profile: { id: people.P1!.id, name: 'CallerP1 Hotspot', dateOfBirth: '1970-05-01' }, reports: 2, lastReportAt: '2025-11-20T09:00:00.000Z' });
    expect(callersOf(await hotspots(emails.police, range))).toEqual(expectedCallers('police', { district: false, type: null }));
  });

  it('counts the type asked for instead', async () => {
    expect(callersOf(await hotspots(emails.police, `${district}&reportType=visit`))).toEqual(expectedCallers('police', { district: true, type: 'visit' }));
  });

  it('counts people the reader may not open without naming them, for administrators only', async () => {
    const admin = await hotspots(emails.admin, district);
    expect(callersOf(admin)).toEqual(expectedCallers('admin', { district: true, type: null }));
    expect(admin.callers).toEqual([]);
    const policeAdmin = await hotspots(emails.policeAdmin, district);
    expect(callersOf(policeAdmin)).toEqual(expectedCallers('policeAdmin', { district: true, type: null }));
    expect(JSON.stringify(policeAdmin)).not.toContain('CallerP7');
    expect(callersOf(await hotspots(emails.council, district))).toEqual(expectedCallers('council', { district: true, type: null }));
    expect(callersOf(await hotspots(emails.other, district))).toEqual(expectedCallers('other', { district: true, type: null }));
  });
});

describe('asking', () => {
  it('refuses a report type the partnership does not have, naming the field', async () => {
    const response = await (await t.as(emails.police)).get(`/api/v1/insights/hotspots?${range}&reportType=no-such-type`);
    expectError(response, 422, 'validation_failed');
    expect(response.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reportType' })]));
  });

  it('records each read with its filters and every place and person named', async () => {
    const h = await hotspots(emails.police, `${district}&reportType=asb-complaint`);
    const [event] = await storedAuditEvents(t, { action: 'insights.viewed', limit: 1 });
    expect(event!.details).toEqual({
      view: 'hotspots',
      scope: 'accessible',
      filters: { from: '2025-01-01', to: '2025-12-31', teamId: null, organisationId: null, postcodeDistrict: 'DE45', reportType: h.reportType!.id, limit: 100 },
      records: [...h.locations.map((l) => ({ kind: 'location', id: l.location.id })), ...h.callers.map((c) => ({ kind: 'profile', id: c.profile.id }))],
    });
  });
});

describe('exports', () => {
  it('gives the top locations, or the top callers, as CSV, marked, and audits what it named', async () => {
    const agent = await t.as(emails.police);
    const h = await hotspots(emails.police, district);
    const response = await agent.get(`/api/v1/insights/hotspots.csv?${district}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toBe('attachment; filename="concord-hotspots-locations-2025-01-01-to-2025-12-31.csv"');
    const lines = response.body.trimEnd().split('\r\n');
    expect(lines.slice(0, 3)).toEqual([protectiveMarking, 'Top locations', 'Place,Address,Postcode,Reports,Cases,Weight,Latitude,Longitude']);
    expect(lines.slice(3)).toEqual(h.locations.map((l) => `${l.location.name},"${l.location.address}",${l.location.postcode},${l.reports},${l.cases},${l.weight},,`));
    const [event] = await storedAuditEvents(t, { action: 'insights.exported', limit: 1 });
    expect(event!.details).toMatchObject({ view: 'hotspots', format: 'csv', tables: ['locations'], records: h.locations.map((l) => ({ kind: 'location', id: l.location.id })) });

    const callers = await agent.get(`/api/v1/insights/hotspots.csv?${district}&table=callers`);
    expect(callers.body.split('\r\n').slice(1, 5)).toEqual(['Top callers', 'Name,Date of birth,Reports,Latest report', ...h.callers.map((c) => `${c.profile.name},${c.profile.dateOfBirth},${c.reports},${c.lastReportAt}`)]);
  });

  it('gives both tables as an XLSX workbook that opens, with what it counted on its first sheet', async () => {
    const h = await hotspots(emails.policeAdmin, district);
    const response = await (await t.as(emails.policeAdmin)).get(`/api/v1/insights/hotspots.xlsx?${district}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="concord-hotspots-2025-01-01-to-2025-12-31.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['About', 'Top locations', 'Top callers']);
    const about = workbook.getWorksheet('About')!.getColumn(1).values.slice(1).map(String);
    expect(about).toEqual(expect.arrayContaining([protectiveMarking, 'Concord hotspots', 'Postcode district: DE45', 'Not listed: 1 place you may not open, with 1 report']));
    const rows = (name: string) => workbook.getWorksheet(name)!.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1));
    expect(rows('Top locations').map((r) => [r[0], r[3], r[4], r[5]])).toEqual(h.locations.map((l) => [l.location.name, l.reports, l.cases, l.weight]));
    expect(rows('Top callers').map((r) => [r[0], r[2]])).toEqual(h.callers.map((c) => [c.profile.name, c.reports]));
    const [event] = await storedAuditEvents(t, { action: 'insights.exported', limit: 1 });
    expect(event!.details).toMatchObject({ view: 'hotspots', scope: 'organisation', format: 'xlsx', tables: ['locations', 'callers'] });
  });
});

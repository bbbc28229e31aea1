import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfile, enrolledUser, expectError, people, teamIdOf } from '../profiles/profiles.fixtures.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';

/**
 * The audit viewer finds a record by its name or reference, names the people, lists and records
 * its events are about (a profile, case or location only to a reader who may open it), and leaves
 * out the reads the app makes by itself when asked to.
 */

let t: TestApp;

interface Event {
  id: string;
  action: string;
  actor: { id: string | null; name: string | null };
  entityType: string | null;
  entityId: string | null;
  details: Record<string, unknown> | null;
  valuesHidden: boolean;
  entityName: string | null;
  record: { kind: string; id: string; name: string | null } | null;
  names: Record<string, { kind: string; name: string | null }>;
}

async function read(agent: Agent, query: string): Promise<{ items: Event[]; body: string }> {
  const response = await agent.get(`/api/v1/audit-events?limit=200&${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return { items: response.json().items, body: response.body };
}

const stamp = Date.now();
// Letters, since a name is searched by its words.
const person = { firstName: 'Zebedee', lastName: `Zanzibar${[...String(stamp)].map((d) => 'abcdefghij'[Number(d)]).join('')}` };
const street = `${stamp} Quirkwell Row`;
let profileId: string;
let caseId: string;
let reference: string;
let caseTypeId: string;
let locationId: string;
let reportId: string;
let policeId: string;
let councilAdmin: Agent;
let otherAdmin: Agent;

beforeAll(async () => {
  t = await startTestApp();
  const police = await t.as(people.police);
  policeId = (await police.get('/api/v1/me')).json().id;
  profileId = (await createProfile(police, person)).id;
  const kase = await police.post('/api/v1/cases', { caseType: 'asb', title: 'Names in the trail' });
  expect(kase.statusCode, kase.body).toBe(201);
  ({ id: caseId, reference } = kase.json());
  caseTypeId = kase.json().caseType.id;
  const place = await police.post('/api/v1/locations', { kind: 'home', addressLine1: street, postcode: 'NG1 1AA', confirmNoDuplicate: true });
  expect(place.statusCode, place.body).toBe(201);
  locationId = place.json().id;
  const report = await police.post(`/api/v1/profiles/${profileId}/reports`, { reportType: 'visit', occurredAt: new Date().toISOString(), body: '<p>Seen.</p>', visibility: 'shared' });
  expect(report.statusCode, report.body).toBe(201);
  reportId = report.json().id;
  councilAdmin = await enrolledUser(t, { name: 'Cora Council', role: 'organisation_admin', teamId: await teamIdOf(t, 'Demo District Council', 'Community Safety team') });
  otherAdmin = await enrolledUser(t, { name: 'Nia Neighbour', role: 'organisation_admin', teamId: await teamIdOf(t, 'Neighbouring County Police', 'ASB team') });
});
afterAll(() => t.close());

describe('finding a record\'s events by its name or reference', () => {
  it('finds a person by name, a case by reference and a place by address, for a reader who may open them', async () => {
    const lead = await t.as(people.lead);
    for (const [q, id] of [[person.lastName, profileId], [reference, caseId], [street, locationId]] as const) {
      const { items } = await read(lead, `q=${encodeURIComponent(q)}`);
      expect(items.length, q).toBeGreaterThan(0);
      expect(items.every((e) => e.entityId === id), q).toBe(true);
      expect(items.map((e) => e.action), q).toEqual(expect.arrayContaining([expect.stringMatching(/\.created$/)]));
    }
  });

  it('keeps the words to the searcher: the audit view records only the records found', async () => {
    const lead = await t.as(people.lead);
    await read(lead, `q=${person.lastName}&action=profile.created`);
    const leadId = (await lead.get('/api/v1/me')).json().id;
    const own = (await read(lead, `actorId=${leadId}&action=audit.viewed`)).items.find((e) => e.details?.records);
    expect(own!.details).toEqual({ filters: { action: 'profile.created', hidePolling: false }, records: [{ kind: 'profile', id: profileId }] });
    const policeAdmin = await t.as(people.policeAdmin);
    const { items, body } = await read(policeAdmin, `actorId=${leadId}`);
    expect(items.find((e) => e.action === 'search.performed')).toMatchObject({ valuesHidden: true, details: null });
    expect(body).not.toContain(person.lastName);
  });

  it('finds nothing for a reader who may not open the record, nor in another organisation or partnership', async () => {
    // The system administrator sees every row, but cannot open the police's profile.
    expect((await read(await t.as(people.admin), `q=${person.lastName}`)).items).toEqual([]);
    expect((await read(await t.as(people.admin), `entityId=${profileId}`)).items.length).toBeGreaterThan(0);
    expect((await read(councilAdmin, `q=${person.lastName}`)).items).toEqual([]);
    expect((await read(otherAdmin, `q=${person.lastName}`)).items).toEqual([]);
  });

  it('refuses words too short to search by', async () => {
    expectError(await (await t.as(people.lead)).get('/api/v1/audit-events?q=z'), 422, 'validation_failed');
  });
});

describe('names in the trail', () => {
  it('names the record, the record a report is on, and a case type the case was given', async () => {
    const lead = await t.as(people.lead);
    const [created] = (await read(lead, `entityId=${caseId}&action=case.created`)).items;
    expect(created).toMatchObject({
      entityName: `${reference}: Names in the trail`,
      record: { kind: 'case', id: caseId, name: `${reference}: Names in the trail` },
      names: { [caseTypeId]: { kind: 'lookup', name: 'ASB' } },
    });
    const [report] = (await read(lead, `entityId=${reportId}&action=report.created`)).items;
    expect(report).toMatchObject({ entityName: null, record: { kind: 'profile', id: profileId, name: `Zebedee ${person.lastName}` } });
    const [signedIn] = (await read(lead, `entityId=${policeId}&action=auth.signed_in`)).items;
    expect(signedIn).toMatchObject({ entityName: 'Tom Wright', record: null });
  });

  it('does not name a profile, case or location to a reader who may not open it', async () => {
    const admin = await t.as(people.admin);
    for (const id of [profileId, reportId, caseId, locationId]) {
      const { items, body } = await read(admin, `entityId=${id}`);
      expect(items.length, id).toBeGreaterThan(0);
      for (const e of items) {
        expect(e.entityName, e.action).toBeNull();
        expect(e.record?.name ?? null, e.action).toBeNull();
        expect(e.names, e.action).toEqual({});
      }
      expect(body).not.toContain(person.lastName);
      expect(body).not.toContain(street);
      expect(body).not.toContain('Names in the trail');
    }
    expect((await read(otherAdmin, `entityId=${caseId}`)).items).toEqual([]);
  });
});

describe('the app\'s own polling', () => {
  it('is left out when asked, and only it', async () => {
    const police = await t.as(people.police);
    expect((await police.get('/api/v1/actions?state=due&limit=20')).statusCode).toBe(200);
    const lead = await t.as(people.lead);
    const all = (await read(lead, `actorId=${policeId}`)).items.map((e) => e.action);
    expect(all).toContain('actions.listed');
    const quiet = (await read(lead, `actorId=${policeId}&hidePolling=true`)).items.map((e) => e.action);
    expect(quiet).not.toContain('actions.listed');
    expect(quiet).toEqual(all.filter((a) => a !== 'actions.listed'));
  });
});

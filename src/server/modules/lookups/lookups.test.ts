import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { enrolledUser } from '../sharing/records.fixtures.ts';

let t: TestApp;

const admin = 'admin@concord.test';
const policeAdmin = 'police.admin@concord.test';
const lead = 'police.asb.lead@concord.test';
const practitioner = 'police.asb@concord.test';
const other = 'other.police@concord.test';

interface Ref { id: string; name: string }
interface Lookup { id: string; list: string; key: string; name: string; code: string | null; active: boolean; version: number; position: number; defaultSharing?: { team: Ref | null; organisation: Ref; level: string }[] }

const teams: Record<string, Ref & { organisation: Ref }> = {};
let neighbouringAdmin: Agent;
let neighbouringOrgAdmin: Agent;

function expectError(response: { statusCode: number; json(): unknown }, status: number, code: string) {
  expect({ status: response.statusCode, code: (response.json() as { error?: { code?: string } }).error?.code }).toEqual({ status, code });
}

async function lookups(agent: Agent, query = ''): Promise<Lookup[]> {
  const response = await agent.get(`/api/v1/lookups${query}`);
  expect(response.statusCode).toBe(200);
  return response.json().items;
}

async function auditOf(id: string, action: string) {
  return (await (await t.as(admin)).get(`/api/v1/audit-events?entityId=${id}&action=${action}`)).json().items;
}

const enrolled = async (input: { name: string; role: string; teamId: string }): Promise<Agent> => (await enrolledUser(t, admin, input)).agent;

beforeAll(async () => {
  t = await startTestApp();
  for (const team of (await (await t.as(admin)).get('/api/v1/teams?limit=200')).json().items) teams[`${team.organisation.name}/${team.name}`] = team;
  // The other partnership's system administrator keeps its lists; its organisation admin does not.
  neighbouringAdmin = await enrolled({ name: 'Nia Neighbour', role: 'system_admin', teamId: teams['Neighbouring County Police/ASB team']!.id });
  neighbouringOrgAdmin = await enrolled({ name: 'Ned Neighbour', role: 'organisation_admin', teamId: teams['Neighbouring County Police/ASB team']!.id });
});
afterAll(() => t.close());

describe('reading the lists', () => {
  it('gives anyone signed in their partnership\'s active values, case types with their default sharing', async () => {
    const types = await lookups(await t.as(practitioner), '?list=case_type');
    expect(types.map((v) => v.key)).toEqual(expect.arrayContaining(['asb', 'iom', 'marac']));
    expect(types.every((v) => v.list === 'case_type' && v.active)).toBe(true);
    expect(types.find((v) => v.key === 'asb')).toMatchObject({ name: 'ASB', code: 'ASB', defaultSharing: [] });
    const all = await lookups(await t.as(practitioner));
    expect(new Set(all.map((v) => v.list))).toEqual(new Set(['case_type', 'vulnerability', 'warning_marker', 'ethnicity', 'intervention', 'report_type']));
    expect(all.find((v) => v.list === 'vulnerability')!.defaultSharing).toBeUndefined();
  });

  it('keeps each partnership\'s lists apart', async () => {
    const ours = await lookups(await t.as(practitioner), '?list=case_type');
    const theirs = await lookups(await t.as(other), '?list=case_type');
    expect(theirs.map((v) => v.key)).toContain('asb');
    expect(theirs.some((v) => ours.some((o) => o.id === v.id))).toBe(false);
  });

  it('refuses an includeRetired that is not true or false', async () => {
    const agent = await t.as(practitioner);
    expect((await agent.get('/api/v1/lookups?includeRetired=maybe')).statusCode).toBe(422);
  });
});

describe('administering the lists', () => {
  it('lets the system administrator add a value, making its key from the name, and records it', async () => {
    const response = await (await t.as(admin)).post('/api/v1/lookups', { list: 'warning_marker', name: 'Aggressive dog' });
    expect(response.statusCode).toBe(201);
    const created = response.json() as Lookup;
    expect(created).toMatchObject({ list: 'warning_marker', key: 'aggressive-dog', name: 'Aggressive dog', active: true, version: 1 });
    const before = await lookups(await t.as(practitioner), '?list=warning_marker');
    expect(created.position).toBe(Math.max(...before.filter((v) => v.id !== created.id).map((v) => v.position)) + 1);
    const [event] = await auditOf(created.id, 'lookup.created');
    expect(event.changes).toMatchObject({ name: { before: null, after: 'Aggressive dog' }, key: { before: null, after: 'aggressive-dog' } });
  });

  it('refuses practitioners and team admins', async () => {
    expectError(await (await t.as(practitioner)).post('/api/v1/lookups', { list: 'vulnerability', name: 'Hoarding' }), 403, 'forbidden');
    expectError(await (await t.as(lead)).post('/api/v1/lookups', { list: 'vulnerability', name: 'Hoarding' }), 403, 'forbidden');
    const asb = (await lookups(await t.as(practitioner), '?list=case_type')).find((v) => v.key === 'asb')!;
    expectError(await (await t.as(practitioner)).patch(`/api/v1/lookups/${asb.id}`, { version: asb.version, name: 'Nuisance' }), 403, 'forbidden');
  });

  it('keeps keys and names unique in a list', async () => {
    const agent = await t.as(admin);
    const taken = await agent.post('/api/v1/lookups', { list: 'vulnerability', name: 'Hoarding disorder', key: 'age' });
    expectError(taken, 422, 'validation_failed');
    expect(taken.json().error.details).toEqual([{ field: 'key', problem: expect.stringContaining('already used') }]);
    const sameName = await agent.post('/api/v1/lookups', { list: 'vulnerability', name: 'mental HEALTH' });
    expectError(sameName, 422, 'validation_failed');
    expect(sameName.json().error.details[0].field).toBe('name');
    // Different names can make the same key: the second gets a number.
    expect((await agent.post('/api/v1/lookups', { list: 'vulnerability', name: 'Substance use' })).json().key).toBe('substance-use');
    expect((await agent.post('/api/v1/lookups', { list: 'vulnerability', name: 'Substance-use' })).json().key).toBe('substance-use-2');
    // The same key in another list is fine.
    expect((await agent.post('/api/v1/lookups', { list: 'warning_marker', name: 'Age', key: 'age' })).statusCode).toBe(201);
  });

  it('names the fields that are wrong', async () => {
    const agent = await t.as(admin);
    const response = await agent.post('/api/v1/lookups', { list: 'colours', name: '', key: 'Not A Key' });
    expectError(response, 422, 'validation_failed');
    expect(response.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['key', 'list', 'name']);
    const code = await agent.post('/api/v1/lookups', { list: 'vulnerability', name: 'Coded', code: 'CODE' });
    expect(code.json().error.details).toEqual([{ field: 'code', problem: 'is only for case types' }]);
  });

  it('renames with the version it was based on, and refuses a stale one with the current value', async () => {
    const agent = await t.as(admin);
    const created = (await agent.post('/api/v1/lookups', { list: 'intervention', name: 'Mediation' })).json() as Lookup;
    const renamed = await agent.patch(`/api/v1/lookups/${created.id}`, { version: 1, name: 'Community mediation' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ key: 'mediation', name: 'Community mediation', version: 2 });
    const stale = await agent.patch(`/api/v1/lookups/${created.id}`, { version: 1, name: 'Restorative mediation' });
    expectError(stale, 409, 'conflict');
    expect(stale.json().error.details[0]).toMatchObject({ id: created.id, name: 'Community mediation', version: 2 });
    const [event] = await auditOf(created.id, 'lookup.updated');
    expect(event.changes).toEqual({ name: { before: 'Mediation', after: 'Community mediation' } });
  });

  it('retires a value instead of deleting it: gone from the lists and from new use, kept for old records', async () => {
    const agent = await t.as(admin);
    const created = (await agent.post('/api/v1/lookups', { list: 'case_type', name: 'Fly-tipping', code: 'FT' })).json() as Lookup;
    expect((await (await t.as(practitioner)).post('/api/v1/cases', { caseType: 'fly-tipping', title: 'Rear of the parade' })).statusCode).toBe(201);
    const retired = await agent.patch(`/api/v1/lookups/${created.id}`, { version: 1, active: false });
    expect(retired.json()).toMatchObject({ active: false, version: 2 });
    expect((await lookups(agent, '?list=case_type')).some((v) => v.id === created.id)).toBe(false);
    expect((await lookups(agent, '?list=case_type&includeRetired=false')).some((v) => v.id === created.id)).toBe(false);
    expect((await lookups(agent, '?list=case_type&includeRetired=true')).find((v) => v.id === created.id)).toMatchObject({ active: false });
    const refused = await (await t.as(practitioner)).post('/api/v1/cases', { caseType: 'Fly-tipping', title: 'Behind the shops' });
    expectError(refused, 422, 'validation_failed');
    expect(refused.json().error.details).toEqual([{ field: 'caseType', problem: expect.stringContaining('retired') }]);
    // Adding it again by name points the admin at the retired one.
    const again = await agent.post('/api/v1/lookups', { list: 'case_type', name: 'fly-tipping' });
    expect(again.json().error.details).toEqual([{ field: 'name', problem: expect.stringContaining('retired') }]);
    const back = await agent.patch(`/api/v1/lookups/${created.id}`, { version: 2, active: true });
    expect(back.json().active).toBe(true);
  });
});

describe('who keeps the lists', () => {
  it('refuses an organisation admin adding, renaming or retiring a value of the partnership\'s lists, and changes nothing', async () => {
    const police = await t.as(policeAdmin);
    const keeper = await t.as(admin);
    const value = (await keeper.post('/api/v1/lookups', { list: 'warning_marker', name: 'Known to carry a blade' })).json() as Lookup;
    expectError(await police.post('/api/v1/lookups', { list: 'warning_marker', name: 'Dangerous dog' }), 403, 'forbidden');
    expectError(await police.patch(`/api/v1/lookups/${value.id}`, { version: value.version, name: 'Carries a knife' }), 403, 'forbidden');
    expectError(await police.patch(`/api/v1/lookups/${value.id}`, { version: value.version, active: false }), 403, 'forbidden');
    const markers = await lookups(await t.as(practitioner), '?list=warning_marker&includeRetired=true');
    expect(markers.some((v) => v.name === 'Dangerous dog')).toBe(false);
    expect(markers.find((v) => v.id === value.id)).toMatchObject({ name: 'Known to carry a blade', active: true, version: value.version });
    expect(await auditOf(value.id, 'lookup.updated')).toEqual([]);
    const policeAdminId = (await police.get('/api/v1/me')).json().id as string;
    const refusals = (await keeper.get(`/api/v1/audit-events?actorId=${policeAdminId}&action=access.refused&limit=200`)).json().items;
    expect(refusals.length).toBeGreaterThanOrEqual(3);
  });

  it('lets the system administrator change them', async () => {
    const keeper = await t.as(admin);
    const value = (await keeper.post('/api/v1/lookups', { list: 'warning_marker', name: 'Firearms licence holder' })).json() as Lookup;
    const renamed = await keeper.patch(`/api/v1/lookups/${value.id}`, { version: value.version, name: 'Holds a firearms licence' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Holds a firearms licence', version: value.version + 1 });
  });
});

describe('default sharing of case types', () => {
  it('stores teams and organisations of the partnership with their names', async () => {
    const agent = await t.as(admin);
    const council = teams['Demo District Council/Community Safety team']!;
    const housing = teams['Demo Housing Association/Tenancy team']!;
    const created = await agent.post('/api/v1/lookups', {
      list: 'case_type', name: 'Street drinking', code: 'SD',
      defaultSharing: [{ teamId: council.id, level: 'edit' }, { organisationId: housing.organisation.id, level: 'view' }],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().defaultSharing).toEqual(expect.arrayContaining([
      { team: { id: council.id, name: 'Community Safety team' }, organisation: { id: council.organisation.id, name: 'Demo District Council' }, level: 'edit' },
      { team: null, organisation: { id: housing.organisation.id, name: 'Demo Housing Association' }, level: 'view' },
    ]));
    const listed = (await lookups(await t.as(practitioner), '?list=case_type')).find((v) => v.id === created.json().id)!;
    expect(listed.defaultSharing).toHaveLength(2);

    const changed = await agent.patch(`/api/v1/lookups/${created.json().id}`, { version: 1, defaultSharing: [{ teamId: council.id, level: 'view' }] });
    expect(changed.json().defaultSharing).toEqual([{ team: { id: council.id, name: 'Community Safety team' }, organisation: expect.objectContaining({ name: 'Demo District Council' }), level: 'view' }]);
    const [event] = await auditOf(created.json().id, 'lookup.updated');
    expect(event.changes.defaultSharing.after).toEqual(['Demo District Council / Community Safety team: view']);
  });

  it('is the system administrator\'s to set: an organisation admin cannot give their organisation every new case', async () => {
    const housing = teams['Demo Housing Association/Tenancy team']!;
    const agent = await t.as(policeAdmin);
    const asb = (await lookups(agent, '?list=case_type')).find((v) => v.key === 'asb')!;
    expectError(await agent.patch(`/api/v1/lookups/${asb.id}`, { version: asb.version, defaultSharing: [{ organisationId: housing.organisation.id, level: 'edit' }] }), 403, 'forbidden');
    expectError(await agent.post('/api/v1/lookups', { list: 'case_type', name: 'Fly-tipping', defaultSharing: [{ teamId: housing.id, level: 'view' }] }), 403, 'forbidden');
    expect((await lookups(agent, '?list=case_type')).find((v) => v.key === 'asb')!.defaultSharing).toEqual([]);
  });

  it('refuses a team or organisation of another partnership, and a target listed twice', async () => {
    const agent = await t.as(admin);
    const elsewhere = teams['Neighbouring County Police/ASB team']!;
    const council = teams['Demo District Council/Community Safety team']!;
    const response = await agent.post('/api/v1/lookups', {
      list: 'case_type', name: 'Graffiti',
      defaultSharing: [{ teamId: elsewhere.id, level: 'view' }, { organisationId: elsewhere.organisation.id, level: 'view' }, { teamId: council.id, level: 'view' }, { teamId: council.id, level: 'edit' }],
    });
    expectError(response, 422, 'validation_failed');
    expect(response.json().error.details).toEqual([
      { field: 'defaultSharing.0.teamId', problem: 'is not a team of this partnership' },
      { field: 'defaultSharing.1.organisationId', problem: 'is not an organisation of this partnership' },
      { field: 'defaultSharing.3.teamId', problem: 'is listed more than once' },
    ]);
    const other = await agent.post('/api/v1/lookups', { list: 'ethnicity', name: 'Cornish', defaultSharing: [{ teamId: council.id, level: 'view' }] });
    expect(other.json().error.details).toEqual([{ field: 'defaultSharing', problem: 'is only for case types' }]);
  });
});

describe('another partnership', () => {
  it('cannot see or change our values, and its system admin edits only its own lists', async () => {
    const ours = (await lookups(await t.as(practitioner), '?list=case_type')).find((v) => v.key === 'asb')!;
    expectError(await neighbouringAdmin.patch(`/api/v1/lookups/${ours.id}`, { version: ours.version, name: 'Taken over' }), 404, 'not_found');
    // Its organisation admin and practitioners keep no lists at all, ours or theirs.
    expectError(await neighbouringOrgAdmin.patch(`/api/v1/lookups/${ours.id}`, { version: ours.version, name: 'Taken over' }), 403, 'forbidden');
    expectError(await (await t.as(other)).patch(`/api/v1/lookups/${ours.id}`, { version: ours.version, name: 'Taken over' }), 403, 'forbidden');
    expectError(await neighbouringOrgAdmin.post('/api/v1/lookups', { list: 'case_type', name: 'Graffiti', code: 'GR' }), 403, 'forbidden');
    expect((await lookups(await t.as(practitioner), '?list=case_type')).find((v) => v.id === ours.id)).toMatchObject({ name: ours.name, version: ours.version });
    const created = await neighbouringAdmin.post('/api/v1/lookups', { list: 'case_type', name: 'Graffiti', code: 'GR' });
    expect(created.statusCode).toBe(201);
    expect((await lookups(await t.as(practitioner), '?list=case_type')).some((v) => v.id === created.json().id)).toBe(false);
    expect((await lookups(await t.as(other), '?list=case_type')).some((v) => v.id === created.json().id)).toBe(true);
    // Their case type is not a value in our list.
    const refused = await (await t.as(practitioner)).post('/api/v1/cases', { caseTypeId: created.json().id, title: 'Tags on the bridge' });
    expect(refused.json().error.details).toEqual([{ field: 'caseTypeId', problem: expect.stringContaining('not one of the values') }]);
  });
});

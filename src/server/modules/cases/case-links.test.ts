import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { storedAuditEvents } from '../../test/audit.ts';

let t: TestApp;

const admin = 'admin@concord.test';
const police = 'police.asb@concord.test';
const council = 'council.asb@concord.test';
const housing = 'housing@concord.test';
const other = 'other.police@concord.test';

interface Ref { id: string; name: string }
const teams: Record<string, Ref & { organisation: Ref & { partnershipId: string } }> = {};
const policeTeam = () => teams['Demo County Police/ASB team']!;
const housingTeam = () => teams['Demo Housing Association/Tenancy team']!;
const otherTeam = () => teams['Neighbouring County Police/ASB team']!;
const councilTeam = () => teams['Demo District Council/Community Safety team']!;

function expectError(response: { statusCode: number; json(): unknown }, status: number, code: string) {
  expect({ status: response.statusCode, code: (response.json() as { error?: { code?: string } }).error?.code }).toEqual({ status, code });
}

function fields(response: { json(): unknown }): string[] {
  return ((response.json() as { error: { details: { field: string }[] } }).error.details).map((d) => d.field).sort();
}

async function openCase(email: string, body: Record<string, unknown> = {}) {
  const response = await (await t.as(email)).post('/api/v1/cases', { caseType: 'asb', title: 'Nuisance neighbours', ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function partnershipOf(email: string): Promise<string> {
  return (await (await t.as(email)).get('/api/v1/me')).json().partnership.id;
}

/** People and places as the profiles and locations modules would store them. */
async function profile(ownerTeam: Ref, partnershipId: string, firstName: string, lastName: string, dateOfBirth: string | null = null): Promise<string> {
  const { rows } = await t.database.pool.query(
    `insert into profiles (id, partnership_id, owner_team_id, first_name, last_name, date_of_birth, reason_created)
     values (gen_random_uuid(), $1, $2, $3, $4, $5, 'test') returning id`,
    [partnershipId, ownerTeam.id, firstName, lastName, dateOfBirth],
  );
  return rows[0].id;
}

async function location(ownerTeam: Ref, partnershipId: string, addressLine1: string, postcode: string): Promise<string> {
  const { rows } = await t.database.pool.query(
    `insert into locations (id, partnership_id, owner_team_id, kind, address_line1, postcode, search_text)
     values (gen_random_uuid(), $1, $2, 'home', $3, $4, lower($3)) returning id`,
    [partnershipId, ownerTeam.id, addressLine1, postcode],
  );
  return rows[0].id;
}

async function grant(table: 'case_access' | 'profile_access', recordId: string, teamId: string, level: 'view' | 'edit') {
  await t.database.pool.query(`insert into ${table} (id, record_id, team_id, level) values (gen_random_uuid(), $1, $2, $3)`, [recordId, teamId, level]);
}

/** The audit trail as written, newest first, filtered as the viewer would (entityId, entityType, action, actorId): what the module recorded. */
async function audit(query: string) {
  const { entityId, entityType, action, actorId } = Object.fromEntries(new URLSearchParams(query));
  return storedAuditEvents(t, { entityId, entityType, action, actorId, limit: 50 });
}

let demo: string;
let neighbouring: string;

beforeAll(async () => {
  t = await startTestApp();
  for (const team of (await (await t.as(admin)).get('/api/v1/teams?limit=200')).json().items) teams[`${team.organisation.name}/${team.name}`] = team;
  demo = await partnershipOf(police);
  neighbouring = await partnershipOf(other);
});
afterAll(() => t.close());

describe('people on a case', () => {
  it('links a person in a role, once, and shows them on the case', async () => {
    const kase = await openCase(police);
    const person = await profile(policeTeam(), demo, 'Dana', 'Price', '1990-04-01');
    await t.database.pool.query(`update profiles set roles = '{victim}', risk_level = 'medium' where id = $1`, [person]);
    const agent = await t.as(police);
    const linked = await agent.post(`/api/v1/cases/${kase.id}/profiles`, { profileId: person, role: 'victim' });
    expect(linked.statusCode).toBe(201);
    expect(linked.json()).toEqual({
      profileId: person, role: 'victim', accessible: true, firstName: 'Dana', lastName: 'Price', dateOfBirth: '1990-04-01',
      owner: { team: { id: policeTeam().id, name: 'ASB team' }, organisation: { id: policeTeam().organisation.id, name: 'Demo County Police' } },
      safety: { age: expect.any(Number), roles: ['victim'], riskLevel: 'medium', warningMarkers: [] },
    });
    expectError(await agent.post(`/api/v1/cases/${kase.id}/profiles`, { profileId: person, role: 'witness' }), 409, 'already_linked');
    expect((await agent.get(`/api/v1/cases/${kase.id}`)).json().profiles).toEqual([linked.json()]);
    const [event] = await audit(`entityId=${kase.id}&action=case.profile_linked`);
    expect(event!.details).toEqual({ profileId: person, role: 'victim' });
    // The case's list filter finds it by the person.
    expect((await agent.get(`/api/v1/cases?profileId=${person}`)).json().items.map((c: { id: string }) => c.id)).toEqual([kase.id]);

    expect((await agent.delete(`/api/v1/cases/${kase.id}/profiles/${person}`)).statusCode).toBe(204);
    expect((await agent.get(`/api/v1/cases/${kase.id}`)).json().profiles).toEqual([]);
    expectError(await agent.delete(`/api/v1/cases/${kase.id}/profiles/${person}`), 404, 'not_found');
    expect((await audit(`entityId=${kase.id}&action=case.profile_unlinked`))[0]!.details).toEqual({ profileId: person, role: 'victim' });
  });

  it('refuses a person the actor cannot open with their owner, and one outside the partnership as unknown', async () => {
    const kase = await openCase(police);
    const hidden = await profile(housingTeam(), demo, 'Hidden', 'Tenant');
    const refused = await (await t.as(police)).post(`/api/v1/cases/${kase.id}/profiles`, { profileId: hidden, role: 'perpetrator' });
    expectError(refused, 403, 'no_access');
    expect(refused.json().error.owner.team).toEqual({ id: housingTeam().id, name: 'Tenancy team' });
    const elsewhere = await profile(otherTeam(), neighbouring, 'Across', 'Border');
    const unknown = await (await t.as(police)).post(`/api/v1/cases/${kase.id}/profiles`, { profileId: elsewhere, role: 'victim' });
    expectError(unknown, 422, 'validation_failed');
    expect(fields(unknown)).toEqual(['profileId']);
    expect(fields(await (await t.as(police)).post(`/api/v1/cases/${kase.id}/profiles`, { profileId: hidden, role: 'villain' }))).toEqual(['role']);
  });

  it('shows people the reader cannot open as stubs with their owner', async () => {
    const kase = await openCase(police);
    await grant('case_access', kase.id, councilTeam().id, 'view');
    const person = await profile(policeTeam(), demo, 'Sam', 'Stub', '1985-01-02');
    await t.database.pool.query(`update profiles set risk_level = 'high' where id = $1`, [person]);
    await (await t.as(police)).post(`/api/v1/cases/${kase.id}/profiles`, { profileId: person, role: 'perpetrator' });
    const seen = (await (await t.as(council)).get(`/api/v1/cases/${kase.id}`)).json();
    expect(seen.profiles).toEqual([expect.objectContaining({ profileId: person, accessible: false, firstName: 'Sam', lastName: 'Stub', owner: expect.objectContaining({ team: { id: policeTeam().id, name: 'ASB team' } }), safety: null })]);
    // Viewing the case is not editing it.
    expect(seen.permissions.canEdit).toBe(false);
    expectError(await (await t.as(council)).post(`/api/v1/cases/${kase.id}/profiles`, { profileId: person, role: 'victim' }), 403, 'forbidden');
    await grant('profile_access', person, councilTeam().id, 'view');
    expect((await (await t.as(council)).get(`/api/v1/cases/${kase.id}`)).json().profiles[0]).toMatchObject({ accessible: true, safety: { riskLevel: 'high' } });
  });

  it('refuses another organisation and the other partnership on the case itself', async () => {
    const kase = await openCase(police);
    const person = await profile(policeTeam(), demo, 'Lee', 'Linked');
    expectError(await (await t.as(housing)).post(`/api/v1/cases/${kase.id}/profiles`, { profileId: person, role: 'victim' }), 403, 'no_access');
    expectError(await (await t.as(other)).post(`/api/v1/cases/${kase.id}/profiles`, { profileId: person, role: 'victim' }), 404, 'not_found');
    await (await t.as(police)).post(`/api/v1/cases/${kase.id}/profiles`, { profileId: person, role: 'victim' });
    expectError(await (await t.as(housing)).delete(`/api/v1/cases/${kase.id}/profiles/${person}`), 403, 'no_access');
    expectError(await (await t.as(other)).delete(`/api/v1/cases/${kase.id}/profiles/${person}`), 404, 'not_found');
    expect((await (await t.as(police)).get(`/api/v1/cases/${kase.id}`)).json().profiles).toHaveLength(1);
  });
});

describe('places on a case', () => {
  it('links, shows and unlinks a location, refusing one the actor cannot open', async () => {
    const kase = await openCase(police);
    const flat = await location(policeTeam(), demo, '4 Mill Lane', 'NG1 5AB');
    const agent = await t.as(police);
    const linked = await agent.post(`/api/v1/cases/${kase.id}/locations`, { locationId: flat });
    expect(linked.statusCode).toBe(201);
    expect(linked.json()).toMatchObject({ locationId: flat, accessible: true, addressLine1: '4 Mill Lane', postcode: 'NG1 5AB', latitude: null });
    expectError(await agent.post(`/api/v1/cases/${kase.id}/locations`, { locationId: flat }), 409, 'already_linked');
    expect((await agent.get(`/api/v1/cases?locationId=${flat}`)).json().items.map((c: { id: string }) => c.id)).toEqual([kase.id]);

    const hidden = await location(housingTeam(), demo, '9 Tenancy Row', 'NG2 1AA');
    expectError(await agent.post(`/api/v1/cases/${kase.id}/locations`, { locationId: hidden }), 403, 'no_access');
    const elsewhere = await location(otherTeam(), neighbouring, '1 Far Away', 'LE1 1AA');
    expect(fields(await agent.post(`/api/v1/cases/${kase.id}/locations`, { locationId: elsewhere }))).toEqual(['locationId']);
    expectError(await (await t.as(housing)).post(`/api/v1/cases/${kase.id}/locations`, { locationId: hidden }), 403, 'no_access');
    expectError(await (await t.as(other)).post(`/api/v1/cases/${kase.id}/locations`, { locationId: elsewhere }), 404, 'not_found');

    expect((await agent.delete(`/api/v1/cases/${kase.id}/locations/${flat}`)).statusCode).toBe(204);
    expect((await agent.get(`/api/v1/cases/${kase.id}`)).json().locations).toEqual([]);
    expect((await audit(`entityId=${kase.id}&action=case.location_unlinked`))[0]!.details).toEqual({ locationId: flat });
  });
});

describe('interventions', () => {
  it('records a step of the toolkit and updates it with its version', async () => {
    const kase = await openCase(police);
    const agent = await t.as(police);
    const added = await agent.post(`/api/v1/cases/${kase.id}/interventions`, { interventionType: 'Warning Letter', startDate: '2026-01-05', notes: 'Hand delivered' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ interventionType: { key: 'warning-letter', name: 'Warning letter' }, status: 'proposed', startDate: '2026-01-05', notes: 'Hand delivered', version: 1 });
    const id = added.json().id;
    const updated = await agent.patch(`/api/v1/cases/${kase.id}/interventions/${id}`, { version: 1, status: 'issued', outcome: 'Acknowledged' });
    expect(updated.json()).toMatchObject({ status: 'issued', outcome: 'Acknowledged', version: 2 });
    const stale = await agent.patch(`/api/v1/cases/${kase.id}/interventions/${id}`, { version: 1, status: 'breached' });
    expectError(stale, 409, 'conflict');
    expect(stale.json().error.details[0]).toMatchObject({ id, status: 'issued', version: 2 });
    expect((await agent.get(`/api/v1/cases/${kase.id}`)).json().interventions).toEqual([updated.json()]);
    const [event] = await audit(`entityId=${kase.id}&action=case.intervention_updated`);
    expect(event).toMatchObject({ details: { interventionId: id }, changes: { status: { before: 'proposed', after: 'issued' } } });
  });

  it('names what is wrong, and refuses those who cannot edit the case', async () => {
    const kase = await openCase(police);
    const agent = await t.as(police);
    expect(fields(await agent.post(`/api/v1/cases/${kase.id}/interventions`, { interventionType: 'Stern look' }))).toEqual(['interventionType']);
    expect(fields(await agent.post(`/api/v1/cases/${kase.id}/interventions`, { interventionType: 'pspo', startDate: '2026-05-01', endDate: '2026-04-01' }))).toEqual(['endDate']);
    const id = (await agent.post(`/api/v1/cases/${kase.id}/interventions`, { interventionType: 'pspo', startDate: '2026-05-01' })).json().id;
    expect(fields(await agent.patch(`/api/v1/cases/${kase.id}/interventions/${id}`, { version: 1, endDate: '2026-04-30' }))).toEqual(['endDate']);
    const elsewhere = await openCase(police);
    expectError(await agent.patch(`/api/v1/cases/${elsewhere.id}/interventions/${id}`, { version: 1, status: 'issued' }), 404, 'not_found');
    expectError(await (await t.as(housing)).post(`/api/v1/cases/${kase.id}/interventions`, { interventionType: 'pspo' }), 403, 'no_access');
    expectError(await (await t.as(other)).post(`/api/v1/cases/${kase.id}/interventions`, { interventionType: 'pspo' }), 404, 'not_found');
    expectError(await (await t.as(housing)).patch(`/api/v1/cases/${kase.id}/interventions/${id}`, { version: 1, status: 'issued' }), 403, 'no_access');
  });
});

describe('an operation with sub-cases', () => {
  it('shows its sub-cases, and each its parent', async () => {
    const operation = await openCase(police, { caseType: 'Modern Slavery operation', title: 'Operation Lantern' });
    const first = await openCase(police, { title: 'Car wash, Station Road', parentCaseId: operation.id });
    const second = await openCase(police, { title: 'Nail bar, High Street', parentCaseId: operation.id });
    const read = (await (await t.as(police)).get(`/api/v1/cases/${operation.id}`)).json();
    expect(read.subCases).toEqual(expect.arrayContaining([
      { id: first.id, reference: first.reference, title: 'Car wash, Station Road', status: 'open', accessible: true },
      { id: second.id, reference: second.reference, title: 'Nail bar, High Street', status: 'open', accessible: true },
    ]));
    expect(read.subCases).toHaveLength(2);
    expect(first).toMatchObject({ parentCaseId: operation.id, parentCase: { id: operation.id, reference: operation.reference, title: 'Operation Lantern', accessible: true } });
  });

  it('refuses a parent the actor cannot open, and a parent that would make a loop', async () => {
    const operation = await openCase(police, { title: 'Operation Beacon' });
    const sub = await openCase(police, { title: 'Premises one', parentCaseId: operation.id });
    const subSub = await openCase(police, { title: 'Flat above premises one', parentCaseId: sub.id });
    const hidden = await (await t.as(housing)).post('/api/v1/cases', { caseType: 'asb', title: 'Sneaky sub-case', parentCaseId: operation.id });
    expect(fields(hidden)).toEqual(['parentCaseId']);
    const elsewhere = await (await t.as(other)).post('/api/v1/cases', { caseType: 'asb', title: 'Across the border', parentCaseId: operation.id });
    expect(fields(elsewhere)).toEqual(['parentCaseId']);
    const agent = await t.as(police);
    expect(fields(await agent.patch(`/api/v1/cases/${operation.id}`, { version: 1, parentCaseId: subSub.id }))).toEqual(['parentCaseId']);
    expect(fields(await agent.patch(`/api/v1/cases/${operation.id}`, { version: 1, parentCaseId: operation.id }))).toEqual(['parentCaseId']);
    // Moving a sub-case to another operation is fine.
    const other2 = await openCase(police, { title: 'Operation Candle' });
    expect((await agent.patch(`/api/v1/cases/${sub.id}`, { version: 1, parentCaseId: other2.id })).json().parentCaseId).toBe(other2.id);
    expect((await agent.get(`/api/v1/cases/${operation.id}`)).json().subCases).toEqual([]);
  });

  it('shows a sub-case the reader cannot open as a stub', async () => {
    const operation = await openCase(police, { title: 'Operation Shared' });
    await grant('case_access', operation.id, housingTeam().id, 'view');
    await openCase(police, { title: 'Police-only premises', parentCaseId: operation.id });
    const read = (await (await t.as(housing)).get(`/api/v1/cases/${operation.id}`)).json();
    expect(read.subCases).toEqual([expect.objectContaining({ title: 'Police-only premises', accessible: false })]);
  });
});

describe('the history of a case', () => {
  it('lists what was done to it, newest first, not who read it, and records that it was read', async () => {
    const kase = await openCase(police);
    const agent = await t.as(police);
    await agent.patch(`/api/v1/cases/${kase.id}`, { version: 1, title: 'Renamed' });
    await agent.get(`/api/v1/cases/${kase.id}`);
    await agent.post(`/api/v1/cases/${kase.id}/close`, { version: 2, outcome: 'Resolved', reason: 'Mediation worked' });
    const page = (await agent.get(`/api/v1/cases/${kase.id}/history?limit=2`)).json();
    expect(page.items.map((e: { action: string }) => e.action)).toEqual(['case.closed', 'case.updated']);
    expect(page.items[0]).toMatchObject({ actor: { name: 'Tom Wright' }, reason: 'Mediation worked', changes: { status: { before: 'open', after: 'closed' } } });
    const rest = (await agent.get(`/api/v1/cases/${kase.id}/history?limit=2&cursor=${page.nextCursor}`)).json();
    expect(rest.items.map((e: { action: string }) => e.action)).toEqual(['case.created']);
    expect(rest.nextCursor).toBeNull();
    expect(await audit(`entityId=${kase.id}&action=case.history_viewed`)).toHaveLength(2);
  });
});

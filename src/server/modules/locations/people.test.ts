import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { storedAuditEvents } from '../../test/audit.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { DomainEvent } from '../../platform/events/types.ts';

// A person's address and the location at the same address are linked, from either side, whoever
// holds each; the location's page lists its people as the reader may see them.

let t: TestApp;
const events: DomainEvent[] = [];
const police = 'police.asb@concord.test';
const council = 'council.asb@concord.test';
const other = 'other.police@concord.test';

beforeAll(async () => {
  t = await startTestApp();
  t.app.platform.events.subscribe((event) => void events.push(event));
});
afterAll(() => t.close());

let street = 0;
/** A street of its own for each test, so that one test's places never match another's people. */
const newStreet = () => `Laburnum Grove ${++street}`;

async function createLocation(email: string, body: Record<string, unknown>) {
  const response = await (await t.as(email)).post('/api/v1/locations', { kind: 'home', confirmNoDuplicate: true, ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function createPerson(email: string, firstName: string, addresses: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  const response = await (await t.as(email)).post('/api/v1/profiles', {
    firstName, lastName: 'Tenant', reasonCreated: 'Reported to the ASB team', confirmNoDuplicate: true, addresses, ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function peopleAt(email: string, locationId: string) {
  const response = await (await t.as(email)).get(`/api/v1/locations/${locationId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().profiles as Record<string, unknown>[];
}

const linksOf = (entityId: string) => storedAuditEvents(t, { entityId, action: 'location.people_linked' });

describe('adding a person with an address', () => {
  it('links it to the location at the same address however it is typed, whoever holds the location, and records it there', async () => {
    const road = newStreet();
    const home = await createLocation(police, { addressLine1: `12 ${road}`, postcode: 'NG7 2QP' });
    const person = await createPerson(council, 'Ada', [{ addressLine1: `12, ${road.toLowerCase()}.`, postcode: 'ng72qp' }]);
    expect(person.addresses).toEqual([expect.objectContaining({ addressLine1: `12, ${road.toLowerCase()}.`, locationId: home.id, uprn: null })]);

    const [linked] = await linksOf(home.id);
    expect(linked).toMatchObject({ actor: expect.objectContaining({ name: expect.any(String) }), details: { profileIds: [person.id], linkedBy: 'person_address' } });
    // On PostgreSQL events travel through LISTEN/NOTIFY, so they arrive a moment after the reply.
    await vi.waitFor(() => expect(events.filter((e) => e.type === 'location.changed' && e.data.id === home.id)).toHaveLength(2));

    const neighbour = await createPerson(council, 'Bea', [{ addressLine1: `14 ${road}`, postcode: 'NG7 2QP' }]);
    expect(neighbour.addresses[0].locationId).toBeNull();
    const elsewhere = await createPerson(council, 'Cy', [{ addressLine1: `12 ${road}`, postcode: 'NG7 2QQ' }]);
    expect(elsewhere.addresses[0].locationId).toBeNull();
  });

  it('links by UPRN when both have one, and not when the two UPRNs differ', async () => {
    const road = newStreet();
    const flat = await createLocation(police, { addressLine1: `Flat 1, 3 ${road}`, postcode: 'NG1 5AB', uprn: '100031234567' });
    const picked = await createPerson(police, 'Dee', [{ addressLine1: `First floor flat, 3 ${road}`, postcode: 'NG1 5AB', uprn: '100031234567' }]);
    expect(picked.addresses[0]).toMatchObject({ uprn: '100031234567', locationId: flat.id });
    const otherFlat = await createPerson(police, 'Eve', [{ addressLine1: `Flat 1, 3 ${road}`, postcode: 'NG1 5AB', uprn: '100031234568' }]);
    expect(otherFlat.addresses[0].locationId).toBeNull();
    const typed = await createPerson(police, 'Fay', [{ addressLine1: `flat 1 3 ${road}`, postcode: 'NG1 5AB' }]);
    expect(typed.addresses[0].locationId).toBe(flat.id);
  });

  it('takes a premises name before the first line as a picked address writes it', async () => {
    const road = newStreet();
    const pub = await createLocation(police, { kind: 'business', name: 'The Red Lion', addressLine1: `1 ${road}`, postcode: 'NG2 1AA' });
    const landlord = await createPerson(police, 'Gus', [{ addressLine1: `The Red Lion, 1 ${road}`, postcode: 'NG2 1AA' }]);
    expect(landlord.addresses[0].locationId).toBe(pub.id);
  });

  it('refuses a UPRN that is not one, naming the field', async () => {
    const response = await (await t.as(police)).post('/api/v1/profiles', {
      firstName: 'Hal', lastName: 'Tenant', reasonCreated: 'Reported', confirmNoDuplicate: true,
      addresses: [{ addressLine1: '1 Road', postcode: 'NG1 5AB', uprn: 'UPRN 12' }],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details).toEqual([expect.objectContaining({ field: 'addresses.0.uprn' })]);
  });

  it('never links to a location of the other partnership', async () => {
    const road = newStreet();
    const home = await createLocation(police, { addressLine1: `5 ${road}`, postcode: 'NG7 2QP' });
    const theirs = await createPerson(other, 'Ivy', [{ addressLine1: `5 ${road}`, postcode: 'NG7 2QP' }]);
    expect(theirs.addresses[0].locationId).toBeNull();
    expect(await peopleAt(police, home.id)).toEqual([]);
    const ownHome = await createLocation(other, { addressLine1: `5 ${road}`, postcode: 'NG7 2QP' });
    expect(await peopleAt(other, ownHome.id)).toEqual([expect.objectContaining({ profileId: theirs.id, accessible: true })]);
    expect(await peopleAt(police, home.id)).toEqual([]);
    expect((await (await t.as(other)).get(`/api/v1/locations/${home.id}`)).statusCode).toBe(404);

    const ours = await createPerson(police, 'Jay', [{ addressLine1: `6 ${road}`, postcode: 'NG7 2QP' }]);
    const theirPlace = await createLocation(other, { addressLine1: `6 ${road}`, postcode: 'NG7 2QP' });
    expect(theirPlace.profiles).toEqual([]);
    expect((await (await t.as(police)).get(`/api/v1/profiles/${ours.id}`)).json().addresses[0].locationId).toBeNull();
  });
});

describe('changing a person\'s addresses', () => {
  it('moves the link with the address and tells both locations', async () => {
    const road = newStreet();
    const before = await createLocation(police, { addressLine1: `7 ${road}`, postcode: 'NG7 2QP' });
    const after = await createLocation(police, { addressLine1: `9 ${road}`, postcode: 'NG7 2QP' });
    const person = await createPerson(police, 'Jo', [{ addressLine1: `7 ${road}`, postcode: 'NG7 2QP' }]);
    // Linking the first address told its location; on PostgreSQL that arrives a moment later, and must not count as the move's.
    await vi.waitFor(() => expect(events.some((e) => e.type === 'location.changed' && e.data.id === before.id)).toBe(true));
    const seen = events.length;
    const moved = await (await t.as(police)).patch(`/api/v1/profiles/${person.id}`, {
      version: person.version,
      addresses: [
        { addressLine1: `7 ${road}`, postcode: 'NG7 2QP', toDate: '2024-01-31', locationId: before.id },
        { addressLine1: `9 ${road}`, postcode: 'NG7 2QP', fromDate: '2024-02-01' },
      ],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().addresses.map((a: { locationId: string }) => a.locationId)).toEqual([after.id, before.id]);
    expect(await linksOf(before.id)).toHaveLength(1);
    expect((await linksOf(after.id)).map((e) => e.details)).toEqual([{ profileIds: [person.id], linkedBy: 'person_address' }]);
    // Linking told the first location more than once, and on PostgreSQL a later one can still be on
    // its way: only what the move told the new location counts here.
    await vi.waitFor(() => expect(events.slice(seen).filter((e) => e.type === 'location.changed' && e.data.id !== before.id).map((e) => e.data.id)).toEqual([after.id]));

    const gone = await (await t.as(police)).patch(`/api/v1/profiles/${person.id}`, { version: moved.json().version, addresses: [] });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(await peopleAt(police, before.id)).toEqual([]);
    await vi.waitFor(() => expect(events.slice(seen).filter((e) => e.type === 'location.changed').map((e) => e.data.id)).toEqual(expect.arrayContaining([before.id, after.id])));
  });

  it('keeps a link to a location the editor cannot open when it is sent back, but makes none by hand', async () => {
    const road = newStreet();
    const home = await createLocation(police, { addressLine1: `11 ${road}`, postcode: 'NG7 2QP' });
    const locked = await createLocation(police, { addressLine1: `13 ${road}`, postcode: 'NG7 2QP' });
    const person = await createPerson(council, 'Kit', [{ addressLine1: `11 ${road}`, postcode: 'NG7 2QP' }]);
    const agent = await t.as(council);
    const kept = await agent.patch(`/api/v1/profiles/${person.id}`, {
      version: person.version,
      addresses: [{ addressLine1: `11 ${road}`, postcode: 'NG7 2QP', locationId: home.id }, { addressLine1: '1 Other Road', postcode: 'NG1 1AA' }],
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().addresses.map((a: { locationId: string | null }) => a.locationId)).toContain(home.id);

    const chosen = await agent.patch(`/api/v1/profiles/${person.id}`, {
      version: kept.json().version,
      addresses: [{ addressLine1: '1 Other Road', postcode: 'NG1 1AA', locationId: locked.id }],
    });
    expect(chosen.statusCode).toBe(422);
    expect(chosen.json().error.details).toEqual([expect.objectContaining({ field: 'addresses.0.locationId' })]);
  });
});

describe('recording a location', () => {
  it('links the people already at the address, whoever holds them, and records it', async () => {
    const road = newStreet();
    const tenant = await createPerson(council, 'Lou', [{ addressLine1: `21 ${road}`, postcode: 'NG7 2QP' }]);
    const lodger = await createPerson(police, 'Max', [{ addressLine1: `21  ${road.toUpperCase()}`, postcode: 'NG7 2QP', fromDate: '2019-01-01', toDate: '2020-01-01' }]);
    expect(tenant.addresses[0].locationId).toBeNull();

    const home = await createLocation(police, { addressLine1: `21 ${road}`, postcode: 'ng7 2qp' });
    expect(home.profiles.map((p: { profileId: string }) => p.profileId)).toEqual([tenant.id, lodger.id]);
    const [linked] = await linksOf(home.id);
    expect(linked!.details).toEqual({ profileIds: expect.arrayContaining([tenant.id, lodger.id]), linkedBy: 'location_address' });
    expect((await (await t.as(council)).get(`/api/v1/profiles/${tenant.id}`)).json().addresses[0].locationId).toBe(home.id);
  });

  it('links the people at its corrected address, keeping those already linked', async () => {
    const road = newStreet();
    const person = await createPerson(police, 'Ned', [{ addressLine1: `23 ${road}`, postcode: 'NG7 2QP' }]);
    const first = await createPerson(police, 'Ola', [{ addressLine1: `32 ${road}`, postcode: 'NG7 2QP' }]);
    const home = await createLocation(police, { addressLine1: `32 ${road}`, postcode: 'NG7 2QP' });
    expect(home.profiles.map((p: { profileId: string }) => p.profileId)).toEqual([first.id]);
    const corrected = await (await t.as(police)).patch(`/api/v1/locations/${home.id}`, { version: home.version, addressLine1: `23 ${road}` });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().profiles.map((p: { profileId: string }) => p.profileId).sort()).toEqual([person.id, first.id].sort());
    expect((await linksOf(home.id)).map((e) => e.details)).toEqual([
      { profileIds: [person.id], linkedBy: 'location_address' },
      { profileIds: [first.id], linkedBy: 'location_address' },
    ]);
  });
});

describe('the people at a location', () => {
  it('lists those living there now first, then those before with dates, each with their safety line or as a stub, and records who was listed', async () => {
    const road = newStreet();
    const home = await createLocation(police, { addressLine1: `40 ${road}`, postcode: 'NG7 2QP' });
    const { rows } = await t.database.db.execute<{ id: string }>(sql`select id from organisations where name = 'Demo District Council'`);
    const shared = await (await t.as(police)).post(`/api/v1/locations/${home.id}/access`, { organisationId: rows[0]!.id, level: 'view' });
    expect(shared.statusCode, shared.body).toBe(200);
    const at = { addressLine1: `40 ${road}`, postcode: 'NG7 2QP' };
    const before = await createPerson(police, 'Pat', [{ ...at, fromDate: '2010-01-01', toDate: '2015-06-30' }]);
    const now = await createPerson(police, 'Quin', [{ ...at, fromDate: '2020-03-01' }], { roles: ['perpetrator'], riskLevel: 'high', warningMarkers: ['violence'] });
    const hidden = await createPerson(council, 'Ros', [at]);

    const seen = await peopleAt(police, home.id);
    expect(seen).toEqual([
      {
        accessible: true, addressId: expect.any(String), profileId: now.id, firstName: 'Quin', lastName: 'Tenant', current: true, fromDate: '2020-03-01', toDate: null,
        safety: { age: null, roles: ['perpetrator'], riskLevel: 'high', warningMarkers: [expect.objectContaining({ key: 'violence', name: 'Violence' })] },
      },
      {
        accessible: false, addressId: expect.any(String), profileId: hidden.id, current: true,
        owner: { team: expect.objectContaining({ name: 'Community Safety team' }), organisation: expect.objectContaining({ name: 'Demo District Council' }) },
      },
      expect.objectContaining({ accessible: true, profileId: before.id, firstName: 'Pat', current: false, fromDate: '2010-01-01', toDate: '2015-06-30' }),
    ]);
    const [viewed] = await storedAuditEvents(t, { entityId: home.id, action: 'location.viewed' });
    expect(viewed!.details).toEqual({ profileIds: [now.id, hidden.id, before.id] });

    // Another organisation with view of the place sees its own person and stubs for the police's.
    const theirs = await peopleAt(council, home.id);
    expect(theirs.map((p) => [p.profileId, p.accessible])).toEqual([[hidden.id, true], [now.id, false], [before.id, false]]);
    expect(theirs[1]).not.toHaveProperty('firstName');
    expect(theirs[1]).not.toHaveProperty('safety');
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { storedAuditEvents } from '../../test/audit.ts';
import { createUserAs } from '../../test/fixtures.ts';
import { makeAgent, startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import type { DomainEvent } from '../../platform/events/types.ts';

let t: TestApp;
const events: DomainEvent[] = [];
const police = 'police.asb@concord.test';
const council = 'council.asb@concord.test';
const housing = 'housing@concord.test';
const other = 'other.police@concord.test';

interface Place { teamId: string; organisationId: string; partnershipId: string }
const places: Record<string, Place> = {};

beforeAll(async () => {
  t = await startTestApp();
  t.app.platform.events.subscribe((event) => void events.push(event));
  const { rows } = await t.database.db.execute<{ organisation: string; team: string; team_id: string; organisation_id: string; partnership_id: string }>(sql`
    select o.name as organisation, t.name as team, t.id as team_id, o.id as organisation_id, o.partnership_id
      from teams t join organisations o on o.id = t.organisation_id`);
  for (const r of rows) places[`${r.organisation}/${r.team}`] = { teamId: r.team_id, organisationId: r.organisation_id, partnershipId: r.partnership_id };
});
afterAll(() => t.close());

const at = (key: string) => places[key]!;
let street = 0;
/** A fresh address each time, so tests do not trip each other's duplicate warning. */
const address = (overrides: Record<string, unknown> = {}) => ({ addressLine1: `${++street} Acacia Avenue`, town: 'Nottingham', postcode: 'NG1 5AB', ...overrides });

async function create(email: string, body: Record<string, unknown> = address()) {
  const response = await (await t.as(email)).post('/api/v1/locations', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

function expectError(response: { statusCode: number; json(): unknown }, status: number, code: string) {
  expect({ status: response.statusCode, code: (response.json() as { error?: { code?: string } }).error?.code }).toEqual({ status, code });
}

/** The audit trail of one record as written, newest first: what the module recorded. */
async function auditOf(entityId: string, action?: string) {
  return storedAuditEvents(t, { entityId, action, limit: 50 });
}

/** A disposable, fully signed-in account with an enrolled authenticator. */
async function enrolledUser(input: { name: string; role: string; teamId: string }): Promise<Agent> {
  const { email, password } = await createUserAs(t, 'admin@concord.test', input);
  const agent = makeAgent(t.app);
  expect((await agent.post('/api/v1/auth/sign-in', { email, password })).statusCode).toBe(200);
  const { secret } = (await agent.get('/api/v1/auth/enrolment')).json() as { secret: string };
  expect((await agent.post('/api/v1/auth/enrolment', { totp: await t.code(email, secret) })).statusCode).toBe(200);
  return agent;
}

describe('recording a location', () => {
  it('normalises the postcode, gives the creator\'s team ownership and records it', async () => {
    const created = await create(police, { addressLine1: '1 Market Street', town: 'Nottingham', postcode: 'ng15ab', latitude: 52.95, longitude: -1.15 });
    expect(created).toMatchObject({
      kind: 'premises',
      postcode: 'NG1 5AB',
      latitude: 52.95,
      longitude: -1.15,
      version: 1,
      owner: { team: { id: at('Demo County Police/ASB team').teamId, name: 'ASB team' }, organisation: { name: 'Demo County Police' } },
      createdBy: { name: 'Tom Wright' },
      cases: [],
      profiles: [],
      permissions: { canEdit: true, canShare: true },
    });
    const audit = await auditOf(created.id, 'location.created');
    expect(audit[0]!.changes).toMatchObject({ addressLine1: { before: null, after: '1 Market Street' }, postcode: { before: null, after: 'NG1 5AB' } });
    // On PostgreSQL events travel through LISTEN/NOTIFY, so they arrive a moment after the reply.
    await vi.waitFor(() => expect(events.some((e) => e.type === 'location.changed' && e.data.id === created.id && e.audience.teamIds?.includes(at('Demo County Police/ASB team').teamId))).toBe(true));

    const { rows } = await t.database.db.execute<{ search_text: string }>(sql`select search_text from locations where id = ${created.id}`);
    expect(rows[0]!.search_text).toBe('1 market street nottingham ng1 5ab');
  });

  it('refuses a postcode that is not one, naming the field', async () => {
    const response = await (await t.as(police)).post('/api/v1/locations', address({ postcode: 'NOT A CODE' }));
    expectError(response, 422, 'validation_failed');
    expect(response.json().error.details).toEqual([expect.objectContaining({ field: 'postcode' })]);
  });

  it('takes both coordinates or neither', async () => {
    const agent = await t.as(police);
    const latitudeOnly = await agent.post('/api/v1/locations', address({ latitude: 52.9 }));
    expectError(latitudeOnly, 422, 'validation_failed');
    expect(latitudeOnly.json().error.details).toEqual([expect.objectContaining({ field: 'longitude' })]);

    const created = await create(police, address({ latitude: 52.9, longitude: -1.1 }));
    const halfCleared = await agent.patch(`/api/v1/locations/${created.id}`, { version: 1, longitude: null });
    expectError(halfCleared, 422, 'validation_failed');
    expect(halfCleared.json().error.details).toEqual([expect.objectContaining({ field: 'longitude' })]);
    const cleared = await agent.patch(`/api/v1/locations/${created.id}`, { version: 1, latitude: null, longitude: null });
    expect(cleared.json()).toMatchObject({ latitude: null, longitude: null, version: 2 });
  });

  it('warns of a location already at the address, and records it when told it is a different place', async () => {
    const existing = await create(council, { kind: 'home', addressLine1: '12 Laburnum Grove', postcode: 'NG7 2QP' });
    const agent = await t.as(police);
    const again = { kind: 'home', addressLine1: '12 Laburnum Grv', postcode: 'ng72qp' };
    const warned = await agent.post('/api/v1/locations', again);
    expectError(warned, 409, 'possible_duplicate');
    expect(warned.json().error.details).toEqual([
      expect.objectContaining({ location: expect.objectContaining({ id: existing.id, addressLine1: '12 Laburnum Grove' }), accessible: false, owner: expect.objectContaining({ organisation: expect.objectContaining({ name: 'Demo District Council' }) }) }),
    ]);

    const neighbour = await agent.post('/api/v1/locations', { kind: 'home', addressLine1: '14 Laburnum Grove', postcode: 'NG7 2QP' });
    expect(neighbour.statusCode).toBe(201);

    const confirmed = await agent.post('/api/v1/locations', { ...again, confirmNoDuplicate: true });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().postcode).toBe('NG7 2QP');
  });

  it('does not let a read-only user record one', async () => {
    const readOnly = await enrolledUser({ name: 'Rita Readonly', role: 'read_only', teamId: at('Demo County Police/ASB team').teamId });
    expectError(await readOnly.post('/api/v1/locations', address()), 403, 'forbidden');
  });
});

describe('another organisation\'s system', () => {
  async function token(access: 'read' | 'write'): Promise<Agent> {
    const asb = at('Demo County Police/ASB team');
    const issued = await (await t.as('police.admin@concord.test')).post('/api/v1/api-tokens', { organisationId: asb.organisationId, teamId: asb.teamId, name: `Feed ${access}`, access });
    expect(issued.statusCode, issued.body).toBe(201);
    return makeAgent(t.app, {}, { authorization: `Bearer ${issued.json().token}` });
  }

  it('records a location for its team with a write token, and only reads with a read token', async () => {
    const writer = await token('write');
    const created = await writer.post('/api/v1/locations', address());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ createdBy: null, owner: { team: { id: at('Demo County Police/ASB team').teamId } } });

    const reader = await token('read');
    expect((await reader.get(`/api/v1/locations/${created.json().id}`)).json().permissions).toEqual({ canEdit: false, canShare: false });
    expectError(await reader.post('/api/v1/locations', address()), 403, 'forbidden');
    expectError(await reader.patch(`/api/v1/locations/${created.json().id}`, { version: 1, town: 'Elsewhere' }), 403, 'forbidden');
  });
});

describe('matching an address being entered', () => {
  it('shows existing locations best first, with stubs for ones the actor cannot open', async () => {
    const mine = await create(police, { addressLine1: '3 Orchard Close', postcode: 'NG9 1AA' });
    const theirs = await create(housing, { addressLine1: '5 Orchard Close', postcode: 'NG9 1AA' });
    await create(other, { addressLine1: '3 Orchard Close', postcode: 'NG9 1AA' });

    const response = await (await t.as(police)).get('/api/v1/locations/matches?addressLine1=3%20Orchard%20Close&postcode=ng91aa');
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { location: { id: string }; accessible: boolean; score: number; owner: { organisation: { name: string } } }[];
    expect(items.map((i) => i.location.id)).toEqual([mine.id, theirs.id]);
    expect(items[0]).toMatchObject({ accessible: true });
    expect(items[1]).toMatchObject({ accessible: false, owner: { organisation: { name: 'Demo Housing Association' } } });
    expect(items[0]!.score).toBeGreaterThan(items[1]!.score);

    const byStreet = (await (await t.as(police)).get('/api/v1/locations/matches?addressLine1=Orchard%20Close')).json().items as { location: { id: string } }[];
    expect(byStreet.map((i) => i.location.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));

    const audit = await storedAuditEvents(t, { action: 'locations.matched', limit: 50 });
    expect(audit.find((e) => e.details?.postcode === 'ng91aa')!.details).toMatchObject({ addressLine1: '3 Orchard Close', resultCount: 2 });
  });

  it('finds nothing of another partnership', async () => {
    await create(police, { addressLine1: '8 Hidden Lane', postcode: 'LE1 1AA' });
    const items = (await (await t.as(other)).get('/api/v1/locations/matches?addressLine1=8%20Hidden%20Lane&postcode=LE1%201AA')).json().items;
    expect(items).toEqual([]);
  });
});

describe('opening a location', () => {
  it('shows its linked cases and people, each saying whether the actor may open it, and records the view', async () => {
    const location = await create(police, address());
    const shared = await (await t.as(police)).post(`/api/v1/locations/${location.id}/access`, { organisationId: at('Demo District Council/Community Safety team').organisationId, level: 'view' });
    expect(shared.statusCode, shared.body).toBe(200);
    const linkedCase = async (email: string, title: string) => {
      const agent = await t.as(email);
      const created = (await agent.post('/api/v1/cases', { caseType: 'ASB', title })).json();
      const linked = await agent.post(`/api/v1/cases/${created.id}/locations`, { locationId: location.id });
      expect(linked.statusCode, linked.body).toBe(201);
      return created as { id: string; reference: string };
    };
    const ownCase = await linkedCase(police, 'Drug dealing from the address');
    const councilCase = await linkedCase(council, 'Rubbish in the garden');
    const person = await (await t.as(council)).post('/api/v1/profiles', {
      firstName: 'Ada', lastName: 'Lovelace', reasonCreated: 'Tenant', confirmNoDuplicate: true,
      addresses: [{ addressLine1: location.addressLine1, postcode: 'NG1 5AB', locationId: location.id }],
    });
    expect(person.statusCode, person.body).toBe(201);

    const opened = (await (await t.as(police)).get(`/api/v1/locations/${location.id}`)).json();
    expect(opened.cases).toEqual(expect.arrayContaining([
      { id: ownCase.id, reference: ownCase.reference, title: 'Drug dealing from the address', accessible: true },
      { id: councilCase.id, reference: councilCase.reference, title: 'Rubbish in the garden', accessible: false },
    ]));
    expect(opened.cases).toHaveLength(2);
    expect(opened.profiles).toEqual([{
      accessible: false, addressId: expect.any(String), profileId: person.json().id, current: true,
      owner: { team: { id: at('Demo District Council/Community Safety team').teamId, name: 'Community Safety team' }, organisation: expect.objectContaining({ name: 'Demo District Council' }) },
    }]);
    expect(await auditOf(location.id, 'location.viewed')).toHaveLength(1);
  });

  it('names the owner to another organisation without access, and refuses a change', async () => {
    const location = await create(police, address());
    const agent = await t.as(council);
    const read = await agent.get(`/api/v1/locations/${location.id}`);
    expectError(read, 403, 'no_access');
    expect(read.json().error.owner).toEqual({
      team: { id: at('Demo County Police/ASB team').teamId, name: 'ASB team' },
      organisation: { id: at('Demo County Police/ASB team').organisationId, name: 'Demo County Police' },
    });
    expectError(await agent.patch(`/api/v1/locations/${location.id}`, { version: 1, town: 'Elsewhere' }), 403, 'no_access');
    expectError(await agent.get(`/api/v1/locations/${location.id}/history`), 403, 'no_access');
    expectError(await agent.post(`/api/v1/locations/${location.id}/access`, { organisationId: at('Demo District Council/Community Safety team').organisationId, level: 'edit' }), 403, 'no_access');
    expect((await auditOf(location.id)).some((e) => e.action === 'access.refused' && e.outcome === 'refused')).toBe(true);
    expect((await (await t.as(police)).get(`/api/v1/locations/${location.id}`)).json()).toMatchObject({ town: 'Nottingham', version: 1 });
  });

  it('does not exist for the other partnership', async () => {
    const location = await create(police, address());
    const agent = await t.as(other);
    expectError(await agent.get(`/api/v1/locations/${location.id}`), 404, 'not_found');
    expectError(await agent.patch(`/api/v1/locations/${location.id}`, { version: 1, town: 'Elsewhere' }), 404, 'not_found');
    expectError(await agent.get(`/api/v1/locations/${location.id}/history`), 404, 'not_found');
    expectError(await agent.post(`/api/v1/locations/${location.id}/access`, { organisationId: at('Neighbouring County Police/ASB team').organisationId, level: 'view' }), 404, 'not_found');
    const listed = (await agent.get('/api/v1/locations?limit=200')).json().items as { id: string }[];
    expect(listed.map((l) => l.id)).not.toContain(location.id);
  });

  it('lets an organisation it is shared with view it but not change it', async () => {
    const location = await create(police, address());
    const shared = await (await t.as(police)).post(`/api/v1/locations/${location.id}/access`, { organisationId: at('Demo District Council/Community Safety team').organisationId, level: 'view' });
    expect(shared.statusCode, shared.body).toBe(200);
    const agent = await t.as(council);
    const read = await agent.get(`/api/v1/locations/${location.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().permissions).toEqual({ canEdit: false, canShare: false });
    expectError(await agent.patch(`/api/v1/locations/${location.id}`, { version: 1, town: 'Elsewhere' }), 403, 'forbidden');
  });
});

describe('changing a location', () => {
  it('records the change with before and after, and tells those who can see it', async () => {
    const location = await create(police, address());
    const response = await (await t.as(police)).patch(`/api/v1/locations/${location.id}`, { version: 1, name: 'The Red Lion', kind: 'business', postcode: 'ng2 1aa' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'The Red Lion', kind: 'business', postcode: 'NG2 1AA', town: 'Nottingham', version: 2 });
    const [updated] = await auditOf(location.id, 'location.updated');
    expect(updated!.changes).toEqual({
      kind: { before: 'premises', after: 'business' },
      name: { before: null, after: 'The Red Lion' },
      postcode: { before: 'NG1 5AB', after: 'NG2 1AA' },
    });
    await vi.waitFor(() => expect(events.filter((e) => e.type === 'location.changed' && e.data.id === location.id)).toHaveLength(2));
    const { rows } = await t.database.db.execute<{ search_text: string }>(sql`select search_text from locations where id = ${location.id}`);
    expect(rows[0]!.search_text).toContain('the red lion');
  });

  it('keeps the UPRN of an address picked from a postcode lookup, audits it, and lets it be cleared', async () => {
    const agent = await t.as(police);
    const location = await create(police, address({ uprn: '200010019924' }));
    expect(location.uprn).toBe('200010019924');
    expect((await auditOf(location.id, 'location.created'))[0]!.changes).toMatchObject({ uprn: { before: null, after: '200010019924' } });
    expectError(await agent.patch(`/api/v1/locations/${location.id}`, { version: 1, uprn: 'UPRN 12' }), 422, 'validation_failed');
    const cleared = await agent.patch(`/api/v1/locations/${location.id}`, { version: 1, uprn: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ uprn: null, version: 2 });
    expect((await auditOf(location.id, 'location.updated'))[0]!.changes).toEqual({ uprn: { before: '200010019924', after: null } });
  });

  it('refuses a stale version with the current location, changing nothing', async () => {
    const location = await create(police, address());
    const agent = await t.as(police);
    expect((await agent.patch(`/api/v1/locations/${location.id}`, { version: 1, town: 'Beeston' })).statusCode).toBe(200);
    const stale = await agent.patch(`/api/v1/locations/${location.id}`, { version: 1, town: 'Arnold' });
    expectError(stale, 409, 'conflict');
    expect(stale.json().error.details[0]).toMatchObject({ id: location.id, town: 'Beeston', version: 2 });
    expect((await agent.get(`/api/v1/locations/${location.id}`)).json().town).toBe('Beeston');
  });

  it('does not let a read-only member of the owning team change it', async () => {
    const location = await create(police, address());
    const readOnly = await enrolledUser({ name: 'Rob Readonly', role: 'read_only', teamId: at('Demo County Police/ASB team').teamId });
    const read = await readOnly.get(`/api/v1/locations/${location.id}`);
    expect(read.json().permissions).toEqual({ canEdit: false, canShare: false });
    expectError(await readOnly.patch(`/api/v1/locations/${location.id}`, { version: 1, town: 'Elsewhere' }), 403, 'forbidden');
  });

  it('shows the changes, newest first, without the reads', async () => {
    const location = await create(police, address());
    const agent = await t.as(police);
    await agent.patch(`/api/v1/locations/${location.id}`, { version: 1, town: 'Beeston' });
    await agent.get(`/api/v1/locations/${location.id}`);
    const history = (await agent.get(`/api/v1/locations/${location.id}/history?limit=1`)).json();
    expect(history.items).toEqual([expect.objectContaining({ action: 'location.updated', actor: expect.objectContaining({ name: 'Tom Wright' }), changes: { town: { before: 'Nottingham', after: 'Beeston' } } })]);
    const rest = (await agent.get(`/api/v1/locations/${location.id}/history?cursor=${history.nextCursor}`)).json();
    expect(rest.items.map((e: { action: string }) => e.action)).toEqual(['location.created']);
    expect(rest.nextCursor).toBeNull();
  });
});

describe('the list of locations', () => {
  it('lists only what the actor may open, by scope, kind and words or postcode, with coordinates for a map, a page at a time', async () => {
    const own = await create(police, { kind: 'public_space', name: 'Forest Recreation Ground', addressLine1: 'Gregory Boulevard', postcode: 'NG7 6AB', latitude: 52.967, longitude: -1.163 });
    const sharedWithPolice = await create(council, { kind: 'public_space', addressLine1: '2 Forest Road', postcode: 'NG7 6AC' });
    await (await t.as(council)).post(`/api/v1/locations/${sharedWithPolice.id}/access`, { teamId: at('Demo County Police/ASB team').teamId, level: 'view' });
    const hidden = await create(council, { kind: 'public_space', addressLine1: '4 Forest Road', postcode: 'NG7 6AD' });

    const agent = await t.as(police);
    const all = (await agent.get('/api/v1/locations?kind=public_space')).json().items as { id: string; latitude: number | null }[];
    expect(all.map((l) => l.id)).toEqual([own.id, sharedWithPolice.id]);
    expect(all[0]).toMatchObject({ latitude: 52.967, longitude: -1.163 });
    expect((await agent.get('/api/v1/locations?kind=public_space&scope=mine')).json().items.map((l: { id: string }) => l.id)).toEqual([own.id]);
    expect((await agent.get('/api/v1/locations?kind=public_space&scope=shared')).json().items.map((l: { id: string }) => l.id)).toEqual([sharedWithPolice.id]);
    expect((await agent.get('/api/v1/locations?q=forest%20road')).json().items.map((l: { id: string }) => l.id)).toEqual([sharedWithPolice.id]);
    expect((await agent.get('/api/v1/locations?q=2%20forest')).json().items.map((l: { id: string }) => l.id)).toEqual([sharedWithPolice.id]);
    expect((await agent.get('/api/v1/locations?q=ng76')).json().items.map((l: { id: string }) => l.id)).toEqual([own.id, sharedWithPolice.id]);

    const first = (await agent.get('/api/v1/locations?kind=public_space&limit=1')).json();
    expect(first.items.map((l: { id: string }) => l.id)).toEqual([own.id]);
    const second = (await agent.get(`/api/v1/locations?kind=public_space&limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((l: { id: string }) => l.id)).toEqual([sharedWithPolice.id]);
    expect(second.nextCursor).toBeNull();
    expect(all.map((l) => l.id)).not.toContain(hidden.id);

    expectError(await agent.get('/api/v1/locations?cursor=bm9wZQ'), 422, 'validation_failed');
    const audit = await storedAuditEvents(t, { action: 'locations.listed', limit: 50 });
    expect(audit[0]!.details).toMatchObject({ resultCount: 1 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgent, startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { createUserAs } from '../../test/fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const admin = 'admin@concord.test';
const policeAdmin = 'police.admin@concord.test';
const lead = 'police.asb.lead@concord.test';
const practitioner = 'police.asb@concord.test';
const other = 'other.police@concord.test';

const demoCounty = 'Demo County Community Safety Partnership';
const neighbouring = 'Neighbouring County';

interface Named { id: string; name: string; version: number }
interface Org extends Named { kind: string; partnership: { id: string; name: string }; permissions: { canEdit: boolean; canManageTeams: boolean } }
interface Team extends Named { organisation: { id: string; name: string }; partnership: { id: string; name: string } }

let counter = 0;
const unique = (prefix: string) => `${prefix} ${Date.now()} ${counter++}`;

/** Every item of a list, following the cursor. */
async function all<T>(agent: Agent, url: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const response = await agent.get(`${url}${sep}limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.statusCode).toBe(200);
    const page = response.json() as { items: T[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function partnershipNamed(name: string): Promise<Named> {
  const found = (await all<Named>(await t.as(admin), '/api/v1/partnerships')).find((p) => p.name === name);
  if (!found) throw new Error(`no partnership ${name}`);
  return found;
}
async function organisationNamed(name: string): Promise<Org> {
  const found = (await all<Org>(await t.as(admin), '/api/v1/organisations')).find((o) => o.name === name);
  if (!found) throw new Error(`no organisation ${name}`);
  return found;
}
async function teamNamed(organisationId: string, name: string): Promise<Team> {
  const found = (await all<Team>(await t.as(admin), `/api/v1/teams?organisationId=${organisationId}`)).find((x) => x.name === name);
  if (!found) throw new Error(`no team ${name}`);
  return found;
}

/** Reads a record back as the system administrator, to prove what is (or is not) stored. */
async function readBack(path: string) {
  const response = await (await t.as(admin)).get(path);
  expect(response.statusCode).toBe(200);
  return response.json();
}

/** A disposable, fully signed-in account with an enrolled authenticator. */
async function enrolledUser(input: { name: string; role: string; teamId: string }): Promise<Agent> {
  const { email, password } = await createUserAs(t, admin, input);
  const agent = makeAgent(t.app);
  expect((await agent.post('/api/v1/auth/sign-in', { email, password })).statusCode).toBe(200);
  const { secret } = (await agent.get('/api/v1/auth/enrolment')).json() as { secret: string };
  const confirmed = await agent.post('/api/v1/auth/enrolment', { totp: await t.code(email, secret) });
  expect(confirmed.statusCode).toBe(200);
  return agent;
}

function expectError(response: { statusCode: number; json(): unknown }, status: number, code: string) {
  expect({ status: response.statusCode, code: (response.json() as { error?: { code?: string } }).error?.code }).toEqual({ status, code });
}

/** The problems listed for a 422, as field names. */
const fields = (response: { json(): unknown }) => ((response.json() as { error: { details: { field: string }[] } }).error.details ?? []).map((d) => d.field);

describe('the system administrator builds the structure', () => {
  it('creates a partnership, an organisation of a kind, and a team, and reads them back', async () => {
    const agent = await t.as(admin);
    const pName = unique('Westshire Partnership');
    const p = await agent.post('/api/v1/partnerships', { name: pName });
    expect(p.statusCode).toBe(201);
    expect(p.json()).toMatchObject({ name: pName, version: 1, organisationCount: 0 });

    const oName = unique('Westshire Constabulary');
    const o = await agent.post('/api/v1/organisations', { partnershipId: p.json().id, name: oName, kind: 'police' });
    expect(o.statusCode).toBe(201);
    expect(o.json()).toMatchObject({ name: oName, kind: 'police', partnership: { id: p.json().id, name: pName }, version: 1, teamCount: 0, permissions: { canEdit: true, canManageTeams: true } });

    const tName = unique('Westshire ASB team');
    const team = await agent.post('/api/v1/teams', { organisationId: o.json().id, name: tName });
    expect(team.statusCode).toBe(201);
    expect(team.json()).toMatchObject({ name: tName, organisation: { id: o.json().id, name: oName }, partnership: { id: p.json().id, name: pName }, version: 1, userCount: 0 });

    expect(await readBack(`/api/v1/partnerships/${p.json().id}`)).toMatchObject({ name: pName, organisationCount: 1 });
    expect(await readBack(`/api/v1/organisations/${o.json().id}`)).toMatchObject({ name: oName, kind: 'police', teamCount: 1 });
    expect(await readBack(`/api/v1/teams/${team.json().id}`)).toMatchObject({ name: tName, organisation: { id: o.json().id } });
    const listed = await all<Org>(agent, `/api/v1/organisations?partnershipId=${p.json().id}`);
    expect(listed.map((x) => x.id)).toEqual([o.json().id]);
  });

  it('renames a partnership, an organisation and its kind', async () => {
    const agent = await t.as(admin);
    const p = (await agent.post('/api/v1/partnerships', { name: unique('Rename me') })).json();
    const renamed = await agent.patch(`/api/v1/partnerships/${p.id}`, { version: p.version, name: `${p.name} (renamed)` });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: `${p.name} (renamed)`, version: 2 });

    const o = (await agent.post('/api/v1/organisations', { partnershipId: p.id, name: unique('A charity'), kind: 'voluntary' })).json();
    const changed = await agent.patch(`/api/v1/organisations/${o.id}`, { version: o.version, kind: 'victim_services' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: o.name, kind: 'victim_services', version: 2 });
    expect(await readBack(`/api/v1/organisations/${o.id}`)).toMatchObject({ kind: 'victim_services', version: 2 });
  });

  it('refuses duplicate names, in any letter case, naming the field, and stores nothing', async () => {
    const agent = await t.as(admin);
    const demo = await partnershipNamed(demoCounty);
    const police = await organisationNamed('Demo County Police');

    const p = await agent.post('/api/v1/partnerships', { name: demoCounty.toUpperCase() });
    expectError(p, 422, 'validation_failed');
    expect(p.json().error.details).toEqual([{ field: 'name', problem: 'is already the name of a partnership' }]);

    const o = await agent.post('/api/v1/organisations', { partnershipId: demo.id, name: 'demo county police', kind: 'police' });
    expectError(o, 422, 'validation_failed');
    expect(fields(o)).toEqual(['name']);

    const team = await agent.post('/api/v1/teams', { organisationId: police.id, name: 'asb TEAM' });
    expectError(team, 422, 'validation_failed');
    expect(fields(team)).toEqual(['name']);

    expect((await all<Named>(agent, '/api/v1/partnerships')).filter((x) => x.name.toLowerCase() === demoCounty.toLowerCase())).toHaveLength(1);
    expect((await all<Org>(agent, `/api/v1/organisations?partnershipId=${demo.id}`)).filter((x) => x.name.toLowerCase() === 'demo county police')).toHaveLength(1);
    expect((await all<Team>(agent, `/api/v1/teams?organisationId=${police.id}`)).filter((x) => x.name.toLowerCase() === 'asb team')).toHaveLength(1);
  });

  it('allows the same organisation or team name in a different partnership or organisation', async () => {
    const agent = await t.as(admin);
    const neighbouringP = await partnershipNamed(neighbouring);
    const o = await agent.post('/api/v1/organisations', { partnershipId: neighbouringP.id, name: 'Demo Housing Association', kind: 'housing' });
    expect(o.statusCode).toBe(201);
    const team = await agent.post('/api/v1/teams', { organisationId: o.json().id, name: 'ASB team' });
    expect(team.statusCode).toBe(201);
  });

  it('refuses a rename to a name already taken, and keeps the old name', async () => {
    const agent = await t.as(admin);
    const council = await organisationNamed('Demo District Council');
    const response = await agent.patch(`/api/v1/organisations/${council.id}`, { version: council.version, name: 'Demo County Police' });
    expectError(response, 422, 'validation_failed');
    expect(fields(response)).toEqual(['name']);
    expect(await readBack(`/api/v1/organisations/${council.id}`)).toMatchObject({ name: 'Demo District Council', version: council.version });

    const eh = await teamNamed(council.id, 'Environmental Health');
    const teamRename = await agent.patch(`/api/v1/teams/${eh.id}`, { version: eh.version, name: 'community safety TEAM' });
    expectError(teamRename, 422, 'validation_failed');
    expect(fields(teamRename)).toEqual(['name']);
    expect(await readBack(`/api/v1/teams/${eh.id}`)).toMatchObject({ name: 'Environmental Health', version: eh.version });
  });

  it('refuses an organisation in a partnership that does not exist', async () => {
    const response = await (await t.as(admin)).post('/api/v1/organisations', { partnershipId: '00000000-0000-7000-8000-000000000000', name: unique('Nowhere'), kind: 'other' });
    expectError(response, 422, 'validation_failed');
    expect(fields(response)).toEqual(['partnershipId']);
  });
});

describe('an organisation administrator', () => {
  it('creates and renames a team in their own organisation', async () => {
    const agent = await t.as(policeAdmin);
    const police = await organisationNamed('Demo County Police');
    const name = unique('Rural crime team');
    const created = await agent.post('/api/v1/teams', { organisationId: police.id, name });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name, organisation: { id: police.id }, version: 1, permissions: { canEdit: true, canManageUsers: true } });

    const renamed = await agent.patch(`/api/v1/teams/${created.json().id}`, { version: 1, name: `${name} (north)` });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: `${name} (north)`, version: 2 });
    expect(await readBack(`/api/v1/teams/${created.json().id}`)).toMatchObject({ name: `${name} (north)`, version: 2 });
  });

  it('is refused (403) another organisation\'s team, and nothing changes', async () => {
    const agent = await t.as(policeAdmin);
    const council = await organisationNamed('Demo District Council');
    const cs = await teamNamed(council.id, 'Community Safety team');

    const rename = await agent.patch(`/api/v1/teams/${cs.id}`, { version: cs.version, name: 'Taken over by the police' });
    expectError(rename, 403, 'forbidden');
    expect(await readBack(`/api/v1/teams/${cs.id}`)).toMatchObject({ name: 'Community Safety team', version: cs.version });

    const name = unique('Police team in the council');
    const create = await agent.post('/api/v1/teams', { organisationId: council.id, name });
    expectError(create, 403, 'forbidden');
    expect((await all<Team>(await t.as(admin), `/api/v1/teams?organisationId=${council.id}`)).map((x) => x.name)).not.toContain(name);

    // They can still see the team: it is in their partnership, and the page says they cannot edit it.
    const seen = await agent.get(`/api/v1/teams/${cs.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().permissions).toEqual({ canEdit: false, canManageUsers: false });
  });

  it('cannot create or change organisations or partnerships (403), and nothing changes', async () => {
    const agent = await t.as(policeAdmin);
    const police = await organisationNamed('Demo County Police');
    const demo = await partnershipNamed(demoCounty);
    const name = unique('Police-made organisation');
    expectError(await agent.post('/api/v1/organisations', { partnershipId: demo.id, name, kind: 'police' }), 403, 'forbidden');
    expectError(await agent.patch(`/api/v1/organisations/${police.id}`, { version: police.version, name: 'Police (renamed)' }), 403, 'forbidden');
    expectError(await agent.post('/api/v1/partnerships', { name }), 403, 'forbidden');
    expectError(await agent.patch(`/api/v1/partnerships/${demo.id}`, { version: demo.version, name: 'Renamed' }), 403, 'forbidden');
    expect(await readBack(`/api/v1/organisations/${police.id}`)).toMatchObject({ name: 'Demo County Police', version: police.version });
    expect(await readBack(`/api/v1/partnerships/${demo.id}`)).toMatchObject({ name: demoCounty, version: demo.version });
    expect((await all<Org>(await t.as(admin), '/api/v1/organisations')).map((o) => o.name)).not.toContain(name);
  });
});

describe('a team administrator', () => {
  it('cannot create or rename teams, even their own (403)', async () => {
    const agent = await t.as(lead);
    const police = await organisationNamed('Demo County Police');
    const asb = await teamNamed(police.id, 'ASB team');
    const name = unique('Lead-made team');
    expectError(await agent.post('/api/v1/teams', { organisationId: police.id, name }), 403, 'forbidden');
    expectError(await agent.patch(`/api/v1/teams/${asb.id}`, { version: asb.version, name: 'Our ASB team' }), 403, 'forbidden');
    expect((await all<Team>(await t.as(admin), `/api/v1/teams?organisationId=${police.id}`)).map((x) => x.name)).not.toContain(name);
    expect(await readBack(`/api/v1/teams/${asb.id}`)).toMatchObject({ name: 'ASB team', version: asb.version });
  });
});

describe('practitioners', () => {
  it('get 403 on every create and update route, and nothing changes', async () => {
    const demo = await partnershipNamed(demoCounty);
    const police = await organisationNamed('Demo County Police');
    const asb = await teamNamed(police.id, 'ASB team');
    for (const email of [practitioner, 'council.asb@concord.test']) {
      const agent = await t.as(email);
      const name = unique('Practitioner-made');
      const attempts = [
        await agent.post('/api/v1/partnerships', { name }),
        await agent.patch(`/api/v1/partnerships/${demo.id}`, { version: demo.version, name }),
        await agent.post('/api/v1/organisations', { partnershipId: demo.id, name, kind: 'other' }),
        await agent.patch(`/api/v1/organisations/${police.id}`, { version: police.version, name }),
        await agent.post('/api/v1/teams', { organisationId: police.id, name }),
        await agent.patch(`/api/v1/teams/${asb.id}`, { version: asb.version, name }),
      ];
      for (const response of attempts) expectError(response, 403, 'forbidden');
    }
    expect(await readBack(`/api/v1/partnerships/${demo.id}`)).toMatchObject({ name: demoCounty, version: demo.version });
    expect(await readBack(`/api/v1/organisations/${police.id}`)).toMatchObject({ name: 'Demo County Police', version: police.version });
    expect(await readBack(`/api/v1/teams/${asb.id}`)).toMatchObject({ name: 'ASB team', version: asb.version });
    const names = [
      ...(await all<Named>(await t.as(admin), '/api/v1/partnerships')),
      ...(await all<Named>(await t.as(admin), '/api/v1/organisations')),
      ...(await all<Named>(await t.as(admin), '/api/v1/teams')),
    ].map((x) => x.name);
    expect(names.filter((n) => n.startsWith('Practitioner-made'))).toEqual([]);
  });

  it('can read their own partnership\'s structure', async () => {
    const agent = await t.as(practitioner);
    const orgs = await all<Org>(agent, '/api/v1/organisations');
    expect(orgs.map((o) => o.name)).toEqual(expect.arrayContaining(['Demo County Police', 'Demo District Council']));
    expect(orgs.every((o) => o.permissions.canEdit === false)).toBe(true);
  });
});

describe('another partnership', () => {
  let neighbouringAdmin: Agent;

  it('sees only its own organisations and teams in lists', async () => {
    const agent = await t.as(other);
    const demo = await partnershipNamed(demoCounty);
    const neighbouringP = await partnershipNamed(neighbouring);
    const orgs = await all<Org>(agent, '/api/v1/organisations');
    expect(orgs.length).toBeGreaterThan(0);
    expect(orgs.every((o) => o.partnership.id === neighbouringP.id)).toBe(true);
    expect(orgs.map((o) => o.name)).toContain('Neighbouring County Police');
    expect(orgs.map((o) => o.name)).not.toContain('Demo County Police');

    expect((await agent.get(`/api/v1/organisations?partnershipId=${demo.id}`)).json()).toEqual({ items: [], nextCursor: null });
    const teams = await all<Team>(agent, '/api/v1/teams');
    expect(teams.length).toBeGreaterThan(0);
    expect(teams.every((x) => x.partnership.id === neighbouringP.id)).toBe(true);
    const police = await organisationNamed('Demo County Police');
    expect((await agent.get(`/api/v1/teams?organisationId=${police.id}`)).json()).toEqual({ items: [], nextCursor: null });
    expect((await all<Named>(agent, '/api/v1/partnerships')).map((p) => p.id)).toEqual([neighbouringP.id]);
  });

  it('gets 404 not_found for a Demo County partnership, organisation or team, the same as for one that does not exist', async () => {
    const agent = await t.as(other);
    const demo = await partnershipNamed(demoCounty);
    const police = await organisationNamed('Demo County Police');
    const asb = await teamNamed(police.id, 'ASB team');
    const nobody = '00000000-0000-7000-8000-000000000000';
    for (const path of [`/api/v1/partnerships/${demo.id}`, `/api/v1/organisations/${police.id}`, `/api/v1/teams/${asb.id}`]) {
      const response = await agent.get(path);
      expectError(response, 404, 'not_found');
      const unknown = await agent.get(path.replace(/[0-9a-f-]{36}$/, nobody));
      expect(response.json()).toEqual(unknown.json());
    }
  });

  it('as an organisation administrator there, gets 404 on changing a Demo County team and cannot add one', async () => {
    const otherPolice = await organisationNamed('Neighbouring County Police');
    const otherAsb = await teamNamed(otherPolice.id, 'ASB team');
    neighbouringAdmin = await enrolledUser({ name: 'Nell Neighbour', role: 'organisation_admin', teamId: otherAsb.id });

    const police = await organisationNamed('Demo County Police');
    const asb = await teamNamed(police.id, 'ASB team');
    expectError(await neighbouringAdmin.get(`/api/v1/teams/${asb.id}`), 404, 'not_found');
    expectError(await neighbouringAdmin.get(`/api/v1/organisations/${police.id}`), 404, 'not_found');
    expectError(await neighbouringAdmin.patch(`/api/v1/teams/${asb.id}`, { version: asb.version, name: 'Annexed' }), 404, 'not_found');
    expect(await readBack(`/api/v1/teams/${asb.id}`)).toMatchObject({ name: 'ASB team', version: asb.version });

    // Adding a team to a Demo County organisation: the organisation is as unknown as a made-up id.
    const name = unique('Annexe team');
    const create = await neighbouringAdmin.post('/api/v1/teams', { organisationId: police.id, name });
    expectError(create, 422, 'validation_failed');
    expect(fields(create)).toEqual(['organisationId']);
    const madeUp = await neighbouringAdmin.post('/api/v1/teams', { organisationId: '00000000-0000-7000-8000-000000000000', name });
    expect(madeUp.json()).toEqual(create.json());
    expect((await all<Team>(await t.as(admin), `/api/v1/teams?organisationId=${police.id}`)).map((x) => x.name)).not.toContain(name);

    // Organisations are the system administrator's to change, so a PATCH is refused before any lookup.
    expectError(await neighbouringAdmin.patch(`/api/v1/organisations/${police.id}`, { version: police.version, name: 'Annexed' }), 403, 'forbidden');
    expectError(await (await t.as(other)).patch(`/api/v1/teams/${asb.id}`, { version: asb.version, name: 'Annexed' }), 403, 'forbidden');
    expect(await readBack(`/api/v1/organisations/${police.id}`)).toMatchObject({ name: 'Demo County Police', version: police.version });

    // In their own organisation they work as usual.
    const own = await neighbouringAdmin.post('/api/v1/teams', { organisationId: otherPolice.id, name: unique('Neighbouring IOM team') });
    expect(own.statusCode).toBe(201);
  });
});

describe('versions and validation', () => {
  it('answers a stale version with 409 conflict carrying the current record, and keeps it', async () => {
    const agent = await t.as(policeAdmin);
    const police = await organisationNamed('Demo County Police');
    const team = (await agent.post('/api/v1/teams', { organisationId: police.id, name: unique('Versioned team') })).json();
    const first = await agent.patch(`/api/v1/teams/${team.id}`, { version: 1, name: `${team.name} v2` });
    expect(first.statusCode).toBe(200);

    const stale = await agent.patch(`/api/v1/teams/${team.id}`, { version: 1, name: `${team.name} lost update` });
    expectError(stale, 409, 'conflict');
    expect(stale.json().error.details).toHaveLength(1);
    expect(stale.json().error.details[0]).toMatchObject({ id: team.id, name: `${team.name} v2`, version: 2 });
    expect(await readBack(`/api/v1/teams/${team.id}`)).toMatchObject({ name: `${team.name} v2`, version: 2 });

    const future = await agent.patch(`/api/v1/teams/${team.id}`, { version: 7, name: `${team.name} from the future` });
    expectError(future, 409, 'conflict');
  });

  it('does the same for organisations and partnerships', async () => {
    const agent = await t.as(admin);
    const p = (await agent.post('/api/v1/partnerships', { name: unique('Versioned partnership') })).json();
    expect((await agent.patch(`/api/v1/partnerships/${p.id}`, { version: 1, name: `${p.name} v2` })).statusCode).toBe(200);
    const staleP = await agent.patch(`/api/v1/partnerships/${p.id}`, { version: 1, name: `${p.name} lost` });
    expectError(staleP, 409, 'conflict');
    expect(staleP.json().error.details[0]).toMatchObject({ id: p.id, name: `${p.name} v2`, version: 2 });

    const o = (await agent.post('/api/v1/organisations', { partnershipId: p.id, name: unique('Versioned org'), kind: 'health' })).json();
    expect((await agent.patch(`/api/v1/organisations/${o.id}`, { version: 1, kind: 'education' })).statusCode).toBe(200);
    const staleO = await agent.patch(`/api/v1/organisations/${o.id}`, { version: 1, kind: 'youth' });
    expectError(staleO, 409, 'conflict');
    expect(staleO.json().error.details[0]).toMatchObject({ id: o.id, kind: 'education', version: 2 });
    expect(await readBack(`/api/v1/organisations/${o.id}`)).toMatchObject({ kind: 'education', version: 2 });
  });

  it('refuses a PATCH without a version', async () => {
    const agent = await t.as(policeAdmin);
    const police = await organisationNamed('Demo County Police');
    const asb = await teamNamed(police.id, 'ASB team');
    const response = await agent.patch(`/api/v1/teams/${asb.id}`, { name: 'No version' });
    expectError(response, 422, 'validation_failed');
    expect(fields(response)).toEqual(['version']);
    expect(await readBack(`/api/v1/teams/${asb.id}`)).toMatchObject({ name: 'ASB team' });
  });

  it('refuses unknown fields, naming them', async () => {
    const agent = await t.as(admin);
    const demo = await partnershipNamed(demoCounty);
    const name = unique('Sneaky');
    const o = await agent.post('/api/v1/organisations', { partnershipId: demo.id, name, kind: 'other', partnershipAdmin: true });
    expectError(o, 422, 'validation_failed');
    expect(o.json().error.details).toEqual([{ field: 'partnershipAdmin', problem: 'is not a field we accept' }]);

    const police = await organisationNamed('Demo County Police');
    const team = await agent.post('/api/v1/teams', { organisationId: police.id, name, id: '00000000-0000-7000-8000-000000000001' });
    expectError(team, 422, 'validation_failed');
    expect(fields(team)).toEqual(['id']);

    const patch = await agent.patch(`/api/v1/organisations/${police.id}`, { version: police.version, partnershipId: demo.id });
    expectError(patch, 422, 'validation_failed');
    expect(fields(patch)).toEqual(['partnershipId']);

    expect((await all<Named>(agent, '/api/v1/organisations')).map((x) => x.name)).not.toContain(name);
    expect((await all<Named>(agent, '/api/v1/teams')).map((x) => x.name)).not.toContain(name);
  });

  it('refuses a name of 201 characters, a blank name and an unknown kind; accepts 200 characters', async () => {
    const agent = await t.as(admin);
    const demo = await partnershipNamed(demoCounty);
    const police = await organisationNamed('Demo County Police');
    const long = `${unique('L')} `.padEnd(201, 'x');
    expect(long).toHaveLength(201);

    for (const response of [
      await agent.post('/api/v1/partnerships', { name: long }),
      await agent.post('/api/v1/organisations', { partnershipId: demo.id, name: long, kind: 'other' }),
      await agent.post('/api/v1/teams', { organisationId: police.id, name: long }),
      await agent.patch(`/api/v1/teams/${(await teamNamed(police.id, 'IOM team')).id}`, { version: 1, name: long }),
    ]) {
      expectError(response, 422, 'validation_failed');
      expect(response.json().error.details).toEqual([{ field: 'name', problem: 'must be at most 200 characters' }]);
    }
    const blank = await agent.post('/api/v1/teams', { organisationId: police.id, name: '   ' });
    expectError(blank, 422, 'validation_failed');
    expect(fields(blank)).toEqual(['name']);
    const kind = await agent.post('/api/v1/organisations', { partnershipId: demo.id, name: unique('Kindless'), kind: 'spies' });
    expectError(kind, 422, 'validation_failed');
    expect(fields(kind)).toEqual(['kind']);

    const teams = await all<Team>(agent, `/api/v1/teams?organisationId=${police.id}`);
    expect(teams.map((x) => x.name)).not.toContain(long);
    expect(teams.find((x) => x.name === 'IOM team')?.version).toBe(1);

    const exactly200 = long.slice(0, 200);
    const ok = await agent.post('/api/v1/teams', { organisationId: police.id, name: exactly200 });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().name).toBe(exactly200);
  });

  it('answers a malformed id with 404, not a 500', async () => {
    expectError(await (await t.as(admin)).get('/api/v1/teams/not-a-uuid'), 404, 'not_found');
  });
});

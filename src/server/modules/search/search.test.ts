import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedAuditEvents } from '../../test/audit.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { loadStructure } from '../sharing/records.fixtures.ts';

let t: TestApp;
const police = 'police.asb@concord.test';
const council = 'council.asb@concord.test';
const other = 'other.police@concord.test';

interface Result { kind: string; id: string; title: string; subtitle: string | null; accessible: boolean; owner: { team: { name: string }; organisation: { name: string } }; score: number }

async function created(email: string, path: string, body: Record<string, unknown>) {
  const response = await (await t.as(email)).post(path, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; reference?: string };
}

const person = (firstName: string, lastName: string, extra: Record<string, unknown> = {}) =>
  ({ firstName, lastName, reasonCreated: 'Reported by a neighbour', confirmNoDuplicate: true, ...extra });

async function search(email: string, q: string, extra = ''): Promise<Result[]> {
  const response = await (await t.as(email)).get(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

const ids = (results: Result[]) => results.map((r) => r.id);

// The records, by name.
const R: Record<string, string> = {};
let reference = '';
let councilReference = '';

beforeAll(async () => {
  t = await startTestApp();
  R.stephen = (await created(police, '/api/v1/profiles', person('Stephen', 'Smith', {
    dateOfBirth: '1985-03-12', aliases: [{ firstName: 'Lenny', lastName: 'Blackwood' }], roles: ['perpetrator'], riskLevel: 'high', warningMarkers: ['violence'],
  }))).id;
  R.margaret = (await created(council, '/api/v1/profiles', person('Margaret', 'Thornton', {
    dateOfBirth: '1979-11-02', aliases: [{ firstName: 'Peggy', lastName: 'Hartley' }], roles: ['victim'], riskLevel: 'medium', warningMarkers: ['visit-in-pairs'],
  }))).id;
  R.merged = (await created(police, '/api/v1/profiles', person('Stephen', 'Smyth', { dateOfBirth: '1985-03-12' }))).id;
  await t.database.db.execute(sql`update profiles set merged_into_id = ${R.stephen}, merged_at = now() where id = ${R.merged}`);
  R.neighbour = (await created(other, '/api/v1/profiles', person('Stephen', 'Smith', { dateOfBirth: '1985-03-12' }))).id;

  const noise = await created(police, '/api/v1/cases', { caseType: 'ASB', title: 'Noise nuisance at Riverside flats' });
  R.noise = noise.id;
  reference = noise.reference!;
  const graffiti = await created(council, '/api/v1/cases', { caseType: 'ASB', title: 'Graffiti on the underpass' });
  R.graffiti = graffiti.id;
  councilReference = graffiti.reference!;

  R.acacia = (await created(police, '/api/v1/locations', { kind: 'home', addressLine1: '12 Acacia Avenue', town: 'Nottingham', postcode: 'NG1 5AB' })).id;
  R.canal = (await created(council, '/api/v1/locations', { name: 'Riverside flats', addressLine1: '3 Canal Street', town: 'Nottingham', postcode: 'NG2 3AA' })).id;
  R.neighbourAcacia = (await created(other, '/api/v1/locations', { kind: 'home', addressLine1: '12 Acacia Avenue', postcode: 'NG1 5AB' })).id;
});
afterAll(() => t.close());

describe('finding people', () => {
  it('finds a misspelt name', async () => {
    const [first] = await search(police, 'Stehpen Smith');
    expect(first).toMatchObject({ kind: 'profile', id: R.stephen, title: 'Stephen Smith', subtitle: 'Born 12 Mar 1985', accessible: true, owner: { organisation: { name: 'Demo County Police' } } });
  });

  it('finds a name by part of a word, across an apostrophe or a hyphen, only in the searcher\'s partnership', async () => {
    const siobhan = (await created(police, '/api/v1/profiles', person('Siobhán', "O'Neill-Hartigan"))).id;
    const elsewhere = (await created(other, '/api/v1/profiles', person('Siobhán', "O'Neill-Hartigan"))).id;
    for (const q of ["Siobhan O'Neill-Hartigan", 'siobhan hartigan', "o'neill", 'neill-hart', 'Siob Hartig']) {
      const found = ids(await search(police, q));
      expect(found, q).toContain(siobhan);
      expect(found, q).not.toContain(elsewhere);
    }
    expect(ids(await search(other, 'Hartigan'))).toEqual([elsewhere]);
  });

  it('finds a name that sounds alike, leaving out a merged duplicate', async () => {
    const results = await search(police, 'Stefan Smythe');
    expect(ids(results)).toContain(R.stephen);
    expect(ids(results)).not.toContain(R.merged);
  });

  it('finds an alias, saying so to those who may open the profile', async () => {
    const [first] = await search(police, 'Lenny Blackwood');
    expect(first).toMatchObject({ id: R.stephen, title: 'Stephen Smith', subtitle: 'Born 12 Mar 1985 · also known as Lenny Blackwood' });
  });

  it('finds people by date of birth, written either way, alone or with a name', async () => {
    expect(ids(await search(police, '12/03/1985'))).toEqual([R.stephen]);
    expect(ids(await search(police, '1985-03-12'))).toEqual([R.stephen]);
    expect((await search(police, 'smith 12/03/1985'))[0]!.id).toBe(R.stephen);
  });
});

describe('finding cases and places', () => {
  it('finds a case by its reference, in any case or by its start, and by a word of its title', async () => {
    const [exact] = await search(police, reference.toLowerCase());
    expect(exact).toMatchObject({ kind: 'case', id: R.noise, title: 'Noise nuisance at Riverside flats', accessible: true, score: 1 });
    expect(exact!.subtitle).toContain(reference);
    expect(ids(await search(police, reference.split('/').slice(0, 2).join('/')))).toEqual(expect.arrayContaining([R.noise, R.graffiti]));
    expect(ids(await search(police, 'nuisance'))).toContain(R.noise);
  });

  it('finds a location by postcode, with or without the space, and by street', async () => {
    expect((await search(police, 'NG1 5AB'))[0]).toMatchObject({ kind: 'location', id: R.acacia, title: '12 Acacia Avenue', subtitle: 'Nottingham, NG1 5AB', accessible: true });
    expect((await search(police, 'ng15ab'))[0]!.id).toBe(R.acacia);
    expect(ids(await search(police, 'ng1'))).toContain(R.acacia);
    expect(ids(await search(police, 'acacia avenue'))).toContain(R.acacia);
  });

  it('keeps to one kind when asked', async () => {
    const results = await search(police, 'riverside', '&kind=location');
    expect(results.map((r) => r.kind)).toEqual(['location']);
    expect(ids(results)).toEqual([R.canal]);
  });
});

describe('what the searcher may see', () => {
  it('shows another agency\'s records as locked stubs: name and date of birth, reference and title, address, and the owner', async () => {
    const [margaret] = await search(police, 'Peggy Hartley');
    expect(margaret).toEqual({
      kind: 'profile', id: R.margaret, title: 'Margaret Thornton', subtitle: 'Born 2 Nov 1979', accessible: false,
      owner: { team: expect.objectContaining({ name: 'Community Safety team' }), organisation: expect.objectContaining({ name: 'Demo District Council' }) },
      score: expect.any(Number),
      safety: null,
    });
    const [graffiti] = await search(police, 'graffiti underpass');
    expect(graffiti).toMatchObject({ kind: 'case', id: R.graffiti, title: 'Graffiti on the underpass', subtitle: councilReference, accessible: false, owner: { organisation: { name: 'Demo District Council' } } });
    const [canal] = await search(police, 'canal street');
    expect(canal).toMatchObject({ kind: 'location', id: R.canal, title: 'Riverside flats, 3 Canal Street', accessible: false, owner: { organisation: { name: 'Demo District Council' } } });
  });

  it('shows the age, roles, risk and warning markers of a person the searcher may open, and none of them on a stub', async () => {
    const age = new Date().getUTCFullYear() - 1985 - (new Date().toISOString().slice(5, 10) < '03-12' ? 1 : 0);
    const [stephen] = await search(police, 'Stephen Smith');
    expect(stephen).toMatchObject({
      id: R.stephen, accessible: true,
      safety: { age, roles: ['perpetrator'], riskLevel: 'high', warningMarkers: [{ key: 'violence', name: 'Violence' }] },
    });
    const [margaret] = await search(council, 'Margaret Thornton');
    expect(margaret).toMatchObject({ id: R.margaret, safety: { riskLevel: 'medium', warningMarkers: [{ key: 'visit-in-pairs' }] } });
    const locked = await (await t.as(police)).get(`/api/v1/search?q=${encodeURIComponent('Margaret Thornton')}`);
    expect(locked.body).not.toContain('Visit in pairs');
    expect(locked.body).not.toContain('medium');
    const [graffiti] = await search(council, 'graffiti underpass');
    expect(graffiti).toMatchObject({ kind: 'case', safety: null });
  });

  it('never shows another partnership\'s records, either way round', async () => {
    const ours = await search(police, 'Stephen Smith');
    expect(ids(ours)).toContain(R.stephen);
    expect(ids(ours)).not.toContain(R.neighbour);
    expect(ids(await search(police, 'ng15ab'))).not.toContain(R.neighbourAcacia);

    expect(ids(await search(other, 'Stephen Smith'))).toEqual([R.neighbour]);
    expect(ids(await search(other, 'ng15ab'))).toEqual([R.neighbourAcacia]);
    expect(await search(other, reference)).toEqual([]);
    expect(await search(other, 'Margaret Thornton')).toEqual([]);
    expect(await search(other, 'riverside')).toEqual([]);
  });

  it('records each search with its query and the number of results', async () => {
    const results = await search(council, 'Thornton');
    const audit = await storedAuditEvents(t, { action: 'search.performed', limit: 50 });
    expect(audit[0]).toMatchObject({ actor: { name: 'Jo Evans' } });
    expect(audit[0]!.details).toEqual({ query: 'Thornton', kind: null, resultCount: results.length });
  });

  it('refuses a blank query', async () => {
    const response = await (await t.as(police)).get('/api/v1/search?q=%20');
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
  });
});

const textArray = (values: string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

describe('names spelt another way', () => {
  beforeAll(async () => {
    R.ellen = (await created(police, '/api/v1/profiles', person('Ellen', 'Thompson'))).id;
    R.graham = (await created(police, '/api/v1/profiles', person('Graham', 'Nicholls'))).id;
    R.sean = (await created(council, '/api/v1/profiles', person('Sean', 'Rodgers'))).id;
  });

  it('keys the common British variants alike that Double Metaphone keys apart, and keeps other names apart', async () => {
    const alike = [
      ['Thompson', 'Tomson'], ['Thompson', 'Thomson'], ['Simpson', 'Simson'], ['Sampson', 'Samson'], ['Shepherd', 'Sheppard'],
      ['Nicholls', 'Nichols'], ['Nicholson', 'Nicolson'], ['Nicholas', 'Nicolas'], ['Rodgers', 'Rogers'], ['McIntosh', 'Mackintosh'],
      ['Graham', 'Graeme'], ['Anthony', 'Antony'], ['Theresa', 'Teresa'], ['Nathalie', 'Natalie'], ['Micheal', 'Michael'], ['Seán', 'Shaun'],
      // Alike already, and still.
      ['Phillips', 'Philips'], ['Matthews', 'Mathews'], ['Stephenson', 'Stevenson'], ['Smith', 'Smyth'], ['Johnson', 'Jonson'],
      ['Anderson', 'Andersen'], ['Macdonald', 'McDonald'], ['Clarke', 'Clark'], ['Catherine', 'Kathryn'], ['Zoë', 'Zoe'],
    ];
    const apart = [['Robinson', 'Robson'], ['Michael', 'Michelle'], ['Mace', 'Mack'], ['Thompson', 'Thomas'], ['Sean', 'Sam']];
    const { rows } = await t.database.db.execute<{ a: string; b: string; alike: boolean }>(sql`
      select a, b, name_sound(a) = name_sound(b) as alike
        from unnest(${textArray([...alike, ...apart].map(([a]) => a!))}, ${textArray([...alike, ...apart].map(([, b]) => b!))}) as pair(a, b)`);
    expect(rows.filter((r) => !r.alike).map((r) => [r.a, r.b])).toEqual(apart);
    const { rows: [kept] } = await t.database.db.execute<{ changed: number }>(sql`
      select count(*)::int as changed from unnest(${textArray(['Smith', 'Jones', 'Williams', 'Brown', 'Taylor', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Roberts', 'Wright', 'Walker', 'Siobhán', "O'Brien", 'Mohammed', 'Macey'])}) n
       where name_sound(n) <> dmetaphone(unaccent(n))`);
    expect(kept!.changed).toBe(0);
  });

  it('finds a person by a variant of their name from the search box', async () => {
    expect((await search(police, 'Ellen Tomson'))[0]).toMatchObject({ id: R.ellen, title: 'Ellen Thompson' });
    expect(ids(await search(police, 'Tomson'))).toContain(R.ellen);
    expect(ids(await search(police, 'Graeme Nicolls'))).toContain(R.graham);
    // Found by its sound, another agency's person is still a stub.
    const [sean] = await search(police, 'Shaun Rogers');
    expect(sean).toMatchObject({ id: R.sean, title: 'Sean Rodgers', accessible: false, safety: null });
    expect(await search(other, 'Ellen Tomson')).toEqual([]);
  });

  it('offers them as likely matches on the create form', async () => {
    const response = await (await t.as(council)).get('/api/v1/profiles/matches?firstName=Ellen&lastName=Tomson');
    expect(response.statusCode, response.body).toBe(200);
    const [match] = response.json().items;
    expect(match).toMatchObject({ profile: { id: R.ellen, firstName: 'Ellen', lastName: 'Thompson' }, accessible: false });
    expect(match.reasons).toContain('sounds alike');
    expect((await (await t.as(other)).get('/api/v1/profiles/matches?firstName=Ellen&lastName=Tomson')).json().items).toEqual([]);
  });

  it('re-keys the names recorded before the migration', async () => {
    const migration = readFileSync(new URL('../../db/migrations/0012_name_sounds_and_address_search.sql', import.meta.url), 'utf8');
    const rekey = migration.split('--> statement-breakpoint').find((statement) => statement.includes('UPDATE profile_names'))!;
    await t.database.db.execute(sql`
      update profile_names set first_sound = dmetaphone(unaccent(first_name)), last_sound = dmetaphone(unaccent(last_name)) where profile_id = ${R.ellen}`);
    expect(ids(await search(police, 'Tomson'))).not.toContain(R.ellen);
    await t.database.db.execute(sql.raw(rekey));
    expect(ids(await search(police, 'Tomson'))).toContain(R.ellen);
  });
});

describe('finding people by where they live', () => {
  const market = (line1: string, extra: Record<string, unknown> = {}) => ({ addressLine1: line1, town: 'Newark', postcode: 'ng24 1ab', ...extra });

  beforeAll(async () => {
    R.alfred = (await created(police, '/api/v1/profiles', person('Alfred', 'Pennington', { dateOfBirth: '1950-06-01', addresses: [market('4 Market Place')] }))).id;
    R.mabel = (await created(police, '/api/v1/profiles', person('Mabel', 'Ashworth', {
      addresses: [market('9 Market Place', { fromDate: '2015-01-01', toDate: '2020-05-31' }), { addressLine1: '1 Castle Gate', town: 'Newark', postcode: 'NG24 1BG', fromDate: '2020-06-01' }],
    }))).id;
    R.walter = (await created(police, '/api/v1/profiles', person('Walter', 'Castle', { addresses: [{ addressLine1: '3 Castle Gate', town: 'Newark', postcode: 'NG24 1BG' }] }))).id;
    R.dorothy = (await created(council, '/api/v1/profiles', person('Dorothy', 'Fairweather', { dateOfBirth: '1948-02-14', addresses: [market('6 Market Place')] }))).id;
    R.cyril = (await created(other, '/api/v1/profiles', person('Cyril', 'Pennington', { addresses: [market('4 Market Place')] }))).id;
  });

  it('finds the people at a whole postcode, in any case or spacing, saying where, past addresses too', async () => {
    const results = await search(police, 'NG24 1AB');
    expect(results.find((r) => r.id === R.alfred)).toMatchObject({ kind: 'profile', title: 'Alfred Pennington', subtitle: 'Born 1 Jun 1950 · 4 Market Place, Newark, NG24 1AB', accessible: true });
    expect(results.find((r) => r.id === R.mabel)).toMatchObject({ subtitle: '9 Market Place, Newark, NG24 1AB, until 31 May 2020', accessible: true });
    expect(ids(await search(police, 'ng241ab'))).toEqual(expect.arrayContaining([R.alfred, R.mabel]));
    expect(ids(await search(police, '  Ng24   1aB '))).toEqual(expect.arrayContaining([R.alfred, R.mabel]));
    expect(ids(await search(police, 'NG24 1AB', '&kind=location'))).toEqual([]);
  });

  it('finds them by street when the words name nobody, and a person found by birth and by address once', async () => {
    const [first, ...rest] = await search(police, '4 market place');
    expect(first!.id).toBe(R.alfred);
    expect(ids(rest)).toContain(R.mabel);
    expect(ids(await search(police, 'castle gate'))).toEqual(expect.arrayContaining([R.walter, R.mabel]));
    expect(ids(await search(police, 'castle'))).toEqual([R.walter]);
    expect(ids(await search(police, 'NG24 1AB 01/06/1950')).filter((id) => id === R.alfred)).toHaveLength(1);
  });

  it('finds nobody by a postcode district alone', async () => {
    expect(ids(await search(police, 'NG24'))).not.toContain(R.alfred);
  });

  it('never names by their address someone the searcher may not open, and finds them once shared', async () => {
    const police1AB = await (await t.as(police)).get('/api/v1/search?q=NG24%201AB');
    expect(police1AB.json().items.map((r: Result) => r.id)).not.toContain(R.dorothy);
    expect(police1AB.body).not.toContain('Fairweather');
    expect(ids(await search(police, 'Market Place'))).not.toContain(R.dorothy);

    // The council finds its own, and the police's people only by name, as stubs without the address.
    expect(ids(await search(council, 'NG24 1AB'))).toEqual([R.dorothy]);
    const byName = await (await t.as(council)).get(`/api/v1/search?q=${encodeURIComponent('Alfred Pennington')}`);
    expect(byName.json().items[0]).toMatchObject({ id: R.alfred, subtitle: 'Born 1 Jun 1950', accessible: false });
    expect(byName.body).not.toContain('Market Place');

    const place = await loadStructure(t);
    const shared = await (await t.as(council)).post(`/api/v1/profiles/${R.dorothy}/access`, { teamId: place.team('Demo County Police/ASB team').teamId, level: 'view' });
    expect(shared.statusCode, shared.body).toBeLessThan(300);
    expect((await search(police, 'NG24 1AB')).find((r) => r.id === R.dorothy)).toMatchObject({ subtitle: 'Born 14 Feb 1948 · 6 Market Place, Newark, NG24 1AB', accessible: true });
  });

  it('keeps to the searcher\'s partnership, either way round', async () => {
    expect(ids(await search(police, 'NG24 1AB'))).not.toContain(R.cyril);
    expect(ids(await search(other, 'NG24 1AB'))).toEqual([R.cyril]);
    expect(ids(await search(other, 'market place'))).toEqual([R.cyril]);
  });
});

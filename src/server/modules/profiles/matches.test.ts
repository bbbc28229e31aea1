import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profiles } from '../../db/schema/index.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, expectError, people } from './profiles.fixtures.ts';

let t: TestApp;

interface Match {
  profile: { id: string; firstName: string; lastName: string; dateOfBirth: string | null };
  score: number;
  reasons: string[];
  accessible: boolean;
  owner: { team: { name: string }; organisation: { name: string } };
}

const seeded: Record<string, { id: string }> = {};

beforeAll(async () => {
  t = await startTestApp();
  const police = await t.as(people.police);
  seeded.john = await createProfile(police, { firstName: 'John', lastName: 'Smith', dateOfBirth: '1980-05-01', riskLevel: 'high', warningMarkers: ['violence'] });
  seeded.phillip = await createProfile(police, { firstName: 'Phillip', lastName: 'Knight' });
  seeded.alexandra = await createProfile(police, { firstName: 'Alexandra', lastName: 'Richardson' });
  seeded.robert = await createProfile(police, { firstName: 'Robert', lastName: 'Baxter', aliases: [{ firstName: 'Bobby', lastName: 'Dazzler' }] });
  seeded.dob = await createProfile(police, { firstName: 'Quentin', lastName: 'Quayle', dateOfBirth: '1975-11-23' });
  seeded.marjorie = await createProfile(await t.as(people.housing), { firstName: 'Marjorie', lastName: 'Pennington', dateOfBirth: '1950-02-14', keyInformation: 'Not for other agencies', riskLevel: 'medium', warningMarkers: ['visit-in-pairs'] });
  seeded.elsewhere = await createProfile(await t.as(people.other), { firstName: 'John', lastName: 'Smith', dateOfBirth: '1980-05-01' });
});
afterAll(() => t.close());

async function matches(email: string, query: string): Promise<Match[]> {
  const response = await (await t.as(email)).get(`/api/v1/profiles/matches?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

describe('search and signpost', () => {
  it('finds a name spelled differently', async () => {
    const [best] = await matches(people.police, 'firstName=Jon&lastName=Smyth');
    expect(best).toMatchObject({ profile: { id: seeded.john!.id, firstName: 'John', lastName: 'Smith', dateOfBirth: '1980-05-01' }, accessible: true });
    expect(best!.score).toBeGreaterThanOrEqual(0.6);
    expect(best!.reasons).toEqual(expect.arrayContaining(['sounds alike']));
    // Whoever is about to record this person sees the markers of the one already there.
    expect(best).toMatchObject({ safety: { riskLevel: 'high', warningMarkers: [{ key: 'violence', name: 'Violence' }] } });
  });

  it('finds a mistyped name that neither contains nor sounds like the one typed', async () => {
    const [best] = await matches(people.police, 'firstName=Alexandra&lastName=Ricardson');
    expect(best).toMatchObject({ profile: { id: seeded.alexandra!.id }, reasons: ['similar name'] });
    expect(best!.score).toBeGreaterThanOrEqual(0.6);
  });

  it('finds names that sound alike however differently they are spelled', async () => {
    const found = await matches(people.police, 'firstName=Filip&lastName=Nite');
    expect(found[0]).toMatchObject({ profile: { id: seeded.phillip!.id }, reasons: ['sounds alike'] });
    expect(found[0]!.score).toBeGreaterThanOrEqual(0.6);
  });

  it('finds a person by an alias', async () => {
    const found = await matches(people.police, 'firstName=Bobby&lastName=Dazzler');
    expect(found[0]).toMatchObject({ profile: { id: seeded.robert!.id, firstName: 'Robert' }, reasons: expect.arrayContaining(['same name', 'alias: Bobby Dazzler']) });
    expect(found[0]!.score).toBeGreaterThanOrEqual(0.9);
  });

  it('does not tell another agency which alias matched a profile they cannot open', async () => {
    const [found] = await matches(people.council, 'firstName=Bobby&lastName=Dazzler');
    expect(found).toMatchObject({ profile: { id: seeded.robert!.id }, accessible: false, reasons: expect.arrayContaining(['matches another name they are known by']) });
    expect(JSON.stringify(found)).not.toContain('Dazzler');
  });

  it('finds a person by date of birth alone, and ranks the same date above a different one', async () => {
    const byDate = await matches(people.police, 'dateOfBirth=1975-11-23');
    expect(byDate.map((m) => m.profile.id)).toEqual([seeded.dob!.id]);
    expect(byDate[0]!.reasons).toEqual(['same date of birth']);

    const [same] = await matches(people.police, 'firstName=John&lastName=Smith&dateOfBirth=1980-05-01');
    const [different] = await matches(people.police, 'firstName=John&lastName=Smith&dateOfBirth=1999-01-01');
    expect(same).toMatchObject({ profile: { id: seeded.john!.id }, score: 1, reasons: ['same name', 'sounds alike', 'same date of birth'] });
    expect(different!.reasons).toContain('different date of birth');
    expect(different!.score).toBeLessThan(0.6);
  });

  it('shows a locked stub for a profile held by another agency, with who holds it', async () => {
    const found = await matches(people.police, 'firstName=Marjorie&lastName=Penington');
    expect(found[0]).toEqual({
      profile: { id: seeded.marjorie!.id, firstName: 'Marjorie', lastName: 'Pennington', dateOfBirth: '1950-02-14' },
      score: expect.any(Number),
      reasons: expect.any(Array),
      accessible: false,
      owner: { team: { id: expect.any(String), name: 'Tenancy team' }, organisation: { id: expect.any(String), name: 'Demo Housing Association' } },
      safety: null,
    });
    expectError(await (await t.as(people.police)).get(`/api/v1/profiles/${seeded.marjorie!.id}`), 403, 'no_access');
  });

  it('never crosses into the other partnership', async () => {
    const ours = await matches(people.police, 'firstName=John&lastName=Smith&dateOfBirth=1980-05-01');
    expect(ours.map((m) => m.profile.id)).not.toContain(seeded.elsewhere!.id);
    const theirs = await matches(people.other, 'firstName=John&lastName=Smith&dateOfBirth=1980-05-01');
    expect(theirs.map((m) => m.profile.id)).toEqual([seeded.elsewhere!.id]);
    expect(await matches(people.other, 'firstName=Marjorie&lastName=Pennington')).toEqual([]);
  });

  it('leaves out merged profiles', async () => {
    const police = await t.as(people.police);
    const duplicate = await createProfile(police, { firstName: 'Mervyn', lastName: 'Merged' });
    const survivor = await createProfile(police, { firstName: 'Mervyn', lastName: 'Merged' });
    await t.database.db.update(profiles).set({ mergedIntoId: survivor.id, mergedAt: new Date() }).where(eq(profiles.id, duplicate.id));
    expect((await matches(people.police, 'firstName=Mervyn&lastName=Merged')).map((m) => m.profile.id)).toEqual([survivor.id]);
  });

  it('returns at most ten, best first', async () => {
    const police = await t.as(people.police);
    for (let i = 0; i < 12; i++) await createProfile(police, { firstName: 'Tenby', lastName: `Many${'x'.repeat(i)}` });
    const found = await matches(people.police, 'firstName=Tenby&lastName=Many');
    expect(found).toHaveLength(10);
    expect(found[0]!.profile.lastName).toBe('Many');
    expect(found.map((m) => m.score)).toEqual([...found.map((m) => m.score)].sort((a, b) => b - a));
  });

  it('records each search with what was asked', async () => {
    const council = await t.as(people.council);
    await council.get('/api/v1/profiles/matches?firstName=Audit&lastName=Trail');
    const me = (await council.get('/api/v1/me')).json();
    const [event] = await auditOf(t, `actorId=${me.id}&action=profiles.matched`);
    expect(event!.details).toMatchObject({ query: { firstName: 'Audit', lastName: 'Trail' }, count: 0 });
  });

  it('needs a name or a date of birth', async () => {
    const response = await (await t.as(people.police)).get('/api/v1/profiles/matches');
    expectError(response, 422, 'validation_failed');
    expect(response.json().error.details).toEqual([{ field: 'lastName', problem: 'give a name or a date of birth to look for' }]);
  });
});

describe('the duplicate check on create', () => {
  it('stops a likely duplicate until the person confirms', async () => {
    const council = await t.as(people.council);
    const body = { firstName: 'Jon', lastName: 'Smyth', reasonCreated: 'Reported for noise' };
    const refused = await council.post('/api/v1/profiles', body);
    expectError(refused, 409, 'possible_duplicate');
    expect(refused.json().error.details[0]).toMatchObject({ profile: { id: seeded.john!.id }, accessible: false, owner: { organisation: { name: 'Demo County Police' } } });
    const attempts = await auditOf(t, 'action=profile.created');
    expect(attempts.find((e) => e.outcome === 'refused')).toMatchObject({ details: { code: 'possible_duplicate', shown: [seeded.john!.id] } });

    const confirmed = await council.post('/api/v1/profiles', { ...body, confirmNoDuplicate: true });
    expect(confirmed.statusCode).toBe(201);
  });

  it('lets a new person through without asking', async () => {
    const response = await (await t.as(people.council)).post('/api/v1/profiles', { firstName: 'Ysolde', lastName: 'Zebedee-Unique', reasonCreated: 'New referral' });
    expect(response.statusCode, response.body).toBe(201);
  });
});

import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profiles } from '../../db/schema/index.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, enrolledUser, expectError, people, teamIdOf } from '../profiles/profiles.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const header = 'First name,Last name,Date of birth,Gender,Ethnicity,Aliases,Roles,Vulnerabilities,Warning markers,Phone,Email,Address line 1,Town,Postcode,Key information,Reason created';
const csvOf = (...rows: string[]) => [header, ...rows].join('\n');
const importCsv = (agent: Agent, csv: string, dryRun: boolean) => agent.post('/api/v1/profile-imports', { csv, dryRun });

async function profilesNamed(lastNames: string[]) {
  return t.database.db.select().from(profiles).where(inArray(profiles.lastName, lastNames));
}

describe('a dry run', () => {
  it('reports each row, names the fields of a bad one, and creates nothing', async () => {
    const lead = await t.as(people.lead);
    const response = await importCsv(lead, csvOf(
      'Ada,Dryrun,1984-06-01,female,Irish,,victim,,,,,,,,,Referred by housing',
      'Bea,Dryrunbad,31/02/1990,Female,,,,Made up vulnerability,,,,,,,,',
      'Cy,Dryrunok,12/11/1975,,,,,,,,,,,,,Named in ASB referral',
    ), true);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.dryRun).toBe(true);
    expect(report.summary).toEqual({ create: 2, match: 0, error: 1 });
    expect(report.rows.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([[2, 'create'], [3, 'error'], [4, 'create']]);
    const fields = report.rows[1].problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['dateOfBirth', 'vulnerabilities', 'reasonCreated']));
    expect(report.rows[1].problems.find((p: { field: string }) => p.field === 'vulnerabilities').problem).toContain('Made up vulnerability');
    expect(await profilesNamed(['Dryrun', 'Dryrunbad', 'Dryrunok'])).toEqual([]);
  });

  it('reports a file it cannot read, or whose columns it does not know, as a whole', async () => {
    const lead = await t.as(people.lead);
    const unknown = await importCsv(lead, 'First name,Last name,Shoe size,Reason created\nA,B,9,C', true);
    expectError(unknown, 422, 'validation_failed');
    expect(unknown.json().error.details[0]).toMatchObject({ field: 'csv', problem: expect.stringContaining('Shoe size') });
    const missing = await importCsv(lead, 'First name,Last name\nA,B', true);
    expect(missing.json().error.details).toEqual([{ field: 'csv', problem: 'needs a "reason created" column' }]);
    expectError(await importCsv(lead, 'First name,Last name,Reason created\n"Unclosed,B,C', true), 422, 'validation_failed');
  });

  it('takes a file larger than the usual 1 MB request limit', async () => {
    const lead = await t.as(people.lead);
    const rows = Array.from({ length: 3000 }, (_, i) => `Big,File${i},,,,,,,,,,,,,${'x'.repeat(500)},`);
    const csv = csvOf(...rows);
    expect(csv.length).toBeGreaterThan(1024 * 1024);
    const response = await importCsv(lead, csv, true);
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    expect(response.json().summary).toEqual({ create: 0, match: 0, error: 3000 });
  });
});

describe('a real import', () => {
  it('creates nothing when any row has a problem, and answers with the report', async () => {
    const lead = await t.as(people.lead);
    const response = await importCsv(lead, csvOf(
      'Dan,Allornothing,1980-01-01,,,,,,,,,,,,,Referred by housing',
      'Eve,Allornothingbad,1980-13-01,,,,,,,,,,,,,Referred by housing',
    ), false);
    expectError(response, 422, 'validation_failed');
    const { error } = response.json();
    expect(error.details).toEqual([{ row: 3, field: 'dateOfBirth', problem: expect.any(String) }]);
    expect(error.report.summary).toEqual({ create: 1, match: 0, error: 1 });
    expect(await profilesNamed(['Allornothing', 'Allornothingbad'])).toEqual([]);
  });

  it('creates every good row, owned by the importing team, each audited', async () => {
    const lead = await t.as(people.lead);
    const response = await importCsv(lead, csvOf(
      'Fay,Imported,03/04/1979,Female,"English, Welsh, Scottish, Northern Irish or British",Fay Smith; Faye Imported,Victim; witness,Mental health;repeat-victim,Visit in pairs,07700 900001,Fay@Example.org,1 Mill Lane,Demoton,ng15ab,Prefers phone,Reported by neighbour',
      'Gus,Imported,,,,,perpetrator,,,,,,,,,Named in ASB referral',
    ), false);
    expect(response.statusCode, response.body).toBe(201);
    const report = response.json();
    expect(report.summary).toEqual({ create: 2, match: 0, error: 0 });
    const [fay, gus] = report.rows;
    const page = await lead.get(`/api/v1/profiles/${fay.id}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({
      firstName: 'Fay',
      lastName: 'Imported',
      dateOfBirth: '1979-04-03',
      gender: 'female',
      ethnicity: { key: 'english-welsh-scottish-northern-irish-or-british' },
      aliases: [{ firstName: 'Fay', lastName: 'Smith' }, { firstName: 'Faye', lastName: 'Imported' }],
      roles: ['victim', 'witness'],
      vulnerabilities: [{ key: 'mental-health' }, { key: 'repeat-victim' }],
      warningMarkers: [{ key: 'visit-in-pairs' }],
      email: 'fay@example.org',
      addresses: [{ addressLine1: '1 Mill Lane', town: 'Demoton', postcode: 'NG1 5AB' }],
      keyInformation: 'Prefers phone',
      reasonCreated: 'Reported by neighbour',
      owner: { team: { name: 'ASB team' }, organisation: { name: 'Demo County Police' } },
    });
    expect((await lead.get(`/api/v1/profiles/${gus.id}`)).json()).toMatchObject({ firstName: 'Gus', dateOfBirth: null, roles: ['perpetrator'] });
    const [summary] = await auditOf(t, 'action=profiles.imported');
    expect(summary).toMatchObject({ outcome: 'success', details: { rows: 2, created: 2, matched: 0 } });
    const created = await auditOf(t, 'action=profile.created');
    expect(created.map((a) => a.entityId)).toEqual(expect.arrayContaining([fay.id, gus.id]));
  });

  it('reports someone already on the record, or earlier in the file, and does not create them again', async () => {
    const lead = await t.as(people.lead);
    const ours = await createProfile(await t.as(people.police), { firstName: 'Kieran', lastName: 'Doylematch', dateOfBirth: '1985-02-03' });
    const theirs = await createProfile(await t.as(people.council), { firstName: 'Maeve', lastName: 'Councilheld', dateOfBirth: '1991-07-08' });
    const response = await importCsv(lead, csvOf(
      'Kieran,Doylematch,03/02/1985,,,,,,,,,,,,,Referred by housing',
      'Maeve,Councilheld,1991-07-08,,,,,,,,,,,,,Referred by housing',
      'Nell,Twicelisted,1970-01-01,,,,,,,,,,,,,Referred by housing',
      'nell,TWICELISTED,01/01/1970,,,,,,,,,,,,,Referred again',
    ), false);
    expect(response.statusCode, response.body).toBe(201);
    const rows = response.json().rows;
    expect(rows[0]).toMatchObject({ status: 'match', match: { id: ours.id, firstName: 'Kieran', dateOfBirth: '1985-02-03', accessible: true } });
    expect(rows[1]).toMatchObject({
      status: 'match',
      match: { id: theirs.id, accessible: false, owner: { team: { name: 'Community Safety team' }, organisation: { name: 'Demo District Council' } } },
    });
    expect(rows[2]).toMatchObject({ status: 'create', id: expect.any(String) });
    expect(rows[3]).toMatchObject({ status: 'match', match: { row: 4, firstName: 'Nell', lastName: 'Twicelisted' } });
    expect(await profilesNamed(['Doylematch', 'Councilheld'])).toHaveLength(2);
    expect(await profilesNamed(['Twicelisted', 'TWICELISTED'])).toHaveLength(1);
  });

  it('imports 720 people in one go', async () => {
    const lead = await t.as(people.lead);
    const rows = Array.from({ length: 720 }, (_, i) => `Person${i},Bulkimport${i},${1940 + (i % 60)}-0${1 + (i % 9)}-1${i % 10},,,,victim,,,,,,,,,Partnership data migration`);
    const response = await importCsv(lead, csvOf(...rows), false);
    expect(response.statusCode, response.body.slice(0, 500)).toBe(201);
    expect(response.json().summary).toEqual({ create: 720, match: 0, error: 0 });
  }, 180_000);
});

describe('who may import', () => {
  it('refuses practitioners', async () => {
    expectError(await importCsv(await t.as(people.police), csvOf('A,B,,,,,,,,,,,,,,C'), true), 403, 'forbidden');
  });

  it('keeps the other partnership apart: its admin imports into their own partnership, and ours is not matched', async () => {
    const ours = await createProfile(await t.as(people.police), { firstName: 'Petra', lastName: 'Borderline', dateOfBirth: '1988-08-08' });
    const teamId = await teamIdOf(t, 'Neighbouring County Police', 'ASB team');
    const otherAdmin = await enrolledUser(t, { name: 'Neighbouring Lead', role: 'team_admin', teamId });
    const response = await importCsv(otherAdmin, csvOf('Petra,Borderline,1988-08-08,,,,,,,,,,,,,Referred by neighbouring police'), false);
    expect(response.statusCode, response.body).toBe(201);
    const [row] = response.json().rows;
    expect(row.status).toBe('create');
    const [created] = await t.database.db.select().from(profiles).where(and(eq(profiles.id, row.id)));
    const [ourProfile] = await t.database.db.select().from(profiles).where(eq(profiles.id, ours.id));
    expect(created!.partnershipId).not.toBe(ourProfile!.partnershipId);
    expect(created!.ownerTeamId).toBe(teamId);
    expectError(await (await t.as(people.lead)).get(`/api/v1/profiles/${row.id}`), 404, 'not_found');
  });
});

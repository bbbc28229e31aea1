import { eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, locations, users } from '../../db/schema/index.ts';
import { latestEmailTo } from '../../test/fixtures.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, enrolledUser, expectError, people, teamIdOf } from '../profiles/profiles.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const importOf = (path: string) => (agent: Agent, csv: string, dryRun: boolean) => agent.post(path, { csv, dryRun });
const importUsers = importOf('/api/v1/user-imports');
const importCases = importOf('/api/v1/case-imports');
const importLocations = importOf('/api/v1/location-imports');
const statuses = (response: { json(): unknown }) => (response.json() as { rows: { row: number; status: string }[] }).rows.map((r) => [r.row, r.status]);
const unique = (label: string) => `${label}.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@concord.test`;

async function usersWithEmails(emails: string[]) {
  return t.database.db.select().from(users).where(inArray(users.email, emails));
}

describe('importing users', () => {
  const header = 'Name,Email,Team,Role,Supervisor,Job title';

  it('dry runs without writing, naming the line and column of a bad row', async () => {
    const admin = await t.as(people.policeAdmin);
    const [a, b] = [unique('dry.a'), unique('dry.b')];
    const response = await importUsers(admin, [header,
      `Dee Dryrun,${a},Demo County Police / ASB team,Practitioner,yes,PCSO`,
      `Eli Dryrun,${b},IOM team,Chief constable,maybe,`,
      `Fay Dryrun,${a},ASB team,practitioner,,`,
    ].join('\n'), true);
    expect(response.statusCode, response.body).toBe(200);
    expect(statuses(response)).toEqual([[2, 'create'], [3, 'error'], [4, 'error']]);
    const [, eli, fay] = response.json().rows;
    expect(eli.problems).toEqual(expect.arrayContaining([
      { field: 'role', problem: expect.stringContaining('Chief constable') },
      { field: 'isSupervisor', problem: '"maybe" must be yes or no' },
    ]));
    expect(fay.problems).toEqual([{ field: 'email', problem: `"${a}" is also on row 2` }]);
    expect(await usersWithEmails([a, b])).toEqual([]);
    const [audit] = await auditOf(t, 'action=records.imported');
    expect(audit).toMatchObject({ outcome: 'success', details: { kind: 'users', dryRun: true, rows: 3, errors: 2 } });
  });

  it('invites every user of a good file, each emailed, and none of a file with one bad row', async () => {
    const admin = await t.as(people.policeAdmin);
    const [a, b, c] = [unique('imp.a'), unique('imp.b'), unique('imp.c')];
    const bad = await importUsers(admin, [header, `Gil Import,${c},ASB team,Practitioner,,`, `Hal Import,${people.police},ASB team,Practitioner,,`].join('\n'), false);
    expectError(bad, 422, 'validation_failed');
    expect(bad.json().error.details).toEqual([{ row: 3, field: 'email', problem: 'is already used by another account' }]);
    expect(await usersWithEmails([c])).toEqual([]);

    const response = await importUsers(admin, [header, `Ida Import,${a},Demo County Police / IOM team,Team administrator,no,Sergeant`, `Jon Import,${b},ASB team,read only,y,`].join('\n'), false);
    expect(response.statusCode, response.body).toBe(201);
    const created = await usersWithEmails([a, b]);
    expect(created.map((u) => [u.name, u.role, u.isSupervisor, u.passwordHash]).sort()).toEqual([['Ida Import', 'team_admin', false, null], ['Jon Import', 'read_only', true, null]]);
    expect((await latestEmailTo(t, a)).body).toContain('within 72 hours');
    expect((await auditOf(t, 'action=user.invitation_sent')).map((e) => e.entityId)).toEqual(expect.arrayContaining(created.map((u) => u.id)));
  });

  it('refuses a team the importer does not administer and a role above their own, as the users screen does', async () => {
    const lead = await t.as(people.lead);
    const response = await importUsers(lead, [header,
      `Kit Lead,${unique('kit')},Demo County Police / IOM team,Practitioner,,`,
      `Lou Lead,${unique('lou')},ASB team,Organisation administrator,,`,
      `Max Lead,${unique('max')},Community Safety team,Practitioner,,`,
    ].join('\n'), true);
    expect(response.statusCode, response.body).toBe(200);
    const [kit, lou, max] = response.json().rows;
    expect(kit.problems).toEqual([{ field: 'team', problem: '"Demo County Police / IOM team" is not a team you administer' }]);
    expect(lou.problems).toEqual([{ field: 'role', problem: '"Organisation administrator" is not a role you can give' }]);
    expect(max.problems[0].problem).toContain('is the name of 2 teams');
    const council = await importUsers(await t.as(people.policeAdmin), [header, `Ned Other,${unique('ned')},Demo District Council / Community Safety team,Practitioner,,`].join('\n'), false);
    expectError(council, 422, 'validation_failed');
    expect(council.json().error.details[0]).toMatchObject({ row: 2, field: 'team', problem: expect.stringContaining('not a team you administer') });
  });

  it('does not know the other partnership\'s teams, and refuses practitioners', async () => {
    const neighbouring = await importUsers(await t.as(people.admin), [header, `Oli Away,${unique('oli')},Neighbouring County Police / ASB team,Practitioner,,`].join('\n'), true);
    expect(neighbouring.json().rows[0].problems).toEqual([{ field: 'team', problem: '"Neighbouring County Police / ASB team" is not a team of this partnership' }]);
    expectError(await importUsers(await t.as(people.police), [header, `Pat No,${unique('pat')},ASB team,Practitioner,,`].join('\n'), true), 403, 'forbidden');
  });
});

describe('importing cases', () => {
  const header = 'Title,Case type,Owning team,Opened,Summary,Previous reference,Parent case,People';

  it('dry runs, reports a bad row by line and column, and creates every case of a good file owned by the named team', async () => {
    const admin = await t.as(people.policeAdmin);
    const person = await createProfile(await t.as(people.police), { firstName: 'Quinn', lastName: 'Caseimport' });
    const dry = await importCases(admin, [header,
      `Imported noise case,ASB,IOM team,15/01/2026,Loud music,OLD-77,,${person.id} victim`,
      'Imported bad case,Made-up type,ASB team,2026-02-30,,,NOPE/1,not-an-id',
    ].join('\n'), true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(statuses(dry)).toEqual([[2, 'create'], [3, 'error']]);
    expect(dry.json().rows[1].problems.map((p: { field: string }) => p.field).sort()).toEqual(['caseType', 'parentCase', 'people', 'startDate']);
    expect(await t.database.db.select().from(cases).where(like(cases.title, 'Imported%'))).toEqual([]);

    expectError(await importCases(admin, [header, 'Imported one,ASB,,,,,,', 'Imported two,Made-up type,,,,,,'].join('\n'), false), 422, 'validation_failed');
    expect(await t.database.db.select().from(cases).where(like(cases.title, 'Imported%'))).toEqual([]);

    const unopenable = await importCases(admin, [header, `Imported noise case,ASB,IOM team,15/01/2026,Loud music,OLD-77,,${person.id} victim`].join('\n'), false);
    expectError(unopenable, 422, 'validation_failed');
    expect(unopenable.json().error.details).toEqual([{ row: 2, field: 'people', problem: expect.stringContaining('IOM team cannot open') }]);
    const real = await importCases(admin, [header, `Imported noise case,ASB,Demo County Police / ASB team,15/01/2026,Loud music,OLD-77,,${person.id} victim`].join('\n'), false);
    expect(real.statusCode, real.body).toBe(201);
    const page = await admin.get(`/api/v1/cases/${real.json().rows[0].id}`);
    expect(page.json()).toMatchObject({
      title: 'Imported noise case', caseType: { key: 'asb' }, startDate: '2026-01-15', summary: 'Loud music\n\nPrevious reference: OLD-77',
      owner: { team: { name: 'ASB team' } }, profiles: [{ profileId: person.id, role: 'victim' }],
    });
    const [audit] = await auditOf(t, 'action=records.imported');
    expect(audit).toMatchObject({ details: { kind: 'cases', dryRun: false, created: 1, ids: [real.json().rows[0].id] } });
  });

  it('refuses another organisation\'s team, and the other partnership\'s teams are unknown', async () => {
    const council = await importCases(await t.as(people.policeAdmin), [header, 'Not ours,ASB,Demo District Council / Community Safety team,,,,,'].join('\n'), true);
    expect(council.json().rows[0].problems).toEqual([{ field: 'team', problem: expect.stringContaining('not a team you administer') }]);
    const teamId = await teamIdOf(t, 'Neighbouring County Police', 'ASB team');
    const neighbour = await enrolledUser(t, { name: 'Neighbouring Admin', role: 'team_admin', teamId });
    const theirs = await importCases(neighbour, [header, 'Across the border,ASB,Demo County Police / ASB team,,,,,'].join('\n'), true);
    expect(theirs.json().rows[0].problems).toEqual([{ field: 'team', problem: '"Demo County Police / ASB team" is not a team of this partnership' }]);
    const own = await importCases(neighbour, [header, 'Neighbouring import,ASB,,,,,,'].join('\n'), false);
    expect(own.statusCode, own.body).toBe(201);
    expectError(await (await t.as(people.policeAdmin)).get(`/api/v1/cases/${own.json().rows[0].id}`), 404, 'not_found');
  });
});

describe('importing locations', () => {
  const header = 'Address line 1,Address line 2,Town,Postcode,Name,Kind,UPRN,Owning team';

  it('dry runs, then creates all or nothing, refusing a UPRN already on the record', async () => {
    const lead = await t.as(people.lead);
    const dry = await importLocations(lead, [header,
      '1 Import Row,,Demoton,ng15ab,,Home,100030000001,',
      '2 Import Row,,Demoton,not a postcode,,Castle,x1,',
      '3 Import Row,,Demoton,NG1 5AB,,,100030000001,',
    ].join('\n'), true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(statuses(dry)).toEqual([[2, 'create'], [3, 'error'], [4, 'error']]);
    expect(dry.json().rows[1].problems.map((p: { field: string }) => p.field).sort()).toEqual(['kind', 'postcode', 'uprn']);
    expect(dry.json().rows[2].problems).toEqual([{ field: 'uprn', problem: '"100030000001" is also on row 2' }]);

    expectError(await importLocations(lead, [header, '1 Import Row,,Demoton,NG1 5AB,,Home,100030000001,', '2 Import Row,,Demoton,XX,,,,'].join('\n'), false), 422, 'validation_failed');
    expect(await t.database.db.select().from(locations).where(like(locations.addressLine1, '% Import Row'))).toEqual([]);

    const real = await importLocations(lead, [header, '1 Import Row,Flat 2,Demoton,ng15ab,,Home,100030000001,Demo County Police / ASB team'].join('\n'), false);
    expect(real.statusCode, real.body).toBe(201);
    const [row] = await t.database.db.select().from(locations).where(eq(locations.id, real.json().rows[0].id));
    expect(row).toMatchObject({ addressLine1: '1 Import Row', postcode: 'NG1 5AB', uprn: '100030000001', kind: 'home' });
    const again = await importLocations(lead, [header, '9 Import Row,,Demoton,NG1 5AB,,,100030000001,'].join('\n'), true);
    expect(again.json().rows[0].problems).toEqual([{ field: 'uprn', problem: '"100030000001" is the UPRN of a location already on the record' }]);
  });

  it('keeps a team admin to their own team', async () => {
    const response = await importLocations(await t.as(people.lead), [header, '5 Import Row,,Demoton,NG1 5AB,,,,Demo County Police / IOM team'].join('\n'), false);
    expectError(response, 422, 'validation_failed');
    expect(response.json().error.details).toEqual([{ row: 2, field: 'team', problem: '"Demo County Police / IOM team" is not a team you administer' }]);
  });
});

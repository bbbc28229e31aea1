import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations, teams, users } from '../../db/schema/index.ts';
import { latestEmailTo } from '../../test/fixtures.ts';
import { makeAgent, startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, enrolledUser, expectError, people, teamIdOf } from '../profiles/profiles.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const base = '/api/v1/partnership-setups';
let seq = 0;
const uniqueName = (label: string) => `${label} ${Date.now()} ${++seq}`;

async function start(admin: Agent, name = uniqueName('Shire')) {
  const response = await admin.post(base, { name });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { partnership: { id: string; name: string }; nextStep: string };
}

const item = (setup: { checklist: { key: string; done: boolean; detail: string }[] }, key: string) => setup.checklist.find((c) => c.key === key)!;

async function demoCountyId(admin: Agent): Promise<string> {
  const list = (await admin.get('/api/v1/partnerships?limit=100')).json().items as { id: string; name: string }[];
  return list.find((p) => p.name === 'Demo County Community Safety Partnership')!.id;
}

describe('setting up a partnership', () => {
  it('goes step by step, each step kept, and the checklist says what is left from the database', async () => {
    const admin = await t.as(people.admin);
    const { partnership } = await start(admin);
    const id = partnership.id;
    let setup = (await admin.get(`${base}/${id}`)).json();
    expect(setup).toMatchObject({ stepsDone: ['partnership'], nextStep: 'organisations', organisations: [] });
    expect(setup.checklist.every((c: { done: boolean }) => !c.done)).toBe(true);

    const orgs = await admin.post(`${base}/${id}/organisations`, { lines: 'Shire Police, police\nShire Council, Council\n\nShire Homes, housing\nShire Hope, charity' });
    expect(orgs.statusCode, orgs.body).toBe(200);
    setup = orgs.json();
    expect(setup.organisations.map((o: { name: string; kind: string }) => [o.name, o.kind])).toEqual([['Shire Police', 'police'], ['Shire Council', 'council'], ['Shire Homes', 'housing'], ['Shire Hope', 'voluntary']]);
    expect(item(setup, 'organisations').done).toBe(true);
    expect(item(setup, 'teams')).toMatchObject({ done: false, detail: expect.stringContaining('Shire Police') });

    const teamLines = ['Shire Police / ASB team', 'Shire Council / Community Safety team', 'Shire Homes / Tenancy team', 'Shire Hope / Outreach'].join('\n');
    setup = (await admin.post(`${base}/${id}/teams`, { lines: teamLines })).json();
    expect(item(setup, 'teams').done).toBe(true);
    // Pasted again, the same list adds nothing.
    expect((await admin.post(`${base}/${id}/teams`, { lines: teamLines })).json().organisations.flatMap((o: { teams: unknown[] }) => o.teams)).toHaveLength(4);

    const emails = ['pat@shire.test', 'lee@shire.test', 'kim@shire.test', 'ola@shire.test', 'sys@shire.test'].map((e) => `${Date.now()}.${e}`);
    const admins = await admin.post(`${base}/${id}/admins`, {
      lines: [
        `Pat Police, ${emails[0]}, Shire Police / ASB team`,
        `Lee Council, ${emails[1]}, Shire Council / Community Safety team, team admin`,
        `Kim Homes, ${emails[2]}, Shire Homes / Tenancy team, organisation administrator`,
        `Ola Hope, ${emails[3]}, Shire Hope / Outreach`,
        `Sys Shire, ${emails[4]}, Shire Council / Community Safety team, system admin`,
      ].join('\n'),
    });
    expect(admins.statusCode, admins.body).toBe(200);
    setup = admins.json();
    expect(item(setup, 'admins').done).toBe(true);
    expect(item(setup, 'system_admin').done).toBe(true);
    expect(item(setup, 'accepted')).toMatchObject({ done: false, detail: expect.stringContaining('5 of 5') });
    expect((await latestEmailTo(t, emails[0]!)).body).toContain('within 72 hours');
    const invited = await t.database.db.select().from(users).where(inArray(users.email, emails));
    expect(invited.map((u) => u.role).sort()).toEqual(['organisation_admin', 'system_admin', 'team_admin', 'team_admin', 'team_admin']);

    const template = await demoCountyId(admin);
    setup = (await admin.post(`${base}/${id}/lookups`, { templatePartnershipId: template })).json();
    expect(setup.template).toEqual({ id: template, name: 'Demo County Community Safety Partnership' });
    expect(item(setup, 'lookups').done).toBe(true);
    expect(item(setup, 'case_types').done).toBe(false);

    const shared = await admin.post(`${base}/${id}/case-types`, { lines: 'ASB, Shire Police, edit\nASB, Shire Council / Community Safety team, view\nHate crime, Shire Hope' });
    expect(shared.statusCode, shared.body).toBe(200);
    setup = shared.json();
    expect(setup.caseTypes.find((c: { name: string }) => c.name === 'ASB').sharing).toEqual(expect.arrayContaining([
      { name: 'Shire Police', level: 'edit' }, { name: 'Shire Council / Community Safety team', level: 'view' },
    ]));
    expect(item(setup, 'case_types').done).toBe(true);

    const agreement = await admin.post(`${base}/${id}/agreement`, {
      title: 'Shire information sharing agreement', purpose: 'Tackling anti-social behaviour together', lawfulBasis: 'public-task',
      startsOn: '2026-01-01', reviewOn: '2027-01-01', signatures: 'Shire Police, Chief Constable, 2026-01-02\nShire Council, Chief Executive',
    });
    expect(agreement.statusCode, agreement.body).toBe(200);
    setup = agreement.json();
    expect(item(setup, 'agreement').done).toBe(true);
    expect(item(setup, 'signed')).toMatchObject({ done: false, detail: 'Not signed yet: Shire Homes, Shire Hope' });
    expect(setup.stepsDone).toEqual(['partnership', 'organisations', 'teams', 'admins', 'lookups', 'case_types', 'agreement']);
    expect(setup.nextStep).toBeNull();

    // Submitted again with every signature, the agreement is changed rather than made twice.
    setup = (await admin.post(`${base}/${id}/agreement`, {
      title: 'Shire information sharing agreement', purpose: 'Tackling anti-social behaviour together', lawfulBasis: 'public-task', startsOn: '2026-01-01', reviewOn: '2027-01-01',
      signatures: 'Shire Police, Chief Constable, 2026-01-02\nShire Council, Chief Executive\nShire Homes, Director\nShire Hope, Chair, 02/01/2026',
    })).json();
    expect(item(setup, 'signed').done).toBe(true);

    const steps = await auditOf(t, 'action=partnership_setup.step_done');
    expect(steps.filter((s) => s.entityId === id).map((s) => s.details!.step)).toEqual(expect.arrayContaining(['partnership', 'organisations', 'admins', 'agreement']));
    expect((await auditOf(t, 'action=sharing_agreement.created'))[0]).toMatchObject({ outcome: 'success' });
    expect((await admin.get(base)).json().items.find((s: { partnership: { id: string } }) => s.partnership.id === id)).toMatchObject({ left: 1 });
  });

  it('hands the partnership to its own system administrator: once they accept, they keep its lists, and the checklist counts them', async () => {
    const admin = await t.as(people.admin);
    const { partnership } = await start(admin);
    const id = partnership.id;
    await admin.post(`${base}/${id}/organisations`, { lines: 'Moor Council, council' });
    await admin.post(`${base}/${id}/teams`, { lines: 'Moor Council / Community Safety' });
    const email = `${Date.now()}.lead@moor.test`;
    await admin.post(`${base}/${id}/admins`, { lines: `Mo Lead, ${email}, Moor Council / Community Safety, system administrator` });

    const link = /https?:\/\/\S+/.exec((await latestEmailTo(t, email)).body)![0];
    const password = 'correct horse battery staple';
    expect((await t.anonymous.post('/api/v1/auth/password-reset/complete', { token: new URL(link).searchParams.get('token'), password })).statusCode).toBe(204);
    const lead = makeAgent(t.app);
    expect((await lead.post('/api/v1/auth/sign-in', { email, password })).statusCode).toBe(200);
    const { secret } = (await lead.get('/api/v1/auth/enrolment')).json() as { secret: string };
    expect((await lead.post('/api/v1/auth/enrolment', { totp: await t.code(email, secret) })).statusCode).toBe(200);

    const types = (await lead.get('/api/v1/lookups?list=case_type')).json().items as { id: string; name: string; version: number }[];
    const asb = types.find((c) => c.name === 'ASB')!;
    const renamed = await lead.patch(`/api/v1/lookups/${asb.id}`, { version: asb.version, name: 'Anti-social behaviour' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    // Demo County's own lists stay theirs.
    const demoTypes = (await admin.get('/api/v1/lookups?list=case_type')).json().items as { id: string }[];
    expect(demoTypes.map((c) => c.id)).not.toContain(asb.id);
    // They carry on with the checklist where the wizard left it.
    const setup = (await lead.get(`${base}/${id}`)).json();
    expect(item(setup, 'accepted')).toMatchObject({ done: true, detail: 'All accepted' });
    expect(item(setup, 'system_admin').done).toBe(true);
  });

  it('refuses a pasted list with any bad line, naming each line, and writes none of it', async () => {
    const admin = await t.as(people.admin);
    const { partnership } = await start(admin);
    const response = await admin.post(`${base}/${partnership.id}/organisations`, { lines: 'Vale Police, police\nVale Council, council\nVale Fire\nVale Police, fire\nVale Farm, farming' });
    expectError(response, 422, 'validation_failed');
    expect(response.json().error.details).toEqual([
      { field: 'lines', line: 3, problem: expect.stringMatching(/^line 3: write the organisation's name/) },
      { field: 'lines', line: 4, problem: 'line 4: duplicate organisation name "Vale Police" (also on line 1)' },
      { field: 'lines', line: 5, problem: expect.stringMatching(/^line 5: "farming" is not a kind of organisation/) },
    ]);
    expect(await t.database.db.select().from(organisations).where(eq(organisations.partnershipId, partnership.id))).toEqual([]);

    await admin.post(`${base}/${partnership.id}/organisations`, { lines: 'Vale Police, police' });
    const badTeams = await admin.post(`${base}/${partnership.id}/teams`, { lines: 'Vale Police / ASB\nDemo County Police / Vale team\nVale Police / asb' });
    expectError(badTeams, 422, 'validation_failed');
    expect(badTeams.json().error.details.map((d: { line: number }) => d.line)).toEqual([2, 3]);
    const policeId = (await admin.get(`${base}/${partnership.id}`)).json().organisations[0].id;
    expect(await t.database.db.select().from(teams).where(eq(teams.organisationId, policeId))).toEqual([]);

    await admin.post(`${base}/${partnership.id}/teams`, { lines: 'Vale Police / ASB' });
    const email = `${Date.now()}.vale@shire.test`;
    const badAdmins = await admin.post(`${base}/${partnership.id}/admins`, { lines: `Val One, ${email}, Vale Police / ASB\nVal Two, ${people.police}, Vale Police / ASB\nVal Three, not-an-email, Vale Police / ASB\nVal Four, four@vale.test, Demo County Police / ASB team` });
    expectError(badAdmins, 422, 'validation_failed');
    expect(badAdmins.json().error.details.map((d: { problem: string }) => d.problem)).toEqual([
      `line 2: "${people.police}" is already used by another account`,
      'line 3: "not-an-email" is not an email address',
      'line 4: "Demo County Police / ASB team" is not a team of this partnership',
    ]);
    expect(await t.database.db.select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it('is for system administrators only; the other partnership and another organisation\'s admin are refused', async () => {
    const admin = await t.as(people.admin);
    const { partnership } = await start(admin);
    for (const email of [people.policeAdmin, people.lead, people.other]) {
      const agent = await t.as(email);
      expectError(await agent.post(base, { name: uniqueName('Not mine') }), 403, 'forbidden');
      expectError(await agent.get(`${base}/${partnership.id}`), 403, 'forbidden');
      expectError(await agent.post(`${base}/${partnership.id}/organisations`, { lines: 'Sneaky, police' }), 403, 'forbidden');
    }
    const neighbour = await enrolledUser(t, { name: 'Neighbouring Org Admin', role: 'organisation_admin', teamId: await teamIdOf(t, 'Neighbouring County Police', 'ASB team') });
    expectError(await neighbour.get(`${base}/${partnership.id}`), 403, 'forbidden');
    expectError(await admin.post(base, { name: 'Neighbouring County' }), 422, 'validation_failed');
    expectError(await admin.get(`${base}/${await demoCountyId(admin)}`), 404, 'not_found');
    expectError(await admin.post(`${base}/${partnership.id}/lookups`, { templatePartnershipId: partnership.id }), 422, 'validation_failed');
  });
});

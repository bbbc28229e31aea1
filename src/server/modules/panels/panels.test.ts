import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { auditOf, emails, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { createPanel, demoPanelNames, fireOfficer } from './panels.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
});
afterAll(() => t.close());

const members = () => ['Demo County Police', 'Demo District Council', 'Demo Housing Association'].map((name) => place.organisation(name));

describe('the demo panels', () => {
  it('has the police ASB sergeant coordinate and chair a Community MARAC and a MARAC of police, council and housing', async () => {
    const lead = await t.as(emails.lead);
    const me = (await lead.get('/api/v1/me')).json();
    expect(me).toMatchObject({ isCoordinator: true });
    expect(me.permissions).toEqual(expect.arrayContaining(['panels.view', 'panels.manage']));
    const { items } = (await lead.get('/api/v1/panels')).json();
    const byName = new Map((items as { name: string }[]).map((p) => [p.name, p]));
    for (const [name, kind] of [[demoPanelNames.communityMarac, 'Community MARAC'], [demoPanelNames.marac, 'MARAC']] as const) {
      expect(byName.get(name)).toMatchObject({
        kind,
        chair: { id: me.id, name: 'Priya Shah' },
        coordinators: [{ id: me.id }],
        memberOrganisations: expect.arrayContaining(members().map((id) => expect.objectContaining({ id }))),
        permissions: { canManage: true, canRun: true, canRefer: true },
      });
    }
    // A housing officer sees them as a member, without running them; a practitioner sets none up.
    const housing = await t.as(emails.housing);
    const seen = (await housing.get('/api/v1/panels')).json().items as { name: string; permissions: Record<string, boolean> }[];
    expect(seen.find((p) => p.name === demoPanelNames.marac)?.permissions).toEqual({ canManage: false, canRun: false, canRefer: true });
    expect((await housing.get('/api/v1/me')).json().permissions).not.toContain('panels.manage');
  });
});

describe('setting up a panel', () => {
  it('is for system administrators and coordinators, who take the API\'s kinds in any case and answer with its labels', async () => {
    const admin = await t.as(emails.admin);
    const made = await admin.post('/api/v1/panels', { kind: 'community marac', name: 'North Community MARAC', memberOrganisationIds: members() });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ kind: 'Community MARAC', kindKey: 'community-marac', chair: null, coordinators: [] });
    const [audited] = await auditOf(t, made.json().id, 'panel.created');
    expect(audited?.changes).toMatchObject({ name: { before: null, after: 'North Community MARAC' }, kind: { after: 'community-marac' } });

    // The coordinator who sets one up coordinates it.
    const lead = await t.as(emails.lead);
    const mine = await createPanel(lead, place, { kind: 'JAG', name: 'Demo Town JAG' });
    expect(mine).toMatchObject({ kind: 'JAG', coordinators: [{ name: 'Priya Shah' }] });
    for (const kind of ['MARAT', 'hub', 'case conference', 'Case-Conference']) {
      expect((await lead.post('/api/v1/panels', { kind, name: `A ${kind} ${Date.now()}`, memberOrganisationIds: [] })).statusCode).toBe(201);
    }

    expectError(await (await t.as(emails.police)).post('/api/v1/panels', { kind: 'MARAC', name: 'Mine', memberOrganisationIds: [] }), 403, 'forbidden');
    expectError(await admin.post('/api/v1/panels', { kind: 'Tribunal', name: 'Odd one', memberOrganisationIds: [] }), 422, 'validation_failed');
  });

  it('refuses a name already used, organisations and people of another partnership, and a Channel panel not chaired by the council', async () => {
    const admin = await t.as(emails.admin);
    const lead = await t.as(emails.lead);
    const leadId = (await lead.get('/api/v1/me')).json().id;
    const taken = await admin.post('/api/v1/panels', { kind: 'MARAC', name: demoPanelNames.marac.toUpperCase(), memberOrganisationIds: [] });
    expectError(taken, 422, 'validation_failed');
    expect(taken.json().error.details).toEqual([{ field: 'name', problem: expect.stringContaining('already') }]);
    const otherOrganisation = place.organisation('Neighbouring County Police');
    const foreign = await admin.post('/api/v1/panels', { kind: 'MARAC', name: 'Foreign members', memberOrganisationIds: [otherOrganisation] });
    expect(foreign.json().error.details).toEqual([{ field: 'memberOrganisationIds', problem: expect.any(String) }]);
    const otherPerson = (await (await t.as(emails.other)).get('/api/v1/me')).json().id;
    expect((await admin.post('/api/v1/panels', { kind: 'MARAC', name: 'Foreign chair', memberOrganisationIds: [], chairUserId: otherPerson })).json().error.details)
      .toEqual([{ field: 'chairUserId', problem: expect.any(String) }]);

    const channel = await admin.post('/api/v1/panels', { kind: 'Channel', name: 'Demo Channel panel', memberOrganisationIds: members(), chairUserId: leadId });
    expectError(channel, 422, 'validation_failed');
    expect(channel.json().error.details).toEqual([{ field: 'chairUserId', problem: expect.stringContaining('local authority') }]);
    expectError(await admin.post('/api/v1/panels', { kind: 'Channel', name: 'Demo Channel panel', memberOrganisationIds: members() }), 422, 'validation_failed');
    const councilOfficer = (await (await t.as(emails.council)).get('/api/v1/me')).json().id;
    const chaired = await admin.post('/api/v1/panels', { kind: 'Channel', name: 'Demo Channel panel', memberOrganisationIds: members(), chairUserId: councilOfficer });
    expect(chaired.statusCode, chaired.body).toBe(201);
    expect(chaired.json()).toMatchObject({ kind: 'Channel', chair: { id: councilOfficer, organisation: { name: 'Demo District Council' } } });
    // Nor may a change hand it to someone else's chair.
    const moved = await admin.patch(`/api/v1/panels/${chaired.json().id}`, { version: chaired.json().version, chairUserId: leadId });
    expectError(moved, 422, 'validation_failed');
  });

  it('lets its coordinators and system administrators change it, with the version they read', async () => {
    const lead = await t.as(emails.lead);
    const panel = await createPanel(lead, place);
    const changed = await lead.patch(`/api/v1/panels/${panel.id}`, { version: panel.version, name: `${panel.name} (north)`, memberOrganisationIds: members().slice(0, 2) });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: `${panel.name} (north)`, version: panel.version + 1, memberOrganisations: expect.any(Array) });
    expect(changed.json().memberOrganisations).toHaveLength(2);
    const stale = await lead.patch(`/api/v1/panels/${panel.id}`, { version: panel.version, name: 'Too late' });
    expectError(stale, 409, 'conflict');
    expect(stale.json().error.details[0]).toMatchObject({ id: panel.id, version: panel.version + 1 });
    const [audited] = await auditOf(t, panel.id, 'panel.updated');
    expect(audited?.changes).toMatchObject({ memberOrganisationIds: { before: expect.any(Array), after: expect.any(Array) } });

    // A coordinator of other panels may not change this one; a system administrator may.
    const admin = await t.as(emails.admin);
    const adminsOwn = (await admin.post('/api/v1/panels', { kind: 'hub', name: `Admin hub ${Date.now()}`, memberOrganisationIds: members() })).json();
    expectError(await lead.patch(`/api/v1/panels/${adminsOwn.id}`, { version: adminsOwn.version, name: 'Taken over' }), 403, 'forbidden');
    expect((await admin.patch(`/api/v1/panels/${panel.id}`, { version: panel.version + 1, coordinatorIds: [] })).statusCode).toBe(200);
  });
});

describe('who sees a panel', () => {
  it('answers another organisation of the partnership 403 and the other partnership 404', async () => {
    const lead = await t.as(emails.lead);
    const panel = await createPanel(lead, place);
    expect((await (await t.as(emails.housing)).get(`/api/v1/panels/${panel.id}`)).statusCode).toBe(200);
    const fire = await fireOfficer(t, place);
    expectError(await fire.agent.get(`/api/v1/panels/${panel.id}`), 403, 'no_access');
    expect((await fire.agent.get('/api/v1/panels')).json().items.map((p: { id: string }) => p.id)).not.toContain(panel.id);
    const other = await t.as(emails.other);
    for (const path of ['', '/meetings', '/referrals', '/statistics', '/statistics.csv']) {
      expectError(await other.get(`/api/v1/panels/${panel.id}${path}`), 404, 'not_found');
    }
    expectError(await other.patch(`/api/v1/panels/${panel.id}`, { version: 1, name: 'Ours now' }), 403, 'forbidden');
    expect((await other.get('/api/v1/panels')).json().items).toEqual([]);
  });
});

describe('the coordinator flag', () => {
  it('is given by an administrator like the supervisor flag, audited, and grants panels.manage to anyone but a read-only user', async () => {
    const admin = await t.as(emails.admin);
    const housing = (await (await t.as(emails.housing)).get('/api/v1/me')).json();
    const user = (await admin.get(`/api/v1/users/${housing.id}`)).json();
    expect(user.isCoordinator).toBe(false);
    const flagged = await admin.patch(`/api/v1/users/${housing.id}`, { version: user.version, isCoordinator: true });
    expect(flagged.statusCode, flagged.body).toBe(200);
    expect(flagged.json().isCoordinator).toBe(true);
    const [audited] = await auditOf(t, housing.id, 'user.updated');
    expect(audited?.changes).toEqual({ isCoordinator: { before: false, after: true } });
    const made = await (await t.as(emails.housing)).post('/api/v1/panels', { kind: 'hub', name: `Housing hub ${Date.now()}`, memberOrganisationIds: [] });
    expect(made.statusCode, made.body).toBe(201);
    expect((await admin.patch(`/api/v1/users/${housing.id}`, { version: user.version + 1, isCoordinator: false })).statusCode).toBe(200);
  });
});

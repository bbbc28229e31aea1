import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { profileAccess, profileNames, profiles } from '../../db/schema/index.ts';
import type { DomainEvent } from '../../platform/events/types.ts';
import { makeAgent, startTestApp, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, enrolledUser, expectError, people, teamIdOf } from './profiles.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const londonToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

describe('creating a profile', () => {
  it('creates a profile owned by the creator team, with every field', async () => {
    const police = await t.as(people.police);
    const response = await police.post('/api/v1/profiles', {
      firstName: 'Amelia',
      lastName: 'Hartley-Créme',
      reasonCreated: 'Victim of repeated ASB at home',
      dateOfBirth: '1990-03-15',
      gender: 'female',
      ethnicity: 'irish',
      aliases: [{ firstName: 'Millie', lastName: 'Hartley' }],
      phone: '07700 900123',
      email: 'Amelia@Example.org',
      roles: ['victim', 'vulnerable_person', 'victim'],
      vulnerabilities: ['Mental health', 'repeat-victim'],
      warningMarkers: ['visit-in-pairs'],
      keyInformation: 'Prefers contact by phone',
      riskLevel: 'high',
      addresses: [
        { addressLine1: '1 High Street', town: 'Demoton', postcode: 'ng15ab', fromDate: '2020-01-01' },
        { addressLine1: '9 Old Road', postcode: 'NG1 1AA', fromDate: '2015-01-01', toDate: '2019-12-31' },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    const p = response.json();
    expect(p).toMatchObject({
      firstName: 'Amelia',
      lastName: 'Hartley-Créme',
      aliases: [{ firstName: 'Millie', lastName: 'Hartley' }],
      dateOfBirth: '1990-03-15',
      approximateAge: null,
      gender: 'female',
      ethnicity: { key: 'irish', name: 'Irish' },
      email: 'amelia@example.org',
      roles: ['victim', 'vulnerable_person'],
      vulnerabilities: [{ key: 'mental-health' }, { key: 'repeat-victim' }],
      warningMarkers: [{ key: 'visit-in-pairs', name: 'Visit in pairs' }],
      riskLevel: 'high',
      owner: { team: { name: 'ASB team' }, organisation: { name: 'Demo County Police' } },
      createdBy: { name: expect.any(String) },
      version: 1,
      photo: null,
      relationships: [],
      mergedFrom: [],
      permissions: { canEdit: true, canShare: true, canMerge: false },
    });
    const today = londonToday();
    const expectedAge = Number(today.slice(0, 4)) - 1990 - (today.slice(5) < '03-15' ? 1 : 0);
    expect(p.age).toBe(expectedAge);
    expect(p.addresses).toMatchObject([
      { addressLine1: '1 High Street', postcode: 'NG1 5AB', current: true },
      { addressLine1: '9 Old Road', postcode: 'NG1 1AA', current: false },
    ]);

    const audit = await auditOf(t, `entityId=${p.id}&action=profile.created`);
    expect(audit[0]).toMatchObject({ outcome: 'success', reason: 'Victim of repeated ASB at home' });
    expect(audit[0]!.changes).toMatchObject({ firstName: { before: null, after: 'Amelia' }, vulnerabilities: { before: null, after: ['Mental health', 'Repeat victim'] } });
  });

  it('writes the names search reads: lower-cased, unaccented, with sound keys', async () => {
    const p = await createProfile(await t.as(people.police), { firstName: 'Zoë', lastName: 'Ångström', aliases: [{ firstName: 'Zoe', lastName: 'Smith' }] });
    const names = await t.database.db.select().from(profileNames).where(eq(profileNames.profileId, p.id));
    expect(names.map((n) => ({ kind: n.kind, searchName: n.searchName, firstSound: n.firstSound, lastSound: n.lastSound })).sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: 'alias', searchName: 'zoe smith', firstSound: 'S', lastSound: 'SM0' },
      { kind: 'name', searchName: 'zoe angstrom', firstSound: 'S', lastSound: 'ANKS' },
    ]);
  });

  it('takes an approximate age when the date of birth is unknown', async () => {
    const p = await createProfile(await t.as(people.police), { firstName: 'Ageless', lastName: 'Estimate', approximateAge: 34 });
    expect(p).toMatchObject({ dateOfBirth: null, approximateAge: 34, age: 34 });
  });

  it('names each field that is wrong, and creates nothing', async () => {
    const police = await t.as(people.police);
    const before = await t.database.db.select({ id: profiles.id }).from(profiles);
    const bad = await police.post('/api/v1/profiles', { firstName: 'Bad', lastName: 'Date', reasonCreated: 'x', dateOfBirth: '2001-02-30' });
    expectError(bad, 422, 'validation_failed');
    expect(bad.json().error.details).toContainEqual({ field: 'dateOfBirth', problem: 'must be a real date' });

    const both = await police.post('/api/v1/profiles', { firstName: 'Both', lastName: 'Ages', reasonCreated: 'x', dateOfBirth: '2001-02-03', approximateAge: 20 });
    expectError(both, 422, 'validation_failed');
    expect(both.json().error.details).toEqual([{ field: 'approximateAge', problem: 'give either a date of birth or an approximate age, not both' }]);

    const future = await police.post('/api/v1/profiles', { firstName: 'Not', lastName: 'Born', reasonCreated: 'x', dateOfBirth: '2999-01-01' });
    expect(future.json().error.details).toEqual([{ field: 'dateOfBirth', problem: 'must not be in the future' }]);

    const unknown = await police.post('/api/v1/profiles', { firstName: 'Un', lastName: 'Known', reasonCreated: 'x', vulnerabilities: ['age', 'Space travel'], warningMarkers: ['Nope'], ethnicity: 'Martian' });
    expectError(unknown, 422, 'validation_failed');
    expect(unknown.json().error.details).toEqual(expect.arrayContaining([
      { field: 'vulnerabilities.1', problem: '"Space travel" is not one of the values in this list' },
      { field: 'warningMarkers.0', problem: '"Nope" is not one of the values in this list' },
      { field: 'ethnicity', problem: '"Martian" is not one of the values in this list' },
    ]));

    const blank = await police.post('/api/v1/profiles', { firstName: 'No', lastName: 'Reason', reasonCreated: '   ' });
    expectError(blank, 422, 'validation_failed');
    expect(blank.json().error.details).toEqual([{ field: 'reasonCreated', problem: 'must not be blank' }]);
    const missing = await police.post('/api/v1/profiles', { firstName: 'No', lastName: 'Reason' });
    expect(missing.json().error.details).toEqual([{ field: 'reasonCreated', problem: 'is required' }]);

    const address = await police.post('/api/v1/profiles', {
      firstName: 'Bad', lastName: 'Address', reasonCreated: 'x',
      addresses: [{ addressLine1: '1 Road', postcode: 'XX1', fromDate: '2020-01-01', toDate: '2019-01-01', locationId: '01890000-0000-7000-8000-000000000000' }],
    });
    expect(address.json().error.details).toEqual([
      { field: 'addresses.0.postcode', problem: 'must be a UK postcode' },
      { field: 'addresses.0.toDate', problem: 'must not be before the from date' },
      { field: 'addresses.0.locationId', problem: 'is not a location on the shared record' },
    ]);
    expect(await t.database.db.select({ id: profiles.id }).from(profiles)).toHaveLength(before.length);
  });

  it('tells the owning team and its access list that a profile changed', async () => {
    const heard: DomainEvent[] = [];
    const stop = t.app.platform.events.subscribe((e) => heard.push(e));
    const p = await createProfile(await t.as(people.police), { firstName: 'Evie', lastName: 'Event' });
    // On PostgreSQL events travel through LISTEN/NOTIFY, so they arrive a moment after the reply.
    const event = await vi.waitFor(() => {
      const found = heard.find((e) => e.type === 'profile.changed' && e.data.id === p.id);
      if (!found) throw new Error('not heard yet');
      return found;
    });
    stop();
    expect(event.audience).toEqual({ teamIds: [p.owner.team.id], organisationIds: [] });
  });
});

describe('reading a profile', () => {
  it('records every view in the audit trail', async () => {
    const p = await createProfile(await t.as(people.police), { firstName: 'Vera', lastName: 'Viewed' });
    const lead = await t.as(people.lead);
    const response = await lead.get(`/api/v1/profiles/${p.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: p.id, permissions: { canEdit: true, canShare: true, canMerge: true } });
    const me = (await lead.get('/api/v1/me')).json();
    const views = await auditOf(t, `entityId=${p.id}&action=profile.viewed`);
    expect(views[0]).toMatchObject({ actor: { id: me.id }, outcome: 'success' });
  });

  it('answers a merged profile with the one it was merged into', async () => {
    const police = await t.as(people.police);
    const survivor = await createProfile(police, { firstName: 'Sam', lastName: 'Survivor' });
    const duplicate = await createProfile(police, { firstName: 'Sam', lastName: 'Survivor' });
    await t.database.db.update(profiles).set({ mergedIntoId: survivor.id, mergedAt: new Date() }).where(eq(profiles.id, duplicate.id));
    const response = await police.get(`/api/v1/profiles/${duplicate.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: survivor.id, redirectedFrom: duplicate.id, mergedFrom: [{ id: duplicate.id }] });
    expectError(await police.patch(`/api/v1/profiles/${duplicate.id}`, { version: duplicate.version, phone: '1' }), 409, 'merged');
  });

  it('refuses another organisation without access, naming the owner so they can ask', async () => {
    const p = await createProfile(await t.as(people.police), { firstName: 'Nora', lastName: 'Noaccess' });
    const council = await t.as(people.council);
    const read = await council.get(`/api/v1/profiles/${p.id}`);
    expectError(read, 403, 'no_access');
    expect(read.json().error.owner).toEqual(p.owner);
    const change = await council.patch(`/api/v1/profiles/${p.id}`, { version: 1, phone: '0' });
    expectError(change, 403, 'no_access');
    expect(change.json().error.owner).toEqual(p.owner);
    expectError(await council.get(`/api/v1/profiles/${p.id}/history`), 403, 'no_access');
    const listed = (await council.get('/api/v1/profiles?limit=200')).json().items as { id: string }[];
    expect(listed.map((x) => x.id)).not.toContain(p.id);

    const refusals = await auditOf(t, `entityId=${p.id}&action=access.refused`);
    expect(refusals.length).toBeGreaterThanOrEqual(2);
    expect(refusals[0]).toMatchObject({ outcome: 'refused' });
    expect((await (await t.as(people.police)).get(`/api/v1/profiles/${p.id}`)).json().phone).toBeNull();
  });

  it('hides a profile from the other partnership entirely', async () => {
    const p = await createProfile(await t.as(people.police), { firstName: 'Olive', lastName: 'Outside' });
    const other = await t.as(people.other);
    expectError(await other.get(`/api/v1/profiles/${p.id}`), 404, 'not_found');
    expectError(await other.patch(`/api/v1/profiles/${p.id}`, { version: 1, phone: '0' }), 404, 'not_found');
    expectError(await other.get(`/api/v1/profiles/${p.id}/history`), 404, 'not_found');
    expectError(await other.post(`/api/v1/profiles/${p.id}/relationships`, { otherProfileId: p.id, kind: 'sibling' }), 404, 'not_found');
    expect(((await other.get('/api/v1/profiles?limit=200')).json().items as { id: string }[]).map((x) => x.id)).not.toContain(p.id);
    expect(((await other.get('/api/v1/profiles?q=outside')).json().items as unknown[])).toEqual([]);
  });

  it('lets a team or organisation on the access list view, and edit only with edit', async () => {
    const p = await createProfile(await t.as(people.police), { firstName: 'Sharon', lastName: 'Shared' });
    const council = await t.as(people.council);
    const councilTeam = await teamIdOf(t, 'Demo District Council', 'Community Safety team');
    await t.database.db.insert(profileAccess).values({ recordId: p.id, teamId: councilTeam, level: 'view' });
    const read = await council.get(`/api/v1/profiles/${p.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().permissions).toEqual({ canEdit: false, canShare: false, canMerge: false });
    expectError(await council.patch(`/api/v1/profiles/${p.id}`, { version: 1, phone: '0' }), 403, 'forbidden');
    expect(((await council.get('/api/v1/profiles?scope=shared&limit=200')).json().items as { id: string }[]).map((x) => x.id)).toContain(p.id);

    await t.database.db.update(profileAccess).set({ level: 'edit' }).where(eq(profileAccess.recordId, p.id));
    const changed = await council.patch(`/api/v1/profiles/${p.id}`, { version: 1, phone: '01234 567890' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ phone: '01234 567890', version: 2, permissions: { canEdit: true } });
  });

  it('lets a read-only user read but never change', async () => {
    const p = await createProfile(await t.as(people.police), { firstName: 'Rita', lastName: 'Readonly' });
    const reader = await enrolledUser(t, { name: 'Rory Reader', role: 'read_only', teamId: await teamIdOf(t, 'Demo County Police', 'ASB team') });
    const read = await reader.get(`/api/v1/profiles/${p.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().permissions.canEdit).toBe(false);
    expectError(await reader.patch(`/api/v1/profiles/${p.id}`, { version: 1, phone: '0' }), 403, 'forbidden');
    expectError(await reader.post('/api/v1/profiles', { firstName: 'Not', lastName: 'Allowed', reasonCreated: 'x' }), 403, 'forbidden');
    expect((await reader.get(`/api/v1/profiles/${p.id}`)).json()).toMatchObject({ phone: null, version: 1 });
  });
});

describe('other systems with an API token', () => {
  it('create and read with a write token; a read token cannot change', async () => {
    const admin = await t.as(people.policeAdmin);
    const me = (await admin.get('/api/v1/me')).json();
    const token = async (access: string) => {
      const response = await admin.post('/api/v1/api-tokens', { organisationId: me.organisation.id, teamId: me.team.id, name: `Records system ${access}`, access });
      expect(response.statusCode, response.body).toBe(201);
      return makeAgent(t.app, {}, { authorization: `Bearer ${response.json().token}` });
    };
    const writer = await token('write');
    const created = await writer.post('/api/v1/profiles', { firstName: 'Tobias', lastName: 'Token', reasonCreated: 'Imported from the custody system', confirmNoDuplicate: true });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ createdBy: null, owner: { team: { id: me.team.id } } });
    const reader = await token('read');
    expect((await reader.get(`/api/v1/profiles/${created.json().id}`)).statusCode).toBe(200);
    expect((await reader.get('/api/v1/profiles/matches?lastName=Token')).json().items[0].profile.id).toBe(created.json().id);
    expectError(await reader.patch(`/api/v1/profiles/${created.json().id}`, { version: 1, phone: '0' }), 403, 'forbidden');
  });
});

describe('changing a profile', () => {
  it('changes fields, replaces the sets given, and records before and after', async () => {
    const police = await t.as(people.police);
    const p = await createProfile(police, {
      firstName: 'Chris', lastName: 'Change', dateOfBirth: '1985-06-01', aliases: [{ firstName: 'Kit', lastName: 'Change' }],
      vulnerabilities: ['age'], warningMarkers: ['drugs'], addresses: [{ addressLine1: '1 First Street', postcode: 'NG1 5AB' }],
    });
    const response = await police.patch(`/api/v1/profiles/${p.id}`, {
      version: 1,
      lastName: 'Changed',
      aliases: [{ firstName: 'Christopher', lastName: 'Changed' }, { firstName: 'CJ', lastName: 'Change' }],
      vulnerabilities: [],
      warningMarkers: ['weapons', 'violence'],
      addresses: [{ addressLine1: '2 Second Street', postcode: 'NG2 1AA' }],
      keyInformation: 'Moved house',
      dateOfBirth: null,
      approximateAge: 40,
    });
    expect(response.statusCode, response.body).toBe(200);
    const after = response.json();
    expect(after).toMatchObject({
      firstName: 'Chris', lastName: 'Changed', version: 2, vulnerabilities: [], keyInformation: 'Moved house', dateOfBirth: null, approximateAge: 40, age: 40,
      aliases: [{ firstName: 'Christopher', lastName: 'Changed' }, { firstName: 'CJ', lastName: 'Change' }],
      addresses: [{ addressLine1: '2 Second Street' }],
    });
    expect(after.warningMarkers.map((w: { key: string }) => w.key).sort()).toEqual(['violence', 'weapons']);

    const names = await t.database.db.select().from(profileNames).where(eq(profileNames.profileId, p.id));
    expect(names.map((n) => `${n.kind}:${n.searchName}`).sort()).toEqual(['alias:christopher changed', 'alias:cj change', 'name:chris changed']);

    const [updated] = await auditOf(t, `entityId=${p.id}&action=profile.updated`);
    expect(updated!.changes).toEqual({
      lastName: { before: 'Change', after: 'Changed' },
      aliases: { before: ['Kit Change'], after: ['Christopher Changed', 'CJ Change'] },
      dateOfBirth: { before: '1985-06-01', after: null },
      approximateAge: { before: null, after: 40 },
      vulnerabilities: { before: ['Age'], after: [] },
      warningMarkers: { before: ['Drugs'], after: ['Violence', 'Weapons'] },
      keyInformation: { before: null, after: 'Moved house' },
      addresses: { before: ['1 First Street, NG1 5AB'], after: ['2 Second Street, NG2 1AA'] },
    });
  });

  it('keeps the sets a change leaves out', async () => {
    const police = await t.as(people.police);
    const p = await createProfile(police, { firstName: 'Kept', lastName: 'Sets', aliases: [{ firstName: 'K', lastName: 'S' }], warningMarkers: ['drugs'] });
    const after = (await police.patch(`/api/v1/profiles/${p.id}`, { version: 1, riskLevel: 'medium' })).json();
    expect(after).toMatchObject({ riskLevel: 'medium', aliases: [{ firstName: 'K' }], warningMarkers: [{ key: 'drugs' }] });
  });

  it('keeps each risk level set by hand in the risk-level history, without an assessment', async () => {
    const police = await t.as(people.police);
    const p = await createProfile(police, { firstName: 'Rita', lastName: 'Levels', riskLevel: 'high' });
    await police.patch(`/api/v1/profiles/${p.id}`, { version: 1, riskLevel: 'medium' });
    await police.patch(`/api/v1/profiles/${p.id}`, { version: 2, keyInformation: 'No change of level' });
    const history = (await police.get(`/api/v1/profiles/${p.id}/risk-levels`)).json() as { items: { from: string | null; to: string | null; assessmentId: string | null; changedBy: { name: string } }[] };
    expect(history.items.map((c) => [c.from, c.to, c.assessmentId])).toEqual([['high', 'medium', null], [null, 'high', null]]);
  });

  it('refuses both a date of birth and an estimated age once combined with what is stored', async () => {
    const police = await t.as(people.police);
    const p = await createProfile(police, { firstName: 'Dora', lastName: 'Dated', dateOfBirth: '2000-01-01' });
    const response = await police.patch(`/api/v1/profiles/${p.id}`, { version: 1, approximateAge: 30 });
    expectError(response, 422, 'validation_failed');
    expect(response.json().error.details).toEqual([{ field: 'approximateAge', problem: 'give either a date of birth or an approximate age, not both' }]);
  });

  it('refuses a stale version with the current record, changing nothing', async () => {
    const police = await t.as(people.police);
    const p = await createProfile(police, { firstName: 'Stella', lastName: 'Stale' });
    expect((await police.patch(`/api/v1/profiles/${p.id}`, { version: 1, keyInformation: 'First' })).statusCode).toBe(200);
    const stale = await police.patch(`/api/v1/profiles/${p.id}`, { version: 1, keyInformation: 'Second', aliases: [{ firstName: 'Should', lastName: 'Not' }] });
    expectError(stale, 409, 'conflict');
    expect(stale.json().error.details[0]).toMatchObject({ id: p.id, keyInformation: 'First', version: 2, aliases: [] });
    expect((await police.get(`/api/v1/profiles/${p.id}`)).json()).toMatchObject({ keyInformation: 'First', version: 2, aliases: [] });
    expect(await auditOf(t, `entityId=${p.id}&action=profile.updated`)).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, createRecord, emails, enrolledUser, expectError, loadStructure, share } from '../sharing/records.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
});
afterAll(() => t.close());

const follow = (agent: Agent, path: string) => agent.request('PUT', `${path}/interest`, {});
const unfollow = (agent: Agent, path: string) => agent.delete(`${path}/interest`, {});
const interests = async (agent: Agent) => (await agent.get('/api/v1/interests')).json().items as { record: { kind: string; id: string; title: string | null } }[];

describe('registering an interest', () => {
  it('anyone who can open a profile registers and drops an interest, audited and listed', async () => {
    const police = await t.as(emails.police);
    const person = await createProfile(police, { firstName: 'Wren', lastName: 'Holloway' });
    const path = `/api/v1/profiles/${person.id}`;
    await share(police, 'profiles', person.id, { teamId: place.team('Demo District Council/Community Safety team').teamId, level: 'view' });
    const council = await t.as(emails.council);

    expect((await council.get(`${path}/interest`)).json()).toEqual({ registered: false });
    const registered = await follow(council, path);
    expect(registered.statusCode).toBe(200);
    expect(registered.json()).toEqual({ registered: true });
    expect((await follow(council, path)).json()).toEqual({ registered: true });
    expect((await council.get(`${path}/interest`)).json()).toEqual({ registered: true });
    expect((await police.get(`${path}/interest`)).json()).toEqual({ registered: false });
    expect(await interests(council)).toContainEqual(expect.objectContaining({ record: { kind: 'profile', id: person.id, title: 'Wren Holloway' } }));

    const dropped = await unfollow(council, path);
    expect(dropped.json()).toEqual({ registered: false });
    expect((await council.get(`${path}/interest`)).json()).toEqual({ registered: false });
    expect((await interests(council)).map((i) => i.record.id)).not.toContain(person.id);
    expect((await auditOf(t, person.id)).filter((e) => e.action.startsWith('interest.')).map((e) => e.action)).toEqual(['interest.dropped', 'interest.registered']);
  });

  it('a case too, and a read-only user may follow what they can open', async () => {
    const id = await createRecord(await t.as(emails.police), 'cases');
    const { agent: reader } = await enrolledUser(t, emails.lead, { name: 'Rae Reader', role: 'read_only', teamId: place.team('Demo County Police/ASB team').teamId });
    expect((await follow(reader, `/api/v1/cases/${id}`)).json()).toEqual({ registered: true });
    const [item] = (await interests(reader)).filter((i) => i.record.id === id);
    expect(item!.record).toMatchObject({ kind: 'case', id });
    expect(item!.record.title).toMatch(/Noise complaints/);
  });

  it('someone who cannot open the record cannot follow it; the other partnership is told it does not exist', async () => {
    const id = await createRecord(await t.as(emails.police), 'profiles');
    const path = `/api/v1/profiles/${id}`;
    expectError(await follow(await t.as(emails.housing), path), 403, 'no_access');
    expectError(await (await t.as(emails.housing)).get(`${path}/interest`), 403, 'no_access');
    const other = await t.as(emails.other);
    expectError(await follow(other, path), 404, 'not_found');
    expectError(await other.get(`${path}/interest`), 404, 'not_found');
    expectError(await unfollow(other, path), 404, 'not_found');
    expectError(await follow(other, `/api/v1/cases/${await createRecord(await t.as(emails.police), 'cases')}`), 404, 'not_found');
    expect((await interests(other)).map((i) => i.record.id)).not.toContain(id);
  });

  it('a record the follower can no longer open is listed without its name, and can still be dropped', async () => {
    const police = await t.as(emails.police);
    const person = await createProfile(police, { firstName: 'Ash', lastName: 'Penrose' });
    const council = place.team('Demo District Council/Community Safety team');
    await share(police, 'profiles', person.id, { teamId: council.teamId, level: 'view' });
    const follower = await t.as(emails.council);
    await follow(follower, `/api/v1/profiles/${person.id}`);
    expect((await police.delete(`/api/v1/profiles/${person.id}/access`, { teamId: council.teamId })).statusCode).toBe(200);
    const [item] = (await interests(follower)).filter((i) => i.record.id === person.id);
    expect(item!.record).toEqual({ kind: 'profile', id: person.id, title: null });
    expect(JSON.stringify(await interests(follower))).not.toMatch(/Penrose/);
    expect((await unfollow(follower, `/api/v1/profiles/${person.id}`)).json()).toEqual({ registered: false });
    expect((await interests(follower)).map((i) => i.record.id)).not.toContain(person.id);
  });

  it('only for profiles and cases', async () => {
    const id = await createRecord(await t.as(emails.police), 'locations');
    expect((await (await t.as(emails.police)).request('PUT', `/api/v1/locations/${id}/interest`, {})).statusCode).toBe(404);
  });
});

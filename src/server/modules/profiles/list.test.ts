import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, expectError, people } from './profiles.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('listing profiles', () => {
  it('lists what the actor can open, newest change first, page by page, audited per page', async () => {
    const housing = await t.as(people.housing);
    const made = [];
    for (const name of ['Lister', 'Lister', 'Lister']) made.push(await createProfile(housing, { firstName: `Pat${made.length}`, lastName: name, roles: ['witness'], riskLevel: 'medium', warningMarkers: ['drugs'] }));
    await housing.patch(`/api/v1/profiles/${made[0].id}`, { version: 1, roles: ['victim'] });

    const first = await housing.get('/api/v1/profiles?limit=2');
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((x: { id: string }) => x.id)).toEqual([made[0].id, made[2].id]);
    expect(first.json().items[1]).toMatchObject({ firstName: 'Pat2', roles: ['witness'], riskLevel: 'medium', warningMarkers: [{ key: 'drugs' }], thumbnailUrl: null, owner: { organisation: { name: 'Demo Housing Association' } } });
    const second = (await housing.get(`/api/v1/profiles?limit=2&cursor=${first.json().nextCursor}`)).json();
    expect(second.items.map((x: { id: string }) => x.id)).toEqual([made[1].id]);
    expect(second.nextCursor).toBeNull();

    expect((await housing.get('/api/v1/profiles?role=victim')).json().items.map((x: { id: string }) => x.id)).toEqual([made[0].id]);
    expect((await housing.get('/api/v1/profiles?riskLevel=high')).json().items).toEqual([]);
    expect((await housing.get('/api/v1/profiles?q=pat1')).json().items.map((x: { id: string }) => x.id)).toEqual([made[1].id]);
    expect((await housing.get('/api/v1/profiles?scope=shared')).json().items).toEqual([]);
    expect((await housing.get('/api/v1/profiles?scope=mine')).json().items).toHaveLength(3);
    expectError(await housing.get('/api/v1/profiles?cursor=bm9wZQ'), 422, 'validation_failed');

    const me = (await housing.get('/api/v1/me')).json();
    const listed = await auditOf(t, `actorId=${me.id}&action=profiles.listed`);
    expect(listed.find((e) => e.details?.q === 'pat1')).toMatchObject({ details: { count: 1 } });
  });
});

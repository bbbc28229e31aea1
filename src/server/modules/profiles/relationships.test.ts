import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, expectError, people } from './profiles.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('relationships between profiles', () => {
  it('links two profiles, read from each side, and records it on both', async () => {
    const police = await t.as(people.police);
    const parent = await createProfile(police, { firstName: 'Paula', lastName: 'Parent', dateOfBirth: '1970-01-01' });
    const child = await createProfile(police, { firstName: 'Charlie', lastName: 'Parent', warningMarkers: ['violence'] });
    const response = await police.post(`/api/v1/profiles/${child.id}/relationships`, { otherProfileId: parent.id, kind: 'parent', direction: 'to', notes: 'Lives with her' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ kind: 'parent', label: 'Child of', direction: 'to', other: { id: parent.id, firstName: 'Paula', dateOfBirth: '1970-01-01', accessible: true }, notes: 'Lives with her' });

    expect((await police.get(`/api/v1/profiles/${parent.id}`)).json().relationships).toEqual([
      {
        id: response.json().id, kind: 'parent', label: 'Parent of', direction: 'from', notes: 'Lives with her',
        // Wherever a person appears, so do their markers and risk.
        other: { id: child.id, firstName: 'Charlie', lastName: 'Parent', dateOfBirth: null, accessible: true, safety: expect.objectContaining({ warningMarkers: [expect.objectContaining({ key: 'violence' })] }) },
      },
    ]);
    expect((await auditOf(t, `entityId=${parent.id}&action=profile.relationship_added`))[0]!.details).toMatchObject({ label: 'Parent of', otherProfileId: child.id });
    expect((await auditOf(t, `entityId=${child.id}&action=profile.relationship_added`))[0]!.details).toMatchObject({ label: 'Child of', otherProfileId: parent.id });
    const history = (await police.get(`/api/v1/profiles/${parent.id}/history`)).json();
    expect(history.items[0]).toMatchObject({ action: 'profile.relationship_added' });

    const removed = await police.delete(`/api/v1/profiles/${parent.id}/relationships/${response.json().id}`);
    expect(removed.statusCode).toBe(204);
    expect((await police.get(`/api/v1/profiles/${child.id}`)).json().relationships).toEqual([]);
    expect(await auditOf(t, `entityId=${child.id}&action=profile.relationship_removed`)).toHaveLength(1);
    expectError(await police.delete(`/api/v1/profiles/${parent.id}/relationships/${response.json().id}`), 404, 'not_found');
  });

  it('links to a profile held by another agency, showing it as locked', async () => {
    const police = await t.as(people.police);
    const mine = await createProfile(police, { firstName: 'Ivan', lastName: 'Ours' });
    const theirs = await createProfile(await t.as(people.housing), { firstName: 'Tess', lastName: 'Theirs' });
    const response = await police.post(`/api/v1/profiles/${mine.id}/relationships`, { otherProfileId: theirs.id, kind: 'partner' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ label: 'Partner of', other: { id: theirs.id, accessible: false, safety: null } });
    expect((await (await t.as(people.housing)).get(`/api/v1/profiles/${theirs.id}`)).json().relationships).toMatchObject([{ other: { id: mine.id, accessible: false, safety: null } }]);

    expectError(await police.post(`/api/v1/profiles/${theirs.id}/relationships`, { otherProfileId: mine.id, kind: 'associate' }), 403, 'no_access');
    expectError(await police.post(`/api/v1/profiles/${mine.id}/relationships`, { otherProfileId: theirs.id, kind: 'partner' }), 409, 'relationship_exists');
    expectError(await police.post(`/api/v1/profiles/${mine.id}/relationships`, { otherProfileId: theirs.id, kind: 'partner', direction: 'to' }), 409, 'relationship_exists');
  });

  it('refuses a link to itself, to an unknown profile or to another partnership', async () => {
    const police = await t.as(people.police);
    const p = await createProfile(police, { firstName: 'Solo', lastName: 'Self' });
    const elsewhere = await createProfile(await t.as(people.other), { firstName: 'Far', lastName: 'Away' });
    const self = await police.post(`/api/v1/profiles/${p.id}/relationships`, { otherProfileId: p.id, kind: 'sibling' });
    expectError(self, 422, 'validation_failed');
    expect(self.json().error.details).toEqual([{ field: 'otherProfileId', problem: 'must be another profile, not this one' }]);
    for (const otherProfileId of ['01890000-0000-7000-8000-000000000000', elsewhere.id]) {
      const response = await police.post(`/api/v1/profiles/${p.id}/relationships`, { otherProfileId, kind: 'sibling' });
      expectError(response, 422, 'validation_failed');
      expect(response.json().error.details).toEqual([{ field: 'otherProfileId', problem: 'is not a profile on the shared record' }]);
    }
    expectError(await police.post(`/api/v1/profiles/${p.id}/relationships`, { otherProfileId: p.id, kind: 'cousin' }), 422, 'validation_failed');
  });

  it('needs edit on the profile, and hides it from the other partnership', async () => {
    const police = await t.as(people.police);
    const a = await createProfile(police, { firstName: 'Ada', lastName: 'Access' });
    const b = await createProfile(police, { firstName: 'Bea', lastName: 'Access' });
    const link = (await police.post(`/api/v1/profiles/${a.id}/relationships`, { otherProfileId: b.id, kind: 'sibling' })).json();
    expectError(await (await t.as(people.council)).post(`/api/v1/profiles/${a.id}/relationships`, { otherProfileId: b.id, kind: 'associate' }), 403, 'no_access');
    expectError(await (await t.as(people.council)).delete(`/api/v1/profiles/${a.id}/relationships/${link.id}`), 403, 'no_access');
    expectError(await (await t.as(people.other)).delete(`/api/v1/profiles/${a.id}/relationships/${link.id}`), 404, 'not_found');
    expect((await police.get(`/api/v1/profiles/${b.id}`)).json().relationships).toHaveLength(1);
  });
});

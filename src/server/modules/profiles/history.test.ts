import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, expectError, people } from './profiles.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the history of a profile', () => {
  it('shows the changes, newest first, and records that it was read', async () => {
    const police = await t.as(people.police);
    const p = await createProfile(police, { firstName: 'Hester', lastName: 'History' });
    await police.patch(`/api/v1/profiles/${p.id}`, { version: 1, phone: '0115 000 0000' });
    await police.get(`/api/v1/profiles/${p.id}`);
    const response = await police.get(`/api/v1/profiles/${p.id}/history?limit=1`);
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ action: 'profile.updated', changes: { phone: { before: null, after: '0115 000 0000' } }, actor: { name: expect.any(String) } });
    const next = (await police.get(`/api/v1/profiles/${p.id}/history?cursor=${page.nextCursor}`)).json();
    expect(next.items.map((e: { action: string }) => e.action)).toEqual(['profile.created']);
    expect(await auditOf(t, `entityId=${p.id}&action=profile.history_viewed`)).toHaveLength(2);

    expectError(await (await t.as(people.council)).get(`/api/v1/profiles/${p.id}/history`), 403, 'no_access');
    expectError(await (await t.as(people.other)).get(`/api/v1/profiles/${p.id}/history`), 404, 'not_found');
    expectError(await police.get(`/api/v1/profiles/${p.id}/history?cursor=bm9wZQ`), 422, 'validation_failed');
  });
});

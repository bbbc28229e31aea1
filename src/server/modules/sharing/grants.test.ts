import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { createProfile, createRecord, emails, expectError, kinds, loadStructure, share, type Kind } from './records.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
});
afterAll(() => t.close());

const table = { profiles: 'profile_access', cases: 'case_access', locations: 'location_access' } as const;

/** Sets when the council's grant on the record ends, as an emergency or panel grant would carry. */
async function expireCouncilGrant(kind: Kind, id: string, when: 'past' | 'future') {
  const at = when === 'past' ? sql`now() - interval '1 second'` : sql`now() + interval '1 hour'`;
  await t.database.db.execute(sql`update ${sql.identifier(table[kind])} set expires_at = ${at}
    where record_id = ${id} and team_id = ${place.team('Demo District Council/Community Safety team').teamId}`);
}

describe.each(kinds)('a grant on a %s', (kind: Kind) => {
  it('says where it came from, and stops giving access the moment it expires', async () => {
    const owner = await t.as(emails.police);
    const council = await t.as(emails.council);
    const id = kind === 'profiles' ? (await createProfile(owner, { firstName: 'Gretchen', lastName: 'Expirington' })).id : await createRecord(owner, kind);
    const list = await share(owner, kind, id, { teamId: place.team('Demo District Council/Community Safety team').teamId, level: 'view' });
    expect(list.entries).toMatchObject([{ level: 'view', source: 'share', expiresAt: null }]);

    await expireCouncilGrant(kind, id, 'future');
    expect((await council.get(`/api/v1/${kind}/${id}`)).statusCode).toBe(200);
    const listed = (await owner.get(`/api/v1/${kind}/${id}/access`)).json();
    expect(Date.parse(listed.entries[0].expiresAt)).toBeGreaterThan(Date.now());

    await expireCouncilGrant(kind, id, 'past');
    expectError(await council.get(`/api/v1/${kind}/${id}`), 403, 'no_access');
    // Search still signposts it, locked, as for any record the caller may not open.
    const record = (await owner.get(`/api/v1/${kind}/${id}`)).json();
    const words = kind === 'profiles' ? `${record.firstName} ${record.lastName}` : kind === 'cases' ? record.reference : record.addressLine1;
    const search = await council.get(`/api/v1/search?q=${encodeURIComponent(words)}`);
    expect(search.statusCode).toBe(200);
    expect((search.json().items as { id: string }[]).find((item) => item.id === id)).toMatchObject({ accessible: false });
    // The other partnership never sees it, grant or not.
    expectError(await (await t.as(emails.other)).get(`/api/v1/${kind}/${id}`), 404, 'not_found');

    // Sharing again renews it, for good: an expired grant gives nothing, so this is a new share.
    const renewed = await share(owner, kind, id, { teamId: place.team('Demo District Council/Community Safety team').teamId, level: 'view' });
    expect(renewed.entries).toMatchObject([{ level: 'view', source: 'share', expiresAt: null }]);
    expect((await council.get(`/api/v1/${kind}/${id}`)).statusCode).toBe(200);
  });
});

describe('an approved access request', () => {
  it('gives view with the request as its source', async () => {
    const owner = await t.as(emails.police);
    const id = await createRecord(owner, 'profiles');
    const council = await t.as(emails.council);
    const asked = await council.post(`/api/v1/profiles/${id}/access-requests`, { reason: 'We are working with the family' });
    expect(asked.statusCode).toBe(201);
    const approved = await (await t.as(emails.lead)).post(`/api/v1/access-requests/${asked.json().id}/approve`, {});
    expect(approved.statusCode).toBe(200);
    const list = (await owner.get(`/api/v1/profiles/${id}/access`)).json();
    expect(list.entries).toMatchObject([{ team: { id: place.team('Demo District Council/Community Safety team').teamId }, level: 'view', source: 'access_request', expiresAt: null }]);
  });

  it('renews a grant that has expired, so the team can open the record again', async () => {
    const owner = await t.as(emails.police);
    const id = await createRecord(owner, 'profiles');
    await share(owner, 'profiles', id, { teamId: place.team('Demo District Council/Community Safety team').teamId, level: 'view' });
    await expireCouncilGrant('profiles', id, 'past');
    const council = await t.as(emails.council);
    expectError(await council.get(`/api/v1/profiles/${id}`), 403, 'no_access');
    const asked = await council.post(`/api/v1/profiles/${id}/access-requests`, { reason: 'Still working with the family' });
    expect(asked.statusCode).toBe(201);
    expect((await (await t.as(emails.lead)).post(`/api/v1/access-requests/${asked.json().id}/approve`, {})).statusCode).toBe(200);
    expect((await council.get(`/api/v1/profiles/${id}`)).statusCode).toBe(200);
    const list = (await owner.get(`/api/v1/profiles/${id}/access`)).json();
    expect(list.entries).toMatchObject([{ level: 'view', source: 'access_request', expiresAt: null }]);
  });
});

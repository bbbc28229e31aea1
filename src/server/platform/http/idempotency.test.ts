import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { forgetOldIdempotencyKeys } from './idempotency.ts';

let t: TestApp;

const lead = 'police.asb.lead@concord.test';
const policeAdmin = 'police.admin@concord.test';

let asbTeamId: string;
let counter = 0;
const newEmail = (label: string) => `idem.${label}.${Date.now()}.${counter++}@concord.test`;

beforeAll(async () => {
  t = await startTestApp();
  asbTeamId = (await (await t.as(lead)).get('/api/v1/me')).json().team.id;
});
afterAll(() => t.close());

const createUser = (agent: Agent, body: Record<string, unknown>, key?: string) =>
  agent.post('/api/v1/users', body, key === undefined ? {} : { 'idempotency-key': key });

/** The users whose name or email contains the text, as the team's administrator sees them. */
async function usersMatching(text: string) {
  const response = await (await t.as(policeAdmin)).get(`/api/v1/users?q=${encodeURIComponent(text)}`);
  expect(response.statusCode).toBe(200);
  return response.json().items as { id: string; email: string; name: string }[];
}

async function countRows(query: ReturnType<typeof sql>): Promise<number> {
  const { rows } = await t.database.db.execute<{ n: number }>(query);
  return Number(rows[0]!.n);
}

describe('Idempotency-Key', () => {
  it('answers a repeated POST with the first reply and creates nothing new', async () => {
    const agent = await t.as(lead);
    const email = newEmail('repeat');
    const body = { teamId: asbTeamId, name: 'Ida Repeat', email, role: 'practitioner' };

    const first = await createUser(agent, body, 'create-ida');
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const second = await createUser(agent, body, 'create-ida');
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());

    const third = await createUser(agent, body, 'create-ida');
    expect(third.json()).toEqual(first.json());

    expect((await usersMatching(email)).map((u) => u.id)).toEqual([first.json().id]);
    expect(await countRows(sql`select count(*)::int as n from outbound_messages where recipient = ${email}`)).toBe(1);
    expect(await countRows(sql`select count(*)::int as n from audit_events where action = 'user.created' and entity_id = ${first.json().id}`)).toBe(1);
  });

  it('without a key, the same POST twice is two attempts', async () => {
    const agent = await t.as(lead);
    const email = newEmail('nokey');
    const body = { teamId: asbTeamId, name: 'Noah Key', email, role: 'practitioner' };
    expect((await createUser(agent, body)).statusCode).toBe(201);
    const again = await createUser(agent, body);
    expect(again.statusCode).toBe(422);
    expect(again.json().error.details).toEqual([{ field: 'email', problem: 'is already used by another account' }]);
    expect(await usersMatching(email)).toHaveLength(1);
  });

  it('refuses the same key with a different body (422), creating nothing', async () => {
    const agent = await t.as(lead);
    const first = await createUser(agent, { teamId: asbTeamId, name: 'Ivy First', email: newEmail('first'), role: 'practitioner' }, 'reused-key');
    expect(first.statusCode).toBe(201);

    const otherEmail = newEmail('different');
    const different = await createUser(agent, { teamId: asbTeamId, name: 'Ivy Different', email: otherEmail, role: 'practitioner' }, 'reused-key');
    expect(different.statusCode).toBe(422);
    expect(different.json().error).toMatchObject({ code: 'validation_failed', details: [{ field: 'Idempotency-Key', problem: 'was already used for a different request' }] });
    expect(different.headers['idempotent-replayed']).toBeUndefined();
    expect(await usersMatching(otherEmail)).toEqual([]);
  });

  it('does not keep the key of a failed attempt, so a corrected retry with it succeeds', async () => {
    const agent = await t.as(lead);
    const taken = await createUser(agent, { teamId: asbTeamId, name: 'Tom Again', email: 'police.asb@concord.test', role: 'practitioner' }, 'retry-after-fix');
    expect(taken.statusCode).toBe(422);
    expect(taken.json().error.details).toEqual([{ field: 'email', problem: 'is already used by another account' }]);
    expect(await countRows(sql`select count(*)::int as n from idempotency_keys where key = 'retry-after-fix'`)).toBe(0);

    const email = newEmail('fixed');
    const fixed = await createUser(agent, { teamId: asbTeamId, name: 'Tom Fixed', email, role: 'practitioner' }, 'retry-after-fix');
    expect(fixed.statusCode).toBe(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
    expect((await usersMatching(email)).map((u) => u.id)).toEqual([fixed.json().id]);
  });

  it('does not keep the key of a refused attempt either', async () => {
    const agent = await t.as(lead);
    const email = newEmail('refused');
    // A team administrator may not give the team administrator role.
    const refused = await createUser(agent, { teamId: asbTeamId, name: 'Rita Refused', email, role: 'team_admin' }, 'refused-then-ok');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details[0].field).toBe('role');
    const ok = await createUser(agent, { teamId: asbTeamId, name: 'Rita Refused', email, role: 'practitioner' }, 'refused-then-ok');
    expect(ok.statusCode).toBe(201);
    expect(await usersMatching(email)).toHaveLength(1);
  });

  it('keeps keys per person: another administrator reusing a key gets their own answer', async () => {
    const mine = await t.as(lead);
    const theirs = await t.as(policeAdmin);
    const email = newEmail('mine');
    const body = { teamId: asbTeamId, name: 'Mia Mine', email, role: 'practitioner' };
    const first = await createUser(mine, body, 'shared-key');
    expect(first.statusCode).toBe(201);

    // The same key and body from someone else is not a replay of the first person's reply.
    const same = await createUser(theirs, body, 'shared-key');
    expect(same.headers['idempotent-replayed']).toBeUndefined();
    expect(same.statusCode).toBe(422);
    expect(same.json().error.details).toEqual([{ field: 'email', problem: 'is already used by another account' }]);

    const theirEmail = newEmail('theirs');
    const own = await createUser(theirs, { ...body, name: 'Theo Theirs', email: theirEmail }, 'shared-key');
    expect(own.statusCode).toBe(201);
    expect(own.headers['idempotent-replayed']).toBeUndefined();
    expect(own.json().id).not.toBe(first.json().id);
    expect(await usersMatching(theirEmail)).toHaveLength(1);
    expect(await usersMatching(email)).toHaveLength(1);

    // Each person's key still replays their own first reply.
    const replay = await createUser(mine, body, 'shared-key');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
  });

  it('treats the same key on another path as a different request', async () => {
    const agent = await t.as(policeAdmin);
    const email = newEmail('path');
    expect((await createUser(agent, { teamId: asbTeamId, name: 'Pat Path', email, role: 'practitioner' }, 'path-key')).statusCode).toBe(201);
    const me = (await agent.get('/api/v1/me')).json();
    const team = await agent.post('/api/v1/teams', { organisationId: me.organisation.id, name: 'Path team' }, { 'idempotency-key': 'path-key' });
    expect(team.statusCode).toBe(422);
    expect(team.json().error.details[0].field).toBe('Idempotency-Key');
    expect(await countRows(sql`select count(*)::int as n from teams where name = 'Path team'`)).toBe(0);
  });

  it('lets only one of two racing copies through, and gives the other its reply', async () => {
    const agent = await t.as(lead);
    const email = newEmail('race');
    const body = { teamId: asbTeamId, name: 'Rae Race', email, role: 'practitioner' };
    const replies = await Promise.all([createUser(agent, body, 'race-key'), createUser(agent, body, 'race-key')]);
    expect(replies.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(replies.map((r) => r.headers['idempotent-replayed']).sort()).toEqual(['true', undefined]);
    expect(replies[1]!.json()).toEqual(replies[0]!.json());
    expect(await usersMatching(email)).toHaveLength(1);
  });

  it('keeps the key and its reply in the transaction that made the record', async () => {
    const agent = await t.as(lead);
    const email = newEmail('stored');
    const first = await createUser(agent, { teamId: asbTeamId, name: 'Sid Stored', email, role: 'practitioner' }, 'stored-key');
    expect(first.statusCode).toBe(201);
    const { rows } = await t.database.db.execute<{ status_code: number; response_body: string; user_xmin: string; key_xmin: string }>(sql`
      select k.status_code, k.response_body, k.xmin::text as key_xmin, u.xmin::text as user_xmin
        from idempotency_keys k, users u where k.key = 'stored-key' and u.email = ${email}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status_code).toBe(201);
    expect(JSON.parse(rows[0]!.response_body)).toEqual(first.json());
    // The same transaction id wrote both rows.
    expect(rows[0]!.key_xmin).toBe(rows[0]!.user_xmin);
  });

  it('replays a reply with the status the route chose for it', async () => {
    const agent = await t.as(lead);
    const csv = 'First name,Last name,Reason created\nIda,Importson,Imported for the replay test\n';
    const dryRun = await agent.post('/api/v1/profile-imports', { csv, dryRun: true }, { 'idempotency-key': 'import-dry' });
    expect(dryRun.statusCode).toBe(200);
    const again = await agent.post('/api/v1/profile-imports', { csv, dryRun: true }, { 'idempotency-key': 'import-dry' });
    expect({ status: again.statusCode, replayed: again.headers['idempotent-replayed'] }).toEqual({ status: 200, replayed: 'true' });
    expect(again.json()).toEqual(dryRun.json());
  });

  it('refuses a key longer than 200 characters', async () => {
    const agent = await t.as(lead);
    const email = newEmail('long');
    const response = await createUser(agent, { teamId: asbTeamId, name: 'Lon Gkey', email, role: 'practitioner' }, 'k'.repeat(201));
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details).toEqual([{ field: 'Idempotency-Key', problem: 'must be between 1 and 200 characters' }]);
    expect(await usersMatching(email)).toEqual([]);
  });

  it('forgets a key and its stored reply after a day, so the reply does not outlive its use', async () => {
    const agent = await t.as(lead);
    const oldKey = `old-${Date.now()}`;
    const freshKey = `fresh-${Date.now()}`;
    expect((await createUser(agent, { teamId: asbTeamId, name: 'Ola Day', email: newEmail('old'), role: 'practitioner' }, oldKey)).statusCode).toBe(201);
    expect((await createUser(agent, { teamId: asbTeamId, name: 'Fre Day', email: newEmail('fresh'), role: 'practitioner' }, freshKey)).statusCode).toBe(201);
    await t.database.db.execute(sql`update idempotency_keys set created_at = now() - interval '24 hours 1 minute' where key = ${oldKey}`);

    expect(await forgetOldIdempotencyKeys(t.database.db)).toBe(1);
    expect(await countRows(sql`select count(*)::int as n from idempotency_keys where key = ${oldKey}`)).toBe(0);
    expect(await countRows(sql`select count(*)::int as n from idempotency_keys where key = ${freshKey}`)).toBe(1);
  });
});

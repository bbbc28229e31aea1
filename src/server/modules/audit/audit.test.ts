import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teams } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { demoPassword } from '../../db/seed/demo.ts';
import { makeAgent, startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { failure } from '../../test/failure.ts';

let t: TestApp;

const admin = 'admin@concord.test';
const policeAdmin = 'police.admin@concord.test';
const lead = 'police.asb.lead@concord.test';
const practitioner = 'police.asb@concord.test';
const other = 'other.police@concord.test';

interface AuditEvent {
  id: string;
  seq: number;
  at: string;
  actor: { kind: string; id: string | null; name: string | null };
  action: string;
  outcome: string;
  entityType: string | null;
  entityId: string | null;
  ip: string | null;
  reason: string | null;
  changes: Record<string, { before: unknown; after: unknown }> | null;
  details: Record<string, unknown> | null;
  valuesHidden: boolean;
}

// Callers from known addresses (documentation range), so the recorded ip can be checked.
const practitionerAddress = '203.0.113.10';
const strangerAddress = '203.0.113.11';
/** The practitioner, signed in once from their own address and used throughout. */
let practitionerAgent: Agent;

const userId: Record<string, string> = {};
const org: Record<string, string> = {};
const team: Record<string, string> = {};

let counter = 0;
const unique = (prefix: string) => `${prefix} ${Date.now()} ${counter++}`;

/** Every event the agent may see matching the query, newest first, following the cursor. */
async function allEvents(agent: Agent, query = '', limit = 200): Promise<AuditEvent[]> {
  const items: AuditEvent[] = [];
  let cursor: string | null = null;
  do {
    const response = await agent.get(`/api/v1/audit-events?limit=${limit}${query ? `&${query}` : ''}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.statusCode).toBe(200);
    const page = response.json() as { items: AuditEvent[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function count(): Promise<number> {
  const { rows } = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_events`);
  return Number(rows[0]!.n);
}

function expectError(response: { statusCode: number; json(): unknown }, status: number, code: string) {
  expect({ status: response.statusCode, code: (response.json() as { error?: { code?: string } }).error?.code }).toEqual({ status, code });
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const users = await db.execute<{ id: string; email: string }>(sql`select id, email from users`);
  for (const u of users.rows) userId[u.email] = u.id;
  const places = await db.execute<{ org: string; team: string; org_id: string; team_id: string }>(
    sql`select o.name as org, t.name as team, o.id as org_id, t.id as team_id from teams t join organisations o on o.id = t.organisation_id`,
  );
  for (const p of places.rows) {
    org[p.org] = p.org_id;
    team[`${p.org}/${p.team}`] = p.team_id;
  }
});
afterAll(() => t.close());

describe('the audit viewer', () => {
  let createdTeamId: string;

  it('shows sign-ins, failed sign-ins and administrative changes with actor, action, entity and ip', async () => {
    practitionerAgent = makeAgent(t.app, {}, {}, practitionerAddress);
    const signedIn = await practitionerAgent.post('/api/v1/auth/sign-in', { email: practitioner, password: demoPassword, totp: await t.code(practitioner) });
    expect(signedIn.statusCode).toBe(200);
    const failed = await makeAgent(t.app, {}, {}, strangerAddress).post('/api/v1/auth/sign-in', { email: 'housing@concord.test', password: 'not the password', totp: '123456' });
    expect(failed.statusCode).toBe(401);
    const agent = await t.as(admin);
    const name = unique('Audited team');
    const created = await agent.post('/api/v1/teams', { organisationId: org['Demo County Police']!, name });
    expect(created.statusCode).toBe(201);
    createdTeamId = created.json().id;

    const events = await allEvents(agent);
    const signIn = events.find((e) => e.action === 'auth.signed_in' && e.entityId === userId[practitioner]);
    expect(signIn).toMatchObject({ outcome: 'success', entityType: 'user', ip: practitionerAddress });

    const failedEvent = events.find((e) => e.action === 'auth.sign_in_failed' && e.entityId === userId['housing@concord.test']);
    expect(failedEvent).toMatchObject({ outcome: 'failed', entityType: 'user', ip: strangerAddress, details: { email: 'housing@concord.test', why: 'wrong_password' } });

    // The administrator's change comes from the address they signed in from.
    const adminSignIn = events.find((e) => e.action === 'auth.signed_in' && e.entityId === userId[admin]);
    expect(adminSignIn!.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect([practitionerAddress, strangerAddress]).not.toContain(adminSignIn!.ip);
    const change = events.find((e) => e.action === 'team.created' && e.entityId === createdTeamId);
    expect(change).toMatchObject({
      actor: { kind: 'user', id: userId[admin], name: 'Sam Administrator' },
      outcome: 'success',
      entityType: 'team',
      ip: adminSignIn!.ip,
      changes: { name: { before: null, after: name }, organisationId: { before: null, after: org['Demo County Police'] } },
      valuesHidden: false,
    });
    expect(new Date(change!.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(change!.at).toMatch(/Z$/);
  });

  it('narrows correctly by entityType, entityId, actorId, action, outcome and time', async () => {
    const agent = await t.as(admin);
    const everything = await allEvents(agent);
    const maxSeq = everything[0]!.seq;
    // A moment between two events at least 2 ms apart, so that no event sits on the boundary
    // (the database keeps microseconds; the API shows milliseconds).
    const times = [...new Set(everything.map((e) => Date.parse(e.at)))].sort((a, b) => a - b);
    const gap = times.findIndex((ms, i) => i >= times.length / 3 && times[i + 1] !== undefined && times[i + 1]! - ms >= 2);
    expect(gap).toBeGreaterThan(0);
    const boundary = new Date(times[gap]! + 1).toISOString();
    const cases: [string, (e: AuditEvent) => boolean][] = [
      ['entityType=team', (e) => e.entityType === 'team'],
      [`entityId=${createdTeamId}`, (e) => e.entityId === createdTeamId],
      [`actorId=${userId[admin]}`, (e) => e.actor.id === userId[admin]],
      ['action=auth.sign_in_failed', (e) => e.action === 'auth.sign_in_failed'],
      ['outcome=failed', (e) => e.outcome === 'failed'],
      ['outcome=success', (e) => e.outcome === 'success'],
      ['entityType=user&action=auth.signed_in', (e) => e.entityType === 'user' && e.action === 'auth.signed_in'],
      [`from=${boundary}`, (e) => Date.parse(e.at) >= Date.parse(boundary)],
      [`to=${boundary}`, (e) => Date.parse(e.at) <= Date.parse(boundary)],
      [`from=${boundary}&outcome=success`, (e) => Date.parse(e.at) >= Date.parse(boundary) && e.outcome === 'success'],
    ];
    for (const [query, matches] of cases) {
      const filtered = (await allEvents(agent, query)).filter((e) => e.seq <= maxSeq);
      const expected = everything.filter(matches);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(expected.length, query).toBeLessThan(everything.length);
      expect(filtered.map((e) => e.seq), query).toEqual(expected.map((e) => e.seq));
    }
    expect(await allEvents(agent, `entityId=${createdTeamId}&action=team.updated`)).toEqual([]);
  });

  it('pages with limit and cursor through every event exactly once, newest first', async () => {
    const agent = await t.as(admin);
    const pages: AuditEvent[][] = [];
    let cursor: string | null = null;
    do {
      const response = await agent.get(`/api/v1/audit-events?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode).toBe(200);
      const page = response.json() as { items: AuditEvent[]; nextCursor: string | null };
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const seqs = pages.flat().map((e) => e.seq);
    expect(pages.slice(0, -1).every((p) => p.length === 7)).toBe(true);
    expect(pages.at(-1)!.length).toBeGreaterThan(0);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]!).toBeLessThan(seqs[i - 1]!);
    expect(new Set(seqs).size).toBe(seqs.length);

    const { rows } = await t.database.db.execute<{ seq: number }>(sql`select seq from audit_events where seq <= ${seqs[0]!} order by seq desc`);
    expect(seqs).toEqual(rows.map((r) => Number(r.seq)));
    expect(seqs.length).toBeGreaterThan(20);
  });

  it('refuses a cursor it did not issue', async () => {
    const response = await (await t.as(admin)).get('/api/v1/audit-events?cursor=not-a-cursor');
    expectError(response, 422, 'validation_failed');
    expect(response.json().error.details).toEqual([{ field: 'cursor', problem: 'is not a cursor from this list' }]);
  });

  it('records looking at the audit trail, with the filters used', async () => {
    const agent = await t.as(admin);
    await agent.get(`/api/v1/audit-events?action=team.created&entityId=${createdTeamId}`);
    const [viewed] = await allEvents(agent, `action=audit.viewed&actorId=${userId[admin]}`, 1);
    expect(viewed).toMatchObject({ actor: { id: userId[admin] }, details: { filters: { action: 'team.created', entityId: createdTeamId } } });
  });
});

describe('who sees which events', () => {
  let policeTeamEventId: string;
  let councilTeamEventId: string;

  beforeAll(async () => {
    const agent = await t.as(admin);
    const police = await agent.post('/api/v1/teams', { organisationId: org['Demo County Police']!, name: unique('Police team by admin') });
    const council = await agent.post('/api/v1/teams', { organisationId: org['Demo District Council']!, name: unique('Council team by admin') });
    const own = await (await t.as(policeAdmin)).post('/api/v1/teams', { organisationId: org['Demo County Police']!, name: unique('Police team by police admin') });
    expect([police.statusCode, council.statusCode, own.statusCode]).toEqual([201, 201, 201]);
    const byEntity = async (id: string) => (await allEvents(agent, `entityId=${id}&action=team.created`))[0]!.id;
    policeTeamEventId = await byEntity(police.json().id);
    councilTeamEventId = await byEntity(council.json().id);
    await t.as(other);
    await t.anonymous.post('/api/v1/auth/sign-in', { email: 'council.asb@concord.test', password: 'wrong', totp: '000000' });
  });

  // Which rows: who did what, when, to which record. Which values each row then carries is the
  // record's to decide (only for readers who could open it now): values.test.ts.
  it('shows an organisation administrator the events of their organisation, by actor or subject, and nothing else', async () => {
    const agent = await t.as(policeAdmin);
    const seen = await allEvents(agent);
    const maxSeq = seen[0]!.seq;
    const ids = seen.map((e) => e.id);
    expect(ids).toContain(policeTeamEventId);
    expect(ids).not.toContain(councilTeamEventId);
    expect(seen.some((e) => e.action === 'auth.signed_in' && e.entityId === userId[practitioner])).toBe(true);
    expect(seen.some((e) => e.action === 'team.created' && e.actor.id === userId[policeAdmin])).toBe(true);
    expect(seen.some((e) => e.entityId === userId[other] || e.actor.id === userId[other])).toBe(false);
    expect(seen.some((e) => e.entityId === userId['council.asb@concord.test'])).toBe(false);

    const police = org['Demo County Police']!;
    const { rows } = await t.database.db.execute<{ id: string }>(
      sql`select id from audit_events where (organisation_id = ${police} or subject_organisation_id = ${police}) and seq <= ${maxSeq} order by seq desc`,
    );
    expect(ids).toEqual(rows.map((r) => r.id));

    // Filters cannot reach outside the scope.
    expect(await allEvents(agent, `entityId=${team['Demo District Council/Community Safety team']!}`)).toEqual([]);
    expect(await allEvents(agent, `actorId=${userId[other]}`)).toEqual([]);
  });

  it('shows a team administrator the events of their team only', async () => {
    const agent = await t.as(lead);
    const seen = await allEvents(agent);
    const maxSeq = seen[0]!.seq;
    const asb = team['Demo County Police/ASB team']!;
    const { rows } = await t.database.db.execute<{ id: string }>(
      sql`select id from audit_events where (team_id = ${asb} or subject_team_id = ${asb}) and seq <= ${maxSeq} order by seq desc`,
    );
    expect(seen.map((e) => e.id)).toEqual(rows.map((r) => r.id));
    expect(seen.map((e) => e.id)).not.toContain(policeTeamEventId);
    expect(seen.some((e) => e.entityId === userId[practitioner])).toBe(true);
  });

  it('gives the other partnership nothing of this one', async () => {
    const police = org['Demo County Police']!;
    const { rows } = await t.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_events where partnership_id = (select partnership_id from organisations where id = ${police})`,
    );
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    // The only other-partnership viewer in the demo is a practitioner, who may not open the viewer at all;
    // values.test.ts makes an administrator there and finds nothing of this partnership either.
    expectError(await (await t.as(other)).get('/api/v1/audit-events'), 403, 'forbidden');
  });

  it('refuses practitioners the viewer (403), and everyone but the system administrator the check', async () => {
    const agent = practitionerAgent;
    expectError(await agent.get('/api/v1/audit-events'), 403, 'forbidden');
    expectError(await agent.get('/api/v1/audit-events/actions'), 403, 'forbidden');
    expectError(await agent.post('/api/v1/audit-events/verify'), 403, 'forbidden');
    expectError(await (await t.as(policeAdmin)).post('/api/v1/audit-events/verify'), 403, 'forbidden');
    expectError(await (await t.as(lead)).post('/api/v1/audit-events/verify'), 403, 'forbidden');
  });

  it('lists the kinds of event for the filter', async () => {
    const response = await (await t.as(lead)).get('/api/v1/audit-events/actions');
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual(expect.arrayContaining(['auth.signed_in', 'auth.sign_in_failed', 'access.refused', 'team.created', 'api_token.revoked']));
  });
});

describe('refusals', () => {
  it('records a refusal by the route guard as access.refused with outcome refused', async () => {
    const agent = practitionerAgent;
    const name = unique('Refused team');
    expectError(await agent.post('/api/v1/teams', { organisationId: org['Demo County Police']!, name }), 403, 'forbidden');
    const refused = await allEvents(await t.as(admin), `action=access.refused&actorId=${userId[practitioner]}`);
    expect(refused[0]).toMatchObject({
      outcome: 'refused',
      actor: { kind: 'user', id: userId[practitioner], name: 'Tom Wright' },
      ip: practitionerAddress,
      details: { method: 'POST', route: '/api/v1/teams', permission: 'teams.manage' },
    });
    expect((await allEvents(await t.as(admin), 'action=team.created')).some((e) => e.changes?.name?.after === name)).toBe(false);
  });

  it('records a refusal inside a use case, though the use case\'s own transaction is rolled back', async () => {
    const agent = await t.as(policeAdmin);
    const councilTeam = team['Demo District Council/Environmental Health']!;
    expectError(await agent.patch(`/api/v1/teams/${councilTeam}`, { version: 1, name: 'Police environmental health' }), 403, 'forbidden');
    const refused = await allEvents(await t.as(admin), `action=access.refused&actorId=${userId[policeAdmin]}`);
    expect(refused[0]).toMatchObject({ outcome: 'refused', details: { code: 'forbidden' } });
    expect(await allEvents(await t.as(admin), `entityId=${councilTeam}&action=team.updated`)).toEqual([]);
  });
});

describe('an audit event stands or falls with its change', () => {
  it('writes no *.updated event for a failed update', async () => {
    const agent = await t.as(policeAdmin);
    const created = (await agent.post('/api/v1/teams', { organisationId: org['Demo County Police']!, name: unique('Atomic team') })).json();
    const ok = await agent.patch(`/api/v1/teams/${created.id}`, { version: 1, name: `${created.name} renamed` });
    expect(ok.statusCode).toBe(200);
    expectError(await agent.patch(`/api/v1/teams/${created.id}`, { version: 1, name: `${created.name} stale` }), 409, 'conflict');
    expectError(await agent.patch(`/api/v1/teams/${created.id}`, { version: 2, name: 'IOM team' }), 422, 'validation_failed');

    const updates = await allEvents(await t.as(admin), `entityId=${created.id}&action=team.updated`);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.changes).toEqual({ name: { before: created.name, after: `${created.name} renamed` } });
    expect((await allEvents(await t.as(admin), `entityId=${created.id}`)).map((e) => e.action)).toEqual(['team.updated', 'team.created']);
  });

  async function adminActor(): Promise<Actor> {
    const { rows } = await t.database.db.execute<{ id: string; team_id: string; organisation_id: string; partnership_id: string }>(sql`
      select u.id, u.team_id, t.organisation_id, o.partnership_id from users u join teams t on t.id = u.team_id
        join organisations o on o.id = t.organisation_id where u.email = ${admin}`);
    const r = rows[0]!;
    return { kind: 'user', id: r.id, name: 'Sam Administrator', role: 'system_admin', isSupervisor: false, teamId: r.team_id, organisationId: r.organisation_id, partnershipId: r.partnership_id, readOnly: false };
  }

  it('keeps neither the change nor its audit event when the use case fails after auditing', async () => {
    const before = await count();
    const name = unique('Never committed');
    const failed = t.app.platform.runner.run({ actor: await adminActor(), origin: { ip: '203.0.113.99' } }, async (ctx) => {
      const [row] = await ctx.tx.insert(teams).values({ organisationId: org['Demo County Police']!, name }).returning();
      ctx.audit({ action: 'team.created', entityType: 'team', entityId: row!.id, changes: { name: { before: null, after: name } } });
      throw new Error('the use case failed after its change');
    });
    await expect(failed).rejects.toThrow('the use case failed after its change');
    expect(await t.database.db.select().from(teams).where(eq(teams.name, name))).toEqual([]);
    expect(await count()).toBe(before);
  });

  it('keeps no change when its audit event cannot be written', async () => {
    const before = await count();
    const name = unique('Unaudited');
    const failed = t.app.platform.runner.run({ actor: await adminActor(), origin: { ip: '203.0.113.99' } }, async (ctx) => {
      await ctx.tx.insert(teams).values({ organisationId: org['Demo County Police']!, name });
      ctx.audit({ action: 'team.created', entityType: 'team', entityId: 'not-a-uuid' });
    });
    await expect(failed).rejects.toThrow();
    expect(await t.database.db.select().from(teams).where(eq(teams.name, name))).toEqual([]);
    expect(await count()).toBe(before);
  });
});

describe('the audit table is append-only', () => {
  it('rejects UPDATE, DELETE and TRUNCATE, and keeps every row', async () => {
    const db = t.database.db;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    expect(await failure(db.execute(sql`update audit_events set action = 'x'`))).toMatch(/append-only/);
    expect(await failure(db.execute(sql`update audit_events set details = '{"x":1}' where seq = (select max(seq) from audit_events)`))).toMatch(/append-only/);
    expect(await failure(db.execute(sql`delete from audit_events`))).toMatch(/append-only/);
    expect(await failure(db.execute(sql`delete from audit_events where seq = (select min(seq) from audit_events)`))).toMatch(/append-only/);
    // Truncating the trail with what refers to it, so that the trail's own guard is what stops it.
    expect(await failure(db.execute(sql`truncate audit_events, audit_chain, audit_values`))).toMatch(/append-only/);
    expect(await count()).toBe(before);
    const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_events where action = 'x' or details = '{"x":1}'`);
    expect(Number(rows[0]!.n)).toBe(0);
  });
});

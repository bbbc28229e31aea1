import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { failure } from '../../test/failure.ts';
import { extendAuditChain } from './chain.ts';

let t: TestApp;
let admin: Agent;

interface Report {
  intact: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  pending: number;
  erased: number;
}

async function verify(): Promise<Report> {
  const response = await admin.post('/api/v1/audit-events/verify');
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Report;
}

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const { rows } = await t.database.db.execute(query);
  return rows[0] as T;
}

/**
 * Waits until every event committed so far is in the chain. On a shared PostgreSQL server a
 * transaction of another test file's database holds back the horizon for a moment.
 */
async function chained(): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    await t.database.db.transaction((tx) => extendAuditChain(tx));
    const left = await one<{ n: number }>(sql`
      select count(*)::int as n from audit_events e where not exists (select 1 from audit_chain c where c.event_id = e.id)`);
    if (Number(left.n) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the chain did not catch up');
}

/** As the database's superuser would: with the guard on the table switched off for the one statement. */
async function bypassing(table: 'audit_events' | 'audit_chain' | 'audit_values', trigger: string, statement: ReturnType<typeof sql>) {
  await t.database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`alter table ${table} disable trigger ${trigger}`));
    await tx.execute(statement);
    await tx.execute(sql.raw(`alter table ${table} enable trigger ${trigger}`));
  });
}

/** A search: an event whose terms are personal values, kept in audit_values. */
async function search(q: string): Promise<{ id: string; seq: number }> {
  expect((await admin.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).statusCode).toBe(200);
  return one(sql`select e.id, e.seq from audit_events e join audit_values v on v.event_id = e.id
                  where e.action = 'search.performed' and v.details->>'query' = ${q}`);
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin@concord.test');
});

afterAll(() => t.close());

describe('the audit chain', () => {
  it('takes every finished event in the order their transactions began, each linked to the one before', async () => {
    await search('Chain Order');
    await chained();
    const { rows } = await t.database.db.execute<{ position: number; prev_hash: string; hash: string; before: string | null }>(sql`
      select position, prev_hash, hash, lag(hash) over (order by position) as before from audit_chain order by position`);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.map((r) => Number(r.position))).toEqual(rows.map((_, i) => i + 1));
    expect(rows[0]!.prev_hash).toBe('genesis');
    for (const row of rows.slice(1)) expect(row.prev_hash).toBe(row.before);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
  });

  it('is append-only; values may be erased but never rewritten', async () => {
    const db = t.database.db;
    expect(await failure(db.execute(sql`update audit_chain set hash = 'x'`))).toMatch(/append-only/);
    expect(await failure(db.execute(sql`delete from audit_chain`))).toMatch(/append-only/);
    expect(await failure(db.execute(sql`truncate audit_chain`))).toMatch(/append-only/);
    expect(await failure(db.execute(sql`update audit_values set reason = 'x'`))).toMatch(/erased but not changed/);
  });
});

describe('verifying the trail', () => {
  it('reports an intact chain to the system administrator, having checked every event before it', async () => {
    await chained();
    const report = await verify();
    expect(report).toMatchObject({ intact: true, firstBrokenSeq: null, erased: 0 });
    const { seq } = await one<{ seq: number }>(sql`select max(seq) as seq from audit_events where action = 'audit.verified'`);
    const earlier = await one<{ n: number }>(sql`select count(*)::int as n from audit_events where seq < ${seq}`);
    expect(report.checked).toBe(Number(earlier.n));
    expect(report.pending).toBe(0);
  });

  it('finds an event changed behind its guard, and is intact again when it is put back', async () => {
    const { seq, details } = await one<{ seq: number; details: unknown }>(sql`
      select seq, details from audit_events where action = 'auth.signed_in' order by seq limit 1`);
    await bypassing('audit_events', 'audit_events_no_update_or_delete', sql`update audit_events set details = '{"stage":"changed"}' where seq = ${seq}`);
    const position = await one<{ p: number }>(sql`select c.position as p from audit_chain c join audit_events e on e.id = c.event_id where e.seq = ${seq}`);
    expect(await verify()).toMatchObject({ intact: false, checked: Number(position.p) - 1, firstBrokenSeq: Number(seq) });
    // Events written since do not mend it.
    expect(await verify()).toMatchObject({ intact: false, firstBrokenSeq: Number(seq) });

    await bypassing('audit_events', 'audit_events_no_update_or_delete', sql`update audit_events set details = ${JSON.stringify(details)}::jsonb where seq = ${seq}`);
    expect(await verify()).toMatchObject({ intact: true, firstBrokenSeq: null });
  });

  it('finds changed values through the digest the event keeps', async () => {
    const event = await search('Values Tamper');
    const original = await one<{ details: unknown }>(sql`select details from audit_values where event_id = ${event.id}`);
    await chained();
    await bypassing('audit_values', 'audit_values_no_update', sql`update audit_values set details = '{"query":"something else"}' where event_id = ${event.id}`);
    expect(await verify()).toMatchObject({ intact: false, firstBrokenSeq: Number(event.seq) });
    // Values put where an event had none are found the same way.
    await bypassing('audit_values', 'audit_values_no_update', sql`update audit_values set details = ${JSON.stringify(original.details)}::jsonb where event_id = ${event.id}`);
    const bare = await one<{ id: string; seq: number }>(sql`
      insert into audit_events (id, actor_kind, action, outcome) values (gen_random_uuid(), 'system', 'team.created', 'success') returning id, seq`);
    await chained();
    await t.database.db.execute(sql`insert into audit_values (event_id, reason) values (${bare.id}, 'added afterwards')`);
    expect(await verify()).toMatchObject({ intact: false, firstBrokenSeq: Number(bare.seq) });
    await t.database.db.execute(sql`delete from audit_values where event_id = ${bare.id}`);
    expect(await verify()).toMatchObject({ intact: true });
  });

  it('stays intact when values are erased, counts them, and the viewer says they were', async () => {
    const event = await search('Erase Me Smith');
    await chained();
    await t.database.db.execute(sql`delete from audit_values where event_id = ${event.id}`);
    expect(await verify()).toMatchObject({ intact: true, erased: 1 });

    const response = await admin.get('/api/v1/audit-events?action=search.performed&limit=50');
    const shown = (response.json() as { items: { id: string; valuesErased: boolean; details: unknown }[] }).items.find((e) => e.id === event.id);
    expect(shown).toMatchObject({ valuesErased: true, details: null });
    expect(response.body).not.toContain('Erase Me Smith');
  });

  it('finds an event slipped in behind the chain with an old transaction id', async () => {
    const slipped = await one<{ id: string; seq: number }>(sql`
      insert into audit_events (id, actor_kind, action, outcome, xid) values (gen_random_uuid(), 'system', 'team.created', 'success', '3'::xid8)
      returning id, seq`);
    expect(await verify()).toMatchObject({ intact: false, firstBrokenSeq: Number(slipped.seq) });
    await bypassing('audit_events', 'audit_events_no_update_or_delete', sql`delete from audit_events where id = ${slipped.id}`);
    expect(await verify()).toMatchObject({ intact: true });
  });

  it('finds a removed event: the chain breaks at the one after it', async () => {
    const { id, position } = await one<{ id: string; position: number }>(sql`select event_id as id, position from audit_chain where position = 5`);
    const next = await one<{ seq: number }>(sql`select e.seq from audit_chain c join audit_events e on e.id = c.event_id where c.position = ${Number(position) + 1}`);
    await bypassing('audit_chain', 'audit_chain_no_update_or_delete', sql`delete from audit_chain where position = ${position}`);
    await t.database.db.execute(sql`delete from audit_values where event_id = ${id}`);
    await bypassing('audit_events', 'audit_events_no_update_or_delete', sql`delete from audit_events where id = ${id}`);
    expect(await verify()).toMatchObject({ intact: false, checked: 4, firstBrokenSeq: Number(next.seq) });
  });
});

// Two transactions at once need two connections: the embedded database has one.
describe.runIf(process.env.TEST_DATABASE_URL)('with transactions in flight (PostgreSQL)', () => {
  let held: pg.PoolClient;
  let chainedBefore: number;

  beforeAll(async () => {
    // A fresh database: the tests above broke this one's chain on purpose.
    await t.close();
    t = await startTestApp();
    admin = await t.as('admin@concord.test');
    await chained();
    chainedBefore = Number((await one<{ n: number }>(sql`select count(*)::int as n from audit_chain`)).n);
  });

  it('answers audited requests while another transaction holding an event is open, and chains that event when it ends', async () => {
    held = await t.database.pool.connect();
    await held.query('begin');
    await held.query(`insert into audit_events (id, actor_kind, action, outcome) values (gen_random_uuid(), 'system', 'team.created', 'success')`);
    const { rows: [first] } = await held.query<{ id: string }>(`select id from audit_events where xid = pg_current_xact_id()`);

    // Under the old single lock this request queued behind the open transaction.
    const later = await search('While Another Is Open');
    const report = await verify();
    expect(report).toMatchObject({ intact: true });
    expect(report.pending).toBeGreaterThanOrEqual(1);
    const notYet = await one<{ n: number }>(sql`select count(*)::int as n from audit_chain where event_id = ${later.id}`);
    expect(Number(notYet.n)).toBe(0);

    await held.query('commit');
    held.release();
    await chained();
    expect(await verify()).toMatchObject({ intact: true });
    const { rows } = await t.database.db.execute<{ event_id: string; position: number }>(sql`
      select event_id, position from audit_chain where event_id in (${first!.id}, ${later.id}) order by position`);
    // The open transaction began first, so its event comes first, though it committed last.
    expect(rows.map((r) => r.event_id)).toEqual([first!.id, later.id]);
    expect(Number(rows[0]!.position)).toBeGreaterThan(chainedBefore);
  });
});

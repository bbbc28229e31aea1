import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { createProfile, emails } from '../sharing/records.fixtures.ts';
import { complete, matrixAllMax, matrixMedium, start, type Made } from './assessments.fixtures.ts';

let t: TestApp;
let police: Agent;
let lead: Agent;

beforeAll(async () => {
  t = await startTestApp();
  police = await t.as(emails.police);
  lead = await t.as(emails.lead);
});
afterAll(() => t.close());

/**
 * Holds the profile's row lock from a connection of the test's own until `waiters` transactions
 * of the app wait for a lock, so they are all inside their completion at once when it lets go.
 */
async function holdProfile(profileId: string, waiters: number): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client(t.database.connection!);
  await client.connect();
  await client.query('begin');
  await client.query('select 1 from profiles where id = $1 for update', [profileId]);
  return {
    async release() {
      try {
        const deadline = Date.now() + 15_000;
        for (;;) {
          // Statistics views keep the snapshot a transaction first took; this one stays open.
          await client.query('select pg_stat_clear_snapshot()');
          const { rows: [row] } = await client.query<{ waiting: number }>(
            `select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
          );
          if (row!.waiting >= waiters) break;
          if (Date.now() > deadline) throw new Error(`only ${row!.waiting} of ${waiters} completions reached a lock`);
          await new Promise((r) => setTimeout(r, 20));
        }
      } finally {
        await client.query('commit');
        await client.end();
      }
    },
  };
}

const lastCompleted = (done: Made[]) =>
  [...done].sort((x, y) => String(x.completedAt).localeCompare(String(y.completedAt)) || x.id.localeCompare(y.id)).at(-1)!;

describe('two matrices completed at the same moment on one profile', () => {
  // PGlite is one session, so there the two run one after the other in whichever order they
  // reach it, and the same must hold; on PostgreSQL both are held at the profile until both are
  // inside their transactions.
  it('leave the risk level of the one completed last, and a history where each change starts from the one before', async () => {
    const profile = await createProfile(police);
    const subject = { type: 'profile' as const, id: profile.id };
    const high = await start(police, 'asb-risk-matrix', subject, matrixAllMax);
    const medium = await start(lead, 'asb-risk-matrix', subject, matrixMedium);

    const hold = t.database.mode === 'postgres' ? await holdProfile(profile.id, 2) : null;
    const both = Promise.all([complete(police, high.id), complete(lead, medium.id)]);
    await hold?.release();
    const done = await both;

    expect(done.map((d) => (d.band as { riskLevel: string }).riskLevel).sort()).toEqual(['high', 'medium']);
    const last = lastCompleted(done);
    const now = (await police.get(`/api/v1/profiles/${profile.id}`)).json();
    expect(now.riskLevel).toBe((last.band as { riskLevel: string }).riskLevel);

    const history = ((await police.get(`/api/v1/profiles/${profile.id}/risk-levels`)).json().items as { from: string | null; to: string; assessmentId: string }[]).reverse();
    expect(history[0]!.from).toBeNull();
    history.slice(1).forEach((change, i) => expect(change.from, `change ${i + 2} of ${history.length}`).toBe(history[i]!.to));
    expect(history.at(-1)).toMatchObject({ to: now.riskLevel, assessmentId: last.id });
  });
});

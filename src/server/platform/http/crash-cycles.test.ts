import { describe, expect, it } from 'vitest';
import { crashCycles } from '../../test/crash-cycles.ts';

// The short form of bench/crash.ts: a few kill -9 cycles during concurrent creations, of Concord
// and, on PostgreSQL, of the database server itself (a throwaway cluster this test owns; the
// suite's shared one stays up). Nothing acknowledged is lost, no key makes two profiles.
const mode = process.env.TEST_DATABASE_URL ? 'postgres' : 'embedded';

describe(`kill -9 during concurrent writes (${mode})`, () => {
  it('loses no acknowledged creation, duplicates none, restarts every time and keeps the audit chain', async () => {
    const report = await crashCycles({ mode, cycles: mode === 'postgres' ? 4 : 3, concurrency: 6 });
    expect(report.acknowledged).toBeGreaterThan(0);
    expect(report.retried).toBeGreaterThan(0);
    expect(report).toMatchObject({ lost: 0, duplicates: 0, failedRetries: 0, failedRestarts: 0, serverExitsOnPostgresKill: 0, audit: { intact: true } });
    if (mode === 'postgres') expect(report.postgresKills).toBeGreaterThan(0);
  }, 180_000);
});

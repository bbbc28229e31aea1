import { expect } from 'vitest';
import type { TestApp } from '../../../test/harness.ts';
import { emails } from '../../sharing/records.fixtures.ts';

/**
 * The audit chain checked by the verify-audit route once it has taken every event: on a shared
 * PostgreSQL server another database's open transaction can hold the chain back for a moment.
 */
export async function verifiedChain(t: TestApp): Promise<{ intact: boolean; firstBrokenSeq: number | null; pending: number; erased: number; checked: number }> {
  const admin = await t.as(emails.admin);
  for (let tries = 0; ; tries++) {
    const response = await admin.post('/api/v1/audit-events/verify');
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    if (report.pending === 0 || !report.intact || tries >= 50) return report;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';

export interface ChainReport {
  intact: boolean;
  checked: number;
  /** The first row whose hash or link does not match, when the chain is broken. */
  firstBrokenSeq: number | null;
}

const batchSize = 5000;

/**
 * Recomputes every row's hash from its contents and the previous row's hash. A row changed,
 * removed or inserted out of order shows as the first broken link.
 */
export async function verifyAuditChain(tx: Tx): Promise<ChainReport> {
  let checked = 0;
  let previousHash = 'genesis';
  let afterSeq = 0;
  for (;;) {
    const { rows } = await tx.execute<{ seq: number; prev_hash: string; hash: string; expected: string }>(
      sql`select e.seq, e.prev_hash, e.hash, audit_event_digest(e.prev_hash, e) as expected
            from audit_events e where e.seq > ${afterSeq} order by e.seq limit ${batchSize}`,
    );
    for (const row of rows) {
      if (row.prev_hash !== previousHash || row.hash !== row.expected) {
        return { intact: false, checked, firstBrokenSeq: Number(row.seq) };
      }
      previousHash = row.hash;
      afterSeq = Number(row.seq);
      checked++;
    }
    if (rows.length < batchSize) return { intact: true, checked, firstBrokenSeq: null };
  }
}

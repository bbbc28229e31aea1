import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import { chainerLock, extendAuditChain } from './chain.ts';

export interface ChainReport {
  intact: boolean;
  /** Events found in the chain with their hash, their link and their values' digest as written. */
  checked: number;
  /** The first event whose link, hash or values do not match, or that the chain skipped. */
  firstBrokenSeq: number | null;
  /** Events whose transaction had not ended, so the chain cannot take them yet. */
  pending: number;
  /** Events whose values have been erased (retention, anonymisation); their digest still checks. */
  erased: number;
}

const batchSize = 5000;

type Link = {
  position: number;
  prev_hash: string;
  hash: string;
  expected: string;
  seq: number;
  xid: string;
  values_digest: string | null;
  values_expected: string | null;
  has_values: boolean;
};

/**
 * Chains what can be chained, then recomputes every link from the event it holds and the link
 * before. A changed event or value, a removed or reordered link, and an event the chain passed
 * over all show as the first broken event.
 */
export async function verifyAuditChain(tx: Tx): Promise<ChainReport> {
  // Waits for a running chainer rather than finding the lock taken and checking a stale chain.
  await tx.execute(sql`select pg_advisory_xact_lock(${chainerLock})`);
  await extendAuditChain(tx);

  let checked = 0;
  let erased = 0;
  let previous = { position: 0, hash: 'genesis', xid: -1n, seq: 0 };
  const broken = (seq: number) => ({ intact: false, checked, firstBrokenSeq: seq, pending: 0, erased });
  for (;;) {
    const { rows } = await tx.execute<Link>(sql`
      select c.position, c.prev_hash, c.hash, audit_chain_digest(c.prev_hash, c.position, e) as expected,
             e.seq, e.xid::text as xid, e.values_digest, v.event_id is not null as has_values,
             case when v.event_id is not null then audit_values_digest(v.reason, v.changes, v.details) end as values_expected
        from audit_chain c join audit_events e on e.id = c.event_id left join audit_values v on v.event_id = e.id
       where c.position > ${previous.position} order by c.position limit ${batchSize}`);
    for (const link of rows) {
      const position = Number(link.position);
      const seq = Number(link.seq);
      const xid = BigInt(link.xid);
      const inOrder = xid > previous.xid || (xid === previous.xid && seq > previous.seq);
      const valuesMatch = link.has_values ? link.values_digest === link.values_expected : true;
      if (position !== previous.position + 1 || link.prev_hash !== previous.hash || link.hash !== link.expected || !inOrder || !valuesMatch) {
        return broken(seq);
      }
      if (!link.has_values && link.values_digest !== null) erased++;
      previous = { position, hash: link.hash, xid, seq };
      checked++;
    }
    if (rows.length < batchSize) break;
  }

  // Every event up to the chain's last is in it exactly once: the chain is in strict order and
  // each event appears once, so matching counts leave no room for one it passed over.
  const last = previous.position === 0 ? null : sql`(${previous.xid.toString()}::xid8, ${previous.seq}::bigint)`;
  const upTo = last ? sql`(e.xid, e.seq) <= ${last}` : sql`false`;
  const { rows: [counts] } = await tx.execute<{ upto: number; total: number }>(sql`
    select count(*) filter (where ${upTo}) as upto, count(*) as total from audit_events e`);
  if (Number(counts?.upto) !== checked) {
    const { rows: [skipped] } = await tx.execute<{ seq: number }>(sql`
      select min(e.seq) as seq from audit_events e where ${upTo} and not exists (select 1 from audit_chain c where c.event_id = e.id)`);
    return broken(Number(skipped?.seq ?? 0));
  }
  return { intact: true, checked, firstBrokenSeq: null, pending: Number(counts?.total) - checked, erased };
}

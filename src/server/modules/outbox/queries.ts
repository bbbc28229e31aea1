import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { outboundMessages } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';

export interface OutboxFilter {
  recipient?: string;
  /** UUIDv7 ids rise with time, so the id alone orders newest first and keys the next page. */
  beforeId?: string;
  limit: number;
}

/** Every message Concord has sent or tried to send; only system administrators may list them. */
export async function listMessages(tx: Tx, f: OutboxFilter) {
  return tx
    .select()
    .from(outboundMessages)
    .where(and(
      f.recipient ? eq(sql`lower(${outboundMessages.recipient})`, f.recipient.toLowerCase()) : undefined,
      f.beforeId ? lt(outboundMessages.id, f.beforeId) : undefined,
    ))
    .orderBy(desc(outboundMessages.id))
    .limit(f.limit + 1);
}

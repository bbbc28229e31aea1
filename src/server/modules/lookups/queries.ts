import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { LookupList } from '../../../shared/records.ts';
import { lookups } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';

export type LookupRow = typeof lookups.$inferSelect;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The partnership's values of a list that match any of the inputs by id, key or name. */
export async function findByAnyName(tx: Tx, partnershipId: string, list: LookupList, inputs: string[]): Promise<LookupRow[]> {
  const lowered = inputs.map((i) => i.toLowerCase());
  const ids = inputs.filter((i) => uuidPattern.test(i));
  return tx.select().from(lookups).where(and(
    eq(lookups.partnershipId, partnershipId),
    eq(lookups.list, list),
    or(
      ids.length > 0 ? inArray(lookups.id, ids) : undefined,
      inArray(lookups.key, lowered),
      inArray(sql`lower(${lookups.name})`, lowered),
    ),
  ));
}

export async function listLookups(tx: Tx, partnershipId: string, list: LookupList | undefined, includeRetired: boolean): Promise<LookupRow[]> {
  return tx.select().from(lookups)
    .where(and(eq(lookups.partnershipId, partnershipId), list ? eq(lookups.list, list) : undefined, includeRetired ? undefined : eq(lookups.active, true)))
    .orderBy(asc(lookups.list), asc(lookups.position), asc(lookups.name));
}

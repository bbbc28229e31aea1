import { sql } from 'drizzle-orm';
import type { Drizzle } from '../connection.ts';
import { lookups } from '../schema/index.ts';
import type { Tx } from '../transaction.ts';
import { defaultLookups } from './lookup-defaults.ts';

/**
 * Gives a partnership (or every partnership) any default lookup value it lacks. Admins retire
 * values rather than delete them, so running this again never brings back one they removed;
 * it only fills in what a new partnership, or a new release, has not had yet.
 */
export async function ensureDefaultLookups(tx: Tx | Drizzle, partnershipId?: string): Promise<void> {
  const rows = Object.entries(defaultLookups).flatMap(([list, values]) =>
    values.map((v, position) => ({ list, key: v.key, name: v.name, group_name: v.groupName ?? null, code: v.code ?? null, position })));
  await tx.execute(sql`
    insert into ${lookups} (id, partnership_id, list, key, name, group_name, code, position)
    select uuid_generate_v4(), p.id, d.list, d.key, d.name, d.group_name, d.code, d.position
      from partnerships p
      cross join jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as d(list text, key text, name text, group_name text, code text, position int)
     where ${partnershipId ? sql`p.id = ${partnershipId}` : sql`true`}
    on conflict (partnership_id, list, key) do nothing`);
}

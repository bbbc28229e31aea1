import type pg from 'pg';

/** The tables the loaders fill. */
export const loadedTables = [
  'profiles', 'profile_names', 'profile_addresses', 'profile_vulnerabilities', 'profile_warning_markers', 'profile_relationships', 'profile_access',
  'cases', 'case_profiles', 'case_locations', 'case_interventions', 'case_access', 'locations', 'location_access', 'reports',
  'contact_plans', 'victim_contacts',
];

/**
 * Drops the secondary indexes of the loaded tables and returns a function that builds them again
 * from their own definitions (whatever migrations made them), shared between the given sessions:
 * building an index once is much faster than keeping it up to date row by row.
 */
export async function deferIndexes(client: pg.PoolClient): Promise<(sessions: pg.PoolClient[]) => Promise<void>> {
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any($1)
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
      order by pg_relation_size(i.tablename::regclass) desc`, [loadedTables]);
  for (const r of rows) await client.query(`drop index "${r.indexname}"`);
  return async (sessions) => {
    const queue = [...rows];
    await Promise.all(sessions.map(async (session) => {
      await session.query("set maintenance_work_mem = '1GB'");
      for (let next = queue.shift(); next; next = queue.shift()) await session.query(next.indexdef);
    }));
  };
}

/**
 * Skips foreign-key triggers while loading when the role may (a superuser, as on the throwaway
 * cluster of scripts/with-postgres.sh): that halves the load. `verifyReferences` then checks
 * every reference at once. Returns whether checks were skipped.
 */
export async function skipReferenceChecks(client: pg.PoolClient): Promise<boolean> {
  try {
    await client.query('set session_replication_role = replica');
    return true;
  } catch {
    return false;
  }
}

/** Every single-column foreign key of the loaded tables, checked with one anti-join each. */
export async function verifyReferences(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ name: string; tbl: string; col: string; ref: string; refcol: string }>(
    `select c.conname as name, c.conrelid::regclass::text as tbl, a.attname as col, c.confrelid::regclass::text as ref, r.attname as refcol
       from pg_constraint c
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
       join pg_attribute r on r.attrelid = c.confrelid and r.attnum = c.confkey[1]
      where c.contype = 'f' and cardinality(c.conkey) = 1 and c.conrelid::regclass::text = any($1)`, [loadedTables]);
  for (const fk of rows) {
    const { rows: [broken] } = await client.query<{ count: number }>(
      `select count(*)::int as count from ${fk.tbl} t where t.${fk.col} is not null and not exists (select 1 from ${fk.ref} x where x.${fk.refcol} = t.${fk.col})`);
    if (broken!.count > 0) throw new Error(`${broken!.count} rows of ${fk.tbl} break ${fk.name}`);
  }
}

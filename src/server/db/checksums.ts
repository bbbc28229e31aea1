import type pg from 'pg';

export interface TableChecksum {
  table: string;
  rows: number;
  md5: string;
}

/**
 * Every table's row count and an MD5 of its rows in a fixed order: two databases with the same
 * figures hold the same data (the backup test and bench/drill.ts compare a restore with its source).
 * Each table is read whole in one statement: for a check, not for the request path.
 */
export async function tableChecksums(pool: pg.Pool): Promise<TableChecksum[]> {
  const { rows: tables } = await pool.query<{ name: string }>(
    "select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1",
  );
  const sums: TableChecksum[] = [];
  for (const { name } of tables) {
    const { rows } = await pool.query<{ rows: number; md5: string }>(
      `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5 from ${name} t`,
    );
    sums.push({ table: name, ...rows[0]! });
  }
  return sums;
}

import { getTableName, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordKinds } from '../../../shared/records.ts';
import type { Database } from '../../db/connection.ts';
import { openTestDatabase } from '../../test/database.ts';
import { auditEntityTypes } from '../audit/actions.ts';
import { allKinds, kindAt, kinds, ofRecordAt, teamCanView } from './kinds.ts';

/** The tables a table's foreign keys point at, by the name of the column that points. */
const pointsAt = (table: PgTable) =>
  new Map(getTableConfig(table).foreignKeys.map((fk) => {
    const { columns, foreignTable } = fk.reference();
    return [columns[0]!.name, getTableName(foreignTable)];
  }));

describe('the registry of record kinds', () => {
  it('registers every kind of the API once, under its own name, at a path of its own', () => {
    expect(allKinds.map((k) => k.kind)).toEqual([...recordKinds]);
    for (const kind of recordKinds) expect(kinds[kind].kind).toBe(kind);
    expect(new Set(allKinds.map((k) => k.path)).size).toBe(allKinds.length);
    for (const k of allKinds) expect(kindAt(k.path)).toBe(k.kind);
    expect(() => kindAt('nowhere')).toThrow();
  });

  it('gives each kind an access list of its own records and an entity type the audit trail knows', () => {
    for (const k of allKinds) {
      expect(pointsAt(k.accessTable).get('record_id')).toBe(k.tableName);
      expect(allKinds.filter((other) => other.accessTable === k.accessTable)).toHaveLength(1);
      expect(auditEntityTypes).toContain(k.auditEntityType);
    }
  });

  it('links timelines only through a table that joins the two kinds', () => {
    for (const k of allKinds) {
      if (!k.linkedReports) continue;
      const { kind, through, from, to } = k.linkedReports;
      const links = pointsAt(through);
      expect(links.get(from.name)).toBe(k.tableName);
      expect(links.get(to.name)).toBe(kinds[kind].tableName);
    }
  });

  describe('against the schema', () => {
    let database: Database;
    beforeAll(async () => {
      database = await openTestDatabase();
    });
    afterAll(() => database.close());

    it('reads each kind\'s stub, its archived flag and its access list from tables that exist', async () => {
      const nobody = sql`'00000000-0000-7000-8000-000000000000'::uuid`;
      for (const k of allKinds) {
        const table = sql.identifier(k.tableName);
        const target = k.answersAs ? k.answersAs('00000000-0000-7000-8000-000000000000') : nobody;
        const { rows } = await database.db.execute(sql`
          select ${k.title} as title, ${k.reference ?? sql`null`} as reference, ${k.archived} as archived,
                 ${teamCanView(k.kind, sql`${table}.id`, nobody, nobody)} as team_can_view
            from ${table} where ${table}.id = ${target}`);
        expect(rows).toEqual([]);
        const list = await database.db.execute(sql`select ${k.accessList.recordId}, ${k.accessList.teamId}, ${k.accessList.organisationId},
          ${k.accessList.level}, ${k.accessList.expiresAt} from ${k.accessList.table} limit 0`);
        expect(list.rows).toEqual([]);
      }
    });

    it('names the record a row points at, whatever its kind', async () => {
      const pointers = sql.join(recordKinds.map((kind) => sql`(${kind}::text, '00000000-0000-7000-8000-000000000000'::uuid)`), sql`, `);
      const { rows } = await database.db.execute<{ title: string | null; reference: string | null }>(sql`
        select ${ofRecordAt(sql`p.kind`, sql`p.id`, (k) => k.title)} as title, ${ofRecordAt(sql`p.kind`, sql`p.id`, (k) => k.reference)} as reference
          from (values ${pointers}) as p(kind, id)`);
      expect(rows).toEqual(recordKinds.map(() => ({ title: null, reference: null })));
    });
  });
});

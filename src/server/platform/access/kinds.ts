import { getTableName, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { recordKinds, type RecordKind } from '../../../shared/records.ts';
import { caseAccess, caseProfiles, cases, locationAccess, locations, profileAccess, profiles } from '../../db/schema/index.ts';
import type { accessListTable } from '../../db/schema/sharing.ts';
import type { AuditEntityType } from '../audit/actions.ts';
import { accessListOf, grantsHolder, type AccessListColumns, type OwnedRecordColumns } from './records.ts';

/**
 * The registry of record kinds: everything the shared capabilities (sharing, search, timeline,
 * tasks, reminders, documents, interests, notifications) need to know of a kind of record that
 * has an owning team and an access list. A new kind is one entry here, plus its own module.
 */
export interface RecordKindEntry {
  kind: RecordKind;
  /** Where its routes and pages live: `/api/v1/<path>/:id/…` and `/<path>/:id`. */
  path: string;
  /** The records: each owned by a team in a partnership, as the access predicates want them. */
  table: PgTable & OwnedRecordColumns;
  /** The same table's name, for SQL written out by hand. */
  tableName: string;
  /** The access list as sharing reads and writes it, and as the access predicates read it. */
  accessTable: ReturnType<typeof accessListTable>;
  accessList: AccessListColumns;
  /**
   * What lists call the record. With `reference` (the number people quote, for kinds that have
   * one) and its owner, it is the stub: what anyone in the partnership may learn of a record they
   * cannot open, so that they can ask for access. Written with the table's own name, so it serves
   * in a join and in a correlated subquery alike.
   */
  title: SQL<string>;
  reference: SQL<string> | null;
  /** Whether nothing more may be added to the record (an archived case). */
  archived: SQL<boolean>;
  /** The record an id (a value, or a column of an outer query) answers as, for kinds whose records can be folded into another (a merged profile). */
  answersAs: ((id: string | SQL) => SQL) | null;
  /** How the audit trail names a record of this kind: its timeline's changes are read by it. */
  auditEntityType: AuditEntityType;
  /** Records of another kind whose reports this kind's timeline can add (a case: its linked people). */
  linkedReports: { kind: RecordKind; through: PgTable; from: AnyPgColumn; to: AnyPgColumn } | null;
}

type EntryValues = Omit<RecordKindEntry, 'tableName' | 'accessList'>;

const entry = (values: EntryValues): RecordKindEntry => ({
  ...values,
  tableName: getTableName(values.table),
  accessList: accessListOf(getTableName(values.accessTable)),
});

export const kinds: Readonly<Record<RecordKind, RecordKindEntry>> = {
  profile: entry({
    kind: 'profile',
    path: 'profiles',
    table: profiles,
    accessTable: profileAccess,
    title: sql`(profiles.first_name || ' ' || profiles.last_name)`,
    reference: null,
    archived: sql`false`,
    answersAs: (id) => sql`(select coalesce(p.merged_into_id, p.id) from profiles p where p.id = ${id})`,
    auditEntityType: 'profile',
    linkedReports: null,
  }),
  case: entry({
    kind: 'case',
    path: 'cases',
    table: cases,
    accessTable: caseAccess,
    title: sql`(cases.reference || ': ' || cases.title)`,
    reference: sql`cases.reference`,
    archived: sql`cases.status = 'archived'`,
    answersAs: null,
    auditEntityType: 'case',
    linkedReports: { kind: 'profile', through: caseProfiles, from: caseProfiles.caseId, to: caseProfiles.profileId },
  }),
  location: entry({
    kind: 'location',
    path: 'locations',
    table: locations,
    accessTable: locationAccess,
    title: sql`(coalesce(locations.name || ', ', '') || locations.address_line1 || ', ' || locations.postcode)`,
    reference: null,
    archived: sql`false`,
    answersAs: null,
    auditEntityType: 'location',
    linkedReports: null,
  }),
};

/** Every kind, in the order of `recordKinds`, which is the order their routes are registered in. */
export const allKinds: readonly RecordKindEntry[] = recordKinds.map((kind) => kinds[kind]);

/** The kind whose routes live under `path`. */
export function kindAt(path: string): RecordKind {
  const found = allKinds.find((k) => k.path === path);
  if (!found) throw new Error(`No record kind lives at /${path}`);
  return found.kind;
}

/** A kind as an SQL literal rather than a parameter, so the statement plans as it did when written out by hand. */
export const kindLiteral = (kind: RecordKind) => sql.raw(`'${kind}'`);

/**
 * A value of the record that a row points at by a kind column and an id column (its title, its
 * reference): one correlated lookup by id for the row's kind, null for a kind without the value
 * and wherever `shown` says the reader may not have it.
 */
export function ofRecordAt(kindColumn: SQL, idColumn: SQL, value: (kind: RecordKindEntry) => SQL | null, shown?: (kind: RecordKindEntry) => SQL): SQL<string | null> {
  const branches = allKinds.flatMap((k) => {
    const v = value(k);
    if (!v) return [];
    const table = sql.identifier(k.tableName);
    return [sql`when ${kindLiteral(k.kind)} then (select ${v} from ${table} where ${table}.id = ${idColumn}${shown ? sql` and ${shown(k)}` : sql``})`];
  });
  return sql<string | null>`case ${kindColumn} ${sql.join(branches, sql` `)} end`;
}

/**
 * Whether members of a team (in an organisation) can open a record: for deciding who may hear of
 * a change to it, or whether the assignee of a task on it can follow the link. The arguments are
 * SQL so the check can correlate with the rows of an outer query.
 */
export function teamCanView(kind: RecordKind, recordId: SQL | AnyPgColumn, teamId: SQL | AnyPgColumn, organisationId: SQL | AnyPgColumn): SQL {
  const { tableName, accessList: list } = kinds[kind];
  return sql`exists (select 1 from ${sql.identifier(tableName)} r where r.id = ${recordId}
    and r.partnership_id = (select o.partnership_id from organisations o where o.id = ${organisationId})
    and (r.owner_team_id = ${teamId}
      or exists (select 1 from ${list.table} where ${list.recordId} = r.id and ${grantsHolder(list, teamId, organisationId)})))`;
}

/**
 * Whether an organisation, as a whole, may open a record: one of its teams owns it, or the access
 * list grants it (now) to the organisation or to one of its teams. A person's own emergency grant
 * is theirs alone and counts for no organisation. For what an organisation's systems may hear of
 * (webhooks); arguments are SQL so it can correlate with an outer query.
 */
export function organisationCanView(kind: RecordKind, recordId: SQL | AnyPgColumn, organisationId: SQL | AnyPgColumn): SQL {
  const { tableName, accessList: list } = kinds[kind];
  const ownTeams = sql`(select ovt.id from teams ovt where ovt.organisation_id = ${organisationId})`;
  return sql`exists (select 1 from ${sql.identifier(tableName)} ov where ov.id = ${recordId}
    and ov.partnership_id = (select ovo.partnership_id from organisations ovo where ovo.id = ${organisationId})
    and (ov.owner_team_id in ${ownTeams}
      or exists (select 1 from ${list.table} where ${list.recordId} = ov.id
        and (${list.organisationId} = ${organisationId} or ${list.teamId} in ${ownTeams})
        and (${list.expiresAt} is null or ${list.expiresAt} > now()))))`;
}

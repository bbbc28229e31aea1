import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { RecordKind } from '../../../shared/records.ts';
import { organisations, profiles, reports, teams } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { allKinds, kindLiteral, kinds, ofRecordAt } from '../../platform/access/kinds.ts';
import { canReadContent, canView } from '../../platform/access/records.ts';
import { postcodeSearchOf, postcodeUpperBound } from '../locations/postcode.ts';
import { headlineOptions, matchStart, matchStop } from './snippet.ts';
import { profileSearchParams, profileSearchSql, type ProfileSearchRow } from './sql.ts';

/** Drizzle SQL from text with positional parameters: each `$n` becomes the n-th value. */
function positional(text: string, params: readonly unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  return sql.join(parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${params[Number(part) - 1]}`)));
}

export async function searchProfiles(tx: Tx, partnershipId: string, query: string, limit: number): Promise<ProfileSearchRow[]> {
  const { rows } = await tx.execute<ProfileSearchRow & Record<string, unknown>>(positional(profileSearchSql, profileSearchParams(partnershipId, query, limit)));
  return rows;
}

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const searchForm = (text: string) => sql`lower(unaccent(${text}::text))`;
/** How many rows one text source reads at most, however many would match. */
const perSource = 100;

/** The longest few words typed, each of which a trigram LIKE must find. */
function likeWords(text: string): string[] {
  // Trigram LIKE needs three characters to use the index; a shorter word would make it read all of it.
  return text.toLowerCase().split(/\s+/).filter((w) => w.length >= 3).sort((a, b) => b.length - a.length).slice(0, 4);
}

/**
 * Rows of `cases` or `locations` (as `t`) whose search text holds every word typed (trigram LIKE:
 * every trigram is required, so the GIN index goes straight to them) and, when `fuzzy` and those
 * are fewer than wanted, rows whose text is alike word for word (`<%`, which catches a typing slip
 * but must weigh every trigram). Each reads at most `perSource` rows; word similarity ranks only those.
 */
function textMatches(table: 'cases' | 'locations', columns: SQL, partnershipId: string, text: string, limit: number, fuzzy: boolean): SQL | null {
  const words = likeWords(text);
  if (words.length === 0) return null;
  const from = sql`${sql.identifier(table)} t`;
  const score = sql`(0.8 * word_similarity(${searchForm(text)}, t.search_text))::float8 as score`;
  const holdsEvery = sql.join(words.map((w) => sql`t.search_text like ${searchForm(`%${likeEscaped(w)}%`)}`), sql` and `);
  const exact = sql`(select ${columns}, ${score} from ${from} where t.partnership_id = ${partnershipId} and ${holdsEvery} limit ${perSource})`;
  if (!fuzzy) return exact;
  return sql`(with found as materialized ${exact}
    select * from found
    union all
    (select ${columns}, ${score} from ${from}
      where t.partnership_id = ${partnershipId} and ${searchForm(text)} <% t.search_text and (select count(*) from found) < ${limit}
      limit ${perSource}))`;
}

async function bestOf<T extends { id: string; score: number }>(tx: Tx, sources: SQL[]): Promise<T[]> {
  if (sources.length === 0) return [];
  const { rows } = await tx.execute<T & Record<string, unknown>>(sql`
    select distinct on (m.id) m.* from (${sql.join(sources, sql` union all `)}) m order by m.id, m.score desc`);
  return rows as T[];
}

/** Whether to search the words of titles and addresses, and whether to allow typing slips in them. */
export interface TextOptions {
  words: boolean;
  fuzzy: boolean;
}

export interface CaseHit {
  id: string;
  reference: string;
  title: string;
  status: string;
  owner_team_id: string;
  score: number;
}

/**
 * The highest reference that starts with `prefix`: references are letters, digits and slashes,
 * none near 30 characters, and z sorts after all of them, so the range is a scan of the unique
 * btree on `lower(reference)`, whatever the database's collation.
 */
const referenceUpperBound = (prefix: string) => `${prefix}${'z'.repeat(30)}`;

/**
 * Cases by reference (exact, or every reference that starts so, newest first: both on the unique
 * index) and, unless the query is a reference, by the words of their title.
 */
export async function searchCases(tx: Tx, partnershipId: string, text: string, options: TextOptions, limit: number): Promise<CaseHit[]> {
  const lowered = text.toLowerCase();
  const reference = sql`lower(t.reference)`;
  const columns = sql`t.id, t.reference, t.title, t.status, t.owner_team_id`;
  const sources = [
    sql`(select ${columns}, 1.0::float8 as score from cases t
          where t.partnership_id = ${partnershipId} and ${reference} = ${lowered} limit 1)`,
    sql`(select ${columns}, 0.9::float8 as score from cases t
          where t.partnership_id = ${partnershipId} and ${reference} between ${lowered} and ${referenceUpperBound(lowered)}
            and ${reference} like ${`${likeEscaped(lowered)}%`}
          order by ${reference} desc limit ${limit})`,
  ];
  const titles = options.words ? textMatches('cases', columns, partnershipId, text, limit, options.fuzzy) : null;
  return bestOf<CaseHit>(tx, titles ? [...sources, titles] : sources);
}

export interface LocationHit {
  id: string;
  name: string | null;
  address_line1: string;
  address_line2: string | null;
  town: string | null;
  postcode: string;
  owner_team_id: string;
  score: number;
}

/** Locations by postcode (with or without its space, whole or its start) and by the words of their name and address. */
export async function searchLocations(tx: Tx, partnershipId: string, text: string, options: TextOptions, limit: number): Promise<LocationHit[]> {
  const columns = sql`t.id, t.name, t.address_line1, t.address_line2, t.town, t.postcode, t.owner_team_id`;
  const sources: SQL[] = [];
  const addresses = options.words ? textMatches('locations', columns, partnershipId, text, limit, options.fuzzy) : null;
  if (addresses) sources.push(addresses);
  const postcode = postcodeSearchOf(text);
  if (postcode) {
    const compact = sql`replace(t.postcode, ' ', '')`;
    sources.push(sql`(select ${columns}, ${postcode.complete ? 0.95 : 0.6}::float8 as score from locations t
          where t.partnership_id = ${partnershipId}
            and ${compact} between ${postcode.compact} and ${postcodeUpperBound(postcode.compact)}
            and ${compact} like ${`${postcode.compact}%`}
          order by ${compact}, t.id limit ${limit})`);
  }
  return bestOf<LocationHit>(tx, sources);
}

export interface AddressHit {
  /** The person's. */
  id: string;
  first_name: string;
  last_name: string;
  date_of_birth: string | null;
  owner_team_id: string;
  address_line1: string;
  address_line2: string | null;
  town: string | null;
  postcode: string | null;
  to_date: string | null;
  score: number;
}

/**
 * People whose address, now or before, is at a whole postcode (either spacing: the btree on its
 * compact form) or, when `streets`, holds every word typed (trigram LIKE on the GIN index of
 * `profile_address_search_text`). Only people the actor may open: where someone lives is what a
 * locked stub keeps back, so naming a locked person found by an address would tell it.
 * Neither index knows the partnership (an address hangs off its person), so the join to
 * `profiles` keeps to it, and to access, before each source stops at its limit: a postcode holds
 * a few dozen addresses at most, but a word of a street is read in every partnership's addresses.
 */
export async function searchAddresses(tx: Tx, actor: Actor, text: string, streets: boolean, limit: number): Promise<AddressHit[]> {
  const person = sql`${profiles.id} as id, ${profiles.firstName} as first_name, ${profiles.lastName} as last_name,
    ${profiles.dateOfBirth}::text as date_of_birth, ${profiles.ownerTeamId} as owner_team_id,
    a.address_line1, a.address_line2, a.town, a.postcode, a.to_date::text as to_date`;
  const from = sql`profile_addresses a join ${profiles} on ${profiles.id} = a.profile_id`;
  const mayOpen = sql`${profiles.mergedIntoId} is null and ${canView(actor, profiles, kinds.profile.accessList)}`;
  const postcode = postcodeSearchOf(text);
  if (postcode?.complete) {
    return bestOf<AddressHit>(tx, [sql`(select ${person}, 0.95::float8 as score from ${from}
      where replace(a.postcode, ' ', '') = ${postcode.compact} and ${mayOpen} limit ${limit})`]);
  }
  // A district or sector would name everyone in it: people are found by a whole postcode only.
  const words = postcode || !streets ? [] : likeWords(text);
  if (words.length === 0) return [];
  const address = sql`profile_address_search_text(a.address_line1, a.address_line2, a.town, a.postcode)`;
  const holdsEvery = sql.join(words.map((w) => sql`${address} like ${searchForm(`%${likeEscaped(w)}%`)}`), sql` and `);
  return bestOf<AddressHit>(tx, [sql`(select ${person}, (0.8 * word_similarity(${searchForm(text)}, ${address}))::float8 as score from ${from}
    where ${holdsEvery} and ${mayOpen} limit ${perSource})`]);
}

/** Which of these records the actor may open: asked only of the page of results shown. */
export async function openable(tx: Tx, actor: Actor, records: { kind: RecordKind; id: string }[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const { kind, table, accessList } of allKinds) {
    const ids = records.filter((r) => r.kind === kind).map((r) => r.id);
    if (ids.length === 0) continue;
    const rows = await tx.select({ id: sql<string>`${table.id}` }).from(table).where(and(inArray(table.id, ids), canView(actor, table, accessList)));
    for (const row of rows) found.add(row.id);
  }
  return found;
}

export async function teamsWithOrganisation(tx: Tx, teamIds: string[]) {
  if (teamIds.length === 0) return [];
  return tx
    .select({ id: teams.id, name: teams.name, organisationId: organisations.id, organisationName: organisations.name })
    .from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(inArray(teams.id, teamIds));
}

export interface ReportHit {
  id: string;
  record_kind: RecordKind;
  record_id: string;
  record_title: string;
  type_id: string;
  type_name: string;
  /** ISO 8601, UTC. */
  occurred_at: string;
  team_id: string;
  team_name: string;
  organisation_id: string;
  organisation_name: string;
  rank: number;
  headline: string;
}

const isoInstant = (at: SQL) => sql`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The record a report is on, as it answers now: a report on a merged profile is the survivor's. */
function answeredRecordId(): SQL {
  const branches = allKinds.flatMap((k) => (k.answersAs ? [sql`when ${kindLiteral(k.kind)} then ${k.answersAs(sql`${reports.recordId}`)}`] : []));
  return branches.length === 0 ? sql`${reports.recordId}` : sql`case ${reports.recordKind} ${sql.join(branches, sql` `)} else ${reports.recordId} end`;
}

/** Whether the actor may open the record the report is on (each kind by its own access list). */
function opensRecordOf(actor: Actor, recordId: SQL): SQL {
  const branches = allKinds.map(({ kind, table, accessList }) =>
    sql`when ${kindLiteral(kind)} then exists (select 1 from ${table} where ${table.id} = ${recordId} and ${canView(actor, table, accessList)})`);
  return sql`case ${reports.recordKind} ${sql.join(branches, sql` `)} else false end`;
}

/**
 * Reports of the actor's partnership whose words match the query (`websearch_to_tsquery`, English
 * stems, on the GIN index of `search_vector`), that the actor may read and on a record they may
 * open, best first (`ts_rank_cd`, then the latest). The headline, which reads the whole text, is
 * made only for the page; the markers it uses are taken out of the text first. Words that are
 * all stop words make an empty query, which finds nothing.
 */
export async function searchReports(tx: Tx, actor: Actor, text: string, limit: number): Promise<ReportHit[]> {
  const recordId = answeredRecordId();
  const { rows } = await tx.execute<ReportHit & Record<string, unknown>>(sql`
    with query as (select websearch_to_tsquery('english', ${text}) as q),
    found as (
      select ${reports.id} as id, ${reports.recordKind} as record_kind, ${recordId} as record_id, ${reports.reportTypeId} as type_id,
             ${reports.occurredAt} as occurred_at, ${reports.authorTeamId} as team_id, ${reports.authorOrganisationId} as organisation_id,
             ${reports.bodyText} as body_text, ts_rank_cd(${reports.searchVector}, query.q) as rank
        from ${reports} cross join query
       where numnode(query.q) > 0 and ${reports.searchVector} @@ query.q
         and ${reports.partnershipId} = ${actor.partnershipId}
         and ${canReadContent(actor, reports)} and ${opensRecordOf(actor, recordId)}
       order by rank desc, ${reports.occurredAt} desc, ${reports.id}
       limit ${limit})
    select found.id, found.record_kind, found.record_id, ${ofRecordAt(sql`found.record_kind`, sql`found.record_id`, (k) => k.title)} as record_title,
           found.type_id, type.name as type_name, ${isoInstant(sql`found.occurred_at`)} as occurred_at, found.team_id, team.name as team_name,
           found.organisation_id, organisation.name as organisation_name, found.rank::float8 as rank,
           ts_headline('english', translate(found.body_text, ${matchStart + matchStop}, ''), query.q, ${headlineOptions}) as headline
      from found cross join query
      join lookups type on type.id = found.type_id
      join teams team on team.id = found.team_id
      join organisations organisation on organisation.id = found.organisation_id
     order by found.rank desc, found.occurred_at desc, found.id`);
  return rows;
}

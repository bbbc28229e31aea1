import { sql, type SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Owner } from '../../../shared/api/records.ts';
import { recordKinds, type RecordKind } from '../../../shared/records.ts';
import { profiles, reports } from '../../db/schema/index.ts';
import { builtOnce, shapeName, statementName } from '../../db/prepared.ts';
import type { Db, Tx } from '../../db/transaction.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { allKinds, kindLiteral, kinds, ofRecordAt } from '../../platform/access/kinds.ts';
import { actorParams, actorPlaceholders, canReadContent, canView, type ActorRef } from '../../platform/access/records.ts';
import { readAudit, type AuditSubjectRow } from '../../platform/audit/write.ts';
import { postcodeSearchOf, postcodeUpperBound } from '../locations/postcode.ts';
import { safetyFactsJson } from '../../platform/access/shown.ts';
import type { SafetyFacts } from '../profiles/safety.ts';
import { headlineOptions, matchStart, matchStop } from './snippet.ts';
import { profileSearchParams, profileSearchSql, type ProfileSearchRow } from './sql.ts';

const cte = new QueryBuilder();

/** Drizzle SQL from text with positional parameters: each `$n` becomes the n-th value. */
function positional(text: string, params: readonly unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  return sql.join(parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${params[Number(part) - 1]}`)));
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
 * every trigram is required, so the GIN index goes straight to them) and, when `fuzzy` is given
 * and holds and those are fewer than wanted, rows whose text is alike word for word (`<%`, which
 * catches a typing slip but must weigh every trigram). Each reads at most `perSource` rows; word
 * similarity ranks only those.
 */
function textMatches(table: 'cases' | 'locations', columns: SQL, partnershipId: string, text: string, limit: number, fuzzy: SQL | null): SQL | null {
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
      where t.partnership_id = ${partnershipId} and ${searchForm(text)} <% t.search_text and ${fuzzy} and (select count(*) from found) < ${limit}
      limit ${perSource}))`;
}

/** Each record of the sources once, by its best match. */
const bestOf = (sources: SQL[]) => sql`select distinct on (m.id) m.* from (${sql.join(sources, sql` union all `)}) m order by m.id, m.score desc`;

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
 * index) and, when `words`, by the words of their title.
 */
function caseSources(partnershipId: string, text: string, words: boolean, fuzzy: SQL | null, limit: number): SQL[] {
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
  const titles = words ? textMatches('cases', columns, partnershipId, text, limit, fuzzy) : null;
  return titles ? [...sources, titles] : sources;
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

/** Locations by postcode (with or without its space, whole or its start) and, when `words`, by the words of their name and address. */
function locationSources(partnershipId: string, text: string, words: boolean, fuzzy: SQL | null, limit: number): SQL[] {
  const columns = sql`t.id, t.name, t.address_line1, t.address_line2, t.town, t.postcode, t.owner_team_id`;
  const sources: SQL[] = [];
  const addresses = words ? textMatches('locations', columns, partnershipId, text, limit, fuzzy) : null;
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
  return sources;
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
function addressSource(actor: Actor, text: string, streets: boolean, limit: number): SQL | null {
  const person = sql`${profiles.id} as id, ${profiles.firstName} as first_name, ${profiles.lastName} as last_name,
    ${profiles.dateOfBirth}::text as date_of_birth, ${profiles.ownerTeamId} as owner_team_id,
    a.address_line1, a.address_line2, a.town, a.postcode, a.to_date::text as to_date`;
  const from = sql`profile_addresses a join ${profiles} on ${profiles.id} = a.profile_id`;
  const mayOpen = sql`${profiles.mergedIntoId} is null and ${canView(actor, profiles, kinds.profile.accessList)}`;
  const postcode = postcodeSearchOf(text);
  if (postcode?.complete) {
    return sql`(select ${person}, 0.95::float8 as score from ${from}
      where replace(a.postcode, ' ', '') = ${postcode.compact} and ${mayOpen} limit ${limit})`;
  }
  // A district or sector would name everyone in it: people are found by a whole postcode only.
  const words = postcode || !streets ? [] : likeWords(text);
  if (words.length === 0) return null;
  const address = sql`profile_address_search_text(a.address_line1, a.address_line2, a.town, a.postcode)`;
  const holdsEvery = sql.join(words.map((w) => sql`${address} like ${searchForm(`%${likeEscaped(w)}%`)}`), sql` and `);
  return sql`(select ${person}, (0.8 * word_similarity(${searchForm(text)}, ${address}))::float8 as score from ${from}
    where ${holdsEvery} and ${mayOpen} limit ${perSource})`;
}

/** What a search reads beside names: the words typed, and which sources its terms call for. */
export interface SearchPlan {
  /** The words, spaced once. */
  text: string;
  limit: number;
  /** People by their address. */
  addresses: boolean;
  /** Cases by reference and, with `words`, by title; locations by postcode and, with `words`, by address; null when not searched. */
  cases: { words: boolean } | null;
  locations: { words: boolean } | null;
}

/** Where a hit beside names came from, as `hit` holds it: an `AddressHit`, a `CaseHit` or a `LocationHit`. */
export type HitSource = 'address' | 'case' | 'location';

export interface HitRow {
  kind: RecordKind;
  source: HitSource;
  hit: Record<string, unknown>;
}

const profileSearchName = statementName(profileSearchSql);

/**
 * People by name or date of birth (`profileSearchSql`): alone, as whether it finds anybody
 * decides what else is searched. Prepared, as the words reach its plan only as values, so one
 * plan serves every name; in the caller's transaction when it has one.
 */
export async function searchProfiles(on: { db: Db } | { tx: Tx }, partnershipId: string, query: string, limit: number): Promise<ProfileSearchRow[]> {
  const values = profileSearchParams(partnershipId, query, limit);
  if ('tx' in on) return (await on.tx.execute<ProfileSearchRow & Record<string, unknown>>(positional(profileSearchSql, values))).rows;
  return (await on.db.$client.query<ProfileSearchRow>({ name: profileSearchName, text: profileSearchSql, values })).rows;
}

/**
 * The other sources the plan calls for, in one statement: people by their address, cases and
 * locations, each record once by its best match. `namedNobody` says the names found nobody:
 * only then are streets searched (names such as Green, Hill and Hall are words of streets too,
 * and a street's words are looked for in every partnership's addresses), and typing slips allowed
 * for in titles and addresses (which weighs every trigram of them, the dearest search there is)
 * if the addresses found nobody either, a guard PostgreSQL checks once. Not prepared: a plan
 * made for no words in particular reads every trigram, so each search is planned for its own.
 */
export async function searchOthers(on: { db: Db } | { tx: Tx }, actor: Actor, plan: SearchPlan, namedNobody: boolean): Promise<HitRow[]> {
  const { partnershipId } = actor;
  const found: SQL[] = [];
  const hits: SQL[] = [];
  const add = (name: string, source: HitSource, kind: RecordKind, body: SQL) => {
    found.push(sql`${sql.identifier(name)} as materialized (${body})`);
    hits.push(sql`select ${kindLiteral(kind)}::text as kind, ${source}::text as source, to_json(h) as hit from ${sql.identifier(name)} h`);
  };
  const address = plan.addresses ? addressSource(actor, plan.text, namedNobody, plan.limit) : null;
  if (address) add('by_address', 'address', 'profile', bestOf([address]));
  const fuzzy = !namedNobody ? null : address ? sql`not exists (select from by_address)` : sql`true`;
  if (plan.cases) add('case_hits', 'case', 'case', bestOf(caseSources(partnershipId, plan.text, plan.cases.words, fuzzy, plan.limit)));
  const places = plan.locations ? locationSources(partnershipId, plan.text, plan.locations.words, fuzzy, plan.limit) : [];
  if (places.length > 0) add('location_hits', 'location', 'location', bestOf(places));
  if (hits.length === 0) return [];
  const { rows } = await ('tx' in on ? on.tx : on.db).execute<HitRow & Record<string, unknown>>(sql`with ${sql.join(found, sql`, `)} ${sql.join(hits, sql` union all `)}`);
  return rows;
}

export interface PageRow {
  id: string;
  accessible: boolean;
  owner: Owner;
  /** Only for a person the actor may open. */
  safety: SafetyFacts | null;
}

/** Whether the actor may open the page's record of each kind: a join per kind, as a sublink per row costs more to plan. */
function openedJoins(actor: ActorRef) {
  return allKinds.map(({ kind, table, accessList }) => ({
    joined: sql`left join ${table} on page.kind = ${kindLiteral(kind)} and ${table.id} = page.id and ${canView(actor, table, accessList)}`,
    id: sql`${table.id}`,
  }));
}

/**
 * What the searcher sees of the page: whether they may open each record, its owners, and a
 * person's safety facts when they may; and the search's audit event, which has no record as its
 * subject and so is always written. Built once, with the page as arrays: unlike the search,
 * one plan serves every page.
 */
const pageStatement = (db: Db | Tx) => {
  const actor = actorPlaceholders;
  const opened = openedJoins(actor);
  const page = cte.$with('search_page', { id: sql<string>`id` }).as(sql`
    select page.id, coalesce(${sql.join(opened.map((o) => sql`${o.id} is not null`), sql` or `)}) as accessible,
           json_build_object('team', json_build_object('id', team.id, 'name', team.name),
                             'organisation', json_build_object('id', organisation.id, 'name', organisation.name)) as owner,
           case when ${opened[recordKinds.indexOf('profile')]!.id} is not null
                then (select ${safetyFactsJson(sql`person`)} from profiles person where person.id = page.id) end as safety
      from unnest(${sql.placeholder('kinds')}::text[], ${sql.placeholder('ids')}::uuid[], ${sql.placeholder('owner_team_ids')}::uuid[]) as page(kind, id, owner_team_id)
      join teams team on team.id = page.owner_team_id
      join organisations organisation on organisation.id = team.organisation_id
      ${sql.join(opened.map((o) => o.joined), sql` `)}`);
  const subject: AuditSubjectRow = sql`select null::uuid as subject_organisation_id, null::uuid as subject_team_id`;
  return db.with(page, ...readAudit(subject)).select({
    id: sql<string>`search_page.id`,
    accessible: sql<boolean>`search_page.accessible`,
    owner: sql<Owner>`search_page.owner`,
    safety: sql<SafetyFacts | null>`search_page.safety`,
  }).from(page);
};
const builtPage = builtOnce((db) => pageStatement(db));

/** The page's access, owners and safety facts, and its audit event (`readAuditParams`): in the caller's transaction when it has one. */
export async function searchPage(on: { db: Db } | { tx: Tx }, actor: Actor, page: { kind: RecordKind; id: string; ownerTeamId: string }[], audit: Record<string, unknown>): Promise<PageRow[]> {
  const params = { kinds: page.map((r) => r.kind), ids: page.map((r) => r.id), owner_team_ids: page.map((r) => r.ownerTeamId), ...actorParams(actor), ...audit };
  if ('db' in on) return builtPage(on.db).execute(params);
  const query = pageStatement(on.tx);
  return query.prepare(shapeName(query)).execute(params);
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

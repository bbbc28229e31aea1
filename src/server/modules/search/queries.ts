import { sql, type SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Owner } from '../../../shared/api/records.ts';
import { recordKinds, type RecordKind } from '../../../shared/records.ts';
import { profiles, reports } from '../../db/schema/index.ts';
import { builtOnce, compiledOnce, runText, shapeName, statementName, type TextStatement } from '../../db/prepared.ts';
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

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
/** How many rows one text source reads at most, however many would match. */
const perSource = sql.raw('100');
/** How many words typed a text source looks for at most: the longest four. */
const wordSlots = [1, 2, 3, 4] as const;

/** The longest few words typed, each of which a trigram LIKE must find. */
function likeWords(text: string): string[] {
  // Trigram LIKE needs three characters to use the index; a shorter word would make it read all of it.
  return text.toLowerCase().split(/\s+/).filter((w) => w.length >= 3).sort((a, b) => b.length - a.length).slice(0, wordSlots.length);
}

/**
 * What was typed, worked out once as the statement starts: its search form, a LIKE pattern per
 * word, the reference and postcode ranges. The sources read them as `(select … from typed)`,
 * values PostgreSQL knows only when it runs the statement, so one plan serves every search of
 * a shape and the trigram and btree indexes still take them as index conditions.
 */
const typed = sql`typed as materialized (
  select lower(unaccent(${sql.placeholder('text')}::text)) as text,
         ${sql.join(wordSlots.map((n) => sql`'%' || lower(unaccent(${sql.placeholder(`word_${n}`)}::text)) || '%' as ${sql.identifier(`word_${n}`)}`), sql`, `)},
         ${sql.placeholder('reference')}::text as reference,
         ${sql.placeholder('reference_to')}::text as reference_to,
         ${sql.placeholder('reference_like')}::text as reference_like,
         ${sql.placeholder('postcode')}::text as postcode,
         ${sql.placeholder('postcode_to')}::text as postcode_to,
         ${sql.placeholder('postcode_like')}::text as postcode_like,
         ${sql.placeholder('postcode_score')}::float8 as postcode_score
)`;
const typedValue = (column: string) => sql`(select ${sql.identifier(column)} from typed)`;
const partnership = actorPlaceholders.partnershipId;

/**
 * Rows of `cases` or `locations` (as `t`) whose search text holds every word typed (trigram LIKE:
 * every trigram is required, so the GIN index goes straight to them) and, when `fuzzy` is given
 * and holds and those are fewer than wanted, rows whose text is alike word for word (`<%`, which
 * catches a typing slip but must weigh every trigram). Each reads at most `perSource` rows; word
 * similarity ranks only those. Fewer than four words repeat the longest, which the index looks
 * up once.
 */
function textMatches(table: 'cases' | 'locations', columns: SQL, fuzzy: SQL | null): SQL {
  const from = sql`${sql.identifier(table)} t`;
  const score = sql`(0.8 * word_similarity(${typedValue('text')}, t.search_text))::float8 as score`;
  const holdsEvery = sql.join(wordSlots.map((n) => sql`t.search_text like ${typedValue(`word_${n}`)}`), sql` and `);
  const exact = sql`(select ${columns}, ${score} from ${from} where t.partnership_id = ${partnership} and ${holdsEvery} limit ${perSource})`;
  if (!fuzzy) return exact;
  return sql`(with found as materialized ${exact}
    select * from found
    union all
    (select ${columns}, ${score} from ${from}
      where t.partnership_id = ${partnership} and ${typedValue('text')} <% t.search_text and ${fuzzy}
        and (select count(*) from found) < ${sql.placeholder('limit')}
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
 * index) and, when `titles`, by the words of their title.
 */
function caseSources(titles: boolean, fuzzy: SQL | null): SQL[] {
  const reference = sql`lower(t.reference)`;
  const columns = sql`t.id, t.reference, t.title, t.status, t.owner_team_id`;
  const sources = [
    sql`(select ${columns}, 1.0::float8 as score from cases t
          where t.partnership_id = ${partnership} and ${reference} = ${typedValue('reference')} limit 1)`,
    sql`(select ${columns}, 0.9::float8 as score from cases t
          where t.partnership_id = ${partnership} and ${reference} between ${typedValue('reference')} and ${typedValue('reference_to')}
            and ${reference} like ${typedValue('reference_like')}
          order by ${reference} desc limit ${sql.placeholder('limit')})`,
  ];
  return titles ? [...sources, textMatches('cases', columns, fuzzy)] : sources;
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

/** Locations by the words of their name and address, and by postcode (with or without its space, whole or its start). */
function locationSources(by: { addresses: boolean; postcode: boolean }, fuzzy: SQL | null): SQL[] {
  const columns = sql`t.id, t.name, t.address_line1, t.address_line2, t.town, t.postcode, t.owner_team_id`;
  const sources: SQL[] = [];
  if (by.addresses) sources.push(textMatches('locations', columns, fuzzy));
  if (by.postcode) {
    const compact = sql`replace(t.postcode, ' ', '')`;
    sources.push(sql`(select ${columns}, ${typedValue('postcode_score')} as score from locations t
          where t.partnership_id = ${partnership}
            and ${compact} between ${typedValue('postcode')} and ${typedValue('postcode_to')}
            and ${compact} like ${typedValue('postcode_like')}
          order by ${compact}, t.id limit ${sql.placeholder('limit')})`);
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
 * compact form) or holds every word typed (`streets`: trigram LIKE on the GIN index of
 * `profile_address_search_text`). Only people the actor may open: where someone lives is what a
 * locked stub keeps back, so naming a locked person found by an address would tell it.
 * Neither index knows the partnership (an address hangs off its person), so the join to
 * `profiles` keeps to it, and to access, before each source stops at its limit: a postcode holds
 * a few dozen addresses at most, but a word of a street is read in every partnership's addresses.
 */
function addressSource(by: 'postcode' | 'streets'): SQL {
  const person = sql`${profiles.id} as id, ${profiles.firstName} as first_name, ${profiles.lastName} as last_name,
    ${profiles.dateOfBirth}::text as date_of_birth, ${profiles.ownerTeamId} as owner_team_id,
    a.address_line1, a.address_line2, a.town, a.postcode, a.to_date::text as to_date`;
  const from = sql`profile_addresses a join ${profiles} on ${profiles.id} = a.profile_id`;
  const mayOpen = sql`${profiles.mergedIntoId} is null and ${canView(actorPlaceholders, profiles, kinds.profile.accessList)}`;
  if (by === 'postcode') {
    return sql`(select ${person}, 0.95::float8 as score from ${from}
      where replace(a.postcode, ' ', '') = ${typedValue('postcode')} and ${mayOpen} limit ${sql.placeholder('limit')})`;
  }
  const address = sql`profile_address_search_text(a.address_line1, a.address_line2, a.town, a.postcode)`;
  const holdsEvery = sql.join(wordSlots.map((n) => sql`${address} like ${typedValue(`word_${n}`)}`), sql` and `);
  return sql`(select ${person}, (0.8 * word_similarity(${typedValue('text')}, ${address}))::float8 as score from ${from}
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

const profileSearch: TextStatement = { name: statementName(profileSearchSql), text: profileSearchSql };

/**
 * People by name or date of birth (`profileSearchSql`): alone, as whether it finds anybody
 * decides what else is searched. Prepared, as the words reach its plan only as values, so one
 * plan serves every name; in the caller's transaction when it has one.
 */
export function searchProfiles(on: { db: Db } | { tx: Tx }, partnershipId: string, query: string, limit: number): Promise<ProfileSearchRow[]> {
  return runText<ProfileSearchRow>(on, profileSearch, profileSearchParams(partnershipId, query, limit));
}

/** Which sources beside names a search reads: what changes the statement's text. */
interface OthersShape {
  address: 'postcode' | 'streets' | null;
  cases: { titles: boolean } | null;
  locations: { addresses: boolean; postcode: boolean } | null;
  /** Typing slips are allowed for in titles and addresses: the names found nobody. */
  fuzzy: boolean;
}

function othersShape(plan: SearchPlan, namedNobody: boolean): OthersShape {
  const words = likeWords(plan.text).length > 0;
  const postcode = postcodeSearchOf(plan.text);
  // A district or sector would name everyone in it: people are found by a whole postcode only.
  const address = !plan.addresses ? null : postcode?.complete ? 'postcode' : !postcode && namedNobody && words ? 'streets' : null;
  const locations = plan.locations && { addresses: plan.locations.words && words, postcode: !!postcode };
  return {
    address,
    cases: plan.cases && { titles: plan.cases.words && words },
    locations: locations && (locations.addresses || locations.postcode) ? locations : null,
    fuzzy: namedNobody,
  };
}

function othersValues(actor: Actor, plan: SearchPlan): Record<string, unknown> {
  const words = likeWords(plan.text).map(likeEscaped);
  const reference = plan.text.toLowerCase();
  const postcode = postcodeSearchOf(plan.text);
  return {
    ...actorParams(actor),
    text: plan.text,
    limit: plan.limit,
    ...Object.fromEntries(wordSlots.map((n) => [`word_${n}`, words[n - 1] ?? words[0] ?? null])),
    reference,
    reference_to: referenceUpperBound(reference),
    reference_like: `${likeEscaped(reference)}%`,
    postcode: postcode?.compact ?? null,
    postcode_to: postcode ? postcodeUpperBound(postcode.compact) : null,
    postcode_like: postcode ? `${postcode.compact}%` : null,
    postcode_score: postcode?.complete ? 0.95 : 0.6,
  };
}

const othersStatement = compiledOnce((shape: OthersShape) => JSON.stringify(shape), (shape) => {
  const found: SQL[] = [typed];
  const hits: SQL[] = [];
  const add = (name: string, source: HitSource, kind: RecordKind, body: SQL) => {
    found.push(sql`${sql.identifier(name)} as materialized (${body})`);
    hits.push(sql`select ${kindLiteral(kind)}::text as kind, ${sql.raw(`'${source}'`)}::text as source, to_json(h) as hit from ${sql.identifier(name)} h`);
  };
  if (shape.address) add('by_address', 'address', 'profile', bestOf([addressSource(shape.address)]));
  const fuzzy = !shape.fuzzy ? null : shape.address ? sql`not exists (select from by_address)` : sql`true`;
  if (shape.cases) add('case_hits', 'case', 'case', bestOf(caseSources(shape.cases.titles, fuzzy)));
  if (shape.locations) add('location_hits', 'location', 'location', bestOf(locationSources(shape.locations, fuzzy)));
  return sql`with ${sql.join(found, sql`, `)} ${sql.join(hits, sql` union all `)}`;
});

/**
 * The other sources the plan calls for, in one statement: people by their address, cases and
 * locations, each record once by its best match. `namedNobody` says the names found nobody:
 * only then are streets searched (names such as Green, Hill and Hall are words of streets too,
 * and a street's words are looked for in every partnership's addresses), and typing slips allowed
 * for in titles and addresses (which weighs every trigram of them, the dearest search there is)
 * if the addresses found nobody either, a guard PostgreSQL checks once. Prepared once for each
 * shape (`OthersShape`): what was typed reaches the plan only through `typed`.
 */
export async function searchOthers(on: { db: Db } | { tx: Tx }, actor: Actor, plan: SearchPlan, namedNobody: boolean): Promise<HitRow[]> {
  const shape = othersShape(plan, namedNobody);
  if (!shape.address && !shape.cases && !shape.locations) return [];
  return othersStatement<HitRow>(on, shape, othersValues(actor, plan));
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

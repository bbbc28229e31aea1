import { searchTermsOf } from './terms.ts';

/**
 * The profile name search as plain SQL with positional parameters, so that the benchmark runs
 * exactly what the API runs (queries.ts builds its query from this text).
 *
 * $1 partnership id, $2 the name as typed (its words joined by a space) or null, $3 its first word
 * when there are two or more, $4 its last word, $5 a date of birth (YYYY-MM-DD) or null, $6 the
 * number of profiles wanted, $7 and $8 the two longest words of three letters or more (or null).
 * `profileSearchParams` builds them from the query.
 *
 * Four sources, each an index lookup that reads at most 100 names, so the cost stays flat however
 * many people share a common name:
 * - names holding the two longest words as typed (the GIN index of `profile_names.search_keys`,
 *   every trigram of a name keyed with its partnership by `name_trigram_keys`: every key of the
 *   words is required, so the index skips straight to the partnership's names that have them all,
 *   and a threshold operator such as `%` would have to weigh every trigram of every Smith in the
 *   partnership; then each word is looked for in the name itself, and the partnership checked);
 * - only when that finds too few, names holding one of those words and the first three letters
 *   of the other, which finds a slip of the keyboard after the third letter ("Stehpen Smith");
 * - names that sound alike (the btree on the sound keys, which `name_sound` makes from the words
 *   typed as it made them from the names: Double Metaphone after rewriting the variants it keys
 *   apart, so Tomson finds Thompson; surname and first name, either way round, the first name's
 *   key may be the start of theirs, so Jon finds Jonathan);
 * - people born on the date (the btree on `profiles`), with their names.
 * Then `similarity` and `word_similarity` rank only those rows. A profile's best name counts;
 * merged duplicates only redirect, so they are left out.
 *
 * What is typed is worked out once, in `typed`: its search form, the words and their keys, and
 * the sound keys. The sources take them as values, so `name_sound`'s regular expressions run once
 * rather than for every name an index returns, and a plan made for no name in particular is the
 * plan for every name: the API prepares the statement once per connection. For the same reason a
 * word not typed is not tested with `is null`, which would leave it out of the index condition:
 * the word repeats one that is there (the second word's, when there is one word), and a first
 * name not typed makes the range of first names' sounds everything. The keys' lookups sit behind
 * `offset 0`, so the partnership is checked on the names they find: a plan made for no words in
 * particular would otherwise also read the partnership's whole list in the trigram index, kept
 * for the profiles list and likely matches, and intersect the two.
 *
 * Scores run from 0 to 1: how alike the names are (1 for the same name, 0.9 for a name holding
 * every word typed). A name that sounds alike starts from a floor (0.6 when both names sound
 * alike, 0.5 when the first name's sound is the start of theirs, 0.4 for a surname alone) and
 * rises with how alike it is, so that Jon Smyth puts John Smith above Jane Smith. With a date in
 * the query the score is 70% name and 30% date, or 1 for everyone born that day when the query
 * is a date alone.
 */
export const profileSearchSql = `
with words as materialized (
  select lower(unaccent($7::text)) as longest,
         lower(unaccent($8::text)) as next_longest,
         lower(unaccent(left($7::text, 3))) as longest_start,
         lower(unaccent(left($8::text, 3))) as next_longest_start
),
word_keys as materialized (
  select name_trigram_keys($1::uuid, w.longest) as longest,
         name_trigram_keys($1::uuid, w.next_longest) as next_longest,
         name_trigram_keys($1::uuid, w.longest_start) as longest_start,
         name_trigram_keys($1::uuid, w.next_longest_start) as next_longest_start
    from words w
),
typed as materialized (
  select lower(unaccent($2::text)) as name, w.*,
         nullif(k.longest || k.next_longest, '{}') as keys,
         nullif(k.longest_start || k.next_longest, '{}') as longest_start_keys,
         case when w.next_longest is not null then nullif(k.longest || k.next_longest_start, '{}') end as next_longest_start_keys,
         name_sound($3::text) as first_sound,
         coalesce(name_sound($3::text), '') as first_sound_from,
         coalesce(name_sound($3::text), '') || 'ZZZZZZZZ' as first_sound_to,
         name_sound($4::text) as last_sound
    from words w, word_keys k
),
named as materialized (
  select pn.profile_id, pn.kind, pn.first_name, pn.last_name, pn.search_name, 0::float8 as floor
    from (select * from profile_names where search_keys @> (select keys from typed) offset 0) pn
   where pn.partnership_id = $1::uuid
     and strpos(pn.search_name, (select longest from typed)) > 0
     and strpos(pn.search_name, (select coalesce(next_longest, longest) from typed)) > 0
   limit 100
),
alike as (
  (select pn.profile_id, pn.kind, pn.first_name, pn.last_name, pn.search_name, 0::float8 as floor
     from (select * from profile_names where search_keys @> (select longest_start_keys from typed) offset 0) pn
    where pn.partnership_id = $1::uuid
      and strpos(pn.search_name, (select longest_start from typed)) > 0
      and strpos(pn.search_name, (select coalesce(next_longest, longest_start) from typed)) > 0
      and (select count(*) from named) < $6::int
    limit 100)
  union all
  (select pn.profile_id, pn.kind, pn.first_name, pn.last_name, pn.search_name, 0::float8 as floor
     from (select * from profile_names where search_keys @> (select next_longest_start_keys from typed) offset 0) pn
    where pn.partnership_id = $1::uuid
      and strpos(pn.search_name, (select longest from typed)) > 0
      and strpos(pn.search_name, (select next_longest_start from typed)) > 0
      and (select count(*) from named) < $6::int
    limit 100)
),
sounds as (
  select pn.profile_id, pn.kind, pn.first_name, pn.last_name, pn.search_name,
         case when $3::text is null then 0.4
              when pn.first_sound = (select first_sound from typed) or pn.last_sound = (select first_sound from typed) then 0.6
              else 0.5 end::float8 as floor
    from profile_names pn
   where pn.partnership_id = $1::uuid
     and pn.last_sound <> ''
     and ((pn.last_sound = (select last_sound from typed)
           and pn.first_sound between (select first_sound_from from typed) and (select first_sound_to from typed))
       or (pn.last_sound = (select first_sound from typed) and pn.first_sound = (select last_sound from typed)))
   limit 100
),
born as (
  select pn.profile_id, pn.kind, pn.first_name, pn.last_name, pn.search_name, 0::float8 as floor
    from profiles p
    join profile_names pn on pn.profile_id = p.id
   where p.partnership_id = $1::uuid and p.date_of_birth = $5::date and p.merged_into_id is null
   limit 100
),
scored as (
  select c.profile_id, c.kind, c.first_name, c.last_name,
         (c.floor + (1 - c.floor) * coalesce(greatest(similarity(c.search_name, t.name), 0.9 * word_similarity(t.name, c.search_name)), 0))::float8 as score
    from (select * from named union all select * from alike union all select * from sounds union all select * from born) c, typed t
),
best as (
  select distinct on (profile_id) profile_id, kind, first_name, last_name, score
    from scored
   order by profile_id, score desc
)
select p.id, p.first_name, p.last_name, p.date_of_birth::text as date_of_birth, p.owner_team_id,
       case when best.kind = 'alias' then best.first_name || ' ' || best.last_name end as alias,
       (case when $5::date is null then best.score
             when $2::text is null then 1
             else 0.7 * best.score + case when p.date_of_birth = $5::date then 0.3 else 0 end
        end)::float8 as score
  from best
  join profiles p on p.id = best.profile_id
 where p.merged_into_id is null and p.partnership_id = $1::uuid
 order by score desc, p.last_name, p.first_name, p.id
 limit $6::int
`;

export type ProfileSearchParams = [
  partnershipId: string,
  name: string | null,
  firstWord: string | null,
  lastWord: string | null,
  dateOfBirth: string | null,
  limit: number,
  longestWord: string | null,
  nextLongestWord: string | null,
];

export interface ProfileSearchRow {
  id: string;
  first_name: string;
  last_name: string;
  date_of_birth: string | null;
  owner_team_id: string;
  /** The alias that matched, when it was an alias rather than the person's own name. */
  alias: string | null;
  score: number;
}

export function profileSearchParams(partnershipId: string, query: string, limit: number): ProfileSearchParams {
  const { nameWords, dateOfBirth } = searchTermsOf(query);
  const name = nameWords.length > 0 ? nameWords.join(' ') : null;
  // A word needs three letters to have a key; a shorter one would make the index read all of it.
  const [longest = null, nextLongest = null] = nameWords.filter((w) => w.length >= 3).sort((a, b) => b.length - a.length);
  return [partnershipId, name, nameWords.length > 1 ? nameWords[0]! : null, nameWords.at(-1) ?? null, dateOfBirth, limit, longest, nextLongest];
}

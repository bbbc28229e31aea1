import type pg from 'pg';

export interface BenchActor {
  id: string;
  teamId: string;
  organisationId: string;
  partnershipId: string;
}

export interface Samples {
  actor: BenchActor;
  /** Profiles and cases the actor may open. */
  profileIds: string[];
  caseIds: string[];
  /** What people type into the search box: names, surnames, misspellings, a name with a date of birth. */
  searches: string[];
}

export async function actorOf(pool: pg.Pool, email: string): Promise<BenchActor> {
  const { rows: [actor] } = await pool.query<BenchActor>(
    `select u.id, u.team_id as "teamId", t.organisation_id as "organisationId", o.partnership_id as "partnershipId"
       from users u join teams t on t.id = u.team_id join organisations o on o.id = t.organisation_id where u.email = $1`, [email]);
  if (!actor) throw new Error(`${email} is not in this database: run bench/generate.ts on it first`);
  return actor;
}

export async function openableIds(pool: pg.Pool, table: 'profiles' | 'cases', actor: BenchActor, count: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `select r.id from ${table} r
      where r.partnership_id = $1
        and (r.owner_team_id = $2 or exists (select 1 from ${table.slice(0, -1)}_access a where a.record_id = r.id and (a.team_id = $2 or a.organisation_id = $3)))
      order by random() limit $4`, [actor.partnershipId, actor.teamId, actor.organisationId, count]);
  if (rows.length === 0) throw new Error(`the bench user can open no ${table}: is this a generated database?`);
  return rows.map((r) => r.id);
}

/** The slips people make typing a name: a letter dropped, or two swapped. */
function misspell(word: string, r: number): string {
  if (word.length < 4) return word;
  const at = 1 + Math.floor(r * (word.length - 2));
  return r < 0.5 ? word.slice(0, at) + word.slice(at + 1) : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

const ukDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * Search terms made from real people of the partnership (whether or not the actor can open
 * them), in the mix a practitioner types: the full name most often, then a surname alone, a
 * misspelt name, a misspelt surname, and a name with a date of birth.
 */
export async function searchTerms(pool: pg.Pool, actor: BenchActor, count: number): Promise<string[]> {
  const { rows } = await pool.query<{ first_name: string; last_name: string; date_of_birth: string | null }>(
    `select first_name, last_name, date_of_birth::text from profiles where partnership_id = $1 order by random() limit $2`,
    [actor.partnershipId, count]);
  return rows.map((p, i) => {
    const r = (i * 7919 % 1000) / 1000;
    switch (i % 10) {
      case 0: case 1: case 2: case 3: return `${p.first_name} ${p.last_name}`;
      case 4: case 5: return p.last_name;
      case 6: case 7: return `${p.first_name} ${misspell(p.last_name, r)}`;
      case 8: return misspell(p.last_name, r);
      default: return p.date_of_birth ? `${p.first_name} ${p.last_name} ${ukDate(p.date_of_birth)}` : `${p.first_name} ${p.last_name}`;
    }
  });
}

export async function samplesFor(pool: pg.Pool, email: string): Promise<Samples> {
  const actor = await actorOf(pool, email);
  return {
    actor,
    profileIds: await openableIds(pool, 'profiles', actor, 2000),
    caseIds: await openableIds(pool, 'cases', actor, 2000),
    searches: await searchTerms(pool, actor, 500),
  };
}

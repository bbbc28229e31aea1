import type pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { randomToken, sha256 } from '../../src/server/platform/auth/crypto.ts';
import { sessionCookie } from '../../src/server/platform/http/auth-guard.ts';
import type { OrganisationKind } from '../../src/shared/roles.ts';

/** A member's user with a session: what the bench sends as them. */
export interface Member {
  id: string;
  teamId: string;
  organisationId: string;
  cookie: string;
  csrf: string;
}

export interface Setting {
  coordinator: { id: string; teamId: string; organisationId: string; partnershipId: string };
  /** The member organisations, the coordinator's first. */
  organisationIds: string[];
  /** One user of each member organisation, whose team may open the referred people. */
  researchers: Member[];
  /** A member organisation's user whose team may open none of them: they see stubs. */
  reader: Member;
  /** People the coordinator's team holds, to refer. */
  profileIds: string[];
}

/** Agencies a MARAC has that the demo partnership lacks, added once. */
const extraOrganisations: { name: string; kind: OrganisationKind; team: string }[] = [
  { name: 'Demo Community Health NHS Trust', kind: 'health', team: 'Safeguarding team' },
  { name: 'Demo County Schools', kind: 'education', team: 'Education Safeguarding team' },
];

export const memberCount = 8;

async function addOrganisations(pool: pg.Pool, partnershipId: string): Promise<void> {
  for (const o of extraOrganisations) {
    const { rows: [found] } = await pool.query<{ id: string }>('select id from organisations where partnership_id = $1 and name = $2', [partnershipId, o.name]);
    if (found) continue;
    const organisationId = uuidv7();
    await pool.query('insert into organisations (id, partnership_id, name, kind) values ($1, $2, $3, $4)', [organisationId, partnershipId, o.name, o.kind]);
    await pool.query('insert into teams (id, organisation_id, name) values ($1, $2, $3)', [uuidv7(), organisationId, o.team]);
  }
}

/**
 * Practitioners of the given teams (made on the first run, moved back to their team after), each
 * with a session written as sign-in writes one, so the bench acts as many users without two-factor
 * sign-ins (as bench/work.ts's live readers do).
 */
async function membersIn(pool: pg.Pool, teams: { teamId: string; organisationId: string; email: string }[]): Promise<Member[]> {
  const members: Member[] = [];
  for (const t of teams) {
    const { rows: [user] } = await pool.query<{ id: string }>(`
      insert into users (id, team_id, email, name, role) values (gen_random_uuid(), $1, $2::text, 'Panel member ' || split_part($2::text, '@', 1), 'practitioner')
      on conflict (email) do update set team_id = excluded.team_id, disabled_at = null returning id`, [t.teamId, t.email]);
    const token = randomToken();
    const csrf = randomToken();
    await pool.query(`insert into sessions (token_hash, user_id, stage, csrf_token, expires_at) values ($1, $2, 'full', $3, now() + interval '12 hours')`,
      [sha256(token), user!.id, csrf]);
    members.push({ id: user!.id, teamId: t.teamId, organisationId: t.organisationId, cookie: `${sessionCookie}=${token}`, csrf });
  }
  return members;
}

/**
 * Everything the panel needs that is not the panel's own work, in SQL: two more agencies in the
 * coordinator's partnership, so it has eight with the six of the demo; a researcher in each (the
 * coordinator's own team for its organisation, else the organisation's first team); a reader in
 * another team of a member organisation; 50 people the coordinator's team holds that the reader's
 * team and organisation may not open; and view access to them for each researcher's team, as
 * sharing would grant it before a MARAC.
 */
export async function prepare(pool: pg.Pool, coordinatorEmail: string, people: number): Promise<Setting> {
  const { rows: [coordinator] } = await pool.query<Setting['coordinator']>(`
    select u.id, u.team_id as "teamId", t.organisation_id as "organisationId", o.partnership_id as "partnershipId"
      from users u join teams t on t.id = u.team_id join organisations o on o.id = t.organisation_id where u.email = $1`, [coordinatorEmail]);
  if (!coordinator) throw new Error(`${coordinatorEmail} is not in this database: run bench/generate.ts on it first`);
  await addOrganisations(pool, coordinator.partnershipId);
  const { rows: teams } = await pool.query<{ id: string; organisation_id: string; first: boolean }>(`
    select t.id, t.organisation_id, row_number() over (partition by t.organisation_id order by t.id = $2 desc, t.name) = 1 as first
      from teams t join organisations o on o.id = t.organisation_id
     where o.partnership_id = $1 and o.kind <> 'other'
     order by o.id = $3 desc, o.name, t.name`, [coordinator.partnershipId, coordinator.teamId, coordinator.organisationId]);
  const organisationIds = [...new Set(teams.map((t) => t.organisation_id))].slice(0, memberCount);
  if (organisationIds.length < memberCount) throw new Error(`the partnership has only ${organisationIds.length} agencies`);
  const researchTeams = teams.filter((t) => t.first && organisationIds.includes(t.organisation_id));
  const readerTeam = teams.find((t) => !t.first && organisationIds.includes(t.organisation_id) && t.organisation_id !== coordinator.organisationId);
  if (!readerTeam) throw new Error('no member organisation has a second team for the reader');
  const researchers = await membersIn(pool, researchTeams.map((t, i) => ({ teamId: t.id, organisationId: t.organisation_id, email: `panel.research.${i + 1}@bench.concord.test` })));
  const [reader] = await membersIn(pool, [{ teamId: readerTeam.id, organisationId: readerTeam.organisation_id, email: 'panel.reader@bench.concord.test' }]);
  const { rows } = await pool.query<{ id: string }>(`
    select p.id from profiles p
     where p.owner_team_id = $1 and p.merged_into_id is null and coalesce(p.reason_created, '') not like 'Benchmark:%'
       and not exists (select 1 from profile_access a where a.record_id = p.id and (a.team_id = $2 or a.organisation_id = $3))
     order by random() limit $4`, [coordinator.teamId, readerTeam.id, readerTeam.organisation_id, people]);
  const profileIds = rows.map((r) => r.id);
  if (profileIds.length < people) throw new Error(`the coordinator's team holds only ${profileIds.length} people the reader may not open`);
  await pool.query(`
    insert into profile_access (id, record_id, team_id, level, granted_at)
    select gen_random_uuid(), p, t, 'view', now() from unnest($1::uuid[]) p cross join unnest($2::uuid[]) t
     where not exists (select 1 from profile_access a where a.record_id = p and a.team_id = t)`,
  [profileIds, researchTeams.map((t) => t.id).filter((id) => id !== coordinator.teamId)]);
  return { coordinator, organisationIds, researchers, reader: reader!, profileIds };
}

/** Ends the sessions the bench made, so they do not linger as open sign-ins. */
export async function endSessions(pool: pg.Pool, members: Member[]): Promise<void> {
  const hashes = members.map((m) => sha256(m.cookie.slice(sessionCookie.length + 1)));
  await pool.query(`update sessions set ended_at = now(), end_reason = 'signed_out' where token_hash = any($1) and ended_at is null`, [hashes]);
}

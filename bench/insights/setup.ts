import type pg from 'pg';
import { uuidv7 } from 'uuidv7';
import type { Actor } from '../../src/server/platform/access/actor.ts';
import { randomToken, sha256 } from '../../src/server/platform/auth/crypto.ts';
import { sessionCookie } from '../../src/server/platform/http/auth-guard.ts';

/** Someone the bench calls the API as: their actor, as the server makes it from their session, and the session's cookie. */
export interface Caller {
  actor: Actor;
  cookie: string;
}

export interface Callers {
  partnership: { id: string; name: string };
  team: { id: string; name: string; members: number; profiles: number };
  /** A system administrator of the partnership: the dashboard's whole-partnership totals. */
  admin: Caller;
  /** The team's supervisor: its compliance view. */
  supervisor: Caller;
  /** A practitioner of the team who writes reports: the report text search. */
  practitioner: Caller;
  /** Ends the sessions the bench wrote, so they do not linger as open sign-ins. */
  end(): Promise<void>;
}

const demoPartnerships = ['Demo County Community Safety Partnership', 'Neighbouring County'];

/**
 * Gives four in five of the team's people their owning organisation's lawful basis (a public task,
 * a tenth of them past their review date), so the compliance view's two lawful basis checks probe
 * real rows. Only people without one, so a second run adds none.
 */
async function recordBases(pool: pg.Pool, teamId: string): Promise<void> {
  await pool.query(`
    insert into profile_lawful_bases (id, partnership_id, profile_id, organisation_id, basis, review_on)
    select gen_random_uuid(), p.partnership_id, p.id, t.organisation_id, 'public-task',
           current_date + case when abs(hashtext(p.id::text)) % 10 = 0 then -30 else 200 end
      from profiles p join teams t on t.id = p.owner_team_id
     where p.owner_team_id = $1 and p.merged_into_id is null and abs(hashtext(p.id::text || 'basis')) % 5 <> 0
       and not exists (select 1 from profile_lawful_bases b where b.profile_id = p.id and b.organisation_id = t.organisation_id and b.ended_at is null)`, [teamId]);
}

/**
 * A generated partnership (a twentieth of the scale: about 48,000 people and 14,000 cases), by
 * name or else the last, and the team of its police named `teamName`. The generator dates
 * records in the order of their partnerships, so the last one's whole record falls in the last
 * year: its year's dashboard counts the most (the first one's year has no new people or cases).
 */
async function benchTeam(pool: pg.Pool, partnershipName: string | undefined, teamName: string): Promise<{ partnershipId: string; partnershipName: string; teamId: string; teamName: string }> {
  const { rows: [found] } = await pool.query<{ partnershipId: string; partnershipName: string; teamId: string; teamName: string }>(`
    select p.id as "partnershipId", p.name as "partnershipName", t.id as "teamId", o.name || ', ' || t.name as "teamName"
      from partnerships p join organisations o on o.partnership_id = p.id and o.kind = 'police' join teams t on t.organisation_id = o.id and t.name = $2
     where p.name <> all($1) and ($3::text is null or p.name = $3) order by p.id desc limit 1`, [demoPartnerships, teamName, partnershipName ?? null]);
  if (!found) throw new Error(`no generated partnership ${partnershipName ?? ''} with a police team named "${teamName}": load the database with bench/generate.ts first`);
  return found;
}

/**
 * Makes the team `size` people strong: the generator gives a team two practitioners per unit of its
 * share, so the bench adds practitioners (`insights.<n>@bench.concord.test`, no password) up to
 * `size`. The same emails every run, so a second run adds none.
 */
async function growTeam(pool: pg.Pool, teamId: string, size: number): Promise<number> {
  const { rows: [{ members } = { members: 0 }] } = await pool.query<{ members: number }>(
    'select count(*)::int as members from users where team_id = $1 and disabled_at is null', [teamId]);
  if (members < size) {
    await pool.query(`
      insert into users (id, team_id, email, name, role)
      select gen_random_uuid(), $1, 'insights.' || k || '@bench.concord.test', 'Team member ' || k, 'practitioner' from generate_series(1, $2::int) k
      on conflict (email) do update set team_id = excluded.team_id, disabled_at = null`, [teamId, size - members]);
  }
  const { rows: [grown] } = await pool.query<{ members: number }>('select count(*)::int as members from users where team_id = $1 and disabled_at is null', [teamId]);
  return grown!.members;
}

async function actorOf(pool: pg.Pool, userId: string): Promise<Actor> {
  const { rows: [actor] } = await pool.query<Actor>(
    `select 'user' as kind, u.id, u.name, u.role, u.is_supervisor as "isSupervisor", u.is_coordinator as "isCoordinator", u.team_id as "teamId",
            t.organisation_id as "organisationId", o.partnership_id as "partnershipId", false as "readOnly"
       from users u join teams t on t.id = u.team_id join organisations o on o.id = t.organisation_id where u.id = $1`, [userId]);
  if (!actor) throw new Error(`no user ${userId}`);
  return actor;
}

/** A session written as sign-in writes one (the cookie holds the token, the database its SHA-256), so no two-factor sign-in is needed. */
async function sessionFor(pool: pg.Pool, userId: string): Promise<{ cookie: string; hash: string }> {
  const token = randomToken();
  const hash = sha256(token);
  await pool.query(`insert into sessions (token_hash, user_id, stage, csrf_token, expires_at) values ($1, $2, 'full', $3, now() + interval '12 hours')`,
    [hash, userId, randomToken()]);
  return { cookie: `${sessionCookie}=${token}`, hash };
}

/**
 * Who the insights bench acts as, in a generated partnership (`partnershipName`, or the last): a
 * system administrator (`insights.admin@bench.concord.test`, put in the council's Community Safety
 * team), the supervisor of its police team `teamName` (the generator appoints one) and the first
 * of that team's generated practitioners; the team grown to `teamSize` people.
 */
export async function benchCallers(pool: pg.Pool, partnershipName: string | undefined, teamName: string, teamSize: number): Promise<Callers> {
  const found = await benchTeam(pool, partnershipName, teamName);
  const members = await growTeam(pool, found.teamId, teamSize);
  await recordBases(pool, found.teamId);
  const { rows: [admin] } = await pool.query<{ id: string }>(`
    insert into users (id, team_id, email, name, role)
    select $1, t.id, 'insights.admin@bench.concord.test', 'Insights administrator', 'system_admin'
      from teams t join organisations o on o.id = t.organisation_id
     where o.partnership_id = $2 and o.kind = 'council' and t.name = 'Community Safety team'
    on conflict (email) do update set team_id = excluded.team_id, disabled_at = null, role = 'system_admin' returning id`, [uuidv7(), found.partnershipId]);
  const { rows: [supervisor] } = await pool.query<{ id: string }>(
    `select id from users where team_id = $1 and disabled_at is null and is_supervisor order by email limit 1`, [found.teamId]);
  const { rows: [practitioner] } = await pool.query<{ id: string }>(
    `select id from users where team_id = $1 and disabled_at is null and role = 'practitioner' and not is_supervisor and email like 'staff.%'
      order by email limit 1`, [found.teamId]);
  if (!admin || !supervisor || !practitioner) throw new Error('the bench team has no supervisor or practitioner: load the database with this version of bench/generate.ts');
  const { rows: [owned] } = await pool.query<{ profiles: number }>(
    'select count(*)::int as profiles from profiles where owner_team_id = $1 and merged_into_id is null', [found.teamId]);

  const hashes: string[] = [];
  const caller = async (userId: string): Promise<Caller> => {
    const session = await sessionFor(pool, userId);
    hashes.push(session.hash);
    return { actor: await actorOf(pool, userId), cookie: session.cookie };
  };
  return {
    partnership: { id: found.partnershipId, name: found.partnershipName },
    team: { id: found.teamId, name: found.teamName, members, profiles: owned!.profiles },
    admin: await caller(admin.id),
    supervisor: await caller(supervisor.id),
    practitioner: await caller(practitioner.id),
    async end() {
      await pool.query(`update sessions set ended_at = now(), end_reason = 'signed_out' where token_hash = any($1) and ended_at is null`, [hashes]);
    },
  };
}

import type pg from 'pg';
import { victimCareDefaults } from '../../src/shared/victim-care.ts';
import { complaintSentences, hateIncidentSentences } from '../data/complaints.ts';

/** Victims who complain of ASB (per thousand victims), and victims of a hate incident. */
const complainantsPerThousand = 100;
const hateVictimsPerThousand = 10;

/** The case types whose victims have a contact plan while the case is open. */
const caredForCaseTypes = ['asb', 'hate-crime', 'marac', 'community-marac', 'vulnerable-person'];

const safeTimes = ['Weekday mornings only', 'After 6pm, when her partner is at work', 'Not during school runs', 'Any time; prefers a call first'];

/**
 * Who the nightly sweeps tell: the generated teams get a supervisor (the first of their staff)
 * and every partnership without one an ASB coordinator (the first of its council Community
 * Safety team's staff), as a partnership running victim care would have.
 */
export async function appointLeads(client: pg.PoolClient): Promise<void> {
  await client.query(`
    update users u set is_supervisor = true
      from (select distinct on (s.team_id) s.id from users s
             where s.email like 'staff.%@bench.concord.test'
               and not exists (select 1 from users l where l.team_id = s.team_id and l.disabled_at is null and (l.is_supervisor or l.role = 'team_admin'))
             order by s.team_id, s.email) chosen
     where u.id = chosen.id`);
  await client.query(`
    update users u set is_coordinator = true
      from (select distinct on (o.partnership_id) s.id from users s
              join teams t on t.id = s.team_id join organisations o on o.id = t.organisation_id
             where s.email like 'staff.%@bench.concord.test' and o.kind = 'council' and t.name = 'Community Safety team'
               and not exists (select 1 from users c join teams ct on ct.id = c.team_id join organisations co on co.id = ct.organisation_id
                                where co.partnership_id = o.partnership_id and c.is_coordinator and c.disabled_at is null)
             order by o.partnership_id, s.email) chosen
     where u.id = chosen.id`);
}

/**
 * Per partnership (by `bench_partnerships.idx`), the agencies that take ASB complaints (police,
 * council, housing), numbered from 1, with their staff: `bench_agencies` and `bench_agency_counts`.
 */
export async function describeAgencies(client: pg.PoolClient): Promise<void> {
  await client.query(`
    create temporary table bench_agencies as
    select p.idx, row_number() over (partition by p.idx order by o.id)::int as at, o.id as organisation_id,
           array_agg(u.id order by u.id) as authors, array_agg(u.team_id order by u.id) as author_teams
      from bench_partnerships p
      join organisations o on o.partnership_id = p.id and o.kind in ('police', 'council', 'housing')
      join teams t on t.organisation_id = o.id
      join users u on u.team_id = t.id and u.disabled_at is null and u.role <> 'read_only'
     group by p.idx, o.id`);
  await client.query('create temporary table bench_agency_counts as select idx, count(*)::int as n from bench_agencies group by idx');
  const { rows } = await client.query<{ idx: number }>(
    'select p.idx from bench_partnerships p left join bench_agency_counts n on n.idx = p.idx where n.n is null');
  if (rows.length > 0) throw new Error(`partnerships without police, council or housing staff: ${rows.map((r) => r.idx).join(', ')}`);
}

/**
 * ASB complaints and hate incidents, as reports of the types `asb-complaint` and `hate-incident`,
 * for the victims whose profile id hashes to `part` of `parts` (so two sessions share the work).
 * One victim in ten complains: their incidents (one, or several: 1 + an exponential of mean 2.5)
 * fall in one episode of one to six months that starts at any time since the profile was made,
 * each on one London day, reported to one agency (70%), two (22%) or three (8%) that day, each
 * writing its own report, on the victim's profile or, for 15% of the incidents of a victim with
 * a current address, on that address's location. One victim in a hundred reports one to three
 * hate incidents at any time. Returns how many reports were written.
 */
export async function loadComplaints(client: pg.PoolClient, part: number, parts: number): Promise<number> {
  const victims = `'victim' = any(pr.roles) and pr.merged_into_id is null and abs(hashtext(pr.id::text)) % $2 = $3`;
  const written = `
    insert into reports (id, partnership_id, record_kind, record_id, report_type_id, occurred_at, body_html, body_text, visibility,
                         author_id, author_team_id, author_organisation_id, version, created_at, updated_at)`;
  const body = `'<p>' || pg_temp.pick($1::text[], f.s1) || '</p><p>' || pg_temp.pick($1::text[], f.s2) || '</p>',
                pg_temp.pick($1::text[], f.s1) || ' ' || pg_temp.pick($1::text[], f.s2),
                case when f.r_vis < 0.9 then 'shared' when f.r_vis < 0.98 then 'team' else 'private' end`;
  const author = 'a.authors[1 + floor(f.r_author * cardinality(a.authors))::int], a.author_teams[1 + floor(f.r_author * cardinality(a.authors))::int], a.organisation_id';
  const complaints = await client.query(`
    ${written}
    select pg_temp.bench_uuid('complaint:' || f.profile_id::text || ':' || f.k, f.j, (extract(epoch from t.occurred_at) * 1000)::bigint),
           f.partnership_id, case when f.at_home then 'location' else 'profile' end, case when f.at_home then f.home_id else f.profile_id end,
           l.id, t.occurred_at, ${body}, ${author}, 1, t.created_at, t.created_at
      from (
        select i.*, j, random() as r_time, random() as r_author, random() as r_vis, random() as s1, random() as s2
          from (
            select c.*, k, ((c.starts + least(now() - c.starts, c.span) * random()) at time zone 'Europe/London')::date as day,
                   random() as r_agencies, random() as r_first, c.home_id is not null and random() < 0.15 as at_home
              from (
                select pr.id as profile_id, pr.partnership_id, bp.idx, least(40, 1 + floor(-2.5 * ln(1 - random())))::int as incidents,
                       pr.created_at + (now() - pr.created_at) * random() as starts, interval '1 day' * (30 + 150 * random()) as span,
                       home.location_id as home_id
                  from profiles pr join bench_partnerships bp on bp.id = pr.partnership_id
                  -- A join, not a lookup per victim: the addresses' indexes are built after loading.
                  left join (select distinct on (pa.profile_id) pa.profile_id, pa.location_id from profile_addresses pa
                              where pa.to_date is null and pa.location_id is not null order by pa.profile_id, pa.id) home on home.profile_id = pr.id
                 where ${victims} and abs(hashtext(pr.id::text || 'complainant')) % 1000 < $4
                offset 0) c
              cross join generate_series(1, c.incidents) k
            offset 0) i
          cross join generate_series(1, case when i.r_agencies < 0.7 then 1 when i.r_agencies < 0.92 then 2 else 3 end) j
        offset 0) f
      join bench_agency_counts n on n.idx = f.idx
      join bench_agencies a on a.idx = f.idx and a.at = 1 + (floor(f.r_first * n.n)::int + f.j - 1) % n.n
      join lookups l on l.partnership_id = f.partnership_id and l.list = 'report_type' and l.key = 'asb-complaint'
      cross join lateral (select least(now(), (f.day + time '08:00' + interval '1 minute' * floor(f.r_time * 600) + interval '40 minutes' * (f.j - 1))
                                                at time zone 'Europe/London') as occurred_at) o
      cross join lateral (select o.occurred_at, least(now(), o.occurred_at + interval '2 hours' * f.r_time) as created_at) t`,
  [complaintSentences, parts, part, complainantsPerThousand]);
  const hate = await client.query(`
    ${written}
    select pg_temp.bench_uuid('hate:' || f.profile_id::text, f.k, (extract(epoch from f.occurred_at) * 1000)::bigint),
           f.partnership_id, 'profile', f.profile_id, l.id, f.occurred_at, ${body}, ${author}, 1, f.occurred_at, f.occurred_at
      from (
        select pr.id as profile_id, pr.partnership_id, bp.idx, k, pr.created_at + (now() - pr.created_at) * random() as occurred_at,
               random() as r_agency, random() as r_author, random() as r_vis, random() as s1, random() as s2
          from profiles pr join bench_partnerships bp on bp.id = pr.partnership_id
          cross join lateral generate_series(1, 1 + abs(hashtext(pr.id::text || 'hate-count')) % 3) k
         where ${victims} and abs(hashtext(pr.id::text || 'hate')) % 1000 < $4
        offset 0) f
      join bench_agency_counts n on n.idx = f.idx
      join bench_agencies a on a.idx = f.idx and a.at = 1 + floor(f.r_agency * n.n)::int
      join lookups l on l.partnership_id = f.partnership_id and l.list = 'report_type' and l.key = 'hate-incident'`,
  [hateIncidentSentences, parts, part, hateVictimsPerThousand]);
  return (complaints.rowCount ?? 0) + (hate.rowCount ?? 0);
}

/**
 * Victim care as a partnership that has run it for a while: a quarter of the generated
 * partnerships with their own settings (a three-week standard cadence, a day's grace, no
 * location variant); a contact plan for the victim of every open ASB, hate crime, MARAC,
 * Community MARAC and vulnerable person case (the latest such case), at the cadence for their
 * risk level. Most plans are kept to (85% contacted within the last cycle), 13% are up to a
 * cycle late and 2% far behind. Supervisors have already heard of every plan that went past its
 * grace period before last midnight, as the sweep that runs every few minutes would have told
 * them; the plans that crossed it at midnight are the night's new alerts. Each plan's last
 * contact is a reached contact, and half the overdue plans have an attempt since that did not
 * reach the victim.
 */
export async function loadVictimCare(client: pg.PoolClient): Promise<void> {
  const { cadenceDays: cadence, overdueGraceDays } = victimCareDefaults;
  const today = "(now() at time zone 'Europe/London')::date";
  await client.query(`
    insert into victim_care_settings (partnership_id, cadence_standard_days, overdue_grace_days, trigger_location_complaints)
    select id, 21, 1, null from bench_partnerships where not demo and idx % 4 = 3`);
  await client.query(`
    insert into contact_plans (profile_id, partnership_id, case_id, frequency_days, preferred_channel, safe_times, safe_to_text, safe_to_voicemail,
                               safe_to_email, safe_to_letter, last_contact_at, next_contact_due, supervisors_alerted_at, set_by, version, created_at, updated_at)
    select v.profile_id, v.partnership_id, v.case_id, v.frequency,
           case when v.r_channel < 0.6 then 'phone' when v.r_channel < 0.8 then 'visit' when v.r_text < 0.6 then 'text' else 'phone' end,
           case when v.r_times < 0.3 then pg_temp.pick($1::text[], v.r_times / 0.3) end,
           v.r_text < 0.6, v.r_voicemail < 0.5, v.r_email < 0.3, v.r_letter < 0.7,
           d.last_at, d.due,
           case when d.due < ${today} - v.grace - 1 then ((d.due + v.grace + 1)::timestamp + time '00:01') at time zone 'Europe/London' end,
           rp.authors[1 + floor(v.r_author * cardinality(rp.authors))::int], 1, v.added_at, coalesce(d.last_at, v.added_at)
      from (
        select distinct on (cp.profile_id) cp.profile_id, c.partnership_id, c.id as case_id, cp.added_at, bp.idx,
               case pr.risk_level when 'high' then coalesce(s.cadence_high_days, $2) when 'medium' then coalesce(s.cadence_medium_days, $3)
                                  when 'standard' then coalesce(s.cadence_standard_days, $4) else coalesce(s.cadence_not_assessed_days, $5) end as frequency,
               coalesce(s.overdue_grace_days, $6) as grace,
               random() as r_late, random() as r_when, random() as r_channel, random() as r_text, random() as r_voicemail, random() as r_email,
               random() as r_letter, random() as r_times, random() as r_author
          from case_profiles cp
          join cases c on c.id = cp.case_id and c.status = 'open'
          join lookups ct on ct.id = c.case_type_id and ct.key = any($7)
          join profiles pr on pr.id = cp.profile_id and pr.merged_into_id is null
          join bench_partnerships bp on bp.id = c.partnership_id
          left join victim_care_settings s on s.partnership_id = c.partnership_id
         where cp.role = 'victim'
         order by cp.profile_id, cp.added_at desc
      ) v
      join bench_report_pool rp on rp.idx = v.idx
      cross join lateral (select now() - interval '1 day' * v.frequency
                                   * case when v.r_late < 0.85 then v.r_when when v.r_late < 0.98 then 1 + v.r_when else 2 + 10 * v.r_when end as at) behind
      cross join lateral (select case when behind.at >= v.added_at then behind.at end as last_at) l
      cross join lateral (select (coalesce(l.last_at, v.added_at) at time zone 'Europe/London')::date + v.frequency as due, l.last_at) d`,
  [safeTimes, cadence.high, cadence.medium, cadence.standard, cadence.notAssessed, overdueGraceDays, caredForCaseTypes]);
  await client.query(`
    insert into victim_contacts (id, partnership_id, profile_id, at, channel, reached, voicemail_left, recorded_by, recorded_by_team_id,
                                 recorded_by_organisation_id, created_at)
    select pg_temp.child_id('contact', x.profile_id, x.n, x.at), x.partnership_id, x.profile_id, x.at, x.channel, x.reached, x.voicemail_left,
           rp.authors[a.author_at], rp.author_teams[a.author_at], rp.author_orgs[a.author_at], x.at
      from (
        select cp.profile_id, cp.partnership_id, bp.idx, 1 as n, cp.last_contact_at as at, coalesce(cp.preferred_channel, 'phone') as channel,
               true as reached, false as voicemail_left, random() as r_author
          from contact_plans cp join bench_partnerships bp on bp.id = cp.partnership_id
         where cp.last_contact_at is not null
        union all
        select cp.profile_id, cp.partnership_id, bp.idx, 2, ((cp.next_contact_due + 1)::timestamp + time '10:30') at time zone 'Europe/London', 'phone',
               false, cp.safe_to_voicemail, random()
          from contact_plans cp join bench_partnerships bp on bp.id = cp.partnership_id
         where cp.next_contact_due + 1 < ${today} and abs(hashtext(cp.profile_id::text || 'attempt')) % 2 = 0
      ) x
      join bench_report_pool rp on rp.idx = x.idx
      cross join lateral (select 1 + floor(x.r_author * cardinality(rp.authors))::int as author_at) a`);
}

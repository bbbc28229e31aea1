import { randomBytes } from 'node:crypto';
import { createGuardrails, generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TemplateDefinition } from '../../../../shared/api/assessments.ts';
import { bandFor, scoreOf } from '../../../../shared/assessment-engine.ts';
import { buildApp } from '../../../app.ts';
import { loadSecretKey } from '../../../platform/auth/crypto.ts';
import { londonToday } from '../../../platform/london.ts';
import { openTestDatabase } from '../../../test/database.ts';
import { makeAgent, publicUrl } from '../../../test/harness.ts';
import { testConfig } from '../../../test/template.ts';
import type { Database } from '../../connection.ts';
import { demoPassword, demoTotpSecret, seedDemo } from '../demo.ts';
import { demoCardholderCount } from '../demo-schemes.ts';

/**
 * The demo's data set, seeded into fresh databases of its own (the suite's template has none):
 * the same every time, written as the app writes each row, and nothing at all with the flag off.
 */

const config = testConfig(randomBytes(32).toString('hex'));
// Both seeds count back from the same day, whenever the run crosses midnight.
const today = londonToday();
let first: Database;
let second: Database;
let plain: Database;

const rowsOf = async <T>(database: Database, text: string): Promise<T[]> => (await database.pool.query(text)).rows as T[];
const countOf = async (database: Database, text: string): Promise<number> => Number((await rowsOf<{ n: number }>(database, text))[0]!.n);

/** What each table's rows say, without their keys (fresh on every seed): a checksum over the words and figures. */
const fingerprints: Record<string, string> = {
  users: 'name || email',
  locations: 'search_text || latitude::text || longitude::text',
  profiles: 'first_name || last_name || coalesce(date_of_birth::text, \'\') || coalesce(gender, \'\') || reason_created || coalesce(risk_level, \'\')',
  profile_names: 'search_name || first_sound || last_sound',
  profile_addresses: 'address_line1 || coalesce(postcode, \'\') || (location_id is null)::text',
  profile_access: 'level',
  cases: 'reference || title || status',
  case_profiles: 'role',
  case_interventions: 'status || coalesce(start_date::text, \'\')',
  reports: 'body_text || extract(epoch from occurred_at)::text || visibility',
  tasks: 'title || due_on::text || status',
  assessments: 'coalesce(score::text, \'\') || answers::text',
  risk_level_changes: 'coalesce(from_level, \'\') || coalesce(to_level, \'\') || extract(epoch from changed_at)::text',
  contact_plans: 'next_contact_due::text || frequency_days::text',
  victim_contacts: 'extract(epoch from at)::text || reached::text',
  panel_referrals: 'reason || criteria::text',
};

async function fingerprintOf(database: Database) {
  const result: Record<string, { rows: number; checksum: string }> = {};
  for (const [table, expression] of Object.entries(fingerprints)) {
    const [row] = await rowsOf<{ rows: number; checksum: string }>(database,
      `select count(*)::int as rows, md5(coalesce(string_agg(${expression}, '|' order by ${expression}), '')) as checksum from ${table}`);
    result[table] = row!;
  }
  return result;
}

beforeAll(async () => {
  [first, second, plain] = await Promise.all([openTestDatabase('migrated'), openTestDatabase('migrated'), openTestDatabase('migrated')]);
  await seedDemo(first, loadSecretKey(config), { dataSet: true, today });
  await seedDemo(second, loadSecretKey(config), { dataSet: true, today });
  await seedDemo(plain, loadSecretKey(config), { dataSet: false, today });
});

afterAll(async () => {
  await Promise.all([first, second, plain].map((d) => d?.close()));
});

describe('the demo data set', () => {
  it('is the same on every seed', async () => {
    const [a, b] = [await fingerprintOf(first), await fingerprintOf(second)];
    expect(a).toEqual(b);
    expect(a.profiles!.rows).toBeGreaterThan(250);
    expect(a.cases!.rows).toBeGreaterThanOrEqual(100);
    expect(a.reports!.rows).toBeGreaterThan(2500);
    expect(a.tasks!.rows).toBeGreaterThanOrEqual(400);
    expect(a.assessments!.rows).toBeGreaterThan(200);
  });

  it('gives every person their name as search keeps it', async () => {
    expect(await countOf(first, `select count(*) as n from profiles p where not exists (
      select 1 from profile_names n where n.profile_id = p.id and n.kind = 'name' and n.first_name = p.first_name and n.last_name = p.last_name)`)).toBe(0);
    expect(await countOf(first, `select count(*) as n from profile_names
      where search_name <> lower(unaccent(first_name || ' ' || last_name)) or first_sound <> name_sound(first_name) or last_sound <> name_sound(last_name)`)).toBe(0);
    expect(await countOf(first, 'select count(*) as n from profiles where first_name <> unaccent(first_name) or last_name <> unaccent(last_name)')).toBeGreaterThan(0);
  });

  it('writes search text, addresses and sharing as the app does', async () => {
    expect(await countOf(first, `select count(*) as n from cases where search_text <> lower(unaccent(reference || ' ' || title))`)).toBe(0);
    expect(await countOf(first, `select count(*) as n from locations
      where search_text <> lower(unaccent(concat_ws(' ', name, address_line1, address_line2, town, postcode)))`)).toBe(0);
    const sameAddress = `replace(l.postcode, ' ', '') = replace(a.postcode, ' ', '')
      and regexp_replace(lower(unaccent(a.address_line1)), '[^a-z0-9]+', '', 'g') = regexp_replace(lower(unaccent(l.address_line1)), '[^a-z0-9]+', '', 'g')`;
    expect(await countOf(first, `select count(*) as n from profile_addresses a join locations l on l.id = a.location_id where not (${sameAddress})`)).toBe(0);
    expect(await countOf(first, `select count(*) as n from profile_addresses a where a.location_id is null and exists (select 1 from locations l where ${sameAddress})`)).toBe(0);
    expect(await countOf(first, 'select count(*) as n from profile_addresses where location_id is not null')).toBeGreaterThan(100);
    // Each case is shared as its type's default sharing says, the owning team aside, and no more.
    expect(await countOf(first, `select count(*) as n from cases c join case_type_sharing s on s.case_type_id = c.case_type_id
      where s.team_id <> c.owner_team_id and not exists (select 1 from case_access a
        where a.record_id = c.id and a.team_id = s.team_id and a.level = s.level and a.source = 'case_type_default')`)).toBe(0);
    expect(await countOf(first, `select count(*) as n from case_access a join cases c on c.id = a.record_id
      where not exists (select 1 from case_type_sharing s where s.case_type_id = c.case_type_id and s.team_id = a.team_id)`)).toBe(0);
  });

  it('has only those who may open a record work on it', async () => {
    const openers = `with owners as (
        select 'profile' as kind, id, owner_team_id from profiles union all
        select 'case', id, owner_team_id from cases union all
        select 'location', id, owner_team_id from locations),
      grants as (
        select 'profile' as kind, record_id, team_id from profile_access union all
        select 'case', record_id, team_id from case_access union all
        select 'location', record_id, team_id from location_access)`;
    const mayOpen = (kind: string, id: string, team: string) => `exists (select 1 from owners o where o.kind = ${kind} and o.id = ${id} and o.owner_team_id = ${team})
      or exists (select 1 from grants g where g.kind = ${kind} and g.record_id = ${id} and g.team_id = ${team})`;
    expect(await countOf(first, `${openers} select count(*) as n from reports r where not (${mayOpen('r.record_kind', 'r.record_id', 'r.author_team_id')})`)).toBe(0);
    expect(await countOf(first, `${openers} select count(*) as n from tasks t where not (${mayOpen('t.record_kind', 't.record_id', 't.set_by_team_id')})`)).toBe(0);
    expect(await countOf(first, `${openers} select count(*) as n from assessments a where not (${mayOpen('a.record_kind', 'a.record_id', 'a.author_team_id')})`)).toBe(0);
    // Linking a person or a place to a case needs the case's team to open them.
    expect(await countOf(first, `${openers} select count(*) as n from case_profiles l join cases c on c.id = l.case_id
      where not (${mayOpen(`'profile'`, 'l.profile_id', 'c.owner_team_id')})`)).toBe(0);
    expect(await countOf(first, `${openers} select count(*) as n from case_locations l join cases c on c.id = l.case_id
      where not (${mayOpen(`'location'`, 'l.location_id', 'c.owner_team_id')})`)).toBe(0);
  });

  it('scores every assessment by the engine and keeps each risk level its latest matrix gave', async () => {
    const rows = await rowsOf<{ id: string; key: string; definition: TemplateDefinition; answers: Record<string, string>; score: number | null; record_id: string; completed_at: Date }>(first,
      `select a.id, t.key, v.definition, a.answers, a.score, a.record_id, a.completed_at from assessments a
         join assessment_templates t on t.id = a.template_id join assessment_template_versions v on v.id = a.template_version_id
        order by a.completed_at, a.id`);
    for (const r of rows) expect(r.score, r.id).toBe(scoreOf(r.definition, r.answers));
    const latestBand = new Map(rows.filter((r) => r.key === 'asb-risk-matrix').map((r) => [r.record_id, bandFor(r.definition, r.score)?.riskLevel ?? null]));
    const profiles = await rowsOf<{ id: string; risk_level: string | null; latest: string | null; changes: number }>(first, `select p.id, p.risk_level,
        (select r.to_level from risk_level_changes r where r.profile_id = p.id order by r.changed_at desc, r.id desc limit 1) as latest,
        (select count(*)::int from risk_level_changes r where r.profile_id = p.id) as changes
       from profiles p`);
    for (const p of profiles) {
      expect(p.risk_level, p.id).toBe(p.latest);
      expect(p.risk_level, p.id).toBe(latestBand.get(p.id) ?? null);
    }
    const moves = await rowsOf<{ move: string }>(first, `select distinct from_level || '>' || to_level as move from risk_level_changes where from_level is not null`);
    expect(moves.map((m) => m.move)).toEqual(expect.arrayContaining(['high>medium', 'medium>high']));
    expect(await countOf(first, `select count(*) as n from assessment_requirements where met_at is null`)).toBeGreaterThan(0);
  });

  it('keeps contact plans due a frequency after their last contact', async () => {
    expect(await countOf(first, `select count(*) as n from contact_plans
      where next_contact_due <> (coalesce(last_contact_at, created_at) at time zone 'Europe/London')::date + frequency_days
         or last_contact_at is distinct from (select max(c.at) from victim_contacts c where c.profile_id = contact_plans.profile_id and c.reached)`)).toBe(0);
    expect(await countOf(first, `select count(*) as n from contact_plans where next_contact_due < '${today}'::date`)).toBeGreaterThan(0);
  });

  it('leaves gaps for compliance monitoring to find', async () => {
    expect(await countOf(first, `select count(*) as n from profiles p
      where length(p.reason_created) < 10 and not exists (select 1 from reports r where r.record_kind = 'profile' and r.record_id = p.id)`)).toBeGreaterThan(0);
    expect(await countOf(first, `select count(*) as n from profiles p where 'victim' = any(p.roles) and not exists (
      select 1 from assessments a join assessment_templates t on t.id = a.template_id where a.record_id = p.id and t.key = 'asb-risk-matrix')`)).toBeGreaterThan(0);
    expect(await countOf(first, `select count(*) as n from case_profiles l join cases c on c.id = l.case_id join case_type_sharing s on s.case_type_id = c.case_type_id
      join profiles p on p.id = l.profile_id
      where s.team_id <> p.owner_team_id and not exists (select 1 from profile_access a where a.record_id = p.id and a.team_id = s.team_id and a.level = s.level)`)).toBeGreaterThan(0);
  });

  it('records how many of each kind it made', async () => {
    const events = await rowsOf<{ kind: string; count: number }>(first, `select v.details->>'kind' as kind, (v.details->>'count')::int as count
      from audit_events e join audit_values v on v.event_id = e.id where e.action = 'demo_data.seeded'`);
    const made = Object.fromEntries(events.map((e) => [e.kind, e.count]));
    expect(made.report).toBe(await countOf(first, 'select count(*) as n from reports'));
    expect(made.profile).toBe(await countOf(first, 'select count(*) as n from profiles') - 1 - demoCardholderCount);
    expect(made.task).toBe(await countOf(first, 'select count(*) as n from tasks'));
    expect(made.victim_contact).toBe(await countOf(first, 'select count(*) as n from victim_contacts'));
  });

  it('leaves the other partnership alone', async () => {
    expect(await countOf(first, `select count(*) as n from profiles p join partnerships s on s.id = p.partnership_id where s.name = 'Neighbouring County'`)).toBe(0);
    expect(await countOf(first, `select count(*) as n from reports r join partnerships s on s.id = r.partnership_id where s.name = 'Neighbouring County'`)).toBe(0);
  });

  it('adds nothing with the flag off', async () => {
    for (const table of ['locations', 'cases', 'reports', 'tasks', 'assessments', 'contact_plans', 'case_type_sharing', 'case_reference_counters']) {
      expect(await countOf(plain, `select count(*) as n from ${table}`), table).toBe(0);
    }
    expect(await countOf(plain, 'select count(*) as n from profiles')).toBe(1 + demoCardholderCount);
    expect(await countOf(plain, 'select count(*) as n from users')).toBe(7);
    expect(await countOf(plain, `select count(*) as n from audit_events where action = 'demo_data.seeded'`)).toBe(0);
  });
});

describe('the demo data set in the app', () => {
  it('finds a seeded person by name and numbers a new case after the seeded ones', async () => {
    const app = await buildApp({ config, database: first, publicUrl: () => publicUrl, logger: false });
    try {
      await app.ready();
      const agent = makeAgent(app);
      const totp = await generate({ secret: demoTotpSecret, guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });
      const signIn = await agent.post('/api/v1/auth/sign-in', { email: 'police.asb.lead@concord.test', password: demoPassword, totp });
      expect(signIn.statusCode, signIn.body).toBe(200);

      const [person] = await rowsOf<{ id: string; first_name: string; last_name: string }>(first, `select p.id, p.first_name, p.last_name from profiles p
          join teams t on t.id = p.owner_team_id join organisations o on o.id = t.organisation_id
         where o.name = 'Demo County Police' and t.name = 'ASB team' and p.first_name <> 'Sasha'
         order by (p.first_name <> unaccent(p.first_name) or p.last_name <> unaccent(p.last_name)) desc, p.last_name, p.first_name limit 1`);
      const typed = (await rowsOf<{ q: string }>(first, `select unaccent('${person!.first_name.replace(/'/g, "''")} ${person!.last_name.replace(/'/g, "''")}') as q`))[0]!.q;
      const found = await agent.get(`/api/v1/search?q=${encodeURIComponent(typed)}&kind=profile`);
      expect(found.statusCode, found.body).toBe(200);
      expect(found.json().items).toEqual(expect.arrayContaining([expect.objectContaining({ id: person!.id, accessible: true })]));

      const year = Number(today.slice(0, 4));
      const counted = await countOf(first, `select coalesce(max(last_number), 0) as n from case_reference_counters where year = ${year}`);
      const created = await agent.post('/api/v1/cases', { title: 'Noise from a party house', caseType: 'asb' });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().reference).toBe(`ASB/${year}/${String(counted + 1).padStart(5, '0')}`);
      expect(await countOf(first, 'select count(*) - count(distinct lower(reference)) as n from cases')).toBe(0);
    } finally {
      await app.close();
    }
  });
});

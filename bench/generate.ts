/**
 * Loads a partnership-scale dataset into PostgreSQL for the benchmark (bench/README.md):
 *
 *   node --import tsx bench/generate.ts --database-url=postgres://... [--profiles=1000000 --cases=300000 --locations=200000 --partnerships=20 --reports=10000000 --assessments=500000]
 *
 * The database must be empty: the migrations run and the demo is seeded first (so the demo
 * sign-ins work, with SESSION_SECRET as bench/run.ts starts the server), then everything else is
 * generated with set-based SQL in two sessions at once, one for people and one for cases, then
 * the reports in both (victims' ASB complaints and hate incidents first), and one profile's long
 * timeline (bench/work.ts measures it), then completed assessments, with one profile's run of
 * matrix reviews (bench/assessments.ts measures them), then victim care: contact plans and
 * contacts (bench/sweeps.ts measures the nightly sweeps over them), and last each profile's
 * compliance facts, which triggers keep in use.
 */
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/connection.ts';
import { applyMigrations } from '../src/server/db/migrate.ts';
import { ensurePartnershipDefaults } from '../src/server/db/seed/partnership-defaults.ts';
import { isEmpty, seedDemo } from '../src/server/db/seed/demo.ts';
import { loadSecretKey } from '../src/server/platform/auth/crypto.ts';
import { benchSessionSecret } from './settings.ts';
import { chooseReviewsProfile, describeTemplates, loadAssessments, loadReviews, reviewCount, settleAssessments } from './load/assessments.ts';
import { deferIndexes, skipReferenceChecks, verifyReferences } from './load/bulk.ts';
import { loadAccessList, loadCaseLinks, loadCases } from './load/cases.ts';
import { createFunctions } from './load/functions.ts';
import { loadLocations } from './load/locations.ts';
import { createNames, loadProfileDetails, loadProfileNames, loadProfiles } from './load/profiles.ts';
import { chooseTimelineProfile, describeAuthors, loadAllReports, loadStaff, loadTimeline } from './load/reports.ts';
import { createPartnerships, describePartnerships, type Scale } from './load/structure.ts';
import { appointLeads, describeAgencies, loadComplaints, loadVictimCare } from './load/victim-care.ts';

function positive(name: string, value: string | undefined, fallback: number): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
  return n;
}

async function step(label: string, work: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await work();
  console.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The reports on the profile whose timeline bench/work.ts pages through. */
const timelineReports = 2000;

function parseScale(): { databaseUrl: string; scale: Scale; reports: number; assessments: number } {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      profiles: { type: 'string' },
      cases: { type: 'string' },
      locations: { type: 'string' },
      partnerships: { type: 'string' },
      reports: { type: 'string' },
      assessments: { type: 'string' },
    },
  });
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Give --database-url=postgres://… (or DATABASE_URL): an empty PostgreSQL database.');
  return {
    databaseUrl,
    scale: {
      profiles: positive('profiles', values.profiles, 1_000_000),
      cases: positive('cases', values.cases, 300_000),
      locations: positive('locations', values.locations, 200_000),
      partnerships: Math.max(2, positive('partnerships', values.partnerships, 20)),
    },
    reports: Math.max(timelineReports + 1, positive('reports', values.reports, 10_000_000)),
    assessments: Math.max(reviewCount + 1, positive('assessments', values.assessments, 500_000)),
  };
}

/** Each session gets its own copy of the temporary tables and functions the loaders use. */
async function prepareSession(client: pg.PoolClient, scale: Scale, partnershipIds: string[], now: number, seed: number): Promise<void> {
  // Expressions here are function calls (md5, unaccent, name_sound): compiling them gains little.
  await client.query('set jit = off');
  await client.query('select setseed($1)', [seed]);
  await describePartnerships(client, scale, partnershipIds);
  await createFunctions(client, scale, now);
  await createNames(client);
}

/** Victims' ASB complaints and hate incidents, half the victims in each session; returns how many reports that made. */
async function loadAllComplaints(sessions: pg.PoolClient[]): Promise<number> {
  // Without statistics of the tables just loaded, the planner joins each victim to every address.
  await sessions[0]!.query('analyze profiles, profile_addresses');
  const counts = await Promise.all(sessions.map(async (session, i) => {
    await describeAgencies(session);
    return loadComplaints(session, i, sessions.length);
  }));
  return counts.reduce((a, b) => a + b, 0);
}

/** `total` assessments in two halves, one per session. */
async function loadAllAssessments(sessions: pg.PoolClient[], scale: Scale, total: number, skipProfile: number): Promise<void> {
  const half = Math.ceil(total / sessions.length);
  await Promise.all(sessions.map((session, i) => {
    const from = 1 + i * half;
    const to = Math.min(total, from + half - 1);
    return from <= to ? loadAssessments(session, scale, from, to, skipProfile) : Promise.resolve();
  }));
}

async function main(): Promise<void> {
  const { databaseUrl, scale, reports, assessments } = parseScale();
  const config = loadConfig({ CONCORD_DEMO: 'true', DATABASE_URL: databaseUrl, SESSION_SECRET: process.env.SESSION_SECRET ?? benchSessionSecret, LOG_LEVEL: 'silent' });
  const database = await openDatabase({ databaseUrl, dataDir: config.dataDir, poolSize: 3 });
  const started = performance.now();
  try {
    await step('migrations', () => applyMigrations(database));
    if (!(await isEmpty(database))) throw new Error('The database already has partnerships: give the generator an empty database.');
    // The generated partnerships are the load; the demo's own data set would only blur the figures.
    await step('demo partnerships', () => seedDemo(database, loadSecretKey(config), { dataSet: false }));
    const people = await database.pool.connect();
    const casework = await database.pool.connect();
    try {
      const partnershipIds = await createPartnerships(people, scale);
      // The generated partnerships get their lookups, question bank and built-in templates as a new partnership does.
      await ensurePartnershipDefaults(database.db);
      const now = Date.now();
      await prepareSession(people, scale, partnershipIds, now, 0.42);
      await prepareSession(casework, scale, partnershipIds, now, 0.24);
      await step('staff to write reports', async () => {
        await loadStaff(people);
        await appointLeads(people);
      });
      await describeAuthors(people);
      await describeAuthors(casework);
      console.log(`Loading ${scale.profiles} profiles, ${scale.cases} cases and ${scale.locations} locations over ${partnershipIds.length} partnerships:`);
      const rebuildIndexes = await deferIndexes(people);
      const unchecked = (await skipReferenceChecks(people)) && (await skipReferenceChecks(casework));

      // Case links refer to people and places: with reference checks on, they must exist first.
      let peopleLoaded = () => undefined as void;
      let peopleFailed = (_error: unknown) => undefined as void;
      const peopleReady = new Promise<void>((resolve, reject) => { peopleLoaded = resolve; peopleFailed = reject; });
      peopleReady.catch(() => undefined);
      await Promise.all([
        (async () => {
          try {
            await step('locations', () => loadLocations(people, scale.locations));
            await step('profiles', () => loadProfiles(people, scale.profiles));
          } catch (error) {
            peopleFailed(error);
            throw error;
          }
          peopleLoaded();
          await step('names and aliases', () => loadProfileNames(people));
          await step('addresses, vulnerabilities, warning markers', () => loadProfileDetails(people));
          await step('profile and location access lists', async () => {
            await loadAccessList(people, 'profile');
            await loadAccessList(people, 'location');
          });
        })(),
        (async () => {
          await step('cases', () => loadCases(casework, scale.cases));
          await step('case access lists', () => loadAccessList(casework, 'case'));
          await peopleReady;
          await step('case people, locations and interventions', () => loadCaseLinks(casework));
        })(),
      ]);
      const timeline = await chooseTimelineProfile(people);
      console.log(`Loading ${reports} reports, ${timelineReports} of them on one profile:`);
      let complaints = 0;
      await step('ASB complaints and hate incidents', async () => {
        complaints = await loadAllComplaints([people, casework]);
      });
      console.log(`    ${complaints.toLocaleString('en-GB')} of them`);
      if (complaints >= reports - timelineReports) throw new Error(`--reports must be above ${complaints + timelineReports}: this many people make ${complaints} complaints`);
      await step('reports', () => loadAllReports([people, casework], scale, reports - timelineReports - complaints, timeline.n));
      await step(`${timelineReports} reports on profile ${timeline.id}`, () => loadTimeline(people, timeline, timelineReports));
      const reviewed = await chooseReviewsProfile(people, timeline.n);
      console.log(`Loading ${assessments} completed assessments, ${reviewCount} of them matrix reviews of one profile:`);
      await describeTemplates(people);
      await describeTemplates(casework);
      await step('assessments', () => loadAllAssessments([people, casework], scale, assessments - reviewCount, reviewed.n));
      await step(`${reviewCount} matrix reviews of profile ${reviewed.id}`, () => loadReviews(people, reviewed));
      await step('risk levels and requirements', () => settleAssessments(people));
      await step('contact plans and contacts with victims', () => loadVictimCare(people));
      await step('indexes', () => rebuildIndexes([people, casework]));
      // Loaded with triggers off where the role may (skipReferenceChecks): the facts are filled in one pass.
      await step('compliance facts', () => people.query('select profile_compliance_rebuild()'));
      if (unchecked) await step('references checked', () => verifyReferences(people));
      await step('vacuum analyze', () => people.query('vacuum analyze'));
    } finally {
      people.release();
      casework.release();
    }
  } finally {
    await database.close();
  }
  console.log(`Done in ${((performance.now() - started) / 1000 / 60).toFixed(1)} minutes.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

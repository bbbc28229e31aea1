import type { AuditEntry } from '../../../platform/audit/actions.ts';
import { victimContacts } from '../../schema/index.ts';
import type { Tx } from '../../transaction.ts';
import { seedAssessments } from './assessments.ts';
import { seedCases } from './cases.ts';
import { insertAll } from './insert.ts';
import type { Partners } from './model.ts';
import { seedPanelReferrals } from './panels.ts';
import { seedPeople } from './people.ts';
import { seedPlaces } from './places.ts';
import { randomFrom } from './random.ts';
import { seedRetention } from './retention.ts';
import { insertReports, seedReportRows, subjectsOf } from './reports.ts';
import { seedSharing } from './sharing.ts';
import { seedStaff } from './staff.ts';
import { seedTasks } from './tasks.ts';
import { seedVictimCare } from './victim-care.ts';
import { clockOf, demoTeams, lookupsOf, templateOf, type TeamKey, type Worker, type World } from './world.ts';

/** Fixed, so that every first start draws the same data set. */
const seed = 20_240_917;

export interface DemoDataInput {
  partnershipId: string;
  /** A demo team by "<organisation>/<team>". */
  team(key: string): { id: string; organisationId: string };
  userId(email: string): string;
  /** The London day the data set's two years count back from. */
  today: string;
}

/**
 * Demo County's data set: two years of a made-up town's anti-social behaviour work (places and
 * hotspots, people, cases, reports, tasks, assessments and risk levels, victims' contact plans and
 * contacts, panel referrals), drawn from a seeded generator so it is the same every time, written
 * as the app writes each row, in the demo seed's transaction. Returns its audit entries: the
 * colleagues it adds, and how many of each other kind of record it made.
 */
export async function seedDemoData(tx: Tx, input: DemoDataInput): Promise<AuditEntry[]> {
  const keys = Object.keys(demoTeams) as TeamKey[];
  const world: World = {
    partnershipId: input.partnershipId,
    random: randomFrom(seed),
    clock: clockOf(input.today),
    teams: Object.fromEntries(keys.map((k) => [k, input.team(demoTeams[k])])) as World['teams'],
    workers: Object.fromEntries(keys.map((k) => [k, [] as Worker[]])) as World['workers'],
    ...(await lookupsOf(tx, input.partnershipId)),
    templates: { screening: await templateOf(tx, input.partnershipId, 'victim-screening'), matrix: await templateOf(tx, input.partnershipId, 'asb-risk-matrix') },
  };
  const audit = await seedStaff(tx, world, input.userId);
  const places = await seedPlaces(tx, world);
  const { people, names, addresses } = await seedPeople(tx, world, places);
  const cases = await seedCases(tx, world, people, places.places);
  const sharing = await seedSharing(tx, world, people, cases.cases, places.partners);
  const partners: Partners = new Map([...sharing.partners, ...cases.partners]);
  const subjects = subjectsOf(world, people, places.places, cases.cases);
  const assessed = await seedAssessments(tx, world, people, subjects, partners);
  const cared = await seedVictimCare(tx, world, cases.cases, subjects, partners);
  const reports = [...seedReportRows(world, partners, subjects, people, places.places, cases.cases), ...cared.reports];
  await insertReports(tx, reports);
  await insertAll(tx, victimContacts, cared.contacts);
  const tasked = await seedTasks(tx, world, subjects, partners);
  const referrals = await seedPanelReferrals(tx, world, cases.cases, assessed);

  const counts: Record<string, number> = {
    location: places.places.length,
    location_share: places.shares + sharing.locationShares,
    profile: people.length,
    profile_name: names,
    profile_address: addresses,
    profile_share: sharing.profileShares,
    case: cases.counts.cases,
    case_profile: cases.counts.caseProfiles,
    case_location: cases.counts.caseLocations,
    case_intervention: cases.counts.interventions,
    case_share: cases.counts.caseAccess,
    case_type_sharing: cases.counts.caseTypeSharing,
    report: reports.length,
    task: tasked.tasks,
    task_update: tasked.updates,
    assessment: assessed.counts.assessments,
    assessment_requirement: assessed.counts.requirements,
    action: assessed.counts.reminders,
    risk_level_change: assessed.counts.riskLevelChanges,
    contact_plan: cared.plans,
    victim_contact: cared.contacts.length,
    panel_referral: referrals,
  };
  for (const [kind, count] of Object.entries(await seedRetention(tx, world, input.userId('admin@concord.test')))) counts[kind] = (counts[kind] ?? 0) + count;
  return [
    ...audit,
    ...Object.entries(counts).map(([kind, count]) => ({
      action: 'demo_data.seeded' as const,
      entityType: 'partnership' as const,
      entityId: input.partnershipId,
      details: { seed: 'demo' as const, kind, count },
    })),
  ];
}

import { sql } from 'drizzle-orm';
import { caseProfiles, caseReferenceCounters, cases, profileNames, profiles, reports, retentionRules } from '../../schema/index.ts';
import type { Tx } from '../../transaction.ts';
import type { World } from './world.ts';

/** Six years from closing: the rule the demo's queue is decided against. */
const keepMonths = 72;

/**
 * Retention in the demo: the rule "ASB cases: 6 years after the case closes", and one ASB case of
 * the police ASB team closed seven years ago with two people on it, on no other case. The
 * retention sweep that runs just after start-up puts the case in the queue, so a new demo shows
 * one review waiting (`startRetentionSweep`).
 */
export async function seedRetention(tx: Tx, world: World, adminId: string): Promise<Record<string, number>> {
  const { random, clock } = world;
  const team = world.teams.policeAsb;
  const lead = world.workers.policeAsb[0]!.id;
  const openedOn = clock.daysAgo(7 * 365 + 200);
  const closedOn = clock.daysAgo(7 * 365 + 20);
  const openedAt = clock.at(openedOn, 10);
  const closedAt = clock.at(closedOn, 15);
  const year = Number(openedOn.slice(0, 4));
  const reference = `${world.caseTypeCode('asb')}/${year}/00001`;
  const title = 'Noise and threats on Wren Close';

  await tx.insert(retentionRules).values({
    partnershipId: world.partnershipId, recordKind: 'case', caseTypeId: world.lookup('case_type', 'asb'), startsFrom: 'case_closed', keepMonths, createdBy: adminId,
  });
  const people = [
    { firstName: 'Darren', lastName: 'Ashcombe', dateOfBirth: '1979-05-11', role: 'perpetrator' as const },
    { firstName: 'Leanne', lastName: 'Ashcombe', dateOfBirth: '1982-09-23', role: 'witness' as const },
  ].map((p) => ({ ...p, id: random.id(openedAt) }));
  await tx.insert(profiles).values(people.map((p) => ({
    id: p.id, partnershipId: world.partnershipId, ownerTeamId: team.id, firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dateOfBirth,
    roles: [p.role], reasonCreated: 'Named in noise complaints on Wren Close', createdBy: lead, createdAt: openedAt, updatedAt: closedAt,
  })));
  await tx.insert(profileNames).values(people.map((p) => ({
    profileId: p.id, partnershipId: world.partnershipId, kind: 'name' as const, firstName: p.firstName, lastName: p.lastName,
    searchName: sql`lower(unaccent(${p.firstName}::text || ' ' || ${p.lastName}::text))`, firstSound: sql`name_sound(${p.firstName}::text)`, lastSound: sql`name_sound(${p.lastName}::text)`,
  })));
  const caseId = random.id(openedAt);
  await tx.insert(cases).values({
    id: caseId, partnershipId: world.partnershipId, ownerTeamId: team.id, reference, title, caseTypeId: world.lookup('case_type', 'asb'), status: 'closed',
    leadOrganisationId: team.organisationId, leadOfficerId: lead, startDate: openedOn, endDate: closedOn, outcome: 'Resolved', closureReason: 'The behaviour stopped after an Acceptable Behaviour Contract',
    closedAt, closedBy: lead, createdBy: lead, searchText: sql`lower(unaccent(${reference}::text || ' ' || ${title}::text))`, version: 2, createdAt: openedAt, updatedAt: closedAt,
  });
  await tx.insert(caseReferenceCounters).values({ partnershipId: world.partnershipId, year, lastNumber: 1 }).onConflictDoNothing();
  // Shared as its type's default sharing says, as every ASB case is.
  const shared = await tx.execute(sql`
    insert into case_access (id, record_id, team_id, level, source, granted_by, granted_at)
    select gen_random_uuid(), ${caseId}, s.team_id, s.level, 'case_type_default', ${lead}, ${openedAt.toISOString()}::timestamptz
      from case_type_sharing s where s.case_type_id = ${world.lookup('case_type', 'asb')} and s.team_id <> ${team.id}`);
  await tx.insert(caseProfiles).values(people.map((p) => ({ caseId, profileId: p.id, role: p.role, addedBy: lead, addedAt: openedAt })));
  await tx.insert(reports).values({
    partnershipId: world.partnershipId, recordKind: 'case', recordId: caseId, reportTypeId: world.lookup('report_type', 'visit'), occurredAt: openedAt,
    bodyHtml: '<p>Visited Wren Close after complaints of shouting late at night. Both residents spoken to.</p>',
    bodyText: 'Visited Wren Close after complaints of shouting late at night. Both residents spoken to.',
    visibility: 'shared', authorId: lead, authorTeamId: team.id, authorOrganisationId: team.organisationId, createdAt: openedAt, updatedAt: openedAt,
  });
  return { profile: people.length, profile_name: people.length, case: 1, case_profile: people.length, case_share: shared.rowCount ?? 0, report: 1 };
}

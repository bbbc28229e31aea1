import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { caseProfiles, cases, contactPlans, organisations, profiles, reports, teams, users, victimCareSettings, victimContacts } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { kinds } from '../../platform/access/kinds.ts';
import { canReadContent, canView } from '../../platform/access/records.ts';

/** Today where the partnerships work: a contact due before it is overdue. */
export const londonTodaySql = sql`(now() at time zone 'Europe/London')::date`;

// Settings.

export type SettingsRow = typeof victimCareSettings.$inferSelect;
export type SettingsValues = Omit<typeof victimCareSettings.$inferInsert, 'partnershipId' | 'version' | 'createdAt' | 'updatedAt'>;

export async function getSettings(tx: Tx, partnershipId: string): Promise<SettingsRow | null> {
  const [row] = await tx.select().from(victimCareSettings).where(eq(victimCareSettings.partnershipId, partnershipId));
  return row ?? null;
}

/** The partnership's first change from the defaults; null when someone else made one first. */
export async function insertSettings(tx: Tx, partnershipId: string, values: SettingsValues): Promise<SettingsRow | null> {
  const [row] = await tx.insert(victimCareSettings).values({ partnershipId, ...values }).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateSettings(tx: Tx, partnershipId: string, version: number, values: SettingsValues): Promise<SettingsRow | null> {
  const [row] = await tx.update(victimCareSettings)
    .set({ ...values, version: sql`${victimCareSettings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(victimCareSettings.partnershipId, partnershipId), eq(victimCareSettings.version, version)))
    .returning();
  return row ?? null;
}

// Contact plans.

export async function getPlan(tx: Tx, profileId: string) {
  const [row] = await tx
    .select({
      plan: contactPlans,
      case: { id: cases.id, reference: cases.reference, title: cases.title },
      setByName: users.name,
      overdueDays: sql<number>`greatest(${londonTodaySql} - ${contactPlans.nextContactDue}, 0)`,
    })
    .from(contactPlans)
    .leftJoin(cases, eq(cases.id, contactPlans.caseId))
    .leftJoin(users, eq(users.id, contactPlans.setBy))
    .where(eq(contactPlans.profileId, profileId));
  return row ?? null;
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof getPlan>>>;

export type NewPlan = typeof contactPlans.$inferInsert;

/** False when the person already has a plan. */
export async function insertPlan(tx: Tx, values: NewPlan): Promise<boolean> {
  const rows = await tx.insert(contactPlans).values(values).onConflictDoNothing().returning({ id: contactPlans.profileId });
  return rows.length > 0;
}

export type PlanChange = Partial<Pick<NewPlan,
  'caseId' | 'frequencyDays' | 'preferredChannel' | 'safeTimes' | 'safeToText' | 'safeToVoicemail' | 'safeToEmail' | 'safeToLetter' | 'nextContactDue' | 'setBy'>>;

/** Changes the plan if it is still at `version`; a new due date is a new date for the supervisors to hear of. */
export async function updatePlan(tx: Tx, profileId: string, version: number, change: PlanChange): Promise<boolean> {
  const rows = await tx.update(contactPlans)
    .set({
      ...change,
      ...(change.nextContactDue ? { supervisorsAlertedAt: sql`case when ${contactPlans.nextContactDue} = ${change.nextContactDue}::date then ${contactPlans.supervisorsAlertedAt} end` } : {}),
      version: sql`${contactPlans.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(contactPlans.profileId, profileId), eq(contactPlans.version, version)))
    .returning({ id: contactPlans.profileId });
  return rows.length > 0;
}

/**
 * A contact that reached the victim moves the plan on: the next one is due `frequency_days` after
 * its London day. One older than the last contact already counted changes nothing.
 */
export async function contactMade(tx: Tx, profileId: string, at: Date): Promise<void> {
  await tx.execute(sql`
    update contact_plans
       set last_contact_at = ${at.toISOString()}::timestamptz,
           next_contact_due = (${at.toISOString()}::timestamptz at time zone 'Europe/London')::date + frequency_days,
           supervisors_alerted_at = null
     where profile_id = ${profileId} and (last_contact_at is null or last_contact_at < ${at.toISOString()}::timestamptz)`);
}

// Contacts.

export type NewContact = typeof victimContacts.$inferInsert;

export async function insertContact(tx: Tx, values: NewContact): Promise<string> {
  const [row] = await tx.insert(victimContacts).values(values).returning({ id: victimContacts.id });
  return row!.id;
}

/**
 * A contact a "Victim update" recorded names who recorded it only to a reader the report's
 * visibility lets in, as the report's own stub shows its team, organisation and date alone.
 */
function selectContacts(tx: Tx, reader: Actor) {
  return tx
    .select({
      contact: victimContacts,
      recorderShown: sql<boolean>`(${victimContacts.reportId} is null or ${canReadContent(reader, reports)})`,
      recordedByName: users.name,
      teamName: teams.name,
      organisationName: organisations.name,
      cursorAt: sql<string>`to_char(${victimContacts.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(victimContacts)
    .leftJoin(users, eq(users.id, victimContacts.recordedBy))
    .leftJoin(reports, eq(reports.id, victimContacts.reportId))
    .innerJoin(teams, eq(teams.id, victimContacts.recordedByTeamId))
    .innerJoin(organisations, eq(organisations.id, victimContacts.recordedByOrganisationId));
}

export async function getContact(tx: Tx, reader: Actor, id: string) {
  const [row] = await selectContacts(tx, reader).where(eq(victimContacts.id, id));
  return row ?? null;
}

/** The person's contacts and attempts, newest first, after the keyset cursor. */
export async function listContacts(tx: Tx, reader: Actor, profileId: string, after: { at: string; id: string } | null, limit: number) {
  return selectContacts(tx, reader)
    .where(and(
      eq(victimContacts.profileId, profileId),
      after ? sql`(${victimContacts.at}, ${victimContacts.id}) < (${after.at}::timestamptz, ${after.id}::uuid)` : undefined,
    ))
    .orderBy(desc(victimContacts.at), desc(victimContacts.id))
    .limit(limit + 1);
}
export type ContactRow = Awaited<ReturnType<typeof listContacts>>[number];

// Overdue contacts.

export interface OverdueFilter {
  teamId?: string;
  after: { due: string; profileId: string } | null;
  limit: number;
}

/**
 * Plans whose next contact was due before today, on people the actor may open (the same `canView`
 * as every list), soonest due first; with a team, only the people that team holds.
 */
export async function listOverdue(tx: Tx, actor: Actor, filter: OverdueFilter) {
  return tx
    .select({
      plan: contactPlans,
      profile: { id: profiles.id, firstName: profiles.firstName, lastName: profiles.lastName },
      owner: { teamId: teams.id, teamName: teams.name, organisationId: organisations.id, organisationName: organisations.name },
      case: { id: cases.id, reference: cases.reference, title: cases.title },
      overdueDays: sql<number>`${londonTodaySql} - ${contactPlans.nextContactDue}`,
    })
    .from(contactPlans)
    .innerJoin(profiles, eq(profiles.id, contactPlans.profileId))
    .innerJoin(teams, eq(teams.id, profiles.ownerTeamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .leftJoin(cases, eq(cases.id, contactPlans.caseId))
    .where(and(
      eq(contactPlans.partnershipId, actor.partnershipId),
      sql`${contactPlans.nextContactDue} < ${londonTodaySql}`,
      isNull(profiles.mergedIntoId),
      filter.teamId ? eq(profiles.ownerTeamId, filter.teamId) : undefined,
      filter.after ? sql`(${contactPlans.nextContactDue}, ${contactPlans.profileId}) > (${filter.after.due}::date, ${filter.after.profileId}::uuid)` : undefined,
      canView(actor, profiles, kinds.profile.accessList),
    ))
    .orderBy(asc(contactPlans.nextContactDue), asc(contactPlans.profileId))
    .limit(filter.limit + 1);
}
export type OverdueRow = Awaited<ReturnType<typeof listOverdue>>[number];

/** A team's supervisors: its admins and the members flagged as supervisors, who may change records. */
const isSupervisor = and(
  isNull(users.disabledAt),
  ne(users.role, 'read_only'),
  or(eq(users.role, 'team_admin'), eq(users.isSupervisor, true)),
);

/**
 * Claims the plans overdue beyond their partnership's grace period whose supervisors have not yet
 * heard of the date due, marking them told, with the team that holds each person. A plan whose
 * team has no supervisor to tell is left unclaimed, so its supervisors hear once the team has one.
 * A merged duplicate's plan is claimed too, so the sweep does not read it again, but says so.
 */
export async function claimOverdueForAlert(tx: Tx, defaultGraceDays: number, batch: number) {
  const { rows } = await tx.execute<{ profile_id: string; partnership_id: string; next_contact_due: string; owner_team_id: string; owner_organisation_id: string; merged: boolean }>(sql`
    with due as (
      select cp.profile_id
        from contact_plans cp
        join profiles p on p.id = cp.profile_id
        left join victim_care_settings s on s.partnership_id = cp.partnership_id
       where cp.supervisors_alerted_at is null and cp.next_contact_due < ${londonTodaySql}
         and cp.next_contact_due < ${londonTodaySql} - coalesce(s.overdue_grace_days, ${defaultGraceDays}::int)
         and (p.merged_into_id is not null or exists (select 1 from users where users.team_id = p.owner_team_id and ${isSupervisor}))
       order by cp.next_contact_due
       limit ${batch}
         for update of cp skip locked)
    update contact_plans cp set supervisors_alerted_at = now()
      from due, profiles p, teams t
     where cp.profile_id = due.profile_id and p.id = cp.profile_id and t.id = p.owner_team_id
    returning cp.profile_id, cp.partnership_id, to_char(cp.next_contact_due, 'YYYY-MM-DD') as next_contact_due,
              p.owner_team_id, t.organisation_id as owner_organisation_id, p.merged_into_id is not null as merged`);
  return rows;
}

/** The supervisors of these teams, to tell of overdue contacts. */
export async function supervisorsOf(tx: Tx, teamIds: string[]) {
  if (teamIds.length === 0) return [];
  return tx
    .select({ teamId: users.teamId, userId: users.id })
    .from(users)
    .where(and(inArray(users.teamId, teamIds), isSupervisor));
}

/** A team of the partnership; null for any other. */
export async function teamInPartnership(tx: Tx, partnershipId: string, teamId: string) {
  const [row] = await tx.select({ id: teams.id }).from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(and(eq(teams.id, teamId), eq(organisations.partnershipId, partnershipId)));
  return row ?? null;
}

/** A case a plan may be tied to: one of the partnership's that the person is linked to. */
export async function caseOfPerson(tx: Tx, partnershipId: string, caseId: string, profileId: string) {
  const [row] = await tx.select({ id: cases.id }).from(cases)
    .innerJoin(caseProfiles, and(eq(caseProfiles.caseId, cases.id), eq(caseProfiles.profileId, profileId)))
    .where(and(eq(cases.id, caseId), eq(cases.partnershipId, partnershipId)));
  return row ?? null;
}

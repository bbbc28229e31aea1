import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AssessmentSubjectKind } from '../../../../shared/assessments.ts';
import type { ReferralStatus } from '../../../../shared/panels.ts';
import { caseProfiles, organisations, panelReferrals, panels, profileRelationships, profiles, teams, users } from '../../../db/schema/index.ts';
import type { Tx } from '../../../db/transaction.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { kinds } from '../../../platform/access/kinds.ts';
import { panelVisibleTo } from '../../../platform/access/panels.ts';
import { canView } from '../../../platform/access/records.ts';
import { incidentReportTypes, repeatWindowMonths } from './rules.ts';

const referrer = alias(users, 'referrer');
const referrerTeam = alias(teams, 'referrer_team');
const referrerOrganisation = alias(organisations, 'referrer_organisation');

// Written with table names: Drizzle leaves an outer column unqualified inside a subquery.
const latestItem = sql`(select a.meeting_id from agenda_items a join meetings m on m.id = a.meeting_id
  where a.referral_id = panel_referrals.id order by m.starts_at desc, m.id desc limit 1)`;

const referralColumns = {
  referral: panelReferrals,
  panelName: panels.name,
  panelKind: panels.kind,
  referredByName: referrer.name,
  referredByTeamName: referrerTeam.name,
  referredByOrganisationName: referrerOrganisation.name,
  meetingId: sql<string | null>`${latestItem}`,
  meetingAt: sql<string | null>`(select to_char(m.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from meetings m where m.id = ${latestItem})`,
};

function selectReferrals(tx: Tx) {
  return tx.select(referralColumns)
    .from(panelReferrals)
    .innerJoin(panels, eq(panels.id, panelReferrals.panelId))
    .innerJoin(referrer, eq(referrer.id, panelReferrals.referredBy))
    .innerJoin(referrerTeam, eq(referrerTeam.id, panelReferrals.referredByTeamId))
    .innerJoin(referrerOrganisation, eq(referrerOrganisation.id, panelReferrals.referredByOrganisationId));
}

export type ReferralRow = NonNullable<Awaited<ReturnType<typeof getReferral>>>;

export async function getReferral(tx: Tx, id: string) {
  const [row] = await selectReferrals(tx).where(eq(panelReferrals.id, id));
  return row ?? null;
}

/** A panel's referrals, oldest first: the order they wait in. */
export async function panelReferralPage(tx: Tx, panelId: string, status: ReferralStatus | undefined, after: { createdAt: string; id: string } | null, limit: number) {
  return selectReferrals(tx)
    .where(and(
      eq(panelReferrals.panelId, panelId),
      status ? eq(panelReferrals.status, status) : undefined,
      after ? sql`(${panelReferrals.createdAt}, ${panelReferrals.id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)` : undefined,
    ))
    .orderBy(panelReferrals.createdAt, panelReferrals.id)
    .limit(limit + 1);
}

/** A record's referrals to the panels the actor may see, newest first. */
export async function recordReferrals(tx: Tx, actor: Actor, kind: AssessmentSubjectKind, recordId: string) {
  return selectReferrals(tx)
    .where(and(eq(panelReferrals.recordKind, kind), eq(panelReferrals.recordId, recordId), panelVisibleTo(actor)))
    .orderBy(desc(panelReferrals.createdAt), desc(panelReferrals.id))
    .limit(200);
}

const withinRepeatWindow = sql`${panelReferrals.createdAt} > now() - make_interval(months => ${repeatWindowMonths})`;

/** The record's earlier referrals to this panel, newest first, with when each was heard. */
export async function earlierReferrals(tx: Tx, panelId: string, kind: AssessmentSubjectKind, recordId: string) {
  return tx
    .select({
      id: panelReferrals.id,
      createdAt: panelReferrals.createdAt,
      status: panelReferrals.status,
      repeatWindow: sql<boolean>`${withinRepeatWindow} and ${panelReferrals.status} <> 'withdrawn'`,
      heardAt: sql<string | null>`(select to_char(m.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from agenda_items a join meetings m on m.id = a.meeting_id
        where a.referral_id = panel_referrals.id and m.status = 'closed' order by m.starts_at desc limit 1)`,
    })
    .from(panelReferrals)
    .where(and(eq(panelReferrals.panelId, panelId), eq(panelReferrals.recordKind, kind), eq(panelReferrals.recordId, recordId)))
    .orderBy(desc(panelReferrals.createdAt), desc(panelReferrals.id));
}

export async function insertReferral(tx: Tx, values: typeof panelReferrals.$inferInsert): Promise<string> {
  const [row] = await tx.insert(panelReferrals).values(values).returning({ id: panelReferrals.id });
  return row!.id;
}

/** Withdraws a referral still waiting; false when it has moved on (or the version is stale). */
export async function withdraw(tx: Tx, id: string, version: number | undefined, reason: string): Promise<boolean> {
  const rows = await tx.update(panelReferrals)
    .set({ status: 'withdrawn', withdrawnReason: reason, version: sql`${panelReferrals.version} + 1`, updatedAt: new Date() })
    .where(and(eq(panelReferrals.id, id), eq(panelReferrals.status, 'waiting'), version === undefined ? undefined : eq(panelReferrals.version, version)))
    .returning({ id: panelReferrals.id });
  return rows.length > 0;
}

/** Moves referrals to a status (listed on an agenda, heard at a closed meeting, back to waiting). */
export async function setStatus(tx: Tx, ids: string[], status: ReferralStatus, from?: ReferralStatus): Promise<void> {
  if (ids.length === 0) return;
  await tx.update(panelReferrals)
    .set({ status, version: sql`${panelReferrals.version} + 1`, updatedAt: new Date() })
    .where(and(inArray(panelReferrals.id, ids), from ? eq(panelReferrals.status, from) : ne(panelReferrals.status, status)));
}

/** The people of a case the actor may open. */
export async function casePeople(tx: Tx, actor: Actor, caseId: string) {
  const { accessList } = kinds.profile;
  return tx
    .select({ id: profiles.id, firstName: profiles.firstName, lastName: profiles.lastName, dateOfBirth: profiles.dateOfBirth, approximateAge: profiles.approximateAge, approximateAgeOn: profiles.approximateAgeOn })
    .from(caseProfiles)
    .innerJoin(profiles, eq(profiles.id, caseProfiles.profileId))
    .where(and(eq(caseProfiles.caseId, caseId), canView(actor, profiles, accessList)))
    .orderBy(profiles.lastName, profiles.firstName);
}

export async function profileOf(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: profiles.id, firstName: profiles.firstName, lastName: profiles.lastName, dateOfBirth: profiles.dateOfBirth, approximateAge: profiles.approximateAge, approximateAgeOn: profiles.approximateAgeOn })
    .from(profiles)
    .where(eq(profiles.id, id));
  return row ?? null;
}

/**
 * The relatives of the people, from their relationships, read from each person's side. Those the
 * actor may not open come as stubs (name and date of birth, as search shows them).
 */
export async function relativesOf(tx: Tx, actor: Actor, profileIds: string[]) {
  if (profileIds.length === 0) return [];
  const { accessList } = kinds.profile;
  const other = alias(profiles, 'other');
  const otherId = sql`case when ${inArray(profileRelationships.fromProfileId, profileIds)} then ${profileRelationships.toProfileId} else ${profileRelationships.fromProfileId} end`;
  return tx
    .select({
      id: other.id, firstName: other.firstName, lastName: other.lastName, dateOfBirth: other.dateOfBirth,
      approximateAge: other.approximateAge, approximateAgeOn: other.approximateAgeOn,
      kind: profileRelationships.kind,
      personIsFrom: sql<boolean>`${inArray(profileRelationships.fromProfileId, profileIds)}`,
      accessible: sql<boolean>`${canView(actor, other, accessList)}`,
    })
    .from(profileRelationships)
    .innerJoin(other, eq(other.id, otherId))
    .where(and(
      sql`(${inArray(profileRelationships.fromProfileId, profileIds)} or ${inArray(profileRelationships.toProfileId, profileIds)})`,
      sql`${other.mergedIntoId} is null`,
    ))
    .orderBy(other.lastName, other.firstName);
}

/** Incidents (ASB complaints and hate incidents) reported on the record in the repeat window. */
export async function incidentCount(tx: Tx, kind: AssessmentSubjectKind, recordId: string): Promise<number> {
  const { rows } = await tx.execute<{ count: number }>(sql`
    select count(*)::int as count from reports r join lookups l on l.id = r.report_type_id
     where r.record_kind = ${kind} and r.record_id = ${recordId}
       and l.key in (${sql.join(incidentReportTypes.map((k) => sql`${k}`), sql`, `)})
       and r.occurred_at > now() - make_interval(months => ${repeatWindowMonths})`);
  return rows[0]?.count ?? 0;
}


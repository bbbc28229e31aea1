import { and, eq, gt, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { EmergencyAccessStatus, EmergencyReviewOutcome } from '../../../../shared/emergency-access.ts';
import { emergencyAccesses, organisations, teams, users } from '../../../db/schema/index.ts';
import type { Tx } from '../../../db/transaction.ts';
import { entitiesOf } from '../viewers/queries.ts';

/** The person's live emergency access to the profile, if they hold one now. */
export async function activeAccess(tx: Tx, profileId: string, userId: string) {
  const [row] = await tx
    .select({ id: emergencyAccesses.id, expiresAt: emergencyAccesses.expiresAt })
    .from(emergencyAccesses)
    .where(and(eq(emergencyAccesses.profileId, profileId), eq(emergencyAccesses.userId, userId), gt(emergencyAccesses.expiresAt, sql`now()`)))
    .orderBy(sql`${emergencyAccesses.grantedAt} desc`)
    .limit(1);
  return row ?? null;
}

/**
 * Records a break of the glass lasting `minutes` from the transaction's time, the same clock the
 * audit trail stamps its events with, so everything done under the access falls inside it.
 */
export async function insertAccess(tx: Tx, minutes: number, values: Omit<typeof emergencyAccesses.$inferInsert, 'grantedAt' | 'expiresAt'>) {
  const [row] = await tx
    .insert(emergencyAccesses)
    .values({ ...values, grantedAt: sql`now()`, expiresAt: sql`now() + make_interval(mins => ${minutes})` })
    .returning({ id: emergencyAccesses.id, expiresAt: emergencyAccesses.expiresAt });
  return row!;
}

/** A member of staff's team and organisation, by name, for the notice. */
export async function placeOf(tx: Tx, teamId: string) {
  const [row] = await tx
    .select({ teamName: teams.name, organisationName: organisations.name })
    .from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(eq(teams.id, teamId));
  return row!;
}

export type AccessRow = {
  id: string;
  partnership_id: string;
  profile_id: string;
  profile_title: string;
  user_id: string;
  user_name: string;
  team_id: string;
  team_name: string;
  organisation_id: string;
  organisation_name: string;
  owner_team_id: string;
  owner_team_name: string;
  owner_organisation_id: string;
  owner_organisation_name: string;
  reason: string;
  granted_at: Date;
  expires_at: Date;
  events_during: number;
  review_outcome: EmergencyReviewOutcome | null;
  review_note: string | null;
  reviewed_by: string | null;
  reviewer_name: string | null;
  reviewed_at: Date | null;
  version: number;
};

/**
 * Emergency accesses with everything the review queue shows: the person's name as a stub (their
 * reviewers hold it or manage its owner), who broke the glass and how many things they did on the
 * person's record while it lasted (read from the audit trail, entity by entity).
 */
async function selectAccesses(tx: Tx, where: SQL, limit: number): Promise<AccessRow[]> {
  const { rows } = await tx.execute<AccessRow>(sql`
    select g.id, g.partnership_id, g.profile_id, (p.first_name || ' ' || p.last_name) as profile_title,
           g.user_id, u.name as user_name, g.team_id, t.name as team_name, g.organisation_id, o.name as organisation_name,
           g.owner_team_id, ot.name as owner_team_name, g.owner_organisation_id, oo.name as owner_organisation_name,
           g.reason, g.granted_at, g.expires_at,
           (select count(*) from (${entitiesOf(sql`g.profile_id`)}) en
              join audit_events e on e.entity_type = en.t and e.entity_id = en.id
             where e.actor_id = g.user_id and e.at >= g.granted_at and e.at <= g.expires_at)::int as events_during,
           g.review_outcome, g.review_note, g.reviewed_by, r.name as reviewer_name, g.reviewed_at, g.version
      from emergency_accesses g
      join profiles p on p.id = g.profile_id
      join users u on u.id = g.user_id
      join teams t on t.id = g.team_id
      join organisations o on o.id = g.organisation_id
      join teams ot on ot.id = g.owner_team_id
      join organisations oo on oo.id = g.owner_organisation_id
      left join users r on r.id = g.reviewed_by
     where ${where}
     order by g.id desc
     limit ${limit}`);
  return rows.map((r) => ({ ...r, granted_at: new Date(r.granted_at), expires_at: new Date(r.expires_at), reviewed_at: r.reviewed_at ? new Date(r.reviewed_at) : null }));
}

export async function getAccess(tx: Tx, id: string): Promise<AccessRow | null> {
  return (await selectAccesses(tx, sql`g.id = ${id}`, 1))[0] ?? null;
}

export interface AccessFilter {
  partnershipId: string;
  ownerTeamId?: string;
  ownerOrganisationId?: string;
  status: EmergencyAccessStatus;
  /** The id of the last access of the previous page: ids are time-ordered, newest first. */
  before: string | null;
  limit: number;
}

export async function listAccesses(tx: Tx, f: AccessFilter): Promise<AccessRow[]> {
  const conditions: SQL[] = [sql`g.partnership_id = ${f.partnershipId}`];
  if (f.ownerTeamId) conditions.push(sql`g.owner_team_id = ${f.ownerTeamId}`);
  if (f.ownerOrganisationId) conditions.push(sql`g.owner_organisation_id = ${f.ownerOrganisationId}`);
  if (f.status === 'pending') conditions.push(sql`g.reviewed_at is null`);
  if (f.status === 'reviewed') conditions.push(sql`g.reviewed_at is not null`);
  if (f.before) conditions.push(sql`g.id < ${f.before}`);
  return selectAccesses(tx, sql.join(conditions, sql` and `), f.limit + 1);
}

/** Signs an access off; false when someone already had. */
export async function closeReview(tx: Tx, id: string, outcome: EmergencyReviewOutcome, note: string | null, reviewedBy: string): Promise<boolean> {
  const rows = await tx
    .update(emergencyAccesses)
    .set({ reviewOutcome: outcome, reviewNote: note, reviewedBy, reviewedAt: new Date(), version: sql`${emergencyAccesses.version} + 1` })
    .where(and(eq(emergencyAccesses.id, id), isNull(emergencyAccesses.reviewedAt)))
    .returning({ id: emergencyAccesses.id });
  return rows.length > 0;
}

const activeUser = and(isNull(users.disabledAt), isNotNull(users.passwordHash));

/** Who is told at once: the owning team's active admins, or failing those its organisation's (as for access requests). */
export async function ownerAdminsOf(tx: Tx, teamId: string, organisationId: string) {
  const teamAdmins = await tx.select({ id: users.id }).from(users).where(and(eq(users.teamId, teamId), eq(users.role, 'team_admin'), activeUser));
  if (teamAdmins.length > 0) return teamAdmins;
  return tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(teams.organisationId, organisationId), eq(users.role, 'organisation_admin'), activeUser));
}

/** Who line-manages a member of staff: their team's admins and their organisation's admins. */
export async function lineManagersOf(tx: Tx, teamId: string, organisationId: string) {
  return tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(and(
      activeUser,
      sql`((${users.teamId} = ${teamId} and ${users.role} = 'team_admin') or (${teams.organisationId} = ${organisationId} and ${users.role} = 'organisation_admin'))`,
    ));
}

import { and, count, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import {
  caseProfiles, cases, contactPlans, messages, portalAccess, portalCodes, portalSettings, profiles, teams, users,
} from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { PortalChannel, PortalEndReason } from '../../../shared/portal.ts';

// Settings.

export type SettingsRow = typeof portalSettings.$inferSelect;
export type SettingsValues = Pick<typeof portalSettings.$inferInsert, 'serviceName' | 'exitUrl' | 'updatedBy'>;

export async function getSettings(tx: Tx, partnershipId: string): Promise<SettingsRow | null> {
  const [row] = await tx.select().from(portalSettings).where(eq(portalSettings.partnershipId, partnershipId));
  return row ?? null;
}

/** The partnership's first change from the defaults; null when someone else made one first. */
export async function insertSettings(tx: Tx, partnershipId: string, values: SettingsValues): Promise<SettingsRow | null> {
  const [row] = await tx.insert(portalSettings).values({ partnershipId, ...values }).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateSettings(tx: Tx, partnershipId: string, version: number, values: SettingsValues): Promise<SettingsRow | null> {
  const [row] = await tx.update(portalSettings)
    .set({ ...values, version: sql`${portalSettings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(portalSettings.partnershipId, partnershipId), eq(portalSettings.version, version)))
    .returning();
  return row ?? null;
}

// What the contact plan says of email and text (the victim care module writes it).

export async function contactPlanOf(tx: Tx, profileId: string) {
  const [row] = await tx.select({ safeToEmail: contactPlans.safeToEmail, safeToText: contactPlans.safeToText })
    .from(contactPlans).where(eq(contactPlans.profileId, profileId));
  return row ?? null;
}

/** A case the person is linked to, in the partnership. */
export async function caseOfPerson(tx: Tx, partnershipId: string, caseId: string, profileId: string) {
  const [row] = await tx.select({ id: cases.id }).from(cases)
    .innerJoin(caseProfiles, and(eq(caseProfiles.caseId, cases.id), eq(caseProfiles.profileId, profileId)))
    .where(and(eq(cases.id, caseId), eq(cases.partnershipId, partnershipId)));
  return row ?? null;
}

// Access.

const accessColumns = {
  id: portalAccess.id,
  partnershipId: portalAccess.partnershipId,
  profileId: portalAccess.profileId,
  email: portalAccess.email,
  mobile: portalAccess.mobile,
  keyworkerId: portalAccess.keyworkerId,
  teamId: portalAccess.teamId,
  /** The organisation of the team that holds the conversation, whose administrators see what is done with the access. */
  teamOrganisationId: teams.organisationId,
  endWithCaseId: portalAccess.endWithCaseId,
};

function accesses(tx: Tx) {
  return tx.select(accessColumns).from(portalAccess).innerJoin(teams, eq(teams.id, portalAccess.teamId));
}

export type AccessRow = NonNullable<Awaited<ReturnType<typeof accessById>>>;

export async function accessById(tx: Tx, id: string) {
  const [row] = await accesses(tx).where(and(eq(portalAccess.id, id), isNull(portalAccess.endedAt)));
  return row ?? null;
}

export async function liveAccessOf(tx: Tx, profileId: string) {
  const [row] = await accesses(tx).where(and(eq(portalAccess.profileId, profileId), isNull(portalAccess.endedAt)));
  return row ?? null;
}

/** Live access by the address or number a client typed: one per partnership that invited them. */
export async function liveAccessesBy(tx: Tx, channel: PortalChannel, identifier: string) {
  const column = channel === 'email' ? portalAccess.email : portalAccess.mobile;
  return accesses(tx).where(and(eq(column, identifier), isNull(portalAccess.endedAt)));
}

/** Live access that closing the case ends, because the practitioner chose so. */
export async function liveAccessesEndingWith(tx: Tx, caseId: string) {
  return accesses(tx).where(and(eq(portalAccess.endWithCaseId, caseId), isNull(portalAccess.endedAt)));
}

/** The access as the profile's page shows it: the live one, or else the last to have ended. */
export async function latestAccessOf(tx: Tx, profileId: string) {
  const [row] = await tx
    .select({
      access: portalAccess,
      keyworkerName: users.name,
      teamName: teams.name,
      endWithCase: { id: cases.id, reference: cases.reference },
    })
    .from(portalAccess)
    .innerJoin(users, eq(users.id, portalAccess.keyworkerId))
    .innerJoin(teams, eq(teams.id, portalAccess.teamId))
    .leftJoin(cases, eq(cases.id, portalAccess.endWithCaseId))
    .where(eq(portalAccess.profileId, profileId))
    .orderBy(sql`${portalAccess.endedAt} is null desc`, desc(portalAccess.createdAt), desc(portalAccess.id))
    .limit(1);
  return row ?? null;
}
export type PresentedAccessRow = NonNullable<Awaited<ReturnType<typeof latestAccessOf>>>;

export async function insertAccess(tx: Tx, values: typeof portalAccess.$inferInsert): Promise<string> {
  const [row] = await tx.insert(portalAccess).values(values).returning({ id: portalAccess.id });
  return row!.id;
}

/** Ends live access; false when it had already ended. */
export async function endAccess(tx: Tx, id: string, endReason: PortalEndReason, endedBy: string | null): Promise<boolean> {
  const rows = await tx.update(portalAccess)
    .set({ endedAt: new Date(), endedBy, endReason, version: sql`${portalAccess.version} + 1`, updatedAt: new Date() })
    .where(and(eq(portalAccess.id, id), isNull(portalAccess.endedAt)))
    .returning({ id: portalAccess.id });
  return rows.length > 0;
}

export async function markSignedIn(tx: Tx, id: string): Promise<void> {
  await tx.update(portalAccess).set({ lastSignedInAt: new Date() }).where(eq(portalAccess.id, id));
}

/** Who the client is to the portal: their first name, their keyworker, and how many of the team's messages they have not read. */
export async function clientFacts(tx: Tx, accessId: string) {
  const [row] = await tx
    .select({ firstName: profiles.firstName, keyworkerName: users.name })
    .from(portalAccess)
    .innerJoin(profiles, eq(profiles.id, portalAccess.profileId))
    .innerJoin(users, eq(users.id, portalAccess.keyworkerId))
    .where(eq(portalAccess.id, accessId));
  if (!row) return null;
  const [unread] = await tx.select({ n: count() }).from(messages)
    .where(and(eq(messages.accessId, accessId), eq(messages.sender, 'staff'), isNull(messages.readAt)));
  return { ...row, unreadMessages: unread?.n ?? 0 };
}

// One-time codes.

/** Codes made for the access since a moment, used or not: the hourly limit counts them all. */
export async function codesSince(tx: Tx, accessId: string, since: Date): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(portalCodes).where(and(eq(portalCodes.accessId, accessId), gt(portalCodes.createdAt, since)));
  return row?.n ?? 0;
}

/** A new code ends the access's earlier ones. */
export async function endLiveCodes(tx: Tx, accessId: string): Promise<void> {
  await tx.update(portalCodes).set({ endedAt: new Date() })
    .where(and(eq(portalCodes.accessId, accessId), isNull(portalCodes.usedAt), isNull(portalCodes.endedAt)));
}

export async function insertCode(tx: Tx, values: typeof portalCodes.$inferInsert): Promise<void> {
  await tx.insert(portalCodes).values(values);
}

/**
 * The codes still usable for these accesses by one channel, locked so that two attempts at once
 * cannot both use a code, nor both miss the count of wrong tries.
 */
export async function liveCodes(tx: Tx, accessIds: string[], channel: PortalChannel, now: Date) {
  if (accessIds.length === 0) return [];
  return tx.select({ id: portalCodes.id, accessId: portalCodes.accessId, codeHash: portalCodes.codeHash, wrongTries: portalCodes.wrongTries })
    .from(portalCodes)
    .where(and(
      inArray(portalCodes.accessId, accessIds), eq(portalCodes.channel, channel),
      isNull(portalCodes.usedAt), isNull(portalCodes.endedAt), gt(portalCodes.expiresAt, now),
    ))
    .for('update');
}

export async function useCode(tx: Tx, id: string): Promise<void> {
  await tx.update(portalCodes).set({ usedAt: new Date() }).where(eq(portalCodes.id, id));
}

/** Counts a wrong try; the last one allowed ends the code. Returns whether it has ended. */
export async function wrongTry(tx: Tx, id: string, maxTries: number): Promise<boolean> {
  const [row] = await tx.update(portalCodes)
    .set({
      wrongTries: sql`${portalCodes.wrongTries} + 1`,
      endedAt: sql`case when ${portalCodes.wrongTries} + 1 >= ${maxTries} then now() else null end`,
    })
    .where(eq(portalCodes.id, id))
    .returning({ endedAt: portalCodes.endedAt });
  return row?.endedAt != null;
}

/** The team and organisation holding a person, whose administrators see what a client did in the portal. */
export async function ownersOf(tx: Tx, profileId: string) {
  const [row] = await tx
    .select({ subjectTeamId: profiles.ownerTeamId, subjectOrganisationId: teams.organisationId })
    .from(profiles)
    .innerJoin(teams, eq(teams.id, profiles.ownerTeamId))
    .where(eq(profiles.id, profileId));
  return row ?? { subjectTeamId: null, subjectOrganisationId: null };
}

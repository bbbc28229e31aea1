import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  notifications, organisations, referralEvents, referralForms, referralFormVersions, referralInformationRequests, referralNotes, referrals, teams, users,
} from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import { referralFormDefaults } from '../../../shared/referrals.ts';

const assignee = alias(users, 'assignee');
const creator = alias(users, 'creator');
const decider = alias(users, 'decider');

// Teams and their members.

/** A team with what the desk's rules are decided on; null when there is none. */
export async function teamOf(tx: Tx, teamId: string) {
  const [row] = await tx
    .select({ id: teams.id, name: teams.name, organisationId: teams.organisationId, partnershipId: organisations.partnershipId })
    .from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(eq(teams.id, teamId));
  return row ?? null;
}
export type TeamRow = NonNullable<Awaited<ReturnType<typeof teamOf>>>;

/** Who works a team's desk day to day: its members whose accounts are active and may write. */
const worksDesk = (teamId: string) => and(eq(users.teamId, teamId), isNull(users.disabledAt), ne(users.role, 'read_only'));

export async function deskMembers(tx: Tx, teamId: string): Promise<string[]> {
  const rows = await tx.select({ id: users.id }).from(users).where(worksDesk(teamId));
  return rows.map((r) => r.id);
}

/**
 * The desk's members to tell of a new referral: those not already holding an unread notice of
 * one still new on this desk. At a busy desk one such notice says enough (the desk lists the
 * rest), where one per referral would bury the members' notices and flood their email.
 */
export async function deskMembersToTellOfNew(tx: Tx, teamId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(worksDesk(teamId), sql`not exists (
      select 1 from ${notifications} n join ${referrals} r on r.id = n.subject_id
       where n.user_id = ${users.id} and n.read_at is null and n.kind = 'referral_received'
         and r.team_id = ${teamId} and r.status = 'new')`));
  return rows.map((r) => r.id);
}

export async function deskMember(tx: Tx, teamId: string, userId: string) {
  const [row] = await tx.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.id, userId), worksDesk(teamId)));
  return row ?? null;
}

// Referrals.

/** A referral with its team, the form version it was sent with and the people it names, still sealed. */
export async function getReferral(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      referral: referrals,
      teamName: teams.name,
      organisationId: teams.organisationId,
      form: { id: referralForms.id, name: referralForms.name, subjectRole: referralForms.subjectRole, sensitive: referralForms.sensitive },
      formVersion: { version: referralFormVersions.version, definition: referralFormVersions.definition, templateVersionId: referralFormVersions.templateVersionId },
      assignedToName: assignee.name,
      createdByName: creator.name,
      decidedByName: decider.name,
    })
    .from(referrals)
    .innerJoin(teams, eq(teams.id, referrals.teamId))
    .leftJoin(referralForms, eq(referralForms.id, referrals.formId))
    .leftJoin(referralFormVersions, eq(referralFormVersions.id, referrals.formVersionId))
    .leftJoin(assignee, eq(assignee.id, referrals.assignedToId))
    .leftJoin(creator, eq(creator.id, referrals.createdBy))
    .leftJoin(decider, eq(decider.id, referrals.decidedBy))
    .where(eq(referrals.id, id));
  return row ?? null;
}
export type ReferralRow = NonNullable<Awaited<ReturnType<typeof getReferral>>>;

export type NewReferral = typeof referrals.$inferInsert;

/** Null when the reference is already taken, so the caller draws another. */
export async function insertReferral(tx: Tx, values: NewReferral): Promise<string | null> {
  const [row] = await tx.insert(referrals).values(values).onConflictDoNothing({ target: referrals.reference }).returning({ id: referrals.id });
  return row?.id ?? null;
}

export interface Move {
  status: NewReferral['status'];
  pausedAt?: Date | null;
  decisionDueAt?: Date;
  /** A new due time is one the supervisors have not yet heard of. */
  clearAlert?: boolean;
}

/** Moves the referral if it is still at `version`; the new version, or null when someone changed it first. */
export async function moveReferral(tx: Tx, id: string, version: number, move: Move): Promise<number | null> {
  const [row] = await tx.update(referrals)
    .set({
      status: move.status,
      ...(move.pausedAt !== undefined ? { pausedAt: move.pausedAt } : {}),
      ...(move.decisionDueAt ? { decisionDueAt: move.decisionDueAt } : {}),
      ...(move.clearAlert ? { supervisorsAlertedAt: null } : {}),
      version: sql`${referrals.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(referrals.id, id), eq(referrals.version, version)))
    .returning({ version: referrals.version });
  return row?.version ?? null;
}

export async function assign(tx: Tx, id: string, version: number, assignedToId: string | null): Promise<number | null> {
  const [row] = await tx.update(referrals)
    .set({ assignedToId, version: sql`${referrals.version} + 1`, updatedAt: new Date() })
    .where(and(eq(referrals.id, id), eq(referrals.version, version)))
    .returning({ version: referrals.version });
  return row?.version ?? null;
}

// Its history on the desk.

export async function insertEvent(tx: Tx, values: typeof referralEvents.$inferInsert): Promise<void> {
  await tx.insert(referralEvents).values(values);
}

export async function eventsOf(tx: Tx, referralId: string) {
  return tx
    .select({ event: referralEvents, userName: users.name })
    .from(referralEvents)
    .leftJoin(users, eq(users.id, referralEvents.userId))
    .where(eq(referralEvents.referralId, referralId))
    .orderBy(asc(referralEvents.at), asc(referralEvents.id));
}

export async function insertNote(tx: Tx, values: typeof referralNotes.$inferInsert) {
  const [row] = await tx.insert(referralNotes).values(values).returning();
  return row!;
}

export async function notesOf(tx: Tx, referralId: string) {
  return tx
    .select({ note: referralNotes, authorName: users.name })
    .from(referralNotes)
    .innerJoin(users, eq(users.id, referralNotes.authorId))
    .where(eq(referralNotes.referralId, referralId))
    .orderBy(asc(referralNotes.createdAt), asc(referralNotes.id));
}

// Requests to the referrer for more information.

export async function insertInformationRequest(tx: Tx, values: typeof referralInformationRequests.$inferInsert): Promise<string> {
  const [row] = await tx.insert(referralInformationRequests).values(values).returning({ id: referralInformationRequests.id });
  return row!.id;
}

/** Ends the links of earlier requests still unanswered: only the newest question may be answered. */
export async function expireOpenRequests(tx: Tx, referralId: string, now: Date): Promise<void> {
  await tx.update(referralInformationRequests)
    .set({ expiresAt: now, updatedAt: now })
    .where(and(eq(referralInformationRequests.referralId, referralId), isNull(referralInformationRequests.answeredAt), sql`${referralInformationRequests.expiresAt} > ${now}`));
}

export async function informationRequestsOf(tx: Tx, referralId: string) {
  return tx
    .select({ request: referralInformationRequests, askedByName: users.name })
    .from(referralInformationRequests)
    .innerJoin(users, eq(users.id, referralInformationRequests.askedBy))
    .where(eq(referralInformationRequests.referralId, referralId))
    .orderBy(asc(referralInformationRequests.askedAt), asc(referralInformationRequests.id));
}

/** The newest request the referral is waiting on an answer to, if any. */
export async function openRequestOf(tx: Tx, referralId: string) {
  const [row] = await tx.select({ id: referralInformationRequests.id }).from(referralInformationRequests)
    .where(and(eq(referralInformationRequests.referralId, referralId), isNull(referralInformationRequests.answeredAt)))
    .orderBy(desc(referralInformationRequests.askedAt), desc(referralInformationRequests.id))
    .limit(1);
  return row ?? null;
}

/**
 * A link still good for an answer: unanswered, not expired, on a referral still waiting for it,
 * with what the referrer's page shows. Locked when `lock`, so two answers cannot both be taken.
 */
export async function liveRequestByToken(tx: Tx, tokenHash: string, lock: boolean) {
  const query = tx
    .select({
      id: referralInformationRequests.id,
      referralId: referralInformationRequests.referralId,
      sealedQuestion: referralInformationRequests.sealedQuestion,
      reference: referrals.reference,
      teamId: referrals.teamId,
      organisationId: teams.organisationId,
      formName: referralForms.name,
      sensitive: referralForms.sensitive,
    })
    .from(referralInformationRequests)
    .innerJoin(referrals, eq(referrals.id, referralInformationRequests.referralId))
    .innerJoin(teams, eq(teams.id, referrals.teamId))
    .leftJoin(referralForms, eq(referralForms.id, referrals.formId))
    .where(and(
      eq(referralInformationRequests.tokenHash, tokenHash),
      isNull(referralInformationRequests.answeredAt),
      sql`${referralInformationRequests.expiresAt} > now()`,
      eq(referrals.status, 'waiting-for-information'),
    ));
  const [row] = lock ? await query.for('update', { of: referralInformationRequests }) : await query;
  return row ?? null;
}

/** The working days its form gives a decision (the default for a referral sent without a form). */
export async function decisionDaysOf(tx: Tx, referralId: string): Promise<number> {
  const [row] = await tx.select({ days: referralForms.decisionDays }).from(referrals)
    .leftJoin(referralForms, eq(referralForms.id, referrals.formId))
    .where(eq(referrals.id, referralId));
  return row?.days ?? referralFormDefaults.decisionDays;
}

/**
 * Holds a referral's row to the end of the transaction. Whoever answers its question takes this
 * first, as the desk's own steps do when they update the row, so the two never wait on each other
 * in opposite orders.
 */
export async function lockReferral(tx: Tx, id: string): Promise<void> {
  await tx.select({ id: referrals.id }).from(referrals).where(eq(referrals.id, id)).for('update');
}

/** False when it was answered already. */
export async function answerRequest(tx: Tx, id: string, answer: { via: 'link' | 'team'; sealedAnswer: string; at: Date }): Promise<boolean> {
  const rows = await tx.update(referralInformationRequests)
    .set({ answeredAt: answer.at, answeredVia: answer.via, sealedAnswer: answer.sealedAnswer, updatedAt: answer.at })
    .where(and(eq(referralInformationRequests.id, id), isNull(referralInformationRequests.answeredAt)))
    .returning({ id: referralInformationRequests.id });
  return rows.length > 0;
}

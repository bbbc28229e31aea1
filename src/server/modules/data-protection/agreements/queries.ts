import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { dataProtectionDefaults, type AgreementStatus } from '../../../../shared/data-protection.ts';
import { organisations, sharingAgreementParties, sharingAgreements } from '../../../db/schema/index.ts';
import type { Tx } from '../../../db/transaction.ts';

export type AgreementRow = typeof sharingAgreements.$inferSelect;
export type AgreementValues = Omit<typeof sharingAgreements.$inferInsert, 'id' | 'partnershipId' | 'version' | 'createdAt' | 'updatedAt' | 'createdBy' | 'remindedAt' | 'documentFileId' | 'documentName'>;
export type PartyValues = { organisationId: string; signedOn: string | null; signatory: string | null };
export type PartyRow = PartyValues & { agreementId: string; organisationName: string };

export interface AgreementFilter {
  status?: AgreementStatus;
  /** Live agreements reviewed on or before this date. */
  reviewBy?: string;
  organisationId?: string;
}

/** The partnership's agreements by review date, after the cursor's; one more than asked tells a next page. */
export async function listAgreements(tx: Tx, partnershipId: string, filter: AgreementFilter, after: [string, string] | null, limit: number): Promise<AgreementRow[]> {
  const where: (SQL | undefined)[] = [eq(sharingAgreements.partnershipId, partnershipId)];
  if (filter.status) where.push(eq(sharingAgreements.status, filter.status));
  if (filter.reviewBy) where.push(ne(sharingAgreements.status, 'ended'), sql`${sharingAgreements.reviewOn} <= ${filter.reviewBy}::date`);
  if (filter.organisationId) {
    where.push(sql`exists (select 1 from ${sharingAgreementParties} p where p.agreement_id = ${sharingAgreements.id} and p.organisation_id = ${filter.organisationId})`);
  }
  if (after) where.push(sql`(${sharingAgreements.reviewOn}, ${sharingAgreements.id}) > (${after[0]}::date, ${after[1]}::uuid)`);
  return tx.select().from(sharingAgreements).where(and(...where)).orderBy(asc(sharingAgreements.reviewOn), asc(sharingAgreements.id)).limit(limit + 1);
}

export async function getAgreement(tx: Tx, id: string): Promise<AgreementRow | null> {
  const [row] = await tx.select().from(sharingAgreements).where(eq(sharingAgreements.id, id));
  return row ?? null;
}

/** The parties of these agreements, by organisation name. */
export async function partiesOf(tx: Tx, agreementIds: string[]): Promise<PartyRow[]> {
  if (agreementIds.length === 0) return [];
  return tx
    .select({
      agreementId: sharingAgreementParties.agreementId,
      organisationId: sharingAgreementParties.organisationId,
      organisationName: organisations.name,
      signedOn: sharingAgreementParties.signedOn,
      signatory: sharingAgreementParties.signatory,
    })
    .from(sharingAgreementParties)
    .innerJoin(organisations, eq(organisations.id, sharingAgreementParties.organisationId))
    .where(inArray(sharingAgreementParties.agreementId, agreementIds))
    .orderBy(asc(organisations.name), asc(organisations.id));
}

/** Which of these organisations belong to the partnership. */
export async function organisationsIn(tx: Tx, partnershipId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.select({ id: organisations.id }).from(organisations)
    .where(and(eq(organisations.partnershipId, partnershipId), inArray(organisations.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function insertAgreement(tx: Tx, values: AgreementValues & { partnershipId: string; createdBy: string | null }): Promise<AgreementRow> {
  const [row] = await tx.insert(sharingAgreements).values(values).returning();
  return row!;
}

/** Null when the agreement is no longer at `version`. A new review date is told of again. */
export async function updateAgreement(tx: Tx, id: string, version: number, values: AgreementValues, reviewMoved: boolean): Promise<AgreementRow | null> {
  const [row] = await tx.update(sharingAgreements)
    .set({ ...values, ...(reviewMoved ? { remindedAt: null } : {}), version: sql`${sharingAgreements.version} + 1`, updatedAt: new Date() })
    .where(and(eq(sharingAgreements.id, id), eq(sharingAgreements.version, version)))
    .returning();
  return row ?? null;
}

export async function replaceParties(tx: Tx, agreementId: string, parties: PartyValues[]): Promise<void> {
  await tx.delete(sharingAgreementParties).where(eq(sharingAgreementParties.agreementId, agreementId));
  if (parties.length > 0) await tx.insert(sharingAgreementParties).values(parties.map((p) => ({ ...p, agreementId })));
}

/** An agreement of the partnership a lawful basis may name: not ended. */
export async function liveAgreement(tx: Tx, partnershipId: string, id: string): Promise<{ id: string; title: string } | null> {
  const [row] = await tx.select({ id: sharingAgreements.id, title: sharingAgreements.title }).from(sharingAgreements)
    .where(and(eq(sharingAgreements.id, id), eq(sharingAgreements.partnershipId, partnershipId), ne(sharingAgreements.status, 'ended')));
  return row ?? null;
}

export type DueAgreement = { id: string; partnership_id: string; review_on: string };

/**
 * Marks up to `limit` live agreements whose review date is within their partnership's reminder
 * days as told of, and returns them; a concurrent sweep skips those already taken.
 */
export async function claimDueAgreements(tx: Tx, today: string, limit: number): Promise<DueAgreement[]> {
  const { rows } = await tx.execute<DueAgreement>(sql`
    update ${sharingAgreements} a set reminded_at = now()
     where a.id in (
       select due.id from ${sharingAgreements} due
         left join data_protection_settings s on s.partnership_id = due.partnership_id
        where due.status <> 'ended' and due.reminded_at is null
          and due.review_on <= ${today}::date + 90
          and due.review_on <= ${today}::date + coalesce(s.review_reminder_days, ${dataProtectionDefaults.reviewReminderDays})
        order by due.review_on
        limit ${limit}
          for update of due skip locked)
    returning a.id, a.partnership_id, a.review_on::text`);
  return rows;
}

/** The partnership's system administrators, who keep its agreements. */
export async function keepersOf(tx: Tx, partnershipId: string): Promise<string[]> {
  const { rows } = await tx.execute<{ id: string }>(sql`
    select u.id from users u join teams t on t.id = u.team_id join organisations o on o.id = t.organisation_id
     where o.partnership_id = ${partnershipId} and u.role = 'system_admin' and u.disabled_at is null`);
  return rows.map((r) => r.id);
}

/** The signed document, replacing any earlier one; the agreement's version moves on. */
export async function setDocument(tx: Tx, id: string, storedFileId: string, name: string): Promise<AgreementRow> {
  const [row] = await tx.update(sharingAgreements)
    .set({ documentFileId: storedFileId, documentName: name, version: sql`${sharingAgreements.version} + 1`, updatedAt: new Date() })
    .where(eq(sharingAgreements.id, id))
    .returning();
  return row!;
}

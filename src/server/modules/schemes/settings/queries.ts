import { and, eq, sql } from 'drizzle-orm';
import { cardholders, organisations, referralForms, schemeApplications, schemes, teams } from '../../../db/schema/index.ts';
import type { Tx } from '../../../db/transaction.ts';

const counted = (status: string) => sql<number>`(select count(*)::int from ${cardholders} h where h.scheme_id = ${schemes.id} and h.status = ${status})`;

/** The partnership's schemes with their team, application form and how many holders and open applications each has. */
export async function schemesOf(tx: Tx, partnershipId: string) {
  return tx.select({
    id: schemes.id,
    key: schemes.key,
    name: schemes.name,
    partnershipId: schemes.partnershipId,
    teamId: schemes.teamId,
    teamName: teams.name,
    organisationId: teams.organisationId,
    reviewMonths: schemes.reviewMonths,
    removalMonths: schemes.removalMonths,
    cardValidMonths: schemes.cardValidMonths,
    applicationFormId: schemes.applicationFormId,
    formName: referralForms.name,
    formSlug: referralForms.slug,
    version: schemes.version,
    active: counted('active'),
    reviewDue: counted('review_due'),
    applications: sql<number>`(select count(*)::int from ${schemeApplications} a where a.scheme_id = ${schemes.id} and a.status in ('checks', 'approved'))`,
  })
    .from(schemes)
    .innerJoin(teams, eq(teams.id, schemes.teamId))
    .leftJoin(referralForms, eq(referralForms.id, schemes.applicationFormId))
    .where(eq(schemes.partnershipId, partnershipId))
    .orderBy(schemes.name);
}
export type SchemeRow = Awaited<ReturnType<typeof schemesOf>>[number];

export async function teamOf(tx: Tx, partnershipId: string, teamId: string) {
  const [row] = await tx.select({ id: teams.id }).from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(and(eq(teams.id, teamId), eq(organisations.partnershipId, partnershipId)));
  return row ?? null;
}

export async function formOf(tx: Tx, partnershipId: string, formId: string) {
  const [row] = await tx.select({ id: referralForms.id, teamId: referralForms.teamId, purpose: referralForms.purpose }).from(referralForms)
    .where(and(eq(referralForms.id, formId), eq(referralForms.partnershipId, partnershipId)));
  return row ?? null;
}

export async function updateScheme(tx: Tx, id: string, version: number, values: Partial<typeof schemes.$inferInsert>): Promise<boolean> {
  const rows = await tx.update(schemes)
    .set({ ...values, version: sql`${schemes.version} + 1`, updatedAt: new Date() })
    .where(and(eq(schemes.id, id), eq(schemes.version, version)))
    .returning({ id: schemes.id });
  return rows.length > 0;
}

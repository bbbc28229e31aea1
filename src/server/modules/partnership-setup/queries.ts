import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  caseTypeSharing, lookups, organisations, partnerships, partnershipSetups, sharingAgreementParties, sharingAgreements, teams, users,
} from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { SetupStep } from '../../../shared/api/setup.ts';

export type SetupRow = typeof partnershipSetups.$inferSelect & { partnershipName: string; templateName: string | null };

const template = sql`(select p.name from partnerships p where p.id = ${partnershipSetups.templatePartnershipId})`;

export async function insertSetup(tx: Tx, values: { partnershipId: string; startedBy: string | null }) {
  await tx.insert(partnershipSetups).values({ ...values, stepsDone: ['partnership'] });
}

export async function getSetup(tx: Tx, partnershipId: string, lock = false): Promise<SetupRow | null> {
  const query = tx
    .select({ setup: partnershipSetups, partnershipName: partnerships.name, templateName: sql<string | null>`${template}` })
    .from(partnershipSetups)
    .innerJoin(partnerships, eq(partnerships.id, partnershipSetups.partnershipId))
    .where(eq(partnershipSetups.partnershipId, partnershipId));
  // Two people submitting steps of one setup at once take turns, so neither loses the other's step.
  const [row] = lock ? await query.for('update', { of: partnershipSetups }) : await query;
  return row ? { ...row.setup, partnershipName: row.partnershipName, templateName: row.templateName } : null;
}

export async function listSetups(tx: Tx) {
  return tx
    .select({ setup: partnershipSetups, partnershipName: partnerships.name })
    .from(partnershipSetups)
    .innerJoin(partnerships, eq(partnerships.id, partnershipSetups.partnershipId))
    .orderBy(desc(partnershipSetups.updatedAt))
    .limit(100);
}

export async function markStep(tx: Tx, partnershipId: string, step: SetupStep, templatePartnershipId?: string) {
  await tx.update(partnershipSetups).set({
    stepsDone: sql`(select array_agg(distinct s) from unnest(array_append(${partnershipSetups.stepsDone}, ${step})) s)`,
    ...(templatePartnershipId ? { templatePartnershipId } : {}),
    version: sql`${partnershipSetups.version} + 1`,
    updatedAt: new Date(),
  }).where(eq(partnershipSetups.partnershipId, partnershipId));
}

/**
 * Gives the new partnership the template's values of every list (its own additions, names, codes
 * and order, and which it has retired) over the defaults the new partnership was made with.
 * Keys are the lists' stable names, so a value the two share is the same value.
 */
export async function copyLookups(tx: Tx, fromPartnershipId: string, toPartnershipId: string): Promise<number> {
  const result = await tx.execute(sql`
    insert into ${lookups} (id, partnership_id, list, key, name, group_name, code, position, active)
    select uuid_generate_v4(), ${toPartnershipId}, l.list, l.key, l.name, l.group_name, l.code, l.position, l.active
      from ${lookups} l
     where l.partnership_id = ${fromPartnershipId}
    on conflict (partnership_id, list, key) do update
       set name = excluded.name, group_name = excluded.group_name, code = excluded.code, position = excluded.position,
           active = excluded.active, version = ${lookups}.version + 1, updated_at = now()`);
  return result.rowCount ?? 0;
}

export async function partnershipName(tx: Tx, id: string): Promise<string | null> {
  const [row] = await tx.select({ name: partnerships.name }).from(partnerships).where(eq(partnerships.id, id));
  return row?.name ?? null;
}

export async function structureOf(tx: Tx, partnershipId: string) {
  const orgs = await tx.select({ id: organisations.id, name: organisations.name, kind: organisations.kind }).from(organisations)
    .where(eq(organisations.partnershipId, partnershipId)).orderBy(asc(organisations.createdAt), asc(organisations.id));
  const orgIds = orgs.map((o) => o.id);
  const teamRows = orgIds.length === 0 ? [] : await tx.select({ id: teams.id, name: teams.name, organisationId: teams.organisationId }).from(teams)
    .where(inArray(teams.organisationId, orgIds)).orderBy(asc(teams.createdAt), asc(teams.id));
  const teamIds = teamRows.map((t) => t.id);
  const admins = teamIds.length === 0 ? [] : await tx
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, teamId: users.teamId, accepted: sql<boolean>`${users.passwordHash} is not null` })
    .from(users)
    .where(and(inArray(users.teamId, teamIds), inArray(users.role, ['system_admin', 'organisation_admin', 'team_admin']), sql`${users.disabledAt} is null`))
    .orderBy(asc(users.name));
  return { organisations: orgs, teams: teamRows, admins };
}

export async function caseTypesOf(tx: Tx, partnershipId: string) {
  const types = await tx.select({ id: lookups.id, name: lookups.name }).from(lookups)
    .where(and(eq(lookups.partnershipId, partnershipId), eq(lookups.list, 'case_type'), eq(lookups.active, true)))
    .orderBy(asc(lookups.position), asc(lookups.name));
  const sharing = types.length === 0 ? [] : await tx
    .select({
      caseTypeId: caseTypeSharing.caseTypeId,
      level: caseTypeSharing.level,
      name: sql<string>`case when ${teams.name} is null then ${organisations.name} else ${organisations.name} || ' / ' || ${teams.name} end`,
    })
    .from(caseTypeSharing)
    .leftJoin(teams, eq(teams.id, caseTypeSharing.teamId))
    .innerJoin(organisations, eq(organisations.id, sql`coalesce(${caseTypeSharing.organisationId}, ${teams.organisationId})`))
    .where(inArray(caseTypeSharing.caseTypeId, types.map((t) => t.id)));
  return types.map((t) => ({ ...t, sharing: sharing.filter((s) => s.caseTypeId === t.id).map(({ name, level }) => ({ name, level })) }));
}

/** Accounts already using these emails (unique across partnerships), by email, with their team. */
export async function accountsWithEmails(tx: Tx, emails: string[]): Promise<Map<string, string>> {
  const wanted = emails.filter(Boolean);
  if (wanted.length === 0) return new Map();
  const rows = await tx.select({ email: users.email, teamId: users.teamId }).from(users).where(inArray(sql`lower(${users.email})`, wanted));
  return new Map(rows.map((r) => [r.email.toLowerCase(), r.teamId]));
}

export async function lookupCount(tx: Tx, partnershipId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(lookups).where(eq(lookups.partnershipId, partnershipId));
  return row?.n ?? 0;
}

/** The partnership's newest live agreement and its parties: the one the checklist asks to be signed. */
export async function agreementOf(tx: Tx, partnershipId: string) {
  const [agreement] = await tx.select({ id: sharingAgreements.id, title: sharingAgreements.title }).from(sharingAgreements)
    .where(and(eq(sharingAgreements.partnershipId, partnershipId), sql`${sharingAgreements.status} <> 'ended'`))
    .orderBy(desc(sharingAgreements.createdAt)).limit(1);
  if (!agreement) return null;
  const parties = await tx.select({ organisationId: sharingAgreementParties.organisationId, signedOn: sharingAgreementParties.signedOn })
    .from(sharingAgreementParties).where(eq(sharingAgreementParties.agreementId, agreement.id));
  return { ...agreement, parties };
}

import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { dataProtectionDefaults, type LawfulBasisEndReason } from '../../../../shared/data-protection.ts';
import { organisations, profileLawfulBases, sharingAgreements, users } from '../../../db/schema/index.ts';
import type { Tx } from '../../../db/transaction.ts';

export type BasisRow = typeof profileLawfulBases.$inferSelect;
export type BasisValues = Omit<typeof profileLawfulBases.$inferInsert, 'id' | 'recordedAt' | 'endedAt' | 'endedBy' | 'endReason' | 'remindedAt'>;

const recorder = alias(users, 'recorder');
const ender = alias(users, 'ender');

/** Every basis recorded for the person, by any organisation, with the names the screen shows; current ones first, then newest. */
export async function listForProfile(tx: Tx, profileId: string) {
  return tx
    .select({
      basis: profileLawfulBases,
      organisationName: organisations.name,
      agreementTitle: sharingAgreements.title,
      recordedByName: recorder.name,
      endedByName: ender.name,
    })
    .from(profileLawfulBases)
    .innerJoin(organisations, eq(organisations.id, profileLawfulBases.organisationId))
    .leftJoin(sharingAgreements, eq(sharingAgreements.id, profileLawfulBases.agreementId))
    .leftJoin(recorder, eq(recorder.id, profileLawfulBases.recordedBy))
    .leftJoin(ender, eq(ender.id, profileLawfulBases.endedBy))
    .where(eq(profileLawfulBases.profileId, profileId))
    .orderBy(sql`${profileLawfulBases.endedAt} is not null`, desc(sql`coalesce(${profileLawfulBases.endedAt}, ${profileLawfulBases.recordedAt})`), organisations.name);
}
export type ListedBasis = Awaited<ReturnType<typeof listForProfile>>[number];

export async function getBasis(tx: Tx, id: string): Promise<BasisRow | null> {
  const [row] = await tx.select().from(profileLawfulBases).where(eq(profileLawfulBases.id, id));
  return row ?? null;
}

/** The organisation's current basis for the person, locked so that two recording at once supersede in turn. */
export async function lockCurrent(tx: Tx, profileId: string, organisationId: string): Promise<BasisRow | null> {
  const [row] = await tx.select().from(profileLawfulBases)
    .where(and(eq(profileLawfulBases.profileId, profileId), eq(profileLawfulBases.organisationId, organisationId), isNull(profileLawfulBases.endedAt)))
    .for('update');
  return row ?? null;
}

/** Null when it had already ended. */
export async function endBasis(tx: Tx, id: string, endedBy: string | null, reason: LawfulBasisEndReason): Promise<BasisRow | null> {
  const [row] = await tx.update(profileLawfulBases)
    .set({ endedAt: new Date(), endedBy, endReason: reason })
    .where(and(eq(profileLawfulBases.id, id), isNull(profileLawfulBases.endedAt)))
    .returning();
  return row ?? null;
}

export async function insertBasis(tx: Tx, values: BasisValues): Promise<BasisRow> {
  const [row] = await tx.insert(profileLawfulBases).values(values).returning();
  return row!;
}

export type DueBasis = {
  id: string;
  partnership_id: string;
  profile_id: string;
  organisation_id: string;
  owner_team_id: string;
  owner_organisation_id: string;
  review_on: string;
};

/**
 * Marks up to `limit` current bases whose review date is within their partnership's reminder days
 * as told of, and returns them with the person's owner; a concurrent sweep skips those taken.
 */
export async function claimDueBases(tx: Tx, today: string, limit: number): Promise<DueBasis[]> {
  const { rows } = await tx.execute<DueBasis>(sql`
    with claimed as (
      update ${profileLawfulBases} b set reminded_at = now()
       where b.id in (
         select due.id from ${profileLawfulBases} due
           left join data_protection_settings s on s.partnership_id = due.partnership_id
          where due.ended_at is null and due.reminded_at is null
            and due.review_on <= ${today}::date + 90
            and due.review_on <= ${today}::date + coalesce(s.review_reminder_days, ${dataProtectionDefaults.reviewReminderDays})
          order by due.review_on
          limit ${limit}
            for update of due skip locked)
      returning b.id, b.partnership_id, b.profile_id, b.organisation_id, b.review_on)
    select claimed.id, claimed.partnership_id, claimed.profile_id, claimed.organisation_id, claimed.review_on::text,
           p.owner_team_id, owner_team.organisation_id as owner_organisation_id
      from claimed
      join profiles p on p.id = claimed.profile_id
      join teams owner_team on owner_team.id = p.owner_team_id`);
  return rows;
}

/**
 * Who answers for the organisation's basis: whoever recorded it while they are still an active
 * member of that organisation, otherwise its organisation administrators.
 */
export async function keepersOf(tx: Tx, basisId: string): Promise<string[]> {
  const { rows } = await tx.execute<{ id: string }>(sql`
    with b as (select recorded_by, organisation_id from ${profileLawfulBases} where id = ${basisId}),
    recorder as (
      select u.id from users u join teams t on t.id = u.team_id, b
       where u.id = b.recorded_by and t.organisation_id = b.organisation_id and u.disabled_at is null)
    select id from recorder
    union all
    select u.id from users u join teams t on t.id = u.team_id, b
     where t.organisation_id = b.organisation_id and u.role = 'organisation_admin' and u.disabled_at is null
       and not exists (select 1 from recorder)`);
  return rows.map((r) => r.id);
}

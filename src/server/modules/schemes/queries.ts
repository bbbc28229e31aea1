import { and, asc, count, desc, eq, gt, ilike, inArray, isNull, max, or, sql, type SQL } from 'drizzle-orm';
import type { SchemeKey } from '../../../shared/schemes.ts';
import {
  cardholders, organisations, profileNames, profiles, schemeCards, schemeLookups, schemes, storedFiles, teams, users,
} from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';

export async function schemeByKey(tx: Tx, partnershipId: string, key: SchemeKey) {
  const [row] = await tx
    .select({
      id: schemes.id, partnershipId: schemes.partnershipId, name: schemes.name, teamId: schemes.teamId, organisationId: teams.organisationId,
      reviewMonths: schemes.reviewMonths, removalMonths: schemes.removalMonths, cardValidMonths: schemes.cardValidMonths,
      key: schemes.key, applicationFormId: schemes.applicationFormId, version: schemes.version,
    })
    .from(schemes)
    .innerJoin(teams, eq(teams.id, schemes.teamId))
    .where(and(eq(schemes.partnershipId, partnershipId), eq(schemes.key, key)));
  return row ?? null;
}
export type Scheme = NonNullable<Awaited<ReturnType<typeof schemeByKey>>>;

/** A person of the partnership who has not been merged into another. */
export async function livePerson(tx: Tx, partnershipId: string, profileId: string) {
  const [row] = await tx
    .select({ id: profiles.id, dateOfBirth: profiles.dateOfBirth })
    .from(profiles)
    .where(and(eq(profiles.id, profileId), eq(profiles.partnershipId, partnershipId), isNull(profiles.mergedIntoId)));
  return row ?? null;
}

/** A member of staff of the partnership, still able to sign in. */
export async function staffMember(tx: Tx, partnershipId: string, userId: string) {
  const [row] = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(and(eq(users.id, userId), eq(organisations.partnershipId, partnershipId), isNull(users.disabledAt)));
  return row ?? null;
}

/** The person is a Keep Safe cardholder on their profile from now on (what anyone who may open it sees of the scheme). */
export async function markCardholderRole(tx: Tx, profileId: string): Promise<void> {
  await tx.update(profiles)
    .set({ roles: sql`array_append(${profiles.roles}, 'cardholder')`, version: sql`${profiles.version} + 1`, updatedAt: new Date() })
    .where(and(eq(profiles.id, profileId), sql`not ('cardholder' = any(${profiles.roles}))`));
}

/** Where the profile's photo (its square thumbnail) is stored, if it has one. */
export async function profilePhotoKey(tx: Tx, profileId: string): Promise<string | null> {
  const [row] = await tx.select({ key: storedFiles.storageKey }).from(profiles)
    .innerJoin(storedFiles, eq(storedFiles.id, profiles.thumbnailFileId))
    .where(eq(profiles.id, profileId));
  return row?.key ?? null;
}

export async function cardNumberUsed(tx: Tx, schemeId: string, cardNumber: string): Promise<boolean> {
  const [row] = await tx.select({ id: schemeCards.id }).from(schemeCards)
    .where(and(eq(schemeCards.schemeId, schemeId), eq(schemeCards.cardNumber, cardNumber))).limit(1);
  return !!row;
}

export async function holderOfProfile(tx: Tx, schemeId: string, profileId: string) {
  const [row] = await tx.select({ id: cardholders.id }).from(cardholders)
    .where(and(eq(cardholders.schemeId, schemeId), eq(cardholders.profileId, profileId)));
  return row ?? null;
}

export async function insertCardholder(tx: Tx, values: typeof cardholders.$inferInsert) {
  const [row] = await tx.insert(cardholders).values(values).returning({ id: cardholders.id });
  return row!;
}

export async function insertCard(tx: Tx, values: typeof schemeCards.$inferInsert) {
  const [row] = await tx.insert(schemeCards).values(values).returning({ id: schemeCards.id, cardNumber: schemeCards.cardNumber });
  return row!;
}

/** The card a holder carries now: the active one, else the newest. */
const currentCard = (holderId: SQL | typeof cardholders.id) => sql`(select c.id from scheme_cards c where c.cardholder_id = ${holderId}
  order by (c.status = 'active') desc, c.created_at desc limit 1)`;

const rowColumns = {
  id: cardholders.id,
  status: cardholders.status,
  reviewDueOn: cardholders.reviewDueOn,
  profileId: profiles.id,
  firstName: profiles.firstName,
  lastName: profiles.lastName,
  dateOfBirth: profiles.dateOfBirth,
  card: schemeCards,
};

/** The register, by surname, first name and id; `q` matches part of a name or the start of a card number. */
export async function listCardholders(
  tx: Tx,
  schemeId: string,
  filter: { status?: string | undefined; q?: string | undefined; cardNumber?: string | null },
  after: [string, string, string] | null,
  limit: number,
) {
  const conditions: (SQL | undefined)[] = [eq(cardholders.schemeId, schemeId)];
  if (filter.status) conditions.push(eq(cardholders.status, filter.status as typeof cardholders.status._.data));
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(
      ilike(sql`${profiles.firstName} || ' ' || ${profiles.lastName}`, like),
      filter.cardNumber ? sql`exists (select 1 from scheme_cards n where n.cardholder_id = ${cardholders.id} and n.card_number = ${filter.cardNumber})` : undefined,
    ));
  }
  if (after) {
    conditions.push(sql`(${profiles.lastName}, ${profiles.firstName}, ${cardholders.id}) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)`);
  }
  return tx
    .select(rowColumns)
    .from(cardholders)
    .innerJoin(profiles, eq(profiles.id, cardholders.profileId))
    .leftJoin(schemeCards, eq(schemeCards.id, currentCard(cardholders.id)))
    .where(and(...conditions))
    .orderBy(asc(profiles.lastName), asc(profiles.firstName), asc(cardholders.id))
    .limit(limit);
}
export type CardholderListRow = Awaited<ReturnType<typeof listCardholders>>[number];

export async function getCardholder(tx: Tx, schemeId: string, id: string) {
  const [row] = await tx
    .select({ ...rowColumns, holder: cardholders, keyworkerName: users.name })
    .from(cardholders)
    .innerJoin(profiles, eq(profiles.id, cardholders.profileId))
    .leftJoin(schemeCards, eq(schemeCards.id, currentCard(cardholders.id)))
    .leftJoin(users, eq(users.id, cardholders.keyworkerId))
    .where(and(eq(cardholders.schemeId, schemeId), eq(cardholders.id, id)));
  return row ?? null;
}
export type CardholderRowFull = NonNullable<Awaited<ReturnType<typeof getCardholder>>>;

export async function lookupCounts(tx: Tx, cardholderId: string) {
  const [row] = await tx.select({ count: count(), last: max(schemeLookups.at) }).from(schemeLookups).where(eq(schemeLookups.cardholderId, cardholderId));
  return { count: row?.count ?? 0, last: row?.last ?? null };
}

/** False when the holder is no longer at `version`. */
export async function updateCardholder(tx: Tx, id: string, version: number, values: Partial<typeof cardholders.$inferInsert>): Promise<boolean> {
  const rows = await tx.update(cardholders)
    .set({ ...values, version: sql`${cardholders.version} + 1`, updatedAt: new Date() })
    .where(and(eq(cardholders.id, id), eq(cardholders.version, version)))
    .returning({ id: cardholders.id });
  return rows.length > 0;
}

export async function setCardStatus(tx: Tx, cardholderId: string, from: 'active', to: 'replaced' | 'withdrawn') {
  await tx.update(schemeCards).set({ status: to }).where(and(eq(schemeCards.cardholderId, cardholderId), eq(schemeCards.status, from)));
}

export async function markPrinted(tx: Tx, cardId: string) {
  await tx.update(schemeCards).set({ printedAt: new Date() }).where(eq(schemeCards.id, cardId));
}

// ── The emergency look-up ────────────────────────────────────────────────────────────────────

const answerColumns = {
  cardholderId: cardholders.id,
  profileId: cardholders.profileId,
  status: cardholders.status,
  firstName: profiles.firstName,
  condition: cardholders.condition,
  communication: cardholders.communication,
  medicationNotes: cardholders.medicationNotes,
  carers: cardholders.carers,
  emergencyContacts: cardholders.emergencyContacts,
  usesDisabilityContactLine: cardholders.usesDisabilityContactLine,
  keyworkerId: cardholders.keyworkerId,
  cardId: schemeCards.id,
  cardNumber: schemeCards.cardNumber,
  cardStatus: schemeCards.status,
  cardExpiresOn: schemeCards.expiresOn,
};

const answered = inArray(cardholders.status, ['active', 'review_due']);

/** The holder of a card, active or replaced, while they are on the register; the active card of a renewed number first. */
export async function holderByCard(tx: Tx, schemeId: string, cardNumber: string) {
  const [row] = await tx
    .select(answerColumns)
    .from(schemeCards)
    .innerJoin(cardholders, eq(cardholders.id, schemeCards.cardholderId))
    .innerJoin(profiles, eq(profiles.id, cardholders.profileId))
    .where(and(eq(schemeCards.schemeId, schemeId), eq(schemeCards.cardNumber, cardNumber), inArray(schemeCards.status, ['active', 'replaced']), answered))
    .orderBy(sql`${schemeCards.status} = 'active' desc`, desc(schemeCards.createdAt))
    .limit(1);
  return row ?? null;
}

/** Holders on the register with exactly this name and date of birth (at most two: one is an answer, two are too many). */
export async function holdersByName(tx: Tx, schemeId: string, partnershipId: string, name: { firstName: string; lastName: string; dateOfBirth: string }) {
  const searchName = sql`lower(unaccent(${name.firstName}::text || ' ' || ${name.lastName}::text))`;
  return tx
    .select(answerColumns)
    .from(cardholders)
    .innerJoin(profiles, eq(profiles.id, cardholders.profileId))
    .leftJoin(schemeCards, eq(schemeCards.id, currentCard(cardholders.id)))
    .where(and(
      eq(cardholders.schemeId, schemeId),
      answered,
      // The partnership with the date of birth is an index range of a few people; the name is checked on each.
      eq(profiles.partnershipId, partnershipId),
      eq(profiles.dateOfBirth, name.dateOfBirth),
      sql`exists (select 1 from ${profileNames} pn where pn.profile_id = ${cardholders.profileId} and pn.partnership_id = ${partnershipId} and pn.search_name = ${searchName})`,
    ))
    .limit(2);
}
export type Answer = NonNullable<Awaited<ReturnType<typeof holderByCard>>>;

/** How many look-ups the person made since `since`: the rate limit. */
export async function lookupsSince(tx: Tx, userId: string, since: Date): Promise<number> {
  const [row] = await tx.select({ count: count() }).from(schemeLookups).where(and(eq(schemeLookups.userId, userId), gt(schemeLookups.at, since)));
  return row?.count ?? 0;
}

export async function insertLookup(tx: Tx, values: typeof schemeLookups.$inferInsert) {
  const [row] = await tx.insert(schemeLookups).values(values).returning({ id: schemeLookups.id });
  return row!;
}

export async function organisationName(tx: Tx, organisationId: string): Promise<string> {
  const [row] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
  return row?.name ?? 'another organisation';
}

/** The scheme's look-ups, newest first. */
export async function listLookups(tx: Tx, schemeId: string, filter: { cardholderId?: string | undefined }, before: string | null, limit: number) {
  const conditions: (SQL | undefined)[] = [eq(schemeLookups.schemeId, schemeId)];
  if (filter.cardholderId) conditions.push(eq(schemeLookups.cardholderId, filter.cardholderId));
  if (before) conditions.push(sql`${schemeLookups.id} < ${before}::uuid`);
  return tx
    .select({
      lookup: schemeLookups,
      userName: users.name,
      teamName: teams.name,
      organisationName: organisations.name,
      firstName: profiles.firstName,
      lastName: profiles.lastName,
    })
    .from(schemeLookups)
    .innerJoin(users, eq(users.id, schemeLookups.userId))
    .innerJoin(teams, eq(teams.id, schemeLookups.teamId))
    .innerJoin(organisations, eq(organisations.id, schemeLookups.organisationId))
    .leftJoin(cardholders, eq(cardholders.id, schemeLookups.cardholderId))
    .leftJoin(profiles, eq(profiles.id, cardholders.profileId))
    .where(and(...conditions))
    .orderBy(desc(schemeLookups.id))
    .limit(limit);
}

// ── The review sweep ─────────────────────────────────────────────────────────────────────────

/** Active holders whose review date has come, each with its scheme's team, claimed in a batch. */
export async function claimReviewsDue(tx: Tx, today: string, batch: number) {
  return tx
    .update(cardholders)
    .set({ status: 'review_due', updatedAt: new Date(), version: sql`${cardholders.version} + 1` })
    .where(inArray(cardholders.id, sql`(select id from cardholders where status = 'active' and review_due_on <= ${today}
      order by review_due_on limit ${batch} for update skip locked)`))
    .returning({ id: cardholders.id, schemeId: cardholders.schemeId, reviewDueOn: cardholders.reviewDueOn });
}

/** Holders still unconfirmed `removalMonths` after their review date: off the register, their card withdrawn. */
export async function claimRemovals(tx: Tx, today: string, batch: number) {
  return tx
    .update(cardholders)
    .set({ status: 'removed', removalReason: 'review_unconfirmed', leftOn: today, updatedAt: new Date(), version: sql`${cardholders.version} + 1` })
    .where(inArray(cardholders.id, sql`(select h.id from cardholders h join schemes s on s.id = h.scheme_id
      where h.status = 'review_due' and h.review_due_on + make_interval(months => s.removal_months) <= ${today}::date
      order by h.review_due_on limit ${batch} for update of h skip locked)`))
    .returning({ id: cardholders.id, schemeId: cardholders.schemeId });
}

/** Active cards past their expiry date, now `expired`, in a batch; a holder's next card is a renewal. */
export async function claimExpiredCards(tx: Tx, today: string, batch: number) {
  return tx
    .update(schemeCards)
    .set({ status: 'expired' })
    .where(inArray(schemeCards.id, sql`(select id from scheme_cards where status = 'active' and expires_on < ${today}::date
      limit ${batch} for update skip locked)`))
    .returning({ id: schemeCards.id, cardholderId: schemeCards.cardholderId, schemeId: schemeCards.schemeId });
}

export async function withdrawCards(tx: Tx, cardholderIds: string[]) {
  if (cardholderIds.length === 0) return;
  await tx.update(schemeCards).set({ status: 'withdrawn' }).where(and(inArray(schemeCards.cardholderId, cardholderIds), eq(schemeCards.status, 'active')));
}

/** Each scheme's team, a row per member (to tell of reviews due; its administrators, of removals), or one without a member. */
export async function schemeTeams(tx: Tx, schemeIds: string[]) {
  if (schemeIds.length === 0) return [];
  return tx
    .select({ schemeId: schemes.id, teamId: schemes.teamId, organisationId: teams.organisationId, userId: users.id, role: users.role })
    .from(schemes)
    .innerJoin(teams, eq(teams.id, schemes.teamId))
    .leftJoin(users, and(eq(users.teamId, schemes.teamId), isNull(users.disabledAt)))
    .where(inArray(schemes.id, schemeIds));
}

import type { z } from 'zod';
import type {
  Cardholder, CardholderPage, CardholderPatch, CardholderRow, CreateCardholderBody, SchemeContact, cardholderListQuery, newCardBody, withdrawBody,
} from '../../../shared/api/schemes.ts';
import { addMonths } from '../../../shared/data-protection.ts';
import {
  newCardNumber, normaliseCardNumber, printedCardNumber, schemeDefaults, type ReissueReason, type SchemeKey,
} from '../../../shared/schemes.ts';
import { isSchemeAdmin, readsScheme, worksScheme } from '../../platform/access/schemes.ts';
import { diff } from '../../platform/audit/diff.ts';
import type { Context } from '../../platform/context.ts';
import { decodeCheckedCursor, encodeCursor, isUuid } from '../../platform/cursor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, staleVersion } from '../../platform/errors.ts';
import { londonToday } from '../../platform/london.ts';
import * as q from './queries.ts';

const notStaff = () => new ForbiddenError('Only the scheme\'s staff and administrators may do that.', 'not_scheme_staff');

/** The scheme of the actor's partnership; another partnership's is not there. */
export async function loadScheme(ctx: Context, key: SchemeKey): Promise<q.Scheme> {
  const scheme = await q.schemeByKey(ctx.tx, ctx.actor.partnershipId, key);
  if (!scheme) throw new NotFoundError('scheme');
  return scheme;
}

export async function schemeFor(ctx: Context, key: SchemeKey, may: (actor: Context['actor'], scheme: q.Scheme) => boolean): Promise<q.Scheme> {
  const scheme = await loadScheme(ctx, key);
  if (!may(ctx.actor, scheme)) throw notStaff();
  return scheme;
}

/** A member of staff of the scheme's partnership who may still sign in: a keyworker. */
export const isStaffMember = async (ctx: Context, scheme: q.Scheme, userId: string) => !!(await q.staffMember(ctx.tx, scheme.partnershipId, userId));

export const schemeSubject = (scheme: q.Scheme) => ({ subjectOrganisationId: scheme.organisationId, subjectTeamId: scheme.teamId });
const holderSubject = (scheme: q.Scheme, id: string) => ({ entityType: 'cardholder' as const, entityId: id, ...schemeSubject(scheme) });

export const contactsOf = (list: { name: string; relationship?: string | null | undefined; phone: string }[]): SchemeContact[] =>
  list.map((c) => ({ name: c.name, relationship: c.relationship || null, phone: c.phone }));

/** Whole years between a date of birth and a day. */
export function ageOn(dateOfBirth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return day.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

async function freshCardNumber(ctx: Context, schemeId: string): Promise<string> {
  // Thirty-two to the seventh numbers: a clash is rare, and the next try almost surely free.
  for (;;) {
    const candidate = newCardNumber(Math.random);
    if (!(await q.cardNumberUsed(ctx.tx, schemeId, candidate))) return candidate;
  }
}

/**
 * Puts a person on the register with a card: a new number, or the number of the paper card they
 * already carry. An under-16 needs a parent's or guardian's consent first.
 */
export async function registerCardholder(ctx: Context, key: SchemeKey, body: CreateCardholderBody): Promise<{ id: string; cardNumber: string }> {
  return putOnRegister(ctx, await schemeFor(ctx, key, isSchemeAdmin), body, null);
}

/** The register's own check of a holder's details, for an application about to be approved as for the register's POST. */
export function underAgeWithoutConsent(dateOfBirth: string | null, parentalConsent: unknown): boolean {
  return !!dateOfBirth && ageOn(dateOfBirth, londonToday()) < schemeDefaults.parentalConsentUnder && !parentalConsent;
}

/**
 * The person joins the register with their first card; they are marked a Keep Safe cardholder
 * on their profile, so everyone who may open it sees that much (and no more).
 */
export async function putOnRegister(
  ctx: Context,
  scheme: q.Scheme,
  body: CreateCardholderBody,
  fromApplication: string | null,
): Promise<{ id: string; cardNumber: string; cardId: string }> {
  const person = await q.livePerson(ctx.tx, scheme.partnershipId, body.profileId);
  const today = londonToday();
  const problems: { field: string; problem: string }[] = [];
  if (!person) problems.push({ field: 'profileId', problem: 'is not a person on the partnership\'s record' });
  if (person && underAgeWithoutConsent(person.dateOfBirth, body.parentalConsent)) {
    problems.push({ field: 'parentalConsent', problem: `is needed for someone under ${schemeDefaults.parentalConsentUnder}` });
  }
  if (body.reviewDate && body.reviewDate <= today) problems.push({ field: 'reviewDate', problem: 'must be after today' });
  if (body.keyworkerId && !(await q.staffMember(ctx.tx, scheme.partnershipId, body.keyworkerId))) problems.push({ field: 'keyworkerId', problem: 'is not a member of staff' });
  const given = body.cardNumber === undefined ? null : normaliseCardNumber(body.cardNumber);
  if (body.cardNumber !== undefined && !given) problems.push({ field: 'cardNumber', problem: 'is not a Keep Safe card number' });
  if (problems.length > 0) throw new ValidationError(problems);
  if (await q.holderOfProfile(ctx.tx, scheme.id, body.profileId)) throw new ConflictError('This person is already on the register.', 'already_registered');
  if (given && (await q.cardNumberUsed(ctx.tx, scheme.id, given))) throw new ConflictError('That card number belongs to someone else.', 'card_number_taken');

  const holder = await q.insertCardholder(ctx.tx, {
    partnershipId: scheme.partnershipId,
    schemeId: scheme.id,
    profileId: body.profileId,
    condition: body.condition,
    communication: body.communication,
    medicationNotes: body.medicationNotes || null,
    carers: contactsOf(body.carers),
    emergencyContacts: contactsOf(body.emergencyContacts),
    usesDisabilityContactLine: body.usesDisabilityContactLine,
    showConditionOnCard: body.showConditionOnCard,
    parentalConsentBy: body.parentalConsent?.by ?? null,
    parentalConsentOn: body.parentalConsent?.on ?? null,
    keyworkerId: body.keyworkerId ?? null,
    joinedOn: today,
    reviewDueOn: body.reviewDate ?? addMonths(today, scheme.reviewMonths),
    createdBy: ctx.actor.id,
  });
  const card = await q.insertCard(ctx.tx, {
    schemeId: scheme.id,
    cardholderId: holder.id,
    cardNumber: given ?? await freshCardNumber(ctx, scheme.id),
    issuedOn: today,
    expiresOn: addMonths(today, scheme.cardValidMonths),
    issueReason: 'new',
    issuedBy: ctx.actor.id,
  });
  await q.markCardholderRole(ctx.tx, body.profileId);
  ctx.audit({
    action: 'cardholder.registered',
    ...holderSubject(scheme, holder.id),
    details: { record: { kind: 'profile', id: body.profileId }, cardId: card.id, ...(fromApplication ? { fromApplication } : {}) },
  });
  return { id: holder.id, cardNumber: card.cardNumber, cardId: card.id };
}

/**
 * A renewal application issued: the holder's details become the application's, their review is
 * confirmed from today, and a renewed card keeps their number (a holder who had left the register
 * is back on it).
 */
export async function renewFromApplication(
  ctx: Context,
  scheme: q.Scheme,
  holderId: string,
  details: Omit<CreateCardholderBody, 'profileId' | 'reviewDate' | 'cardNumber'>,
): Promise<{ id: string; cardNumber: string; cardId: string }> {
  const row = await loadHolder(ctx, scheme, holderId);
  const today = londonToday();
  const reviewDueOn = addMonths(today, scheme.reviewMonths);
  await q.updateCardholder(ctx.tx, holderId, row.holder.version, {
    status: 'active',
    condition: details.condition,
    communication: details.communication,
    medicationNotes: details.medicationNotes || null,
    carers: contactsOf(details.carers),
    emergencyContacts: contactsOf(details.emergencyContacts),
    usesDisabilityContactLine: details.usesDisabilityContactLine,
    showConditionOnCard: details.showConditionOnCard,
    parentalConsentBy: details.parentalConsent?.by ?? null,
    parentalConsentOn: details.parentalConsent?.on ?? null,
    ...(details.keyworkerId !== undefined ? { keyworkerId: details.keyworkerId ?? null } : {}),
    reviewConfirmedOn: today,
    reviewDueOn,
    leftOn: null,
    removalReason: null,
  });
  const number = row.card?.cardNumber ?? await freshCardNumber(ctx, scheme.id);
  await q.setCardStatus(ctx.tx, holderId, 'active', 'replaced');
  const card = await q.insertCard(ctx.tx, {
    schemeId: scheme.id, cardholderId: holderId, cardNumber: number, issuedOn: today, expiresOn: addMonths(today, scheme.cardValidMonths), issueReason: 'renewal', issuedBy: ctx.actor.id,
  });
  await q.markCardholderRole(ctx.tx, row.profileId);
  ctx.audit({ action: 'cardholder.card_issued', ...holderSubject(scheme, holderId), details: { cardId: card.id, issueReason: 'renewal' } });
  return { id: holderId, cardNumber: card.cardNumber, cardId: card.id };
}

function presentCard(card: q.CardholderListRow['card']): CardholderRow['card'] {
  if (!card) return null;
  return {
    id: card.id,
    number: card.cardNumber,
    printed: printedCardNumber(card.cardNumber),
    issuedOn: card.issuedOn,
    expiresOn: card.expiresOn,
    status: card.status,
    printedAt: card.printedAt?.toISOString() ?? null,
  };
}

function presentRow(row: q.CardholderListRow): CardholderRow {
  return {
    id: row.id,
    profile: { id: row.profileId, firstName: row.firstName, lastName: row.lastName, dateOfBirth: row.dateOfBirth },
    status: row.status,
    card: presentCard(row.card),
    reviewDueOn: row.reviewDueOn,
  };
}

/**
 * The register, to its staff and administrators: each holder's name and date of birth (the stub
 * everyone in the partnership may see), status, card and review date.
 */
export async function listCardholders(ctx: Context, key: SchemeKey, query: z.infer<typeof cardholderListQuery>): Promise<CardholderPage> {
  const scheme = await schemeFor(ctx, key, readsScheme);
  const after = decodeCheckedCursor<[string, string, string]>(query.cursor, (v): v is string => typeof v === 'string', (v): v is string => typeof v === 'string', isUuid);
  const cardNumber = query.q ? normaliseCardNumber(query.q) : null;
  const rows = await q.listCardholders(ctx.tx, scheme.id, { status: query.status, q: query.q, cardNumber }, after, query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  ctx.audit({ action: 'cardholders.listed', entityType: 'scheme', entityId: scheme.id, ...schemeSubject(scheme), details: { count: items.length } });
  return {
    items: items.map(presentRow),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.lastName, last.firstName, last.id]) : null,
  };
}

async function presentHolder(ctx: Context, scheme: q.Scheme, row: q.CardholderRowFull): Promise<Cardholder> {
  const h = row.holder;
  const lookups = await q.lookupCounts(ctx.tx, h.id);
  return {
    ...presentRow(row),
    condition: h.condition,
    communication: h.communication,
    medicationNotes: h.medicationNotes,
    carers: h.carers.map((c) => ({ name: c.name, relationship: c.relationship ?? null, phone: c.phone })),
    emergencyContacts: h.emergencyContacts.map((c) => ({ name: c.name, relationship: c.relationship ?? null, phone: c.phone })),
    usesDisabilityContactLine: h.usesDisabilityContactLine,
    showConditionOnCard: h.showConditionOnCard,
    parentalConsent: h.parentalConsentBy && h.parentalConsentOn ? { by: h.parentalConsentBy, on: h.parentalConsentOn } : null,
    keyworker: h.keyworkerId && row.keyworkerName ? { id: h.keyworkerId, name: row.keyworkerName } : null,
    joinedOn: h.joinedOn,
    reviewConfirmedOn: h.reviewConfirmedOn,
    leftOn: h.leftOn,
    removalReason: h.removalReason,
    lookups: { count: lookups.count, last: lookups.last?.toISOString() ?? null },
    permissions: { canEdit: worksScheme(ctx.actor, scheme), canApprove: isSchemeAdmin(ctx.actor, scheme) },
    version: h.version,
  };
}

async function loadHolder(ctx: Context, scheme: q.Scheme, id: string): Promise<q.CardholderRowFull> {
  const row = await q.getCardholder(ctx.tx, scheme.id, id);
  if (!row) throw new NotFoundError('cardholder');
  return row;
}

async function reread(ctx: Context, scheme: q.Scheme, id: string): Promise<Cardholder> {
  return presentHolder(ctx, scheme, await loadHolder(ctx, scheme, id));
}

export async function getCardholder(ctx: Context, key: SchemeKey, id: string): Promise<Cardholder> {
  const scheme = await schemeFor(ctx, key, readsScheme);
  const row = await loadHolder(ctx, scheme, id);
  ctx.audit({ action: 'cardholder.viewed', ...holderSubject(scheme, id) });
  return presentHolder(ctx, scheme, row);
}

const patchFields = [
  'condition', 'communication', 'medicationNotes', 'carers', 'emergencyContacts', 'usesDisabilityContactLine', 'showConditionOnCard',
  'parentalConsentBy', 'parentalConsentOn', 'keyworkerId',
] as const;

export async function updateCardholder(ctx: Context, key: SchemeKey, id: string, body: CardholderPatch): Promise<Cardholder> {
  const scheme = await schemeFor(ctx, key, worksScheme);
  const row = await loadHolder(ctx, scheme, id);
  if (row.holder.version !== body.version) throw staleVersion(await presentHolder(ctx, scheme, row));
  if (body.keyworkerId && !(await q.staffMember(ctx.tx, scheme.partnershipId, body.keyworkerId))) {
    throw new ValidationError([{ field: 'keyworkerId', problem: 'is not a member of staff' }]);
  }
  const values = {
    ...(body.condition !== undefined && { condition: body.condition }),
    ...(body.communication !== undefined && { communication: body.communication }),
    ...(body.medicationNotes !== undefined && { medicationNotes: body.medicationNotes || null }),
    ...(body.carers && { carers: contactsOf(body.carers) }),
    ...(body.emergencyContacts && { emergencyContacts: contactsOf(body.emergencyContacts) }),
    ...(body.usesDisabilityContactLine !== undefined && { usesDisabilityContactLine: body.usesDisabilityContactLine }),
    ...(body.showConditionOnCard !== undefined && { showConditionOnCard: body.showConditionOnCard }),
    ...(body.parentalConsent !== undefined && { parentalConsentBy: body.parentalConsent?.by ?? null, parentalConsentOn: body.parentalConsent?.on ?? null }),
    ...(body.keyworkerId !== undefined && { keyworkerId: body.keyworkerId ?? null }),
  };
  if (!(await q.updateCardholder(ctx.tx, id, body.version, values))) throw staleVersion(await reread(ctx, scheme, id));
  ctx.audit({ action: 'cardholder.updated', ...holderSubject(scheme, id), changes: diff(row.holder, { ...row.holder, ...values }, patchFields) });
  return reread(ctx, scheme, id);
}

/**
 * A new card: a renewal or changed details keep the number (the old card is replaced), a lost card
 * gets a new number so the lost one, though it still answers, shows as replaced.
 */
export async function issueCard(ctx: Context, key: SchemeKey, id: string, body: z.infer<typeof newCardBody>): Promise<Cardholder> {
  const scheme = await schemeFor(ctx, key, isSchemeAdmin);
  const row = await loadHolder(ctx, scheme, id);
  if (row.holder.status === 'removed' || row.holder.status === 'withdrawn') throw new ConflictError('This person is no longer on the register.', 'not_on_register');
  const reason: ReissueReason = body.reason;
  const number = reason === 'lost' || !row.card ? await freshCardNumber(ctx, scheme.id) : row.card.cardNumber;
  await q.setCardStatus(ctx.tx, id, 'active', 'replaced');
  const today = londonToday();
  const card = await q.insertCard(ctx.tx, {
    schemeId: scheme.id, cardholderId: id, cardNumber: number, issuedOn: today, expiresOn: addMonths(today, scheme.cardValidMonths), issueReason: reason, issuedBy: ctx.actor.id,
  });
  ctx.audit({ action: 'cardholder.card_issued', ...holderSubject(scheme, id), details: { cardId: card.id, issueReason: reason } });
  return reread(ctx, scheme, id);
}

/** The holder's details are confirmed as right: the next review is the scheme's interval from today. */
export async function confirmReview(ctx: Context, key: SchemeKey, id: string, version: number): Promise<Cardholder> {
  const scheme = await schemeFor(ctx, key, worksScheme);
  const row = await loadHolder(ctx, scheme, id);
  if (row.holder.status === 'removed' || row.holder.status === 'withdrawn') throw new ConflictError('This person is no longer on the register.', 'not_on_register');
  if (row.holder.version !== version) throw staleVersion(await presentHolder(ctx, scheme, row));
  const today = londonToday();
  const reviewDueOn = addMonths(today, scheme.reviewMonths);
  if (!(await q.updateCardholder(ctx.tx, id, version, { status: 'active', reviewConfirmedOn: today, reviewDueOn }))) throw staleVersion(await reread(ctx, scheme, id));
  ctx.audit({ action: 'cardholder.review_confirmed', ...holderSubject(scheme, id), details: { reviewDueOn } });
  return reread(ctx, scheme, id);
}

/** Takes the holder off the register at their or their family's wish (or they died, or moved): the card stops answering. */
export async function withdrawCardholder(ctx: Context, key: SchemeKey, id: string, body: z.infer<typeof withdrawBody>): Promise<Cardholder> {
  const scheme = await schemeFor(ctx, key, worksScheme);
  const row = await loadHolder(ctx, scheme, id);
  if (row.holder.status === 'removed' || row.holder.status === 'withdrawn') throw new ConflictError('This person is no longer on the register.', 'not_on_register');
  if (row.holder.version !== body.version) throw staleVersion(await presentHolder(ctx, scheme, row));
  if (!(await q.updateCardholder(ctx.tx, id, body.version, { status: 'withdrawn', removalReason: body.removalReason, leftOn: londonToday() }))) {
    throw staleVersion(await reread(ctx, scheme, id));
  }
  await q.withdrawCards(ctx.tx, [id]);
  ctx.audit({ action: 'cardholder.withdrawn', ...holderSubject(scheme, id), reason: body.reason, details: { removalReason: body.removalReason } });
  return reread(ctx, scheme, id);
}

/** What the card shows, for its PDF; printing it is recorded against the card. */
export async function cardToPrint(ctx: Context, key: SchemeKey, id: string) {
  const scheme = await schemeFor(ctx, key, worksScheme);
  const row = await loadHolder(ctx, scheme, id);
  if (!row.card || row.card.status !== 'active') throw new ConflictError('This person has no card in use to print.', 'no_active_card');
  await q.markPrinted(ctx.tx, row.card.id);
  ctx.audit({ action: 'cardholder.card_printed', ...holderSubject(scheme, id), details: { cardId: row.card.id } });
  const h = row.holder;
  return {
    schemeName: scheme.name,
    name: `${row.firstName} ${row.lastName}`,
    cardNumber: printedCardNumber(row.card.cardNumber),
    expiresOn: row.card.expiresOn,
    firstCarer: h.carers[0] ?? h.emergencyContacts[0] ?? null,
    communication: h.communication,
    condition: h.showConditionOnCard ? h.condition : null,
    usesDisabilityContactLine: h.usesDisabilityContactLine,
    /** The profile's photo (its square thumbnail), read from storage by the route once the transaction is done. */
    photoKey: await q.profilePhotoKey(ctx.tx, row.profileId),
    fileName: `keep-safe-card-${row.card.cardNumber}.pdf`,
  };
}
export type CardToPrint = Awaited<ReturnType<typeof cardToPrint>>;

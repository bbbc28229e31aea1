import { z } from 'zod';
import {
  cardStatuses, cardholderStatuses, lookupMethods, reissueReasons, removalReasons, schemeKeys, withdrawalReasons,
} from '../schemes.ts';
import { isoTime, listQuery, optionalText, page, ref, text, uuid, version } from './common.ts';
import { isoDate } from './records.ts';

/**
 * The Keep Safe Card register and its emergency look-up. `POST /schemes/keep-safe/cardholders` and
 * `GET /schemes/keep-safe/lookup` are API.md contracts: their named fields stay as written; the
 * rest are additions.
 */

export const schemeParams = z.object({ scheme: z.enum(schemeKeys) });
export const cardholderParams = schemeParams.extend({ id: uuid });

const phone = z.string().trim().min(1, 'must not be blank').max(30).regex(/^[0-9+() -]+$/, 'must be a phone number');

export const schemeContactInput = z.strictObject({ name: text(100), relationship: optionalText(60), phone });
export const schemeContact = z.object({ name: z.string(), relationship: z.string().nullable(), phone: z.string() });
export type SchemeContact = z.infer<typeof schemeContact>;

const contacts = z.array(schemeContactInput).max(5, 'must be at most 5 people');

export const parentalConsent = z.strictObject({ by: text(100), on: isoDate });

export const createCardholderBody = z.strictObject({
  profileId: uuid,
  condition: text(1000),
  communication: text(1000),
  carers: contacts,
  emergencyContacts: contacts,
  /** The accuracy review; by default the scheme's review interval from today. */
  reviewDate: isoDate.optional(),
  medicationNotes: optionalText(1000),
  usesDisabilityContactLine: z.boolean().default(false),
  showConditionOnCard: z.boolean().default(false),
  /** Needed for a holder under 16. */
  parentalConsent: parentalConsent.nullish(),
  keyworkerId: uuid.nullish(),
  /** A paper card's number, to move an existing holder onto the register; a new one is made otherwise. */
  cardNumber: z.string().max(20).optional(),
});
export type CreateCardholderBody = z.infer<typeof createCardholderBody>;

export const createdCardholder = z.object({ id: uuid, cardNumber: z.string() });

export const cardholderPatch = z.strictObject({
  condition: text(1000).optional(),
  communication: text(1000).optional(),
  medicationNotes: optionalText(1000),
  carers: contacts.optional(),
  emergencyContacts: contacts.optional(),
  usesDisabilityContactLine: z.boolean().optional(),
  showConditionOnCard: z.boolean().optional(),
  parentalConsent: parentalConsent.nullish(),
  keyworkerId: uuid.nullish(),
  version,
});
export type CardholderPatch = z.infer<typeof cardholderPatch>;

export const cardholderListQuery = listQuery.extend({
  status: z.enum(cardholderStatuses).optional(),
  /** Part of a name or a card number. */
  q: z.string().trim().max(100).optional(),
});

export const card = z.object({
  id: uuid,
  number: z.string(),
  /** As printed: `KS 4F7K 9QX2`. */
  printed: z.string(),
  issuedOn: isoDate,
  expiresOn: isoDate,
  status: z.enum(cardStatuses),
  printedAt: isoTime.nullable(),
});

export const cardholderRow = z.object({
  id: uuid,
  profile: z.object({ id: uuid, firstName: z.string(), lastName: z.string(), dateOfBirth: isoDate.nullable() }),
  status: z.enum(cardholderStatuses),
  card: card.nullable(),
  reviewDueOn: isoDate,
});
export type CardholderRow = z.infer<typeof cardholderRow>;
export const cardholderPage = page(cardholderRow);
export type CardholderPage = z.infer<typeof cardholderPage>;

export const cardholder = cardholderRow.extend({
  condition: z.string(),
  communication: z.string(),
  medicationNotes: z.string().nullable(),
  carers: z.array(schemeContact),
  emergencyContacts: z.array(schemeContact),
  usesDisabilityContactLine: z.boolean(),
  showConditionOnCard: z.boolean(),
  parentalConsent: z.object({ by: z.string(), on: isoDate }).nullable(),
  keyworker: ref.nullable(),
  joinedOn: isoDate,
  reviewConfirmedOn: isoDate.nullable(),
  leftOn: isoDate.nullable(),
  removalReason: z.enum(removalReasons).nullable(),
  lookups: z.object({ count: z.number().int(), last: isoTime.nullable() }),
  permissions: z.object({ canEdit: z.boolean(), canApprove: z.boolean() }),
  version: z.number().int(),
});
export type Cardholder = z.infer<typeof cardholder>;

export const newCardBody = z.strictObject({ reason: z.enum(reissueReasons) });
export const reviewBody = z.strictObject({ confirmed: z.literal(true), version });
export const withdrawBody = z.strictObject({ reason: text(1000), removalReason: z.enum(withdrawalReasons), version });

/** By card number, or by first and last name and date of birth; a reason always. */
const lookupFields = {
  cardNumber: z.string().trim().max(30).optional(),
  firstName: z.string().trim().max(100).optional(),
  lastName: z.string().trim().max(100).optional(),
  dateOfBirth: isoDate.optional(),
  reason: text(500),
};
const oneWay = (v: { cardNumber?: string | undefined; firstName?: string | undefined; lastName?: string | undefined; dateOfBirth?: string | undefined }) =>
  v.cardNumber ? !v.firstName && !v.lastName && !v.dateOfBirth : !!(v.firstName && v.lastName && v.dateOfBirth);
const oneWayProblem = { message: 'give the card number, or the first name, last name and date of birth', path: ['cardNumber'] };
export const lookupQuery = z.object(lookupFields).refine(oneWay, oneWayProblem);
export const lookupBody = z.strictObject(lookupFields).refine(oneWay, oneWayProblem);
export type LookupBody = z.infer<typeof lookupBody>;

/** Only what a responder needs to help the person: no last name, date of birth, address or record id. */
export const lookupResult = z.object({
  firstName: z.string(),
  condition: z.string(),
  communication: z.string(),
  carers: z.array(schemeContact),
  emergencyContacts: z.array(schemeContact),
  lookupId: uuid,
  cardNumber: z.string(),
  cardStatus: z.enum(cardStatuses),
  cardExpiresOn: isoDate,
  medicationNotes: z.string().nullable(),
  usesDisabilityContactLine: z.boolean(),
});
export type LookupResult = z.infer<typeof lookupResult>;

export const lookupLogQuery = listQuery.extend({ cardholderId: uuid.optional() });
export const lookupLogEntry = z.object({
  id: uuid,
  at: isoTime,
  user: ref,
  team: ref,
  organisation: ref,
  method: z.enum(lookupMethods),
  reason: z.string(),
  found: z.boolean(),
  cardholder: z.object({ id: uuid, name: z.string() }).nullable(),
});
export type LookupLogEntry = z.infer<typeof lookupLogEntry>;
export const lookupLogPage = page(lookupLogEntry);
export type LookupLogPage = z.infer<typeof lookupLogPage>;

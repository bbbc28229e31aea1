import { z } from 'zod';
import {
  applicationChecks, applicationKinds, applicationStatuses, cardStatuses, cardholderStatuses, lookupMethods, reissueReasons, removalReasons, schemeKeys,
  withdrawalReasons,
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

export const cardholderDetails = z.object({
  condition: z.string(),
  communication: z.string(),
  medicationNotes: z.string().nullable(),
  carers: z.array(schemeContact),
  emergencyContacts: z.array(schemeContact),
  usesDisabilityContactLine: z.boolean(),
  showConditionOnCard: z.boolean(),
  parentalConsent: z.object({ by: z.string(), on: isoDate }).nullable(),
});
export type CardholderDetails = z.infer<typeof cardholderDetails>;

export const cardholder = cardholderRow.extend({
  ...cardholderDetails.shape,
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

// Scheme settings.

export const schemeSummary = z.object({
  key: z.enum(schemeKeys),
  name: z.string(),
  team: ref,
  counts: z.object({ active: z.number().int(), reviewDue: z.number().int(), applications: z.number().int() }),
  /** Scheme administrators approve and issue; `canManage` is the partnership's set-up (system administrators). */
  permissions: z.object({ canApprove: z.boolean(), canManage: z.boolean() }),
});
export type SchemeSummary = z.infer<typeof schemeSummary>;
export const schemeList = z.object({ items: z.array(schemeSummary) });

export const scheme = schemeSummary.extend({
  reviewMonths: z.number().int(),
  removalMonths: z.number().int(),
  cardValidMonths: z.number().int(),
  /** The published referral form people apply on, if any. */
  applicationForm: z.object({ id: uuid, name: z.string(), publicPath: z.string() }).nullable(),
  version: z.number().int(),
});
export type Scheme = z.infer<typeof scheme>;

export const schemeBody = z.strictObject({
  name: text(200),
  teamId: uuid,
  reviewMonths: z.number().int().min(1).max(120),
  removalMonths: z.number().int().min(1).max(24),
  cardValidMonths: z.number().int().min(1).max(120),
  applicationFormId: uuid.nullish(),
  version,
});
export type SchemeBody = z.infer<typeof schemeBody>;

// Applications for a card.

export const applicationParams = schemeParams.extend({ id: uuid });

/** The scheme's details of a person, as an application asks them to be put on the register. */
export const cardholderDetailsInput = z.strictObject({
  condition: text(1000),
  communication: text(1000),
  medicationNotes: optionalText(1000),
  carers: contacts,
  emergencyContacts: contacts,
  usesDisabilityContactLine: z.boolean().default(false),
  showConditionOnCard: z.boolean().default(false),
  /** Needed before a holder under 16 is approved. */
  parentalConsent: parentalConsent.nullish(),
});
export type CardholderDetailsInput = z.infer<typeof cardholderDetailsInput>;


/** A renewal names no holder: the person's own place on the register is the one renewed. */
export const applicationBody = z.strictObject({
  profileId: uuid,
  kind: z.enum(applicationKinds).default('new'),
  details: cardholderDetailsInput,
  keyworkerId: uuid.nullish(),
});
export type ApplicationBody = z.infer<typeof applicationBody>;

/** Each check ticked (true) or unticked (false); those left out stay as they are. */
export const applicationCheckChanges = z.strictObject({
  identity: z.boolean().optional(),
  consent: z.boolean().optional(),
  'details-confirmed': z.boolean().optional(),
  photo: z.boolean().optional(),
});

export const applicationPatch = z.strictObject({
  details: cardholderDetailsInput.optional(),
  checks: applicationCheckChanges.optional(),
  keyworkerId: uuid.nullish(),
  version,
});
export type ApplicationPatch = z.infer<typeof applicationPatch>;

export const approveApplicationBody = z.strictObject({ version });
export const closeApplicationBody = z.strictObject({ reason: text(1000), version });
export const issueApplicationBody = z.strictObject({ version: version.optional() });

export const applicationListQuery = listQuery.extend({
  /** `open` (the default) is those still being checked or approved. */
  status: z.enum(['open', 'all', ...applicationStatuses]).default('open'),
});

const applicationStatus = z.enum(applicationStatuses);

export const applicationRow = z.object({
  id: uuid,
  kind: z.enum(applicationKinds),
  status: applicationStatus,
  profile: z.object({ id: uuid, firstName: z.string(), lastName: z.string(), dateOfBirth: isoDate.nullable() }),
  referral: z.object({ id: uuid, reference: z.string() }).nullable(),
  checksDone: z.number().int(),
  createdAt: isoTime,
});
export type ApplicationRow = z.infer<typeof applicationRow>;
export const applicationPage = page(applicationRow);
export type ApplicationPage = z.infer<typeof applicationPage>;

export const applicationCheck = z.object({ check: z.enum(applicationChecks), done: z.boolean(), by: ref.nullable(), at: isoTime.nullable() });

export const application = applicationRow.extend({
  details: cardholderDetails,
  checks: z.array(applicationCheck),
  /** The holder a renewal renews, or the one an issued application made. */
  cardholder: z.object({ id: uuid, cardNumber: z.string().nullable() }).nullable(),
  keyworker: ref.nullable(),
  /** Under the scheme's age for parental consent on the day. */
  underAge: z.boolean(),
  approvedBy: ref.nullable(),
  approvedAt: isoTime.nullable(),
  decisionReason: z.string().nullable(),
  issuedAt: isoTime.nullable(),
  createdBy: ref.nullable(),
  permissions: z.object({ canEdit: z.boolean(), canApprove: z.boolean() }),
  version: z.number().int(),
});
export type Application = z.infer<typeof application>;

export const issuedApplication = z.object({ application, cardholder: createdCardholder });
export type IssuedApplication = z.infer<typeof issuedApplication>;

// A profile's Keep Safe panel.

export const keepSafeState = z.object({
  /** Whether the person is on a scheme's register (shown to anyone who may open the profile). */
  isCardholder: z.boolean(),
  /** The scheme's details: only for its staff and administrators and the holder's keyworker. */
  cardholder: z.object({
    id: uuid,
    status: z.enum(cardholderStatuses),
    card: card.nullable(),
    reviewDueOn: isoDate,
    condition: z.string(),
    communication: z.string(),
  }).nullable(),
  /** The latest application, to the scheme's staff and administrators. */
  application: z.object({ id: uuid, kind: z.enum(applicationKinds), status: applicationStatus, createdAt: isoTime }).nullable(),
  /** The reader works the scheme, so may apply for the person. */
  canApply: z.boolean(),
});
export type KeepSafeState = z.infer<typeof keepSafeState>;

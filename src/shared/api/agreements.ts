import { z } from 'zod';
import { agreementStatuses, article9Conditions, chosenEndReasons, consentMethods, lawfulBasisEndReasons } from '../data-protection.ts';
import { lawfulBases } from '../referrals.ts';
import { listQuery, optionalText, page, ref, text, uuid, version } from './common.ts';
import { isoDate } from './records.ts';

// Information sharing agreements.

export const agreementParty = z.strictObject({
  organisationId: uuid,
  signedOn: isoDate.nullish(),
  signatory: optionalText(200),
});

const agreementFields = {
  title: text(200),
  purpose: text(5000),
  lawfulBasis: z.enum(lawfulBases),
  specialCategoryCondition: z.enum(article9Conditions).nullish(),
  legislation: optionalText(2000),
  parties: z.array(agreementParty).min(1, 'must name at least one organisation').max(100),
  startsOn: isoDate,
  reviewOn: isoDate,
  endsOn: isoDate.nullish(),
  status: z.enum(agreementStatuses),
};

const datesInOrder = (a: { startsOn?: string; endsOn?: string | null }) => !a.startsOn || !a.endsOn || a.endsOn >= a.startsOn;
const datesMessage = { message: 'must not be before the start date', path: ['endsOn'] };

export const agreementBody = z.strictObject(agreementFields).refine(datesInOrder, datesMessage);
/** A change to an agreement: only the fields sent change; `parties`, when sent, replaces the list. */
export const agreementPatch = z.strictObject({ ...agreementFields, version }).partial().required({ version: true }).refine(datesInOrder, datesMessage);

export const agreementListQuery = listQuery.extend({
  status: z.enum(agreementStatuses).optional(),
  /** Only live agreements whose review date has come or is within the partnership's reminder days. */
  reviewDue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  organisationId: uuid.optional(),
});

export const agreement = z.object({
  id: uuid,
  title: z.string(),
  purpose: z.string(),
  lawfulBasis: z.enum(lawfulBases),
  specialCategoryCondition: z.enum(article9Conditions).nullable(),
  legislation: z.string().nullable(),
  status: z.enum(agreementStatuses),
  startsOn: isoDate,
  reviewOn: isoDate,
  endsOn: isoDate.nullable(),
  parties: z.array(z.object({ organisation: ref, signedOn: isoDate.nullable(), signatory: z.string().nullable() })),
  /** The signed agreement (a PDF), downloaded from `/sharing-agreements/:id/document`. */
  document: z.object({ name: z.string(), size: z.number().int() }).nullable(),
  /** A live agreement whose review date has come, or is within the partnership's reminder days. */
  reviewDue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  permissions: z.object({ canEdit: z.boolean() }),
});
export type Agreement = z.infer<typeof agreement>;

export const agreementSummary = agreement.omit({ purpose: true, legislation: true, document: true, permissions: true });

/** `PUT /sharing-agreements/:id/document`: the PDF's bytes as the body, its name here. */
export const agreementDocumentQuery = z.strictObject({ fileName: text(200) });
export type AgreementSummary = z.infer<typeof agreementSummary>;
export const agreementPage = page(agreementSummary);

// A person's lawful basis, per organisation.

export const lawfulBasisBody = z.strictObject({
  basis: z.enum(lawfulBases),
  /** Needed when the organisation holds special category data about the person (health, ethnicity …). */
  specialCategoryCondition: z.enum(article9Conditions).nullish(),
  /** The sharing agreement the organisation shares the person's information under, if any. */
  agreementId: uuid.nullish(),
  /** Consent: when and how it was given; both needed for `consent`, refused for any other basis. */
  consentGivenOn: isoDate.nullish(),
  consentMethod: z.enum(consentMethods).nullish(),
  /** Without one, the partnership's `lawfulBasisReviewMonths` from today. */
  reviewOn: isoDate.nullish(),
  notes: optionalText(2000),
});

export const endLawfulBasisBody = z.strictObject({
  reason: z.enum(chosenEndReasons),
  note: optionalText(2000),
});

export const lawfulBasis = z.object({
  id: uuid,
  profileId: uuid,
  organisation: ref,
  basis: z.enum(lawfulBases),
  specialCategoryCondition: z.enum(article9Conditions).nullable(),
  agreement: ref.nullable(),
  consentGivenOn: isoDate.nullable(),
  consentMethod: z.enum(consentMethods).nullable(),
  reviewOn: isoDate,
  /** Current and its review date has passed. */
  reviewDue: z.boolean(),
  notes: z.string().nullable(),
  recordedBy: ref.nullable(),
  recordedAt: z.string(),
  endedAt: z.string().nullable(),
  endedBy: ref.nullable(),
  endReason: z.enum(lawfulBasisEndReasons).nullable(),
  /** Whether the reader may end it: someone of its organisation who may add to the person's record. */
  canEnd: z.boolean(),
});
export type LawfulBasisEntry = z.infer<typeof lawfulBasis>;

export const lawfulBasisList = z.object({
  /** One per organisation that holds the person's information on a basis now. */
  current: z.array(lawfulBasis),
  /** Ended ones, newest first. */
  past: z.array(lawfulBasis),
  /** Whether the reader may record a basis for their own organisation. */
  canRecord: z.boolean(),
});
export type LawfulBasisList = z.infer<typeof lawfulBasisList>;

// The partnership's data protection settings.

/** Changed as a whole from the version read (0 while the partnership keeps the defaults). */
export const dataProtectionSettingsBody = z.strictObject({
  reviewReminderDays: z.number().int().min(1).max(90),
  lawfulBasisReviewMonths: z.number().int().min(1).max(60),
  /** Subject access: name staff outside the handling organisation only by their organisation. */
  redactOtherAgencyStaff: z.boolean(),
  /** Subject access: days a ready export may be downloaded before it is deleted. */
  downloadDays: z.number().int().min(1).max(60),
  version: z.number().int().min(0),
});
export const dataProtectionSettings = dataProtectionSettingsBody.extend({
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  permissions: z.object({ canEdit: z.boolean() }),
});
export type DataProtectionSettings = z.infer<typeof dataProtectionSettings>;

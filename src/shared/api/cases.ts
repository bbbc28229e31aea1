import { z } from 'zod';
import { caseStatuses, interventionStatuses, profileRoles } from '../records.ts';
import { isoTime, listQuery, optionalText, page, ref, text, uuid, version } from './common.ts';
import { personSafety } from './profiles.ts';
import { isoDate, lookupInput, lookupRef, owner, recordPermissions } from './records.ts';

const caseFields = {
  title: text(200),
  summary: optionalText(4000),
  leadOrganisationId: uuid.nullish(),
  leadOfficerId: uuid.nullish(),
  singlePointOfContactId: uuid.nullish(),
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
  parentCaseId: uuid.nullish(),
};

/** The case type by id, key or name: `caseTypeId` or `caseType`, as the API contract allows. */
export const createCaseBody = z.strictObject({
  ...caseFields,
  caseTypeId: uuid.optional(),
  caseType: lookupInput.optional(),
}).refine((b) => b.caseTypeId !== undefined || b.caseType !== undefined, {
  message: 'is required',
  path: ['caseType'],
  // Reported with the other fields' problems, not only once they are right.
  when: ({ value }) => typeof value === 'object' && value !== null,
});

export const updateCaseBody = z.strictObject({
  version,
  ...Object.fromEntries(Object.entries(caseFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof caseFields]: z.ZodOptional<(typeof caseFields)[K]> },
  caseType: lookupInput.optional(),
});

export const closeCaseBody = z.strictObject({ version, outcome: text(200), reason: text(2000) });
export const reopenCaseBody = z.strictObject({ version, reason: text(2000) });
export const archiveCaseBody = z.strictObject({ version });

export const linkProfileBody = z.strictObject({ profileId: uuid, role: z.enum(profileRoles) });
export const linkLocationBody = z.strictObject({ locationId: uuid });
export const caseProfileParams = z.object({ id: uuid, profileId: uuid });
export const caseLocationParams = z.object({ id: uuid, locationId: uuid });

export const interventionBody = z.strictObject({
  interventionType: lookupInput,
  status: z.enum(interventionStatuses).default('proposed'),
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
  outcome: optionalText(2000),
  notes: optionalText(4000),
});
export const updateInterventionBody = z.strictObject({
  version,
  interventionType: lookupInput.optional(),
  status: z.enum(interventionStatuses).optional(),
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
  outcome: optionalText(2000),
  notes: optionalText(4000),
});
export const interventionParams = z.object({ id: uuid, interventionId: uuid });

export const intervention = z.object({
  id: uuid,
  interventionType: lookupRef,
  status: z.enum(interventionStatuses),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  outcome: z.string().nullable(),
  notes: z.string().nullable(),
  version,
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type Intervention = z.infer<typeof intervention>;

/** A linked profile or location you may not open still shows, as a stub with its owner. */
export const caseProfile = z.object({
  profileId: uuid,
  role: z.enum(profileRoles),
  accessible: z.boolean(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string().nullable(),
  owner,
  /** Age, roles, risk and warning markers, for a person the reader may open; null on a stub. */
  safety: personSafety.nullable(),
});
export const caseLocation = z.object({
  locationId: uuid,
  accessible: z.boolean(),
  addressLine1: z.string(),
  postcode: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  owner,
});

export const caseSummary = z.object({
  id: uuid,
  reference: z.string(),
  title: z.string(),
  caseType: lookupRef,
  status: z.enum(caseStatuses),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  leadOfficer: ref.nullable(),
  owner,
  updatedAt: isoTime,
});
export type CaseSummary = z.infer<typeof caseSummary>;
export const casePage = page(caseSummary);

export const caseRecord = z.object({
  id: uuid,
  reference: z.string(),
  title: z.string(),
  caseType: lookupRef,
  status: z.enum(caseStatuses),
  summary: z.string().nullable(),
  leadOrganisation: ref.nullable(),
  leadOfficer: ref.nullable(),
  singlePointOfContact: ref.nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  /** Whole days from the start date to today, and from today to the end date (negative once past). */
  daysElapsed: z.number().int().nullable(),
  daysLeft: z.number().int().nullable(),
  parentCaseId: uuid.nullable(),
  parentCase: z.object({ id: uuid, reference: z.string(), title: z.string(), accessible: z.boolean() }).nullable(),
  subCases: z.array(z.object({ id: uuid, reference: z.string(), title: z.string(), status: z.enum(caseStatuses), accessible: z.boolean() })),
  profiles: z.array(caseProfile),
  locations: z.array(caseLocation),
  interventions: z.array(intervention),
  outcome: z.string().nullable(),
  closureReason: z.string().nullable(),
  closedAt: isoTime.nullable(),
  closedBy: ref.nullable(),
  archivedAt: isoTime.nullable(),
  owner,
  createdBy: ref.nullable(),
  version,
  createdAt: isoTime,
  updatedAt: isoTime,
  /** `canEdit` covers the details, links and interventions of an open case; a closed one can only be reopened or archived. */
  permissions: recordPermissions.extend({ canClose: z.boolean(), canReopen: z.boolean(), canArchive: z.boolean() }),
});
export type CaseRecord = z.infer<typeof caseRecord>;

export const caseListQuery = listQuery.extend({
  scope: z.enum(['all', 'mine', 'shared']).default('all'),
  status: z.enum(caseStatuses).optional(),
  caseType: lookupInput.optional(),
  profileId: uuid.optional(),
  locationId: uuid.optional(),
  q: z.string().trim().max(200).optional(),
  /** `me` is the caller; an API token is nobody's lead officer, so it finds none. */
  leadOfficer: z.union([z.literal('me'), uuid], { error: 'must be me or a user\'s id' }).optional(),
  /** Start dates on or after, and on or before; end dates strictly before. */
  startedFrom: isoDate.optional(),
  startedTo: isoDate.optional(),
  endingBefore: isoDate.optional(),
}).refine((query) => !query.startedFrom || !query.startedTo || query.startedFrom <= query.startedTo, {
  path: ['startedTo'],
  message: 'must be on or after startedFrom',
});

import { z } from 'zod';
import { genders, profileRoles, relationshipKinds, riskLevels } from '../records.ts';
import { isoTime, listQuery, optionalText, page, ref, text, uuid, version } from './common.ts';
import { uprn } from './postcodes.ts';
import { isoDate, lookupInput, lookupRef, owner, recordPermissions } from './records.ts';

export const name = z.object({ firstName: text(100), lastName: text(100) });

export const addressInput = z.strictObject({
  addressLine1: text(200),
  addressLine2: optionalText(200),
  town: optionalText(100),
  postcode: optionalText(10),
  /** Of an address picked from a postcode lookup. */
  uprn: uprn.nullish(),
  fromDate: isoDate.nullish(),
  toDate: isoDate.nullish(),
  /** Left out, the address is linked to the partnership's location at the same address, if there is one. */
  locationId: uuid.nullish(),
});

export const address = z.object({
  id: uuid,
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  town: z.string().nullable(),
  postcode: z.string().nullable(),
  uprn: z.string().nullable(),
  fromDate: z.string().nullable(),
  toDate: z.string().nullable(),
  locationId: uuid.nullable(),
  current: z.boolean(),
});

/** Everything a practitioner records about a person; PATCH takes any of these plus `version`. */
const profileFields = {
  firstName: text(100),
  lastName: text(100),
  reasonCreated: text(2000),
  dateOfBirth: isoDate.nullish(),
  approximateAge: z.number().int().min(0).max(120).nullish(),
  gender: z.enum(genders).nullish(),
  ethnicity: lookupInput.nullish(),
  aliases: z.array(z.strictObject({ firstName: text(100), lastName: text(100) })).max(50).optional(),
  phone: optionalText(40),
  email: z.string().trim().toLowerCase().max(254).email('must be an email address').nullish(),
  roles: z.array(z.enum(profileRoles)).max(profileRoles.length).optional(),
  vulnerabilities: z.array(lookupInput).max(50).optional(),
  warningMarkers: z.array(lookupInput).max(50).optional(),
  keyInformation: optionalText(2000),
  riskLevel: z.enum(riskLevels).nullish(),
  addresses: z.array(addressInput).max(50).optional(),
};

export const createProfileBody = z.strictObject({
  ...profileFields,
  /** Set after the person creating it has seen the likely matches and chosen to go on. */
  confirmNoDuplicate: z.boolean().optional(),
}).meta({
  examples: [{
    firstName: 'Sam',
    lastName: 'Taylor',
    reasonCreated: 'Reported repeated noise and threats from the flat above since October.',
    dateOfBirth: '1988-04-12',
    gender: 'female',
    phone: '07700 900123',
    roles: ['victim'],
    addresses: [{ addressLine1: '14 Elm Court', town: 'Derby', postcode: 'DE1 1AA' }],
  }],
});
export const updateProfileBody = z.strictObject({
  version,
  ...Object.fromEntries(Object.entries(profileFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof profileFields]: z.ZodOptional<(typeof profileFields)[K]> },
});

/**
 * What anyone about to meet a person must see wherever the person appears (search results, a
 * case's people, likely matches): age, roles, risk and warning markers. Only on a profile the
 * reader can open; a locked stub carries none of it.
 */
export const personSafety = z.object({
  age: z.number().int().nullable(),
  roles: z.array(z.enum(profileRoles)),
  riskLevel: z.enum(riskLevels).nullable(),
  warningMarkers: z.array(lookupRef),
});
export type PersonSafety = z.infer<typeof personSafety>;

export const relationship = z.object({
  id: uuid,
  kind: z.enum(relationshipKinds),
  /** Read from this profile's side: "Parent of", "Child of", "Cared for by". */
  label: z.string(),
  direction: z.enum(['from', 'to']),
  other: z.object({
    id: uuid, firstName: z.string(), lastName: z.string(), dateOfBirth: z.string().nullable(), accessible: z.boolean(),
    /** Their markers and risk, when the reader may open them. */
    safety: personSafety.nullable(),
  }),
  notes: z.string().nullable(),
});
export type Relationship = z.infer<typeof relationship>;

export const profile = z.object({
  id: uuid,
  firstName: z.string(),
  lastName: z.string(),
  aliases: z.array(z.object({ id: uuid, firstName: z.string(), lastName: z.string() })),
  dateOfBirth: z.string().nullable(),
  approximateAge: z.number().int().nullable(),
  /** Age today, from the date of birth or the estimate; null when neither is known. */
  age: z.number().int().nullable(),
  gender: z.enum(genders).nullable(),
  ethnicity: lookupRef.extend({ groupName: z.string().nullable() }).nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  roles: z.array(z.enum(profileRoles)),
  vulnerabilities: z.array(lookupRef),
  warningMarkers: z.array(lookupRef),
  keyInformation: z.string().nullable(),
  reasonCreated: z.string(),
  riskLevel: z.enum(riskLevels).nullable(),
  addresses: z.array(address),
  relationships: z.array(relationship),
  photo: z.object({ url: z.string(), thumbnailUrl: z.string() }).nullable(),
  /** Profiles merged into this one as duplicates. */
  mergedFrom: z.array(z.object({ id: uuid, firstName: z.string(), lastName: z.string(), mergedAt: isoTime, mergedBy: ref.nullable() })),
  owner,
  createdBy: ref.nullable(),
  version,
  createdAt: isoTime,
  updatedAt: isoTime,
  permissions: recordPermissions.extend({ canMerge: z.boolean() }),
  /** Set when the id asked for was merged into this profile: the reply is the surviving profile. */
  redirectedFrom: uuid.optional(),
});
export type Profile = z.infer<typeof profile>;

/** A row of a list or the gallery: enough to recognise the person and see what matters. */
export const profileSummary = z.object({
  id: uuid,
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string().nullable(),
  age: z.number().int().nullable(),
  roles: z.array(z.enum(profileRoles)),
  riskLevel: z.enum(riskLevels).nullable(),
  warningMarkers: z.array(lookupRef),
  thumbnailUrl: z.string().nullable(),
  owner,
  updatedAt: isoTime,
});
export type ProfileSummary = z.infer<typeof profileSummary>;
export const profilePage = page(profileSummary);

export const profileListQuery = listQuery.extend({
  /** `mine`: owned by my team; `shared`: shared with my team or organisation; default both. */
  scope: z.enum(['all', 'mine', 'shared']).default('all'),
  role: z.enum(profileRoles).optional(),
  riskLevel: z.enum(riskLevels).optional(),
  q: z.string().trim().max(200).optional(),
});

export const matchQuery = z.object({
  firstName: z.string().trim().max(100).optional(),
  lastName: z.string().trim().max(100).optional(),
  dateOfBirth: isoDate.optional(),
});

export const profileMatch = z.object({
  profile: z.object({ id: uuid, firstName: z.string(), lastName: z.string(), dateOfBirth: z.string().nullable() }),
  /** 0 to 1: how alike the names and dates of birth are. */
  score: z.number(),
  /** Why it matched: "same date of birth", "sounds alike", "alias: Jonny Smith". */
  reasons: z.array(z.string()),
  accessible: z.boolean(),
  owner,
  /** On the live matches (`GET /profiles/matches`), a person the reader may open: markers and risk. */
  safety: personSafety.nullable(),
});
export type ProfileMatch = z.infer<typeof profileMatch>;
export const profileMatches = z.object({ items: z.array(profileMatch) });

export const createRelationshipBody = z.strictObject({
  otherProfileId: uuid,
  /** Read from this profile's side: `parent` means this profile is the parent of the other. */
  kind: z.enum(relationshipKinds),
  /** For one-way kinds (parent, carer): `to` means the other profile is the parent or carer. */
  direction: z.enum(['from', 'to']).default('from'),
  notes: optionalText(500),
});

export const mergeProfilesBody = z.strictObject({
  /** The duplicate, folded into the profile in the path and kept only as a redirect. */
  duplicateId: uuid,
  reason: text(1000),
});

/** A photo upload or removal names the version of the profile it was based on. */
export const photoQuery = z.object({ version: z.coerce.number().int().positive() });

export const relationshipParams = z.object({ id: uuid, relationshipId: uuid });

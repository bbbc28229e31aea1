import { z } from 'zod';
import { locationKinds, normalisePostcode } from '../records.ts';
import { isoTime, listQuery, optionalText, page, ref, text, uuid, version } from './common.ts';
import { uprn } from './postcodes.ts';
import { personSafety } from './profiles.ts';
import { owner, recordPermissions } from './records.ts';

/** A UK postcode, normalised ("ng15ab" becomes "NG1 5AB"); anything else is refused. */
export const postcode = z.string().trim().max(10).transform((value, ctx) => {
  const normalised = normalisePostcode(value);
  if (!normalised) {
    ctx.addIssue({ code: 'custom', message: 'must be a UK postcode, like NG1 5AB' });
    return z.NEVER;
  }
  return normalised;
});

const locationFields = {
  kind: z.enum(locationKinds),
  name: optionalText(200),
  addressLine1: text(200),
  addressLine2: optionalText(200),
  town: optionalText(100),
  postcode,
  latitude: z.number().min(49).max(61).nullish(),
  longitude: z.number().min(-9).max(3).nullish(),
  uprn: uprn.nullish(),
};

export const createLocationBody = z.strictObject({
  ...locationFields,
  kind: z.enum(locationKinds).default('premises'),
  confirmNoDuplicate: z.boolean().optional(),
});
export const updateLocationBody = z.strictObject({
  version,
  ...Object.fromEntries(Object.entries(locationFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof locationFields]: z.ZodOptional<(typeof locationFields)[K]> },
});

export const locationSummary = z.object({
  id: uuid,
  kind: z.enum(locationKinds),
  name: z.string().nullable(),
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  town: z.string().nullable(),
  postcode: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  owner,
  updatedAt: isoTime,
});
export type LocationSummary = z.infer<typeof locationSummary>;
export const locationPage = page(locationSummary);

/**
 * A person with an address at the location, one entry per address (someone who moved back has
 * two). Someone the reader may open comes with the dates and their safety line; anyone else is a
 * stub saying only who holds them and whether they live there now: their name beside this
 * address would tell the reader where a person they may not open lives.
 */
export const locationPerson = z.discriminatedUnion('accessible', [
  z.object({
    accessible: z.literal(true),
    addressId: uuid,
    profileId: uuid,
    firstName: z.string(),
    lastName: z.string(),
    current: z.boolean(),
    fromDate: z.string().nullable(),
    toDate: z.string().nullable(),
    safety: personSafety,
  }),
  z.object({ accessible: z.literal(false), addressId: uuid, profileId: uuid, current: z.boolean(), owner }),
]);
export type LocationPerson = z.infer<typeof locationPerson>;

export const location = locationSummary.extend({
  uprn: z.string().nullable(),
  cases: z.array(z.object({ id: uuid, reference: z.string(), title: z.string(), accessible: z.boolean() })),
  /** Those living there now first, then those who lived there before. */
  profiles: z.array(locationPerson),
  createdBy: ref.nullable(),
  version,
  createdAt: isoTime,
  permissions: recordPermissions,
});
export type Location = z.infer<typeof location>;

export const locationListQuery = listQuery.extend({
  scope: z.enum(['all', 'mine', 'shared']).default('all'),
  kind: z.enum(locationKinds).optional(),
  q: z.string().trim().max(200).optional(),
});

export const locationMatchQuery = z.object({
  addressLine1: z.string().trim().max(200).optional(),
  postcode: z.string().trim().max(10).optional(),
});
export const locationMatches = z.object({
  items: z.array(z.object({
    location: z.object({ id: uuid, name: z.string().nullable(), addressLine1: z.string(), town: z.string().nullable(), postcode: z.string() }),
    score: z.number(),
    accessible: z.boolean(),
    owner,
  })),
});

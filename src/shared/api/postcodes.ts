import { z } from 'zod';

/** A UPRN (Unique Property Reference Number): up to 12 digits, from the address base. */
export const uprn = z.string().trim().regex(/^\d{1,12}$/, 'must be up to 12 digits');

/** Checked by the use case rather than here: a bad path parameter would answer 404, and a bad postcode is the caller's mistake (422). */
export const postcodeParams = z.object({ postcode: z.string() });

export const postcodeAddress = z.object({
  /** An organisation at the address, for a location's name. */
  name: z.string().nullable(),
  line1: z.string(),
  line2: z.string().nullable(),
  town: z.string(),
  postcode: z.string(),
  uprn: z.string(),
  latitude: z.number(),
  longitude: z.number(),
});
export type PostcodeAddress = z.infer<typeof postcodeAddress>;

/** What a postcode lookup found; `available: false` when this Concord has no lookup configured. */
export const postcodeLookup = z.discriminatedUnion('available', [
  z.object({ available: z.literal(false) }),
  z.object({
    available: z.literal(true),
    postcode: z.string(),
    latitude: z.number(),
    longitude: z.number(),
    /** Empty when the provider has none (postcodes.io gives the position only). */
    addresses: z.array(postcodeAddress),
  }),
]);
export type PostcodeLookup = z.infer<typeof postcodeLookup>;

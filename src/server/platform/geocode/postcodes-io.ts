import { z } from 'zod';
import type { Provider } from './geocoder.ts';

/** The part of postcodes.io's `GET /postcodes/:postcode` reply Concord reads (ONS Postcode Directory data). */
const reply = z.object({
  result: z.object({
    // Null for the few postcodes the ONS directory has no grid reference for.
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
  }),
});

/** postcodes.io: a postcode's centre from open ONS data; it has no addresses. */
export function postcodesIo(config: { url: string }): Provider {
  return async (postcode, get) => {
    const answer = await get(new URL(`${config.url}/postcodes/${encodeURIComponent(postcode)}`));
    if (answer.status === 404) return null;
    if (answer.status !== 200) throw new Error(`postcodes.io answered ${answer.status}`);
    const parsed = reply.safeParse(answer.body);
    if (!parsed.success) throw new Error('postcodes.io sent a reply Concord cannot read');
    const { latitude, longitude } = parsed.data.result;
    if (latitude === null || longitude === null) return null;
    return { postcode, latitude, longitude, addresses: [] };
  };
}

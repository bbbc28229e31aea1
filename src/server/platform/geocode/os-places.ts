import { z } from 'zod';
import type { PostcodeAddress, Provider } from './geocoder.ts';

const text = z.union([z.string(), z.number()]).transform(String).optional();

/**
 * The fields of a delivery point address (DPA, Royal Mail's address matched to the address base)
 * that Concord reads. LAT and LNG are there because the request asks for WGS84 coordinates.
 */
const deliveryPoint = z.object({
  DPA: z.object({
    UPRN: z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^\d{1,12}$/)),
    ORGANISATION_NAME: text,
    SUB_BUILDING_NAME: text,
    BUILDING_NAME: text,
    BUILDING_NUMBER: text,
    DEPENDENT_THOROUGHFARE_NAME: text,
    THOROUGHFARE_NAME: text,
    DOUBLE_DEPENDENT_LOCALITY: text,
    DEPENDENT_LOCALITY: text,
    POST_TOWN: z.string(),
    POSTCODE: z.string(),
    LAT: z.number(),
    LNG: z.number(),
  }),
});
type DeliveryPoint = z.infer<typeof deliveryPoint>['DPA'];

const reply = z.object({ results: z.array(z.unknown()).optional() });

/** Words that stay in lower case inside a place name: "Newcastle upon Tyne", "Henley-on-Thames". */
const minorWords = new Set(['and', 'by', 'cum', 'de', 'in', 'la', 'le', 'next', 'of', 'on', 'the', 'under', 'upon', 'with']);

/**
 * OS Places spells addresses in capitals, as the Royal Mail file does; Concord's records are
 * written as people write them. A word with a digit ("4A", "B2") keeps its capitals.
 */
export function titleCase(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((word, i) => {
      if (/\d/.test(word)) return word.toUpperCase();
      return word
        .split('-')
        .map((part, j) => (minorWords.has(part) && (i > 0 || j > 0) ? part : part.replace(/^(\(?)(\p{L})/u, (_, bracket: string, letter: string) => bracket + letter.toUpperCase())))
        .join('-')
        .replace(/'(\p{L})(?=\p{L}{2})/gu, (_, letter: string) => `'${letter.toUpperCase()}`);
    })
    .join(' ');
}

const present = (...parts: (string | undefined)[]) => parts.filter((p): p is string => p !== undefined && p.trim() !== '').map(titleCase);

/** "Flat 2, Heron House, 4 Adanac Drive": the premises, then the number and street. */
function addressOf(d: DeliveryPoint): PostcodeAddress | null {
  const street = [d.BUILDING_NUMBER?.trim(), present(d.DEPENDENT_THOROUGHFARE_NAME, d.THOROUGHFARE_NAME).join(', ')].filter(Boolean).join(' ');
  const name = present(d.ORGANISATION_NAME)[0] ?? null;
  const line1 = [...present(d.SUB_BUILDING_NAME, d.BUILDING_NAME), street].filter(Boolean).join(', ') || name;
  if (!line1) return null;
  return {
    name,
    line1,
    line2: present(d.DOUBLE_DEPENDENT_LOCALITY, d.DEPENDENT_LOCALITY).join(', ') || null,
    town: titleCase(d.POST_TOWN),
    postcode: d.POSTCODE,
    uprn: d.UPRN,
    latitude: d.LAT,
    longitude: d.LNG,
  };
}

const byAddress = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/**
 * OS Places, the address base the public sector uses under the PSGA: every delivery address at
 * the postcode with its UPRN and position. The key goes in a header, not the query string, so it
 * never appears in a URL that might be logged. One page of 100 holds all but the largest
 * postcodes (they average about fifteen delivery points); beyond it, the address is typed.
 */
export function osPlaces(config: { url: string; key: string }): Provider {
  return async (postcode, get) => {
    const url = new URL(`${config.url}/postcode`);
    url.search = new URLSearchParams({ postcode, output_srs: 'WGS84', dataset: 'DPA', maxresults: '100' }).toString();
    const answer = await get(url, { key: config.key });
    if (answer.status === 401 || answer.status === 403) throw new Error(`OS Places refused the key (${answer.status}): check OS_PLACES_KEY`);
    if (answer.status !== 200) throw new Error(`OS Places answered ${answer.status}`);
    const parsed = reply.safeParse(answer.body);
    if (!parsed.success) throw new Error('OS Places sent a reply Concord cannot read');
    const results = parsed.data.results ?? [];
    // A Welsh address comes in English and in Welsh under one UPRN; the first is offered.
    const byUprn = new Map<string, PostcodeAddress>();
    for (const result of results) {
      const read = deliveryPoint.safeParse(result);
      const address = read.success ? addressOf(read.data.DPA) : null;
      if (address && !byUprn.has(address.uprn)) byUprn.set(address.uprn, address);
    }
    const addresses = [...byUprn.values()];
    if (addresses.length === 0) {
      if (results.length > 0) throw new Error('OS Places sent addresses Concord cannot read');
      return null;
    }
    addresses.sort((a, b) => byAddress.compare(a.line1, b.line1));
    // OS Places has no point for the postcode itself; the middle of its addresses places the marker as well.
    const mean = (pick: (a: PostcodeAddress) => number) => Math.round((addresses.reduce((sum, a) => sum + pick(a), 0) / addresses.length) * 1e6) / 1e6;
    return { postcode, latitude: mean((a) => a.latitude), longitude: mean((a) => a.longitude), addresses };
  };
}

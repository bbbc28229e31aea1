import type { FastifyBaseLogger } from 'fastify';
import { normalisePostcode } from '../../../shared/records.ts';
import type { GeocoderConfig } from '../../config.ts';
import { UpstreamError } from '../errors.ts';
import { LruCache } from './cache.ts';
import { osPlaces } from './os-places.ts';
import { postcodesIo } from './postcodes-io.ts';

/** One delivery address at a postcode, as the address base holds it. */
export interface PostcodeAddress {
  /** An organisation at the address ("Ordnance Survey"), for a location's name. */
  name: string | null;
  line1: string;
  line2: string | null;
  town: string;
  postcode: string;
  uprn: string;
  latitude: number;
  longitude: number;
}

export interface PostcodeFacts {
  postcode: string;
  latitude: number;
  longitude: number;
  /** Empty where the provider has no addresses (postcodes.io). */
  addresses: PostcodeAddress[];
}

export interface Geocoder {
  /** What a lookup gives beyond the postcode's position: its addresses, or nothing more. */
  readonly gives: 'addresses' | 'coordinates';
  /** Null when the provider does not know the postcode, or it is not a UK postcode at all. */
  lookup(postcode: string): Promise<PostcodeFacts | null>;
}

export interface JsonReply {
  status: number;
  /** Undefined when the body is not JSON. */
  body: unknown;
}

export type GetJson = (url: URL, headers?: Record<string, string>) => Promise<JsonReply>;

/**
 * How one provider answers for a normalised postcode: null for one it does not know; any other
 * trouble (no answer, an error status, a reply it cannot read) is thrown.
 */
export type Provider = (postcode: string, get: GetJson) => Promise<PostcodeFacts | null>;

/** A person is waiting at the form; past this the lookup has failed and they can type the address. */
const timeoutMs = 5_000;
const cacheSize = 2_000;
const cacheTtlMs = 24 * 60 * 60 * 1000;

function getJsonWithin(ms: number): GetJson {
  return async (url, headers = {}) => {
    const response = await fetch(url, { headers: { accept: 'application/json', ...headers }, signal: AbortSignal.timeout(ms), redirect: 'error' });
    const body: unknown = await response.json().catch(() => undefined);
    return { status: response.status, body };
  };
}

/**
 * The configured provider behind one interface, or undefined when none is set (Concord then
 * offers no lookup). Answers are cached in this process for a day, found or not: a postcode's
 * position and addresses change only with the address base's releases every few weeks, the
 * same few streets are looked up again and again by a team and by one form, and a provider's
 * rate limit is shared by the whole partnership. It is public reference data, so losing the
 * cache on restart costs only a lookup, and keeping it in memory keeps it out of the database,
 * whose one embedded connection a slow provider must never hold. The cache keeps the promise,
 * so lookups of one postcode at the same moment share one request; a failure is not kept.
 */
export function createGeocoder(config: GeocoderConfig | undefined, log: Pick<FastifyBaseLogger, 'warn'>): Geocoder | undefined {
  if (!config) return undefined;
  const provider = config.provider === 'os-places' ? osPlaces(config) : postcodesIo(config);
  const get = getJsonWithin(timeoutMs);
  const cache = new LruCache<Promise<PostcodeFacts | null>>(cacheSize, cacheTtlMs);
  return {
    gives: config.provider === 'os-places' ? 'addresses' : 'coordinates',
    lookup(input) {
      const postcode = normalisePostcode(input);
      if (!postcode) return Promise.resolve(null);
      const cached = cache.get(postcode);
      if (cached) return cached;
      const answer = provider(postcode, get).catch((error: unknown) => {
        cache.delete(postcode);
        log.warn({ err: error, provider: config.provider }, 'postcode lookup failed');
        throw new UpstreamError('The postcode lookup service did not answer. Enter the address by hand, or try again later.', 'postcode_lookup_failed');
      });
      cache.set(postcode, answer);
      return answer;
    },
  };
}

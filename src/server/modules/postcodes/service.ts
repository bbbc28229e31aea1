import type { PostcodeLookup } from '../../../shared/api/postcodes.ts';
import { normalisePostcode } from '../../../shared/records.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { Geocoder } from '../../platform/geocode/geocoder.ts';

/**
 * A postcode's position and, where the provider has them, its addresses. This is not a use case
 * in the runner: it reads and writes no record, so it opens no transaction (which would hold the
 * embedded database's one connection while the provider answers) and writes no audit event,
 * since a postcode on its own is public reference data, not anyone's personal data.
 */
export async function lookUp(geocoder: Geocoder | undefined, input: string): Promise<PostcodeLookup> {
  const postcode = normalisePostcode(input);
  if (!postcode) throw new ValidationError([{ field: 'postcode', problem: 'must be a UK postcode, like NG1 5AB' }]);
  if (!geocoder) return { available: false };
  const found = await geocoder.lookup(postcode);
  if (!found) throw new NotFoundError('postcode');
  return { available: true, ...found };
}

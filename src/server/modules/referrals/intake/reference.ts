import { randomBytes } from 'node:crypto';
import { referenceAlphabet } from '../../../../shared/referrals.ts';

/**
 * A new reference, RF-XXXX-XXXX: 40 random bits, unguessable, so a reference quoted by a referrer
 * says nothing of how many referrals there are or which came before. The alphabet has 32
 * characters, so each byte's low five bits pick one without bias.
 */
export function newReference(): string {
  const chars = [...randomBytes(8)].map((byte) => referenceAlphabet[byte & 31]).join('');
  return `RF-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

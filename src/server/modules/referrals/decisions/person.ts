import type { z } from 'zod';
import type { addressInput } from '../../../../shared/api/profiles.ts';
import type { ReferralAddress, ReferralSubjectInput } from '../../../../shared/api/referrals.ts';
import { normalisePostcode, type ProfileRole } from '../../../../shared/records.ts';
import { cutText } from '../../../platform/text.ts';
import type { CreateProfileBody } from '../../profiles/service.ts';

/**
 * The person a referral is about, as a new profile: what the referrer gave, in the shape a
 * practitioner would have keyed it. Anything a profile would refuse (a date of birth in the
 * future, a postcode that is not a UK one) is left off rather than stopping the decision: the
 * first report on the case keeps the referral as it was written.
 */

type AddressInput = z.infer<typeof addressInput>;

const lineLength = 200;
const earliestBirth = '1900-01-01';

/** A UK postcode closing a line of address ("12 High St, Matlock DE4 3AG"). */
const trailingPostcode = /(?:^|[\s,]+)(GIR ?0AA|BFPO ?\d{1,4}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})[\s.]*$/i;

/** A line longer than an address line takes is split at the last comma that fits, or cut. */
function splitLine(text: string): [string, string | null] {
  if (text.length <= lineLength) return [text, null];
  const comma = text.lastIndexOf(',', lineLength);
  const first = comma > 0 ? text.slice(0, comma) : cutText(text, lineLength);
  const rest = text.slice(comma > 0 ? comma + 1 : first.length).trim();
  return [first.trim(), rest ? cutText(rest, lineLength) : null];
}

/** A referrer's address as a profile's: lines and a postcode, or one line with any postcode at its end taken out. */
export function addressFromReferral(address: ReferralAddress): AddressInput {
  if (typeof address !== 'string') {
    return {
      addressLine1: address.addressLine1,
      addressLine2: address.addressLine2 ?? null,
      town: address.town ?? null,
      postcode: address.postcode ? normalisePostcode(address.postcode) : null,
    };
  }
  const match = trailingPostcode.exec(address);
  const postcode = match ? normalisePostcode(match[1]!) : null;
  const lines = (postcode ? address.slice(0, match!.index) : address).replace(/[\s,]+$/, '').trim();
  const [addressLine1, addressLine2] = splitLine(lines || postcode || address);
  return { addressLine1, addressLine2, postcode };
}

/** A date of birth a profile takes: not in the future and not before 1900. */
const plausibleBirth = (date: string | null | undefined, today: string) => (date && date <= today && date >= earliestBirth ? date : null);

export function profileFromReferral(subject: ReferralSubjectInput, options: { role: ProfileRole; reasonCreated: string; today: string }): CreateProfileBody {
  return {
    firstName: subject.firstName,
    lastName: subject.lastName,
    reasonCreated: cutText(options.reasonCreated, 2000),
    dateOfBirth: plausibleBirth(subject.dateOfBirth, options.today),
    phone: subject.phone || null,
    email: subject.email ?? null,
    roles: [options.role],
    ...(subject.address ? { addresses: [addressFromReferral(subject.address)] } : {}),
  };
}

/**
 * Schemes run on the platform: a register of people who carry a card saying how to help them in
 * an emergency (the Keep Safe Card), which the emergency services look up by the card's number.
 */

export const schemeKeys = ['keep-safe'] as const;
export type SchemeKey = (typeof schemeKeys)[number];

/** `review_due`: past the accuracy review date and not yet confirmed; still answered by a look-up. */
export const cardholderStatuses = ['active', 'review_due', 'removed', 'withdrawn'] as const;
export type CardholderStatus = (typeof cardholderStatuses)[number];
export const cardholderStatusLabels: Record<CardholderStatus, string> = {
  active: 'Active',
  review_due: 'Review due',
  removed: 'Removed',
  withdrawn: 'Withdrawn',
};

/** Those a look-up answers for. */
export const lookedUpStatuses: readonly CardholderStatus[] = ['active', 'review_due'];

export const cardStatuses = ['active', 'replaced', 'withdrawn', 'expired'] as const;
export type CardStatus = (typeof cardStatuses)[number];
export const cardStatusLabels: Record<CardStatus, string> = {
  active: 'Active',
  replaced: 'Replaced',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
};

/** `renewal` and `details-changed` keep the number; a `lost` card gets a new one. */
export const cardIssueReasons = ['new', 'renewal', 'lost', 'details-changed'] as const;
export type CardIssueReason = (typeof cardIssueReasons)[number];
export const reissueReasons = ['renewal', 'lost', 'details-changed'] as const satisfies readonly CardIssueReason[];
export type ReissueReason = (typeof reissueReasons)[number];
export const cardIssueReasonLabels: Record<CardIssueReason, string> = {
  new: 'New card',
  renewal: 'Renewal',
  lost: 'Lost or stolen',
  'details-changed': 'Details changed',
};

export const removalReasons = ['review_unconfirmed', 'withdrawn', 'deceased', 'moved_away', 'other'] as const;
export type RemovalReason = (typeof removalReasons)[number];
/** What staff may choose when taking someone off the register; `review_unconfirmed` is the sweep's. */
export const withdrawalReasons = ['withdrawn', 'deceased', 'moved_away', 'other'] as const satisfies readonly RemovalReason[];
export type WithdrawalReason = (typeof withdrawalReasons)[number];
export const removalReasonLabels: Record<RemovalReason, string> = {
  review_unconfirmed: 'Review not confirmed in time',
  withdrawn: 'Asked to leave the scheme',
  deceased: 'Died',
  moved_away: 'Moved away',
  other: 'Other',
};

/** A first card, or a renewal for someone already on the register (their details confirmed again). */
export const applicationKinds = ['new', 'renewal'] as const;
export type ApplicationKind = (typeof applicationKinds)[number];
export const applicationKindLabels: Record<ApplicationKind, string> = { new: 'New card', renewal: 'Renewal' };

/** `checks` until approved; `issued` once the card is made. Declined and withdrawn applications are finished. */
export const applicationStatuses = ['checks', 'approved', 'issued', 'declined', 'withdrawn'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  checks: 'Checks',
  approved: 'Approved',
  issued: 'Card issued',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};
/** Still being worked: on the scheme team's list of applications by default. */
export const openApplicationStatuses: readonly ApplicationStatus[] = ['checks', 'approved'];

/** What the scheme's staff confirm before an application may be approved. */
export const applicationChecks = ['identity', 'consent', 'details-confirmed', 'photo'] as const;
export type ApplicationCheck = (typeof applicationChecks)[number];
export const applicationCheckLabels: Record<ApplicationCheck, string> = {
  identity: 'Identity checked',
  consent: 'Consent to join the scheme given',
  'details-confirmed': 'Details confirmed with the applicant',
  photo: 'Photo taken',
};

/** Who ticked each check and when (an ISO instant); a check not ticked is absent or null. */
export type ApplicationChecks = Partial<Record<ApplicationCheck, { by: string; at: string } | null>>;

export const lookupMethods = ['card_number', 'name_and_date_of_birth'] as const;
export type LookupMethod = (typeof lookupMethods)[number];
export const lookupMethodLabels: Record<LookupMethod, string> = {
  card_number: 'Card number',
  name_and_date_of_birth: 'Name and date of birth',
};

export const schemeDefaults = { reviewMonths: 24, removalMonths: 3, cardValidMonths: 24, parentalConsentUnder: 16 } as const;

/** Look-ups one person may make in the window: a control room's shift, not a trawl of the register. */
export const lookupRateLimit = { max: 20, windowMinutes: 10 } as const;

// Crockford's base 32: no I, L, O or U, so a number read aloud or from a worn card is not misread.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const prefix = 'KS';
const randomLength = 7;

/** Luhn mod 32 over the characters' values: catches every single wrong character and nearly every swap of two neighbours. */
function checkCharacter(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i -= 1) {
    const addend = factor * alphabet.indexOf(body[i]!);
    factor = factor === 2 ? 1 : 2;
    sum += Math.floor(addend / alphabet.length) + (addend % alphabet.length);
  }
  return alphabet[(alphabet.length - (sum % alphabet.length)) % alphabet.length]!;
}

/** A new card number, stored as `KS` and eight characters, the last a check character. `random` gives [0, 1). */
export function newCardNumber(random: () => number): string {
  let body = '';
  for (let i = 0; i < randomLength; i += 1) body += alphabet[Math.floor(random() * alphabet.length)];
  return `${prefix}${body}${checkCharacter(body)}`;
}

const stored = new RegExp(`^${prefix}[${alphabet}]{${randomLength + 1}}$`);

/**
 * A card number as typed or read out (any case, spaces or hyphens, O for 0, I or L for 1) in its
 * stored form; null when it is not one, the check character included, so nothing is looked up.
 */
export function normaliseCardNumber(typed: string): string | null {
  const n = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!stored.test(n)) return null;
  const body = n.slice(prefix.length, -1);
  return checkCharacter(body) === n.slice(-1) ? n : null;
}

/** As printed on the card: `KS 4F7K 9QX2`. */
export function printedCardNumber(n: string): string {
  return `${n.slice(0, 2)} ${n.slice(2, 6)} ${n.slice(6)}`;
}

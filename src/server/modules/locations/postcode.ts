import { normalisePostcode } from '../../../shared/records.ts';

/**
 * A postcode as someone types it into a search: whole ("ng1 5ab") or the start of one ("NG1",
 * "NG15"). Stored postcodes are matched on their form without the space, so "NG15AB" and
 * "NG1 5AB" find the same place.
 */
export interface PostcodeSearch {
  compact: string;
  complete: boolean;
}

/** The start of a postcode: an area and district digit at least, then as much of the rest as typed. */
const partialPostcode = /^[A-Z]{1,2}\d[A-Z\d]?(\d[A-Z]{0,2})?$/;

export function postcodeSearchOf(input: string): PostcodeSearch | null {
  const whole = normalisePostcode(input);
  if (whole) return { compact: whole.replace(' ', ''), complete: true };
  const compact = input.toUpperCase().replace(/\s+/g, '');
  return partialPostcode.test(compact) ? { compact, complete: false } : null;
}

/**
 * The highest compact postcode that starts with `prefix`: postcodes are capital letters and
 * digits, none longer than 8 characters, and Z sorts after every one of them in any collation,
 * so `between prefix and upperBound(prefix)` is a btree range scan without a pattern operator class.
 */
export function postcodeUpperBound(prefix: string): string {
  return `${prefix}ZZZZZZZZ`;
}

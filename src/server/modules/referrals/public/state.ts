/**
 * What a person has entered so far on a public referral form, carried from page to page in one
 * hidden field: no session and no cookie, so nothing is kept on the server until they send it,
 * and a phone that drops off half-way loses nothing we hold. It is the person's own words coming
 * back, so it is checked again in full before anything is sent.
 */
import { z } from 'zod';
import { maxSubmissionBytes } from '../../../../shared/referrals.ts';

/** Each field's value as typed, by the field's name on the page (`referrer-name`, `q-<key>`, `q-<key>-day`). */
export type Entered = Record<string, string | string[]>;

const entered = z.record(
  z.string().max(100),
  z.union([z.string().max(maxSubmissionBytes), z.array(z.string().max(60)).max(30)]),
).refine((value) => Object.keys(value).length <= 1000);

export function encodeState(value: Entered): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** The state a page sent back, or null when it is missing or not one we made. */
export function decodeState(text: string | undefined): Entered | null {
  if (!text) return null;
  try {
    const parsed = entered.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** One value of a field as typed: the first of several, or blank. */
export function one(value: Entered[string] | undefined): string {
  if (Array.isArray(value)) return value[0] ?? '';
  return value ?? '';
}

/** All the values of a field (checkboxes). */
export function many(value: Entered[string] | undefined): string[] {
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

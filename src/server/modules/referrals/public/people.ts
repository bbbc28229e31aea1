/**
 * The two pages every public referral form starts with: "About you" (the referrer) and "About
 * the person". Each field is checked by the contract's own schema for it (src/shared/api), with
 * the GOV.UK Design System's wording for what to do.
 */
import type { z } from 'zod';
import { referralAddress, referralSubjectInput, referrerInput, type ReferralSubjectInput, type ReferrerInput } from '../../../../shared/api/referrals.ts';
import { londonToday } from '../../../platform/london.ts';
import { partsInWords, readDate } from './dates.ts';
import type { PageProblem } from './questions.ts';
import { one, type Entered } from './state.ts';

interface PersonField {
  name: string;
  schema: z.ZodType;
  /** What to do when it is left blank; absent for an optional field. */
  blank?: string;
  /** What to do when it does not fit. */
  unfit: string;
}

const phone = 'Enter a telephone number, like 01632 960 001 or 07700 900 982';
const address = referralAddress.options[1].shape;

export const referrerFields: PersonField[] = [
  { name: 'referrer-name', schema: referrerInput.shape.name, blank: 'Enter your full name', unfit: 'Your name must be 200 characters or fewer' },
  { name: 'referrer-email', schema: referrerInput.shape.email, unfit: 'Enter an email address in the correct format, like name@example.com' },
  { name: 'referrer-phone', schema: referrerInput.shape.phone, unfit: phone },
  { name: 'referrer-organisation', schema: referrerInput.shape.organisation, unfit: 'The organisation must be 200 characters or fewer' },
  { name: 'referrer-relationship', schema: referrerInput.shape.relationship, unfit: 'How you know the person must be 200 characters or fewer' },
];

export const subjectFields: PersonField[] = [
  { name: 'subject-first-name', schema: referralSubjectInput.shape.firstName, blank: 'Enter their first name', unfit: 'Their first name must be 100 characters or fewer' },
  { name: 'subject-last-name', schema: referralSubjectInput.shape.lastName, blank: 'Enter their last name', unfit: 'Their last name must be 100 characters or fewer' },
  { name: 'subject-address-line-1', schema: address.addressLine1, unfit: 'Address line 1 must be 200 characters or fewer' },
  { name: 'subject-address-line-2', schema: address.addressLine2, unfit: 'Address line 2 must be 200 characters or fewer' },
  { name: 'subject-town', schema: address.town, unfit: 'The town or city must be 100 characters or fewer' },
  { name: 'subject-postcode', schema: address.postcode, unfit: 'Enter a real postcode' },
  { name: 'subject-phone', schema: referralSubjectInput.shape.phone, unfit: phone },
];

export const dateOfBirthFields = ['subject-dob-day', 'subject-dob-month', 'subject-dob-year'];
const addressFields = ['subject-address-line-1', 'subject-address-line-2', 'subject-town', 'subject-postcode'];

/** A field's value as typed, or null when blank, as the contract takes it. */
const given = (values: Entered, name: string): string | null => one(values[name]).trim() || null;

function fieldProblems(fields: PersonField[], values: Entered): PageProblem[] {
  return fields.flatMap((field) => {
    const value = given(values, field.name);
    if (value === null) return field.blank ? [{ id: field.name, text: field.blank }] : [];
    return field.schema.safeParse(value).success ? [] : [{ id: field.name, text: field.unfit }];
  });
}

export const referrerProblems = (values: Entered) => fieldProblems(referrerFields, values);

function dateOfBirthOf(values: Entered) {
  const [day, month, year] = dateOfBirthFields.map((name) => one(values[name]));
  return readDate(day!, month!, year!);
}

export function subjectProblems(values: Entered): PageProblem[] {
  const problems = fieldProblems(subjectFields, values);
  const born = dateOfBirthOf(values);
  const dateProblem = born.kind === 'missing' ? `Date of birth must include a ${partsInWords(born.parts)}`
    : born.kind === 'not-real' ? 'Date of birth must be a real date'
      : born.kind === 'date' && born.iso > londonToday() ? 'Date of birth must be in the past'
        : null;
  if (dateProblem) problems.splice(2, 0, { id: 'subject-dob-day', text: dateProblem });
  if (!given(values, 'subject-address-line-1') && addressFields.some((name) => given(values, name))) {
    problems.push({ id: 'subject-address-line-1', text: 'Enter address line 1, typically the building and street' });
  }
  return problems;
}

export function referrerOf(values: Entered): ReferrerInput {
  return {
    name: given(values, 'referrer-name') ?? '',
    email: given(values, 'referrer-email'),
    phone: given(values, 'referrer-phone'),
    organisation: given(values, 'referrer-organisation'),
    relationship: given(values, 'referrer-relationship'),
  };
}

export function subjectOf(values: Entered): ReferralSubjectInput {
  const born = dateOfBirthOf(values);
  const line1 = given(values, 'subject-address-line-1');
  return {
    firstName: given(values, 'subject-first-name') ?? '',
    lastName: given(values, 'subject-last-name') ?? '',
    dateOfBirth: born.kind === 'date' ? born.iso : null,
    address: line1
      ? { addressLine1: line1, addressLine2: given(values, 'subject-address-line-2'), town: given(values, 'subject-town'), postcode: given(values, 'subject-postcode') }
      : null,
    phone: given(values, 'subject-phone'),
  };
}

import type { Answers, FormDefinition } from '../../shared/forms/definition.ts';
import { askedQuestions, keptAnswers, missingAnswers } from '../../shared/forms/engine.ts';
import type { keyedReferralChannels } from '../../shared/referrals.ts';
import { londonInstant } from '../actions/london.ts';
import { dateProblem, isoOf } from '../forms/dateParts.ts';

/** A referral taken by phone or on paper, as typed. */
export interface KeyInValues {
  teamId: string;
  channel: (typeof keyedReferralChannels)[number];
  receivedDay: string;
  receivedTime: string;
  formId: string | null;
  answers: Answers;
  referrer: { name: string; organisation: string; relationship: string; phone: string; email: string };
  subject: {
    firstName: string;
    lastName: string;
    /** As typed in the three boxes (see forms/dateParts.ts). */
    dateOfBirth: string;
    addressLine1: string;
    addressLine2: string;
    town: string;
    postcode: string;
    phone: string;
    email: string;
  };
  concern: string;
  consent: boolean;
}

export function startingValues(teamId: string, now: { day: string; time: string }): KeyInValues {
  return {
    teamId,
    channel: 'phone',
    receivedDay: now.day,
    receivedTime: now.time,
    formId: null,
    answers: {},
    referrer: { name: '', organisation: '', relationship: '', phone: '', email: '' },
    subject: { firstName: '', lastName: '', dateOfBirth: '', addressLine1: '', addressLine2: '', town: '', postcode: '', phone: '', email: '' },
    concern: '',
    consent: false,
  };
}

/** Left blank is not given: null, as the API takes it. */
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

function addressOf(s: KeyInValues['subject']) {
  if ([s.addressLine1, s.addressLine2, s.town, s.postcode].every((part) => part.trim() === '')) return null;
  return { addressLine1: s.addressLine1, addressLine2: orNull(s.addressLine2), town: orNull(s.town), postcode: orNull(s.postcode) };
}

/**
 * The body of `POST /referrals`: blanks left out, the date of birth and the time received made
 * ISO, and only the answers to questions the form asks given what else was answered.
 */
export function keyInBody(values: KeyInValues, definition: FormDefinition | null): Record<string, unknown> {
  const { referrer, subject } = values;
  return {
    teamId: values.teamId,
    ...(values.formId ? { formId: values.formId } : {}),
    channel: values.channel,
    receivedAt: londonInstant(values.receivedDay, values.receivedTime) ?? '',
    referrer: { name: referrer.name, organisation: orNull(referrer.organisation), relationship: orNull(referrer.relationship), phone: orNull(referrer.phone), email: orNull(referrer.email) },
    subject: {
      firstName: subject.firstName,
      lastName: subject.lastName,
      dateOfBirth: subject.dateOfBirth === '' ? null : isoOf(subject.dateOfBirth),
      address: addressOf(subject),
      phone: orNull(subject.phone),
      email: orNull(subject.email),
    },
    answers: definition ? keptAnswers(definition, values.answers) : {},
    concern: orNull(values.concern),
    consent: values.consent,
  };
}

/**
 * What the shared schema cannot say in the form's words: a date of birth typed wrongly, the time
 * received, an address without its first line, the form's required questions, and the concern
 * a referral without a form needs. Null where nothing is wrong.
 */
export function keyInProblems(values: KeyInValues, definition: FormDefinition | null): Record<string, string | null> {
  const s = values.subject;
  const problems: Record<string, string | null> = {
    'subject.dateOfBirth': dateProblem(s.dateOfBirth, 'Date of birth'),
    receivedAt: londonInstant(values.receivedDay, values.receivedTime) ? null : 'Give the date and time it was received',
    'subject.address.addressLine1': addressOf(s) && s.addressLine1.trim() === '' ? 'Give the first line of the address, or leave the address blank' : null,
    concern: !values.formId && values.concern.trim() === '' ? 'Write down the concern' : null,
    formId: values.formId && !definition ? 'Wait for the form’s questions to load' : null,
  };
  if (definition) {
    const asked = new Map(askedQuestions(definition, values.answers).map((q) => [q.key, q]));
    for (const { field } of missingAnswers(definition, values.answers, [])) {
      const question = asked.get(field.slice('answers.'.length));
      problems[field] = `Answer “${question?.text ?? field}”`;
    }
  }
  return problems;
}

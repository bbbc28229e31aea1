import { describe, expect, it } from 'vitest';
import { createReferralBody } from '../../shared/api/referrals.ts';
import type { FormDefinition } from '../../shared/forms/definition.ts';
import { keyInBody, keyInProblems, startingValues, type KeyInValues } from './keyIn.ts';

const teamId = '5b0a8c1e-4a4e-4d55-9d0e-1f2a3b4c5d6e';
const formId = '8d2f6a3b-1c4e-4f7a-9b8c-0d1e2f3a4b5c';

const definition: FormDefinition = {
  sections: [{
    title: 'Your concern',
    questions: [
      { key: 'children', text: 'Are there children in the home?', guidance: null, kind: 'yes_no', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }], scale: null, required: true, condition: null },
      { key: 'ages', text: 'How old are they?', guidance: null, kind: 'text', options: [], scale: null, required: true, condition: { questionKey: 'children', values: ['yes'] } },
    ],
  }],
};

function filled(change: (v: KeyInValues) => void = () => undefined): KeyInValues {
  const values = startingValues(teamId, { day: '2026-03-04', time: '09:15' });
  values.referrer.name = 'Ann Caller';
  values.subject.firstName = 'Bea';
  values.subject.lastName = 'Person';
  values.concern = 'Shouting every night';
  change(values);
  return values;
}

const problemsOf = (values: KeyInValues, d: FormDefinition | null = null) => Object.fromEntries(Object.entries(keyInProblems(values, d)).filter(([, p]) => p !== null));

describe('keyInBody', () => {
  it('makes a body the shared schema takes, blanks as nulls and the time in London', () => {
    const body = keyInBody(filled(), null);
    expect(body).toEqual({
      teamId,
      channel: 'phone',
      receivedAt: '2026-03-04T09:15:00.000Z',
      referrer: { name: 'Ann Caller', organisation: null, relationship: null, phone: null, email: null },
      subject: { firstName: 'Bea', lastName: 'Person', dateOfBirth: null, address: null, phone: null, email: null },
      answers: {},
      concern: 'Shouting every night',
      consent: false,
    });
    expect(createReferralBody.safeParse(body).success).toBe(true);
  });

  it('gives the date of birth as ISO, the address as lines, and summer time its offset', () => {
    const body = keyInBody(filled((v) => {
      v.receivedDay = '2026-07-01';
      v.subject.dateOfBirth = '1990-4-2';
      v.subject.addressLine1 = '1 High Street';
      v.subject.postcode = 'NG24 1AB';
    }), null);
    expect(body.receivedAt).toBe('2026-07-01T08:15:00.000Z');
    expect(body.subject).toMatchObject({ dateOfBirth: '1990-04-02', address: { addressLine1: '1 High Street', addressLine2: null, town: null, postcode: 'NG24 1AB' } });
    expect(createReferralBody.safeParse(body).success).toBe(true);
  });

  it('sends only the answers to questions the form asks', () => {
    const body = keyInBody(filled((v) => {
      v.formId = formId;
      v.answers = { children: 'no', ages: '3 and 5' };
    }), definition);
    expect(body).toMatchObject({ formId, answers: { children: 'no' } });
  });
});

describe('keyInProblems', () => {
  it('finds nothing wrong with a whole referral', () => {
    expect(problemsOf(filled())).toEqual({});
  });

  it('needs the concern only without a form, and the form’s required questions with one', () => {
    expect(problemsOf(filled((v) => { v.concern = ' '; }))).toEqual({ concern: 'Write down the concern' });
    const onForm = filled((v) => {
      v.formId = formId;
      v.concern = '';
      v.answers = { children: 'yes' };
    });
    expect(problemsOf(onForm, definition)).toEqual({ 'answers.ages': 'Answer “How old are they?”' });
    expect(problemsOf(onForm, null)).toEqual({ formId: 'Wait for the form’s questions to load' });
  });

  it('says what is wrong with the date of birth, the time and the address', () => {
    expect(problemsOf(filled((v) => {
      v.subject.dateOfBirth = '1990-13-';
      v.receivedTime = '';
      v.subject.town = 'Newark';
    }))).toEqual({
      'subject.dateOfBirth': 'Date of birth must include a day',
      receivedAt: 'Give the date and time it was received',
      'subject.address.addressLine1': 'Give the first line of the address, or leave the address blank',
    });
  });
});

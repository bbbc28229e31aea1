import { describe, expect, it } from 'vitest';
import type { FormQuestion } from '../../../../shared/forms/definition.ts';
import { sanitiseBody } from '../../reports/sanitise.ts';
import { addressFromReferral, profileFromReferral } from './person.ts';
import { answerInWords, referralReportHtml, timeInWords, type ReferralAsWritten } from './report.ts';

describe('the person a referral is about, as a profile', () => {
  it('takes an address in lines as it is, its postcode in the usual form', () => {
    expect(addressFromReferral({ addressLine1: '12 High Street', addressLine2: 'Flat 2', town: 'Matlock', postcode: 'de43ag' }))
      .toEqual({ addressLine1: '12 High Street', addressLine2: 'Flat 2', town: 'Matlock', postcode: 'DE4 3AG' });
  });

  it('leaves off a postcode that is not a UK one rather than have the profile refuse it', () => {
    expect(addressFromReferral({ addressLine1: '12 High Street', postcode: 'unknown' })).toMatchObject({ addressLine1: '12 High Street', postcode: null });
  });

  it('takes the postcode off the end of a one-line address', () => {
    expect(addressFromReferral('12 High Street, Matlock, DE4 3AG')).toEqual({ addressLine1: '12 High Street, Matlock', addressLine2: null, postcode: 'DE4 3AG' });
    expect(addressFromReferral('12 High Street Matlock de43ag.')).toEqual({ addressLine1: '12 High Street Matlock', addressLine2: null, postcode: 'DE4 3AG' });
    expect(addressFromReferral('The flats behind the shop')).toEqual({ addressLine1: 'The flats behind the shop', addressLine2: null, postcode: null });
    expect(addressFromReferral('NG1 5AB')).toEqual({ addressLine1: 'NG1 5AB', addressLine2: null, postcode: 'NG1 5AB' });
  });

  it('splits a one-line address too long for a line at a comma', () => {
    const first = `1 ${'Long Road '.repeat(19).trim()}`;
    const address = addressFromReferral(`${first}, Somewhere Else, NG1 5AB`);
    expect(address).toEqual({ addressLine1: first, addressLine2: 'Somewhere Else', postcode: 'NG1 5AB' });
    const unbroken = addressFromReferral('x'.repeat(300));
    expect(unbroken.addressLine1).toHaveLength(200);
    expect(unbroken.addressLine2).toHaveLength(100);
  });

  it('keeps the name, a plausible date of birth, contact details and the role; the reason names the team and reference', () => {
    const today = '2026-03-04';
    const subject = { firstName: 'Dana', lastName: 'Example', dateOfBirth: '1990-05-01', phone: '01234 567890', email: 'dana@example.test', address: '1 Road, NG1 5AB' };
    expect(profileFromReferral(subject, { role: 'victim', reasonCreated: 'Referred to ASB team (RF-AAAA-BBBB): known to us', today })).toEqual({
      firstName: 'Dana', lastName: 'Example', dateOfBirth: '1990-05-01', phone: '01234 567890', email: 'dana@example.test', roles: ['victim'],
      reasonCreated: 'Referred to ASB team (RF-AAAA-BBBB): known to us',
      addresses: [{ addressLine1: '1 Road', addressLine2: null, postcode: 'NG1 5AB' }],
    });
    expect(profileFromReferral({ ...subject, dateOfBirth: '2027-01-01' }, { role: 'other', reasonCreated: 'x', today }).dateOfBirth).toBeNull();
    expect(profileFromReferral({ ...subject, dateOfBirth: '1850-01-01' }, { role: 'other', reasonCreated: 'x', today }).dateOfBirth).toBeNull();
    const bare = profileFromReferral({ firstName: 'A', lastName: 'B' }, { role: 'other', reasonCreated: 'r'.repeat(3000), today });
    expect(bare).not.toHaveProperty('addresses');
    expect(bare.reasonCreated).toHaveLength(2000);
  });
});

const question = (kind: FormQuestion['kind'], options: [string, string][] = []): FormQuestion => ({
  key: 'q', text: 'Q', guidance: null, kind, options: options.map(([value, label]) => ({ value, label })), scale: null, required: false, condition: null,
});

describe('a referral written out as a report', () => {
  it('says answers in words', () => {
    expect(answerInWords(question('yes_no', [['yes', 'Yes'], ['no', 'No']]), 'no')).toBe('No');
    expect(answerInWords(question('single_choice', [['weekly', 'Every week'], ['daily', 'Every day']]), 'daily')).toBe('Every day');
    expect(answerInWords(question('multiple_choice', [['a', 'Noise'], ['b', 'Litter']]), ['a', 'b'])).toBe('Noise, Litter');
    expect(answerInWords(question('date'), '2026-03-04')).toBe('4 March 2026');
    expect(answerInWords(question('scale'), 7)).toBe('7 on a scale of 1 to 10');
    expect(answerInWords(question('number'), 3)).toBe('3');
    expect(answerInWords(question('text'), undefined)).toBeNull();
  });

  it('gives the time it came in London', () => {
    expect(timeInWords(new Date('2026-07-01T13:05:00Z'))).toBe('1 July 2026 at 14:05');
    expect(timeInWords(new Date('2026-01-10T09:30:00Z'))).toBe('10 January 2026 at 09:30');
  });

  const referral: ReferralAsWritten = {
    reference: 'RF-AAAA-BBBB',
    channel: 'online-form',
    receivedAt: new Date('2026-03-04T10:15:00Z'),
    form: {
      name: 'Report a concern',
      version: 2,
      definition: {
        sections: [{
          title: 'What is happening',
          questions: [
            { ...question('yes_no', [['yes', 'Yes'], ['no', 'No']]), key: 'ongoing', text: 'Is it still going on?' },
            { ...question('text'), key: 'where', text: 'Where does it happen?', condition: { questionKey: 'ongoing', values: ['yes'] } },
            { ...question('text'), key: 'since', text: 'Since when?' },
          ],
        }],
      },
    },
    referrer: { name: 'Pat <b>Neighbour</b>', email: 'pat@example.test', phone: null, organisation: null, relationship: 'Neighbour' },
    subject: { firstName: 'Dana', lastName: 'Example', dateOfBirth: '1990-05-01', address: { addressLine1: '1 Road', postcode: 'NG1 5AB' } },
    answers: { ongoing: 'yes', where: 'Outside <script>alert(1)</script>\nevery night' },
    concern: 'Shouting & banging',
    consent: true,
  };

  it('holds how and when it came, who sent it, who it is about, the concern, every question asked with its answer, and consent, every value escaped', () => {
    const html = referralReportHtml(referral);
    expect(html).toContain('Reference: RF-AAAA-BBBB<br>Received: 4 March 2026 at 10:15<br>How it came: Online form<br>Form: Report a concern (version 2)');
    expect(html).toContain('Name: Pat &lt;b&gt;Neighbour&lt;/b&gt;<br>Relationship to the person: Neighbour<br>Email: pat@example.test');
    expect(html).toContain('Date of birth: 1 May 1990<br>Address: 1 Road, NG1 5AB');
    expect(html).toContain('<p>Shouting &amp; banging</p>');
    expect(html).toContain('<p><strong>Is it still going on?</strong><br>Yes</p>');
    expect(html).toContain('<p><strong>Where does it happen?</strong><br>Outside &lt;script&gt;alert(1)&lt;/script&gt;<br>every night</p>');
    expect(html).toContain('<p><strong>Since when?</strong><br>Not answered</p>');
    expect(html).toContain('The referrer agreed to what the privacy notice says.');
    expect(html).not.toContain('Phone:');

    const { text } = sanitiseBody(html);
    expect(text).toContain('Name: Pat <b>Neighbour</b>');
    expect(text).toContain('Outside <script>alert(1)</script>');
  });

  it('leaves out a question its condition hides', () => {
    const html = referralReportHtml({ ...referral, answers: { ongoing: 'no', where: 'ignored' } });
    expect(html).not.toContain('Where does it happen?');
    expect(html).not.toContain('ignored');
  });
});

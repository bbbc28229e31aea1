import type { ReferralAddress, ReferralSubjectInput, ReferrerInput } from '../../../../shared/api/referrals.ts';
import type { AnswerValue, Answers, FormDefinition, FormQuestion } from '../../../../shared/forms/definition.ts';
import { askedQuestions } from '../../../../shared/forms/engine.ts';
import { defaultScale } from '../../../../shared/forms/questions.ts';
import { referralChannelLabels, type ReferralChannel } from '../../../../shared/referrals.ts';

/**
 * A referral written out plainly as the first report on the case: how and when it came, who sent
 * it, who it is about, the concern, every question the form asked with its answer in words, and
 * whether the referrer consented. Every value is escaped; the reports module sanitises the whole.
 */

export interface ReferralAsWritten {
  reference: string;
  channel: ReferralChannel;
  receivedAt: Date;
  form: { name: string; version: number; definition: FormDefinition } | null;
  referrer: ReferrerInput;
  subject: ReferralSubjectInput;
  answers: Answers;
  concern: string | null;
  consent: boolean;
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c]!);

/** Text as the referrer wrote it: escaped, its line breaks kept. */
const written = (text: string) => text.trim().split(/\r?\n/).map(escape).join('<br>');

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const londonDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const londonClock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });

/** "4 March 2026" for a YYYY-MM-DD date. */
export const dateInWords = (date: string) => longDate.format(new Date(`${date}T00:00:00Z`));

/** "4 March 2026 at 14:05", London time. */
export const timeInWords = (at: Date) => `${londonDay.format(at)} at ${londonClock.format(at)}`;

const addressInWords = (address: ReferralAddress) => (typeof address === 'string'
  ? address
  : [address.addressLine1, address.addressLine2, address.town, address.postcode].filter(Boolean).join(', '));

/** Labelled lines, leaving out what was not given. */
function lines(entries: [string, string | null | undefined][]): string {
  const given = entries.filter((e): e is [string, string] => Boolean(e[1]?.trim()));
  return `<p>${given.map(([label, value]) => `${escape(label)}: ${written(value)}`).join('<br>')}</p>`;
}

const labelOf = (question: FormQuestion, value: string) => question.options.find((o) => o.value === value)?.label ?? value;

/** An answer as a person would say it: option labels, Yes or No, dates in words. */
export function answerInWords(question: FormQuestion, value: AnswerValue | undefined): string | null {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  switch (question.kind) {
    case 'yes_no':
      return value === 'yes' ? 'Yes' : value === 'no' ? 'No' : labelOf(question, String(value));
    case 'single_choice':
      return labelOf(question, String(value));
    case 'multiple_choice':
      return (Array.isArray(value) ? value : [String(value)]).map((v) => labelOf(question, v)).join(', ');
    case 'scale': {
      const range = question.scale ?? defaultScale;
      return `${String(value)} on a scale of ${range.min} to ${range.max}`;
    }
    case 'date':
      return typeof value === 'string' ? dateInWords(value) : String(value);
    case 'family_grid':
      return typeof value === 'object' && !Array.isArray(value) ? Object.values(value).map((v) => labelOf(question, v)).join(', ') : String(value);
    case 'number':
    case 'text':
      return String(value);
  }
}

function answersInWords(definition: FormDefinition, answers: Answers): string {
  const asked = new Set(askedQuestions(definition, answers).map((q) => q.key));
  return definition.sections.map((section) => {
    const questions = section.questions.filter((q) => asked.has(q.key));
    if (questions.length === 0) return '';
    const answered = questions.map((q) => `<p><strong>${escape(q.text)}</strong><br>${written(answerInWords(q, answers[q.key]) ?? 'Not answered')}</p>`);
    return `<h4>${escape(section.title)}</h4>${answered.join('')}`;
  }).join('');
}

export function referralReportHtml(referral: ReferralAsWritten): string {
  const { referrer, subject, form } = referral;
  return [
    lines([
      ['Reference', referral.reference],
      ['Received', timeInWords(referral.receivedAt)],
      ['How it came', referralChannelLabels[referral.channel]],
      ['Form', form ? `${form.name} (version ${form.version})` : null],
    ]),
    '<h3>Who referred</h3>',
    lines([
      ['Name', referrer.name],
      ['Organisation', referrer.organisation],
      ['Relationship to the person', referrer.relationship],
      ['Phone', referrer.phone],
      ['Email', referrer.email],
    ]),
    '<h3>Who the referral is about</h3>',
    lines([
      ['Name', `${subject.firstName} ${subject.lastName}`],
      ['Date of birth', subject.dateOfBirth ? dateInWords(subject.dateOfBirth) : null],
      ['Address', subject.address ? addressInWords(subject.address) : null],
      ['Phone', subject.phone],
      ['Email', subject.email],
    ]),
    ...(referral.concern ? ['<h3>The concern</h3>', `<p>${written(referral.concern)}</p>`] : []),
    ...(form ? ['<h3>The form\'s questions</h3>', answersInWords(form.definition, referral.answers)] : []),
    '<h3>Consent</h3>',
    `<p>${referral.consent ? 'The referrer agreed to what the privacy notice says.' : 'The referrer did not agree to what the privacy notice says.'}</p>`,
  ].join('');
}

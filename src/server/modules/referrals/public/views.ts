/**
 * What each page of a public referral form shows, as the context of its template in views/.
 */
import { askedQuestions } from '../../../../shared/forms/engine.ts';
import { lawfulBasisLabels, type ReferralFormPurpose } from '../../../../shared/referrals.ts';
import type { ReferralFormInUse } from '../../referral-forms/service.ts';
import { dateInWords } from './dates.ts';
import { problemsById, referrerView, sectionView, subjectView } from './fields.ts';
import { pagesOf, sectionIndexOf, type PageId } from './flow.ts';
import { referrerOf, subjectOf } from './people.ts';
import { answerInWords, typedAnswers, type PageProblem } from './questions.ts';
import { linesHtml, type Pages } from './render.ts';
import { encodeState, type Entered } from './state.ts';

export interface View {
  name: string;
  context: Record<string, unknown>;
}

/** The pages' words for what is being sent: a referral, or an application for a scheme's card. */
const wordings = {
  referral: {
    service: 'Make a referral',
    noun: 'referral',
    send: 'Send referral',
    sent: 'Referral sent',
    checkTitle: 'Check your answers before sending your referral',
    personLead: 'Tell us what you know about the person this referral is about.',
    before: 'You will be asked about yourself, about the person the referral is about, and some questions about your concern. You do not need an account.',
    next: 'The team will read your referral and decide how to help.',
    afterSent: [] as string[],
  },
  'scheme-application': {
    service: 'Apply for a Keep Safe Card',
    noun: 'application',
    send: 'Send application',
    sent: 'Application sent',
    checkTitle: 'Check your answers before sending your application',
    personLead: 'Tell us about the person the card is for. If it is for you, give your own details.',
    before: 'You will be asked about yourself, about the person the card is for, how to help them in an emergency and whom to call. You do not need an account.',
    next: 'The Keep Safe team will read your application and check the details with you.',
    afterSent: ['We will contact you to take a photo for the card.'],
  },
} satisfies Record<ReferralFormPurpose, unknown>;
export const wordingOf = (purpose: ReferralFormPurpose) => wordings[purpose];

/** The error summary's list: each problem linked to its field. */
export const errorListOf = (problems: PageProblem[]) => problems.map((p) => ({ text: p.text, ...(p.id ? { href: `#${p.id}` } : {}) }));

/** When the team aims to decide, in words. */
const decisionTime = (days: number) => (days === 0 ? 'on the working day it arrives' : `within ${days} working day${days === 1 ? '' : 's'}`);

/** What every page of a form shares: its wording, and the quick exit on a sensitive one. */
export function formContext(form: ReferralFormInUse) {
  return {
    wording: wordingOf(form.purpose),
    form: { slug: form.slug, title: form.name, introduction: form.introduction, privacyNotice: form.privacyNotice, lawfulBasis: lawfulBasisLabels[form.lawfulBasis] },
    sensitive: form.sensitive,
    serviceUrl: `/refer/${form.slug}`,
    when: decisionTime(form.decisionDays),
  };
}

type Row = { key: { text: string }; value: { text: string } | { html: string } };
const row = (key: string, value: string | null | undefined, keepLines = false): Row =>
  ({ key: { text: key }, value: value && keepLines ? { html: linesHtml(value) } : { text: value || 'Not given' } });

/** The check page's summary: one list per page, each with a way back to change it. */
function checkParts(form: ReferralFormInUse, values: Entered) {
  const action = (page: PageId) => `/refer/${form.slug}/${page}`;
  const referrer = referrerOf(values);
  const subject = subjectOf(values);
  const address = subject.address && typeof subject.address === 'object'
    ? [subject.address.addressLine1, subject.address.addressLine2, subject.address.town, subject.address.postcode].filter(Boolean).join('\n')
    : null;
  const answers = typedAnswers(form.definition, values);
  const asked = new Set(askedQuestions(form.definition, answers).map((q) => q.key));
  const sections = pagesOf(form.definition, values).flatMap((page) => {
    const index = sectionIndexOf(page);
    const section = index === null ? undefined : form.definition.sections[index];
    if (!section) return [];
    const rows = section.questions.filter((q) => asked.has(q.key)).map((q) => row(q.text, answerInWords(q, answers[q.key]), q.kind === 'text'));
    return [{ title: section.title, action: action(page), rows }];
  });
  return [
    {
      title: 'About you',
      action: action('about-you'),
      rows: [
        row('Name', referrer.name),
        row('Email address', referrer.email),
        row('Telephone number', referrer.phone),
        row('Organisation', referrer.organisation),
        row('How you know the person', referrer.relationship),
      ],
    },
    {
      title: 'About the person',
      action: action('about-the-person'),
      rows: [
        row('Name', `${subject.firstName} ${subject.lastName}`),
        row('Date of birth', subject.dateOfBirth ? dateInWords(subject.dateOfBirth) : null),
        row('Address', address, true),
        row('Telephone number', subject.phone),
      ],
    },
    ...sections,
  ];
}

export interface PageState {
  /** What the fields show: the values as typed, this page's just sent included. */
  values: Entered;
  /** What the hidden state carries on: without this page's values when they are not right yet. */
  state?: Entered;
  problems?: PageProblem[];
  /** Reached by "Change" from the check page: it goes back there once done. */
  changing?: boolean;
  /** The consent box's value, on the check page. */
  consent?: string;
}

/** A page of the form, filled in from the state. */
export function formPageView(pages: Pages, form: ReferralFormInUse, page: PageId, s: PageState): View {
  const problems = s.problems ?? [];
  const byId = problemsById(problems);
  const common = {
    ...formContext(form),
    action: `/refer/${form.slug}/${page}`,
    state: encodeState(s.state ?? s.values),
    changing: s.changing ?? false,
    errorList: errorListOf(problems),
  };
  if (page === 'check') {
    return {
      name: 'check',
      context: { ...common, title: wordingOf(form.purpose).checkTitle, parts: checkParts(form, s.values), consent: s.consent, consentError: byId.get('consent') },
    };
  }
  if (page === 'about-you') {
    return { name: 'question', context: { ...common, title: 'About you', backToStart: true, fields: referrerView(s.values, byId, form.sensitive).map(pages.field) } };
  }
  if (page === 'about-the-person') {
    return {
      name: 'question',
      context: { ...common, title: 'About the person', lead: wordingOf(form.purpose).personLead, fields: subjectView(s.values, byId).map(pages.field) },
    };
  }
  const index = sectionIndexOf(page) ?? 0;
  return {
    name: 'question',
    context: { ...common, title: form.definition.sections[index]?.title ?? '', fields: sectionView(form.definition, index, s.values, byId).map(pages.field) },
  };
}

/**
 * The order of a public referral form's pages: "About you", "About the person", one page per
 * section that asks anything given the answers so far, then "Check your answers". Which page
 * follows, which came before, and the whole referral as the contract's body once every page
 * is right.
 */
import type { PublicSubmissionBody } from '../../../../shared/api/referrals.ts';
import type { FormDefinition } from '../../../../shared/forms/definition.ts';
import { askedQuestions, keptAnswers } from '../../../../shared/forms/engine.ts';
import { dateOfBirthFields, referrerFields, referrerOf, referrerProblems, subjectFields, subjectOf, subjectProblems } from './people.ts';
import { fieldNamesOf, sectionProblems, typedAnswers, type PageProblem } from './questions.ts';
import type { Entered } from './state.ts';

export type PageId = 'about-you' | 'about-the-person' | `section-${number}` | 'check';

/** The section a page asks, counted from 0, or null for the other pages. */
export function sectionIndexOf(page: PageId): number | null {
  const match = /^section-(\d+)$/.exec(page);
  return match ? Number(match[1]) - 1 : null;
}

/** Whether a page's name in a path is one of this form's pages. */
export function isPageOf(definition: FormDefinition, page: string): page is PageId {
  if (!/^(about-you|about-the-person|section-[1-9]\d?|check)$/.test(page)) return false;
  const index = sectionIndexOf(page as PageId);
  return index === null || index < definition.sections.length;
}

/** The pages in order, given what has been answered (a section whose every question is unasked is left out). */
export function pagesOf(definition: FormDefinition, values: Entered): PageId[] {
  const asked = new Set(askedQuestions(definition, typedAnswers(definition, values)).map((q) => q.key));
  const sections = definition.sections.flatMap((section, i) => (section.questions.some((q) => asked.has(q.key)) ? [`section-${i + 1}` as const] : []));
  return ['about-you', 'about-the-person', ...sections, 'check'];
}

/** The names of the fields a page posts: what it replaces in the state. */
export function fieldNamesOfPage(definition: FormDefinition, page: PageId): string[] {
  if (page === 'about-you') return referrerFields.map((f) => f.name);
  if (page === 'about-the-person') return [...subjectFields.map((f) => f.name), ...dateOfBirthFields];
  const index = sectionIndexOf(page);
  return index === null ? [] : (definition.sections[index]?.questions ?? []).flatMap(fieldNamesOf);
}

export function pageProblems(definition: FormDefinition, page: PageId, values: Entered): PageProblem[] {
  if (page === 'about-you') return referrerProblems(values);
  if (page === 'about-the-person') return subjectProblems(values);
  const index = sectionIndexOf(page);
  return index === null ? [] : sectionProblems(definition, index, values);
}

/** The page after this one; after a change from the check page, the first page still needing an answer, or the check page. */
export function nextPage(definition: FormDefinition, page: PageId, values: Entered, changing: boolean): PageId {
  const pages = pagesOf(definition, values);
  if (changing) return firstUnfinished(definition, values) ?? 'check';
  const at = pages.indexOf(page);
  return at < 0 ? (firstUnfinished(definition, values) ?? 'check') : pages[at + 1] ?? 'check';
}

export function previousPage(definition: FormDefinition, page: PageId, values: Entered): PageId | null {
  const pages = pagesOf(definition, values);
  const at = pages.indexOf(page);
  return at > 0 ? pages[at - 1]! : null;
}

/** The first page with something to put right, or null when all are ready to send. */
export function firstUnfinished(definition: FormDefinition, values: Entered): PageId | null {
  return pagesOf(definition, values).find((page) => page !== 'check' && pageProblems(definition, page, values).length > 0) ?? null;
}

/** The referral as the contract's body: the answers to questions not asked are dropped. */
export function submissionOf(definition: FormDefinition, values: Entered): PublicSubmissionBody {
  return {
    referrer: referrerOf(values),
    subject: subjectOf(values),
    answers: keptAnswers(definition, typedAnswers(definition, values)),
    consent: true,
  };
}

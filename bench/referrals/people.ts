import type { ReferralSubjectInput, ReferrerInput } from '../../src/shared/api/referrals.ts';
import type { Answers, FormDefinition, FormQuestion } from '../../src/shared/forms/definition.ts';
import { complaintSentences } from '../data/complaints.ts';
import { femaleFirstNames, lastNames, maleFirstNames, weightedPool } from '../data/names.ts';
import { areas, streets, streetSuffixes } from '../data/places.ts';

/**
 * Made-up people and concerns for referrals, the loaded ones and the ones sent during the run
 * alike: names by frequency, as the profiles are, so a referral's subject is sometimes someone
 * the partnership already holds (the likely matches have work to do), and never anyone real.
 */
const firstNames = weightedPool([...maleFirstNames, ...femaleFirstNames], 5000);
const surnames = weightedPool(lastNames, 5000);
const area = areas[0]!;

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Who refers: professionals mostly, with their organisation; neighbours and family without one. */
const referrerKinds = [
  { organisation: 'Hillside Primary School', relationship: 'Their child\'s teacher' },
  { organisation: 'Demo County Police', relationship: 'Attending officer' },
  { organisation: 'Riverside Medical Practice', relationship: 'Their GP' },
  { organisation: 'Demo Housing Association', relationship: 'Their housing officer' },
  { organisation: null, relationship: 'Neighbour' },
  { organisation: null, relationship: 'Family member' },
  { organisation: null, relationship: null },
];

export function madeUpReferrer(): ReferrerInput {
  const name = `${pick(firstNames)} ${pick(surnames)}`;
  const kind = pick(referrerKinds);
  return {
    name,
    // Half give an address to hear back on, so the receipt email is part of the load.
    email: Math.random() < 0.5 ? `${name.toLowerCase().normalize('NFD').replace(/[^a-z]+/g, '.').replace(/^\./, '')}${digits(4)}@example.com` : null,
    phone: Math.random() < 0.7 ? `07${digits(9)}` : null,
    organisation: kind.organisation,
    relationship: kind.relationship,
  };
}

export function madeUpSubject(): ReferralSubjectInput {
  const known = Math.random() < 0.85;
  const address = Math.random() < 0.8
    ? {
        addressLine1: `${1 + Math.floor(Math.random() * 200)} ${pick(streets)} ${pick(streetSuffixes)}`,
        addressLine2: null,
        town: pick(area.towns),
        postcode: `${area.postcodeArea}${1 + Math.floor(Math.random() * 20)} ${digits(1)}${pick(['AB', 'DE', 'FG', 'HJ', 'LN', 'PQ', 'RT', 'WX'])}`,
      }
    : null;
  return {
    firstName: pick(firstNames),
    lastName: pick(surnames),
    dateOfBirth: known ? isoDay(Date.UTC(1940, 0, 1) + Math.random() * (Date.UTC(2012, 0, 1) - Date.UTC(1940, 0, 1))) : null,
    address,
    phone: Math.random() < 0.4 ? `07${digits(9)}` : null,
    email: null,
  };
}

/** What the referrer wrote: two of the sentences officers take down from callers. */
export const madeUpConcern = () => `${pick(complaintSentences)} ${pick(complaintSentences)}`;

function answerTo(question: FormQuestion): Answers[string] | undefined {
  switch (question.kind) {
    case 'yes_no':
    case 'single_choice':
      return question.options.length > 0 ? pick(question.options).value : undefined;
    case 'multiple_choice':
      return question.options.filter(() => Math.random() < 0.4).map((o) => o.value);
    case 'scale':
      return question.scale ? question.scale.min + Math.floor(Math.random() * (question.scale.max - question.scale.min + 1)) : undefined;
    case 'number':
      return Math.floor(Math.random() * 10);
    case 'date':
      return isoDay(Date.now() - Math.random() * 365 * 86_400_000);
    case 'text':
      return madeUpConcern();
    default:
      // A family grid has no members to answer about on a referral form.
      return undefined;
  }
}

/**
 * Answers to every unconditional question of a form (conditional ones are left unasked, so no
 * answer is kept that the form would drop), optional ones four times in five.
 */
export function madeUpAnswers(definition: FormDefinition): Answers {
  const answers: Answers = {};
  for (const question of definition.sections.flatMap((s) => s.questions)) {
    if (question.condition || (!question.required && Math.random() < 0.2)) continue;
    const answer = answerTo(question);
    if (answer !== undefined) answers[question.key] = answer;
  }
  return answers;
}

import { describe, expect, it } from 'vitest';
import { formDefinition, type FormDefinition } from '../../../../shared/forms/definition.ts';
import { readDate } from './dates.ts';
import { firstUnfinished, nextPage, pagesOf, previousPage, submissionOf } from './flow.ts';
import { sectionPlan, sectionProblems } from './questions.ts';
import { linesHtml } from './render.ts';
import { decodeState, encodeState } from './state.ts';

const yesNo = [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }];
const definition: FormDefinition = formDefinition.parse({
  sections: [
    {
      title: 'First',
      questions: [
        { key: 'pets', text: 'Any pets?', kind: 'yes_no', required: true, options: yesNo },
        { key: 'which', text: 'Which pets?', kind: 'text', required: true, condition: { questionKey: 'pets', values: ['yes'] } },
        { key: 'size', text: 'How big?', kind: 'single_choice', options: [{ value: 's', label: 'Small' }, { value: 'm', label: 'Medium' }, { value: 'l', label: 'Large' }] },
        { key: 'fence', text: 'Is there a fence?', kind: 'yes_no', options: yesNo, condition: { questionKey: 'size', values: ['m', 'l'] } },
      ],
    },
    { title: 'Dogs', questions: [{ key: 'dog', text: 'What is the dog called?', kind: 'text', required: true, condition: { questionKey: 'pets', values: ['yes'] } }] },
  ],
});
const about = {
  'referrer-name': 'Ann Sender', 'subject-first-name': 'Ben', 'subject-last-name': 'Person',
};

describe('the pages of a public referral form', () => {
  it('reveal a question under the one answer that asks it on the same page, and say when one depends on several', () => {
    const [pets, size] = sectionPlan(definition, 0, {});
    expect(pets?.reveals).toEqual([{ value: 'yes', shown: [expect.objectContaining({ question: expect.objectContaining({ key: 'which' }) })] }]);
    expect(size?.question.key).toBe('size');
    expect(sectionPlan(definition, 0, {}).map((s) => s.question.key)).toEqual(['pets', 'size', 'fence']);
    expect(sectionPlan(definition, 0, {})[2]?.askedIf).toBe('Answer this only if you answered “Medium” or “Large” to “How big?”.');
  });

  it('leave out a page whose every question an earlier answer leaves unasked', () => {
    expect(pagesOf(definition, { 'q-pets': 'no' })).toEqual(['about-you', 'about-the-person', 'section-1', 'check']);
    expect(pagesOf(definition, { 'q-pets': 'yes' })).toEqual(['about-you', 'about-the-person', 'section-1', 'section-2', 'check']);
    expect(nextPage(definition, 'section-1', { 'q-pets': 'no' }, false)).toBe('check');
    expect(previousPage(definition, 'check', { 'q-pets': 'yes' })).toBe('section-2');
  });

  it('ask only the questions asked, and after a change go to the first page still wanting an answer', () => {
    expect(sectionProblems(definition, 0, { 'q-pets': 'no' })).toEqual([]);
    expect(sectionProblems(definition, 0, { 'q-pets': 'yes' })).toEqual([{ id: 'q-which', text: 'Enter an answer to “Which pets?”' }]);
    const values = { ...about, 'q-pets': 'yes', 'q-which': 'A dog' };
    expect(firstUnfinished(definition, values)).toBe('section-2');
    expect(nextPage(definition, 'about-you', values, true)).toBe('section-2');
    expect(firstUnfinished(definition, { ...values, 'q-dog': 'Rex' })).toBeNull();
  });

  it('send only the answers to questions asked', () => {
    const body = submissionOf(definition, { ...about, 'q-pets': 'no', 'q-which': 'Typed before changing to no', 'q-size': 's', 'q-fence': 'yes' });
    expect(body.answers).toEqual({ pets: 'no', size: 's' });
    expect(body.subject).toMatchObject({ firstName: 'Ben', lastName: 'Person', dateOfBirth: null, address: null });
  });

  it('carry the state there and back, and refuse one that is not', () => {
    const values = { 'q-which': 'Café “quoted” <b>', 'q-kinds': ['a', 'b'] };
    expect(decodeState(encodeState(values))).toEqual(values);
    expect(decodeState('!!!')).toBeNull();
    expect(decodeState(Buffer.from('{"a":1}').toString('base64url'))).toBeNull();
  });
});

describe('dates typed in three boxes', () => {
  it('read numbers and month names, and say which part is missing or that it is not real', () => {
    expect(readDate('3', 'feb', '2001')).toEqual({ kind: 'date', iso: '2001-02-03' });
    expect(readDate('03', 'February', '2001')).toEqual({ kind: 'date', iso: '2001-02-03' });
    expect(readDate('', '', '')).toEqual({ kind: 'blank' });
    expect(readDate('3', '', '')).toEqual({ kind: 'missing', parts: ['month', 'year'] });
    expect(readDate('29', '2', '2023')).toEqual({ kind: 'not-real' });
    expect(readDate('1', '13', '2023')).toEqual({ kind: 'not-real' });
    expect(readDate('1', '1', '23')).toEqual({ kind: 'not-real' });
  });
});

it('shows text as typed, escaped, with its lines', () => {
  expect(linesHtml('<script>"x"</script>\nnext & last')).toBe('&lt;script&gt;&quot;x&quot;&lt;/script&gt;<br>next &amp; last');
});

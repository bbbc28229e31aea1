import { describe, expect, it } from 'vitest';
import { formDefinition, type AnswerValue, type FamilyMember, type FormDefinition, type FormQuestion } from './definition.ts';
import { answerProblems, askedQuestions, formDefinitionProblems, keptAnswers, missingAnswers } from './engine.ts';

const yesNo = [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }];
const questions = (d: FormDefinition) => d.sections.flatMap((s) => s.questions);
const keys = (qs: FormQuestion[]) => qs.map((q) => q.key);

const sam: FamilyMember = { profileId: '0190f0a0-0000-7000-8000-000000000001', name: 'Sam Lee', relationship: 'Lead person' };
const alex: FamilyMember = { profileId: '0190f0a0-0000-7000-8000-000000000002', name: 'Alex Lee', relationship: 'Child' };

/** A referral as a partner might send one: every kind of question, conditions, and not a score anywhere. */
const referral = formDefinition.parse({
  sections: [
    {
      title: 'The referral',
      questions: [
        {
          key: 'reason', text: 'Why are you referring?', kind: 'single_choice', required: true,
          options: [{ value: 'asb', label: 'Anti-social behaviour' }, { value: 'hate', label: 'Hate crime' }, { value: 'other', label: 'Something else' }],
        },
        { key: 'reason-other', text: 'What is it?', kind: 'text', required: true, condition: { questionKey: 'reason', values: ['other'] } },
        { key: 'consent', text: 'Has the person agreed to the referral?', kind: 'yes_no', required: true, options: yesNo },
        { key: 'consented-on', text: 'When did they agree?', kind: 'date', required: true, condition: { questionKey: 'consent', values: ['yes'] } },
      ],
    },
    {
      title: 'The household',
      questions: [
        { key: 'needs', text: 'What help might they need?', kind: 'multiple_choice', options: [{ value: 'housing', label: 'Housing' }, { value: 'health', label: 'Health' }, { value: 'money', label: 'Money' }] },
        { key: 'health-detail', text: 'What health needs?', kind: 'text', condition: { questionKey: 'needs', values: ['health', 'money'] } },
        { key: 'adults', text: 'How many adults live there?', kind: 'number' },
        { key: 'worry', text: 'How worried are they?', kind: 'scale', scale: { min: 0, max: 5 } },
        { key: 'at-home', text: 'Does each of them live at the address?', kind: 'family_grid', required: true, options: yesNo },
      ],
    },
  ],
});

describe('a form with no scores at all', () => {
  it('is a usable definition whose options hold only a value and a label', () => {
    expect(formDefinitionProblems(referral)).toEqual([]);
    expect(questions(referral)[0]!.options[0]).toEqual({ value: 'asb', label: 'Anti-social behaviour' });
    expect(JSON.stringify(referral)).not.toContain('score');
  });

  it('drops any score it is given, since a form has nothing to add it to', () => {
    const scored = formDefinition.parse({ sections: [{ title: 'S', questions: [{ key: 'a', text: 'A?', kind: 'yes_no', options: [{ value: 'yes', label: 'Yes', score: 3 }, { value: 'no', label: 'No' }] }] }] });
    expect(questions(scored)[0]!.options).toEqual(yesNo);
  });

  it('takes a complete set of answers without a problem, and keeps them all', () => {
    const answers = {
      reason: 'other', 'reason-other': 'Threats on social media', consent: 'yes', 'consented-on': '2030-01-15',
      needs: ['housing', 'health'], 'health-detail': 'Anxiety', adults: 2, worry: 4, 'at-home': { [sam.profileId]: 'yes', [alex.profileId]: 'no' },
    };
    expect(answerProblems(referral, answers, [sam, alex])).toEqual([]);
    expect(missingAnswers(referral, answers, [sam, alex])).toEqual([]);
    expect(keptAnswers(referral, answers)).toEqual(answers);
  });
});

describe('which questions are asked', () => {
  // The assessment engine's first conditional template, as a form.
  const d = formDefinition.parse({
    sections: [{
      title: 'S',
      questions: [
        { key: 'children', text: 'Children in the home?', kind: 'yes_no', required: true, options: yesNo },
        { key: 'how-many', text: 'How many?', kind: 'number', required: true, condition: { questionKey: 'children', values: ['yes'] } },
        { key: 'school', text: 'At school?', kind: 'yes_no', required: true, options: yesNo, condition: { questionKey: 'how-many', values: ['1'] } },
      ],
    }],
  });

  it('are those whose earlier answer has one of the given values', () => {
    expect(askedQuestions(d, { children: 'no' }).map((q) => q.key)).toEqual(['children']);
    expect(askedQuestions(d, { children: 'yes' }).map((q) => q.key)).toEqual(['children', 'how-many']);
  });

  it('follow a number answer by its digits, and a chain of conditions from its start', () => {
    expect(keys(askedQuestions(d, { children: 'yes', 'how-many': 1 }))).toEqual(['children', 'how-many', 'school']);
    expect(keys(askedQuestions(d, { children: 'no', 'how-many': 1 }))).toEqual(['children']);
  });

  it('follow a multiple choice when any chosen value is one of the given ones', () => {
    expect(keys(askedQuestions(referral, { needs: ['housing'] }))).not.toContain('health-detail');
    expect(keys(askedQuestions(referral, { needs: ['housing', 'money'] }))).toContain('health-detail');
    expect(keys(askedQuestions(referral, { needs: [] }))).not.toContain('health-detail');
  });

  it('are the definition\'s own questions, in order across sections', () => {
    const asked = askedQuestions(referral, { reason: 'asb', consent: 'yes' });
    expect(keys(asked)).toEqual(['reason', 'consent', 'consented-on', 'needs', 'adults', 'worry', 'at-home']);
    expect(asked[0]).toBe(questions(referral)[0]);
  });

  it('keep only the answers to questions still asked', () => {
    const answers = { children: 'no', 'how-many': 3 };
    expect(keptAnswers(d, answers)).toEqual({ children: 'no' });
  });

  it('keep no blank answers', () => {
    expect(keptAnswers(referral, { reason: 'asb', needs: [], 'at-home': {}, 'reason-other': 'x', consent: '  ' })).toEqual({ reason: 'asb' });
  });

  it('are required only when asked', () => {
    expect(missingAnswers(d, { children: 'no' }, [])).toEqual([]);
    expect(missingAnswers(d, { children: 'yes' }, [])).toEqual([{ field: 'answers.how-many', problem: 'is required' }]);
  });
});

describe('answers', () => {
  const problem = (key: string, value: AnswerValue, members: FamilyMember[] = [sam]) =>
    answerProblems(referral, { [key]: value }, members).map((p) => `${p.field} ${p.problem}`)[0] ?? null;

  it('must name a question of the form', () => {
    expect(answerProblems(referral, { 'not-a-question': 'yes' }, [])).toEqual([{ field: 'answers.not-a-question', problem: 'is not a question of this template' }]);
  });

  it('to a yes or no, or one choice, must be one of its options', () => {
    expect(problem('consent', 'maybe')).toBe('answers.consent must be one of: yes, no');
    expect(problem('reason', 'noise')).toBe('answers.reason must be one of: asb, hate, other');
    expect(problem('reason', 3)).toBe('answers.reason must be one of: asb, hate, other');
    expect(problem('reason', 'hate')).toBeNull();
  });

  it('to several choices must be a list of its options, each once', () => {
    expect(problem('needs', 'housing')).toBe('answers.needs must be a list of choices');
    expect(problem('needs', ['housing', 'housing'])).toBe('answers.needs must not repeat a choice');
    expect(problem('needs', ['housing', 'food'])).toBe('answers.needs must be chosen from: housing, health, money');
    expect(problem('needs', ['money', 'housing'])).toBeNull();
  });

  it('on a scale must be a whole number in its range, 1 to 10 when it gives none', () => {
    expect(problem('worry', 6)).toBe('answers.worry must be a whole number from 0 to 5');
    expect(problem('worry', 2.5)).toBe('answers.worry must be a whole number from 0 to 5');
    expect(problem('worry', '3')).toBe('answers.worry must be a whole number from 0 to 5');
    expect(problem('worry', 0)).toBeNull();
    const unranged = { sections: [{ questions: [{ ...questions(referral).find((q) => q.key === 'worry')!, scale: null }] }] };
    expect(answerProblems(unranged, { worry: 11 }, [])).toEqual([{ field: 'answers.worry', problem: 'must be a whole number from 1 to 10' }]);
    expect(answerProblems(unranged, { worry: 10 }, [])).toEqual([]);
  });

  it('to a number must be a number', () => {
    expect(problem('adults', '2')).toBe('answers.adults must be a number');
    expect(problem('adults', ['2'])).toBe('answers.adults must be a number');
    expect(problem('adults', 2.5)).toBeNull();
    expect(problem('adults', -1)).toBeNull();
  });

  it('to a date must be a date as YYYY-MM-DD', () => {
    expect(problem('consented-on', '15/01/2030')).toBe('answers.consented-on must be a date as YYYY-MM-DD');
    expect(problem('consented-on', '2030-13-01')).toBe('answers.consented-on must be a date as YYYY-MM-DD');
    expect(problem('consented-on', 20300115)).toBe('answers.consented-on must be a date as YYYY-MM-DD');
    expect(problem('consented-on', '2030-01-15')).toBeNull();
  });

  it('in words must be text of at most 10,000 characters', () => {
    expect(problem('reason-other', 'x'.repeat(10_001))).toBe('answers.reason-other must be text of at most 10,000 characters');
    expect(problem('reason-other', 42)).toBe('answers.reason-other must be text of at most 10,000 characters');
    expect(problem('reason-other', 'x'.repeat(10_000))).toBeNull();
  });

  it('on a family grid give one of its options for members only', () => {
    expect(problem('at-home', 'yes')).toBe('answers.at-home must give an answer for each family member');
    expect(problem('at-home', ['yes'])).toBe('answers.at-home must give an answer for each family member');
    expect(problem('at-home', { [alex.profileId]: 'yes' })).toBe('answers.at-home names someone who is not a family member on this assessment');
    expect(problem('at-home', { [sam.profileId]: 'sometimes' })).toBe('answers.at-home must be one of: yes, no');
    expect(problem('at-home', { [sam.profileId]: 'no' })).toBeNull();
  });

  it('may be blank, as in a draft', () => {
    expect(answerProblems(referral, { reason: '', needs: [], 'at-home': {}, consent: '   ' }, [sam])).toEqual([]);
  });
});

describe('required questions', () => {
  it('are missing when blank, each named by its field', () => {
    expect(missingAnswers(referral, { reason: '  ', needs: [] }, [])).toEqual([
      { field: 'answers.reason', problem: 'is required' },
      { field: 'answers.consent', problem: 'is required' },
      { field: 'answers.at-home', problem: 'needs an answer for every family member' },
    ]);
  });

  it('become required when their condition asks them', () => {
    expect(missingAnswers(referral, { reason: 'other', consent: 'yes' }, []).map((p) => p.field)).toEqual(['answers.reason-other', 'answers.consented-on', 'answers.at-home']);
  });

  it('on a family grid need an answer for every member', () => {
    const answered = { reason: 'asb', consent: 'no' };
    expect(missingAnswers(referral, { ...answered, 'at-home': { [sam.profileId]: 'yes' } }, [sam, alex])).toEqual([
      { field: 'answers.at-home', problem: 'needs an answer for every family member' },
    ]);
    expect(missingAnswers(referral, answered, [sam])).toEqual([{ field: 'answers.at-home', problem: 'needs an answer for every family member' }]);
    expect(missingAnswers(referral, { ...answered, 'at-home': { [sam.profileId]: 'yes', [alex.profileId]: 'no' } }, [sam, alex])).toEqual([]);
  });

  it('are not missing when not required', () => {
    const problems = missingAnswers(referral, {}, []).map((p) => p.field);
    for (const key of ['needs', 'health-detail', 'adults', 'worry']) expect(problems).not.toContain(`answers.${key}`);
  });
});

describe('a usable definition', () => {
  const question = (change: Partial<FormQuestion>): FormQuestion => ({
    key: 'q', text: 'Q?', guidance: null, kind: 'text', options: [], scale: null, required: false, condition: null, ...change,
  });
  const problemsOf = (...qs: FormQuestion[]) => formDefinitionProblems({ sections: [{ questions: qs }] });

  it('has each key once', () => {
    expect(problemsOf(question({}), question({}))).toEqual([{ field: 'definition.sections.0.questions.1.key', problem: 'repeats the key "q"' }]);
  });

  it('gives a choice at least two options, each value once; a yes or no is just those', () => {
    expect(problemsOf(question({ kind: 'single_choice', options: [{ value: 'a', label: 'A' }] }))).toEqual([{ field: 'definition.sections.0.questions.0.options', problem: 'needs at least two options' }]);
    expect(problemsOf(question({ kind: 'multiple_choice', options: [{ value: 'a', label: 'A' }, { value: 'a', label: 'B' }] }))).toEqual([{ field: 'definition.sections.0.questions.0.options', problem: 'repeats an option value' }]);
    expect(problemsOf(question({ kind: 'yes_no', options: [{ value: 'yes', label: 'Yes' }, { value: 'maybe', label: 'Maybe' }] }))).toEqual([{ field: 'definition.sections.0.questions.0.options', problem: 'must be the two options "yes" and "no"' }]);
    expect(problemsOf(question({ kind: 'family_grid', options: yesNo }))).toEqual([]);
  });

  it('gives a scale a lowest rating below its highest', () => {
    expect(problemsOf(question({ kind: 'scale' }))).toEqual([{ field: 'definition.sections.0.questions.0.scale', problem: 'needs a lowest rating below its highest' }]);
    expect(problemsOf(question({ kind: 'scale', scale: { min: 5, max: 5 } }))).toHaveLength(1);
    expect(problemsOf(question({ kind: 'scale', scale: { min: 0, max: 5 } }))).toEqual([]);
  });

  it('makes conditions depend on an earlier question answered by choosing, and name its answers', () => {
    const d = formDefinition.parse({
      sections: [{
        title: 'S',
        questions: [
          { key: 'children', text: 'Children in the home?', kind: 'yes_no', required: true, options: yesNo },
          { key: 'how-many', text: 'How many?', kind: 'number', required: true, condition: { questionKey: 'children', values: ['yes'] } },
          { key: 'school', text: 'At school?', kind: 'yes_no', required: true, options: yesNo, condition: { questionKey: 'how-many', values: ['1'] } },
        ],
      }],
    });
    const later: FormQuestion = { ...questions(d)[1]!, condition: { questionKey: 'school', values: ['yes'] } };
    const broken = { ...d, sections: [{ title: 'S', questions: [questions(d)[0]!, later, questions(d)[2]!] }] };
    expect(formDefinitionProblems(broken).map((p) => p.problem)).toContain('must depend on an earlier question');
    expect(formDefinitionProblems(d).map((p) => p.problem)).toContain('must depend on a question answered by choosing');
    const grid = question({ key: 'grid', kind: 'family_grid', options: yesNo });
    expect(problemsOf(grid, question({ condition: { questionKey: 'grid', values: ['yes'] } })).map((p) => p.problem)).toEqual(['must depend on a question answered by choosing']);
    expect(problemsOf(question({ key: 'a', kind: 'yes_no', options: yesNo }), question({ condition: { questionKey: 'a', values: ['maybe'] } }))).toEqual([
      { field: 'definition.sections.0.questions.1.condition', problem: 'must name answers of "a"' },
    ]);
  });

  it('reports its fields where the definition sits in the request', () => {
    expect(formDefinitionProblems({ sections: [{ questions: [question({}), question({})] }] }, 'form')).toEqual([{ field: 'form.sections.0.questions.1.key', problem: 'repeats the key "q"' }]);
  });
});

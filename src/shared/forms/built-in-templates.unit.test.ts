// The built-in assessment templates are forms too: the form engine checks answers to them.
import { describe, expect, it } from 'vitest';
import { builtIn } from '../built-in-templates.fixtures.ts';
import { answerProblems, formDefinitionProblems, missingAnswers } from './engine.ts';

const matrix = builtIn('asb-risk-matrix');

describe('the built-in templates as forms', () => {
  it('are usable forms', () => {
    for (const key of ['victim-screening', 'asb-risk-matrix', 'wheel', 'family']) expect(formDefinitionProblems(builtIn(key))).toEqual([]);
  });
});

describe('answers', () => {
  const members = [{ profileId: '0190f0a0-0000-7000-8000-000000000001', name: 'Sam Lee', relationship: 'Lead person' }];

  it('must be one of the question\'s options', () => {
    expect(answerProblems(matrix, { 'ram-frequency': '9' }, [])).toEqual([{ field: 'answers.ram-frequency', problem: 'must be one of: 0, 1, 2, 3, 4, 5' }]);
    expect(answerProblems(matrix, { 'not-a-question': 'yes' }, [])).toEqual([{ field: 'answers.not-a-question', problem: 'is not a question of this template' }]);
  });

  it('on a family grid name only family members on the assessment', () => {
    const family = builtIn('family');
    expect(answerProblems(family, { 'family-health': { [members[0]!.profileId]: 'yes' } }, members)).toEqual([]);
    expect(answerProblems(family, { 'family-health': { other: 'yes' } }, members)[0]?.problem).toBe('names someone who is not a family member on this assessment');
    expect(missingAnswers(family, { 'family-health': {} }, members).map((p) => p.field)).toContain('answers.family-health');
  });

  it('on a scale must be a whole number in its range', () => {
    const wheel = builtIn('wheel');
    expect(answerProblems(wheel, { 'wheel-health': 11 }, [])).toEqual([{ field: 'answers.wheel-health', problem: 'must be a whole number from 1 to 10' }]);
    expect(answerProblems(wheel, { 'wheel-health': 10 }, [])).toEqual([]);
  });
});

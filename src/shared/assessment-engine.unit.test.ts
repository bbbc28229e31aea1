// The scoring of assessments. Which questions are asked and whether answers fit them are the form
// engine's, tested in forms/*.unit.test.ts; here, only what scores add to a form.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { templateDefinition, type Answers, type TemplateQuestion } from './api/assessments.ts';
import { bandFor, definitionProblems, finalScore, scoreOf, thresholdsReached } from './assessment-engine.ts';
import { builtIn, questions } from './built-in-templates.fixtures.ts';
import { formDefinitionProblems } from './forms/engine.ts';

const matrix = builtIn('asb-risk-matrix');
const victim = builtIn('victim-screening');

/** Any choice of one option per matrix question. */
const matrixAnswers = fc.tuple(...questions(matrix).map((q) => fc.constantFrom(...q.options))).map((chosen) => {
  const answers: Answers = {};
  questions(matrix).forEach((q, i) => { answers[q.key] = chosen[i]!.value; });
  return { answers, expected: chosen.reduce((sum, o) => sum + o.score, 0) };
});

describe('the built-in templates', () => {
  it('are valid templates', () => {
    for (const key of ['victim-screening', 'asb-risk-matrix', 'wheel', 'family']) expect(definitionProblems(builtIn(key))).toEqual([]);
  });

  it('give the matrix 13 questions whose highest answers total 37', () => {
    expect(questions(matrix)).toHaveLength(13);
    const highest = questions(matrix).reduce((sum, q) => sum + Math.max(...q.options.map((o) => o.score)), 0);
    expect(highest).toBe(37);
  });
});

describe('scoring', () => {
  it('is the sum of the chosen options for any answers to the matrix', () => {
    fc.assert(fc.property(matrixAnswers, ({ answers, expected }) => {
      expect(scoreOf(matrix, answers)).toBe(expected);
    }));
  });

  it('sums every chosen option of a multiple choice, and a scale is its rating', () => {
    const d = templateDefinition.parse({
      sections: [{
        title: 'S',
        questions: [
          { key: 'many', text: 'Which?', kind: 'multiple_choice', options: [{ value: 'a', label: 'A', score: 2 }, { value: 'b', label: 'B', score: 5 }, { value: 'c', label: 'C', score: 7 }] },
          { key: 'rating', text: 'Rate', kind: 'scale', scale: { min: 1, max: 10 } },
        ],
      }],
    });
    fc.assert(fc.property(fc.subarray(['a', 'b', 'c']), fc.integer({ min: 1, max: 10 }), (chosen, rating) => {
      const expected = chosen.reduce((sum, v) => sum + ({ a: 2, b: 5, c: 7 } as Record<string, number>)[v]!, 0) + rating;
      expect(scoreOf(d, { many: chosen, rating })).toBe(expected);
    }));
  });

  it('is null for a template that is not scored', () => {
    expect(scoreOf({ ...matrix, scoring: 'none', bands: [], thresholds: [], adjustment: 'not_allowed', setsRiskLevel: false }, {})).toBeNull();
  });
});

describe('bands', () => {
  it('put the matrix total in Standard to 15, Medium 16 to 29 and High from 30', () => {
    const label = (score: number) => bandFor(matrix, score)?.label;
    expect([0, 15, 16, 29, 30, 37].map(label)).toEqual(['Standard', 'Standard', 'Medium', 'Medium', 'High', 'High']);
    expect(bandFor(matrix, 30)?.riskLevel).toBe('high');
    expect(bandFor(matrix, null)).toBeNull();
  });

  it('find exactly one matrix band for every possible set of answers', () => {
    fc.assert(fc.property(matrixAnswers, ({ answers }) => {
      const score = scoreOf(matrix, answers)!;
      expect(matrix.bands.filter((b) => score >= b.min && (b.max === null || score <= b.max))).toHaveLength(1);
    }));
  });

  it('are refused when they overlap', () => {
    const overlapping = { ...matrix, bands: [{ ...matrix.bands[0]!, max: 20 }, ...matrix.bands.slice(1)] };
    expect(definitionProblems(overlapping)).toContainEqual({ field: 'definition.bands', problem: '"Standard" overlaps "Medium"' });
  });
});

describe('the score that counts', () => {
  it('is the adjusted score only once the adjustment is approved', () => {
    expect(finalScore({ score: 37, adjustedScore: 20, adjustmentStatus: 'approved' })).toBe(20);
    expect(finalScore({ score: 37, adjustedScore: 20, adjustmentStatus: 'pending' })).toBe(37);
    expect(finalScore({ score: 37, adjustedScore: 20, adjustmentStatus: 'rejected' })).toBe(37);
    expect(finalScore({ score: 37, adjustedScore: null, adjustmentStatus: null })).toBe(37);
  });
});

describe('thresholds', () => {
  const no = Object.fromEntries(questions(victim).map((q) => [q.key, 'no']));

  it('are not reached by a VICTIM screening answered all "no"', () => {
    expect(thresholdsReached(victim, scoreOf(victim, no))).toEqual([]);
    expect(bandFor(victim, scoreOf(victim, no))?.label).toBe('Standard');
  });

  it('ask for the full matrix the same day when any VICTIM answer is "yes"', () => {
    fc.assert(fc.property(fc.subarray(questions(victim).map((q) => q.key), { minLength: 1 }), (yes) => {
      const answers = { ...no, ...Object.fromEntries(yes.map((k) => [k, 'yes'])) };
      expect(thresholdsReached(victim, scoreOf(victim, answers))).toEqual([
        { min: 1, label: 'Complete the ASB Risk Assessment Matrix today', followUp: 'asb-risk-matrix' },
      ]);
    }));
  });
});

describe('conditional questions', () => {
  const d = templateDefinition.parse({
    sections: [{
      title: 'S',
      questions: [
        { key: 'children', text: 'Children in the home?', kind: 'yes_no', required: true, options: [{ value: 'yes', label: 'Yes', score: 2 }, { value: 'no', label: 'No', score: 0 }] },
        { key: 'how-many', text: 'How many?', kind: 'number', required: true, condition: { questionKey: 'children', values: ['yes'] } },
        { key: 'school', text: 'At school?', kind: 'yes_no', required: true, options: [{ value: 'yes', label: 'Yes', score: 1 }, { value: 'no', label: 'No', score: 0 }], condition: { questionKey: 'how-many', values: ['1'] } },
      ],
    }],
  });

  it('score nothing once no longer asked', () => {
    expect(scoreOf(d, { children: 'no', school: 'yes' })).toBe(0);
  });

  it('must depend on an earlier question answered by choosing', () => {
    const later: TemplateQuestion = { ...questions(d)[1]!, condition: { questionKey: 'school', values: ['yes'] } };
    const broken = { ...d, sections: [{ title: 'S', questions: [questions(d)[0]!, later, questions(d)[2]!] }] };
    expect(definitionProblems(broken).map((p) => p.problem)).toContain('must depend on an earlier question');
    expect(definitionProblems(d).map((p) => p.problem)).toContain('must depend on a question answered by choosing');
  });
});

describe('a template', () => {
  it('has its questions checked as a form\'s, then its bands and rules', () => {
    const broken = { ...matrix, chart: 'wheel' as const, bands: [{ ...matrix.bands[0]!, max: 20 }, ...matrix.bands.slice(1)] };
    broken.sections = [{ ...broken.sections[0]!, questions: [...broken.sections[0]!.questions, broken.sections[0]!.questions[0]!] }];
    const formProblems = formDefinitionProblems(broken);
    expect(formProblems).toEqual([{ field: `definition.sections.0.questions.${broken.sections[0]!.questions.length - 1}.key`, problem: 'repeats the key "ram-frequency"' }]);
    expect(definitionProblems(broken)).toEqual([
      ...formProblems,
      { field: 'definition.bands', problem: '"Standard" overlaps "Medium"' },
      { field: 'definition.chart', problem: 'a wheel needs rating (scale) questions' },
    ]);
  });
});

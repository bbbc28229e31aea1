import { describe, expect, it } from 'vitest';
import { templateDefinition, type TemplateDefinition } from '../../shared/api/assessments.ts';
import { wrapLabel } from './ChartStyle.ts';
import {
  describeField, emptyDraft, groupProblems, keyFrom, moved, ownQuestion, problemsUnder, renameKey, uidOf, withKind,
} from './TemplateDraft.ts';

describe('the template builder', () => {
  it('moves an item one place at a time and never off the ends of the list', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('makes answer keys from the wording, unique in the template', () => {
    expect(keyFrom('Is the home safe?', new Set())).toBe('is-the-home-safe');
    expect(keyFrom('Is the home safe?', new Set(['is-the-home-safe', 'is-the-home-safe-2']))).toBe('is-the-home-safe-3');
    expect(keyFrom('???', new Set())).toBe('question');
  });

  it('renames a key in the questions that depend on it too', () => {
    const first = { ...ownQuestion(new Set()), key: 'abuse' };
    const second = { ...ownQuestion(new Set(['abuse'])), condition: { questionKey: 'abuse', values: ['yes'] } };
    const definition: TemplateDefinition = { ...emptyDraft().definition, sections: [{ title: 'A', questions: [first, second] }] };
    const renamed = renameKey(definition, 'abuse', 'domestic-abuse');
    expect(renamed.sections[0]!.questions.map((q) => q.key)).toEqual(['domestic-abuse', second.key]);
    expect(renamed.sections[0]!.questions[1]!.condition).toEqual({ questionKey: 'domestic-abuse', values: ['yes'] });
  });

  it('keeps each question editor while the question changes, and sends nothing of it to the server', () => {
    const question = ownQuestion(new Set());
    const edited = { ...question, text: 'Is the home safe?' };
    expect(uidOf(edited)).toBe(uidOf(question));
    expect(uidOf(ownQuestion(new Set()))).not.toBe(uidOf(question));
    const parsed = templateDefinition.parse({ ...emptyDraft().definition, sections: [{ title: 'A', questions: [edited] }] });
    expect(Object.keys(parsed.sections[0]!.questions[0]!)).not.toContain('uid');
  });

  it('gives a question the options and range its new kind needs', () => {
    const question = ownQuestion(new Set());
    expect(withKind(question, 'scale')).toMatchObject({ options: [], scale: { min: 1, max: 10 } });
    expect(withKind(question, 'single_choice').options).toHaveLength(2);
    expect(withKind(withKind(question, 'text'), 'yes_no').options.map((o) => o.value)).toEqual(['yes', 'no']);
  });

  it('puts problems beside the fields they belong to, in the builder\'s words', () => {
    const problems = groupProblems([
      { field: 'definition.sections.0.questions.2.options', problem: 'needs at least two options' },
      { field: 'definition.sections.0.questions.2.options', problem: 'needs at least two options' },
      { field: 'definition.bands', problem: '"Low" overlaps "High"' },
    ]);
    expect(problemsUnder(problems, 'definition.sections.0.questions.2')).toEqual(['needs at least two options']);
    expect(problemsUnder(problems, 'definition.sections.0.questions.1')).toEqual([]);
    expect(describeField('definition.sections.0.questions.2.text')).toBe('Section 1, question 3, wording');
    expect(describeField('definition.bands.1.label')).toBe('Band 2, label');
  });
});

describe('chart labels', () => {
  it('wraps at spaces and shortens what will not fit', () => {
    expect(wrapLabel('Education, training and employment', 18)).toEqual(['Education,', 'training and', 'employment']);
    expect(wrapLabel('Attitudes, thinking and behaviour', 11, 2)).toEqual(['Attitudes,', 'thinking…']);
  });
});

import { describe, expect, it } from 'vitest';
import { templateDefinition, type TemplateDefinition, type TemplateQuestion } from '../../shared/api/assessments.ts';
import { definitionProblems } from '../../shared/assessment-engine.ts';
import { wrapLabel } from './ChartStyle.ts';
import {
  conditionsOnLater, describeField, emptyDraft, groupProblems, keyFrom, moved, movedMessage, movedToSection, ownQuestion, problemsUnder, renameKey, uidOf, withKind,
} from './TemplateDraft.ts';

const question = (key: string, text: string, change: Partial<TemplateQuestion> = {}): TemplateQuestion => ({ ...ownQuestion(new Set()), key, text, ...change });

/** Abuse (section 1) → its follow-up depends on it; notes (section 2) depends on nothing. */
function threeSections(): TemplateDefinition {
  const abuse = question('abuse', 'Is there domestic abuse?');
  const followUp = question('advocate', 'Is an advocate involved?', { required: true, condition: { questionKey: 'abuse', values: ['yes'] }, options: [{ value: 'yes', label: 'Yes', score: 3 }, { value: 'no', label: 'No', score: 0 }] });
  return {
    ...emptyDraft().definition,
    sections: [
      { title: 'Risks', questions: [abuse, followUp] },
      { title: 'Household', questions: [question('notes', 'Who lives there?', { kind: 'text', options: [] })] },
      { title: ' ', questions: [] },
    ],
  };
}

describe('the template builder', () => {
  it('moves an item one place at a time and never off the ends of the list', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('moves a question to the end of another section with all its settings, and leaves the rest alone', () => {
    const definition = threeSections();
    const followUp = definition.sections[0]!.questions[1]!;
    const after = movedToSection(definition, { section: 0, index: 1 }, 1);
    expect(after.sections.map((s) => s.questions.map((q) => q.key))).toEqual([['abuse'], ['notes', 'advocate'], []]);
    expect(after.sections[1]!.questions[1]).toBe(followUp);
    expect(uidOf(after.sections[1]!.questions[1]!)).toBe(uidOf(followUp));
    expect(after.sections[2]).toBe(definition.sections[2]);
    expect(definition.sections[0]!.questions).toHaveLength(2);
    expect(definitionProblems(after)).toEqual([]);
    expect(movedToSection(definition, { section: 0, index: 1 }, 0)).toBe(definition);
    expect(movedToSection(definition, { section: 0, index: 5 }, 1)).toBe(definition);
    expect(movedToSection(definition, { section: 0, index: 1 }, 7)).toBe(definition);
  });

  it('says where a moved question went, and in words which condition the move broke', () => {
    const definition = threeSections();
    const abuse = uidOf(definition.sections[0]!.questions[0]!);
    const intoEmpty = movedToSection(definition, { section: 1, index: 0 }, 2);
    expect(movedMessage(intoEmpty, uidOf(definition.sections[1]!.questions[0]!))).toBe('Moved “Who lives there?” to the end of section 3: it is now question 3.');

    // The question a condition depends on moves below it: the engine refuses, the builder says why.
    const sourceLater = movedToSection(definition, { section: 0, index: 0 }, 1);
    expect(definitionProblems(sourceLater)).toContainEqual({ field: 'definition.sections.0.questions.0.condition', problem: 'must depend on an earlier question' });
    expect(conditionsOnLater(sourceLater)).toMatchObject([{ question: { key: 'advocate', number: 1 }, source: { key: 'abuse', number: 3, text: 'Is there domestic abuse?' } }]);
    expect(movedMessage(sourceLater, abuse)).toBe('Moved “Is there domestic abuse?” to the end of section 2, Household: it is now question 3. Question 1 depends on it and now comes before it.');

    // The dependent question moves above the one it depends on.
    const withNotesFirst: TemplateDefinition = { ...definition, sections: [definition.sections[1]!, definition.sections[0]!, definition.sections[2]!] };
    const followUp = uidOf(definition.sections[0]!.questions[1]!);
    const dependentEarlier = movedToSection(withNotesFirst, { section: 1, index: 1 }, 0);
    expect(movedMessage(dependentEarlier, followUp)).toBe('Moved “Is an advocate involved?” to the end of section 1, Household: it is now question 2. Its condition depends on question 3, which now comes after it.');
    expect(conditionsOnLater(withNotesFirst)).toEqual([]);
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
    expect(problemsUnder(problems, 'definition.sections.0.questions.2', 'definition.sections.0.questions.2.options')).toEqual([]);
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

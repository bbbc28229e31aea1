import { describe, expect, it } from 'vitest';
import { createReferralFormBody, updateReferralFormBody, type ReferralForm } from '../../../shared/api/referrals.ts';
import { formDefinitionProblems } from '../../../shared/forms/engine.ts';
import { builderField, createBody, draftOfForm, editableDefinition, formSections, newFormDraft, updateBody } from './formDraft.ts';

const teamId = '5b0a8c1e-4a4e-4d55-9d0e-1f2a3b4c5d6e';

const definition = {
  sections: [{
    title: 'Your concern',
    questions: [
      { key: 'danger', text: 'Is anyone in immediate danger?', guidance: 'If so, call 999', kind: 'yes_no' as const, options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }], scale: null, required: true, condition: null },
      { key: 'concern', text: 'What is your concern?', guidance: null, kind: 'text' as const, options: [], scale: null, required: true, condition: null },
    ],
  }],
};

const form: ReferralForm = {
  id: '8d2f6a3b-1c4e-4f7a-9b8c-0d1e2f3a4b5c',
  slug: 'noise',
  name: 'Report noise',
  team: { id: teamId, name: 'Community Safety team' },
  status: 'published',
  purpose: 'referral',
  sensitive: false,
  decisionDays: 2,
  formVersion: 1,
  template: null,
  publicPath: '/refer/noise',
  updatedAt: '2026-03-04T09:00:00.000Z',
  version: 4,
  permissions: { canManage: true },
  introduction: null,
  privacyNotice: 'We keep it safe.',
  lawfulBasis: 'public-task',
  subjectRole: null,
  definition,
  createdAt: '2026-03-01T09:00:00.000Z',
};

describe('the builder’s questions', () => {
  it('go back and forth between a form and the template editors unchanged', () => {
    const editable = editableDefinition(definition);
    expect(editable.sections[0]!.questions[0]!.options[0]).toEqual({ value: 'yes', label: 'Yes', score: 0 });
    expect(formSections(editable)).toEqual(definition.sections);
    expect(formDefinitionProblems(editable)).toEqual([]);
  });
});

describe('createBody', () => {
  it('starts a new form with the concern question and sends its own sections', () => {
    const draft = { ...newFormDraft(teamId), name: 'Report noise' };
    const body = createBody(draft);
    expect(body).toMatchObject({ name: 'Report noise', teamId, status: 'draft', introduction: null, sections: [{ title: 'Your concern', questions: [{ key: 'concern', required: true }] }] });
    expect(body).not.toHaveProperty('slug');
    expect(createReferralFormBody.safeParse(body).success).toBe(true);
  });

  it('sends a template’s key instead of questions', () => {
    const body = createBody({ ...newFormDraft(teamId), name: 'ASB', slug: 'asb', source: 'template', templateKey: 'victim' });
    expect(body).toMatchObject({ slug: 'asb', templateKey: 'victim' });
    expect(body).not.toHaveProperty('sections');
    expect(createReferralFormBody.safeParse(body).success).toBe(true);
  });
});

describe('updateBody', () => {
  it('sends only the settings changed, with the version', () => {
    const body = updateBody({ ...draftOfForm(form), status: 'closed', decisionDays: 3 }, form);
    expect(body).toEqual({ version: 4, status: 'closed', decisionDays: 3 });
    expect(updateReferralFormBody.safeParse(body).success).toBe(true);
  });

  it('sends the sections when a question changes', () => {
    const draft = draftOfForm(form);
    draft.definition.sections[0]!.questions[1]!.text = 'What is happening?';
    const body = updateBody(draft, form);
    expect(Object.keys(body)).toEqual(['version', 'sections']);
  });

  it('moves between a template and the form’s own questions', () => {
    const onTemplate = { ...form, template: { id: teamId, key: 'victim', name: 'VICTIM', version: 2 } };
    expect(updateBody({ ...draftOfForm(onTemplate), source: 'own' }, onTemplate)).toMatchObject({ version: 4, sections: definition.sections, templateKey: null });
    expect(updateBody({ ...draftOfForm(form), source: 'template', templateKey: 'victim' }, form)).toEqual({ version: 4, templateKey: 'victim' });
    expect(updateBody(draftOfForm(onTemplate), onTemplate)).toEqual({ version: 4 });
  });
});

describe('builderField', () => {
  it('puts the body’s sections where the question editors look', () => {
    expect(builderField('sections.0.questions.1.text')).toBe('definition.sections.0.questions.1.text');
    expect(builderField('slug')).toBe('slug');
  });
});

import type { ReferralForm } from '../../../shared/api/referrals.ts';
import type { TemplateDefinition } from '../../../shared/api/assessments.ts';
import type { FormDefinition, FormSection } from '../../../shared/forms/definition.ts';
import type { ProfileRole } from '../../../shared/records.ts';
import { referralFormDefaults, type LawfulBasis, type ReferralFormPurpose, type ReferralFormStatus } from '../../../shared/referrals.ts';
import { emptyDraft, withUid } from '../../assessments/TemplateDraft.ts';

/** What the form builder edits: the settings, and either its own questions or a template's. */
export interface FormDraft {
  name: string;
  teamId: string | null;
  slug: string;
  introduction: string;
  privacyNotice: string;
  lawfulBasis: LawfulBasis;
  sensitive: boolean;
  decisionDays: number;
  subjectRole: ProfileRole | null;
  status: ReferralFormStatus;
  purpose: ReferralFormPurpose;
  source: 'own' | 'template';
  templateKey: string | null;
  /**
   * The questions as the assessment template builder's section and question editors hold them
   * (reused without scores); only the form's fields are sent.
   */
  definition: TemplateDefinition;
}

/** A form's questions in the template builder's shape: no score, no bank question, no topics. */
export function editableDefinition(definition: FormDefinition): TemplateDefinition {
  return {
    ...emptyDraft().definition,
    sections: definition.sections.map((s) => ({
      title: s.title,
      questions: s.questions.map((q) => withUid({ ...q, questionId: null, nature: 'objective', topics: [], options: q.options.map((o) => ({ ...o, score: 0 })) })),
    })),
  };
}

/** The builder's questions as a referral form asks them. */
export function formSections(definition: TemplateDefinition): FormSection[] {
  return definition.sections.map((s) => ({
    title: s.title,
    questions: s.questions.map((q) => ({
      key: q.key,
      text: q.text,
      guidance: q.guidance,
      kind: q.kind,
      options: q.options.map((o) => ({ value: o.value, label: o.label })),
      scale: q.scale,
      required: q.required,
      condition: q.condition,
    })),
  }));
}

const { key, text, kind, required } = referralFormDefaults.concernQuestion;

export function newFormDraft(teamId: string | null): FormDraft {
  return {
    name: '',
    teamId,
    slug: '',
    introduction: '',
    privacyNotice: referralFormDefaults.privacyNotice,
    lawfulBasis: referralFormDefaults.lawfulBasis,
    sensitive: false,
    decisionDays: referralFormDefaults.decisionDays,
    subjectRole: null,
    status: 'draft',
    purpose: 'referral',
    source: 'own',
    templateKey: null,
    definition: editableDefinition({
      sections: [{ title: 'Your concern', questions: [{ key, text, kind, required, guidance: null, options: [], scale: null, condition: null }] }],
    }),
  };
}

export function draftOfForm(form: ReferralForm): FormDraft {
  return {
    name: form.name,
    teamId: form.team.id,
    slug: form.slug,
    introduction: form.introduction ?? '',
    privacyNotice: form.privacyNotice,
    lawfulBasis: form.lawfulBasis,
    sensitive: form.sensitive,
    decisionDays: form.decisionDays,
    subjectRole: form.subjectRole,
    status: form.status,
    purpose: form.purpose,
    source: form.template ? 'template' : 'own',
    templateKey: form.template?.key ?? null,
    definition: editableDefinition(form.definition),
  };
}

const settingsOf = (d: FormDraft) => ({
  name: d.name,
  introduction: d.introduction.trim() === '' ? null : d.introduction,
  privacyNotice: d.privacyNotice,
  lawfulBasis: d.lawfulBasis,
  sensitive: d.sensitive,
  decisionDays: d.decisionDays,
  subjectRole: d.subjectRole,
  status: d.status,
  purpose: d.purpose,
});

/** The body of `POST /referral-forms`: its own sections, or the template's key. */
export function createBody(draft: FormDraft): Record<string, unknown> {
  return {
    ...settingsOf(draft),
    teamId: draft.teamId ?? '',
    ...(draft.slug.trim() ? { slug: draft.slug } : {}),
    ...(draft.source === 'template' ? { templateKey: draft.templateKey ?? '' } : { sections: formSections(draft.definition) }),
  };
}

/**
 * The body of `PATCH /referral-forms/:id`: the version it was based on and only what changed. New
 * questions (or a template instead of them, or the other way round) make a new version.
 */
export function updateBody(draft: FormDraft, form: ReferralForm): Record<string, unknown> {
  const body: Record<string, unknown> = { version: form.version };
  const before: Record<string, unknown> = settingsOf(draftOfForm(form));
  for (const [field, value] of Object.entries(settingsOf(draft))) {
    if (value !== before[field]) body[field] = value;
  }
  if (draft.slug !== form.slug) body.slug = draft.slug;
  const wasTemplate = form.template?.key ?? null;
  if (draft.source === 'template') {
    if (draft.templateKey !== wasTemplate) body.templateKey = draft.templateKey ?? '';
  } else {
    const sections = formSections(draft.definition);
    if (wasTemplate !== null || JSON.stringify(sections) !== JSON.stringify(formSections(editableDefinition(form.definition)))) body.sections = sections;
    if (wasTemplate !== null) body.templateKey = null;
  }
  return body;
}

/** Problems from the schema or the server, keyed as the question editors look for them ("definition.sections.0…"). */
export function builderField(field: string): string {
  return field.startsWith('sections') ? `definition.${field}` : field;
}

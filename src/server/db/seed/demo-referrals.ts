import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { formDefinition, type FormDefinition, type formQuestion } from '../../../shared/forms/definition.ts';
import type { ProfileRole } from '../../../shared/records.ts';
import { referralFormDefaults } from '../../../shared/referrals.ts';
import { concernSectionTitle, plainDefinition, withConcern } from '../../modules/referral-forms/definition.ts';
import type { AuditEntry } from '../../platform/audit/actions.ts';
import { assessmentTemplates, assessmentTemplateVersions, referralForms, referralFormVersions } from '../schema/index.ts';
import type { Tx } from '../transaction.ts';

interface DemoForm {
  partnership: string;
  /** "<organisation>/<team>", as the demo seed names teams. */
  team: string;
  slug: string;
  name: string;
  introduction: string;
  sensitive: boolean;
  decisionDays: number;
  subjectRole: ProfileRole | null;
  /** A built-in template whose questions the form asks, or its own questions. */
  questions: { templateKey: string } | { own: z.input<typeof formQuestion>[] };
}

const yesNo = [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }];

/**
 * The demo's referral forms: the council's community safety team (where the council's ASB
 * coordinator works) takes concerns about anti-social behaviour on the VICTIM screening, the
 * domestic abuse charity's IDVA team takes domestic abuse referrals, and Neighbouring County's
 * police ASB team (its demo officer's) a plain concern.
 */
export const demoReferralForms: DemoForm[] = [
  {
    partnership: 'Demo County Community Safety Partnership',
    team: 'Demo District Council/Community Safety team',
    slug: 'asb-concern',
    name: 'Report a concern about anti-social behaviour',
    introduction: 'Tell us about anti-social behaviour that is affecting you or someone else. The community safety team will look at what you send within 2 working days.',
    sensitive: false,
    decisionDays: 2,
    subjectRole: 'victim',
    questions: { templateKey: 'victim-screening' },
  },
  {
    partnership: 'Demo County Community Safety Partnership',
    team: 'Demo Domestic Abuse Charity/IDVA team',
    slug: 'domestic-abuse',
    name: 'Domestic abuse referral',
    introduction: 'Refer someone who is experiencing domestic abuse to our independent domestic violence advisers. We will look at it by the end of the next working day.',
    sensitive: true,
    decisionDays: 1,
    subjectRole: 'victim',
    questions: {
      own: [
        {
          key: 'relationship',
          text: 'What is the relationship between the person and the person causing harm?',
          kind: 'single_choice',
          required: true,
          options: [
            { value: 'partner', label: 'Partner' },
            { value: 'ex-partner', label: 'Ex-partner' },
            { value: 'family-member', label: 'Family member' },
            { value: 'other', label: 'Someone else' },
          ],
        },
        { key: 'children', text: 'Are there children in the household?', kind: 'yes_no', required: true, options: yesNo },
        { key: 'immediate-danger', text: 'Is the person in immediate danger?', guidance: 'If someone is in immediate danger, call 999', kind: 'yes_no', required: true, options: yesNo },
        { key: 'concern', text: 'What is your concern?', kind: 'text', required: true },
      ],
    },
  },
  {
    partnership: 'Neighbouring County',
    team: 'Neighbouring County Police/ASB team',
    slug: 'nc-concern',
    name: 'Report a concern to Neighbouring County',
    introduction: 'Tell us what is happening and who it affects. The ASB team will look at what you send within 2 working days.',
    sensitive: false,
    decisionDays: 2,
    subjectRole: null,
    questions: { own: [referralFormDefaults.concernQuestion] },
  },
];

async function questionsOf(tx: Tx, partnershipId: string, form: DemoForm): Promise<{ definition: FormDefinition; templateId: string | null; templateVersionId: string | null }> {
  if ('own' in form.questions) return { definition: formDefinition.parse({ sections: [{ title: concernSectionTitle, questions: form.questions.own }] }), templateId: null, templateVersionId: null };
  const [template] = await tx.select({ id: assessmentTemplates.id, versionId: assessmentTemplateVersions.id, definition: assessmentTemplateVersions.definition })
    .from(assessmentTemplates)
    .innerJoin(assessmentTemplateVersions, and(eq(assessmentTemplateVersions.templateId, assessmentTemplates.id), eq(assessmentTemplateVersions.version, assessmentTemplates.version)))
    .where(and(eq(assessmentTemplates.partnershipId, partnershipId), eq(assessmentTemplates.key, form.questions.templateKey)));
  if (!template) throw new Error(`The demo referral forms name a template the partnership lacks: ${form.questions.templateKey}`);
  return { definition: withConcern(plainDefinition(template.definition)), templateId: template.id, templateVersionId: template.versionId };
}

/** Seeds the forms in the demo seed's transaction (a slug already there is left alone) and returns their audit entries. */
export async function seedDemoReferralForms(
  tx: Tx,
  partnershipId: (name: string) => string,
  team: (key: string) => { id: string; organisationId: string },
): Promise<AuditEntry[]> {
  const audit: AuditEntry[] = [];
  for (const form of demoReferralForms) {
    const { id: teamId, organisationId } = team(form.team);
    const questions = await questionsOf(tx, partnershipId(form.partnership), form);
    const [created] = await tx.insert(referralForms).values({
      partnershipId: partnershipId(form.partnership),
      teamId,
      slug: form.slug,
      name: form.name,
      introduction: form.introduction,
      privacyNotice: referralFormDefaults.privacyNotice,
      lawfulBasis: referralFormDefaults.lawfulBasis,
      sensitive: form.sensitive,
      decisionDays: form.decisionDays,
      subjectRole: form.subjectRole,
      status: 'published',
      templateId: questions.templateId,
    }).onConflictDoNothing().returning({ id: referralForms.id });
    if (!created) continue;
    await tx.insert(referralFormVersions).values({ formId: created.id, version: 1, definition: questions.definition, templateVersionId: questions.templateVersionId });
    audit.push({
      action: 'referral_form.created',
      entityType: 'referral_form',
      entityId: created.id,
      subjectOrganisationId: organisationId,
      subjectTeamId: teamId,
      details: { slug: form.slug, teamId, status: 'published', formVersion: 1, templateId: questions.templateId },
    });
  }
  return audit;
}

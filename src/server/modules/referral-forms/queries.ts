import { and, asc, desc, eq, like, ne, or, sql, type SQL } from 'drizzle-orm';
import type { FormDefinition } from '../../../shared/forms/definition.ts';
import type { LawfulBasis, ReferralFormPurpose, ReferralFormStatus } from '../../../shared/referrals.ts';
import type { ProfileRole } from '../../../shared/records.ts';
import {
  assessmentTemplates, assessmentTemplateVersions, organisations, referralForms as forms, referralFormVersions as versions, teams, users,
} from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';

/** A form with its team and the version the public page asks now. */
export interface FormRow {
  id: string;
  partnershipId: string;
  teamId: string;
  teamName: string;
  organisationId: string;
  slug: string;
  name: string;
  introduction: string | null;
  privacyNotice: string;
  lawfulBasis: LawfulBasis;
  sensitive: boolean;
  decisionDays: number;
  subjectRole: ProfileRole | null;
  status: ReferralFormStatus;
  purpose: ReferralFormPurpose;
  templateId: string | null;
  templateKey: string | null;
  templateName: string | null;
  formVersion: number;
  formVersionId: string;
  definition: FormDefinition;
  templateVersionId: string | null;
  templateVersion: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const formColumns = {
  id: forms.id,
  partnershipId: forms.partnershipId,
  teamId: forms.teamId,
  teamName: teams.name,
  organisationId: teams.organisationId,
  slug: forms.slug,
  name: forms.name,
  introduction: forms.introduction,
  privacyNotice: forms.privacyNotice,
  lawfulBasis: forms.lawfulBasis,
  sensitive: forms.sensitive,
  decisionDays: forms.decisionDays,
  subjectRole: forms.subjectRole,
  status: forms.status,
  purpose: forms.purpose,
  templateId: forms.templateId,
  templateKey: assessmentTemplates.key,
  templateName: assessmentTemplates.name,
  formVersion: forms.formVersion,
  formVersionId: versions.id,
  definition: versions.definition,
  templateVersionId: versions.templateVersionId,
  templateVersion: assessmentTemplateVersions.version,
  version: forms.version,
  createdAt: forms.createdAt,
  updatedAt: forms.updatedAt,
};

function selectForms(tx: Tx, where: SQL | undefined) {
  return tx.select(formColumns).from(forms)
    .innerJoin(teams, eq(teams.id, forms.teamId))
    .innerJoin(versions, and(eq(versions.formId, forms.id), eq(versions.version, forms.formVersion)))
    .leftJoin(assessmentTemplates, eq(assessmentTemplates.id, forms.templateId))
    .leftJoin(assessmentTemplateVersions, eq(assessmentTemplateVersions.id, versions.templateVersionId))
    .where(where);
}

export async function findForm(tx: Tx, partnershipId: string, id: string): Promise<FormRow | null> {
  const [row] = await selectForms(tx, and(eq(forms.partnershipId, partnershipId), eq(forms.id, id)));
  return row ?? null;
}

/** Slugs are one namespace across partnerships: /refer/<slug> carries none. */
export async function formBySlug(tx: Tx, slug: string): Promise<FormRow | null> {
  const [row] = await selectForms(tx, eq(forms.slug, slug.toLowerCase()));
  return row ?? null;
}

export async function listForms(tx: Tx, partnershipId: string, teamId: string | undefined): Promise<FormRow[]> {
  return selectForms(tx, and(eq(forms.partnershipId, partnershipId), teamId ? eq(forms.teamId, teamId) : undefined))
    .orderBy(asc(sql`lower(${forms.name})`), asc(forms.id));
}

/** A team of the partnership, with what the access rules need of it. */
export async function teamOf(tx: Tx, partnershipId: string, teamId: string) {
  const [row] = await tx.select({ id: teams.id, name: teams.name, organisationId: teams.organisationId, partnershipId: organisations.partnershipId })
    .from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(and(eq(teams.id, teamId), eq(organisations.partnershipId, partnershipId)));
  return row ?? null;
}

/** The slugs that are `stem` or `stem-…`, for choosing a free one (slugs hold no LIKE wildcards). */
export async function slugsLike(tx: Tx, stem: string): Promise<string[]> {
  const rows = await tx.select({ slug: forms.slug }).from(forms).where(or(eq(forms.slug, stem), like(forms.slug, `${stem}-%`)));
  return rows.map((r) => r.slug);
}

export async function slugTaken(tx: Tx, slug: string, exceptId: string | null): Promise<boolean> {
  const rows = await tx.select({ id: forms.id }).from(forms).where(and(eq(forms.slug, slug), exceptId ? ne(forms.id, exceptId) : undefined));
  return rows.length > 0;
}

export async function insertForm(tx: Tx, values: typeof forms.$inferInsert): Promise<string> {
  const [row] = await tx.insert(forms).values(values).returning({ id: forms.id });
  return row!.id;
}

export async function insertVersion(tx: Tx, values: typeof versions.$inferInsert): Promise<void> {
  await tx.insert(versions).values(values);
}

export type FormPatch = Partial<Pick<typeof forms.$inferInsert,
  'name' | 'slug' | 'introduction' | 'privacyNotice' | 'lawfulBasis' | 'sensitive' | 'decisionDays' | 'subjectRole' | 'status' | 'purpose' | 'templateId'
  | 'formVersion'>>;

/** Applies a change only if the form is still at the version the builder saw. */
export async function updateForm(tx: Tx, id: string, basedOn: number, patch: FormPatch): Promise<boolean> {
  const rows = await tx.update(forms)
    .set({ ...patch, version: sql`${forms.version} + 1`, updatedAt: new Date() })
    .where(and(eq(forms.id, id), eq(forms.version, basedOn)))
    .returning({ id: forms.id });
  return rows.length > 0;
}

export async function listVersions(tx: Tx, formId: string) {
  return tx.select({ version: versions.version, createdAt: versions.createdAt, createdBy: versions.createdBy, createdByName: users.name })
    .from(versions)
    .leftJoin(users, eq(users.id, versions.createdBy))
    .where(eq(versions.formId, formId))
    .orderBy(desc(versions.version));
}

/** One version of a form's questions, whoever asks: a referral already names the version it was sent with. */
export async function formVersion(tx: Tx, formVersionId: string) {
  const [row] = await tx.select({
    formId: versions.formId,
    name: forms.name,
    version: versions.version,
    definition: versions.definition,
    templateVersionId: versions.templateVersionId,
    subjectRole: forms.subjectRole,
  })
    .from(versions)
    .innerJoin(forms, eq(forms.id, versions.formId))
    .where(eq(versions.id, formVersionId));
  return row ?? null;
}

/** An assessment template of the partnership by its key, with its current version, whose questions a form may ask. */
export async function currentTemplate(tx: Tx, partnershipId: string, key: string) {
  const [row] = await tx.select({
    id: assessmentTemplates.id,
    status: assessmentTemplates.status,
    versionId: assessmentTemplateVersions.id,
    definition: assessmentTemplateVersions.definition,
  })
    .from(assessmentTemplates)
    .innerJoin(assessmentTemplateVersions, and(eq(assessmentTemplateVersions.templateId, assessmentTemplates.id), eq(assessmentTemplateVersions.version, assessmentTemplates.version)))
    .where(and(eq(assessmentTemplates.partnershipId, partnershipId), eq(assessmentTemplates.key, key)));
  return row ?? null;
}

import type { z } from 'zod';
import type {
  createReferralFormBody, PublicReferralForm, ReferralForm, referralFormList, referralFormListQuery, referralFormVersionList, updateReferralFormBody,
} from '../../../shared/api/referrals.ts';
import type { FormDefinition } from '../../../shared/forms/definition.ts';
import type { ProfileRole } from '../../../shared/records.ts';
import { referralFormDefaults, type LawfulBasis, type ReferralFormPurpose, type ReferralFormStatus } from '../../../shared/referrals.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { canManageReferralForm } from '../../platform/access/referrals.ts';
import { diff } from '../../platform/audit/diff.ts';
import type { Context } from '../../platform/context.ts';
import { ForbiddenError, GoneError, NotFoundError, staleVersion, ValidationError } from '../../platform/errors.ts';
import { concernOnly, fromQuestions, fromSections, fromTemplate, oneSource, plainDefinition, sameQuestions, type Questions } from './definition.ts';
import { keepSafeDefinition, keepSafeIntroduction } from './keep-safe.ts';
import { deskTeamOf, formSubject, presentForm, presentPublic, presentSummary } from './present.ts';
import * as q from './queries.ts';
import { chooseSlug } from './slugs.ts';

/** A form as the referrals module receives a referral on it: its settings and the version of its questions asked now. */
export interface ReferralFormInUse {
  id: string;
  partnershipId: string;
  teamId: string;
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
  formVersionId: string;
  formVersion: number;
  definition: FormDefinition;
  templateVersionId: string | null;
}

const audience = (row: q.FormRow) => ({ partnershipIds: [row.partnershipId] });

async function findForm(ctx: Context, id: string): Promise<q.FormRow> {
  const row = await q.findForm(ctx.tx, ctx.actor.partnershipId, id);
  if (!row) throw new NotFoundError('referral form');
  return row;
}

const refusal = 'Only the team\'s administrators, its organisation\'s administrators and the partnership\'s system administrators can build its referral forms.';

export async function listForms(ctx: Context, query: z.infer<typeof referralFormListQuery>): Promise<z.infer<typeof referralFormList>> {
  const rows = await q.listForms(ctx.tx, ctx.actor.partnershipId, query.teamId);
  return { items: rows.map((row) => presentSummary(ctx.actor, row)) };
}

export async function getForm(ctx: Context, id: string): Promise<ReferralForm> {
  return presentForm(ctx.actor, await findForm(ctx, id));
}

export async function listVersions(ctx: Context, id: string): Promise<z.infer<typeof referralFormVersionList>> {
  const row = await findForm(ctx, id);
  const versions = await q.listVersions(ctx.tx, row.id);
  return {
    items: versions.map((v) => ({
      version: v.version,
      createdAt: v.createdAt.toISOString(),
      createdBy: v.createdBy ? { id: v.createdBy, name: v.createdByName ?? '' } : null,
    })),
  };
}

/** A team's administrators (or its organisation's, or the partnership's system administrators) build a form that sends referrals to its desk. */
export async function createForm(ctx: Context, body: z.infer<typeof createReferralFormBody>): Promise<ReferralForm> {
  const team = await q.teamOf(ctx.tx, ctx.actor.partnershipId, body.teamId);
  if (!team) throw new NotFoundError('team');
  if (!canManageReferralForm(ctx.actor, team)) {
    ctx.refuse({ action: 'access.refused', entityType: 'team', entityId: team.id, subjectOrganisationId: team.organisationId, subjectTeamId: team.id, details: { why: 'not an administrator of the team' } });
    throw new ForbiddenError(refusal);
  }
  oneSource(body);
  const purpose = body.purpose ?? 'referral';
  // An application form asked for with no questions starts from the Keep Safe Card's.
  const starter = purpose === 'scheme-application' && !body.questions && !body.sections && !body.templateKey;
  const questions = body.questions ? fromQuestions(body.questions)
    : body.sections ? fromSections(body.sections)
    : body.templateKey ? await fromTemplate(ctx, body.templateKey)
    : starter ? fromSections(keepSafeDefinition.sections)
    : concernOnly();
  const slug = await chooseSlug(ctx, body.name, body.slug, null);
  const status = body.status ?? 'published';
  const id = await q.insertForm(ctx.tx, {
    partnershipId: ctx.actor.partnershipId,
    teamId: team.id,
    slug,
    name: body.name,
    introduction: body.introduction || (starter ? keepSafeIntroduction : null),
    privacyNotice: body.privacyNotice ?? referralFormDefaults.privacyNotice,
    lawfulBasis: body.lawfulBasis ?? referralFormDefaults.lawfulBasis,
    sensitive: body.sensitive ?? false,
    decisionDays: body.decisionDays ?? referralFormDefaults.decisionDays,
    subjectRole: body.subjectRole ?? (purpose === 'scheme-application' ? 'cardholder' : null),
    status,
    purpose,
    templateId: questions.templateId,
    formVersion: 1,
    createdBy: ctx.actor.id,
  });
  await q.insertVersion(ctx.tx, { formId: id, version: 1, definition: questions.definition, templateVersionId: questions.templateVersionId, createdBy: ctx.actor.id });
  const row = await findForm(ctx, id);
  ctx.audit({ action: 'referral_form.created', ...formSubject(row), details: { slug, teamId: team.id, status, formVersion: 1, templateId: questions.templateId } });
  ctx.emit({ type: 'referral_form.changed', audience: audience(row), data: { id } });
  return presentForm(ctx.actor, row);
}

/**
 * The questions a change asks for, or null when it leaves them as they are: new sections, the
 * template's current version (again, to take up its latest wording), or the same questions no
 * longer tied to a template (`templateKey: null`).
 */
async function changedQuestions(ctx: Context, row: q.FormRow, body: z.infer<typeof updateReferralFormBody>): Promise<Questions | null> {
  const current = plainDefinition(row.definition);
  const next = body.sections ? fromSections(body.sections)
    : body.templateKey ? await fromTemplate(ctx, body.templateKey)
    : body.templateKey === null && row.templateId ? { definition: current, templateId: null, templateVersionId: null }
    : null;
  if (!next || (sameQuestions(next.definition, current) && next.templateVersionId === row.templateVersionId)) return null;
  return next;
}

const auditedFields = [
  'name', 'slug', 'introduction', 'privacyNotice', 'lawfulBasis', 'sensitive', 'decisionDays', 'subjectRole', 'status', 'purpose', 'templateId', 'formVersion',
] as const;

const settingsOf = (row: q.FormRow) => Object.fromEntries(auditedFields.map((field) => [field, row[field]])) as Pick<q.FormRow, (typeof auditedFields)[number]>;

/** Changes a form's settings, or its questions, which makes a new version: referrals already sent keep the one they were sent with. */
export async function updateForm(ctx: Context, id: string, body: z.infer<typeof updateReferralFormBody>): Promise<ReferralForm> {
  const row = await findForm(ctx, id);
  if (!canManageReferralForm(ctx.actor, deskTeamOf(row))) {
    ctx.refuse({ action: 'access.refused', ...formSubject(row), details: { why: 'not an administrator of the form\'s team' } });
    throw new ForbiddenError(refusal);
  }
  const before = presentForm(ctx.actor, row);
  if (body.version !== row.version) throw staleVersion(before);
  oneSource(body);
  const questions = await changedQuestions(ctx, row, body);
  const wanted: q.FormPatch = {
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.slug !== undefined && body.slug !== row.slug ? { slug: await chooseSlug(ctx, body.name ?? row.name, body.slug, row.id) } : {}),
    ...(body.introduction !== undefined ? { introduction: body.introduction || null } : {}),
    ...(body.privacyNotice !== undefined ? { privacyNotice: body.privacyNotice } : {}),
    ...(body.lawfulBasis !== undefined ? { lawfulBasis: body.lawfulBasis } : {}),
    ...(body.sensitive !== undefined ? { sensitive: body.sensitive } : {}),
    ...(body.decisionDays !== undefined ? { decisionDays: body.decisionDays } : {}),
    ...(body.subjectRole !== undefined ? { subjectRole: body.subjectRole } : {}),
    ...(body.status !== undefined ? { status: body.status } : {}),
    ...(body.purpose !== undefined ? { purpose: body.purpose } : {}),
    ...(questions ? { templateId: questions.templateId, formVersion: row.formVersion + 1 } : {}),
  };
  const changes = diff(settingsOf(row), { ...settingsOf(row), ...wanted }, auditedFields);
  if (Object.keys(changes).length === 0) return before;
  if (!await q.updateForm(ctx.tx, row.id, body.version, wanted)) throw staleVersion(before);
  if (questions) {
    await q.insertVersion(ctx.tx, {
      formId: row.id, version: row.formVersion + 1, definition: questions.definition, templateVersionId: questions.templateVersionId, createdBy: ctx.actor.id,
    });
  }
  const after = await findForm(ctx, row.id);
  ctx.audit({
    action: 'referral_form.updated',
    ...formSubject(after),
    changes,
    details: { slug: after.slug, status: after.status, formVersion: after.formVersion, newVersion: questions !== null },
  });
  ctx.emit({ type: 'referral_form.changed', audience: audience(after), data: { id: row.id } });
  return presentForm(ctx.actor, after);
}

function inUse(row: q.FormRow): ReferralFormInUse {
  return {
    id: row.id,
    partnershipId: row.partnershipId,
    teamId: row.teamId,
    slug: row.slug,
    name: row.name,
    introduction: row.introduction,
    privacyNotice: row.privacyNotice,
    lawfulBasis: row.lawfulBasis,
    sensitive: row.sensitive,
    decisionDays: row.decisionDays,
    subjectRole: row.subjectRole,
    status: row.status,
    purpose: row.purpose,
    formVersionId: row.formVersionId,
    formVersion: row.formVersion,
    definition: plainDefinition(row.definition),
    templateVersionId: row.templateVersionId,
  };
}

/**
 * The form at /refer/<slug>, for anyone: a draft is not there yet (404, as an unknown slug), a
 * closed one says so (410 `form_closed`), so a referrer with an old link knows to look elsewhere.
 */
async function openForm(ctx: Context<Actor | null>, slug: string): Promise<q.FormRow> {
  const row = await q.formBySlug(ctx.tx, slug);
  if (!row || row.status === 'draft') throw new NotFoundError('referral form');
  if (row.status === 'closed') throw new GoneError('This form is no longer taking referrals.', 'form_closed');
  return row;
}

export const publishedForm = async (ctx: Context<Actor | null>, slug: string): Promise<ReferralFormInUse> => inUse(await openForm(ctx, slug));

export const publicForm = async (ctx: Context<Actor | null>, slug: string): Promise<PublicReferralForm> => presentPublic(await openForm(ctx, slug));

/** A form of the partnership that staff key a referral in on (one taken by phone, say): published, or closed to the public but still the form it was made on. */
export async function formForKeying(ctx: Context, formId: string): Promise<ReferralFormInUse> {
  const row = await findForm(ctx, formId);
  if (row.status === 'draft') throw new ValidationError([{ field: 'formId', problem: 'is a draft form: publish it before keying in referrals on it' }]);
  return inUse(row);
}

/** The questions a referral was sent with; the referral's own access check has already been made. */
export async function formVersionOf(ctx: Context<Actor | null>, formVersionId: string): Promise<{
  formId: string; name: string; version: number; definition: FormDefinition; templateVersionId: string | null; subjectRole: ProfileRole | null;
} | null> {
  const row = await q.formVersion(ctx.tx, formVersionId);
  return row ? { ...row, definition: plainDefinition(row.definition) } : null;
}

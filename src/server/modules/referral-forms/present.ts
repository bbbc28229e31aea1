import type { PublicReferralForm, ReferralForm, ReferralFormSummary } from '../../../shared/api/referrals.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { canManageReferralForm, type DeskTeam } from '../../platform/access/referrals.ts';
import { plainDefinition } from './definition.ts';
import type { FormRow } from './queries.ts';

export const deskTeamOf = (row: FormRow): DeskTeam => ({ id: row.teamId, organisationId: row.organisationId, partnershipId: row.partnershipId });

export const formSubject = (row: FormRow) => ({
  entityType: 'referral_form' as const,
  entityId: row.id,
  subjectOrganisationId: row.organisationId,
  subjectTeamId: row.teamId,
});

export function presentSummary(actor: Actor, row: FormRow): ReferralFormSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    team: { id: row.teamId, name: row.teamName },
    status: row.status,
    purpose: row.purpose,
    sensitive: row.sensitive,
    decisionDays: row.decisionDays,
    formVersion: row.formVersion,
    template: row.templateId && row.templateKey && row.templateName && row.templateVersion !== null
      ? { id: row.templateId, key: row.templateKey, name: row.templateName, version: row.templateVersion }
      : null,
    publicPath: `/refer/${row.slug}`,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    permissions: { canManage: canManageReferralForm(actor, deskTeamOf(row)) },
  };
}

export function presentForm(actor: Actor, row: FormRow): ReferralForm {
  return {
    ...presentSummary(actor, row),
    introduction: row.introduction,
    privacyNotice: row.privacyNotice,
    lawfulBasis: row.lawfulBasis,
    subjectRole: row.subjectRole,
    definition: plainDefinition(row.definition),
    createdAt: row.createdAt.toISOString(),
  };
}

/** What anyone may read of a published form: its wording and questions, never its team or ids. */
export function presentPublic(row: FormRow): PublicReferralForm {
  return {
    slug: row.slug,
    title: row.name,
    introduction: row.introduction,
    privacyNotice: row.privacyNotice,
    lawfulBasis: row.lawfulBasis,
    sensitive: row.sensitive,
    purpose: row.purpose,
    definition: plainDefinition(row.definition),
  };
}

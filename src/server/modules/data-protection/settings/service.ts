import type { z } from 'zod';
import type { DataProtectionSettings, dataProtectionSettingsBody } from '../../../../shared/api/agreements.ts';
import { dataProtectionDefaults } from '../../../../shared/data-protection.ts';
import { subjectAccessDefaults } from '../../../../shared/subject-access.ts';
import type { Tx } from '../../../db/transaction.ts';
import { canManagePartnershipLists } from '../../../platform/access/administration.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { diff } from '../../../platform/audit/diff.ts';
import type { Context } from '../../../platform/context.ts';
import { ForbiddenError, staleVersion } from '../../../platform/errors.ts';
import * as q from './queries.ts';

type Body = z.infer<typeof dataProtectionSettingsBody>;
export type Settings = Omit<Body, 'version'>;

function settingsFrom(row: q.SettingsRow | null): Settings {
  return {
    reviewReminderDays: row?.reviewReminderDays ?? dataProtectionDefaults.reviewReminderDays,
    lawfulBasisReviewMonths: row?.lawfulBasisReviewMonths ?? dataProtectionDefaults.lawfulBasisReviewMonths,
    redactOtherAgencyStaff: row?.redactOtherAgencyStaff ?? subjectAccessDefaults.redactOtherAgencyStaff,
    downloadDays: row?.downloadDays ?? subjectAccessDefaults.downloadDays,
  };
}

/** The partnership's settings, Concord's defaults where it has changed none. */
export async function settingsOf(tx: Tx, partnershipId: string): Promise<Settings> {
  return settingsFrom(await q.getSettings(tx, partnershipId));
}

function present(actor: Actor, row: q.SettingsRow | null): DataProtectionSettings {
  return {
    ...settingsFrom(row),
    version: row?.version ?? 0,
    isDefault: !row,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    permissions: { canEdit: canManagePartnershipLists(actor, actor.partnershipId) },
  };
}

const auditedFields = ['reviewReminderDays', 'lawfulBasisReviewMonths', 'redactOtherAgencyStaff', 'downloadDays'] as const;

/** Settings are the partnership's, not a person's: reading them is not audited. */
export async function getSettings(ctx: Context): Promise<DataProtectionSettings> {
  return present(ctx.actor, await q.getSettings(ctx.tx, ctx.actor.partnershipId));
}

/**
 * The partnership's system administrators change its settings as a whole, from the version they
 * read (0 while it keeps the defaults); a stale one is refused with the settings as they are now.
 */
export async function updateSettings(ctx: Context, body: Body): Promise<DataProtectionSettings> {
  const partnershipId = ctx.actor.partnershipId;
  if (!canManagePartnershipLists(ctx.actor, partnershipId)) throw new ForbiddenError('Only the partnership\'s system administrators change its data protection settings.');
  const current = await q.getSettings(ctx.tx, partnershipId);
  const { version, ...wanted } = body;
  const values = { ...wanted, updatedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null };
  const saved = version === 0 ? await q.insertSettings(ctx.tx, partnershipId, values) : await q.updateSettings(ctx.tx, partnershipId, version, values);
  if (!saved) throw staleVersion(present(ctx.actor, await q.getSettings(ctx.tx, partnershipId)));
  ctx.audit({
    action: 'data_protection_settings.updated',
    entityType: 'partnership',
    entityId: partnershipId,
    changes: diff(settingsFrom(current), wanted, auditedFields),
  });
  return present(ctx.actor, saved);
}

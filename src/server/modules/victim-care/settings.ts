import type { z } from 'zod';
import type { VictimCareSettings, victimCareSettingsBody } from '../../../shared/api/victim-care.ts';
import type { RiskLevel } from '../../../shared/records.ts';
import { victimCareDefaults } from '../../../shared/victim-care.ts';
import { canManagePartnershipLists } from '../../platform/access/administration.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { diff } from '../../platform/audit/diff.ts';
import type { Context } from '../../platform/context.ts';
import { ForbiddenError, staleVersion } from '../../platform/errors.ts';
import type { Tx } from '../../db/transaction.ts';
import * as q from './queries.ts';

type Body = z.infer<typeof victimCareSettingsBody>;
export type Settings = Omit<Body, 'version'>;

function settingsFrom(row: q.SettingsRow | null): Settings {
  if (!row) {
    const { cadenceDays, overdueGraceDays, communityTrigger } = victimCareDefaults;
    return { cadenceDays: { ...cadenceDays }, overdueGraceDays, communityTrigger: { ...communityTrigger } };
  }
  return {
    cadenceDays: { standard: row.cadenceStandardDays, medium: row.cadenceMediumDays, high: row.cadenceHighDays, notAssessed: row.cadenceNotAssessedDays },
    overdueGraceDays: row.overdueGraceDays,
    communityTrigger: {
      complaints: row.triggerComplaints,
      months: row.triggerMonths,
      locationComplaints: row.triggerLocationComplaints,
      anyHateIncident: row.triggerAnyHateIncident,
    },
  };
}

/** The partnership's settings, Concord's defaults where it has changed none. */
export async function settingsOf(tx: Tx, partnershipId: string): Promise<Settings> {
  return settingsFrom(await q.getSettings(tx, partnershipId));
}

/** Days between contacts for a person of this risk level. */
export function cadenceFor(settings: Settings, riskLevel: RiskLevel | null): number {
  return riskLevel ? settings.cadenceDays[riskLevel] : settings.cadenceDays.notAssessed;
}

function present(actor: Actor, row: q.SettingsRow | null): VictimCareSettings {
  return {
    ...settingsFrom(row),
    version: row?.version ?? 0,
    isDefault: !row,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    permissions: { canEdit: canManagePartnershipLists(actor, actor.partnershipId) },
  };
}

/** The columns, named as the audit trail names a change to them. */
function columnsOf(s: Settings): q.SettingsValues {
  return {
    cadenceStandardDays: s.cadenceDays.standard,
    cadenceMediumDays: s.cadenceDays.medium,
    cadenceHighDays: s.cadenceDays.high,
    cadenceNotAssessedDays: s.cadenceDays.notAssessed,
    overdueGraceDays: s.overdueGraceDays,
    triggerComplaints: s.communityTrigger.complaints,
    triggerMonths: s.communityTrigger.months,
    triggerLocationComplaints: s.communityTrigger.locationComplaints,
    triggerAnyHateIncident: s.communityTrigger.anyHateIncident,
  };
}

const auditedFields = [
  'cadenceStandardDays', 'cadenceMediumDays', 'cadenceHighDays', 'cadenceNotAssessedDays', 'overdueGraceDays',
  'triggerComplaints', 'triggerMonths', 'triggerLocationComplaints', 'triggerAnyHateIncident',
] as const;

/** Settings are the partnership's, not a person's: reading them is not audited. */
export async function getSettings(ctx: Context): Promise<VictimCareSettings> {
  return present(ctx.actor, await q.getSettings(ctx.tx, ctx.actor.partnershipId));
}

/**
 * The partnership's system administrators change its settings as a whole, from the version they
 * read (0 while it keeps the defaults); a stale one is refused with the settings as they are now.
 */
export async function updateSettings(ctx: Context, body: Body): Promise<VictimCareSettings> {
  const partnershipId = ctx.actor.partnershipId;
  if (!canManagePartnershipLists(ctx.actor, partnershipId)) throw new ForbiddenError('Only the partnership\'s system administrators change its victim care settings.');
  const current = await q.getSettings(ctx.tx, partnershipId);
  const { version, ...wanted } = body;
  const values = { ...columnsOf(wanted), updatedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null };
  const saved = version === 0 ? await q.insertSettings(ctx.tx, partnershipId, values) : await q.updateSettings(ctx.tx, partnershipId, version, values);
  if (!saved) throw staleVersion(present(ctx.actor, await q.getSettings(ctx.tx, partnershipId)));
  ctx.audit({
    action: 'victim_care_settings.updated',
    entityType: 'partnership',
    entityId: partnershipId,
    changes: diff(columnsOf(settingsFrom(current)), columnsOf(wanted), auditedFields),
  });
  ctx.emit({ type: 'victim_care_settings.changed', audience: { partnershipIds: [partnershipId] }, data: { partnershipId } });
  return present(ctx.actor, saved);
}

import type { z } from 'zod';
import type { PortalSettings, portalSettingsBody } from '../../../shared/api/portal.ts';
import { defaultExitUrl, defaultPortalName } from '../../../shared/portal.ts';
import { canManagePartnershipLists } from '../../platform/access/administration.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { diff } from '../../platform/audit/diff.ts';
import type { Context } from '../../platform/context.ts';
import { ForbiddenError, staleVersion } from '../../platform/errors.ts';
import type { Tx } from '../../db/transaction.ts';
import * as q from './queries.ts';

type Body = z.infer<typeof portalSettingsBody>;
export type Settings = Omit<Body, 'version'>;

function settingsFrom(row: q.SettingsRow | null): Settings {
  return row ? { serviceName: row.serviceName, exitUrl: row.exitUrl } : { serviceName: defaultPortalName, exitUrl: defaultExitUrl };
}

/** What the partnership calls its portal and where "Exit this page" leads; the defaults where it has chosen none. */
export async function settingsOf(tx: Tx, partnershipId: string): Promise<Settings> {
  return settingsFrom(await q.getSettings(tx, partnershipId));
}

function present(actor: Actor, row: q.SettingsRow | null): PortalSettings {
  return { ...settingsFrom(row), version: row?.version ?? 0, isDefault: !row, permissions: { canEdit: canManagePartnershipLists(actor, actor.partnershipId) } };
}

const auditedFields = ['serviceName', 'exitUrl'] as const;

export async function getPortalSettings(ctx: Context): Promise<PortalSettings> {
  const row = await q.getSettings(ctx.tx, ctx.actor.partnershipId);
  ctx.audit({ action: 'portal_settings.viewed', entityType: 'partnership', entityId: ctx.actor.partnershipId });
  return present(ctx.actor, row);
}

/**
 * The partnership's system administrators change its settings as a whole, from the version they
 * read (0 while it keeps the defaults); a stale one is refused with the settings as they are now.
 */
export async function updatePortalSettings(ctx: Context, body: Body): Promise<PortalSettings> {
  const partnershipId = ctx.actor.partnershipId;
  if (!canManagePartnershipLists(ctx.actor, partnershipId)) throw new ForbiddenError('Only the partnership\'s system administrators change its portal settings.');
  const current = await q.getSettings(ctx.tx, partnershipId);
  const { version, ...wanted } = body;
  const values = { ...wanted, updatedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null };
  const saved = version === 0 ? await q.insertSettings(ctx.tx, partnershipId, values) : await q.updateSettings(ctx.tx, partnershipId, version, values);
  if (!saved) throw staleVersion(present(ctx.actor, await q.getSettings(ctx.tx, partnershipId)));
  ctx.audit({ action: 'portal_settings.updated', entityType: 'partnership', entityId: partnershipId, changes: diff(settingsFrom(current), wanted, auditedFields) });
  ctx.emit({ type: 'portal_settings.changed', audience: { partnershipIds: [partnershipId] }, data: { partnershipId } });
  return present(ctx.actor, saved);
}

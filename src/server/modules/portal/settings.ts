import { defaultExitUrl, defaultPortalName } from '../../../shared/portal.ts';
import type { Context } from '../../platform/context.ts';
import { partnershipSettings } from '../../platform/partnership-settings.ts';
import * as q from './queries.ts';

const settings = partnershipSettings({
  store: { get: q.getSettings, insert: q.insertSettings, update: q.updateSettings },
  from: (row: q.SettingsRow | null) => ({ serviceName: row?.serviceName ?? defaultPortalName, exitUrl: row?.exitUrl ?? defaultExitUrl }),
  columns: (s) => ({ serviceName: s.serviceName, exitUrl: s.exitUrl }),
  action: 'portal_settings.updated',
  audited: ['serviceName', 'exitUrl'],
  what: 'portal',
  changed: 'portal_settings.changed',
});

export type Settings = Awaited<ReturnType<typeof settings.settingsOf>>;

/** What the partnership calls its portal and where "Exit this page" leads; the defaults where it has chosen none. */
export const settingsOf = settings.settingsOf;
export const updatePortalSettings = settings.update;

export async function getPortalSettings(ctx: Context) {
  ctx.audit({ action: 'portal_settings.viewed', entityType: 'partnership', entityId: ctx.actor.partnershipId });
  return settings.get(ctx);
}

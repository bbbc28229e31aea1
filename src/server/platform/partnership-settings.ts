import type { Tx } from '../db/transaction.ts';
import { canManagePartnershipLists } from './access/administration.ts';
import type { Actor } from './access/actor.ts';
import type { AuditEntry } from './audit/actions.ts';
import type { AuditChanges } from './audit/changes.ts';
import { diff } from './audit/diff.ts';
import type { Context } from './context.ts';
import { ForbiddenError, staleVersion } from './errors.ts';

/** A partnership's row of settings, as each module's `queries.ts` keeps it. */
interface StoredSettings {
  version: number;
  updatedAt: Date;
}

/** Each module's own queries: the values are its table's columns, with who changed them. */
export interface SettingsStore<Row extends StoredSettings, Values extends { updatedBy?: string | null }> {
  get(tx: Tx, partnershipId: string): Promise<Row | null>;
  /** Null when another administrator's first save won the race. */
  insert(tx: Tx, partnershipId: string, values: Values): Promise<Row | null>;
  /** Null when `version` is no longer the row's. */
  update(tx: Tx, partnershipId: string, version: number, values: Values): Promise<Row | null>;
}

type SettingsAction = 'victim_care_settings.updated' | 'portal_settings.updated' | 'insight_settings.updated' | 'data_protection_settings.updated';

export interface SettingsSpec<Row extends StoredSettings, Settings extends object, A extends SettingsAction, Values extends { updatedBy?: string | null }> {
  store: SettingsStore<Row, Values>;
  /** What a row holds, or Concord's defaults where the partnership has changed nothing. */
  from(row: Row | null): Settings;
  /** The columns the settings are kept in. */
  columns(settings: Settings): NoInfer<Values>;
  action: A;
  /** The columns the audit trail names a change by. */
  audited: readonly AuditChanges[A][];
  /** As in "its victim care settings". */
  what: string;
  /** The live-update event that tells the partnership's open screens, if any listen. */
  changed?: string;
}

export type PresentedSettings<Settings> = Settings & {
  version: number;
  isDefault: boolean;
  updatedAt: string | null;
  permissions: { canEdit: boolean };
};

/**
 * A partnership's settings for one capability (victim care, the portal, insights, data
 * protection): defaults until changed, read by everyone who needs them, changed as a whole by its
 * system administrators from the version they read (0 while it keeps the defaults), a stale
 * version refused with the settings as they are now, every change audited field by field.
 */
export function partnershipSettings<Row extends StoredSettings, Settings extends object, A extends SettingsAction, Values extends { updatedBy?: string | null }>(
  spec: SettingsSpec<Row, Settings, A, Values>,
) {
  const columns = (settings: Settings) => spec.columns(settings) as Record<string, unknown>;
  const present = (actor: Actor, row: Row | null): PresentedSettings<Settings> => ({
    ...spec.from(row),
    version: row?.version ?? 0,
    isDefault: !row,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    permissions: { canEdit: canManagePartnershipLists(actor, actor.partnershipId) },
  });

  return {
    async settingsOf(tx: Tx, partnershipId: string): Promise<Settings> {
      return spec.from(await spec.store.get(tx, partnershipId));
    },

    /** Settings are the partnership's, not a person's: reading them is not audited here. */
    async get(ctx: Context): Promise<PresentedSettings<Settings>> {
      return present(ctx.actor, await spec.store.get(ctx.tx, ctx.actor.partnershipId));
    },

    async update(ctx: Context, body: Settings & { version: number }): Promise<PresentedSettings<Settings>> {
      const partnershipId = ctx.actor.partnershipId;
      if (!canManagePartnershipLists(ctx.actor, partnershipId)) {
        throw new ForbiddenError(`Only the partnership's system administrators change its ${spec.what} settings.`);
      }
      const current = await spec.store.get(ctx.tx, partnershipId);
      const { version, ...rest } = body;
      const wanted = rest as unknown as Settings;
      const values = { ...spec.columns(wanted), updatedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null };
      const saved = version === 0
        ? await spec.store.insert(ctx.tx, partnershipId, values)
        : await spec.store.update(ctx.tx, partnershipId, version, values);
      if (!saved) throw staleVersion(present(ctx.actor, await spec.store.get(ctx.tx, partnershipId)));
      // For a generic action TypeScript cannot pick the entry's shape; `audited` is already the
      // action's own fields.
      ctx.audit({
        action: spec.action,
        entityType: 'partnership',
        entityId: partnershipId,
        changes: diff(columns(spec.from(current)), columns(wanted), spec.audited),
      } as AuditEntry);
      if (spec.changed) ctx.emit({ type: spec.changed, audience: { partnershipIds: [partnershipId] }, data: { partnershipId } });
      return present(ctx.actor, saved);
    },
  };
}

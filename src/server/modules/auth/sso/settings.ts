import type { z } from 'zod';
import type { ConnectionTest, SignInSettings, signInSettingsBody } from '../../../../shared/api/single-sign-on.ts';
import { canManageOrganisation } from '../../../platform/access/administration.ts';
import { diff } from '../../../platform/audit/diff.ts';
import { decrypt, encrypt } from '../../../platform/auth/crypto.ts';
import type { Context } from '../../../platform/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, staleVersion } from '../../../platform/errors.ts';
import type { Provider } from './oidc.ts';
import * as q from './queries.ts';

type Body = z.infer<typeof signInSettingsBody>;

export interface SettingsDeps {
  secretKey: Buffer;
  redirectUri: () => string;
  allowHttpIssuers: () => boolean;
}

const auditedFields = ['issuerUrl', 'clientId', 'enabled', 'trustProviderMfa', 'mfaAcrValues', 'ssoOnly'] as const;

function fieldsOf(row: q.SettingsRow | null) {
  return row
    ? { issuerUrl: row.issuerUrl, clientId: row.clientId, enabled: row.enabled, trustProviderMfa: row.trustProviderMfa, mfaAcrValues: row.mfaAcrValues, ssoOnly: row.ssoOnly }
    : { issuerUrl: '', clientId: '', enabled: false, trustProviderMfa: false, mfaAcrValues: [] as string[], ssoOnly: false };
}

export function createSignInSettings({ secretKey, redirectUri, allowHttpIssuers }: SettingsDeps) {
  /** The organisation, if the actor manages it: 404 outside their partnership, 403 inside it. */
  async function managed(ctx: Context, organisationId: string) {
    const organisation = await q.getOrganisation(ctx.tx, organisationId);
    if (!organisation || organisation.partnershipId !== ctx.actor.partnershipId) throw new NotFoundError('organisation');
    if (!canManageOrganisation(ctx.actor, organisation.id)) throw new ForbiddenError('Only the organisation\'s own administrators, and the partnership\'s system administrators, manage how its staff sign in.');
    return organisation;
  }

  function present(organisation: { id: string; name: string }, row: q.SettingsRow | null): SignInSettings {
    return {
      organisation: { id: organisation.id, name: organisation.name },
      configured: row !== null,
      version: row?.version ?? 0,
      ...fieldsOf(row),
      clientSecretSet: row !== null,
      redirectUri: redirectUri(),
    };
  }

  return {
    async get(ctx: Context, organisationId: string): Promise<SignInSettings> {
      const organisation = await managed(ctx, organisationId);
      return present(organisation, await q.getSettings(ctx.tx, organisation.id));
    },

    /** Saved as a whole from the version read (0 for the first time); the secret is kept unless a new one is given. */
    async update(ctx: Context, organisationId: string, body: Body): Promise<SignInSettings> {
      const organisation = await managed(ctx, organisationId);
      const { version, clientSecret, ...wanted } = body;
      const problems = [];
      if (!/^https:\/\//i.test(wanted.issuerUrl) && !(allowHttpIssuers() && /^http:\/\//i.test(wanted.issuerUrl))) {
        problems.push({ field: 'issuerUrl', problem: 'must start with https://' });
      }
      if (version === 0 && !clientSecret) problems.push({ field: 'clientSecret', problem: 'is needed the first time' });
      if (problems.length > 0) throw new ValidationError(problems);
      const current = await q.getSettings(ctx.tx, organisation.id);
      const values = {
        ...wanted,
        mfaAcrValues: [...new Set(wanted.mfaAcrValues)],
        updatedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        ...(clientSecret ? { clientSecretSealed: encrypt(secretKey, clientSecret) } : {}),
      };
      const saved = version === 0
        ? await q.insertSettings(ctx.tx, organisation.id, { ...values, clientSecretSealed: values.clientSecretSealed! })
        : await q.updateSettings(ctx.tx, organisation.id, version, values);
      if (!saved) throw staleVersion(present(organisation, await q.getSettings(ctx.tx, organisation.id)));
      ctx.audit({
        action: 'organisation_sign_in.updated',
        entityType: 'organisation',
        entityId: organisation.id,
        subjectOrganisationId: organisation.id,
        changes: diff(fieldsOf(current), fieldsOf(saved), auditedFields),
        details: { clientSecretChanged: clientSecret !== undefined },
      });
      return present(organisation, saved);
    },

    /** The saved provider, for a test of the connection made outside the transaction. */
    async providerToTest(ctx: Context, organisationId: string): Promise<Provider> {
      const organisation = await managed(ctx, organisationId);
      const row = await q.getSettings(ctx.tx, organisation.id);
      if (!row) throw new ConflictError('Save the provider\'s details before testing the connection.', 'not_configured');
      return { issuerUrl: row.issuerUrl, clientId: row.clientId, clientSecret: decrypt(secretKey, row.clientSecretSealed) };
    },

    async recordTest(ctx: Context, organisationId: string, result: ConnectionTest): Promise<ConnectionTest> {
      ctx.audit({ action: 'organisation_sign_in.tested', entityType: 'organisation', entityId: organisationId, subjectOrganisationId: organisationId, details: result });
      return result;
    },
  };
}

export type SignInSettingsService = ReturnType<typeof createSignInSettings>;

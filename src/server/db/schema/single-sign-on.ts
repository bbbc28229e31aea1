import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, id, timestamps, version } from './columns.ts';
import { organisations, users } from './structure.ts';

/**
 * An organisation's OpenID Connect provider, which its staff may sign in with instead of a
 * password. The client secret is sealed with the server's key (platform/auth/crypto.ts) and never
 * leaves the server. `trustProviderMfa`: the provider's own second factor stands in for the
 * authenticator code, when its `amr` says one was used or its `acr` is one of `mfaAcrValues`.
 * `ssoOnly`: the organisation's staff may not sign in with a password (system administrators
 * still may, so nobody is locked out).
 */
export const organisationSignIn = pgTable('organisation_sign_in', {
  organisationId: uuid('organisation_id').primaryKey().references(() => organisations.id),
  issuerUrl: text('issuer_url').notNull(),
  clientId: text('client_id').notNull(),
  clientSecretSealed: text('client_secret_sealed').notNull(),
  enabled: boolean('enabled').notNull().default(false),
  trustProviderMfa: boolean('trust_provider_mfa').notNull().default(false),
  mfaAcrValues: text('mfa_acr_values').array().notNull().default(sql`'{}'::text[]`),
  ssoOnly: boolean('sso_only').notNull().default(false),
  updatedBy: uuid('updated_by').references(() => users.id),
  version: version(),
  ...timestamps,
});

/**
 * One sign-in through a provider, from the redirect to the provider until a session starts: the
 * browser that began it holds a cookie whose hash is `bindingHash`, the provider sends back
 * `state` (kept as its hash), and the PKCE verifier is sealed. A row is used once. After the
 * provider has answered, `userId` is set and, when an authenticator code is still needed,
 * `awaitingCode` keeps it open for that code until it expires.
 */
export const oidcSignIns = pgTable('oidc_sign_ins', {
  id: id(),
  stateHash: text('state_hash').notNull().unique(),
  bindingHash: text('binding_hash').notNull().unique(),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  /** The address typed on the sign-in page, so failures count against it in the throttle. */
  email: text('email').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifierSealed: text('code_verifier_sealed').notNull(),
  userId: uuid('user_id').references(() => users.id),
  awaitingCode: boolean('awaiting_code').notNull().default(false),
  createdAt: at('created_at').notNull().defaultNow(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
}, (t) => [index('oidc_sign_ins_expires_idx').on(t.expiresAt)]);

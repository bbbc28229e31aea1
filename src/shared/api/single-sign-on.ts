import { z } from 'zod';
import { ref, text } from './common.ts';

export const ssoStartBody = z.strictObject({
  email: z.string().trim().max(254),
});

/** Where the browser goes next: the organisation's identity provider. */
export const ssoStartReply = z.object({ redirectTo: z.string() });

export const ssoCodeBody = z.strictObject({
  totp: z.string().trim().max(10),
});

/**
 * Why a sign-in through a provider ended back on the sign-in page, as the callback names it in
 * `?sso=`; the page says it in these words.
 */
export const ssoOutcomeMessages = {
  code: 'Your organisation has confirmed who you are. Enter the code from your authenticator app to finish signing in.',
  not_linked: 'Your organisation\'s account is not linked to a Concord account of that organisation. Ask your Concord administrator.',
  unverified: 'Your organisation\'s account does not have a confirmed email address, so Concord cannot tell which account is yours. Ask your IT service desk.',
  disabled: 'Your account has been disabled. Ask your team administrator if you need it back.',
  expired: 'That sign-in has expired or was already used. Start again.',
  provider: 'Your organisation\'s sign-in service did not complete the sign-in. Start again, or sign in with your password.',
} as const;
export type SsoOutcome = keyof typeof ssoOutcomeMessages;

/**
 * The `amr` values (RFC 8176) that show the provider asked for more than a password: any one of
 * them lets a provider the organisation trusts stand in for the authenticator code.
 */
export const mfaAmrValues = ['mfa', 'otp', 'hwk', 'swk', 'sms', 'tel', 'sc'] as const;

const acrValue = z.string().trim().min(1).max(200);

export const signInSettingsBody = z.strictObject({
  /** 0 while the organisation has none. */
  version: z.number().int().min(0).max(2_147_483_647),
  issuerUrl: z.string().trim().url('must be a web address').max(500),
  clientId: text(200),
  /** Left out to keep the one saved; needed the first time. */
  clientSecret: z.string().min(1).max(500).optional(),
  enabled: z.boolean(),
  trustProviderMfa: z.boolean(),
  mfaAcrValues: z.array(acrValue).max(10),
  ssoOnly: z.boolean(),
});

export const signInSettings = z.object({
  organisation: ref,
  /** Whether the organisation has saved settings yet; the rest are blank until it has. */
  configured: z.boolean(),
  version: z.number().int(),
  issuerUrl: z.string(),
  clientId: z.string(),
  /** The secret itself never leaves the server. */
  clientSecretSet: z.boolean(),
  enabled: z.boolean(),
  trustProviderMfa: z.boolean(),
  mfaAcrValues: z.array(z.string()),
  ssoOnly: z.boolean(),
  /** The address to register with the provider as this service's redirect URI. */
  redirectUri: z.string(),
});
export type SignInSettings = z.infer<typeof signInSettings>;

export const connectionTest = z.object({
  ok: z.boolean(),
  /** The provider's reply in words. */
  message: z.string(),
});
export type ConnectionTest = z.infer<typeof connectionTest>;

import * as client from 'openid-client';
import { mfaAmrValues } from '../../../../shared/api/single-sign-on.ts';

/** What Concord needs to talk to an organisation's provider; the secret already unsealed. */
export interface Provider {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface ProviderIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  amr: string[];
  acr: string | null;
}

const timeoutSeconds = 10;

export class ProviderProblem extends Error {}

/**
 * Reads the provider's discovery document. Plain http is refused unless the server allows it
 * (OIDC_ALLOW_HTTP_ISSUERS, for a provider on this machine): the ID token's keys come from here.
 */
export async function discover(provider: Provider, allowHttp: boolean): Promise<client.Configuration> {
  let url: URL;
  try {
    url = new URL(provider.issuerUrl);
  } catch {
    throw new ProviderProblem('The issuer URL is not a web address.');
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) {
    throw new ProviderProblem('The issuer URL must start with https://.');
  }
  try {
    return await client.discovery(url, provider.clientId, undefined, client.ClientSecretBasic(provider.clientSecret), {
      timeout: timeoutSeconds,
      execute: allowHttp ? [client.allowInsecureRequests] : [],
    });
  } catch (error) {
    throw new ProviderProblem(`Concord could not read the provider's discovery document: ${inWords(error)}`);
  }
}

export function authorisationUrl(config: client.Configuration, input: { redirectUri: string; state: string; nonce: string; codeChallenge: string; loginHint: string }): string {
  return client.buildAuthorizationUrl(config, {
    redirect_uri: input.redirectUri,
    scope: 'openid email',
    response_type: 'code',
    state: input.state,
    nonce: input.nonce,
    code_challenge: input.codeChallenge,
    code_challenge_method: 'S256',
    login_hint: input.loginHint,
  }).href;
}

export const pkce = {
  verifier: () => client.randomPKCECodeVerifier(),
  challenge: (verifier: string) => client.calculatePKCECodeChallenge(verifier),
};

/**
 * Exchanges the code the provider sent back for its tokens. openid-client checks the response's
 * state and issuer, and the ID token's signature, issuer, audience, nonce and expiry; the email
 * is read from the ID token, or from the userinfo endpoint when the token leaves it out.
 */
export async function identify(config: client.Configuration, callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<ProviderIdentity> {
  try {
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.codeVerifier,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    let { email, email_verified: emailVerified } = claims;
    if (typeof email !== 'string') {
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      ({ email, email_verified: emailVerified } = info);
    }
    return {
      subject: claims.sub,
      email: typeof email === 'string' ? email.trim().toLowerCase() : null,
      emailVerified: emailVerified === true,
      amr: Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === 'string') : [],
      acr: typeof claims.acr === 'string' ? claims.acr : null,
    };
  } catch (error) {
    throw new ProviderProblem(inWords(error));
  }
}

/** Whether the provider says it asked for a second factor: an `amr` that shows one, or an `acr` the organisation named. */
export function providerDidMfa(identity: ProviderIdentity, acrValues: readonly string[]): boolean {
  return identity.amr.some((v) => (mfaAmrValues as readonly string[]).includes(v)) || (identity.acr !== null && acrValues.includes(identity.acr));
}

/** An error from the provider or from openid-client's checks, in a sentence an administrator can act on. */
function inWords(error: unknown): string {
  if (error instanceof client.ResponseBodyError || error instanceof client.AuthorizationResponseError) {
    return `the provider answered "${error.error}"${error.error_description ? `: ${error.error_description}` : ''}.`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}.`;
}

/**
 * Reads the provider's discovery document and says what it found. The client id and secret are
 * only checked by the provider when someone signs in, so the reply says so.
 */
export async function testConnection(provider: Provider, allowHttp: boolean): Promise<{ ok: boolean; message: string }> {
  try {
    const metadata = (await discover(provider, allowHttp)).serverMetadata();
    const pkceNote = metadata.code_challenge_methods_supported?.includes('S256')
      ? 'supports PKCE'
      : 'does not list PKCE (S256), which Concord uses, among its methods';
    return {
      ok: true,
      message: `Connected to ${metadata.issuer}. It signs people in at ${metadata.authorization_endpoint} and ${pkceNote}. The client id and secret are checked when someone first signs in.`,
    };
  } catch (error) {
    return { ok: false, message: error instanceof ProviderProblem ? error.message : String(error) };
  }
}

import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** Who the test provider says has signed in next, and how. */
export interface TestIdentity {
  email: string;
  email_verified: boolean;
  amr?: string[];
  acr?: string;
}

export interface TestProvider {
  issuer: string;
  signInAs(identity: TestIdentity): void;
  /**
   * Follows a browser's redirects from Concord's authorisation URL through the provider (which
   * signs in the identity given, with no login page) until it sends the browser back to Concord.
   */
  authorise(url: string, backTo: string): Promise<URL>;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (panva's oidc-provider) on 127.0.0.1, with the given clients
 * registered. Its login and consent are one interaction answered at once, so no browser is needed.
 */
export async function startTestProvider(clients: { clientId: string; clientSecret: string }[], redirectUri: string): Promise<TestProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, TestIdentity>();
  let next: TestIdentity | null = null;

  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    // amr and acr go in every ID token, as staff directories' providers send them.
    claims: { openid: ['sub', 'acr', 'amr', 'auth_time'], email: ['email', 'email_verified'] },
    // The ID token carries the email, as most staff directories' tokens do.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['concord-test-provider'] },
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' }] },
    findAccount: (_ctx, sub) => {
      const identity = accounts.get(sub);
      if (!identity) return undefined;
      return { accountId: sub, claims: () => ({ sub, email: identity.email, email_verified: identity.email_verified }) };
    },
  });
  const handle = provider.callback();

  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return void handle(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (!next) throw new Error('the test provider has nobody to sign in');
      const accountId = randomUUID();
      accounts.set(accountId, next);
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope('openid email');
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, {
        login: { accountId, ...(next.amr ? { amr: next.amr } : {}), ...(next.acr ? { acr: next.acr } : {}) },
        consent: { grantId },
      }, { mergeWithLastSubmission: false });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  return {
    issuer,
    signInAs(identity) {
      next = identity;
    },
    async authorise(url, backTo) {
      const jar = new Map<string, string>();
      let location = url;
      for (let hop = 0; hop < 10; hop++) {
        if (location.startsWith(backTo)) return new URL(location);
        const response = await fetch(location, {
          redirect: 'manual',
          headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
        });
        for (const line of response.headers.getSetCookie()) {
          const [pair] = line.split(';');
          const [name, ...value] = pair!.split('=');
          const text = value.join('=');
          if (text === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name!.trim());
          else jar.set(name!.trim(), text);
        }
        const nextLocation = response.headers.get('location');
        if (!nextLocation) throw new Error(`the provider stopped at ${location}: ${response.status} ${await response.text()}`);
        location = new URL(nextLocation, location).href;
      }
      throw new Error('too many redirects');
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

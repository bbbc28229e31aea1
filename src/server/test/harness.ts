import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createGuardrails, generate } from 'otplib';
import { buildApp } from '../app.ts';
import type { Database } from '../db/connection.ts';
import { demoPassword, demoTotpSecret, seedDemo } from '../db/seed/demo.ts';
import { loadSecretKey } from '../platform/auth/crypto.ts';
import { openTestDatabase, testTemplates } from './database.ts';
import { testConfig } from './template.ts';

export const publicUrl = 'http://concord.test';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** A signed-in person, as a browser would be: session cookie plus the CSRF header. */
  as(email: string, password?: string, secret?: string): Promise<Agent>;
  /** A new caller with no session, from an address of its own. */
  readonly anonymous: Agent;
  /** The current 6-digit code for a secret, never reusing a step already used by this harness. */
  code(email: string, secret?: string): Promise<string>;
  /**
   * Waits until this instance has heard of every change to users and sessions made so far: a test
   * that changes them with SQL, behind Concord's back, calls it before its next read.
   */
  sessionChangesHeard(): Promise<void>;
  close(): Promise<void>;
}

export interface Agent {
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  cookies: Record<string, string>;
}

const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });

function nextAddress(): string {
  addresses++;
  return `198.51.${Math.floor(addresses / 250) % 250}.${(addresses % 250) + 1}`;
}

let addresses = 0;

/**
 * A caller as a browser would be. Each gets its own address (from the documentation range; no
 * packet is sent, inject runs in-process), as people on different machines would, so per-address
 * rate limits apply per person as they do in use.
 */
export function makeAgent(app: FastifyInstance, cookies: Record<string, string> = {}, extraHeaders: Record<string, string> = {}, remoteAddress = nextAddress()): Agent {
  const request = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await app.inject({
      method: method as 'GET',
      url,
      remoteAddress,
      cookies,
      headers: { ...(cookies.concord_csrf ? { 'x-csrf-token': cookies.concord_csrf } : {}), ...extraHeaders, ...headers },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    for (const c of response.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) delete cookies[c.name];
      else cookies[c.name] = c.value;
    }
    return response;
  };
  return {
    request,
    get: (url) => request('GET', url),
    post: (url, body, headers) => request('POST', url, body ?? {}, headers),
    patch: (url, body) => request('PATCH', url, body),
    delete: (url, body) => request('DELETE', url, body),
    cookies,
  };
}

/**
 * Builds Concord on a fresh database with the demo partnerships seeded, as `start` would: a copy
 * of the run's seeded template, whose authenticator secrets were encrypted with the run's
 * SESSION_SECRET (or, without templates, a database seeded here with a secret of its own).
 */
export async function startTestApp(): Promise<TestApp> {
  const templates = testTemplates();
  const config = testConfig(templates?.sessionSecret ?? randomBytes(32).toString('hex'));
  const database = await openTestDatabase(templates ? 'seeded' : 'migrated');
  if (!templates) await seedDemo(database, loadSecretKey(config), { dataSet: config.demoData });
  const app = await buildApp({ config, database, publicUrl: () => publicUrl, logger: false });
  await app.ready();

  const usedSteps = new Map<string, number>();
  const code = async (email: string, secret = demoTotpSecret) => {
    const current = Math.floor(Date.now() / 30_000);
    const step = Math.max(current, (usedSteps.get(email) ?? -1) + 1);
    if (step > current + 1) await new Promise((r) => setTimeout(r, (step - 1) * 30_000 - Date.now() + 50));
    usedSteps.set(email, step);
    return generate({ secret, epoch: step * 30, guardrails });
  };

  const agents = new Map<string, Agent>();
  return {
    app,
    database,
    get anonymous() {
      return makeAgent(app);
    },
    code,
    sessionChangesHeard: () => app.platform.sessions.settled(),
    async as(email, password = demoPassword, secret = demoTotpSecret) {
      const cached = agents.get(email);
      if (cached) return cached;
      const agent = makeAgent(app);
      const response = await agent.post('/api/v1/auth/sign-in', { email, password, totp: await code(email, secret) });
      if (response.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${response.statusCode} ${response.body}`);
      agents.set(email, agent);
      return agent;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

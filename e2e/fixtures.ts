// Shared helpers for the Playwright journeys: import { test, expect, signIn, ... } from './fixtures.ts'.
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, request as playwrightRequest, type APIResponse, type Page } from '@playwright/test';

export { expect };

/** Every demo account shares this password and TOTP secret (demo only). */
export const DEMO_PASSWORD = 'Concord-demo-1';
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

/** The demo sign-ins seeded on first start. */
export const DEMO_USERS = {
  admin: 'admin@concord.test', // system administrator
  policeLead: 'police.asb.lead@concord.test', // Demo County Police ASB team: team admin, supervisor
  police: 'police.asb@concord.test', // Demo County Police ASB team: practitioner
  council: 'council.asb@concord.test', // Demo District Council Community Safety team
  housing: 'housing@concord.test', // Demo Housing Association Tenancy team
  otherPolice: 'other.police@concord.test', // Neighbouring County Police: the other partnership
} as const;

/** The WCAG levels every screen is held to. */
export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface A11yOptions {
  /** Check only this part of the page (a CSS selector). */
  include?: string;
  /** Leave these parts out (CSS selectors), e.g. a third-party map's tiles. */
  exclude?: string[];
}

interface Fixtures {
  /** Runs axe on the page as it is now and fails the test listing every violation. */
  checkA11y: (page: Page, options?: A11yOptions) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures object pattern
  checkA11y: async ({}, use, testInfo) => {
    await use(async (page, options = {}) => {
      let builder = new AxeBuilder({ page }).withTags(A11Y_TAGS);
      if (options.include) builder = builder.include(options.include);
      for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
      const { violations } = await builder.analyze();
      if (violations.length > 0) {
        await testInfo.attach(`axe violations on ${page.url()}`, {
          body: JSON.stringify(violations, null, 2),
          contentType: 'application/json',
        });
      }
      const report = violations.map((v) => {
        const nodes = v.nodes.map((n) => {
          const why = (n.failureSummary ?? '').split('\n').slice(1).map((line) => line.trim()).filter(Boolean);
          return `    - ${n.target.join(' ')}: ${why.join('; ')}`;
        });
        return `  ${v.id} (${v.impact ?? 'unknown impact'}): ${v.help} <${v.helpUrl}>\n${nodes.join('\n')}`;
      });
      expect(violations.length, `accessibility violations on ${page.url()}:\n${report.join('\n')}`).toBe(0);
    });
  },
});

// --- TOTP (RFC 6238: HMAC-SHA-1, 30-second steps, 6 digits) --------------------------------------

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const STEP_MS = 30_000;

function base32Decode(text: string): Buffer {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text.replace(/[\s=-]/g, '').toUpperCase()) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`not a base32 secret: unexpected "${char}"`);
    value = ((value << 5) | index) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** The code for a given time step (step = floor(unix ms / 30 000)). */
export function totpAt(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** The current 6-digit code for a base32 secret. */
export function totp(secret: string, now = Date.now()): string {
  return totpAt(secret, Math.floor(now / STEP_MS));
}

// The server refuses a code already used in its 30-second window. The steps this helper has handed
// out are kept in a file, so that a worker started after a failure knows them too; the
// Playwright config deletes the folder at the start of each run.
const usedStepsFile = join(tmpdir(), `concord-e2e-${process.env.E2E_PORT ?? 3999}`, 'totp-used.json');

function readUsedSteps(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(usedStepsFile, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

/**
 * A code the server has not yet seen from this helper for `account` (default: the secret itself;
 * the demo accounts share one secret, so pass the email to avoid needless waits). Waits for the
 * next 30-second step when the current one has been used.
 */
export async function freshTotp(secret: string, account: string = secret): Promise<string> {
  const used = readUsedSteps();
  let step = Math.floor(Date.now() / STEP_MS);
  const last = used[account];
  if (last !== undefined && last >= step) {
    step = last + 1;
    const wait = step * STEP_MS - Date.now() + 250;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  used[account] = step;
  mkdirSync(join(usedStepsFile, '..'), { recursive: true });
  writeFileSync(usedStepsFile, JSON.stringify(used));
  return totpAt(secret, step);
}

// --- Signing in ----------------------------------------------------------------------------------

/** A form field by its label, with or without a required-field asterisk. */
function field(page: Page, label: string) {
  return page.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`));
}

/**
 * Opens the app signed out, fills the sign-in form and waits for the home page's heading.
 * Assumes `/` shows the sign-in form to a visitor who is not signed in.
 */
export async function signIn(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  secret = DEMO_TOTP_SECRET,
): Promise<void> {
  await page.goto('/');
  await field(page, 'Email').fill(email);
  await field(page, 'Password').fill(password);
  await field(page, 'Authentication code').fill(await freshTotp(secret, email));
  const submit = page.getByRole('button', { name: 'Sign in', exact: true });
  await submit.click();
  await expect(submit, `signing in as ${email} did not leave the sign-in form`).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

// --- Setting up data through the API ------------------------------------------------------------

/** A person's API session, for creating a journey's records without clicking through screens. */
export interface ApiSession {
  /** Sends a change with the CSRF header; fails the test unless the reply is a success. */
  send: (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, data?: unknown) => Promise<unknown>;
  get: (path: string) => Promise<unknown>;
  dispose: () => Promise<void>;
}

/** Signs `email` in through the API (password and TOTP code) on a request context of its own. */
export async function apiAs(baseURL: string, email: string, password = DEMO_PASSWORD, secret = DEMO_TOTP_SECRET): Promise<ApiSession> {
  const context = await playwrightRequest.newContext({ baseURL });
  const signedIn = await context.post('/api/v1/auth/sign-in', { data: { email, password, totp: await freshTotp(secret, email) } });
  expect(signedIn.status(), `signing ${email} in through the API: ${await signedIn.text()}`).toBe(200);
  const csrf = (await context.storageState()).cookies.find((c) => c.name === 'concord_csrf')?.value ?? '';
  const checked = async (what: string, response: APIResponse) => {
    expect(response.ok(), `${what}: ${response.status()} ${await response.text()}`).toBe(true);
    return response.status() === 204 ? null : ((await response.json()) as unknown);
  };
  return {
    send: async (method, path, data) =>
      checked(`${method} ${path}`, await context.fetch(`/api/v1${path}`, { method, data, headers: { 'x-csrf-token': csrf } })),
    get: async (path) => checked(`GET ${path}`, await context.get(`/api/v1${path}`)),
    dispose: () => context.dispose(),
  };
}

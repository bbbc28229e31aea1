// Shared helpers for the Playwright journeys: import { test, expect, openAs, ... } from './fixtures.ts'.
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, request as playwrightRequest, type APIResponse, type BrowserContext, type Locator, type Page } from '@playwright/test';

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
  policeAdmin: 'police.admin@concord.test', // Demo County Police: organisation admin
} as const;

export type DemoUser = (typeof DEMO_USERS)[keyof typeof DEMO_USERS];

// Everything a run keeps outside the repo (the server's data, the TOTP bookkeeping, the saved
// sessions): playwright.config.ts works out the same folder and empties it at the start of a run.
const stateDir = join(tmpdir(), `concord-e2e-${process.env.E2E_PORT ?? 3999}`);

/**
 * Runs `fn` while holding a lock shared by every worker of the run (a folder only one process can
 * create), waiting for it if another holds it.
 */
async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const lock = join(stateDir, `${name}.lock`);
  mkdirSync(stateDir, { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // A worker killed while holding it leaves the folder behind; no holder keeps it for a minute.
    try {
      if (Date.now() - statSync(lock).mtimeMs > 60_000) rmSync(lock, { recursive: true, force: true });
    } catch {
      // Released meanwhile.
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

// --- Journeys that run alone --------------------------------------------------------------------

// Journeys run two at a time. One tagged @alone (a reminder that pops up on every screen of the demo
// accounts it names, where it could cover what another journey clicks) waits until the journey
// running beside it has finished, and none starts beside it until it has. The journeys running
// are listed in a file by their worker's process id (a worker runs one at a time), so that a
// worker that died is not waited for.
const turnsFile = join(stateDir, 'turns.json');

interface Turns {
  /** Workers running a journey. */
  running: number[];
  /** The worker whose journey is to run alone, once the others have finished. */
  alone: number | null;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function updateTurns<T>(change: (turns: Turns) => T): Promise<T> {
  return withLock('turns', async () => {
    let turns: Turns = { running: [], alone: null };
    try {
      turns = JSON.parse(readFileSync(turnsFile, 'utf8')) as Turns;
    } catch {
      // None yet.
    }
    turns.running = turns.running.filter(isAlive);
    if (turns.alone !== null && !isAlive(turns.alone)) turns.alone = null;
    const result = change(turns);
    writeFileSync(turnsFile, JSON.stringify(turns));
    return result;
  });
}

async function takeTurn(alone: boolean): Promise<void> {
  const me = process.pid;
  for (;;) {
    const started = await updateTurns((turns) => {
      if (alone && turns.alone === null) turns.alone = me;
      const go = alone ? turns.alone === me && turns.running.length === 0 : turns.alone === null;
      if (go) turns.running.push(me);
      return go;
    });
    if (started) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function endTurn(alone: boolean): Promise<void> {
  await updateTurns((turns) => {
    turns.running = turns.running.filter((pid) => pid !== process.pid);
    if (alone && turns.alone === process.pid) turns.alone = null;
  });
}

/** The WCAG levels every screen is held to. */
export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface A11yOptions {
  /** Check only this part of the page (a CSS selector). */
  include?: string;
  /** Leave these parts out (CSS selectors), e.g. a third-party map's tiles. */
  exclude?: string[];
}

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/**
 * GOV.UK Frontend marks a radio or checkbox that reveals a follow-up question `aria-expanded`,
 * which ARIA does not allow on those roles. GOV.UK keeps it on purpose: screen readers announce it
 * and its research found it helps (alphagov/govuk-frontend#979, listed as a known issue in #1280).
 * Only that finding is set aside: any other attribute, or the same one on another element, fails.
 */
function withoutGovukRevealExpanded(violation: Violation): Violation {
  if (violation.id !== 'aria-allowed-attr') return violation;
  const govukReveal = (node: Violation['nodes'][number]) =>
    /^<input class="govuk-(radios|checkboxes)__input"/.test(node.html)
    && node.any.concat(node.all, node.none).every((check) => check.id !== 'aria-allowed-attr' || /^ARIA attribute is not allowed: aria-expanded="(true|false)"$/.test(check.message));
  return { ...violation, nodes: violation.nodes.filter((node) => !govukReveal(node)) };
}

interface Fixtures {
  /** Runs axe on the page as it is now and fails the test listing every violation. */
  checkA11y: (page: Page, options?: A11yOptions) => Promise<void>;
  /** Keeps a journey tagged @alone from running beside any other (see `takeTurn`). */
  turn: void;
}

export const test = base.extend<Fixtures>({
  turn: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures object pattern
    async ({}, use, testInfo) => {
      const alone = testInfo.tags.includes('@alone');
      const started = Date.now();
      await takeTurn(alone);
      // Time spent waiting for a journey running alone is not this journey's own.
      testInfo.setTimeout(testInfo.timeout + (Date.now() - started));
      try {
        await use();
      } finally {
        await endTurn(alone);
      }
    },
    { auto: true },
  ],
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures object pattern
  checkA11y: async ({}, use, testInfo) => {
    await use(async (page, options = {}) => {
      // Legacy mode runs axe.run in the page, with axe injected into every frame. The default
      // runs each frame apart and opens a new blank page to combine the results: a check cost up
      // to twice as much, and checks were two fifths of the journeys' time. Legacy mode leaves out
      // only cross-origin frames, and Concord's one frame, the document preview, is same-origin.
      let builder = new AxeBuilder({ page }).setLegacyMode().withTags(A11Y_TAGS);
      if (options.include) builder = builder.include(options.include);
      for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
      const violations = (await builder.analyze()).violations.map(withoutGovukRevealExpanded).filter((v) => v.nodes.length > 0);
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
// out are kept in a file, so that every worker (and a worker started after a failure) knows them;
// the Playwright config deletes the folder at the start of each run.
const usedStepsFile = join(stateDir, 'totp-used.json');

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
  // Claimed under the lock, so two workers never hand out the same step for one account.
  const step = await withLock('totp', async () => {
    const used = readUsedSteps();
    const current = Math.floor(Date.now() / STEP_MS);
    const last = used[account];
    const next = last !== undefined && last >= current ? last + 1 : current;
    used[account] = next;
    writeFileSync(usedStepsFile, JSON.stringify(used));
    return next;
  });
  // The step's window opens at a fixed time: wait for it.
  const wait = step * STEP_MS - Date.now() + 250;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return totpAt(secret, step);
}

// --- Signing in ----------------------------------------------------------------------------------

/** A form field by its label, with or without a required-field asterisk. */
function field(page: Page, label: string) {
  return page.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`));
}

/**
 * Opens the app signed out, fills the sign-in form and waits for the home page's heading.
 * Assumes `/` shows the sign-in form to a visitor who is not signed in. Only for journeys about
 * signing in and for people made by the journey; the others use the sessions saved by
 * e2e/sessions.setup.ts (see `openAs`).
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

// --- Saved sessions --------------------------------------------------------------------------------

// Signing in costs a fresh TOTP step (up to 30 seconds) per account, so e2e/sessions.setup.ts
// signs each demo account in once per run and saves its cookies (the session and concord_csrf)
// here; journeys reuse them. A session ends after 30 minutes idle: whoever finds one ended signs
// that account in again, once, and saves the new one for everyone.

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

const sessionsDir = join(stateDir, 'sessions');
const sessionFile = (email: string) => join(sessionsDir, `${email}.json`);

function readSession(email: string): StorageState | null {
  try {
    return JSON.parse(readFileSync(sessionFile(email), 'utf8')) as StorageState;
  } catch {
    return null;
  }
}

const sameSession = (a: StorageState, b: StorageState) => JSON.stringify(a.cookies) === JSON.stringify(b.cookies);

/** Signs a demo account in through the API (password and TOTP code) and saves its cookies. */
export async function saveSession(baseURL: string, email: DemoUser): Promise<StorageState> {
  const context = await playwrightRequest.newContext({ baseURL });
  try {
    const signedIn = await context.post('/api/v1/auth/sign-in', { data: { email, password: DEMO_PASSWORD, totp: await freshTotp(DEMO_TOTP_SECRET, email) } });
    expect(signedIn.status(), `signing ${email} in through the API: ${await signedIn.text()}`).toBe(200);
    const state = await context.storageState();
    mkdirSync(sessionsDir, { recursive: true });
    // Written whole, then renamed, so that no worker reads half a file.
    const partial = `${sessionFile(email)}.${process.pid}`;
    writeFileSync(partial, JSON.stringify(state));
    renameSync(partial, sessionFile(email));
    return state;
  } finally {
    await context.dispose();
  }
}

/**
 * The saved session of a demo account, or a new one when `ended` (the one a caller found ended)
 * is still the saved one. Only one worker signs an account in again; the others wait for it.
 */
async function demoSession(baseURL: string, email: DemoUser, ended?: StorageState): Promise<StorageState> {
  const saved = readSession(email);
  if (saved && !(ended && sameSession(saved, ended))) return saved;
  return withLock(`session-${email}`, async () => {
    const now = readSession(email);
    if (now && !(ended && sameSession(now, ended))) return now;
    return saveSession(baseURL, email);
  });
}

/** Someone made by a journey (see `newUser`): their details and the session they enrolled with. */
export interface NewUser {
  name: string;
  email: string;
  password: string;
  secret: string;
  state: StorageState;
}

/**
 * Opens the home page signed in: as a demo account through its saved session, or as a person a
 * journey made through the session they enrolled with. Nothing is typed into the sign-in form.
 */
export async function openAs(page: Page, who: DemoUser | NewUser): Promise<void> {
  const baseURL = test.info().project.use.baseURL!;
  let state = typeof who === 'string' ? await demoSession(baseURL, who) : who.state;
  await page.context().addCookies(state.cookies);
  await page.goto('/');
  const home = page.getByRole('heading', { level: 1, name: /^Hello, / });
  const signInForm = page.getByRole('heading', { level: 1, name: 'Sign in' });
  await expect(home.or(signInForm)).toBeVisible();
  if (typeof who === 'string' && (await signInForm.isVisible())) {
    // The saved session has ended (idle for 30 minutes): sign in again, once.
    state = await demoSession(baseURL, who, state);
    await page.context().clearCookies();
    await page.context().addCookies(state.cookies);
    await page.goto('/');
  }
  await expect(home, `the saved session of ${typeof who === 'string' ? who : who.email} did not open the home page`).toBeVisible();
}

// --- Setting up data through the API ------------------------------------------------------------

/** A person's API session, for creating a journey's records without clicking through screens. */
export interface ApiSession {
  /** Sends a change with the CSRF header; fails the test unless the reply is a success. */
  send: (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, data?: unknown) => Promise<unknown>;
  get: (path: string) => Promise<unknown>;
  dispose: () => Promise<void>;
}

const isDemoUser = (email: string): email is DemoUser => (Object.values(DEMO_USERS) as string[]).includes(email);

/**
 * An API session for `email` on a request context of its own: a demo account's saved session, or
 * for anyone else a sign-in through the API (password and TOTP code).
 */
export async function apiAs(baseURL: string, email: string, password = DEMO_PASSWORD, secret = DEMO_TOTP_SECRET): Promise<ApiSession> {
  let context;
  if (isDemoUser(email) && password === DEMO_PASSWORD && secret === DEMO_TOTP_SECRET) {
    let state = await demoSession(baseURL, email);
    context = await playwrightRequest.newContext({ baseURL, storageState: state });
    if ((await context.get('/api/v1/me')).status() === 401) {
      // Ended (idle for 30 minutes): sign in again, once.
      await context.dispose();
      state = await demoSession(baseURL, email, state);
      context = await playwrightRequest.newContext({ baseURL, storageState: state });
    }
  } else {
    context = await playwrightRequest.newContext({ baseURL });
    const signedIn = await context.post('/api/v1/auth/sign-in', { data: { email, password, totp: await freshTotp(secret, email) } });
    expect(signedIn.status(), `signing ${email} in through the API: ${await signedIn.text()}`).toBe(200);
  }
  const csrf = (await context.storageState()).cookies.find((c) => c.name === 'concord_csrf')?.value ?? '';
  const checked = async (what: string, response: APIResponse) => {
    expect(response.ok(), `${what}: ${response.status()} ${await response.text()}`).toBe(true);
    return response.status() === 204 ? null : ((await response.json()) as unknown);
  };
  const api = context;
  return {
    send: async (method, path, data) =>
      checked(`${method} ${path}`, await api.fetch(`/api/v1${path}`, { method, data, headers: { 'x-csrf-token': csrf } })),
    get: async (path) => checked(`GET ${path}`, await api.get(`/api/v1${path}`)),
    dispose: () => api.dispose(),
  };
}

/**
 * Adds a person to a team as the system administrator would, then takes them through the
 * invitation (a password) and enrolment (an authenticator) through the API, as the sign-in journey
 * does on screen. For journeys that end a session or change an account: they never touch the
 * demo accounts' saved sessions. The session they enrolled with is returned, signed in.
 */
export async function newUser(
  baseURL: string,
  details: { name: string; email: string; team: string; organisation: string; role: 'practitioner' | 'team_admin' | 'organisation_admin'; password?: string },
): Promise<NewUser> {
  const password = details.password ?? 'amber orchard pillow thimble';
  const admin = await apiAs(baseURL, DEMO_USERS.admin);
  const teams = (await admin.get('/teams?limit=200')) as { items: { id: string; name: string; organisation: { name: string } }[] };
  const team = teams.items.find((t) => t.name === details.team && t.organisation.name === details.organisation);
  expect(team, `the demo has ${details.team} in ${details.organisation}`).toBeTruthy();
  await admin.send('POST', '/users', { teamId: team!.id, name: details.name, email: details.email, role: details.role });
  const outbox = (await admin.get(`/outbox?recipient=${encodeURIComponent(details.email)}`)) as { items: { body: string }[] };
  const token = /token=([A-Za-z0-9_-]+)/.exec(outbox.items[0]?.body ?? '')?.[1];
  expect(token, 'the invitation email holds a link with a token').toBeTruthy();
  await admin.dispose();

  const session = await playwrightRequest.newContext({ baseURL });
  try {
    const chosen = await session.post('/api/v1/auth/password-reset/complete', { data: { token, password } });
    expect(chosen.ok(), await chosen.text()).toBe(true);
    const signedIn = await session.post('/api/v1/auth/sign-in', { data: { email: details.email, password } });
    expect(signedIn.ok(), await signedIn.text()).toBe(true);
    const csrf = (await session.storageState()).cookies.find((c) => c.name === 'concord_csrf')?.value ?? '';
    const enrolment = (await (await session.get('/api/v1/auth/enrolment')).json()) as { secret: string };
    const enrolled = await session.post('/api/v1/auth/enrolment', {
      data: { totp: await freshTotp(enrolment.secret, details.email) },
      headers: { 'x-csrf-token': csrf },
    });
    expect(enrolled.ok(), await enrolled.text()).toBe(true);
    return { name: details.name, email: details.email, password, secret: enrolment.secret, state: await session.storageState() };
  } finally {
    await session.dispose();
  }
}

// --- Screens at two widths ---------------------------------------------------------------------

/**
 * Resizes the window and waits until the signed-in shell has taken that width's layout: below
 * 48em the main navigation folds away off screen (and is inert), above it stands at the left.
 */
export async function resizeTo(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  const navigation = page.locator('#main-navigation');
  const right = async () => {
    const box = await navigation.boundingBox();
    return box ? box.x + box.width : 0;
  };
  if (width < 768) {
    await expect(navigation).toHaveAttribute('inert', '');
    await expect.poll(right, { message: 'the main navigation folds away' }).toBeLessThanOrEqual(0);
  } else {
    await expect(navigation).not.toHaveAttribute('inert');
    await expect.poll(async () => (await navigation.boundingBox())?.x, { message: 'the main navigation stands at the left' }).toBe(0);
  }
}

/** Types an ISO date ("1990-04-12") into a GOV.UK date input: the Day, Month and Year boxes under its legend. */
export async function fillDate(scope: Page | Locator, legend: string, iso: string): Promise<void> {
  const [year = '', month = '', day = ''] = iso.split('-');
  const group = scope.getByRole('group', { name: legend, exact: true });
  await group.getByRole('textbox', { name: 'Day' }).fill(day);
  await group.getByRole('textbox', { name: 'Month' }).fill(month);
  await group.getByRole('textbox', { name: 'Year' }).fill(year);
}

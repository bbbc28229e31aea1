import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// Journeys run in Debian's Chromium headless shell (apt-get install chromium-headless-shell), the
// build of Chromium for automation that Playwright's own headless runs use; the full browser made
// the journeys about a tenth slower on 2 cores. They run against a Concord started for the run on a
// fresh embedded database with the demo partnership, or on PostgreSQL when E2E_DATABASE_URL is set.
// Build the web app first (npx vite build); scripts/test.sh does.

const port = Number(process.env.E2E_PORT ?? 3999);
const baseURL = `http://127.0.0.1:${port}`;
const placesPort = port + 1;

// Everything a run keeps outside the repo: the server's data, and the TOTP bookkeeping and saved
// sessions of e2e/fixtures.ts (which works out the same path).
const e2eStateDir = join(tmpdir(), `concord-e2e-${port}`);

// Playwright loads this file in the runner and again in every worker; only the runner, before it
// starts the server, may clear the previous run's state.
if (process.env.TEST_WORKER_INDEX === undefined) {
  rmSync(e2eStateDir, { recursive: true, force: true });
}

export default defineConfig({
  testDir: 'e2e',
  // Journeys make their own records and never end a demo account's session, so they run side by
  // side; a file marked serial keeps its order in one worker, and one tagged @alone runs with
  // nothing beside it (the `turn` fixture in e2e/fixtures.ts).
  workers: 2,
  retries: 0,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'off',
    video: 'off',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    // Screens are checked as they settle; the app honours this preference by dropping transitions.
    contextOptions: { reducedMotion: 'reduce' },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium-headless-shell',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // Signs each demo account in once and saves its session for the journeys (e2e/sessions.setup.ts).
    { name: 'sessions', testMatch: /sessions\.setup\.ts$/ },
    { name: 'journeys', testMatch: /\.spec\.ts$/, dependencies: ['sessions'] },
  ],
  webServer: [{
    command: 'node --import tsx src/server/main.ts start',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      CONCORD_DATA_DIR: join(e2eStateDir, 'data'),
      CONCORD_DEMO: 'true',
      // The journeys know the demo's accounts and records as seeded without the data set.
      CONCORD_DEMO_DATA: 'false',
      PUBLIC_URL: baseURL,
      // An empty value means "not set" to Concord, so a DATABASE_URL in the caller's shell never
      // leaks into the journeys.
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
      // Postcodes are looked up in a stand-in for OS Places, on the next port (e2e/fake-os-places.ts).
      GEOCODER: 'os-places',
      GEOCODER_URL: `http://127.0.0.1:${placesPort}`,
      OS_PLACES_KEY: 'e2e-not-a-real-key',
      // Every journey's public referrals come from 127.0.0.1; the limit itself is tested in the API suite.
      REFERRAL_RATE_LIMIT_PER_ADDRESS: '200',
      // The single sign-on journey runs an OpenID Connect provider on 127.0.0.1, over plain http.
      OIDC_ALLOW_HTTP_ISSUERS: 'true',
      // The webhooks journey aims a hook at a receiver on 127.0.0.1, over plain http.
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    },
  }, {
    command: 'node --import tsx e2e/fake-os-places.ts',
    url: `http://127.0.0.1:${placesPort}/postcode`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { PORT: String(placesPort) },
  }],
});

import { test as setup } from '@playwright/test';
import { DEMO_USERS, saveSession } from './fixtures.ts';

// Runs once, before the journeys (the "sessions" project in playwright.config.ts): signs every demo
// account in through the API, one TOTP code each, and saves its cookies in the run's state folder.
// The journeys open pages with these sessions (`openAs`, `apiAs`) instead of waiting up to 30
// seconds for a fresh code at every sign-in. Signing in on screen is the sign-in journeys' work.

setup('sign each demo account in once and save its session', async ({ baseURL }) => {
  await Promise.all(Object.values(DEMO_USERS).map((email) => saveSession(baseURL!, email)));
});

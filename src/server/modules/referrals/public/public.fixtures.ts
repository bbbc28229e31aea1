import { expect } from 'vitest';
import type { Agent, TestApp } from '../../../test/harness.ts';
import { emails, loadStructure } from '../../sharing/records.fixtures.ts';

/** Test helpers for the public referral pages and routes: forms as a browser posts them, and forms made to test with. */

let counter = 0;
const tagged = () => `${Date.now().toString(36)}${++counter}`;

/** A referral as the contract takes it, with names no other row holds. */
export function publicReferral(answers: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  const tag = tagged();
  return {
    referrer: { name: `Perpetua Sender${tag}`, email: `sender.${tag}@example.test`, phone: '01632 960001', organisation: 'Demo Primary School', relationship: 'their teacher' },
    subject: { firstName: `Ignatius${tag}`, lastName: `Marchbanks${tag}`, dateOfBirth: '2001-02-03', address: { addressLine1: `${counter} Orchard Lane`, town: 'Demo Town', postcode: 'DE1 2AB' } },
    answers,
    consent: true,
    ...overrides,
  };
}

/** The demo's ASB form (the VICTIM screening): every question answered. */
export const victimAnswers = {
  'victim-vulnerable': 'yes', 'victim-increasing': 'no', 'victim-coping': 'no', 'victim-targeted': 'no', 'victim-impact': 'yes', 'victim-multi-agency': 'no',
};

/** Posts a page as a browser does, fields form-encoded; a list is a field sent several times (checkboxes). */
export function postPage(agent: Agent, url: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
  return agent.request('POST', url, body.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
}

/** The answers so far, as the page carries them in its hidden field. */
export function stateOf(html: string): string {
  const found = /name="state" value="([^"]*)"/.exec(html);
  if (!found) throw new Error('no state on the page');
  return found[1]!;
}

/** The page's <h1>, without its spacing. */
export function headingOf(html: string): string {
  return /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.trim() ?? '';
}

export const referrerFields = (tag: string) => ({
  'referrer-name': `Perpetua Sender${tag}`, 'referrer-email': `sender.${tag}@example.test`, 'referrer-phone': '01632 960001', 'referrer-organisation': '', 'referrer-relationship': 'neighbour',
});
export const subjectFields = (tag: string) => ({
  'subject-first-name': `Ignatius${tag}`, 'subject-last-name': `Marchbanks${tag}`, 'subject-dob-day': '3', 'subject-dob-month': '2', 'subject-dob-year': '2001',
  'subject-address-line-1': '4 Orchard Lane', 'subject-town': 'Demo Town', 'subject-postcode': 'DE1 2AB', 'subject-phone': '',
});

/** Walks a form's pages from "About you" to "Check your answers", a section's fields at a time; returns the check page's state. */
export async function fillIn(agent: Agent, slug: string, tag: string, sections: Record<string, string | string[]>[]): Promise<{ state: string; html: string }> {
  let page = await postPage(agent, `/refer/${slug}/about-you`, { state: '', ...referrerFields(tag) });
  expect(page.statusCode, page.body).toBe(200);
  page = await postPage(agent, `/refer/${slug}/about-the-person`, { state: stateOf(page.body), ...subjectFields(tag) });
  expect(page.statusCode, page.body).toBe(200);
  for (const [i, fields] of sections.entries()) {
    page = await postPage(agent, `/refer/${slug}/section-${i + 1}`, { state: stateOf(page.body), ...fields });
    expect(page.statusCode, page.body).toBe(200);
  }
  expect(headingOf(page.body)).toBe('Check your answers before sending your referral');
  return { state: stateOf(page.body), html: page.body };
}

/** The prefix each question's field has on the page. */
export const asFields = (answers: Record<string, string | string[]>) => Object.fromEntries(Object.entries(answers).map(([key, value]) => [`q-${key}`, value]));

/** A form of the council's community safety team (the demo's ASB desk) made to test with. */
export async function councilForm(t: TestApp, body: Record<string, unknown>): Promise<{ id: string; slug: string; version: number }> {
  const place = await loadStructure(t);
  const admin = await t.as(emails.admin);
  const response = await admin.post('/api/v1/referral-forms', { name: `Test form ${tagged()}`, teamId: place.team('Demo District Council/Community Safety team').teamId, ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** The referral stored under a reference, if any. */
export async function referralIdOf(t: TestApp, reference: string): Promise<string | undefined> {
  const { rows } = await t.database.pool.query<{ id: string }>('select id from referrals where reference = $1', [reference]);
  return rows[0]?.id;
}

export async function referralCount(t: TestApp): Promise<number> {
  const { rows } = await t.database.pool.query<{ count: string }>('select count(*) from referrals');
  return Number(rows[0]!.count);
}

import { expect, vi } from 'vitest';
import type { PortalAccess, PortalMe } from '../../../shared/api/portal.ts';
import { ukMobile } from '../../../shared/portal.ts';
import { makeAgent, type Agent, type TestApp } from '../../test/harness.ts';

/** Test helpers for every suite with a client in it: invited by a practitioner, signed in with the code the outbox holds. */

export type ClientContact = { email: string } | { mobile: string };

/** Invites the person on the profile as the staff member, who becomes their keyworker. */
export async function inviteClient(_t: TestApp, staff: Agent, profileId: string, contact: { email?: string; mobile?: string; endWithCaseId?: string }): Promise<PortalAccess> {
  const response = await staff.post(`/api/v1/profiles/${profileId}/portal-access`, contact);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** The address or number as the outbox holds it: lower case, or E.164. */
export const recipientOf = (contact: ClientContact) => ('email' in contact ? contact.email.trim().toLowerCase() : ukMobile(contact.mobile) ?? contact.mobile);

/** Everything the development outbox holds for an address or number, newest first. */
export async function outboxTo(t: TestApp, contact: ClientContact) {
  const { rows } = await t.database.pool.query<{ channel: string; subject: string | null; body: string }>(
    'select channel, subject, body from outbound_messages where recipient = $1 order by created_at desc, id desc',
    [recipientOf(contact)],
  );
  return rows;
}

/** The code in the newest message to the address or number. */
export async function latestCode(t: TestApp, contact: ClientContact): Promise<string> {
  const [newest] = await outboxTo(t, contact);
  const code = newest && /\b(\d{6})\b/.exec(newest.body)?.[1];
  if (!code) throw new Error(`no code sent to ${recipientOf(contact)}`);
  return code;
}

const requestsDone = async (t: TestApp) =>
  (await t.database.pool.query<{ n: number }>("select count(*)::int as n from audit_events where action = 'portal.code_requested'")).rows[0]!.n;

/**
 * Asks for a code, as the sign-in page does; the reply is the same whoever asks. The code is made
 * after the reply has gone, so this waits for that work (audited `portal.code_requested`) to be done.
 */
export async function askForCode(t: TestApp, agent: Agent, contact: ClientContact) {
  const before = await requestsDone(t);
  const response = await agent.post('/api/v1/portal/sign-in', contact);
  expect(response.statusCode, response.body).toBe(202);
  await vi.waitFor(async () => expect(await requestsDone(t)).toBeGreaterThan(before), { timeout: 10_000, interval: 20 });
  return response.json() as { message: string };
}

/**
 * A client signed in as the portal page would: asks for a code, reads it from the outbox, and
 * verifies it. The agent carries the portal cookie and sends the session's CSRF token.
 */
export async function signInClient(t: TestApp, contact: ClientContact): Promise<Agent> {
  const agent = makeAgent(t.app);
  await askForCode(t, agent, contact);
  const verified = await agent.post('/api/v1/portal/sign-in/verify', { ...contact, code: await latestCode(t, contact) });
  expect(verified.statusCode, verified.body).toBe(200);
  const me: PortalMe = verified.json();
  return makeAgent(t.app, agent.cookies, { 'x-csrf-token': me.csrfToken });
}

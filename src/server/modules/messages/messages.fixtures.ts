import { expect } from 'vitest';
import type { Message, MessagePage } from '../../../shared/api/portal.ts';
import type { Agent, TestApp } from '../../test/harness.ts';
import { inviteClient, signInClient } from '../portal/portal.fixtures.ts';
import { createProfile, emails, share, type loadStructure } from '../sharing/records.fixtures.ts';

/** Test helpers for the messages suites: a person the police ASB team holds, invited to the portal and signed in. */

export type Structure = Awaited<ReturnType<typeof loadStructure>>;

let clients = 0;

/**
 * A victim the police ASB officer holds and has invited (so their team holds the conversation),
 * shared with the council's Community Safety team (view): another team that may open the person.
 */
export async function clientOf(t: TestApp, structure: Structure, inviter: Agent | null = null) {
  clients++;
  const police = inviter ?? (await t.as(emails.police));
  const person = await createProfile(police, { roles: ['victim'] });
  await share(police, 'profiles', person.id, { teamId: structure.team('Demo District Council/Community Safety team').teamId, level: 'view' });
  const email = `client${clients}.${Date.now()}@example.test`;
  await inviteClient(t, police, person.id, { email });
  const client = await signInClient(t, { email });
  return { person, email, client };
}

export const staffPath = (profileId: string, rest = 'messages') => `/api/v1/profiles/${profileId}/portal/${rest}`;

export async function send(agent: Agent, url: string, body: string, attachmentIds?: string[]): Promise<Message> {
  const response = await agent.post(url, { body, ...(attachmentIds ? { attachmentIds } : {}) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function conversation(agent: Agent, url: string): Promise<MessagePage> {
  const response = await agent.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** What the development outbox holds for an address, oldest first. */
export async function outboxFor(t: TestApp, recipient: string) {
  const { rows } = await t.database.pool.query<{ channel: string; subject: string | null; body: string }>(
    'select channel, subject, body from outbound_messages where lower(recipient) = lower($1) order by created_at, id',
    [recipient],
  );
  return rows;
}

export const newMessageEmails = async (t: TestApp, recipient: string) => (await outboxFor(t, recipient)).filter((m) => m.body.startsWith('You have a new message.'));

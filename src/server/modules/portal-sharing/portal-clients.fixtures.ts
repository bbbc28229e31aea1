import type { Agent, TestApp } from '../../test/harness.ts';
import { inviteClient, signInClient } from '../portal/portal.fixtures.ts';
import { createProfile, emails, share, type loadStructure } from '../sharing/records.fixtures.ts';

/** Test helpers for the suites of what a client sees in the portal: their plan, appointments, documents and tasks. */

export type Structure = Awaited<ReturnType<typeof loadStructure>>;

let clients = 0;

/**
 * A victim the police ASB officer holds, shared with the council's Community Safety team (view),
 * invited to the portal by email and signed in.
 */
export async function personWithClient(t: TestApp, structure: Structure): Promise<{ person: { id: string }; email: string; accessId: string; client: Agent }> {
  clients++;
  const police = await t.as(emails.police);
  const person = await createProfile(police, { roles: ['victim'] });
  await share(police, 'profiles', person.id, { teamId: structure.team('Demo District Council/Community Safety team').teamId, level: 'view' });
  const email = `portal.client${clients}.${Date.now()}@example.test`;
  const access = await inviteClient(t, police, person.id, { email });
  return { person, email, accessId: access.id, client: await signInClient(t, { email }) };
}

/** An hour from now, or so many hours, as the API takes it. */
export const hoursAhead = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

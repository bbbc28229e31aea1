import { expect } from 'vitest';
import type { ContactPlan, VictimCare, VictimContact } from '../../../shared/api/victim-care.ts';
import { addDays, londonToday } from '../../platform/london.ts';
import type { Agent, TestApp } from '../../test/harness.ts';
import { createProfile, emails, share, type loadStructure } from '../sharing/records.fixtures.ts';
import { userId } from '../tasks/tasks.fixtures.ts';

/** Test helpers for the victim care suites: people, plans, contacts and reports made through the API. */

export type Structure = Awaited<ReturnType<typeof loadStructure>>;

/** Noon UTC some days ago: the same London calendar day in summer and winter. */
export const daysAgoAt = (days: number, hour = 12) => `${addDays(londonToday(), -days)}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/** A victim the police ASB team holds, shared with the council's Community Safety team (view) so both agencies may report. */
export async function sharedVictim(t: TestApp, structure: Structure, body: Record<string, unknown> = {}) {
  const police = await t.as(emails.police);
  const victim = await createProfile(police, { roles: ['victim'], ...body });
  await share(police, 'profiles', victim.id, { teamId: structure.team('Demo District Council/Community Safety team').teamId, level: 'view' });
  return victim;
}

export async function putPlan(agent: Agent, profileId: string, body: Record<string, unknown> = {}): Promise<ContactPlan> {
  const response = await agent.request('PUT', `/api/v1/profiles/${profileId}/contact-plan`, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

export async function recordContact(agent: Agent, profileId: string, body: Record<string, unknown>): Promise<VictimContact> {
  const response = await agent.post(`/api/v1/profiles/${profileId}/contacts`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function victimCareOf(agent: Agent, profileId: string): Promise<VictimCare> {
  const response = await agent.get(`/api/v1/profiles/${profileId}/victim-care`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

export async function writeReport(agent: Agent, kind: 'profiles' | 'locations', id: string, reportType: string, occurredAt: string, visibility = 'shared') {
  const response = await agent.post(`/api/v1/${kind}/${id}/reports`, { reportType, occurredAt, body: '<p>Reported again.</p>', visibility });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
}

/** Makes the police ASB sergeant the partnership's ASB coordinator, as the demo has her. */
export async function coordinator(t: TestApp): Promise<string> {
  await t.database.pool.query('update users set is_coordinator = true where email = $1', [emails.lead]);
  await t.sessionChangesHeard();
  return userId(t, emails.lead);
}

/** The notifications of a kind a person holds about a person's record, read straight from the table. */
export async function noticesOf(t: TestApp, email: string, kind: string, profileId: string) {
  const { rows } = await t.database.pool.query<{ message: string; link: string }>(
    'select message, link from notifications where user_id = $1 and kind = $2 and record_id = $3 order by created_at, id',
    [await userId(t, email), kind, profileId],
  );
  return rows;
}

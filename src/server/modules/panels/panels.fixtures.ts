import { expect } from 'vitest';
import type { Agent, TestApp } from '../../test/harness.ts';
import { enrolledUser, type loadStructure } from '../sharing/records.fixtures.ts';

/** Test helpers for the panel suites: panels, referrals and meetings made through the API, as people make them. */

export const demoPanelNames = { communityMarac: 'Demo County Community MARAC', marac: 'Demo County MARAC' } as const;

let counter = 0;

/** A panel of the police, council and housing, chaired and coordinated by the police ASB sergeant. */
export async function createPanel(agent: Agent, place: Awaited<ReturnType<typeof loadStructure>>, body: Record<string, unknown> = {}) {
  counter++;
  const chair = (await agent.get('/api/v1/me')).json();
  const response = await agent.post('/api/v1/panels', {
    kind: 'MARAC',
    name: `Test MARAC ${counter} ${Date.now()}`,
    memberOrganisationIds: ['Demo County Police', 'Demo District Council', 'Demo Housing Association'].map(place.organisation),
    chairUserId: chair.id,
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; name: string; version: number; [key: string]: unknown };
}

export async function refer(agent: Agent, panelId: string, subject: { type: 'profile' | 'case'; id: string }, body: Record<string, unknown> = {}) {
  const response = await agent.post(`/api/v1/panels/${panelId}/referrals`, { subject, reason: 'Repeated targeting of the household', criteria: ['professional-judgement'], ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; repeat: boolean; criteria: string[]; hasChildren: boolean; status: string; [key: string]: unknown };
}

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

export async function createMeeting(agent: Agent, panelId: string, body: Record<string, unknown> = {}) {
  const response = await agent.post('/api/v1/meetings', { panelId, startsAt: inAWeek(), place: 'Demo Town police station, room 2', ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; agenda: { id: string; referralId: string; version: number; [key: string]: unknown }[]; [key: string]: unknown };
}

export async function addToAgenda(agent: Agent, meetingId: string, referralId: string) {
  const response = await agent.post(`/api/v1/meetings/${meetingId}/agenda`, { referralId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number; [key: string]: unknown };
}

/** A colleague of an organisation that sits on no demo panel: the fire service's community safety team. */
export async function fireOfficer(t: TestApp, place: Awaited<ReturnType<typeof loadStructure>>) {
  return enrolledUser(t, 'admin@concord.test', { name: 'Fran Firefighter', role: 'practitioner', teamId: place.team('Demo Fire and Rescue Service/Community Safety team').teamId });
}

/** London's date some days from today, as YYYY-MM-DD. */
export const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

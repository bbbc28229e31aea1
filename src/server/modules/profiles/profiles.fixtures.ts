import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { makeAgent, type Agent, type TestApp } from '../../test/harness.ts';
import { storedAuditEvents } from '../../test/audit.ts';
import { createUserAs } from '../../test/fixtures.ts';

/** The demo accounts the profile tests act as. */
export const people = {
  admin: 'admin@concord.test',
  lead: 'police.asb.lead@concord.test',
  police: 'police.asb@concord.test',
  policeAdmin: 'police.admin@concord.test',
  council: 'council.asb@concord.test',
  housing: 'housing@concord.test',
  other: 'other.police@concord.test',
} as const;

export interface Ref { id: string; name: string }

export function expectError(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json().error.code).toBe(code);
}

/** Creates a profile as the given agent, confirming past the duplicate check unless told otherwise. */
export async function createProfile(agent: Agent, body: Record<string, unknown>) {
  const response = await agent.post('/api/v1/profiles', { reasonCreated: 'Reported to the ASB team', confirmNoDuplicate: true, ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function teamIdOf(t: TestApp, organisation: string, team: string): Promise<string> {
  const admin = await t.as(people.admin);
  const teams = (await admin.get('/api/v1/teams?limit=200')).json().items as { id: string; name: string; organisation: { name: string } }[];
  const found = teams.find((x) => x.name === team && x.organisation.name === organisation);
  if (!found) throw new Error(`no team ${organisation}/${team}`);
  return found.id;
}

/** A new, fully signed-in user with an enrolled authenticator. */
export async function enrolledUser(t: TestApp, input: { name: string; role: string; teamId: string }): Promise<Agent> {
  const { email, password } = await createUserAs(t, people.admin, input);
  const agent = makeAgent(t.app);
  expect((await agent.post('/api/v1/auth/sign-in', { email, password })).statusCode).toBe(200);
  const { secret } = (await agent.get('/api/v1/auth/enrolment')).json() as { secret: string };
  expect((await agent.post('/api/v1/auth/enrolment', { totp: await t.code(email, secret) })).statusCode).toBe(200);
  return agent;
}

export interface AuditRow {
  action: string;
  outcome: string;
  entityId: string | null;
  actor: { id: string | null; name: string | null };
  reason: string | null;
  changes: Record<string, { before: unknown; after: unknown }> | null;
  details: Record<string, unknown> | null;
}

/**
 * The audit trail as it was written, newest first (up to 200 rows), filtered by a viewer-style
 * query string (`entityId`, `entityType`, `action`, `actorId`, `limit`). These tests check what the
 * module wrote; who may see a row's values in the viewer is the audit module's to test.
 */
export async function auditOf(t: TestApp, query: string): Promise<AuditRow[]> {
  const filter: Parameters<typeof storedAuditEvents>[1] = { limit: 200 };
  for (const [key, value] of new URLSearchParams(query)) {
    if (key === 'entityId' || key === 'entityType' || key === 'action' || key === 'actorId') filter[key] = value;
    else if (key === 'limit') filter.limit = Number(value);
    else throw new Error(`auditOf cannot filter by ${key}`);
  }
  return storedAuditEvents(t, filter);
}

import { expect } from 'vitest';
import { storedAuditEvents } from '../../test/audit.ts';
import { createUserAs } from '../../test/fixtures.ts';
import { makeAgent, type Agent, type TestApp } from '../../test/harness.ts';

/** Test helpers for the sharing, access request and merge suites: records made through the API, as people make them. */

export type Kind = 'profiles' | 'cases' | 'locations';
export const kinds: Kind[] = ['profiles', 'cases', 'locations'];

export const emails = {
  admin: 'admin@concord.test',
  lead: 'police.asb.lead@concord.test',
  police: 'police.asb@concord.test',
  policeAdmin: 'police.admin@concord.test',
  council: 'council.asb@concord.test',
  housing: 'housing@concord.test',
  other: 'other.police@concord.test',
};

export interface Place { teamId: string; organisationId: string }

/** Every team of both demo partnerships as "<organisation>/<team>", and every organisation by name. */
export async function loadStructure(t: TestApp) {
  const admin = await t.as(emails.admin);
  const teams: Record<string, Place> = {};
  const organisations: Record<string, string> = {};
  const teamList = (await admin.get('/api/v1/teams?limit=200')).json().items as { id: string; name: string; organisation: { id: string; name: string } }[];
  for (const team of teamList) {
    teams[`${team.organisation.name}/${team.name}`] = { teamId: team.id, organisationId: team.organisation.id };
    organisations[team.organisation.name] = team.organisation.id;
  }
  const team = (key: string): Place => {
    const found = teams[key];
    if (!found) throw new Error(`no demo team ${key}`);
    return found;
  };
  const organisation = (name: string): string => {
    const found = organisations[name];
    if (!found) throw new Error(`no demo organisation ${name}`);
    return found;
  };
  return { team, organisation };
}

let counter = 0;

export async function createProfile(agent: Agent, body: Record<string, unknown> = {}): Promise<{ id: string; firstName: string; lastName: string }> {
  counter++;
  const response = await agent.post('/api/v1/profiles', {
    firstName: `Kit${counter}`,
    lastName: `Testperson${counter}`,
    reasonCreated: 'Reported for anti-social behaviour',
    confirmNoDuplicate: true,
    ...body,
  });
  if (response.statusCode !== 201) throw new Error(`could not create a profile: ${response.statusCode} ${response.body}`);
  return response.json();
}

export async function createRecord(agent: Agent, kind: Kind): Promise<string> {
  counter++;
  if (kind === 'profiles') return (await createProfile(agent)).id;
  const response = kind === 'cases'
    ? await agent.post('/api/v1/cases', { caseType: 'ASB', title: `Noise complaints ${counter}` })
    : await agent.post('/api/v1/locations', { addressLine1: `${counter} Sharing Street`, town: 'Demo Town', postcode: 'NG1 5AB', confirmNoDuplicate: true });
  if (response.statusCode !== 201) throw new Error(`could not create a ${kind} record: ${response.statusCode} ${response.body}`);
  return response.json().id;
}

export async function share(agent: Agent, kind: Kind, id: string, body: Record<string, string>) {
  const response = await agent.post(`/api/v1/${kind}/${id}/access`, body);
  if (response.statusCode !== 200) throw new Error(`could not share: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** A new colleague who has accepted their invitation and enrolled an authenticator, signed in. */
export async function enrolledUser(t: TestApp, adminEmail: string, input: { name: string; role: string; teamId: string }): Promise<{ agent: Agent; id: string; email: string }> {
  const { id, email, password } = await createUserAs(t, adminEmail, input);
  const agent = makeAgent(t.app);
  expect((await agent.post('/api/v1/auth/sign-in', { email, password })).statusCode).toBe(200);
  const { secret } = (await agent.get('/api/v1/auth/enrolment')).json() as { secret: string };
  expect((await agent.post('/api/v1/auth/enrolment', { totp: await t.code(email, secret) })).statusCode).toBe(200);
  return { agent, id, email };
}

export function expectError(response: { statusCode: number; json(): unknown }, status: number, code: string) {
  expect({ status: response.statusCode, code: (response.json() as { error?: { code?: string } }).error?.code }).toEqual({ status, code });
}

/**
 * The audit trail of one record as it was written, newest first (up to 200 rows). These tests
 * check what the module wrote; who may see a row's values in the viewer is the audit module's to test.
 */
export async function auditOf(t: TestApp, entityId: string, action?: string) {
  return storedAuditEvents(t, { entityId, action, limit: 200 });
}

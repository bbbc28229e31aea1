import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProfileSafetyPlan, SafetyPlan } from '../../../shared/api/portal.ts';
import type { DomainEvent } from '../../platform/events/types.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { personWithClient, type Structure } from '../portal-sharing/portal-clients.fixtures.ts';
import { auditOf, createProfile, emails, expectError, loadStructure } from '../sharing/records.fixtures.ts';

let t: TestApp;
let structure: Structure;
let police: Agent;
let council: Agent;

beforeAll(async () => {
  t = await startTestApp();
  structure = await loadStructure(t);
  police = await t.as(emails.police);
  council = await t.as(emails.council);
});
afterAll(() => t.close());

const planBody = (version: number, change: Record<string, unknown> = {}) => ({
  version,
  steps: ['Keep your phone charged and with you', 'Pack a bag with your documents and keep it at your sister\'s'],
  safeContacts: [{ name: 'Sam (sister)', phone: '07700 900123', note: 'Knows the code word' }],
  emergencyContacts: [{ name: 'Police', phone: '999' }, { name: 'National Domestic Abuse Helpline', phone: '0808 2000 247' }],
  ...change,
});

async function putPlan(agent: Agent, profileId: string, body: Record<string, unknown>): Promise<ProfileSafetyPlan> {
  const response = await agent.request('PUT', `/api/v1/profiles/${profileId}/safety-plan`, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('a person\'s safety plan', () => {
  it('is empty at version 0 until written, is written whole from the version read, and a stale version is refused', async () => {
    const { person, client } = await personWithClient(t, structure);
    const empty: ProfileSafetyPlan = (await police.get(`/api/v1/profiles/${person.id}/safety-plan`)).json();
    expect(empty).toEqual({ steps: [], safeContacts: [], emergencyContacts: [], version: 0, updatedAt: null, updatedBy: null, permissions: { canEdit: true } });
    expect((await client.get('/api/v1/portal/safety-plan')).json()).toMatchObject({ steps: [], version: 0 });

    const first = await putPlan(police, person.id, planBody(0));
    expect(first).toMatchObject({ version: 1, steps: planBody(0).steps, safeContacts: planBody(0).safeContacts, updatedBy: { name: expect.any(String) } });
    expectError(await police.request('PUT', `/api/v1/profiles/${person.id}/safety-plan`, planBody(0)), 409, 'conflict');
    const second = await putPlan(police, person.id, planBody(1, { steps: ['Call 999 and press 55 if you cannot speak'], safeContacts: [] }));
    expect(second).toMatchObject({ version: 2, steps: ['Call 999 and press 55 if you cannot speak'], safeContacts: [] });
    const stale = await police.request('PUT', `/api/v1/profiles/${person.id}/safety-plan`, planBody(1));
    expectError(stale, 409, 'conflict');
    expect(stale.json().error.details[0]).toMatchObject({ version: 2 });

    // The client reads it as written, without who may change it.
    const mine: SafetyPlan = (await client.get('/api/v1/portal/safety-plan')).json();
    expect(mine).toEqual({ ...second, permissions: undefined });
    expect(mine).not.toHaveProperty('permissions');
  });

  it('takes the contract\'s body, steps and emergency contacts without a version, over whatever the plan holds', async () => {
    const { person, client } = await personWithClient(t, structure);
    const contract = { steps: ['Keep your phone charged'], emergencyContacts: [{ name: 'Police', phone: '999' }] };
    expect(await putPlan(police, person.id, contract)).toMatchObject({ version: 1, ...contract, safeContacts: [] });
    expect(await putPlan(police, person.id, { ...contract, steps: ['Pack a bag'] })).toMatchObject({ version: 2, steps: ['Pack a bag'] });
    expect((await client.get('/api/v1/portal/safety-plan')).json()).toMatchObject({ steps: ['Pack a bag'], emergencyContacts: contract.emergencyContacts });
  });

  it('is audited by counts, never its words, against the person\'s plan, read by staff and by the client', async () => {
    const { person, client } = await personWithClient(t, structure);
    await putPlan(police, person.id, planBody(0));
    await police.get(`/api/v1/profiles/${person.id}/safety-plan`);
    await client.get('/api/v1/portal/safety-plan');
    const events = await auditOf(t, person.id);
    const updated = events.find((e) => e.action === 'safety_plan.updated');
    expect(updated).toMatchObject({ entityType: 'safety_plan', details: { steps: 2, safeContacts: 1, emergencyContacts: 2 } });
    expect(events.filter((e) => e.action === 'safety_plan.viewed').map((e) => e.details)).toEqual(expect.arrayContaining([{ side: 'staff' }, { side: 'client' }]));
    const written = JSON.stringify(events);
    for (const words of ['phone charged', 'Sam (sister)', '07700 900123', 'code word']) expect(written).not.toContain(words);
  });

  it('tells the client\'s open portal page, and the person\'s practitioners, that it changed: ids only', async () => {
    const { person, accessId } = await personWithClient(t, structure);
    const heard: DomainEvent[] = [];
    const stop = t.app.platform.events.subscribe((event) => void heard.push(event));
    try {
      await putPlan(police, person.id, planBody(0));
      await vi.waitFor(() => expect(heard.find((e) => e.type === 'safety_plan.updated')).toBeDefined());
    } finally {
      stop();
    }
    const event = heard.find((e) => e.type === 'safety_plan.updated')!;
    expect(event.data).toEqual({ profileId: person.id });
    expect(event.audience.clientIds).toEqual([accessId]);
    expect(event.audience.teamIds).toContain(structure.team('Demo District Council/Community Safety team').teamId);
  });

  it('refuses bad contacts and too many steps, field by field', async () => {
    const person = await createProfile(police, { roles: ['victim'] });
    const badPhone = await police.request('PUT', `/api/v1/profiles/${person.id}/safety-plan`, planBody(0, { emergencyContacts: [{ name: 'Police', phone: 'call them' }] }));
    expectError(badPhone, 422, 'validation_failed');
    expect(badPhone.json().error.details).toEqual([expect.objectContaining({ field: 'emergencyContacts.0.phone' })]);
    expectError(await police.request('PUT', `/api/v1/profiles/${person.id}/safety-plan`, planBody(0, { steps: Array.from({ length: 31 }, (_, i) => `Step ${i}`) })), 422, 'validation_failed');
    expectError(await police.request('PUT', `/api/v1/profiles/${person.id}/safety-plan`, { version: -1, steps: [], emergencyContacts: [] }), 422, 'validation_failed');
  });

  it('is read with view on the person, changed only with edit; another organisation gets 403, the other partnership 404', async () => {
    const { person } = await personWithClient(t, structure);
    await putPlan(police, person.id, planBody(0));
    expect((await council.get(`/api/v1/profiles/${person.id}/safety-plan`)).json()).toMatchObject({ version: 1, permissions: { canEdit: false } });
    expectError(await council.request('PUT', `/api/v1/profiles/${person.id}/safety-plan`, planBody(1)), 403, 'forbidden');
    const housing = await t.as(emails.housing);
    const other = await t.as(emails.other);
    for (const [agent, status, code] of [[housing, 403, 'no_access'], [other, 404, 'not_found']] as const) {
      expectError(await agent.get(`/api/v1/profiles/${person.id}/safety-plan`), status, code);
      expectError(await agent.request('PUT', `/api/v1/profiles/${person.id}/safety-plan`, planBody(1)), status, code);
    }
  });

  it('is only ever the client\'s own: another client reads theirs, and neither side\'s session reaches the other\'s route', async () => {
    const a = await personWithClient(t, structure);
    const b = await personWithClient(t, structure);
    await putPlan(police, a.person.id, planBody(0));
    expect((await b.client.get('/api/v1/portal/safety-plan')).json()).toMatchObject({ steps: [], version: 0 });
    expect((await a.client.get('/api/v1/portal/safety-plan')).json()).toMatchObject({ version: 1 });
    expect((await a.client.get(`/api/v1/profiles/${a.person.id}/safety-plan`)).statusCode).toBe(401);
    expect((await a.client.request('PUT', `/api/v1/profiles/${b.person.id}/safety-plan`, planBody(0))).statusCode).toBe(401);
    expect((await police.get('/api/v1/portal/safety-plan')).statusCode).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfile, expectError, people, teamIdOf } from '../../modules/profiles/profiles.fixtures.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';

/**
 * A record's history and timeline name what the ids in its changes point at (a case type, a lead
 * officer, a linked person), as far as the reader may see them: the partnership's people and lists
 * to everyone who may open the record, a linked person only to those who may open that person.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

interface Named { kind: string; name: string | null }
interface Entry { action: string; changes: Record<string, { before: unknown; after: unknown }> | null; details: Record<string, unknown> | null; names: Record<string, Named> }

async function history(agent: Agent, path: string): Promise<Entry[]> {
  const response = await agent.get(`/api/v1/${path}/history?limit=50`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

interface Change { action: string; fields: string[]; subject: { kind: string; id: string; name: string | null; role: string | null; relationship: string | null } | null }

async function changes(agent: Agent, path: string): Promise<Change[]> {
  const response = await agent.get(`/api/v1/${path}/timeline?limit=50&kinds=change`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().items as { detail: Change }[]).map((e) => e.detail);
}

describe('names in a case\'s history and timeline', () => {
  let caseId: string;
  let caseTypeId: string;
  let officer: { id: string; name: string };
  let shown: { id: string };
  let locked: { id: string };

  beforeAll(async () => {
    const police = await t.as(people.police);
    const lead = await t.as(people.lead);
    officer = (await lead.get('/api/v1/me')).json();
    shown = await createProfile(police, { firstName: 'Nell', lastName: 'Namesake' });
    locked = await createProfile(police, { firstName: 'Lorna', lastName: 'Lockhart' });
    const created = await police.post('/api/v1/cases', { caseType: 'asb', title: 'Names in the history', leadOfficerId: officer.id });
    expect(created.statusCode, created.body).toBe(201);
    caseId = created.json().id;
    caseTypeId = created.json().caseType.id;
    for (const [profile, role] of [[shown, 'victim'], [locked, 'perpetrator']] as const) {
      const linked = await police.post(`/api/v1/cases/${caseId}/profiles`, { profileId: profile.id, role });
      expect(linked.statusCode, linked.body).toBe(201);
    }
    // The council may open the case and the victim, not the perpetrator.
    const council = await teamIdOf(t, 'Demo District Council', 'Community Safety team');
    for (const path of [`cases/${caseId}`, `profiles/${shown.id}`]) {
      const shared = await police.post(`/api/v1/${path}/access`, { teamId: council, level: 'view' });
      expect(shared.statusCode, shared.body).toBe(200);
    }
  });

  it('names the case type and the lead officer, and lists only the fields given when the case was opened', async () => {
    for (const email of [people.police, people.council]) {
      const entries = await history(await t.as(email), `cases/${caseId}`);
      const created = entries.find((e) => e.action === 'case.created')!;
      expect(created.names[caseTypeId], email).toEqual({ kind: 'lookup', name: 'ASB' });
      expect(created.names[officer.id], email).toEqual({ kind: 'user', name: officer.name });
      expect(created.changes!.caseTypeId!.after).toBe(caseTypeId);
      expect(Object.keys(created.changes!)).not.toContain('endDate');
    }
    const [opened] = (await changes(await t.as(people.council), `cases/${caseId}`)).filter((c) => c.action === 'case.created');
    expect(opened!.fields).toEqual(expect.arrayContaining(['caseTypeId', 'leadOfficerId', 'title']));
    expect(opened!.fields).not.toContain('summary');
  });

  it('names a linked person only to a reader who may open them', async () => {
    const linked = (entries: Entry[], id: string) => entries.find((e) => e.action === 'case.profile_linked' && e.details?.profileId === id)!;
    const police = await history(await t.as(people.police), `cases/${caseId}`);
    expect(linked(police, shown.id).names[shown.id]).toEqual({ kind: 'profile', name: 'Nell Namesake' });
    expect(linked(police, locked.id).names[locked.id]).toEqual({ kind: 'profile', name: 'Lorna Lockhart' });

    const council = await history(await t.as(people.council), `cases/${caseId}`);
    expect(linked(council, shown.id).names[shown.id]).toEqual({ kind: 'profile', name: 'Nell Namesake' });
    expect(linked(council, locked.id)).toMatchObject({ details: { profileId: locked.id, role: 'perpetrator' }, names: { [locked.id]: { kind: 'profile', name: null } } });
    expect(JSON.stringify(council)).not.toContain('Lockhart');
  });

  it('says on the timeline who was linked, with their role, as far as the reader may see', async () => {
    const subjects = async (email: string) => (await changes(await t.as(email), `cases/${caseId}`))
      .filter((c) => c.action === 'case.profile_linked').map((c) => c.subject);
    // A person the reader may open comes with their markers and risk; a locked one with neither.
    const safe = expect.objectContaining({ warningMarkers: expect.any(Array) });
    expect(await subjects(people.police)).toEqual(expect.arrayContaining([
      { kind: 'profile', id: shown.id, name: 'Nell Namesake', role: 'victim', relationship: null, safety: safe },
      { kind: 'profile', id: locked.id, name: 'Lorna Lockhart', role: 'perpetrator', relationship: null, safety: safe },
    ]));
    const council = await subjects(people.council);
    expect(council).toEqual(expect.arrayContaining([
      { kind: 'profile', id: shown.id, name: 'Nell Namesake', role: 'victim', relationship: null, safety: safe },
      { kind: 'profile', id: locked.id, name: null, role: 'perpetrator', relationship: null, safety: null },
    ]));
  });

  it('gives another organisation, and another partnership, nothing of it', async () => {
    for (const path of ['history', 'timeline']) {
      expectError(await (await t.as(people.housing)).get(`/api/v1/cases/${caseId}/${path}`), 403, 'no_access');
      expectError(await (await t.as(people.other)).get(`/api/v1/cases/${caseId}/${path}`), 404, 'not_found');
    }
  });
});

describe('names in a profile\'s history', () => {
  it('names the other person of a relationship only to those who may open them, and lists only the fields given', async () => {
    const police = await t.as(people.police);
    const parent = await createProfile(police, { firstName: 'Rhoda', lastName: 'Relative' });
    const child = await createProfile(police, { firstName: 'Cyril', lastName: 'Relative', phone: '0115 496 0000' });
    const added = await police.post(`/api/v1/profiles/${parent.id}/relationships`, { otherProfileId: child.id, kind: 'parent' });
    expect(added.statusCode, added.body).toBe(201);
    const council = await teamIdOf(t, 'Demo District Council', 'Community Safety team');
    expect((await police.post(`/api/v1/profiles/${parent.id}/access`, { teamId: council, level: 'view' })).statusCode).toBe(200);

    const relationship = (entries: Entry[]) => entries.find((e) => e.action === 'profile.relationship_added')!;
    expect(relationship(await history(police, `profiles/${parent.id}`)).names[child.id]).toEqual({ kind: 'profile', name: 'Cyril Relative' });
    const seen = await history(await t.as(people.council), `profiles/${parent.id}`);
    expect(relationship(seen).names[child.id]).toEqual({ kind: 'profile', name: null });
    expect(JSON.stringify(seen)).not.toContain('Cyril');

    const [created] = (await changes(police, `profiles/${child.id}`)).filter((c) => c.action === 'profile.created');
    expect(created!.fields).toEqual(expect.arrayContaining(['firstName', 'lastName', 'phone']));
    expect(created!.fields).not.toContain('aliases');
    expect(created!.fields).not.toContain('vulnerabilities');
  });
});

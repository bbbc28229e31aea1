import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInAudience } from '../../platform/events/stream.ts';
import type { DomainEvent } from '../../platform/events/types.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, emails, expectError, loadStructure, share } from '../sharing/records.fixtures.ts';
import { start, victimAnswers, type Made } from './assessments.fixtures.ts';

let t: TestApp;
let author: Agent;
let teamMate: Agent;
let sharedWith: Agent;
let noAccess: Agent;
let otherPartnership: Agent;
let profileId: string;
const made: Record<'shared' | 'team' | 'private', Made> = {} as never;
let draft: Made;

/** A police ASB team profile shared (view) with the council's Community Safety team; housing has no access. */
beforeAll(async () => {
  t = await startTestApp();
  const place = await loadStructure(t);
  author = await t.as(emails.police);
  teamMate = await t.as(emails.lead);
  sharedWith = await t.as(emails.council);
  noAccess = await t.as(emails.housing);
  otherPartnership = await t.as(emails.other);
  profileId = (await createProfile(author)).id;
  await share(author, 'profiles', profileId, { teamId: place.team('Demo District Council/Community Safety team').teamId, level: 'view' });
  const subject = { type: 'profile' as const, id: profileId };
  for (const visibility of ['shared', 'team', 'private'] as const) {
    const d = await start(author, 'victim-screening', subject, victimAnswers(), { visibility });
    made[visibility] = (await author.post(`/api/v1/assessments/${d.id}/complete`)).json();
  }
  draft = await start(author, 'wheel', subject);
});
afterAll(() => t.close());

const readableFor = async (agent: Agent, id: string) => {
  const response = await agent.get(`/api/v1/assessments/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().readable as boolean;
};

describe('who reads a completed assessment', () => {
  it('the author reads all three', async () => {
    for (const a of Object.values(made)) expect(await readableFor(author, a.id)).toBe(true);
  });

  it('the author\'s team reads shared and team ones; a private one is a stub', async () => {
    expect(await readableFor(teamMate, made.shared.id)).toBe(true);
    expect(await readableFor(teamMate, made.team.id)).toBe(true);
    const stub = (await teamMate.get(`/api/v1/assessments/${made.private.id}`)).json();
    expect(stub).toMatchObject({ readable: false, status: 'completed', template: { key: 'victim-screening' }, team: { name: 'ASB team' }, answers: null, score: null, band: null, finalScore: null, visibility: null, assessor: null, members: null });
    expect(stub.completedAt).toEqual(expect.any(String));
  });

  it('another team with access reads shared ones only; the rest are stubs', async () => {
    expect(await readableFor(sharedWith, made.shared.id)).toBe(true);
    expect(await readableFor(sharedWith, made.team.id)).toBe(false);
    expect(await readableFor(sharedWith, made.private.id)).toBe(false);
    const list = (await sharedWith.get(`/api/v1/profiles/${profileId}/assessments`)).json();
    expect(list.items.map((i: { id: string; readable: boolean; score: number | null }) => [i.id, i.readable, i.score]).sort()).toEqual([
      [made.shared.id, true, 0], [made.team.id, false, null], [made.private.id, false, null],
    ].sort());
    expect(list.permissions.canStart).toBe(true);
  });

  it('refuses the content of a stub to review or compare', async () => {
    expectError(await sharedWith.post(`/api/v1/assessments/${made.team.id}/review`), 403, 'forbidden');
    expectError(await sharedWith.get(`/api/v1/assessments/${made.private.id}/comparison`), 403, 'forbidden');
    const compared = await sharedWith.get(`/api/v1/assessments/${made.shared.id}/comparison`);
    expect(compared.statusCode, compared.body).toBe(200);
    expect(compared.json().items.map((i: { id: string }) => i.id)).toEqual([made.shared.id]);
    const mine = (await author.get(`/api/v1/assessments/${made.shared.id}/comparison`)).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([made.shared.id, made.team.id, made.private.id]);
  });

  it('another team with view access may start its own assessment on the record', async () => {
    const own = await start(sharedWith, 'victim-screening', { type: 'profile', id: profileId }, victimAnswers());
    expect(own).toMatchObject({ team: { name: 'Community Safety team' }, readable: true });
    expectError(await author.get(`/api/v1/assessments/${own.id}`), 403, 'forbidden');
    expect((await sharedWith.post(`/api/v1/assessments/${own.id}/complete`)).statusCode).toBe(200);
    expect(await readableFor(author, own.id)).toBe(true);
  });
});

describe('another organisation without access, and the other partnership', () => {
  const attempts = (agent: Agent) => [
    () => agent.get(`/api/v1/assessments/${made.shared.id}`),
    () => agent.patch(`/api/v1/assessments/${draft.id}`, { version: draft.version, answers: {} }),
    () => agent.post(`/api/v1/assessments/${draft.id}/complete`),
    () => agent.delete(`/api/v1/assessments/${draft.id}`),
    () => agent.post(`/api/v1/assessments/${made.shared.id}/review`),
    () => agent.get(`/api/v1/assessments/${made.shared.id}/comparison`),
    () => agent.post(`/api/v1/assessments/${made.shared.id}/information-requests`, { questionKey: 'victim-vulnerable', assignee: { teamId: '01a20000-0000-7000-8000-000000000000' }, dueOn: '2030-01-15' }),
    () => agent.get(`/api/v1/profiles/${profileId}/assessments`),
    () => agent.get(`/api/v1/profiles/${profileId}/risk-levels`),
    () => agent.post('/api/v1/assessments', { template: 'victim-screening', subject: { type: 'profile', id: profileId } }),
  ];

  it('refuses another organisation without access with no_access, and records the refusal', async () => {
    for (const attempt of attempts(noAccess)) expectError(await attempt(), 403, 'no_access');
    const refusals = (await auditOf(t, profileId, 'access.refused'));
    expect(refusals.length).toBeGreaterThan(0);
  });

  it('tells the other partnership it does not exist', async () => {
    for (const attempt of attempts(otherPartnership)) {
      const response = await attempt();
      expect(response.statusCode, response.body).toBe(404);
    }
  });

  it('lists nothing of it in the other partnership\'s lists', async () => {
    for (const scope of ['team_drafts', 'awaiting_approval', 'reviews_due', 'mine']) {
      const response = await otherPartnership.get(`/api/v1/assessments?scope=${scope}`);
      expect(response.statusCode).toBe(200);
      expect(response.json().items).toEqual([]);
    }
  });
});

describe('the audit trail of reading', () => {
  it('records each view and each list with the record as subject', async () => {
    await sharedWith.get(`/api/v1/assessments/${made.team.id}`);
    const views = await auditOf(t, made.team.id, 'assessment.viewed');
    expect(views.at(0)).toMatchObject({ entityType: 'assessment', details: { recordKind: 'profile', recordId: profileId, readable: false } });
    await sharedWith.get(`/api/v1/profiles/${profileId}/assessments`);
    const lists = await auditOf(t, profileId, 'assessments.listed');
    expect(lists.at(0)).toMatchObject({ entityType: 'profile', details: { count: 4, readable: 2 } });
  });
});

describe('live updates', () => {
  const actorOf = async (agent: Agent) => {
    const me = (await agent.get('/api/v1/me')).json();
    return { kind: 'user' as const, id: me.id, name: me.name, role: me.role, isSupervisor: false, teamId: me.team.id, organisationId: me.organisation.id, partnershipId: me.partnership?.id ?? '', readOnly: false };
  };

  /** The assessment.changed events about one assessment heard while `act` runs. */
  async function heardAbout(act: () => Promise<string>): Promise<DomainEvent[]> {
    const heard: DomainEvent[] = [];
    const unsubscribe = t.app.platform.events.subscribe((event) => heard.push(event));
    try {
      const id = await act();
      await expect.poll(() => heard.some((e) => e.type === 'assessment.changed' && e.data.id === id)).toBe(true);
      return heard.filter((e) => e.type === 'assessment.changed' && e.data.id === id);
    } finally {
      unsubscribe();
    }
  }

  it('tell only the author\'s team of a draft, by ids only', async () => {
    let id = '';
    const [changed] = await heardAbout(async () => {
      id = (await start(author, 'victim-screening', { type: 'profile', id: profileId }, victimAnswers())).id;
      return id;
    });
    expect(changed!.data).toEqual({ id, record: { kind: 'profile', id: profileId } });
    expect(isInAudience(await actorOf(teamMate), changed!.audience)).toBe(true);
    expect(isInAudience(await actorOf(sharedWith), changed!.audience)).toBe(false);
    expect(isInAudience(await actorOf(noAccess), changed!.audience)).toBe(false);
  });

  it('tell everyone who can open the record once the assessment is completed', async () => {
    let draftToFinish = { id: '' };
    // The draft's own event is heard first, so it cannot be taken for the completion's.
    await heardAbout(async () => {
      draftToFinish = await start(author, 'victim-screening', { type: 'profile', id: profileId }, victimAnswers());
      return draftToFinish.id;
    });
    const [changed] = await heardAbout(async () => {
      expect((await author.post(`/api/v1/assessments/${draftToFinish.id}/complete`)).statusCode).toBe(200);
      return draftToFinish.id;
    });
    expect(isInAudience(await actorOf(teamMate), changed!.audience)).toBe(true);
    expect(isInAudience(await actorOf(sharedWith), changed!.audience)).toBe(true);
    expect(isInAudience(await actorOf(noAccess), changed!.audience)).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferralListItem } from '../../../shared/api/referrals.ts';
import { storedAuditEvents } from '../../test/audit.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { createProfile, emails, enrolledUser, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { userId } from '../tasks/tasks.fixtures.ts';
import { actorOf, askReferrer, keyIn, noticesAbout, referralOf, step, storedText, uniqueReferral } from './referrals.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;
let police: Agent;
let policeAdmin: Agent;
let readOnly: { agent: Agent; id: string };
let iom: { agent: Agent; id: string };
let policeAsb: string;
let policeIom: string;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
  police = await t.as(emails.police);
  policeAdmin = await t.as(emails.policeAdmin);
  policeAsb = place.team('Demo County Police/ASB team').teamId;
  policeIom = place.team('Demo County Police/IOM team').teamId;
  readOnly = await enrolledUser(t, emails.lead, { name: 'Rory Readonly', role: 'read_only', teamId: policeAsb });
  iom = await enrolledUser(t, emails.policeAdmin, { name: 'Imogen Iom', role: 'practitioner', teamId: policeIom });
});
afterAll(() => t.close());

const listOf = async (agent: Agent, query = ''): Promise<{ items: ReferralListItem[]; nextCursor: string | null; team: { id: string; name: string } }> => {
  const response = await agent.get(`/api/v1/referrals${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('who works a desk', () => {
  it('is the team\'s own staff and its organisation\'s administrators; others of the partnership are refused, and the other partnership finds nothing', async () => {
    const { id } = await keyIn(police);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const reads = [`/api/v1/referrals/${id}`, `/api/v1/referrals/${id}/matches`, `/api/v1/referrals?teamId=${policeAsb}`, `/api/v1/referrals/statistics?teamId=${policeAsb}`];
    const changes: [string, string, Record<string, unknown>][] = [
      ['PATCH', `/api/v1/referrals/${id}`, { version: 1, assignedToId: null }],
      ['POST', `/api/v1/referrals/${id}/notes`, { text: 'A stranger\'s note' }],
      ['POST', `/api/v1/referrals/${id}/triage`, {}],
      ['POST', `/api/v1/referrals/${id}/withdrawal`, { reason: 'A stranger withdrew it' }],
      ['POST', `/api/v1/referrals/${id}/reopening`, { reason: 'A stranger reopened it' }],
      ['POST', `/api/v1/referrals/${id}/information`, { information: 'A stranger\'s answer' }],
    ];
    const strangers: [string, Agent, number, string][] = [
      ['another team of the organisation', iom.agent, 403, 'forbidden'],
      ['another organisation', await t.as(emails.council), 403, 'forbidden'],
      ['a system administrator of the partnership', await t.as(emails.admin), 403, 'forbidden'],
      ['a read-only member of the team', readOnly.agent, 403, 'forbidden'],
      ['the other partnership', await t.as(emails.other), 404, 'not_found'],
    ];
    for (const [who, agent, status, code] of strangers) {
      for (const url of reads) expect({ who, url, status: (await agent.get(url)).statusCode }).toEqual({ who, url, status });
      for (const [method, url, body] of changes) {
        const response = await agent.request(method, url, body);
        expect({ who, url, status: response.statusCode, code: response.json().error?.code }).toEqual({ who, url, status, code });
      }
    }
    expectError(await police.get(`/api/v1/referrals/${unknown}`), 404, 'not_found');
    const outside = await (await t.as(emails.other)).get(`/api/v1/referrals/${id}`);
    expect(outside.json()).toEqual((await (await t.as(emails.other)).get(`/api/v1/referrals/${unknown}`)).json());
    // Nothing changed, and each refusal on the record was written down.
    expect(await referralOf(police, id)).toMatchObject({ status: 'new', version: 1, notes: [] });
    const refused = await storedAuditEvents(t, { entityId: id, action: 'access.refused' });
    expect(refused.length).toBeGreaterThanOrEqual(3 * (2 + changes.length));
    expect(refused[0]).toMatchObject({ outcome: 'refused', details: { why: 'does not work the team\'s triage desk' } });
  });

  it('includes an organisation administrator for every team of their organisation', async () => {
    const { id } = await keyIn(police, uniqueReferral({ teamId: policeIom }));
    expect((await referralOf(policeAdmin, id)).permissions).toEqual({ canWork: true });
    expect((await referralOf(iom.agent, id)).team).toEqual({ id: policeIom, name: 'IOM team' });
    expect((await listOf(policeAdmin, `?teamId=${policeIom}`)).items.map((i) => i.id)).toContain(id);
    expectError(await police.get(`/api/v1/referrals?teamId=${policeIom}`), 403, 'forbidden');
    expectError(await police.get(`/api/v1/referrals/${id}`), 403, 'forbidden');
  });
});

describe('the desk\'s list', () => {
  it('puts the most urgent first, those waiting for the referrer after them, and then those finished with, latest first', async () => {
    const housing = await t.as(emails.housing);
    const housingActor = await actorOf(housing);
    const tenancy = place.team('Demo Housing Association/Tenancy team').teamId;
    const to = (extra: Record<string, unknown> = {}) => keyIn(police, uniqueReferral({ teamId: tenancy, ...extra }));
    const overdue = await to({ receivedAt: '2026-01-02T10:00:00.000Z' });
    const fresh = await to();
    const inTriage = await to({ receivedAt: '2026-01-05T10:00:00.000Z' });
    expect((await housing.post(`/api/v1/referrals/${inTriage.id}/triage`, {})).statusCode).toBe(200);
    const waiting = await to({ receivedAt: '2025-12-01T10:00:00.000Z' });
    await askReferrer(t, housingActor, waiting.id, 'Which flat is it?');
    const accepted = await to();
    await step(t, housingActor, accepted.id, 'accept');
    const withdrawn = await to();
    expect((await housing.post(`/api/v1/referrals/${withdrawn.id}/withdrawal`, { reason: 'Duplicate' })).statusCode).toBe(200);

    const open = await listOf(housing);
    expect(open.team).toEqual({ id: tenancy, name: 'Tenancy team' });
    expect(open.items.map((i) => i.id)).toEqual([overdue.id, inTriage.id, fresh.id, waiting.id]);
    expect(open.items[0]).toMatchObject({ status: 'new', overdue: true, paused: false, decisionDueAt: '2026-01-06T17:00:00.000Z', channel: 'phone', assignedTo: null, form: null });
    expect(open.items[2]).toMatchObject({ overdue: false, decisionDueAt: fresh.decisionDueAt });
    // The clock stands still while they wait: no due time, never overdue.
    expect(open.items[3]).toMatchObject({ status: 'waiting-for-information', paused: true, overdue: false, decisionDueAt: null });
    const all = await listOf(housing, '?status=all');
    expect(all.items.map((i) => i.id)).toEqual([overdue.id, inTriage.id, fresh.id, waiting.id, withdrawn.id, accepted.id]);
    expect(all.items[5]).toMatchObject({ status: 'accepted', decisionDueAt: null, overdue: false });
    expect((await listOf(housing, '?status=triaged')).items.map((i) => i.id)).toEqual([accepted.id]);
    expect((await listOf(housing, '?status=withdrawn')).items.map((i) => i.id)).toEqual([withdrawn.id]);

    // Each item shows who the referral is about, unsealed for the desk.
    const body = (await referralOf(housing, fresh.id)).subject;
    expect(open.items[2]!.subject).toEqual({ firstName: body.firstName, lastName: body.lastName, dateOfBirth: '1990-04-02' });

    // Pages follow the same order, whatever the group the page ends in.
    const pages: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await listOf(housing, `?status=all&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      pages.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect(pages).toEqual(all.items.map((i) => i.id));
    expectError(await housing.get('/api/v1/referrals?cursor=bogus'), 422, 'validation_failed');
    expectError(await housing.get('/api/v1/referrals?status=lost'), 422, 'validation_failed');

    const listed = await storedAuditEvents(t, { actorId: housingActor.id, action: 'referrals.listed' });
    expect(listed.find((e) => (e.details as { status: string }).status === 'open')).toMatchObject({
      entityType: 'team', entityId: tenancy, details: { teamId: tenancy, count: 4, referralIds: [overdue.id, inTriage.id, fresh.id, waiting.id] },
    });
  });

  it('is filtered by who it is assigned to', async () => {
    const lead = await t.as(emails.lead);
    const mine = await keyIn(lead);
    const theirs = await keyIn(lead);
    expect((await police.patch(`/api/v1/referrals/${mine.id}`, { version: 1, assignedToId: await userId(t, emails.police) })).statusCode).toBe(200);
    expect((await police.patch(`/api/v1/referrals/${theirs.id}`, { version: 1, assignedToId: await userId(t, emails.lead) })).statusCode).toBe(200);
    const assignedToMe = (await listOf(police, '?assignedTo=me')).items.map((i) => i.id);
    expect(assignedToMe).toContain(mine.id);
    expect(assignedToMe).not.toContain(theirs.id);
    expect((await listOf(police, `?assignedTo=${await userId(t, emails.lead)}`)).items.map((i) => i.id)).toContain(theirs.id);
    const nobody = (await listOf(police, '?assignedTo=nobody')).items;
    expect(nobody.every((i) => i.assignedTo === null)).toBe(true);
    expect(nobody.map((i) => i.id)).not.toContain(mine.id);
  });
});

describe('a referral\'s page', () => {
  it('shows everything the referrer said, and records who looked', async () => {
    const body = uniqueReferral({ subject: { firstName: 'Pip', lastName: 'Pageturner', address: 'Flat 2, 9 Mill Lane', phone: '07700 900123', email: 'pip@example.test' } });
    const { id } = await keyIn(police, body);
    expect(await referralOf(policeAdmin, id)).toMatchObject({
      subject: { firstName: 'Pip', lastName: 'Pageturner', dateOfBirth: null, address: 'Flat 2, 9 Mill Lane', phone: '07700 900123', email: 'pip@example.test' },
      notes: [],
      informationRequests: [],
      outcome: null,
    });
    const [viewed] = await storedAuditEvents(t, { entityId: id, action: 'referral.viewed' });
    expect(viewed).toMatchObject({ actor: { id: await userId(t, emails.policeAdmin) }, entityType: 'referral', details: { reference: expect.stringMatching(/^RF-/) } });
  });

  it('shows who the person may already be: those the reader may open in full, the others as stubs', async () => {
    const name = { firstName: 'Marigold', lastName: `Matchworth${Date.now()}`, dateOfBirth: '1985-07-14' };
    const known = await createProfile(police, name);
    const elsewhere = await createProfile(await t.as(emails.housing), name);
    const { id } = await keyIn(police, uniqueReferral({ subject: name }));
    const response = await police.get(`/api/v1/referrals/${id}/matches`);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as { profile: { id: string }; accessible: boolean; safety: unknown; owner: { team: { name: string } } }[];
    expect(items.find((m) => m.profile.id === known.id)).toMatchObject({ accessible: true, safety: expect.any(Object) });
    expect(items.find((m) => m.profile.id === elsewhere.id)).toMatchObject({ accessible: false, safety: null, owner: { team: { name: 'Tenancy team' } } });
    const [viewed] = await storedAuditEvents(t, { entityId: id, action: 'referral.matches_viewed' });
    expect((viewed?.details as { profileIds: string[] }).profileIds).toEqual(expect.arrayContaining([known.id, elsewhere.id]));
  });
});

describe('assigning a referral', () => {
  it('gives it to a member of the team, starts its triage, and tells them', async () => {
    const { id, reference } = await keyIn(police);
    const leadId = await userId(t, emails.lead);
    const response = await police.patch(`/api/v1/referrals/${id}`, { version: 1, assignedToId: leadId });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'in-triage', assignedTo: { id: leadId, name: 'Priya Shah' }, version: 3 });
    expect(response.json().events.at(-1)).toMatchObject({ step: 'start-triage', from: 'new', to: 'in-triage', by: { name: 'Tom Wright' } });
    expect(await noticesAbout(t, id, 'referral_assigned')).toEqual([
      { user_id: leadId, kind: 'referral_assigned', message: `Referral ${reference} on the ASB team triage desk was assigned to you.`, link: `/referrals/${id}` },
    ]);
    const [assigned] = await storedAuditEvents(t, { entityId: id, action: 'referral.assigned' });
    expect(assigned?.details).toMatchObject({ assignedToId: leadId, from: 'new', to: 'in-triage' });
    expect(await storedAuditEvents(t, { entityId: id, action: 'referral.moved' })).toEqual([]);

    // Taking it on oneself tells nobody; giving it to nobody leaves it in triage.
    const own = await police.patch(`/api/v1/referrals/${id}`, { version: 3, assignedToId: await userId(t, emails.police) });
    expect(own.json()).toMatchObject({ status: 'in-triage', assignedTo: { name: 'Tom Wright' }, version: 4 });
    expect(await noticesAbout(t, id, 'referral_assigned')).toHaveLength(1);
    const none = await police.patch(`/api/v1/referrals/${id}`, { version: 4, assignedToId: null });
    expect(none.json()).toMatchObject({ status: 'in-triage', assignedTo: null, version: 5 });
  });

  it('refuses someone who does not work the desk, a stale version, and a referral finished with', async () => {
    const { id } = await keyIn(police);
    for (const other of [await userId(t, emails.council), readOnly.id, iom.id, '00000000-0000-4000-8000-000000000000']) {
      const refused = await police.patch(`/api/v1/referrals/${id}`, { version: 1, assignedToId: other });
      expectError(refused, 422, 'validation_failed');
      expect(refused.json().error.details).toEqual([{ field: 'assignedToId', problem: 'must be an active member of the team who works its desk' }]);
    }
    expectError(await police.patch(`/api/v1/referrals/${id}`, { version: 7, assignedToId: null }), 409, 'conflict');
    expectError(await police.patch(`/api/v1/referrals/${id}`, { assignedToId: null }), 422, 'validation_failed');
    await step(t, await actorOf(police), id, 'decline');
    const finished = await police.patch(`/api/v1/referrals/${id}`, { version: 2, assignedToId: null });
    expectError(finished, 409, 'referral_state');
    expect(finished.json().error.message).toBe('This referral is declined; reopen it before assigning it.');
  });
});

describe('a note on a referral', () => {
  it('is kept sealed, shown on the page with its author, and audited', async () => {
    const { id } = await keyIn(police);
    const response = await police.post(`/api/v1/referrals/${id}/notes`, { text: 'Spoke to the school: the family moved last week.' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ text: 'Spoke to the school: the family moved last week.', author: { name: 'Tom Wright' } });
    expect((await referralOf(policeAdmin, id)).notes).toEqual([response.json()]);
    expect(await storedText(t, 'referral_notes', id)).not.toContain('family moved');
    const [noted] = await storedAuditEvents(t, { entityId: id, action: 'referral.noted' });
    expect(noted?.details).toMatchObject({ noteId: response.json().id });
    expectError(await police.post(`/api/v1/referrals/${id}/notes`, { text: ' ' }), 422, 'validation_failed');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgent, startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { enrolledUser } from '../sharing/records.fixtures.ts';
import { storedAuditEvents } from '../../test/audit.ts';

let t: TestApp;

const admin = 'admin@concord.test';
const policeAdmin = 'police.admin@concord.test';
const lead = 'police.asb.lead@concord.test';
const police = 'police.asb@concord.test';
const council = 'council.asb@concord.test';
const housing = 'housing@concord.test';
const other = 'other.police@concord.test';

interface Ref { id: string; name: string }
const teams: Record<string, Ref & { organisation: Ref }> = {};
const users: Record<string, string> = {};
let readOnly: Agent;

function expectError(response: { statusCode: number; json(): unknown }, status: number, code: string) {
  expect({ status: response.statusCode, code: (response.json() as { error?: { code?: string } }).error?.code }).toEqual({ status, code });
}

function fields(response: { json(): unknown }): string[] {
  return ((response.json() as { error: { details: { field: string }[] } }).error.details).map((d) => d.field).sort();
}

async function openCase(email: string, body: Record<string, unknown> = {}) {
  const response = await (await t.as(email)).post('/api/v1/cases', { caseType: 'IOM', title: 'Prolific offender', ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** The audit trail as written, newest first, filtered as the viewer would (entityId, entityType, action, actorId): what the module recorded. */
async function audit(query: string) {
  const { entityId, entityType, action, actorId } = Object.fromEntries(new URLSearchParams(query));
  return storedAuditEvents(t, { entityId, entityType, action, actorId, limit: 50 });
}

function shiftDays(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const enrolled = async (input: { name: string; role: string; teamId: string }): Promise<Agent> => (await enrolledUser(t, admin, input)).agent;

beforeAll(async () => {
  t = await startTestApp();
  for (const team of (await (await t.as(admin)).get('/api/v1/teams?limit=200')).json().items) teams[`${team.organisation.name}/${team.name}`] = team;
  for (const email of [lead, police, council, other]) users[email] = (await (await t.as(email)).get('/api/v1/me')).json().id;
  readOnly = await enrolled({ name: 'Rae Reader', role: 'read_only', teamId: teams['Demo County Police/ASB team']!.id });
});
afterAll(() => t.close());

describe('opening a case', () => {
  it('numbers it by type, year and the partnership\'s sequence, owned by the creator\'s team', async () => {
    const year = shiftDays(0).slice(0, 4);
    const first = await openCase(police, { caseType: 'asb', title: 'Noise from flat 4', summary: 'Loud music most nights' });
    expect(first).toMatchObject({
      title: 'Noise from flat 4', summary: 'Loud music most nights', status: 'open', version: 1,
      caseType: { key: 'asb', name: 'ASB' },
      owner: { team: { name: 'ASB team' }, organisation: { name: 'Demo County Police' } },
      createdBy: { id: users[police], name: 'Tom Wright' },
      permissions: { canEdit: true, canShare: true, canClose: true, canReopen: false, canArchive: false },
      profiles: [], locations: [], interventions: [], subCases: [], parentCase: null,
    });
    expect(first.reference).toMatch(new RegExp(`^ASB/${year}/\\d{5}$`));
    const second = await openCase(council, { caseType: 'Troubled Families' });
    const n = Number(first.reference.slice(-5));
    expect(second.reference).toBe(`TF/${year}/${String(n + 1).padStart(5, '0')}`);
    const [created] = await audit(`entityId=${first.id}&action=case.created`);
    expect(created!.changes).toMatchObject({ title: { before: null, after: 'Noise from flat 4' }, reference: { before: null, after: first.reference } });
  });

  it('never gives two cases the same number, even at once', async () => {
    const agent = await t.as(police);
    const replies = await Promise.all(Array.from({ length: 6 }, (_, i) => agent.post('/api/v1/cases', { caseType: 'asb', title: `Parallel ${i}` })));
    expect(replies.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
    const numbers = replies.map((r) => Number(r.json().reference.slice(-5))).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
    // The other partnership counts on its own.
    expect((await openCase(other)).reference).toMatch(/\/00001$/);
  });

  it('names each field that is wrong', async () => {
    const agent = await t.as(police);
    expect(fields(await agent.post('/api/v1/cases', { summary: 'No title, no type' }))).toEqual(['caseType', 'title']);
    const dates = await agent.post('/api/v1/cases', { caseType: 'asb', title: 'Backwards', startDate: '2026-03-01', endDate: '2026-02-01' });
    expectError(dates, 422, 'validation_failed');
    expect(fields(dates)).toEqual(['endDate']);
    expect(fields(await agent.post('/api/v1/cases', { caseType: 'asb', title: 'Bad date', startDate: '2026-02-30' }))).toEqual(['startDate']);
    expect(fields(await agent.post('/api/v1/cases', { caseType: 'parking', title: 'Unknown type' }))).toEqual(['caseType']);
    expect(fields(await agent.post('/api/v1/cases', { caseType: 'asb', caseTypeId: '00000000-0000-4000-8000-000000000000', title: 'Both' }))).toEqual(['caseType']);
  });

  it('takes the lead organisation, officer and single point of contact only from the partnership', async () => {
    const agent = await t.as(police);
    const ok = await openCase(police, {
      leadOrganisationId: teams['Demo District Council/Community Safety team']!.organisation.id, leadOfficerId: users[council], singlePointOfContactId: users[lead],
    });
    expect(ok).toMatchObject({ leadOrganisation: { name: 'Demo District Council' }, leadOfficer: { name: 'Jo Evans' }, singlePointOfContact: { name: 'Priya Shah' } });
    const elsewhere = await agent.post('/api/v1/cases', {
      caseType: 'asb', title: 'Across the border', leadOrganisationId: teams['Neighbouring County Police/ASB team']!.organisation.id, leadOfficerId: users[other], singlePointOfContactId: users[other],
    });
    expectError(elsewhere, 422, 'validation_failed');
    expect(fields(elsewhere)).toEqual(['leadOfficerId', 'leadOrganisationId', 'singlePointOfContactId']);
  });

  it('counts the days since the start and until the end, in UK dates', async () => {
    const opened = await openCase(police, { startDate: shiftDays(-10), endDate: shiftDays(5) });
    expect(opened).toMatchObject({ daysElapsed: 10, daysLeft: 5 });
    const open = await openCase(police);
    expect(open).toMatchObject({ daysElapsed: null, daysLeft: null });
  });

  it('shares a new case as its case type says, recording each share', async () => {
    const asb = (await (await t.as(police)).get('/api/v1/lookups?list=case_type')).json().items.find((v: { key: string }) => v.key === 'asb');
    const councilTeam = teams['Demo District Council/Community Safety team']!;
    const policeTeam = teams['Demo County Police/ASB team']!;
    const set = await (await t.as(admin)).patch(`/api/v1/lookups/${asb.id}`, {
      version: asb.version, defaultSharing: [{ teamId: councilTeam.id, level: 'edit' }, { teamId: policeTeam.id, level: 'view' }],
    });
    expect(set.statusCode).toBe(200);
    const heard: { type: string; audience: { teamIds?: string[] }; data: Record<string, unknown> }[] = [];
    const stop = t.app.platform.events.subscribe((e) => void heard.push(e));
    const kase = await openCase(police, { caseType: 'ASB', title: 'Youths on the Meadows estate' });
    // Open screens of both teams are told.
    await expect.poll(() => heard.find((e) => e.type === 'case.changed' && e.data.id === kase.id)?.audience.teamIds?.sort(), { timeout: 10_000 })
      .toEqual([councilTeam.id, policeTeam.id].sort());
    stop();

    const seen = await (await t.as(council)).get(`/api/v1/cases/${kase.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().permissions).toMatchObject({ canEdit: true });
    expect((await (await t.as(council)).patch(`/api/v1/cases/${kase.id}`, { version: 1, summary: 'Council visited' })).statusCode).toBe(200);
    expectError(await (await t.as(housing)).get(`/api/v1/cases/${kase.id}`), 403, 'no_access');

    const shared = await audit(`entityId=${kase.id}&action=record.shared`);
    // The owning team is never listed: it has edit already.
    expect(shared).toHaveLength(1);
    expect(shared[0]!.details).toMatchObject({ teamId: councilTeam.id, level: 'edit', source: 'case type default sharing' });
    // An IOM case is not shared.
    expectError(await (await t.as(council)).get(`/api/v1/cases/${(await openCase(police)).id}`), 403, 'no_access');
  });

  it('works for another organisation\'s system with a read-write token, and not with a read-only one', async () => {
    const policeAdminAgent = await t.as(policeAdmin);
    const token = async (access: string) => (await policeAdminAgent.post('/api/v1/api-tokens', {
      organisationId: teams['Demo County Police/ASB team']!.organisation.id, teamId: teams['Demo County Police/ASB team']!.id, name: `Feed ${access}`, access,
    })).json().token as string;
    const writer = makeAgent(t.app, {}, { authorization: `Bearer ${await token('write')}` });
    const created = await writer.post('/api/v1/cases', { caseType: 'asb', title: 'From the records system' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ createdBy: null, owner: { team: { name: 'ASB team' } } });
    const reader = makeAgent(t.app, {}, { authorization: `Bearer ${await token('read')}` });
    expect((await reader.get(`/api/v1/cases/${created.json().id}`)).json().permissions.canEdit).toBe(false);
    expectError(await reader.post('/api/v1/cases', { caseType: 'asb', title: 'Read-only feed' }), 403, 'forbidden');
  });
});

describe('reading a case', () => {
  it('records who opened it', async () => {
    const kase = await openCase(police);
    expect((await (await t.as(lead)).get(`/api/v1/cases/${kase.id}`)).statusCode).toBe(200);
    const [viewed] = await audit(`entityId=${kase.id}&action=case.viewed`);
    expect(viewed!.actor.id).toBe(users[lead]);
  });

  it('refuses another organisation with the owner, and records the refusal', async () => {
    const kase = await openCase(police);
    const refused = await (await t.as(housing)).get(`/api/v1/cases/${kase.id}`);
    expectError(refused, 403, 'no_access');
    expect(refused.json().error.owner).toEqual({ team: { id: teams['Demo County Police/ASB team']!.id, name: 'ASB team' }, organisation: expect.objectContaining({ name: 'Demo County Police' }) });
    expect(refused.body).not.toContain('Prolific offender');
    expect(await audit(`entityId=${kase.id}&action=access.refused`)).toHaveLength(1);
    expectError(await (await t.as(housing)).get(`/api/v1/cases/${kase.id}/history`), 403, 'no_access');
  });

  it('does not exist for the other partnership', async () => {
    const kase = await openCase(police);
    const unknown = await (await t.as(other)).get('/api/v1/cases/00000000-0000-4000-8000-000000000000');
    const outside = await (await t.as(other)).get(`/api/v1/cases/${kase.id}`);
    expectError(outside, 404, 'not_found');
    expect(outside.json()).toEqual(unknown.json());
    expectError(await (await t.as(other)).get(`/api/v1/cases/${kase.id}/history`), 404, 'not_found');
  });
});

describe('changing a case', () => {
  it('changes the details with the version it was based on, recording before and after', async () => {
    const kase = await openCase(police);
    const changed = await (await t.as(police)).patch(`/api/v1/cases/${kase.id}`, { version: 1, title: 'Prolific burglar', caseType: 'asb', summary: null });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ title: 'Prolific burglar', caseType: { key: 'asb' }, reference: kase.reference, version: 2 });
    const [event] = await audit(`entityId=${kase.id}&action=case.updated`);
    expect(Object.keys(event!.changes!).sort()).toEqual(['caseTypeId', 'title']);
  });

  it('refuses a stale version with the current case, changing nothing', async () => {
    const kase = await openCase(police);
    const agent = await t.as(police);
    expect((await agent.patch(`/api/v1/cases/${kase.id}`, { version: 1, title: 'First' })).statusCode).toBe(200);
    const stale = await agent.patch(`/api/v1/cases/${kase.id}`, { version: 1, title: 'Second' });
    expectError(stale, 409, 'conflict');
    expect(stale.json().error.details[0]).toMatchObject({ id: kase.id, title: 'First', version: 2 });
    expect((await agent.get(`/api/v1/cases/${kase.id}`)).json().title).toBe('First');
  });

  it('refuses a read-only user, who can still read', async () => {
    const kase = await openCase(police);
    const read = await readOnly.get(`/api/v1/cases/${kase.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().permissions).toEqual({ canEdit: false, canShare: false, canClose: false, canReopen: false, canArchive: false });
    expectError(await readOnly.patch(`/api/v1/cases/${kase.id}`, { version: 1, title: 'Changed' }), 403, 'forbidden');
    expectError(await readOnly.post('/api/v1/cases', { caseType: 'asb', title: 'Read-only' }), 403, 'forbidden');
  });

  it('refuses another organisation with no_access and the other partnership with not_found', async () => {
    const kase = await openCase(police);
    expectError(await (await t.as(housing)).patch(`/api/v1/cases/${kase.id}`, { version: 1, title: 'Changed' }), 403, 'no_access');
    expectError(await (await t.as(other)).patch(`/api/v1/cases/${kase.id}`, { version: 1, title: 'Changed' }), 404, 'not_found');
    expectError(await (await t.as(housing)).post(`/api/v1/cases/${kase.id}/close`, { version: 1, outcome: 'x', reason: 'y' }), 403, 'no_access');
    expectError(await (await t.as(other)).post(`/api/v1/cases/${kase.id}/close`, { version: 1, outcome: 'x', reason: 'y' }), 404, 'not_found');
    expect((await (await t.as(police)).get(`/api/v1/cases/${kase.id}`)).json().version).toBe(1);
  });

  it('keeps the stored case type when it has since been retired, but refuses a retired one as a change', async () => {
    const agent = await t.as(admin);
    const type = (await agent.post('/api/v1/lookups', { list: 'case_type', name: 'Retiring type', code: 'RT' })).json();
    const kase = await openCase(police, { caseType: type.id });
    await agent.patch(`/api/v1/lookups/${type.id}`, { version: 1, active: false });
    expect((await (await t.as(police)).patch(`/api/v1/cases/${kase.id}`, { version: 1, caseType: 'retiring type', title: 'Still fine' })).statusCode).toBe(200);
    const other = await openCase(police);
    expect(fields(await (await t.as(police)).patch(`/api/v1/cases/${other.id}`, { version: 1, caseType: 'Retiring type' }))).toEqual(['caseType']);
  });
});

describe('closing, reopening and archiving', () => {
  it('closes only with an outcome and a reason', async () => {
    const kase = await openCase(police);
    const missing = await (await t.as(police)).post(`/api/v1/cases/${kase.id}/close`, { version: 1, reason: 'Done' });
    expectError(missing, 422, 'validation_failed');
    expect(fields(missing)).toEqual(['outcome']);
  });

  it('takes a case from open to closed to archived, read-only at the end', async () => {
    const agent = await t.as(police);
    const kase = await openCase(police);
    const closed = await agent.post(`/api/v1/cases/${kase.id}/close`, { version: 1, outcome: 'Behaviour stopped', reason: 'No reports for three months' });
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'Behaviour stopped', closureReason: 'No reports for three months', closedBy: { id: users[police] }, version: 2 });
    expect(closed.json().permissions).toMatchObject({ canEdit: false, canReopen: true, canArchive: true });
    expectError(await agent.patch(`/api/v1/cases/${kase.id}`, { version: 2, title: 'Edit a closed case' }), 409, 'case_closed');
    expectError(await agent.post(`/api/v1/cases/${kase.id}/close`, { version: 2, outcome: 'Again', reason: 'Again' }), 409, 'case_closed');

    const reopened = await agent.post(`/api/v1/cases/${kase.id}/reopen`, { version: 2, reason: 'New reports' });
    expect(reopened.json()).toMatchObject({ status: 'open', outcome: null, closedAt: null, version: 3 });
    expectError(await agent.post(`/api/v1/cases/${kase.id}/archive`, { version: 3 }), 409, 'case_open');
    await agent.post(`/api/v1/cases/${kase.id}/close`, { version: 3, outcome: 'Moved away', reason: 'Tenancy ended' });
    const archived = await agent.post(`/api/v1/cases/${kase.id}/archive`, { version: 4 });
    expect(archived.json()).toMatchObject({ status: 'archived', permissions: { canEdit: false, canShare: false, canReopen: false, canArchive: false } });
    expect(archived.json().archivedAt).not.toBeNull();

    for (const response of [
      await agent.patch(`/api/v1/cases/${kase.id}`, { version: 5, title: 'Too late' }),
      await agent.post(`/api/v1/cases/${kase.id}/reopen`, { version: 5, reason: 'Too late' }),
      await agent.post(`/api/v1/cases/${kase.id}/archive`, { version: 5 }),
      await agent.post(`/api/v1/cases/${kase.id}/interventions`, { interventionType: 'warning letter' }),
      await agent.post(`/api/v1/cases/${kase.id}/locations`, { locationId: '00000000-0000-4000-8000-000000000000' }),
    ]) expectError(response, 409, 'case_archived');
    expect((await agent.get(`/api/v1/cases/${kase.id}`)).json().status).toBe('archived');

    const actions = (await audit(`entityId=${kase.id}&entityType=case`)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['case.closed', 'case.reopened', 'case.archived']));
    const [reopenedEvent] = await audit(`entityId=${kase.id}&action=case.reopened`);
    expect(reopenedEvent).toMatchObject({ reason: 'New reports', changes: { status: { before: 'closed', after: 'open' }, outcome: { before: 'Behaviour stopped', after: null } } });
  });
});

describe('listing cases', () => {
  it('lists only the cases the actor can open, newest change first, with filters and pages', async () => {
    const policeAgent = await t.as(police);
    const mine = await openCase(police, { caseType: 'marac', title: 'Café disorder on Élan Street' });
    const theirs = await openCase(council, { caseType: 'marac', title: 'Council café case' });
    const housingCase = await openCase(housing, { caseType: 'marac', title: 'Housing café case' });
    const elsewhere = await openCase(other, { caseType: 'marac', title: 'Neighbouring café case' });
    // Shared with the police team directly, as the sharing module would.
    await t.database.pool.query(`insert into case_access (id, record_id, team_id, level) values (gen_random_uuid(), $1, $2, 'view')`, [theirs.id, teams['Demo County Police/ASB team']!.id]);

    const all = (await policeAgent.get('/api/v1/cases?caseType=marac&limit=200')).json().items.map((c: { id: string }) => c.id);
    expect(all).toEqual([theirs.id, mine.id]);
    expect((await policeAgent.get('/api/v1/cases?caseType=marac&scope=mine')).json().items.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    expect((await policeAgent.get('/api/v1/cases?caseType=marac&scope=shared')).json().items.map((c: { id: string }) => c.id)).toEqual([theirs.id]);
    expect(all).not.toContain(housingCase.id);
    expect(all).not.toContain(elsewhere.id);
    expect((await (await t.as(other)).get('/api/v1/cases?q=cafe')).json().items.map((c: { id: string }) => c.id)).toEqual([elsewhere.id]);
    expect((await (await t.as(housing)).get('/api/v1/cases?q=cafe')).json().items.map((c: { id: string }) => c.id)).toEqual([housingCase.id]);

    // Search ignores case and accents, on the title and the reference.
    expect((await policeAgent.get('/api/v1/cases?q=ELAN%20street')).json().items.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    expect((await policeAgent.get(`/api/v1/cases?q=${encodeURIComponent(mine.reference.toLowerCase())}`)).json().items.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    expect((await policeAgent.get('/api/v1/cases?q=100%25')).json().items).toEqual([]);

    const first = (await policeAgent.get('/api/v1/cases?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await policeAgent.get(`/api/v1/cases?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.some((c: { id: string }) => first.items.some((f: { id: string }) => f.id === c.id))).toBe(false);
    expect(Date.parse(second.items[0].updatedAt)).toBeLessThanOrEqual(Date.parse(first.items[1].updatedAt));

    const listed = await audit(`action=cases.listed&actorId=${users[police]}`);
    expect(listed[0]!.details).toMatchObject({ scope: 'all', count: 2 });
  });

  it('filters by status and refuses an unknown case type', async () => {
    const agent = await t.as(lead);
    const kase = await openCase(lead, { caseType: 'channel', title: 'To close' });
    await agent.post(`/api/v1/cases/${kase.id}/close`, { version: 1, outcome: 'Referred on', reason: 'Prevent panel' });
    const closed = (await agent.get('/api/v1/cases?status=closed&caseType=channel')).json().items;
    expect(closed.map((c: { id: string }) => c.id)).toEqual([kase.id]);
    expect(closed[0]).toMatchObject({ status: 'closed', caseType: { key: 'channel' }, owner: { team: { name: 'ASB team' } } });
    expect((await agent.get('/api/v1/cases?status=open&caseType=channel')).json().items).toEqual([]);
    expect(fields(await agent.get('/api/v1/cases?caseType=parking'))).toEqual(['caseType']);
  });
});

describe('listing cases by lead officer and dates', () => {
  const ids = async (email: string, query: string): Promise<string[]> => {
    const response = await (await t.as(email)).get(`/api/v1/cases?q=kestrel&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items.map((c: { id: string }) => c.id);
  };

  it('shows each case\'s lead officer and dates, and filters by them a page at a time', async () => {
    const mineDated = await openCase(police, { title: 'Kestrel Road burglaries', leadOfficerId: users[police], startDate: '2025-03-10', endDate: '2025-09-30' });
    const priyas = await openCase(police, { title: 'Kestrel Road thefts', leadOfficerId: users[lead], startDate: '2025-04-01', endDate: '2025-12-31' });
    const unled = await openCase(police, { title: 'Kestrel Road graffiti', startDate: '2025-03-01' });
    const mineUndated = await openCase(police, { title: 'Kestrel Road drugs', leadOfficerId: users[police] });

    const all = (await (await t.as(police)).get('/api/v1/cases?q=kestrel')).json().items;
    expect(all.map((c: { id: string }) => c.id)).toEqual([mineUndated.id, unled.id, priyas.id, mineDated.id]);
    expect(all[3]).toMatchObject({ leadOfficer: { id: users[police], name: 'Tom Wright' }, startDate: '2025-03-10', endDate: '2025-09-30' });
    expect(all[1]).toMatchObject({ leadOfficer: null, startDate: '2025-03-01', endDate: null });

    expect(await ids(police, 'leadOfficer=me')).toEqual([mineUndated.id, mineDated.id]);
    expect(await ids(police, `leadOfficer=${users[lead]}`)).toEqual([priyas.id]);
    expect(await ids(lead, 'leadOfficer=me')).toEqual([priyas.id]);
    expect(await ids(police, 'startedFrom=2025-03-10&startedTo=2025-04-01')).toEqual([priyas.id, mineDated.id]);
    expect(await ids(police, 'startedTo=2025-03-09')).toEqual([unled.id]);
    // Strictly before: a case ending on the day is not "ending before" it, and one with no end never is.
    expect(await ids(police, 'endingBefore=2025-12-31')).toEqual([mineDated.id]);
    expect(await ids(police, 'leadOfficer=me&startedFrom=2025-01-01')).toEqual([mineDated.id]);

    const agent = await t.as(police);
    const first = (await agent.get('/api/v1/cases?q=kestrel&leadOfficer=me&limit=1')).json();
    expect(first.items.map((c: { id: string }) => c.id)).toEqual([mineUndated.id]);
    const second = (await agent.get(`/api/v1/cases?q=kestrel&leadOfficer=me&limit=1&cursor=${first.nextCursor}`)).json();
    expect(second).toEqual({ items: [expect.objectContaining({ id: mineDated.id })], nextCursor: null });

    await ids(police, 'leadOfficer=me&startedFrom=2025-01-01&endingBefore=2026-01-01');
    const [listed] = await audit(`action=cases.listed&actorId=${users[police]}`);
    expect(listed!.details).toMatchObject({ leadOfficerId: users[police], startedFrom: '2025-01-01', endingBefore: '2026-01-01', count: 1 });
  });

  it('shows another organisation and the other partnership only what they saw before', async () => {
    // Housing names the police officer as lead on its own case; the officer still cannot open it.
    const housingCase = await openCase(housing, { title: 'Kestrel Court tenancy', leadOfficerId: users[police], startDate: '2025-06-01' });
    const elsewhere = await openCase(other, { title: 'Kestrel Lane', leadOfficerId: users[other], startDate: '2025-06-01' });

    expect(await ids(police, 'leadOfficer=me')).not.toContain(housingCase.id);
    expect(await ids(housing, '')).toEqual([housingCase.id]);
    expect(await ids(housing, `leadOfficer=${users[police]}`)).toEqual([housingCase.id]);
    expect(await ids(housing, 'startedFrom=2025-01-01')).toEqual([housingCase.id]);
    expect(await ids(housing, 'leadOfficer=me')).toEqual([]);
    expect(await ids(council, `leadOfficer=${users[police]}`)).toEqual([]);
    expect(await ids(other, '')).toEqual([elsewhere.id]);
    expect(await ids(other, 'leadOfficer=me&startedTo=2025-12-31')).toEqual([elsewhere.id]);
    expect(await ids(other, `leadOfficer=${users[police]}`)).toEqual([]);
    expect(await ids(police, `leadOfficer=${users[other]}`)).toEqual([]);
  });

  it('names a filter that is wrong', async () => {
    const agent = await t.as(police);
    for (const [query, field] of [
      ['leadOfficer=someone', 'leadOfficer'],
      ['startedFrom=2025-02-30', 'startedFrom'],
      ['startedTo=yesterday', 'startedTo'],
      ['endingBefore=2025-1-1', 'endingBefore'],
      ['startedFrom=2025-05-01&startedTo=2025-04-30', 'startedTo'],
    ] as const) {
      const response = await agent.get(`/api/v1/cases?${query}`);
      expectError(response, 422, 'validation_failed');
      // A value that is not a date at all is named twice (not YYYY-MM-DD, not a real date).
      expect([...new Set(fields(response))], query).toEqual([field]);
    }
    expect((await agent.get('/api/v1/cases?startedFrom=2025-05-01&startedTo=2025-05-01')).statusCode).toBe(200);
  });
});

describe('values the database cannot read', () => {
  it('answers a forged list cursor, an impossible year or a huge version with a 4xx, never a 500', async () => {
    const agent = await t.as(police);
    const forged = Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url');
    const list = await agent.get(`/api/v1/cases?cursor=${forged}`);
    expect(list.statusCode).toBe(400);
    expect(list.json().error.code).toBe('bad_request');

    const created = await agent.post('/api/v1/cases', { caseType: 'ASB', title: 'Boundary values' });
    expect(created.statusCode).toBe(201);
    const year0 = await agent.patch(`/api/v1/cases/${created.json().id}`, { version: 1, startDate: '0000-01-01' });
    expect(year0.statusCode).toBe(422);
    const huge = await agent.patch(`/api/v1/cases/${created.json().id}`, { version: 3_000_000_000, title: 'Too far' });
    expect(huge.statusCode).toBe(422);
    expect((await agent.get(`/api/v1/cases/${created.json().id}`)).json()).toMatchObject({ title: 'Boundary values', version: 1 });
  });
});

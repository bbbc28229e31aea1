import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compliance, ComplianceList } from '../../../../shared/api/insights.ts';
import { complianceCheckLabels, complianceCheckPopulations, complianceChecks, type ComplianceCheck } from '../../../../shared/insights.ts';
import { csvLine } from '../../../platform/csv.ts';
import { addDays, londonToday } from '../../../platform/london.ts';
import { xlsxType } from '../../../platform/spreadsheet.ts';
import { storedAuditEvents } from '../../../test/audit.ts';
import { makeAgent, startTestApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { completed, matrixMedium, victimAnswers } from '../../assessments/assessments.fixtures.ts';
import { createProfile, emails, enrolledUser, expectError, loadStructure, share } from '../../sharing/records.fixtures.ts';
import { daysAgoAt, putPlan, recordContact, writeReport } from '../../victim-care/victim-care.fixtures.ts';

// A team of the police made for this file, so that every figure counts only what the file made:
// its admin (Morwenna), an officer who records its people and a read-only analyst. Each person is
// made to pass or fail chosen checks, and the model below says which; every figure the server
// gives is compared with the same count made here from the model.

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;
let admin: Agent;
let lead: Agent;
let officer: Agent;
let reader: Agent;
let teamId: string;
let asbTeam: string;
let councilTeam: string;
let councilOrganisation: string;
let housingOrganisation: string;

interface Person { id: string; firstName: string; lastName: string; in: ComplianceCheck[]; fails: ComplianceCheck[] }
const people: Person[] = [];
const named: Record<string, Person> = {};

/**
 * A person of the team, recorded by its officer, and which checks they are counted in and fail.
 * Everyone is counted for a lawful basis, and fails that check until `basis` records one.
 */
async function person(lastName: string, model: { in?: ComplianceCheck[]; fails?: ComplianceCheck[] }, body: Record<string, unknown> = {}): Promise<Person> {
  const created = await createProfile(officer, { firstName: 'Kerensa', lastName, ...body });
  const made: Person = {
    id: created.id, firstName: 'Kerensa', lastName, in: ['no-reason', 'no-lawful-basis', ...(model.in ?? [])], fails: [...(model.fails ?? []), 'no-lawful-basis'],
  };
  people.push(made);
  named[lastName] = made;
  return made;
}

const byName = (a: Person, b: Person) => (a.lastName < b.lastName ? -1 : a.lastName > b.lastName ? 1 : 0);
const failing = (check: ComplianceCheck) => people.filter((p) => p.fails.includes(check)).sort(byName);
const expected = (check: ComplianceCheck) => ({ count: failing(check).length, of: people.filter((p) => p.in.includes(check)).length });

async function ok<T>(response: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> {
  const r = await response;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

const summaryOf = (agent: Agent, team: string | null = teamId) => ok<Compliance>(agent.get(`/api/v1/insights/compliance${team ? `?teamId=${team}` : ''}`));
const listOf = (agent: Agent, check: ComplianceCheck, query = '') => ok<ComplianceList>(agent.get(`/api/v1/insights/compliance/${check}?teamId=${teamId}${query}`));
const itemOf = (summary: Compliance, check: ComplianceCheck) => summary.items.find((i) => i.check === check)!;

async function openCase(caseType: string, title: string, members: Person[]): Promise<string> {
  const kase = await ok<{ id: string }>(officer.post('/api/v1/cases', { caseType, title }), 201);
  for (const m of members) await ok(officer.post(`/api/v1/cases/${kase.id}/profiles`, { profileId: m.id, role: 'witness' }), 201);
  return kase.id;
}

async function caseType(name: string, code: string, defaultSharing: Record<string, string>[]) {
  await ok(admin.post('/api/v1/lookups', { list: 'case_type', name, code, defaultSharing }), 201);
}

/** Records the police's lawful basis for the person; `overdue` moves its review date into the past. */
async function basis(p: Person, overdue = false): Promise<void> {
  const recorded = await ok<{ id: string }>(officer.post(`/api/v1/profiles/${p.id}/lawful-bases`, { basis: 'public-task' }), 201);
  p.in.push('basis-review-overdue');
  p.fails = p.fails.filter((c) => c !== 'no-lawful-basis');
  if (!overdue) return;
  await t.database.pool.query(`update profile_lawful_bases set review_on = (now() at time zone 'Europe/London')::date - 5 where id = $1`, [recorded.id]);
  p.fails.push('basis-review-overdue');
}

/** Moves the person's last change back, as time would. */
const age = (p: Person, days: number) => t.database.pool.query(`update profiles set updated_at = now() - make_interval(days => $2) where id = $1`, [p.id, days]);

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
  admin = await t.as(emails.admin);
  asbTeam = place.team('Demo County Police/ASB team').teamId;
  councilTeam = place.team('Demo District Council/Community Safety team').teamId;
  councilOrganisation = place.organisation('Demo District Council');
  housingOrganisation = place.organisation('Demo Housing Association');
  teamId = (await ok<{ id: string }>(admin.post('/api/v1/teams', { organisationId: place.organisation('Demo County Police'), name: 'Compliance team' }), 201)).id;
  lead = (await enrolledUser(t, emails.admin, { name: 'Morwenna Penrose', role: 'team_admin', teamId })).agent;
  officer = (await enrolledUser(t, emails.admin, { name: 'Jory Tregenza', role: 'practitioner', teamId })).agent;
  reader = (await enrolledUser(t, emails.admin, { name: 'Loveday Hicks', role: 'read_only', teamId })).agent;
  await ok(admin.request('PUT', '/api/v1/insights/settings', { staleAfterDays: 10, repeatVictimIncidents: 2, version: 0 }));

  // No reason: fewer than ten letters and no report; a merged duplicate never counts.
  await person('Ashdown', { fails: ['no-reason'] }, { reasonCreated: 'n/a' });
  const bosanko = await person('Bosanko', {}, { reasonCreated: 'ASB' });
  await writeReport(officer, 'profiles', bosanko.id, 'visit', new Date().toISOString());
  await person('Chenoweth', { fails: ['no-reason'] }, { reasonCreated: '12 34 ab!' });
  const dunstan = await createProfile(officer, { firstName: 'Kerensa', lastName: 'Dunstan', reasonCreated: 'n/a' });
  const eddy = await person('Eddy', {});
  await ok(lead.post(`/api/v1/profiles/${eddy.id}/merge`, { duplicateId: dunstan.id, reason: 'The same person' }));

  // No risk assessment: victims with no matrix, or a VICTIM "yes" since the last one.
  await person('Fentiman', { in: ['no-risk-assessment'], fails: ['no-risk-assessment'] }, { roles: ['victim'] });
  const godolphin = await person('Godolphin', { in: ['no-risk-assessment'] }, { roles: ['victim'] });
  await completed(officer, 'asb-risk-matrix', { type: 'profile', id: godolphin.id }, matrixMedium);
  const hosking = await person('Hosking', { in: ['no-risk-assessment'], fails: ['no-risk-assessment'] }, { roles: ['victim'] });
  await completed(officer, 'asb-risk-matrix', { type: 'profile', id: hosking.id }, matrixMedium);
  await completed(officer, 'victim-screening', { type: 'profile', id: hosking.id }, victimAnswers(['victim-targeted']));
  const jago = await person('Jago', { in: ['no-risk-assessment'] }, { roles: ['victim'] });
  await completed(officer, 'victim-screening', { type: 'profile', id: jago.id }, victimAnswers(['victim-targeted']));
  await completed(officer, 'asb-risk-matrix', { type: 'profile', id: jago.id }, matrixMedium);
  await person('Kitto', {}, { roles: ['perpetrator'] });

  // Not shared: the case type shares with the council's team (edit) and the housing association
  // (view), and with the police's own ASB team, which is inside the owner's organisation and so
  // expects nothing of the profile. Another type shares with the council's team to view.
  await caseType('Compliance shared', 'CSH', [{ teamId: councilTeam, level: 'edit' }, { organisationId: housingOrganisation, level: 'view' }, { teamId: asbTeam, level: 'edit' }]);
  await caseType('Compliance viewing', 'CVW', [{ teamId: councilTeam, level: 'view' }]);
  const onOpen = ['not-shared', 'not-updated'] as ComplianceCheck[];
  const lanyon = await person('Lanyon', { in: onOpen, fails: ['not-shared'] });
  const menheniot = await person('Menheniot', { in: onOpen });
  await share(officer, 'profiles', menheniot.id, { teamId: councilTeam, level: 'edit' });
  await share(officer, 'profiles', menheniot.id, { organisationId: housingOrganisation, level: 'view' });
  const nankivell = await person('Nankivell', { in: onOpen, fails: ['not-shared'] });
  await share(officer, 'profiles', nankivell.id, { teamId: councilTeam, level: 'view' });
  await share(officer, 'profiles', nankivell.id, { organisationId: housingOrganisation, level: 'view' });
  const opie = await person('Opie', { in: onOpen });
  await share(officer, 'profiles', opie.id, { organisationId: councilOrganisation, level: 'edit' });
  await share(officer, 'profiles', opie.id, { organisationId: housingOrganisation, level: 'view' });
  const pascoe = await person('Pascoe', { in: onOpen, fails: ['not-shared'] });
  await share(officer, 'profiles', pascoe.id, { teamId: councilTeam, level: 'edit' });
  await share(officer, 'profiles', pascoe.id, { organisationId: housingOrganisation, level: 'view' });
  await t.database.pool.query(`update profile_access set expires_at = now() - interval '1 minute' where record_id = $1 and team_id = $2`, [pascoe.id, councilTeam]);
  const quiller = await person('Quiller', { in: onOpen });
  await share(officer, 'profiles', quiller.id, { teamId: councilTeam, level: 'view' });
  const rosevear = await person('Rosevear', { in: onOpen, fails: ['not-shared'] });
  await share(officer, 'profiles', rosevear.id, { teamId: councilTeam, level: 'view' });
  await share(officer, 'profiles', rosevear.id, { organisationId: housingOrganisation, level: 'view' });
  const spargo = await person('Spargo', {});
  const trebilcock = await person('Trebilcock', { in: ['not-updated'] });
  await openCase('Compliance shared', 'Shared by default', [lanyon, menheniot, nankivell, opie, pascoe, rosevear]);
  await openCase('Compliance viewing', 'Shared to view', [quiller, rosevear]);
  const closed = await openCase('Compliance shared', 'Closed since', [spargo]);
  const { version } = await ok<{ version: number }>(officer.get(`/api/v1/cases/${closed}`));
  await ok(officer.post(`/api/v1/cases/${closed}/close`, { version, outcome: 'Resolved', reason: 'The noise stopped' }));

  // Not updated: on an open case, nothing recorded for longer than ten days.
  const udy = await person('Udy', { in: ['not-updated'], fails: ['not-updated'] });
  const vivian = await person('Vivian', { in: ['not-updated'] });
  await writeReport(officer, 'profiles', vivian.id, 'visit', daysAgoAt(30));
  const williams = await person('Williams', { in: ['not-updated', 'contact-overdue'] });
  await putPlan(officer, williams.id, { frequencyDays: 7 });
  await recordContact(officer, williams.id, { channel: 'phone', reached: true });
  const yeo = await person('Yeo', {});
  await openCase('ASB', 'Not shared by default', [trebilcock, udy, vivian, williams]);
  for (const p of [udy, vivian, williams, yeo, spargo]) await age(p, 20);

  // Contact overdue: a weekly plan whose last contact was twenty days ago.
  const carveth = await person('Carveth', { in: ['contact-overdue'], fails: ['contact-overdue'] });
  await putPlan(officer, carveth.id, { frequencyDays: 7 });
  await recordContact(officer, carveth.id, { channel: 'visit', reached: true, at: daysAgoAt(20) });
  const dingle = await person('Dingle', { in: ['contact-overdue'] });
  await putPlan(officer, dingle.id, { frequencyDays: 7 });
  await recordContact(officer, dingle.id, { channel: 'visit', reached: true, at: daysAgoAt(3) });
  await putPlan(officer, (await person('Edyvean', { in: ['contact-overdue'] })).id, { frequencyDays: 7 });

  // Lawful basis: the owning organisation's current one counts; one ended, or another
  // organisation's, is none. A review date passed is overdue.
  await basis(named.Bosanko!);
  await basis(named.Godolphin!);
  await basis(named.Kitto!, true);
  await basis(named.Yeo!, true);
  const ended = await ok<{ id: string }>(officer.post(`/api/v1/profiles/${named.Spargo!.id}/lawful-bases`, { basis: 'public-task' }), 201);
  await ok(officer.post(`/api/v1/lawful-bases/${ended.id}/end`, { reason: 'no-longer-needed' }));
  await share(officer, 'profiles', named.Dingle!.id, { teamId: councilTeam, level: 'view' });
  const council = await t.as(emails.council);
  await ok(council.post(`/api/v1/profiles/${named.Dingle!.id}/lawful-bases`, { basis: 'public-task' }), 201);

  // The police's organisation admin, in the ASB team, may open one of them.
  await share(officer, 'profiles', named.Ashdown!.id, { teamId: asbTeam, level: 'view' });
  // The other partnership's records never move a figure.
  await createProfile(await t.as(emails.other), { reasonCreated: 'n/a', roles: ['victim'] });
});
afterAll(() => t.close());

describe('a team\'s compliance', () => {
  it('counts every check over the team\'s profiles, out of each check\'s population, and names those the reader may open', async () => {
    const summary = await summaryOf(lead, null);
    expect(summary).toMatchObject({ team: { id: teamId, name: 'Compliance team' }, organisation: { name: 'Demo County Police' }, staleAfterDays: 10 });
    expect(summary.items.map((i) => i.check)).toEqual([...complianceChecks]);
    for (const check of complianceChecks) {
      expect(itemOf(summary, check)).toEqual({ check, ...expected(check), profileIds: failing(check).map((p) => p.id) });
    }
    // Each check fails for someone and passes for someone, so no figure is right by accident.
    for (const check of complianceChecks) expect(expected(check).of).toBeGreaterThan(expected(check).count);
    for (const check of complianceChecks) expect(expected(check).count).toBeGreaterThan(0);

    const [event] = await storedAuditEvents(t, { action: 'insights.viewed', entityId: teamId, limit: 1 });
    expect(event).toMatchObject({ entityType: 'team', entityId: teamId });
    expect(event!.details).toEqual({
      view: 'compliance', scope: 'accessible', filters: { teamId },
      records: expect.arrayContaining(complianceChecks.flatMap((c) => failing(c)).map((p) => ({ kind: 'profile', id: p.id }))),
    });
  });

  it('lists each check\'s failing profiles by name, with what is missing, a page at a time', async () => {
    const shared = await listOf(lead, 'not-shared');
    expect(shared.items.map((i) => i.profile.name)).toEqual(failing('not-shared').map((p) => `Kerensa ${p.lastName}`));
    expect(shared).toMatchObject({ check: 'not-shared', hidden: 0, nextCursor: null });
    const gap = (name: string) => shared.items.find((i) => i.profile.id === named[name]!.id)!;
    const council = { team: { id: councilTeam, name: 'Community Safety team' }, organisation: { id: councilOrganisation, name: 'Demo District Council' } };
    const housing = { team: null, organisation: { id: housingOrganisation, name: 'Demo Housing Association' } };
    expect(gap('Lanyon').missingShares).toEqual([{ ...council, level: 'edit', holds: null }, { ...housing, level: 'view', holds: null }]);
    expect(gap('Nankivell').missingShares).toEqual([{ ...council, level: 'edit', holds: 'view' }]);
    // An expired grant gives nothing.
    expect(gap('Pascoe').missingShares).toEqual([{ ...council, level: 'edit', holds: null }]);
    // One case expects view, the other edit: edit is expected.
    expect(gap('Rosevear').missingShares).toEqual([{ ...council, level: 'edit', holds: 'view' }]);
    expect(shared.items.every((i) => i.canFix)).toBe(true);

    const assessment = await listOf(lead, 'no-risk-assessment');
    const hosking = assessment.items.find((i) => i.profile.id === named.Hosking!.id)!;
    expect(hosking).toMatchObject({ profile: { roles: ['victim'], riskLevel: 'medium' }, missingShares: [], nextContactDue: null });
    expect(Date.now() - Date.parse(hosking.requirementRaisedAt!)).toBeLessThan(10 * 60_000);
    expect(assessment.items.find((i) => i.profile.id === named.Fentiman!.id)).toMatchObject({ requirementRaisedAt: null, profile: { riskLevel: null } });

    const stale = await listOf(lead, 'not-updated');
    expect(stale.items.map((i) => i.profile.id)).toEqual([named.Udy!.id]);
    const days = (Date.now() - Date.parse(stale.items[0]!.lastUpdatedAt!)) / 86_400_000;
    expect(days).toBeGreaterThan(19.9);
    expect(days).toBeLessThan(20.1);

    const overdue = await listOf(lead, 'contact-overdue');
    expect(overdue.items).toMatchObject([{ profile: { id: named.Carveth!.id }, nextContactDue: addDays(londonToday(), -13) }]);

    const reviews = await listOf(lead, 'basis-review-overdue');
    expect(reviews.items).toMatchObject([{ profile: { id: named.Kitto!.id }, basisReviewOn: addDays(londonToday(), -5), canFix: true }, { profile: { id: named.Yeo!.id } }]);
    const noBasis = await listOf(lead, 'no-lawful-basis');
    expect(noBasis.items.map((i) => i.profile.id)).toContain(named.Spargo!.id);
    expect(noBasis.items.map((i) => i.profile.id)).toContain(named.Dingle!.id);
    expect(noBasis.items.every((i) => i.basisReviewOn === null)).toBe(true);

    const first = await listOf(lead, 'no-reason', '&limit=1');
    expect(first.items.map((i) => i.profile.id)).toEqual([named.Ashdown!.id]);
    expect(first.nextCursor).not.toBeNull();
    const second = await listOf(lead, 'no-reason', `&limit=1&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ items: [{ profile: { id: named.Chenoweth!.id } }], nextCursor: null, hidden: 0 });

    const [event] = await storedAuditEvents(t, { action: 'insights.viewed', entityId: teamId, limit: 1 });
    expect(event!.details).toEqual({ view: 'compliance_list', scope: 'accessible', filters: { teamId }, check: 'no-reason', records: [{ kind: 'profile', id: named.Chenoweth!.id }] });
  });

  it('refuses a cursor it did not make and a team that is not an id, and knows no other check', async () => {
    // A path that names no check names nothing, as an id that is not one does.
    expectError(await lead.get(`/api/v1/insights/compliance/no-photo?teamId=${teamId}`), 404, 'not_found');
    expectError(await lead.get(`/api/v1/insights/compliance/no-reason?teamId=${teamId}&cursor=bogus`), 422, 'validation_failed');
    expectError(await lead.get(`/api/v1/insights/compliance/no-reason?teamId=${teamId}&cursor=${Buffer.from('["a","b","c"]').toString('base64url')}`), 422, 'validation_failed');
    expectError(await lead.get('/api/v1/insights/compliance?teamId=compliance'), 422, 'validation_failed');
    expectError(await lead.get(`/api/v1/insights/compliance.csv?teamId=${teamId}&check=everything`), 422, 'validation_failed');
  });

  it('counts every profile for an organisation admin and a system admin, but lists only those they may open', async () => {
    const policeAdmin = await t.as(emails.policeAdmin);
    for (const [agent, scope] of [[policeAdmin, 'organisation'], [admin, 'partnership'], [reader, 'accessible']] as const) {
      const summary = await summaryOf(agent);
      for (const check of complianceChecks) expect({ check, count: itemOf(summary, check).count, of: itemOf(summary, check).of }).toEqual({ check, ...expected(check) });
      const [event] = await storedAuditEvents(t, { action: 'insights.viewed', entityId: teamId, limit: 1 });
      expect(event!.details).toMatchObject({ view: 'compliance', scope });
    }

    // The organisation admin may open the one shared with the ASB team, to view.
    expect(itemOf(await summaryOf(policeAdmin), 'no-reason').profileIds).toEqual([named.Ashdown!.id]);
    expect(itemOf(await summaryOf(policeAdmin), 'not-shared').profileIds).toEqual([]);
    expect(await listOf(policeAdmin, 'no-reason')).toMatchObject({ items: [{ profile: { id: named.Ashdown!.id }, canFix: false }], hidden: expected('no-reason').count - 1 });
    expect(await listOf(policeAdmin, 'not-shared')).toMatchObject({ items: [], hidden: expected('not-shared').count });

    // The system administrator runs the partnership, and opens none of them.
    for (const check of complianceChecks) {
      expect(itemOf(await summaryOf(admin), check).profileIds).toEqual([]);
      expect(await listOf(admin, check)).toEqual({ check, items: [], nextCursor: null, hidden: expected(check).count });
    }

    // A read-only member of the team sees them all and may put none right; so does the team's
    // read-only system.
    const token = await ok<{ token: string }>(policeAdmin.post('/api/v1/api-tokens', { organisationId: place.organisation('Demo County Police'), teamId, name: 'Performance feed', access: 'read' }), 201);
    const feed = makeAgent(t.app, {}, { authorization: `Bearer ${token.token}` });
    for (const agent of [reader, feed]) {
      const readOnly = await listOf(agent, 'not-shared');
      expect(readOnly.items.map((i) => i.profile.id)).toEqual(failing('not-shared').map((p) => p.id));
      expect(readOnly.items.every((i) => !i.canFix)).toBe(true);
    }
    expect(itemOf(await summaryOf(feed, null), 'no-reason')).toEqual({ check: 'no-reason', ...expected('no-reason'), profileIds: failing('no-reason').map((p) => p.id) });
  });

  it('is refused to another team\'s practitioner and to a team\'s own officer asking of another team, and unknown to another partnership', async () => {
    for (const email of [emails.police, emails.council, emails.housing]) {
      const stranger = await t.as(email);
      expectError(await stranger.get(`/api/v1/insights/compliance?teamId=${teamId}`), 403, 'forbidden');
      expectError(await stranger.get(`/api/v1/insights/compliance/no-reason?teamId=${teamId}`), 403, 'forbidden');
      expectError(await stranger.get(`/api/v1/insights/compliance.xlsx?teamId=${teamId}`), 403, 'forbidden');
      expectError(await stranger.get(`/api/v1/insights/compliance.csv?teamId=${teamId}&check=no-reason`), 403, 'forbidden');
    }
    expectError(await officer.get(`/api/v1/insights/compliance?teamId=${asbTeam}`), 403, 'forbidden');
    expectError(await lead.get(`/api/v1/insights/compliance?teamId=${asbTeam}`), 403, 'forbidden');
    expect((await storedAuditEvents(t, { action: 'access.refused', entityId: teamId, limit: 1 }))[0]).toMatchObject({ outcome: 'refused', details: { why: 'not a member or supervisor of the team' } });

    const other = await t.as(emails.other);
    expectError(await other.get(`/api/v1/insights/compliance?teamId=${teamId}`), 404, 'not_found');
    expectError(await other.get(`/api/v1/insights/compliance/no-reason?teamId=${teamId}`), 404, 'not_found');
    expectError(await other.get(`/api/v1/insights/compliance.xlsx?teamId=${teamId}`), 404, 'not_found');
    expectError(await other.post(`/api/v1/profiles/${named.Pascoe!.id}/expected-sharing`), 404, 'not_found');
    // Their own team's figures know nothing of this team's people.
    const theirs = await summaryOf(other, null);
    expect(theirs.items.flatMap((i) => i.profileIds).some((id) => people.some((p) => p.id === id))).toBe(false);
  });

  it('shares a profile as its cases expect from the list, and the count falls by one', async () => {
    const before = itemOf(await summaryOf(lead), 'not-shared');
    const fixed = await ok<{ shared: unknown[] }>(lead.post(`/api/v1/profiles/${named.Lanyon!.id}/expected-sharing`));
    expect(fixed.shared).toEqual([
      { team: { id: councilTeam, name: 'Community Safety team' }, organisation: { id: councilOrganisation, name: 'Demo District Council' }, level: 'edit', holds: null },
      { team: null, organisation: { id: housingOrganisation, name: 'Demo Housing Association' }, level: 'view', holds: null },
    ]);
    named.Lanyon!.fails = named.Lanyon!.fails.filter((c) => c !== 'not-shared');
    const after = itemOf(await summaryOf(lead), 'not-shared');
    expect(after).toEqual({ check: 'not-shared', ...expected('not-shared'), profileIds: failing('not-shared').map((p) => p.id) });
    expect(after.count).toBe(before.count - 1);
    expect(after.profileIds).not.toContain(named.Lanyon!.id);
    const shares = await storedAuditEvents(t, { action: 'record.shared', entityId: named.Lanyon!.id });
    expect(shares.map((e) => e.details)).toEqual(expect.arrayContaining([
      expect.objectContaining({ level: 'edit', before: null, target: { team: { id: councilTeam, name: 'Community Safety team' } } }),
      expect.objectContaining({ level: 'view', before: null, target: { organisation: { id: housingOrganisation, name: 'Demo Housing Association' } } }),
    ]));
    expect(shares).toHaveLength(2);
    // The council may now change the person, as the case type meant.
    expect((await (await t.as(emails.council)).get(`/api/v1/profiles/${named.Lanyon!.id}`)).json().permissions.canEdit).toBe(true);
    // Nothing is missing any more: nothing more is shared.
    expect(await ok(lead.post(`/api/v1/profiles/${named.Lanyon!.id}/expected-sharing`))).toEqual({ shared: [] });
    expect(await storedAuditEvents(t, { action: 'record.shared', entityId: named.Lanyon!.id })).toHaveLength(2);

    // A view grant raised to edit.
    const raised = await ok<{ shared: unknown[] }>(officer.post(`/api/v1/profiles/${named.Nankivell!.id}/expected-sharing`, {}));
    expect(raised.shared).toEqual([expect.objectContaining({ level: 'edit', holds: 'view', team: { id: councilTeam, name: 'Community Safety team' } })]);
    named.Nankivell!.fails = named.Nankivell!.fails.filter((c) => c !== 'not-shared');
    expect(itemOf(await summaryOf(lead), 'not-shared').count).toBe(before.count - 2);
  });

  it('is not for those who may not change the profile', async () => {
    const pascoe = named.Pascoe!.id;
    expectError(await reader.post(`/api/v1/profiles/${pascoe}/expected-sharing`), 403, 'forbidden');
    expectError(await (await t.as(emails.policeAdmin)).post(`/api/v1/profiles/${pascoe}/expected-sharing`), 403, 'no_access');
    expectError(await (await t.as(emails.council)).post(`/api/v1/profiles/${pascoe}/expected-sharing`), 403, 'no_access');
    // Even when nothing is missing, a reader is refused rather than told so.
    expectError(await reader.post(`/api/v1/profiles/${named.Menheniot!.id}/expected-sharing`), 403, 'forbidden');
    expectError(await lead.post('/api/v1/profiles/not-an-id/expected-sharing'), 404, 'not_found');
    expectError(await lead.post(`/api/v1/profiles/${pascoe}/expected-sharing`, { level: 'edit' }), 422, 'validation_failed');
    expect(await storedAuditEvents(t, { action: 'record.shared', entityId: pascoe })).toHaveLength(2);
    expect(itemOf(await summaryOf(lead), 'not-shared')).toMatchObject(expected('not-shared'));
  });
});

describe('compliance exports', () => {
  const cellsOf = (sheet: ExcelJS.Worksheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };

  async function workbookOf(agent: Agent): Promise<ExcelJS.Workbook> {
    const response = await agent.get(`/api/v1/insights/compliance.xlsx?teamId=${teamId}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe(xlsxType);
    expect(response.headers['content-disposition']).toBe('attachment; filename="compliance.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    return workbook;
  }

  const titles = ['No reason recorded', 'No risk assessment', 'Not shared as expected', 'Not updated in time', 'Victim contact overdue', 'No lawful basis recorded', 'Lawful basis review overdue'];

  it('give the summary and a sheet per check of the failing profiles the reader may open, marked', async () => {
    const workbook = await workbookOf(lead);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['About', 'Summary', ...titles]);
    const about = cellsOf(workbook.getWorksheet('About')!).flat();
    expect(about).toEqual(expect.arrayContaining(['OFFICIAL-SENSITIVE', 'Compliance of Compliance team, Demo County Police', 'Partnership: Demo County Community Safety Partnership', 'Not updated in time: nothing recorded for 10 days']));
    expect(workbook.getWorksheet('Summary')!.headerFooter.oddHeader).toContain('OFFICIAL-SENSITIVE');

    const summary = cellsOf(workbook.getWorksheet('Summary')!);
    expect(summary[0]).toEqual(['Check', 'Label', 'Failing', 'Out of', 'Percentage']);
    expect(summary.slice(1)).toEqual(complianceChecks.map((check) => {
      const { count, of } = expected(check);
      return [check, `${complianceCheckLabels[check]} (${complianceCheckPopulations[check]})`, count, of, Math.round((count / of) * 1000) / 10];
    }));

    complianceChecks.forEach((check, i) => {
      const rows = cellsOf(workbook.getWorksheet(titles[i]!)!);
      expect(rows[0]!.slice(0, 4)).toEqual(['Name', 'Date of birth', 'Roles', 'Risk level']);
      expect(rows.slice(1).map((r) => r[0])).toEqual(failing(check).map((p) => `Kerensa ${p.lastName}`));
    });
    const shared = cellsOf(workbook.getWorksheet('Not shared as expected')!);
    expect(shared.find((r) => r[0] === 'Kerensa Rosevear')![4]).toBe('Demo District Council / Community Safety team: edit (holds view)');
    const overdue = cellsOf(workbook.getWorksheet('Victim contact overdue')!);
    expect(overdue[1]).toEqual(['Kerensa Carveth', '', '', '', addDays(londonToday(), -13)]);

    const [event] = await storedAuditEvents(t, { action: 'insights.exported', entityId: teamId, limit: 1 });
    expect(event!.details).toEqual({
      view: 'compliance', scope: 'accessible', format: 'xlsx', tables: ['summary', ...complianceChecks], filters: { teamId },
      records: expect.arrayContaining(complianceChecks.flatMap((c) => failing(c)).map((p) => ({ kind: 'profile', id: p.id }))),
    });
  });

  it('list for an organisation admin only what they may open, and say how many more there are', async () => {
    const workbook = await workbookOf(await t.as(emails.policeAdmin));
    expect(cellsOf(workbook.getWorksheet('No reason recorded')!).slice(1).map((r) => r[0])).toEqual(['Kerensa Ashdown']);
    expect(cellsOf(workbook.getWorksheet('Not shared as expected')!)).toHaveLength(1);
    const summary = cellsOf(workbook.getWorksheet('Summary')!);
    expect(summary.slice(1).map((r) => r[2])).toEqual(complianceChecks.map((c) => expected(c).count));
    expect(cellsOf(workbook.getWorksheet('About')!).flat()).toContain(`No reason recorded: ${expected('no-reason').count - 1} more failing that you may not open, counted but not listed`);
  });

  it('give the summary as CSV, or one check\'s list with check', async () => {
    const summary = await lead.get(`/api/v1/insights/compliance.csv?teamId=${teamId}`);
    expect(summary.statusCode, summary.body).toBe(200);
    expect(summary.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(summary.headers['content-disposition']).toBe('attachment; filename="compliance.csv"');
    expect(summary.body.split('\r\n')).toEqual([
      'OFFICIAL-SENSITIVE', 'Summary', 'Check,Label,Failing,Out of,Percentage',
      ...complianceChecks.map((check) => {
        const { count, of } = expected(check);
        return csvLine([check, `${complianceCheckLabels[check]} (${complianceCheckPopulations[check]})`, count, of, Math.round((count / of) * 1000) / 10]);
      }),
      '',
    ]);

    const list = await lead.get(`/api/v1/insights/compliance.csv?teamId=${teamId}&check=no-risk-assessment`);
    expect(list.headers['content-disposition']).toBe('attachment; filename="compliance-no-risk-assessment.csv"');
    const lines = list.body.split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['OFFICIAL-SENSITIVE', 'No risk assessment', 'Name,Date of birth,Roles,Risk level,Matrix asked for by a VICTIM screening on']);
    expect(lines.slice(3, -1)).toEqual(failing('no-risk-assessment').map((p) => csvLine([
      `Kerensa ${p.lastName}`, null, 'Victim', p.lastName === 'Hosking' ? 'Medium' : null, p.lastName === 'Hosking' ? londonToday() : 'No matrix completed',
    ])));
    const [event] = await storedAuditEvents(t, { action: 'insights.exported', entityId: teamId, limit: 1 });
    expect(event!.details).toEqual({
      view: 'compliance_list', scope: 'accessible', format: 'csv', tables: ['no-risk-assessment'], filters: { teamId, check: 'no-risk-assessment' },
      records: failing('no-risk-assessment').map((p) => ({ kind: 'profile', id: p.id })),
    });
  });
});

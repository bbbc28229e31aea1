import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Overview } from '../../../../shared/api/insights.ts';
import { ageBands, type AgeBand } from '../../../../shared/insights.ts';
import { genders } from '../../../../shared/records.ts';
import { addDays, londonToday } from '../../../platform/london.ts';
import { storedAuditEvents } from '../../../test/audit.ts';
import { startTestApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { complete, completed, matrixAllMax, matrixMedium, start, victimAnswers } from '../../assessments/assessments.fixtures.ts';
import { createProfile, emails, enrolledUser, expectError, loadStructure, share } from '../../sharing/records.fixtures.ts';
import { setTask } from '../../tasks/tasks.fixtures.ts';

// A team made for this file (Olive, a practitioner of the police's new "Insights test team")
// records a known set of people, cases, incidents, assessments and tasks; each figure is checked
// against a count made here from that set. The council's officer is another organisation with no
// access; Nia is the neighbouring partnership's system administrator.

interface Person {
  key: string;
  roles: string[];
  gender?: string;
  ethnicity?: string;
  vulnerabilities?: string[];
  dateOfBirth?: string;
  approximateAge?: number;
  postcode?: string;
  riskLevel?: string;
  /** Moved back after creation: made before the range. */
  createdDaysAgo?: number;
}

const cast: Person[] = [
  { key: 'vera', roles: ['victim'], gender: 'female', ethnicity: 'indian', vulnerabilities: ['intimidated', 'mental-health'], dateOfBirth: '1990-05-01', postcode: 'DE99 1AA' },
  { key: 'rhys', roles: ['victim'], gender: 'male', vulnerabilities: ['intimidated'], approximateAge: 40 },
  { key: 'oona', roles: ['victim', 'witness'] },
  { key: 'percy', roles: ['perpetrator'], gender: 'male', ethnicity: 'indian', dateOfBirth: '2010-01-01', postcode: 'DE99 1AA', riskLevel: 'standard' },
  { key: 'wanda', roles: ['witness'] },
  { key: 'olga', roles: ['victim'], createdDaysAgo: 400 },
];

const today = londonToday();
const from = addDays(today, -30);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

/** Incidents (ASB complaints, hate incidents) and other reports on each person, days before now. */
const reportsMade: { on: string; type: string; daysAgo: number; visibility: string }[] = [
  { on: 'rhys', type: 'asb-complaint', daysAgo: 3, visibility: 'shared' },
  { on: 'rhys', type: 'asb-complaint', daysAgo: 10, visibility: 'private' },
  { on: 'oona', type: 'hate-incident', daysAgo: 5, visibility: 'shared' },
  { on: 'oona', type: 'asb-complaint', daysAgo: 700, visibility: 'shared' },
  { on: 'olga', type: 'hate-incident', daysAgo: 2, visibility: 'shared' },
  { on: 'olga', type: 'hate-incident', daysAgo: 20, visibility: 'team' },
  { on: 'vera', type: 'contact-log', daysAgo: 1, visibility: 'shared' },
  { on: 'vera', type: 'contact-log', daysAgo: 2, visibility: 'shared' },
];

let t: TestApp;
let olive: Agent;
let council: Agent;
let nia: Agent;
let teamId: string;
let councilTeamId: string;
const ids: Record<string, string> = {};

async function overviewOf(agent: Agent, query: Record<string, string> = {}): Promise<Overview> {
  const response = await agent.get(`/api/v1/insights/overview?${new URLSearchParams(query)}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const ofTeam = (extra: Record<string, string> = {}) => ({ from, to: today, teamId, ...extra });

/** Whole years from a date of birth to a day, as a birthday counts them. */
function yearsTo(dateOfBirth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return day.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

function bandOf(person: Person): AgeBand {
  const age = person.dateOfBirth ? yearsTo(person.dateOfBirth, today) : person.approximateAge ?? null;
  if (age === null) return 'unknown';
  return [...ageBands].reverse().find((band) => band !== 'unknown' && age >= Number.parseInt(band, 10))!;
}

function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

const nonZero = (rows: { key: string; count: number }[]) => Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.key, r.count]));

/** The people figures the set should give: created in the range, breakdowns of those of `role`. */
function expectedPeople(people: Person[], role?: string) {
  const inRange = people.filter((p) => !p.createdDaysAgo);
  const narrowed = role ? inRange.filter((p) => p.roles.includes(role)) : inRange;
  return {
    profiles: inRange.length,
    victims: inRange.filter((p) => p.roles.includes('victim')).length,
    perpetrators: inRange.filter((p) => p.roles.includes('perpetrator')).length,
    vulnerabilities: tally(narrowed.flatMap((p) => p.vulnerabilities ?? [])),
    ageBands: tally(narrowed.map(bandOf)),
    genders: tally(narrowed.map((p) => p.gender ?? 'unknown')),
    ethnicities: tally(narrowed.map((p) => p.ethnicity ?? 'unknown')),
  };
}

const peopleFigures = (o: Overview) => ({
  profiles: o.profiles,
  victims: o.victims,
  perpetrators: o.perpetrators,
  vulnerabilities: nonZero(o.vulnerabilities),
  ageBands: nonZero(o.ageBands),
  genders: nonZero(o.genders),
  ethnicities: nonZero(o.ethnicities),
});

/** Victims with at least the partnership's default two incidents in the range, whenever they were created. */
const expectedRepeatVictims = (people: Person[]) => people.filter((p) => p.roles.includes('victim')
  && reportsMade.filter((r) => r.on === p.key && ['asb-complaint', 'hate-incident'].includes(r.type) && r.daysAgo <= 30).length >= 2).length;

const caseFigures = (o: Overview) => Object.fromEntries(o.casesByType.map((c) => [c.caseType.key, { opened: c.opened, closed: c.closed, open: c.open }]));
const changes = (o: Overview) => Object.fromEntries(o.riskChanges.map((c) => [`${c.from}>${c.to}`, c.count]));
const bands = (o: Overview) => o.assessmentsByBand.map((a) => `${a.template.name}: ${a.band} ${a.count}`);

async function createCase(caseType: string, title: string, profileId?: string) {
  const made = await olive.post('/api/v1/cases', { caseType, title });
  expect(made.statusCode, made.body).toBe(201);
  if (profileId) expect((await olive.post(`/api/v1/cases/${made.json().id}/profiles`, { profileId, role: 'victim' })).statusCode).toBe(201);
  return made.json() as { id: string; version: number };
}

beforeAll(async () => {
  t = await startTestApp();
  const place = await loadStructure(t);
  const admin = await t.as(emails.admin);
  const team = await admin.post('/api/v1/teams', { organisationId: place.organisation('Demo County Police'), name: 'Insights test team' });
  expect(team.statusCode, team.body).toBe(201);
  teamId = team.json().id;
  const officer = await enrolledUser(t, emails.admin, { name: 'Olive Officer', role: 'practitioner', teamId });
  olive = officer.agent;
  council = await t.as(emails.council);
  councilTeamId = place.team('Demo District Council/Community Safety team').teamId;
  nia = (await enrolledUser(t, emails.admin, { name: 'Nia Neighbour', role: 'system_admin', teamId: place.team('Neighbouring County Police/ASB team').teamId })).agent;

  for (const person of cast) {
    const { key, postcode, createdDaysAgo: _, ...fields } = person;
    const made = await createProfile(olive, { ...fields, ...(postcode ? { addresses: [{ addressLine1: '1 Test Row', town: 'Derby', postcode }] } : {}) });
    ids[key] = made.id;
  }
  await t.database.pool.query('update profiles set created_at = now() - interval \'400 days\' where id = $1', [ids.olga]);

  for (const r of reportsMade) {
    const made = await olive.post('/api/v1/reports', { subject: { type: 'profile', id: ids[r.on] }, reportType: r.type, occurredAt: daysAgo(r.daysAgo), body: 'What happened', visibility: r.visibility });
    expect(made.statusCode, made.body).toBe(201);
  }

  // Cases: two ASB opened now (one then closed), a hate crime opened now, and an ASB case opened 60 days ago, still open.
  const caseA = await createCase('asb', 'Noise at the flats', ids.vera);
  const caseB = await createCase('asb', 'Youths at the shops');
  expect((await olive.post(`/api/v1/cases/${caseB.id}/close`, { version: caseB.version, outcome: 'Resolved', reason: 'The youths moved on' })).statusCode).toBe(200);
  const caseC = await createCase('hate-crime', 'Graffiti on the door');
  const caseD = await createCase('asb', 'Dog fouling');
  await t.database.pool.query('update cases set created_at = now() - interval \'60 days\' where id = $1', [caseD.id]);

  // Vera's risk: the matrix says high, its review medium. Percy is moved from standard to high by hand.
  const matrix = await completed(olive, 'asb-risk-matrix', { type: 'profile', id: ids.vera! }, matrixAllMax);
  const review = (await olive.post(`/api/v1/assessments/${matrix.id}/review`)).json();
  const patched = await olive.patch(`/api/v1/assessments/${review.id}`, { version: review.version, answers: matrixMedium });
  expect(patched.statusCode, patched.body).toBe(200);
  await complete(olive, review.id);
  const percy = (await olive.get(`/api/v1/profiles/${ids.percy}`)).json();
  expect((await olive.patch(`/api/v1/profiles/${ids.percy}`, { version: percy.version, riskLevel: 'high' })).statusCode).toBe(200);
  // Oona's screening is for the team only; Wanda's wheel has no bands.
  const screening = await start(olive, 'victim-screening', { type: 'profile', id: ids.oona! }, victimAnswers(), { visibility: 'team' });
  await complete(olive, screening.id);
  await completed(olive, 'wheel', { type: 'profile', id: ids.wanda! }, {
    'wheel-accommodation': 3, 'wheel-education': 3, 'wheel-health': 3, 'wheel-drugs-alcohol': 3, 'wheel-finance': 3, 'wheel-children-families': 3, 'wheel-attitudes': 3,
  });

  // Tasks due in the range: on time, late, still open (twice, one on no record); one cancelled and one due before the range.
  const oliveId = officer.id;
  const task = (body: Record<string, unknown>) => setTask(olive, { assignee: { userId: oliveId }, ...body });
  const onTime = await task({ record: { kind: 'profile', id: ids.vera }, dueOn: today });
  const late = await task({ record: { kind: 'case', id: caseA.id }, dueOn: addDays(today, -5) });
  for (const done of [onTime, late]) {
    const accepted = (await olive.post(`/api/v1/tasks/${done.id}/accept`, { version: done.version })).json();
    expect((await olive.post(`/api/v1/tasks/${done.id}/complete`, { version: accepted.version, result: 'Done' })).statusCode).toBe(200);
  }
  await task({ record: { kind: 'profile', id: ids.percy }, dueOn: today });
  await task({ dueOn: today, title: 'Plan the team\'s week' });
  const cancelled = await task({ record: { kind: 'case', id: caseC.id }, dueOn: today });
  expect((await olive.post(`/api/v1/tasks/${cancelled.id}/cancel`, { version: cancelled.version, reason: 'No longer needed' })).statusCode).toBe(200);
  await task({ record: { kind: 'profile', id: ids.vera }, dueOn: addDays(today, -60) });
});
afterAll(() => t.close());

describe('the dashboard', () => {
  it('counts the team\'s people, cases, repeat victims, risk movement, tasks and assessments as made', async () => {
    const o = await overviewOf(olive, ofTeam());
    expect(o.range).toEqual({ scope: 'accessible', from, to: today, team: { id: teamId, name: 'Insights test team' }, organisation: null, postcodeDistrict: null });
    expect(peopleFigures(o)).toEqual(expectedPeople(cast));
    expect(o.ageBands.map((a) => a.key)).toEqual([...ageBands]);
    expect(o.genders.map((g) => g.key)).toEqual([...genders, 'unknown']);
    expect(o.genders.find((g) => g.key === 'unknown')!.label).toBe('Not recorded');
    expect(o.ethnicities.find((e) => e.key === 'indian')).toMatchObject({ label: 'Indian', group: 'Asian or Asian British' });
    expect(o.ethnicities.find((e) => e.key === 'unknown')).toMatchObject({ label: 'Not recorded', group: null });
    expect(o.vulnerabilities.map((v) => v.key)).toEqual(['intimidated', 'mental-health']);

    expect(caseFigures(o)).toEqual({ asb: { opened: 2, closed: 1, open: 2 }, 'hate-crime': { opened: 1, closed: 0, open: 1 } });
    expect({ cases: o.cases, openCases: o.openCases }).toEqual({ cases: 3, openCases: 3 });
    expect(o.repeatVictims).toBe(expectedRepeatVictims(cast));
    expect(o.repeatVictims).toBe(2);
    expect(changes(o)).toEqual({ 'null>high': 1, 'high>medium': 1, 'null>standard': 1, 'standard>high': 1 });
    expect(o.riskMovement).toEqual({ up: 1, down: 1 });
    expect(o.tasks).toEqual({ due: 4, completedOnTime: 1, completedLate: 1, stillOpen: 2 });
    expect(bands(o)).toEqual(['ASB Risk Assessment Matrix: Medium 1', 'ASB Risk Assessment Matrix: High 1', 'VICTIM screening: Standard 1', 'Wheel assessment: No band 1']);
  });

  it('narrows the breakdowns of people to a role, and is audited with the filters and no records', async () => {
    const o = await overviewOf(olive, ofTeam({ role: 'victim' }));
    expect(peopleFigures(o)).toEqual(expectedPeople(cast, 'victim'));
    const oliveId = (await olive.get('/api/v1/me')).json().id;
    const [event] = await storedAuditEvents(t, { actorId: oliveId, action: 'insights.viewed', limit: 1 });
    expect(event!.details).toEqual({ view: 'overview', scope: 'accessible', filters: { from, to: today, teamId, organisationId: null, postcodeDistrict: null, role: 'victim' } });
  });

  it('narrows to a postcode district: people living there, cases with them, and their tasks', async () => {
    const o = await overviewOf(olive, ofTeam({ postcodeDistrict: 'de99' }));
    const inDistrict = cast.filter((p) => p.postcode?.startsWith('DE99 '));
    expect(peopleFigures(o)).toEqual(expectedPeople(inDistrict));
    expect(o.range.postcodeDistrict).toBe('DE99');
    expect(caseFigures(o)).toEqual({ asb: { opened: 1, closed: 0, open: 1 } });
    expect(o.tasks).toEqual({ due: 3, completedOnTime: 1, completedLate: 1, stillOpen: 1 });
    expect(o.riskMovement).toEqual({ up: 1, down: 1 });
    expect(o.repeatVictims).toBe(0);
  });

  it('counts by the range: a period ending yesterday holds the case opened before and the tasks due then', async () => {
    const o = await overviewOf(olive, { teamId, from: addDays(today, -90), to: addDays(today, -1) });
    expect({ profiles: o.profiles, cases: o.cases, openCases: o.openCases }).toEqual({ profiles: 0, cases: 1, openCases: 1 });
    expect(o.tasks).toEqual({ due: 2, completedOnTime: 0, completedLate: 1, stillOpen: 1 });
    expect(caseFigures(o)).toEqual({ asb: { opened: 1, closed: 0, open: 1 } });
    expect(o.riskChanges).toEqual([]);
  });

  it('counts the whole team for its organisation\'s administrator and the partnership\'s, without the scores they may not read', async () => {
    const mine = await overviewOf(olive, ofTeam());
    for (const [email, scope] of [[emails.admin, 'partnership'], [emails.policeAdmin, 'organisation']] as const) {
      const o = await overviewOf(await t.as(email), ofTeam());
      expect(o.range.scope).toBe(scope);
      expect({ ...o, range: null, assessmentsByBand: null }).toEqual({ ...mine, range: null, assessmentsByBand: null });
      expect(bands(o)).toEqual(['ASB Risk Assessment Matrix: Medium 1', 'ASB Risk Assessment Matrix: High 1', 'VICTIM screening: Not shown 1', 'Wheel assessment: No band 1']);
    }
  });

  it('counts nothing of the team for another organisation, until a person is shared with it: then that one', async () => {
    const before = await overviewOf(council, ofTeam());
    expect(before).toMatchObject({ profiles: 0, victims: 0, perpetrators: 0, cases: 0, openCases: 0, repeatVictims: 0, riskMovement: { up: 0, down: 0 }, casesByType: [], riskChanges: [], vulnerabilities: [], ethnicities: [], assessmentsByBand: [] });
    expect(before.tasks).toEqual({ due: 0, completedOnTime: 0, completedLate: 0, stillOpen: 0 });

    await share(olive, 'profiles', ids.vera!, { teamId: councilTeamId, level: 'view' });
    const after = await overviewOf(council, ofTeam());
    expect(peopleFigures(after)).toEqual(expectedPeople(cast.filter((p) => p.key === 'vera')));
    expect({ cases: after.cases, repeatVictims: after.repeatVictims, riskMovement: after.riskMovement, tasks: after.tasks })
      .toEqual({ cases: 0, repeatVictims: 0, riskMovement: { up: 0, down: 1 }, tasks: { due: 1, completedOnTime: 1, completedLate: 0, stillOpen: 0 } });
    expect(bands(after)).toEqual(['ASB Risk Assessment Matrix: Medium 1', 'ASB Risk Assessment Matrix: High 1']);
  });

  it('never moves for the other partnership, whose administrator counts none of it', async () => {
    const admin = await t.as(emails.admin);
    const whole = { from, to: today };
    const ours = await overviewOf(admin, whole);
    const theirs = await overviewOf(nia, whole);
    expect(theirs.range.scope).toBe('partnership');
    expect((await overviewOf(nia, { ...whole, postcodeDistrict: 'DE99' })).profiles).toBe(0);

    const other = await t.as(emails.other);
    await createProfile(other, { roles: ['victim'], gender: 'female', addresses: [{ addressLine1: '2 Test Row', postcode: 'DE99 2BB' }] });
    expect((await other.post('/api/v1/cases', { caseType: 'asb', title: 'Next door' })).statusCode).toBe(201);

    expect(await overviewOf(admin, whole)).toEqual(ours);
    const now = await overviewOf(nia, whole);
    expect({ profiles: now.profiles - theirs.profiles, victims: now.victims - theirs.victims, cases: now.cases - theirs.cases }).toEqual({ profiles: 1, victims: 1, cases: 1 });
    expect((await overviewOf(nia, { ...whole, postcodeDistrict: 'DE99' })).profiles).toBe(1);
  });

  it('refuses what it cannot count: a period backwards, another partnership\'s team, a district that is not one', async () => {
    expectError(await olive.get(`/api/v1/insights/overview?from=${today}&to=${addDays(today, -1)}`), 422, 'validation_failed');
    expectError(await nia.get(`/api/v1/insights/overview?teamId=${teamId}`), 422, 'validation_failed');
    expectError(await olive.get('/api/v1/insights/overview?postcodeDistrict=not-a-district'), 422, 'validation_failed');
    expectError(await olive.get('/api/v1/insights/overview?role=boss'), 422, 'validation_failed');
    expectError(await olive.get('/api/v1/insights/overview?teamName=ours'), 422, 'validation_failed');
    const refused = await nia.get(`/api/v1/insights/overview?teamId=${teamId}`);
    expect(refused.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'teamId' })]));
  });
});

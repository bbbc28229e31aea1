import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Overview } from '../../../../shared/api/insights.ts';
import { londonToday } from '../../../platform/london.ts';
import { startTestApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { completed, matrixAllMax } from '../../assessments/assessments.fixtures.ts';
import { createProfile, emails, enrolledUser, loadStructure } from '../../sharing/records.fixtures.ts';
import { setTask } from '../../tasks/tasks.fixtures.ts';

// The edges of the dashboard's figures: an age band on the birthday itself, at a 29 February end
// and for a 29 February birth, estimated ages growing, a role narrowing the breakdowns, and a
// merged profile whose work counts once, on its survivor. Each figure is read by the team's
// practitioner (Olive), its organisation's administrator, and the partnership's system
// administrator for the team and for the whole partnership, the one reading that counts work
// (assessments, tasks, risk changes) without reading its record. Each group of people has a role
// of its own, so a role narrows the bands to that group. A user of the neighbouring partnership
// records the same and never moves a figure; work recorded by another team of the partnership
// moves the whole partnership's figures only.

// Every end date below is a day to come within five years of today, as a range's must be; the
// people are all recorded today, so each range starts today.
const today = londonToday();
const year = Number(today.slice(0, 4));
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
/** The first day on or after today that falls on the month and day given ("06-15"). */
const nextOn = (monthDay: string) => `${today.slice(5) <= monthDay ? year : year + 1}-${monthDay}`;
const firstLeapYear = (from: number, fits: (y: number) => boolean) => {
  let y = from;
  while (!isLeap(y) || !fits(y)) y++;
  return y;
};

/** A plain end date, and people born on either side of their 18th and 65th birthdays then. */
const june = nextOn('06-15');
const juneYear = Number(june.slice(0, 4));
/** The next 29 February, and people born either side of 18 years before it. */
const leapYear = firstLeapYear(year, (y) => `${y}-02-29` >= today);
const leapEnd = `${leapYear}-02-29`;
/** A person born on a 29 February, whose 18th birthday counts from 1 March in a year without one. */
const leaplingBorn = firstLeapYear(year - 18, (y) => `${y + 18}-02-28` >= today);
const beforeLeaplingBirthday = `${leaplingBorn + 18}-02-28`;
const leaplingBirthday = `${leaplingBorn + 18}-03-01`;
/** Ages estimated on the last 10 March: a year older from the next one, not the day before. */
const estimatedOn = today.slice(5) >= '03-10' ? `${year}-03-10` : `${year - 1}-03-10`;
const estimatedYear = Number(estimatedOn.slice(0, 4));
const notYetGrown = `${estimatedYear + 1}-03-09`;
const grown = `${estimatedYear + 1}-03-10`;

interface Person {
  key: string;
  role: string;
  dateOfBirth?: string;
  approximateAge?: number;
  /** When the age was estimated, set after creation; null: not known. */
  estimatedOn?: string | null;
}

const cast: Person[] = [
  { key: 'eighteenOnTheDay', role: 'witness', dateOfBirth: `${juneYear - 18}-06-15` },
  { key: 'eighteenTomorrow', role: 'witness', dateOfBirth: `${juneYear - 18}-06-16` },
  { key: 'sixtyFiveOnTheDay', role: 'witness', dateOfBirth: `${juneYear - 65}-06-15` },
  { key: 'sixtyFiveTomorrow', role: 'witness', dateOfBirth: `${juneYear - 65}-06-16` },
  { key: 'bornTheDayBefore', role: 'family_member', dateOfBirth: `${leapYear - 18}-02-28` },
  { key: 'bornTheDayAfter', role: 'family_member', dateOfBirth: `${leapYear - 18}-03-01` },
  { key: 'leapling', role: 'vulnerable_person', dateOfBirth: `${leaplingBorn}-02-29` },
  { key: 'estimated17', role: 'other', approximateAge: 17, estimatedOn },
  { key: 'estimated62', role: 'other', approximateAge: 62, estimatedOn: `${estimatedYear - 2}-03-10` },
  { key: 'estimatedWhenUnknown', role: 'other', approximateAge: 30, estimatedOn: null },
  { key: 'ageless', role: 'other' },
];

let t: TestApp;
let olive: Agent;
let policeAdmin: Agent;
let admin: Agent;
let nia: Agent;
let teamId: string;
let councilId: string;
const ids: Record<string, string> = {};

async function overviewOf(agent: Agent, query: Record<string, string>): Promise<Overview> {
  const response = await agent.get(`/api/v1/insights/overview?${new URLSearchParams(query)}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** Every figure above nought by a name of its own: what two dashboards are compared by. */
function figures(o: Overview): Record<string, number> {
  const all: [string, number][] = [
    ['profiles', o.profiles], ['victims', o.victims], ['perpetrators', o.perpetrators], ['cases', o.cases], ['open cases', o.openCases],
    ['repeat victims', o.repeatVictims], ['risk up', o.riskMovement.up], ['risk down', o.riskMovement.down],
    ...Object.entries(o.tasks).map(([key, n]): [string, number] => [`tasks ${key}`, n]),
    ...o.casesByType.flatMap((c): [string, number][] => [[`${c.caseType.key} opened`, c.opened], [`${c.caseType.key} closed`, c.closed], [`${c.caseType.key} open`, c.open]]),
    ...o.riskChanges.map((c): [string, number] => [`risk ${c.from}>${c.to}`, c.count]),
    ...o.vulnerabilities.map((v): [string, number] => [`vulnerability ${v.key}`, v.count]),
    ...o.ageBands.map((a): [string, number] => [`age ${a.key}`, a.count]),
    ...o.genders.map((g): [string, number] => [`gender ${g.key}`, g.count]),
    ...o.ethnicities.map((e): [string, number] => [`ethnicity ${e.key}`, e.count]),
    ...o.assessmentsByBand.map((a): [string, number] => [`${a.template.name}: ${a.band}`, a.count]),
  ];
  return Object.fromEntries(all.filter(([, n]) => n > 0));
}

/** Figures less those of another count, for the names above nought. */
function minus(figures: Record<string, number>, less: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(figures).map(([name, n]): [string, number] => [name, n - (less[name] ?? 0)]).filter(([, n]) => n !== 0));
}

/** A victim with two incidents today, a completed matrix (high) and a task due today, recorded by the agent given. */
async function recordVictimWork(agent: Agent) {
  const me = (await agent.get('/api/v1/me')).json().id as string;
  const victim = await createProfile(agent, { roles: ['victim'], vulnerabilities: ['isolated'] });
  for (let i = 0; i < 2; i++) {
    const made = await agent.post('/api/v1/reports', { subject: { type: 'profile', id: victim.id }, reportType: 'asb-complaint', occurredAt: new Date().toISOString(), body: 'Shouting at the door', visibility: 'shared' });
    expect(made.statusCode, made.body).toBe(201);
  }
  await completed(agent, 'asb-risk-matrix', { type: 'profile', id: victim.id }, matrixAllMax);
  await setTask(agent, { assignee: { userId: me }, record: { kind: 'profile', id: victim.id }, dueOn: today });
}

const merging = { from: today, to: today };
/** Every dashboard read below, as {from, to, role}: the seeded partnership's own figures are read for each before this file records anything. */
const asked: Record<string, string>[] = [
  merging,
  { from: today, to: june },
  { from: today, to: june, role: 'witness' },
  { from: today, to: leapEnd, role: 'family_member' },
  { from: today, to: beforeLeaplingBirthday, role: 'vulnerable_person' },
  { from: today, to: leaplingBirthday, role: 'vulnerable_person' },
  { from: today, to: notYetGrown, role: 'other' },
  { from: today, to: grown, role: 'other' },
];
const seeded = new Map<string, Record<string, number>>();

/**
 * The same dashboard as each reader has it: the team's as its practitioner, its organisation's
 * administrator and the partnership's have it, and the whole partnership's as the last has it,
 * less what the partnership held before this file recorded anything.
 */
async function asEveryReader(query: Record<string, string>): Promise<Record<string, number>[]> {
  const before = seeded.get(JSON.stringify(query));
  if (!before) throw new Error(`${JSON.stringify(query)} is not among the dashboards asked`);
  const ofTeam = { ...query, teamId };
  return [
    figures(await overviewOf(olive, ofTeam)),
    figures(await overviewOf(policeAdmin, ofTeam)),
    figures(await overviewOf(admin, ofTeam)),
    minus(figures(await overviewOf(admin, query)), before),
  ];
}

/** The figures every reader has, checked to be the same for each. */
async function agreed(query: Record<string, string>): Promise<Record<string, number>> {
  const [first, ...others] = await asEveryReader(query);
  for (const other of others) expect(other).toEqual(first);
  return first!;
}

/** The age bands of the people of a role at an end date. */
async function bandsAt(to: string, role: string): Promise<Record<string, number>> {
  const all = await agreed({ from: today, to, role });
  return Object.fromEntries(Object.entries(all).filter(([name]) => name.startsWith('age ')).map(([name, n]) => [name.slice('age '.length), n]));
}

let beforeMerge: Record<string, number>;

beforeAll(async () => {
  t = await startTestApp();
  const place = await loadStructure(t);
  admin = await t.as(emails.admin);
  policeAdmin = await t.as(emails.policeAdmin);
  const team = await admin.post('/api/v1/teams', { organisationId: place.organisation('Demo County Police'), name: 'Insights edges team' });
  expect(team.statusCode, team.body).toBe(201);
  teamId = team.json().id;
  councilId = place.organisation('Demo District Council');
  const officer = await enrolledUser(t, emails.admin, { name: 'Olive Edge', role: 'practitioner', teamId });
  olive = officer.agent;
  const teamAdmin = (await enrolledUser(t, emails.admin, { name: 'Tess Edge', role: 'team_admin', teamId })).agent;
  nia = (await enrolledUser(t, emails.admin, { name: 'Nia Edge', role: 'system_admin', teamId: place.team('Neighbouring County Police/ASB team').teamId })).agent;
  for (const query of asked) seeded.set(JSON.stringify(query), figures(await overviewOf(admin, query)));

  for (const { key, role, dateOfBirth, approximateAge } of cast) {
    ids[key] = (await createProfile(olive, { roles: [role], ...(dateOfBirth ? { dateOfBirth } : {}), ...(approximateAge !== undefined ? { approximateAge } : {}) })).id;
  }
  for (const { key, estimatedOn: on } of cast) {
    if (on !== undefined) await t.database.pool.query('update profiles set approximate_age_on = $2 where id = $1', [ids[key], on]);
  }

  // A duplicate victim holding an incident, a completed matrix (high, so a change of risk level)
  // and a task, merged into a victim holding another incident: the two incidents make one repeat victim.
  const survivor = await createProfile(olive, { roles: ['victim'], gender: 'male', vulnerabilities: ['isolated'] });
  const duplicate = await createProfile(olive, { roles: ['victim'], gender: 'female', vulnerabilities: ['isolated', 'intimidated'] });
  for (const id of [survivor.id, duplicate.id]) {
    const made = await olive.post('/api/v1/reports', { subject: { type: 'profile', id }, reportType: 'asb-complaint', occurredAt: new Date().toISOString(), body: 'Shouting at the door', visibility: 'shared' });
    expect(made.statusCode, made.body).toBe(201);
  }
  await completed(olive, 'asb-risk-matrix', { type: 'profile', id: duplicate.id }, matrixAllMax);
  await setTask(olive, { assignee: { userId: officer.id }, record: { kind: 'profile', id: duplicate.id }, dueOn: today });
  beforeMerge = await agreed(merging);
  const merged = await teamAdmin.post(`/api/v1/profiles/${survivor.id}/merge`, { duplicateId: duplicate.id, reason: 'The same person, recorded twice' });
  expect(merged.statusCode, merged.body).toBe(200);
});
afterAll(() => t.close());

describe('the dashboard at its edges', () => {
  it('puts a person in the older band on their birthday itself, and in the younger the day before', async () => {
    expect(await bandsAt(june, 'witness')).toEqual({ '18-24': 1, '0-17': 1, '65+': 1, '55-64': 1 });
  });

  it('counts a birthday on 28 February as passed at a 29 February end, and 1 March as not', async () => {
    expect(await bandsAt(leapEnd, 'family_member')).toEqual({ '18-24': 1, '0-17': 1 });
  });

  it('counts a 29 February birthday from 1 March in a year without one', async () => {
    expect(await bandsAt(beforeLeaplingBirthday, 'vulnerable_person')).toEqual({ '0-17': 1 });
    expect(await bandsAt(leaplingBirthday, 'vulnerable_person')).toEqual({ '18-24': 1 });
  });

  it('grows an estimated age by the whole years since it was estimated, and keeps one estimated on a day not known', async () => {
    expect(await bandsAt(notYetGrown, 'other')).toEqual({ '0-17': 1, '55-64': 1, '25-34': 1, unknown: 1 });
    expect(await bandsAt(grown, 'other')).toEqual({ '18-24': 1, '65+': 1, '25-34': 1, unknown: 1 });
  });

  it('narrows only the breakdowns to a role: the totals count everyone', async () => {
    const everyone = await agreed({ from: today, to: june });
    const witnesses = await agreed({ from: today, to: june, role: 'witness' });
    for (const total of ['profiles', 'victims', 'perpetrators']) expect(witnesses[total]).toBe(everyone[total]);
    expect(everyone.profiles).toBe(cast.length + 1);
    const breakdowns = Object.fromEntries(Object.entries(witnesses).filter(([name]) => /^(age|gender|ethnicity|vulnerability) /.test(name)));
    expect(breakdowns).toEqual({ 'age 18-24': 1, 'age 0-17': 1, 'age 55-64': 1, 'age 65+': 1, 'gender unknown': 4, 'ethnicity unknown': 4 });
  });

  it('counts a merged profile\'s person no more, and its incident, assessment, risk change and task once, on the survivor', async () => {
    expect({ risk: beforeMerge['risk null>high'], matrix: beforeMerge['ASB Risk Assessment Matrix: High'], due: beforeMerge['tasks due'], repeat: beforeMerge['repeat victims'] ?? 0 })
      .toEqual({ risk: 1, matrix: 1, due: 1, repeat: 0 });
    const expected: Record<string, number> = { ...beforeMerge, 'repeat victims': 1 };
    for (const name of ['profiles', 'victims', 'gender female', 'age unknown', 'ethnicity unknown', 'vulnerability isolated']) expected[name] = expected[name]! - 1;
    expect(await agreed(merging)).toEqual(Object.fromEntries(Object.entries(expected).filter(([, n]) => n > 0)));
  });

  it('never moves for what the neighbouring partnership records, whose administrator counts it', async () => {
    const queries = asked.slice(0, 3);
    const ours: Record<string, number>[] = [];
    for (const query of queries) ours.push(await agreed(query));
    const theirs = figures(await overviewOf(nia, merging));

    const other = await t.as(emails.other);
    await recordVictimWork(other);
    await createProfile(other, { roles: ['witness'], dateOfBirth: `${juneYear - 18}-06-15` });
    await createProfile(other, { roles: ['other'], approximateAge: 17 });

    for (const [i, query] of queries.entries()) expect(await agreed(query)).toEqual(ours[i]);
    expect(minus(figures(await overviewOf(nia, merging)), theirs)).toEqual({
      profiles: 3, victims: 1, 'repeat victims': 1, 'risk null>high': 1, 'ASB Risk Assessment Matrix: High': 1, 'tasks due': 1, 'tasks stillOpen': 1,
      'vulnerability isolated': 1, 'age 0-17': 2, 'age unknown': 1, 'gender unknown': 3, 'ethnicity unknown': 3,
    });
  });

  // Last: from here on the whole partnership holds more than the team.
  it('counts another team\'s work for the whole partnership, and not for a team, an organisation or a district it is not in', async () => {
    const narrowed = [{ ...merging, teamId }, { ...merging, organisationId: councilId }, { ...merging, postcodeDistrict: 'DE98' }];
    const readers = [olive, policeAdmin, admin];
    const before: Record<string, number>[] = [];
    for (const query of narrowed) for (const reader of readers) before.push(figures(await overviewOf(reader, query)));
    const whole = figures(await overviewOf(admin, merging));

    await recordVictimWork(await t.as(emails.police));

    const after: Record<string, number>[] = [];
    for (const query of narrowed) for (const reader of readers) after.push(figures(await overviewOf(reader, query)));
    expect(after).toEqual(before);
    expect(minus(figures(await overviewOf(admin, merging)), whole)).toEqual({
      profiles: 1, victims: 1, 'repeat victims': 1, 'risk null>high': 1, 'ASB Risk Assessment Matrix: High': 1, 'tasks due': 1, 'tasks stillOpen': 1,
      'vulnerability isolated': 1, 'age unknown': 1, 'gender unknown': 1, 'ethnicity unknown': 1,
    });
  });
});

import type { RecordKind } from '../../../../shared/records.ts';
import type { Visibility } from '../../../../shared/work.ts';
import { addDays } from '../../../platform/london.ts';
import { sanitiseBody } from '../../../modules/reports/sanitise.ts';
import { reports } from '../../schema/index.ts';
import type { Tx } from '../../transaction.ts';
import { insertAll } from './insert.ts';
import type { CaseFile, Partners, Person, Place } from './model.ts';
import { followUps, reportTexts, times } from './report-texts.ts';
import type { TeamKey, World, Worker } from './world.ts';

/** A record something can be written on: its kind, its owner, and the span of days it was worked. */
export interface Subject {
  kind: RecordKind;
  id: string;
  team: TeamKey;
  from: Date;
  /** The last day anything happens on it: yesterday, or the day its case closed. */
  until: string;
  place: string;
  street: string;
}

export type ReportRow = typeof reports.$inferInsert;

// Late enough for trouble, early enough that the report is written the same day.
const evening: [number, number] = [16, 21];
const office: [number, number] = [9, 17];

/** Someone of the owning team mostly, now and then of a team it is shared with. */
export function authorOf(world: World, partners: Partners, subject: Subject): Worker {
  const { random } = world;
  const others = (partners.get(subject.id) ?? []).filter((t) => world.workers[t].length > 0);
  const team = others.length > 0 && random.chance(0.25) ? random.pick(others) : subject.team;
  return random.pick(world.workers[team]);
}

/** An instant on one of the subject's days, at a likely hour, never before it was recorded. */
export function sometimeIn(world: World, subject: Subject, hours: [number, number]): Date {
  const { random, clock } = world;
  const first = clock.dateOf(subject.from);
  const days = Math.max(0, Math.round((Date.parse(subject.until) - Date.parse(first)) / 86_400_000));
  const at = clock.at(addDays(first, random.int(0, days)), random.int(hours[0], hours[1]), random.int(0, 59));
  return at.getTime() > subject.from.getTime() ? at : new Date(subject.from.getTime() + random.int(10, 120) * 60_000);
}

/** One report, its body sanitised as the reports module stores every body. */
export function reportOn(world: World, partners: Partners, subject: Subject, typeKey: string, occurredAt: Date): ReportRow {
  const { random } = world;
  const fill = (text: string) => text.replace('{place}', subject.place).replace('{street}', subject.street).replace('{time}', random.pick(times));
  const paragraphs = [fill(random.pick(reportTexts[typeKey]!)), ...(random.chance(0.35) ? [random.pick(followUps)] : [])];
  const body = sanitiseBody(paragraphs.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join(''));
  const author = authorOf(world, partners, subject);
  const createdAt = new Date(occurredAt.getTime() + random.int(5, 120) * 60_000);
  const visibility: Visibility = typeKey === 'intelligence'
    ? random.weighted<Visibility>([['team', 6], ['private', 1], ['shared', 3]])
    : random.weighted<Visibility>([['shared', 82], ['team', 13], ['private', 5]]);
  return {
    id: random.id(createdAt),
    partnershipId: world.partnershipId,
    recordKind: subject.kind,
    recordId: subject.id,
    reportTypeId: world.lookup('report_type', typeKey),
    occurredAt,
    bodyHtml: body.html,
    bodyText: body.text,
    visibility,
    authorId: author.id,
    authorTeamId: author.teamId,
    authorOrganisationId: author.organisationId,
    createdAt,
    updatedAt: createdAt,
  };
}

export interface Subjects {
  people: Map<string, Subject>;
  places: Map<string, Subject>;
  cases: Map<string, Subject>;
}

/** What each person, place and case is to a report: its owner, its span and the words that fill a template. */
export function subjectsOf(world: World, people: Person[], places: Place[], files: CaseFile[]): Subjects {
  const yesterday = world.clock.daysAgo(1);
  const placeOf = new Map(places.map((p) => [p.id, p]));
  const streetOf = (p: Place) => p.addressLine1.replace(/^[\d-]+ /, '');
  const placeSubject = (p: Place): Subject => ({ kind: 'location', id: p.id, team: p.team, from: p.createdAt, until: yesterday, place: p.name ?? 'the address', street: streetOf(p) });
  const personSubject = (p: Person): Subject => {
    const home = p.homeId ? placeOf.get(p.homeId) : undefined;
    return { kind: 'profile', id: p.id, team: p.team, from: p.createdAt, until: yesterday, place: home ? 'the address' : 'the shops', street: home ? streetOf(home) : 'Station Parade' };
  };
  const caseSubject = (c: CaseFile): Subject => {
    const place = c.places[0] ?? (c.people[0]?.person.homeId ? placeOf.get(c.people[0].person.homeId) : undefined);
    return {
      kind: 'case', id: c.id, team: c.team, from: c.openedAt, until: c.closedAt ? world.clock.dateOf(c.closedAt) : yesterday,
      place: place?.name ?? 'the address', street: place ? streetOf(place) : 'Station Parade',
    };
  };
  return {
    people: new Map(people.map((p) => [p.id, personSubject(p)])),
    places: new Map(places.map((p) => [p.id, placeSubject(p)])),
    cases: new Map(files.map((c) => [c.id, caseSubject(c)])),
  };
}

/** How many of each kind of report, and on what: incidents where the trouble is and on those who ring most. */
export function seedReportRows(world: World, partners: Partners, subjects: Subjects, people: Person[], places: Place[], files: CaseFile[]): ReportRow[] {
  const { random } = world;
  const rows: ReportRow[] = [];
  const write = (subject: Subject, typeKey: string, hours: [number, number]) => rows.push(reportOn(world, partners, subject, typeKey, sometimeIn(world, subject, hours)));
  const many = (count: number, choose: () => Subject | undefined, typeKey: string, hours: [number, number]) => {
    for (let i = 0; i < count; i++) {
      const subject = choose();
      if (subject) write(subject, typeKey, hours);
    }
  };
  const written = people.filter((p) => !p.unexplained);
  const troubled = places.filter((p) => p.trouble > 0).map((p) => [subjects.places.get(p.id)!, p.trouble] as const);
  const callers = written.filter((p) => p.calls > 0 && p.team !== 'idva').map((p) => [subjects.people.get(p.id)!, p.calls] as const);
  const hateVictims = files.filter((c) => c.typeKey === 'hate-crime').flatMap((c) => c.people.filter((p) => p.role === 'victim' && !p.person.unexplained).map((p) => subjects.people.get(p.person.id)!));
  const worked = written.filter((p) => p.roles.some((r) => r === 'victim' || r === 'perpetrator' || r === 'vulnerable_person')).map((p) => subjects.people.get(p.id)!);
  const perpetrators = written.filter((p) => p.roles.includes('perpetrator')).map((p) => subjects.people.get(p.id)!);
  const caseSubjects = files.map((c) => subjects.cases.get(c.id)!);
  const panelCases = files.filter((c) => c.typeKey.includes('marac')).map((c) => subjects.cases.get(c.id)!);
  const homes = places.filter((p) => p.kind === 'home').map((p) => subjects.places.get(p.id)!);

  many(500, () => random.weighted(troubled), 'asb-complaint', evening);
  many(500, () => random.weighted(callers), 'asb-complaint', evening);
  many(80, () => (hateVictims.length > 0 ? random.pick(hateVictims) : undefined), 'hate-incident', evening);
  many(30, () => random.weighted(troubled), 'hate-incident', evening);
  many(450, () => random.pick(worked), 'contact-log', office);
  many(300, () => random.pick(caseSubjects), 'contact-log', office);
  many(180, () => random.pick(worked), 'visit', office);
  many(120, () => random.pick(caseSubjects), 'visit', office);
  many(50, () => random.pick(homes), 'visit', office);
  many(150, () => random.pick(perpetrators), 'intelligence', office);
  many(120, () => random.pick(caseSubjects), 'debrief', office);
  many(70, () => random.pick(caseSubjects), 'meeting-note', office);
  many(40, () => random.pick(panelCases), 'meeting-note', office);
  many(90, () => random.pick(random.chance(0.6) ? caseSubjects : worked), 'significant-event', evening);
  many(40, () => random.pick(caseSubjects), 'case-review', office);
  return rows;
}

export async function insertReports(tx: Tx, rows: ReportRow[]): Promise<void> {
  await insertAll(tx, reports, rows, 300);
}

import { sql } from 'drizzle-orm';
import type { AccessLevel, ProfileRole } from '../../../../shared/records.ts';
import { addDays } from '../../../platform/london.ts';
import { caseAccess, caseInterventions, caseLocations, caseProfiles, caseReferenceCounters, cases, caseTypeSharing, profileRelationships } from '../../schema/index.ts';
import type { Tx } from '../../transaction.ts';
import { insertAll } from './insert.ts';
import { interventionsOf } from './interventions.ts';
import type { CaseFile, Partners, Person, Place } from './model.ts';
import type { TeamKey, World } from './world.ts';
import { outcomes } from './wording.ts';

interface CaseType {
  key: string;
  count: number;
  teams: [TeamKey, number][];
  /** Who is on a case of the type: each role from a pool of people, how many at most, and how likely the first. */
  cast: [ProfileRole, number][];
  pool?: TeamKey;
  places: 'home' | 'hotspot' | 'none';
  titles: string[];
}

/** ASB mostly, then hate crime, IOM, MARAC and the rest, as the partnership's case types name them. */
const caseTypes: CaseType[] = [
  {
    key: 'asb', count: 62, teams: [['policeAsb', 5], ['councilSafety', 3], ['housing', 2]], cast: [['victim', 2], ['perpetrator', 2], ['witness', 1]], places: 'home',
    titles: ['Noise and abuse, {street}', 'Youths gathering at {place}', 'Neighbour dispute, {street}', 'Drug-related ASB, {street}', 'Criminal damage and intimidation, {street}', 'Off-road bikes on the Hollybrook estate'],
  },
  {
    key: 'hate-crime', count: 12, teams: [['policeAsb', 2], ['councilSafety', 1]], cast: [['victim', 1], ['perpetrator', 1]], places: 'home',
    titles: ['Racially aggravated harassment, {street}', 'Homophobic abuse at {place}', 'Disability hate incidents, {street}'],
  },
  { key: 'iom', count: 12, teams: [['policeIom', 1]], cast: [['perpetrator', 1]], pool: 'policeIom', places: 'none', titles: ['IOM: acquisitive offending', 'IOM: burglary and shoplifting', 'IOM: drug-related offending'] },
  { key: 'marac', count: 12, teams: [['idva', 1]], cast: [['victim', 1], ['perpetrator', 1]], pool: 'idva', places: 'none', titles: ['MARAC: high-risk domestic abuse', 'MARAC: repeat referral'] },
  { key: 'community-marac', count: 6, teams: [['policeAsb', 1]], cast: [['victim', 1], ['perpetrator', 2]], places: 'home', titles: ['Community MARAC: {street}'] },
  {
    key: 'vulnerable-person', count: 10, teams: [['councilSafety', 2], ['housing', 2], ['neighbourhood', 1]], cast: [['vulnerable_person', 1], ['family_member', 1]], places: 'home',
    titles: ['Vulnerable adult at risk, {street}', 'Cuckooing concern, {street}', 'Hoarding and fire risk, {street}'],
  },
  { key: 'neighbourhood-plan', count: 3, teams: [['neighbourhood', 1]], cast: [['witness', 1]], places: 'hotspot', titles: ['Neighbourhood plan: {place}'] },
  { key: 'licensing', count: 3, teams: [['policeAsb', 1]], cast: [['perpetrator', 1]], places: 'hotspot', titles: ['Licensing review: {place}'] },
];

/** Who a new case of each type is shared with (the case type's default sharing, which each case copies). */
export const defaultSharing: Record<string, [TeamKey, AccessLevel][]> = {
  asb: [['policeAsb', 'edit'], ['councilSafety', 'edit']],
  'hate-crime': [['policeAsb', 'edit'], ['councilSafety', 'view']],
  iom: [['probation', 'edit']],
  marac: [['policeAsb', 'view']],
};

const latest = (dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));
const streetOf = (place: Place | undefined) => place?.addressLine1.replace(/^[\d-]+ /, '') ?? 'Station Parade';

const before = (when: Date) => (r: { createdAt: Date }) => r.createdAt.getTime() < when.getTime() - 86_400_000;

/** Those recorded before a case opened where there are any (else the case opens after them). */
const earlierOf = <T extends { createdAt: Date }>(list: T[], opening: Date): T[] => {
  const earlier = list.filter(before(opening));
  return earlier.length > 0 ? earlier : list;
};

/** The people on a new case: of the roles its type involves, mostly the owning team's. */
function castFor(world: World, type: CaseType, team: TeamKey, people: Person[], opening: Date): CaseFile['people'] {
  const { random } = world;
  const chosen: CaseFile['people'] = [];
  type.cast.forEach(([role, most], i) => {
    const pool = earlierOf(people.filter((p) => p.roles.includes(role) && (type.pool ? p.team === type.pool : p.team !== 'idva' && p.team !== 'policeIom')), opening);
    const own = pool.filter((p) => p.team === team);
    const wanted = i === 0 ? random.int(1, most) : random.int(0, most);
    for (let n = 0; n < wanted; n++) {
      const person = random.pick(own.length > 0 && random.chance(0.7) ? own : pool);
      if (!chosen.some((c) => c.person === person)) chosen.push({ person, role });
    }
  });
  return chosen;
}

/** Where a case is about: a licensed premises, a hotspot, or mostly the victim's home. */
function placesFor(world: World, type: CaseType, cast: CaseFile['people'], places: Place[], opening: Date): Place[] {
  const { random } = world;
  const troubled = earlierOf(places.filter((p) => p.trouble > 0), opening).map((p) => [p, p.trouble] as const);
  if (type.key === 'licensing') return [random.pick(earlierOf(places.filter((p) => p.kind === 'premises' && p.trouble >= 3), opening))];
  if (type.places === 'hotspot') return [random.weighted(troubled)];
  if (type.places === 'none') return [];
  const homes = places.filter((p) => cast.some((c) => c.person.homeId === p.id) && before(opening)(p));
  const chosen = homes.length > 0 && random.chance(0.7) ? [homes[0]!] : [random.weighted(troubled)];
  return random.chance(0.2) ? [...new Set([...chosen, random.weighted(troubled)])] : chosen;
}

export interface Cases {
  cases: CaseFile[];
  partners: Partners;
  counts: Record<'cases' | 'caseProfiles' | 'caseLocations' | 'interventions' | 'caseAccess' | 'caseTypeSharing', number>;
}

/**
 * The cases, numbered in the partnership's sequence for the year each was opened (and the
 * counters left there, so the next case made in the app follows on), with their people, places,
 * interventions and the access their case type's default sharing gives.
 */
export async function seedCases(tx: Tx, world: World, people: Person[], places: Place[]): Promise<Cases> {
  const { random, clock } = world;
  const files: (CaseFile & { title: string; outcome: readonly [string, string] | null })[] = [];
  for (const type of caseTypes) {
    for (let i = 0; i < type.count; i++) {
      const team = random.weighted(type.teams);
      const opening = clock.at(clock.daysAgo(random.int(2, 725)), random.int(9, 16), random.int(0, 59));
      const cast = castFor(world, type, team, people, opening);
      const where = placesFor(world, type, cast, places, opening);
      // Never before the people and places it is about were recorded.
      const openedAt = latest([opening, ...[...cast.map((c) => c.person.createdAt), ...where.map((p) => p.createdAt)].map((d) => new Date(d.getTime() + 86_400_000))]);
      const age = Math.round((Date.parse(clock.today) - Date.parse(clock.dateOf(openedAt))) / 86_400_000);
      const closedAt = age > 20 && random.chance(0.55) ? clock.at(addDays(clock.dateOf(openedAt), random.int(14, Math.min(320, age - 1))), random.int(10, 17)) : null;
      const title = random.pick(type.titles).replace('{street}', streetOf(where[0] ?? places.find((p) => p.id === cast[0]?.person.homeId))).replace('{place}', where[0]?.name ?? 'Station Parade shops');
      files.push({
        id: random.id(openedAt), typeKey: type.key, team, openedAt, closedAt, leadId: random.pick(world.workers[team]).id, people: cast, places: where, title,
        outcome: closedAt ? random.pick(outcomes) : null,
      });
    }
  }
  files.sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());

  const counters = new Map<number, number>();
  const caseRows = files.map((c) => {
    const year = Number(clock.dateOf(c.openedAt).slice(0, 4));
    const number = (counters.get(year) ?? 0) + 1;
    counters.set(year, number);
    const reference = `${world.caseTypeCode(c.typeKey)}/${year}/${String(number).padStart(5, '0')}`;
    const owner = world.teams[c.team];
    const contact = random.chance(0.3) ? random.pick(world.workers[c.team]).id : null;
    return {
      id: c.id,
      partnershipId: world.partnershipId,
      ownerTeamId: owner.id,
      reference,
      title: c.title,
      caseTypeId: world.lookup('case_type', c.typeKey),
      status: c.closedAt ? ('closed' as const) : ('open' as const),
      leadOrganisationId: owner.organisationId,
      leadOfficerId: c.leadId,
      singlePointOfContactId: contact,
      startDate: clock.dateOf(c.openedAt),
      endDate: c.closedAt ? clock.dateOf(c.closedAt) : null,
      outcome: c.outcome?.[0] ?? null,
      closureReason: c.outcome?.[1] ?? null,
      closedAt: c.closedAt,
      closedBy: c.closedAt ? c.leadId : null,
      createdBy: c.leadId,
      searchText: sql`lower(unaccent(${reference}::text || ' ' || ${c.title}::text))`,
      version: c.closedAt ? 2 : 1,
      createdAt: c.openedAt,
      updatedAt: c.closedAt ?? c.openedAt,
    };
  });
  await insertAll(tx, cases, caseRows);
  await insertAll(tx, caseReferenceCounters, [...counters].map(([year, lastNumber]) => ({ partnershipId: world.partnershipId, year, lastNumber })));

  const linkedAt = (c: CaseFile) => new Date(c.openedAt.getTime() + 5 * 60_000);
  const profileLinks = files.flatMap((c) => c.people.map((p) => ({ caseId: c.id, profileId: p.person.id, role: p.role, addedBy: c.leadId, addedAt: linkedAt(c) })));
  const placeLinks = files.flatMap((c) => c.places.map((p) => ({ caseId: c.id, locationId: p.id, addedBy: c.leadId, addedAt: linkedAt(c) })));
  await insertAll(tx, caseProfiles, profileLinks);
  await insertAll(tx, caseLocations, placeLinks);

  // The couples a MARAC hears about: the victim's ex-partner, recorded once from the victim's side.
  const couples = new Map<string, (typeof profileRelationships.$inferInsert)>();
  for (const c of files.filter((f) => f.typeKey === 'marac' && f.people.length === 2)) {
    const [victim, partner] = [c.people[0]!.person.id, c.people[1]!.person.id];
    const pair = [victim, partner].sort().join('/');
    if (!couples.has(pair)) couples.set(pair, { fromProfileId: victim, toProfileId: partner, kind: 'ex_partner', createdBy: c.leadId, createdAt: linkedAt(c) });
  }
  await insertAll(tx, profileRelationships, [...couples.values()]);

  const interventions = files.flatMap((c) => interventionsOf(world, c));
  await insertAll(tx, caseInterventions, interventions);

  const sharing = Object.entries(defaultSharing).flatMap(([key, entries]) => entries.map(([team, level]) => ({ caseTypeId: world.lookup('case_type', key), teamId: world.teams[team].id, level })));
  await insertAll(tx, caseTypeSharing, sharing);
  const partners: Partners = new Map();
  const access = files.flatMap((c) => (defaultSharing[c.typeKey] ?? []).filter(([team]) => team !== c.team).map(([team, level]) => {
    partners.set(c.id, [...(partners.get(c.id) ?? []), team]);
    return { recordId: c.id, teamId: world.teams[team].id, level, source: 'case_type_default' as const, grantedBy: c.leadId, grantedAt: c.openedAt };
  }));
  await insertAll(tx, caseAccess, access);

  return {
    cases: files,
    partners,
    counts: {
      cases: files.length, caseProfiles: profileLinks.length, caseLocations: placeLinks.length, interventions: interventions.length, caseAccess: access.length, caseTypeSharing: sharing.length,
    },
  };
}

import { sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { Gender, ProfileRole, RelationshipKind } from '../../../../shared/records.ts';
import { profileAddresses, profileNames, profileRelationships, profiles, profileVulnerabilities, profileWarningMarkers } from '../../schema/index.ts';
import type { Tx } from '../../transaction.ts';
import { insertAll } from './insert.ts';
import type { Person, Place } from './model.ts';
import { nameOrigins, neutralFirstNames, type NameOrigin } from './names.ts';
import { freeNumber, town, type Places } from './places.ts';
import type { TeamKey, World } from './world.ts';
import { emptyReasons, keyInformation, reasons, teamReasons } from './wording.ts';

/** How many people each team holds: mostly the ASB, community safety, tenancy and IDVA teams. */
const teamSizes: [TeamKey, number][] = [
  ['policeAsb', 105], ['councilSafety', 70], ['housing', 55], ['idva', 35], ['policeIom', 20], ['neighbourhood', 10], ['environmentalHealth', 5],
];

const ordinaryRoles: [ProfileRole, number][] = [['victim', 40], ['perpetrator', 30], ['witness', 14], ['vulnerable_person', 9], ['family_member', 7]];
const rolesOf: Partial<Record<TeamKey, [ProfileRole, number][]>> = {
  idva: [['victim', 70], ['perpetrator', 25], ['family_member', 5]],
  policeIom: [['perpetrator', 1]],
  environmentalHealth: [['victim', 3], ['perpetrator', 2]],
};

const genderWeights: [Gender, number][] = [['female', 45], ['male', 44], ['transgender', 2], ['non_binary', 2], ['prefer_not_to_say', 4], ['not_known', 3]];

/** Ages by the dashboards' bands, as lower and upper years. */
const ageBands: [[number, number], number][] = [[[8, 17], 8], [[18, 24], 17], [[25, 34], 21], [[35, 44], 18], [[45, 54], 14], [[55, 64], 11], [[65, 92], 11]];

const vulnerabilityKeys = ['intimidated', 'mental-health', 'age', 'repeat-victim', 'physical-disability', 'illness', 'family', 'isolated', 'prescribed-medication', 'sleep-deprivation', 'learning-disability'];
const perpetratorMarkers: [string, number][] = [['violence', 5], ['drugs', 4], ['weapons', 2], ['dangerous-dog', 2], ['visit-in-pairs', 3], ['dishonesty', 2], ['firearms', 1]];

interface Household {
  first: Person;
  firstAge: number;
  origin: NameOrigin;
}

/** How a newcomer to a household is related to its first member: from the first unless the newcomer is the parent. */
function relationshipTo(world: World, household: Household, age: number): { kind: RelationshipKind; fromNewcomer: boolean } {
  const child = age < 18;
  const firstChild = household.firstAge < 18;
  if (child !== firstChild) return { kind: 'parent', fromNewcomer: firstChild };
  if (child) return { kind: 'sibling', fromNewcomer: false };
  return { kind: world.random.weighted<RelationshipKind>([['partner', 5], ['sibling', 2], ['family_member', 2]]), fromNewcomer: false };
}

function genderFor(world: World, team: TeamKey, role: ProfileRole): Gender {
  if (team === 'idva') return role === 'victim' ? world.random.weighted<Gender>([['female', 88], ['male', 8], ['transgender', 4]]) : world.random.weighted<Gender>([['male', 92], ['female', 8]]);
  if (team === 'policeIom') return world.random.weighted<Gender>([['male', 9], ['female', 1]]);
  return world.random.weighted(genderWeights);
}

function firstNameFor(world: World, gender: Gender, origin: NameOrigin): string {
  const { random } = world;
  if (gender === 'female' || (gender === 'transgender' && random.chance(0.5))) return random.pick(origin.female);
  if (gender === 'male' || gender === 'transgender') return random.pick(origin.male);
  return random.chance(0.5) ? random.pick(neutralFirstNames) : random.pick(random.chance(0.5) ? origin.female : origin.male);
}

function ageFor(world: World, team: TeamKey, role: ProfileRole): number {
  const { random } = world;
  if (team === 'policeIom' || (team === 'idva' && role !== 'family_member')) return random.int(19, 48);
  const [from, to] = random.weighted(ageBands);
  return random.int(from, to);
}

/** What the record knows of their age: a date of birth, an estimate, or nothing. */
function ageFacts(world: World, age: number, createdAt: Date) {
  const { random, clock } = world;
  const known = random.weighted<'dob' | 'estimate' | 'unknown'>([['dob', 75], ['estimate', 12], ['unknown', 13]]);
  if (known === 'dob') return { dateOfBirth: clock.daysAgo(age * 365 + Math.floor(age / 4) + random.int(0, 364)), approximateAge: null, approximateAgeOn: null };
  if (known === 'estimate') return { dateOfBirth: null, approximateAge: age, approximateAgeOn: clock.dateOf(createdAt) };
  return { dateOfBirth: null, approximateAge: null, approximateAgeOn: null };
}

function reasonFor(world: World, team: TeamKey, role: ProfileRole, street: string, unexplained: boolean): string {
  const { random } = world;
  if (unexplained) return random.pick(emptyReasons);
  if (team === 'idva' && role === 'victim') return random.pick(teamReasons.idvaVictim);
  if (team === 'idva' && role === 'perpetrator') return random.pick(teamReasons.idvaPerpetrator);
  if (team === 'policeIom') return random.pick(teamReasons.iom);
  return random.pick(reasons[role]).replace('{street}', street);
}

export interface People {
  people: Person[];
  names: number;
  addresses: number;
}

/**
 * The profiles with their names (and the search forms the profiles module writes), addresses
 * (linked to the location at the same address, as the app links them), vulnerabilities, warning
 * markers and the relationships of people who live together.
 */
export async function seedPeople(tx: Tx, world: World, { homes, streets }: Places): Promise<People> {
  const { random, clock } = world;
  const people: Person[] = [];
  const profileRows: (typeof profiles.$inferInsert)[] = [];
  const nameRows: PgInsertValue<typeof profileNames>[] = [];
  const addressRows: (typeof profileAddresses.$inferInsert)[] = [];
  const vulnerabilityRows: (typeof profileVulnerabilities.$inferInsert)[] = [];
  const markerRows: (typeof profileWarningMarkers.$inferInsert)[] = [];
  const relationshipRows: (typeof profileRelationships.$inferInsert)[] = [];
  const households = new Map<string, Household>();
  const streetAddress = (street: (typeof streets)[number]) => ({ addressLine1: `${freeNumber(world, street)} ${street.name}`, postcode: street.postcode });

  for (const [team, size] of teamSizes) {
    for (let i = 0; i < size; i++) {
      const role = random.weighted(rolesOf[team] ?? ordinaryRoles);
      const roles: ProfileRole[] = [role];
      if (role === 'victim' && random.chance(0.15)) roles.push('vulnerable_person');
      if (role === 'perpetrator' && team !== 'policeIom' && random.chance(0.06)) roles.push('victim');
      // More people were recorded early on than lately, so that the cases of any month have people to be about.
      const createdAt = clock.at(clock.daysAgo(728 - Math.round(708 * random.next() ** 2)), random.int(8, 18), random.int(0, 59));
      const createdBy = random.pick(world.workers[team]).id;
      const gender = genderFor(world, team, role);
      const age = ageFor(world, team, role);
      const where = random.weighted<'home' | 'street' | 'none'>([['home', 55], ['street', 25], ['none', 20]]);
      const home: Place | null = where === 'home' ? random.pick(homes) : null;
      const household = home ? households.get(home.id) : undefined;
      const family = household && random.chance(0.7) ? household : null;
      const origin = family?.origin ?? random.weighted(nameOrigins.map((o) => [o, o.weight] as const));
      const lastName = family?.first.lastName ?? random.pick(origin.last);
      const firstName = firstNameFor(world, gender, origin);
      // Over half the records say nothing of ethnicity, as the Derbyshire review found.
      const ethnicityKey = random.chance(0.5) ? null : random.weighted(origin.ethnicities);
      const street = home?.addressLine1.replace(/^\d+ /, '') ?? random.pick(streets).name;
      const person: Person = {
        id: random.id(createdAt), team, createdAt, createdBy, firstName, lastName, roles, homeId: home?.id ?? null, unexplained: random.chance(0.07),
        calls: roles.includes('victim') ? random.weighted([[1, 6], [2, 3], [4, 1]]) : 0,
        riskLevel: null,
        childRelative: false,
      };
      people.push(person);
      profileRows.push({
        id: person.id,
        partnershipId: world.partnershipId,
        ownerTeamId: world.teams[team].id,
        firstName,
        lastName,
        ...ageFacts(world, age, createdAt),
        gender,
        ethnicityId: ethnicityKey ? world.lookup('ethnicity', ethnicityKey) : null,
        phone: random.chance(0.6) ? `07700 900${String(random.int(0, 999)).padStart(3, '0')}` : null,
        email: random.chance(0.2) ? `${`${firstName}.${lastName}`.normalize('NFKD').replace(/[^A-Za-z.]/g, '').toLowerCase()}@example.com` : null,
        roles,
        keyInformation: random.chance(0.2) ? random.pick(keyInformation) : null,
        reasonCreated: reasonFor(world, team, role, street, person.unexplained),
        createdBy,
        createdAt,
        updatedAt: createdAt,
      });
      nameRows.push({
        profileId: person.id,
        partnershipId: world.partnershipId,
        kind: 'name',
        firstName,
        lastName,
        searchName: sql`lower(unaccent(${firstName}::text || ' ' || ${lastName}::text))`,
        firstSound: sql`name_sound(${firstName}::text)`,
        lastSound: sql`name_sound(${lastName}::text)`,
      });
      const movedIn = clock.daysAgo(random.int(800, 4000));
      if (home) {
        addressRows.push({ profileId: person.id, locationId: home.id, addressLine1: home.addressLine1, town, postcode: home.postcode, fromDate: movedIn });
        if (household) {
          const { kind, fromNewcomer } = relationshipTo(world, household, age);
          const [from, to] = fromNewcomer ? [person.id, household.first.id] : [household.first.id, person.id];
          if (age < 18) household.first.childRelative = true;
          if (household.firstAge < 18) person.childRelative = true;
          relationshipRows.push({ fromProfileId: from, toProfileId: to, kind, createdBy, createdAt: new Date(Math.max(createdAt.getTime(), household.first.createdAt.getTime())) });
        } else {
          households.set(home.id, { first: person, firstAge: age, origin });
        }
      } else if (where === 'street') {
        addressRows.push({ profileId: person.id, ...streetAddress(random.pick(streets)), town, fromDate: movedIn });
      }
      if (where !== 'none' && random.chance(0.1)) {
        addressRows.push({ profileId: person.id, ...streetAddress(random.pick(streets)), town, fromDate: clock.daysAgo(random.int(4100, 6000)), toDate: movedIn });
      }
      const vulnerable = roles.includes('victim') || roles.includes('vulnerable_person');
      const vulnerabilities = vulnerable ? random.sample(vulnerabilityKeys, random.weighted([[0, 3], [1, 4], [2, 3], [3, 1]])) : [];
      for (const key of vulnerabilities) vulnerabilityRows.push({ profileId: person.id, lookupId: world.lookup('vulnerability', key) });
      const markers = role === 'perpetrator' && random.chance(0.55)
        ? [...new Set([random.weighted(perpetratorMarkers), random.weighted(perpetratorMarkers)].slice(0, random.int(1, 2)))]
        : roles.includes('vulnerable_person') && random.chance(0.3) ? ['self-harm'] : [];
      for (const key of markers) markerRows.push({ profileId: person.id, lookupId: world.lookup('warning_marker', key) });
    }
  }
  // A handful of victims ring about everything: the top callers.
  for (const caller of random.sample(people.filter((p) => p.roles.includes('victim') && p.team !== 'idva' && !p.unexplained), 6)) caller.calls = random.int(25, 45);

  await insertAll(tx, profiles, profileRows);
  await insertAll(tx, profileNames, nameRows);
  await insertAll(tx, profileAddresses, addressRows);
  await insertAll(tx, profileVulnerabilities, vulnerabilityRows);
  await insertAll(tx, profileWarningMarkers, markerRows);
  await insertAll(tx, profileRelationships, relationshipRows);
  return { people, names: nameRows.length, addresses: addressRows.length };
}

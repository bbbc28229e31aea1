import { sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { AccessLevel, LocationKind } from '../../../../shared/records.ts';
import { locationAccess, locations } from '../../schema/index.ts';
import type { Tx } from '../../transaction.ts';
import { insertAll } from './insert.ts';
import type { Partners, Place } from './model.ts';
import type { TeamKey, World } from './world.ts';

/**
 * Ashworth, a made-up town in Demo County: its streets, postcodes and coordinates are invented
 * (around 52.92 N, 1.47 W, in real-looking DE districts) and belong to no real address.
 */
export const town = 'Ashworth';

interface District {
  code: string;
  centre: [number, number];
  streets: string[];
}

const districts: District[] = [
  { code: 'DE1', centre: [52.9227, -1.4764], streets: ['Station Parade', 'Corn Market', 'Friary Street', 'Canal Side', 'Bridge Gate'] },
  { code: 'DE21', centre: [52.9330, -1.4290], streets: ['Hollybrook Way', 'Larkspur Close', 'Kingfisher Walk', 'Sycamore Drive', 'Meadow View'] },
  { code: 'DE22', centre: [52.9290, -1.5010], streets: ['Park Road', 'Tennyson Road', 'Wordsworth Avenue', 'Orchard Rise', 'Bishop\'s Walk'] },
  { code: 'DE23', centre: [52.9010, -1.4880], streets: ['Chapel Street', 'Vicarage Road', 'Mill Lane', 'Prospect Terrace', 'Cedar Avenue'] },
];

/** A street with its postcode and the house numbers the data set has used on it. */
export interface Street {
  name: string;
  district: string;
  postcode: string;
  anchor: [number, number];
  used: Set<number>;
}

interface NamedPlace {
  kind: LocationKind;
  name: string;
  line1: string;
  street: string;
  team: TeamKey;
  trouble: number;
  /** Teams the owner shares it with, and how. */
  shared?: [TeamKey, AccessLevel][];
}

/** The hotspots (a park, a shop parade, a pub, an estate's play area, the bus station) first, then quieter places. */
const namedPlaces: NamedPlace[] = [
  { kind: 'public_space', name: 'Ashworth Recreation Ground', line1: 'Park Road', street: 'Park Road', team: 'councilSafety', trouble: 30, shared: [['policeAsb', 'edit'], ['neighbourhood', 'view']] },
  { kind: 'business', name: 'Station Parade shops', line1: '1-14 Station Parade', street: 'Station Parade', team: 'policeAsb', trouble: 24, shared: [['councilSafety', 'edit']] },
  { kind: 'premises', name: 'The Red Lion', line1: '48 Chapel Street', street: 'Chapel Street', team: 'policeAsb', trouble: 18, shared: [['councilSafety', 'view'], ['environmentalHealth', 'view']] },
  { kind: 'public_space', name: 'Hollybrook play area', line1: 'Hollybrook Way', street: 'Hollybrook Way', team: 'housing', trouble: 12, shared: [['policeAsb', 'view']] },
  { kind: 'public_space', name: 'Ashworth bus station', line1: 'Bridge Gate', street: 'Bridge Gate', team: 'councilSafety', trouble: 8, shared: [['policeAsb', 'view']] },
  { kind: 'business', name: 'Parade Stores', line1: '9 Station Parade', street: 'Station Parade', team: 'policeAsb', trouble: 3 },
  { kind: 'business', name: 'Golden Dragon takeaway', line1: '12 Station Parade', street: 'Station Parade', team: 'policeAsb', trouble: 2 },
  { kind: 'business', name: 'Ashworth Tyres and Exhausts', line1: '3 Mill Lane', street: 'Mill Lane', team: 'councilSafety', trouble: 1 },
  { kind: 'business', name: 'Canal Side Car Wash', line1: '2 Canal Side', street: 'Canal Side', team: 'councilSafety', trouble: 1 },
  { kind: 'business', name: 'Corn Market Vape Shop', line1: '17 Corn Market', street: 'Corn Market', team: 'councilSafety', trouble: 2 },
  { kind: 'premises', name: 'Ashworth Community Centre', line1: '20 Tennyson Road', street: 'Tennyson Road', team: 'councilSafety', trouble: 2 },
  { kind: 'premises', name: 'The Kingfisher', line1: '1 Kingfisher Walk', street: 'Kingfisher Walk', team: 'policeAsb', trouble: 3 },
  { kind: 'premises', name: 'St Alkmund\'s church hall', line1: '5 Friary Street', street: 'Friary Street', team: 'councilSafety', trouble: 1 },
  { kind: 'public_space', name: 'Canal towpath', line1: 'Canal Side', street: 'Canal Side', team: 'councilSafety', trouble: 3 },
  { kind: 'public_space', name: 'Riverside car park', line1: 'Bridge Gate', street: 'Bridge Gate', team: 'councilSafety', trouble: 2 },
  { kind: 'public_space', name: 'Larkspur Close garages', line1: 'Larkspur Close', street: 'Larkspur Close', team: 'housing', trouble: 3 },
  { kind: 'public_space', name: 'Mill Lane allotments', line1: 'Mill Lane', street: 'Mill Lane', team: 'councilSafety', trouble: 1 },
  { kind: 'public_space', name: 'Cedar Avenue underpass', line1: 'Cedar Avenue', street: 'Cedar Avenue', team: 'councilSafety', trouble: 2 },
];

const homes = 62;
const inwardLetters = 'ABDEFGHJLNPQRSTUWXYZ';

const round = (n: number) => Math.round(n * 1e6) / 1e6;

function streetsOf(world: World): Street[] {
  const { random } = world;
  return districts.flatMap((d) => d.streets.map((name) => ({
    name,
    district: d.code,
    postcode: `${d.code} ${random.int(1, 9)}${random.pick([...inwardLetters])}${random.pick([...inwardLetters])}`,
    anchor: [d.centre[0] + (random.next() - 0.5) * 0.014, d.centre[1] + (random.next() - 0.5) * 0.02] as [number, number],
    used: new Set<number>(),
  })));
}

/** A house number on the street not yet used, so that no two addresses collide by accident. */
export function freeNumber(world: World, street: Street): number {
  for (;;) {
    const n = world.random.int(1, 140);
    if (!street.used.has(n)) {
      street.used.add(n);
      return n;
    }
  }
}

export interface Places {
  places: Place[];
  homes: Place[];
  streets: Street[];
  partners: Partners;
  shares: number;
}

/** The locations, with coordinates and the search text the locations module writes, and their sharing. */
export async function seedPlaces(tx: Tx, world: World): Promise<Places> {
  const { random, clock } = world;
  const streets = streetsOf(world);
  const streetNamed = (name: string) => streets.find((s) => s.name === name)!;
  const rows: PgInsertValue<typeof locations>[] = [];
  const places: Place[] = [];
  const near = (anchor: [number, number], spread: number): [number, number] =>
    [round(anchor[0] + (random.next() - 0.5) * spread), round(anchor[1] + (random.next() - 0.5) * spread * 1.6)];
  const add = (p: Omit<Place, 'id' | 'createdAt'>, street: Street, position: [number, number], daysAgo: number) => {
    const createdAt = clock.at(clock.daysAgo(daysAgo), random.int(8, 17), random.int(0, 59));
    const place: Place = { ...p, id: random.id(createdAt), createdAt };
    const values = { name: p.name, addressLine1: p.addressLine1, town, postcode: street.postcode };
    places.push(place);
    rows.push({
      id: place.id,
      partnershipId: world.partnershipId,
      ownerTeamId: world.teams[p.team].id,
      kind: p.kind,
      ...values,
      latitude: position[0],
      longitude: position[1],
      searchText: sql`lower(unaccent(concat_ws(' ', ${values.name}::text, ${values.addressLine1}::text, null::text, ${values.town}::text, ${values.postcode}::text)))`,
      createdBy: random.pick(world.workers[p.team]).id,
      createdAt,
      updatedAt: createdAt,
    });
  };
  for (const n of namedPlaces) {
    const street = streetNamed(n.street);
    const number = Number.parseInt(n.line1, 10);
    if (!Number.isNaN(number)) street.used.add(number);
    add({ kind: n.kind, name: n.name, addressLine1: n.line1, postcode: street.postcode, team: n.team, trouble: n.trouble }, street, near(street.anchor, 0.003), random.int(700, 729));
  }
  const residential = streets.filter((s) => s.district !== 'DE1' || s.name === 'Friary Street');
  for (let i = 0; i < homes; i++) {
    const street = random.pick(residential);
    const team = street.district === 'DE21' ? random.weighted<TeamKey>([['housing', 6], ['policeAsb', 2], ['councilSafety', 2]]) : random.weighted<TeamKey>([['policeAsb', 4], ['councilSafety', 4], ['housing', 2]]);
    const line1 = `${freeNumber(world, street)} ${street.name}`;
    add({ kind: 'home', name: null, addressLine1: line1, postcode: street.postcode, team, trouble: 0 }, street, near(street.anchor, 0.0025), random.int(30, 720));
  }
  await insertAll(tx, locations, rows);

  const partners: Partners = new Map();
  const access: (typeof locationAccess.$inferInsert)[] = [];
  namedPlaces.forEach((n, i) => {
    const place = places[i]!;
    for (const [team, level] of n.shared ?? []) {
      access.push({ recordId: place.id, teamId: world.teams[team].id, level, source: 'share', grantedBy: random.pick(world.workers[place.team]).id, grantedAt: place.createdAt });
      partners.set(place.id, [...(partners.get(place.id) ?? []), team]);
    }
  });
  await insertAll(tx, locationAccess, access);
  return { places, homes: places.filter((p) => p.kind === 'home'), streets, partners, shares: access.length };
}

import type pg from 'pg';
import { uuidv7 } from 'uuidv7';
import type { OrganisationKind } from '../../src/shared/roles.ts';
import { areas, type Area } from '../data/places.ts';

export interface Scale {
  profiles: number;
  cases: number;
  locations: number;
  partnerships: number;
}

interface GeneratedOrganisation {
  suffix: string;
  kind: OrganisationKind;
  teams: string[];
}

const generatedOrganisations: GeneratedOrganisation[] = [
  { suffix: 'Police', kind: 'police', teams: ['ASB team', 'IOM team', 'Neighbourhood policing'] },
  { suffix: 'Council', kind: 'council', teams: ['Community Safety team', 'Environmental Health'] },
  { suffix: 'Homes', kind: 'housing', teams: ['Tenancy team'] },
  { suffix: 'Fire and Rescue Service', kind: 'fire', teams: ['Community Safety team'] },
  { suffix: 'Probation Service', kind: 'probation', teams: ['Offender Management team'] },
  { suffix: "Women's Aid", kind: 'victim_services', teams: ['IDVA team'] },
];

/** How much of a partnership's record each kind of team holds: the police ASB team the most. */
const teamWeights: Record<string, number> = {
  'police/ASB team': 6,
  'police/IOM team': 2,
  'police/Neighbourhood policing': 3,
  'council/Community Safety team': 5,
  'council/Environmental Health': 1,
  'housing/Tenancy team': 3,
  'fire/Community Safety team': 1,
  'probation/Offender Management team': 2,
  'victim_services/IDVA team': 1,
};

const caseTypeWeights: Record<string, number> = {
  asb: 10, iom: 2, 'troubled-families': 1, marac: 2, 'community-marac': 1, channel: 1, 'modern-slavery-operation': 1,
  pathfinder: 1, 'neighbourhood-plan': 1, 'rough-sleepers': 2, licensing: 1, 'hate-crime': 2, 'vulnerable-person': 3,
};

/** Most people on a record in the English Midlands and North are recorded as White British. */
const ethnicityWeight = (key: string) => (key.startsWith('english') ? 20 : key === 'not-known' ? 3 : 1);

/** Demo County is a big county: twice the share of the others, so the bench user sees plenty. */
const partnershipWeight = (index: number) => (index === 0 ? 2 : 1);

function areaFor(index: number): Area {
  const area = areas[index % areas.length]!;
  const round = Math.floor(index / areas.length);
  return round === 0 ? area : { ...area, county: `${area.county} ${round + 1}` };
}

function repeatByWeight<T>(items: { value: T; weight: number }[]): T[] {
  return items.flatMap((i) => Array<T>(i.weight).fill(i.value));
}

/** Splits 1..total into consecutive ranges in proportion to the partnerships' weights. */
function ranges(total: number, count: number): [number, number][] {
  const weights = Array.from({ length: count }, (_, i) => partnershipWeight(i));
  const sum = weights.reduce((a, b) => a + b, 0);
  let start = 1;
  let cumulative = 0;
  return weights.map((w) => {
    cumulative += w;
    const end = Math.round((cumulative / sum) * total);
    const range: [number, number] = [start, end];
    start = end + 1;
    return range;
  });
}

/** Adds the generated partnerships, with their organisations and teams, beside the two demo ones. */
export async function createPartnerships(client: pg.PoolClient, scale: Scale): Promise<string[]> {
  const demo = await client.query<{ id: string; name: string }>(
    `select id, name from partnerships where name in ('Demo County Community Safety Partnership', 'Neighbouring County') order by name <> 'Demo County Community Safety Partnership'`,
  );
  const partnershipIds = demo.rows.map((r) => r.id);
  for (let i = 2; i < scale.partnerships; i++) {
    const area = areaFor(i);
    const partnershipId = uuidv7();
    await client.query('insert into partnerships (id, name) values ($1, $2)', [partnershipId, `${area.county} Community Safety Partnership`]);
    for (const o of generatedOrganisations) {
      const organisationId = uuidv7();
      await client.query('insert into organisations (id, partnership_id, name, kind) values ($1, $2, $3, $4)', [organisationId, partnershipId, `${area.county} ${o.suffix}`, o.kind]);
      for (const team of o.teams) await client.query('insert into teams (id, organisation_id, name) values ($1, $2, $3)', [uuidv7(), organisationId, team]);
    }
    partnershipIds.push(partnershipId);
  }
  return partnershipIds;
}

/**
 * Records, per partnership, everything the set-based loaders pick from (teams weighted by how
 * much they hold, lookups, towns, the row-number ranges of its profiles, cases and locations) in
 * the session's temporary table `bench_partnerships`.
 */
export async function describePartnerships(client: pg.PoolClient, scale: Scale, partnershipIds: string[]): Promise<void> {
  // The arrays are picked from once per generated row: kept in the row rather than compressed
  // out of line (toast_tuple_target), each pick is an index into memory, not a decompression.
  await client.query(`create temporary table bench_partnerships (
    idx int, id uuid, demo boolean,
    p_lo bigint, p_hi bigint, c_lo bigint, c_hi bigint, l_lo bigint, l_hi bigint,
    teams uuid[], team_orgs uuid[], all_teams uuid[], all_orgs uuid[],
    ethnicities uuid[], vulnerabilities uuid[], markers uuid[], interventions uuid[],
    case_types uuid[], case_codes text[], towns text[], postcode_area text, latitude float8, longitude float8
  ) with (toast_tuple_target = 8160)`);

  const profileRanges = ranges(scale.profiles, partnershipIds.length);
  const caseRanges = ranges(scale.cases, partnershipIds.length);
  const locationRanges = ranges(scale.locations, partnershipIds.length);
  for (const [index, partnershipId] of partnershipIds.entries()) {
    const { rows: teams } = await client.query<{ id: string; organisation_id: string; kind: string; name: string }>(
      `select t.id, t.organisation_id, o.kind, t.name from teams t join organisations o on o.id = t.organisation_id
        where o.partnership_id = $1 and o.kind <> 'other' order by o.name, t.name`, [partnershipId]);
    const weighted = repeatByWeight(teams.map((t) => ({ value: t, weight: teamWeights[`${t.kind}/${t.name}`] ?? 1 })));
    const { rows: lookups } = await client.query<{ id: string; list: string; key: string; code: string | null }>(
      'select id, list, key, code from lookups where partnership_id = $1 and active order by position', [partnershipId]);
    const list = (name: string) => lookups.filter((l) => l.list === name);
    const caseTypes = repeatByWeight(list('case_type').map((l) => ({ value: l, weight: caseTypeWeights[l.key] ?? 1 })));
    const area = areaFor(index);
    await client.query(
      `insert into bench_partnerships values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)`,
      [
        index, partnershipId, index === 0,
        ...profileRanges[index]!, ...caseRanges[index]!, ...locationRanges[index]!,
        weighted.map((t) => t.id), weighted.map((t) => t.organisation_id),
        teams.map((t) => t.id), [...new Set(teams.map((t) => t.organisation_id))],
        repeatByWeight(list('ethnicity').map((l) => ({ value: l.id, weight: ethnicityWeight(l.key) }))),
        list('vulnerability').map((l) => l.id), list('warning_marker').map((l) => l.id), list('intervention').map((l) => l.id),
        caseTypes.map((l) => l.id), caseTypes.map((l) => l.code ?? 'CASE'),
        area.towns, area.postcodeArea, area.latitude, area.longitude,
      ],
    );
  }
}

import type { AccessLevel } from '../../../../shared/records.ts';
import { locationAccess, profileAccess } from '../../schema/index.ts';
import type { Tx } from '../../transaction.ts';
import { defaultSharing } from './cases.ts';
import { insertAll } from './insert.ts';
import type { CaseFile, Partners, Person } from './model.ts';
import type { TeamKey, World } from './world.ts';

const partnerTeams: TeamKey[] = ['policeAsb', 'councilSafety', 'housing', 'neighbourhood', 'probation'];

interface Grant {
  recordId: string;
  owner: TeamKey;
  team: TeamKey;
  level: AccessLevel;
  at: Date;
  by: string;
}

/** Grants by record and team: the owning team always has edit, and a second grant only ever raises the level. */
function grants(partners: Partners) {
  const held = new Map<string, Grant>();
  return {
    held,
    give(g: Grant) {
      if (g.team === g.owner || partners.get(g.recordId)?.includes(g.team)) return;
      const key = `${g.recordId}/${g.team}`;
      const before = held.get(key);
      if (!before || (before.level === 'view' && g.level === 'edit')) held.set(key, { ...g, at: before?.at ?? g.at });
    },
  };
}

const rowOf = (g: Grant, world: World) => ({ recordId: g.recordId, teamId: world.teams[g.team].id, level: g.level, source: 'share' as const, grantedBy: g.by, grantedAt: g.at });

/**
 * Who else may open each person and place. A case's team could open everyone and everywhere it
 * linked (linking needs it), so they were shared with it first. Most people on a case whose type
 * is shared by default are shared as it expects; some are not, or only to view, which compliance
 * monitoring shows. Some others are shared by hand; IDVA clients are kept to their team.
 */
export async function seedSharing(tx: Tx, world: World, people: Person[], files: CaseFile[], placePartners: Partners): Promise<{ partners: Partners; profileShares: number; locationShares: number }> {
  const { random } = world;
  const profiles = grants(new Map());
  const locations = grants(placePartners);
  for (const c of files) {
    const before = new Date(c.openedAt.getTime() - 60 * 60_000);
    for (const { person } of c.people) profiles.give({ recordId: person.id, owner: person.team, team: c.team, level: 'view', at: before, by: person.createdBy });
    for (const place of c.places) locations.give({ recordId: place.id, owner: place.team, team: c.team, level: 'view', at: before, by: world.workers[place.team][0]!.id });
    for (const [team, level] of defaultSharing[c.typeKey] ?? []) {
      for (const { person } of c.people) {
        const done = random.weighted<'as expected' | 'view only' | 'not shared'>([['as expected', 82], ['view only', 6], ['not shared', 12]]);
        if (done !== 'not shared') profiles.give({ recordId: person.id, owner: person.team, team, level: done === 'view only' ? 'view' : level, at: new Date(c.openedAt.getTime() + 10 * 60_000), by: c.leadId });
      }
    }
  }
  for (const person of people) {
    if (person.team !== 'idva' && random.chance(0.12)) {
      profiles.give({ recordId: person.id, owner: person.team, team: random.pick(partnerTeams), level: random.weighted<AccessLevel>([['view', 3], ['edit', 1]]), at: new Date(person.createdAt.getTime() + 86_400_000), by: person.createdBy });
    }
  }
  const partners: Partners = new Map(placePartners);
  for (const g of [...profiles.held.values(), ...locations.held.values()]) partners.set(g.recordId, [...(partners.get(g.recordId) ?? []), g.team]);
  await insertAll(tx, profileAccess, [...profiles.held.values()].map((g) => rowOf(g, world)));
  await insertAll(tx, locationAccess, [...locations.held.values()].map((g) => rowOf(g, world)));
  return { partners, profileShares: profiles.held.size, locationShares: locations.held.size };
}


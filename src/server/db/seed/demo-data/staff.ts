import type { AuditEntry } from '../../../platform/audit/actions.ts';
import { users } from '../../schema/index.ts';
import type { Tx } from '../../transaction.ts';
import { insertAll } from './insert.ts';
import type { TeamKey, World, Worker } from './world.ts';

/** The demo accounts who do the work of their teams (the administrators keep to administration). */
const demoWorkers: { email: string; team: TeamKey }[] = [
  { email: 'police.asb.lead@concord.test', team: 'policeAsb' },
  { email: 'police.asb@concord.test', team: 'policeAsb' },
  { email: 'council.asb@concord.test', team: 'councilSafety' },
  { email: 'housing@concord.test', team: 'housing' },
];

/**
 * Their colleagues, so that every team the data set works in has someone to write its reports.
 * They have no password and no authenticator: nobody signs in as them.
 */
const colleagues: { name: string; email: string; jobTitle: string; team: TeamKey }[] = [
  { name: 'Daniel Okafor', email: 'daniel.okafor@concord.test', jobTitle: 'ASB officer', team: 'policeAsb' },
  { name: 'Gareth Lloyd', email: 'gareth.lloyd@concord.test', jobTitle: 'IOM officer', team: 'policeIom' },
  { name: 'Aisha Rahman', email: 'aisha.rahman@concord.test', jobTitle: 'Police community support officer', team: 'neighbourhood' },
  { name: 'Kwame Mensah', email: 'kwame.mensah@concord.test', jobTitle: 'Community safety officer', team: 'councilSafety' },
  { name: 'Rhys Pritchard', email: 'rhys.pritchard@concord.test', jobTitle: 'Environmental health officer', team: 'environmentalHealth' },
  { name: 'Siobhán O\'Neill', email: 'siobhan.oneill@concord.test', jobTitle: 'Tenancy enforcement officer', team: 'housing' },
  { name: 'Liam Doherty', email: 'liam.doherty@concord.test', jobTitle: 'Fire safety advocate', team: 'fire' },
  { name: 'Hannah Fletcher', email: 'hannah.fletcher@concord.test', jobTitle: 'Probation officer', team: 'probation' },
  { name: 'Nadia Kowalczyk', email: 'nadia.kowalczyk@concord.test', jobTitle: 'Independent domestic violence adviser', team: 'idva' },
  { name: 'Zoë Adeyemi', email: 'zoe.adeyemi@concord.test', jobTitle: 'Independent domestic violence adviser', team: 'idva' },
];

/** Adds the colleagues and fills in each team's workers. */
export async function seedStaff(tx: Tx, world: World, userId: (email: string) => string): Promise<AuditEntry[]> {
  const joined = world.clock.at(world.clock.daysAgo(760), 9);
  const rows = colleagues.map((c) => ({
    id: world.random.id(joined),
    teamId: world.teams[c.team].id,
    email: c.email,
    name: c.name,
    role: 'practitioner' as const,
    jobTitle: c.jobTitle,
    createdAt: joined,
    updatedAt: joined,
  }));
  await insertAll(tx, users, rows);
  const add = (id: string, team: TeamKey) => {
    const worker: Worker = { id, team, teamId: world.teams[team].id, organisationId: world.teams[team].organisationId };
    world.workers[team].push(worker);
  };
  for (const d of demoWorkers) add(userId(d.email), d.team);
  colleagues.forEach((c, i) => add(rows[i]!.id, c.team));
  return colleagues.map((c, i) => ({
    action: 'user.created' as const,
    entityType: 'user' as const,
    entityId: rows[i]!.id,
    subjectOrganisationId: world.teams[c.team].organisationId,
    subjectTeamId: world.teams[c.team].id,
    details: { email: c.email, role: 'practitioner' as const, seed: 'demo' as const },
  }));
}

import type { OrganisationKind, Role } from '../../../shared/roles.ts';
import type { Database } from '../connection.ts';
import { organisations, partnerships, teams, users } from '../schema/index.ts';
import { encrypt } from '../../platform/auth/crypto.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { londonToday } from '../../platform/london.ts';
import { seedDemoData } from './demo-data/index.ts';
import { seedDemoClient } from './demo-portal.ts';
import { seedDemoPanels } from './demo-panels.ts';
import { seedDemoReferralForms } from './demo-referrals.ts';
import { seedDemoSchemes } from './demo-schemes.ts';
import { ensurePartnershipDefaults } from './partnership-defaults.ts';
import { writeAuditEvents } from '../../platform/audit/write.ts';

export const demoPassword = 'Concord-demo-1';
export const demoTotpSecret = 'JBSWY3DPEHPK3PXP';

interface DemoOrganisation {
  name: string;
  kind: OrganisationKind;
  teams: string[];
}

interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  organisation: string;
  team: string;
  isSupervisor?: boolean;
  isCoordinator?: boolean;
  schemeLookUp?: boolean;
  jobTitle: string;
}

const demo: { partnership: string; organisations: DemoOrganisation[] }[] = [
  {
    partnership: 'Demo County Community Safety Partnership',
    organisations: [
      { name: 'Demo County Police', kind: 'police', teams: ['ASB team', 'IOM team', 'Neighbourhood policing', 'Keep Safe scheme'] },
      { name: 'Demo District Council', kind: 'council', teams: ['Community Safety team', 'Environmental Health'] },
      { name: 'Demo Housing Association', kind: 'housing', teams: ['Tenancy team'] },
      { name: 'Demo Fire and Rescue Service', kind: 'fire', teams: ['Community Safety team'] },
      { name: 'Demo Probation Service', kind: 'probation', teams: ['Offender Management team'] },
      { name: 'Demo Domestic Abuse Charity', kind: 'victim_services', teams: ['IDVA team'] },
      { name: 'Concord Service Desk', kind: 'other', teams: ['System administration'] },
    ],
  },
  {
    partnership: 'Neighbouring County',
    organisations: [
      { name: 'Neighbouring County Police', kind: 'police', teams: ['ASB team'] },
      { name: 'Neighbouring District Council', kind: 'council', teams: ['Community Safety team'] },
    ],
  },
];

export const demoAccounts: DemoAccount[] = [
  { email: 'admin@concord.test', name: 'Sam Administrator', role: 'system_admin', organisation: 'Concord Service Desk', team: 'System administration', jobTitle: 'System administrator' },
  { email: 'police.asb.lead@concord.test', name: 'Priya Shah', role: 'team_admin', organisation: 'Demo County Police', team: 'ASB team', isSupervisor: true, isCoordinator: true, schemeLookUp: true, jobTitle: 'ASB sergeant' },
  { email: 'police.asb@concord.test', name: 'Tom Wright', role: 'practitioner', organisation: 'Demo County Police', team: 'ASB team', jobTitle: 'ASB officer' },
  { email: 'police.admin@concord.test', name: 'Helen Ford', role: 'organisation_admin', organisation: 'Demo County Police', team: 'ASB team', jobTitle: 'Systems manager' },
  { email: 'council.asb@concord.test', name: 'Jo Evans', role: 'practitioner', organisation: 'Demo District Council', team: 'Community Safety team', jobTitle: 'ASB coordinator' },
  { email: 'housing@concord.test', name: 'Marcus Bell', role: 'practitioner', organisation: 'Demo Housing Association', team: 'Tenancy team', jobTitle: 'Housing officer' },
  { email: 'other.police@concord.test', name: 'Alex Morgan', role: 'practitioner', organisation: 'Neighbouring County Police', team: 'ASB team', jobTitle: 'ASB officer' },
];

/** True when the database has no partnership yet: the first start of a new installation. */
export async function isEmpty(database: Database): Promise<boolean> {
  const { rows } = await database.pool.query('select exists (select 1 from partnerships) as any');
  return !rows[0].any;
}

export interface DemoOptions {
  /** Whether Demo County also gets its data set (CONCORD_DEMO_DATA), or only the accounts and settings. */
  dataSet: boolean;
  /** The London day the data set counts back from: today, unless a test fixes it. */
  today?: string;
}

/**
 * Seeds the demo partnerships and accounts of API.md in one transaction, recorded in the audit
 * trail, and with `dataSet` Demo County's made-up data set (demo-data/).
 */
export async function seedDemo(database: Database, secretKey: Buffer, options: DemoOptions): Promise<void> {
  const passwordHash = await hashPassword(demoPassword);
  await database.db.transaction(async (tx) => {
    const teamIds = new Map<string, { id: string; organisationId: string }>();
    const partnershipIds = new Map<string, string>();
    const organisationIds = new Map<string, string>();
    const userIds = new Map<string, string>();
    const audit: Parameters<typeof writeAuditEvents>[3] = [];
    for (const p of demo) {
      const [partnership] = await tx.insert(partnerships).values({ name: p.partnership }).returning();
      await ensurePartnershipDefaults(tx, partnership!.id);
      partnershipIds.set(p.partnership, partnership!.id);
      audit.push({ action: 'partnership.created', entityType: 'partnership', entityId: partnership!.id, details: { name: p.partnership, seed: 'demo' } });
      for (const o of p.organisations) {
        const [organisation] = await tx.insert(organisations).values({ partnershipId: partnership!.id, name: o.name, kind: o.kind }).returning();
        organisationIds.set(o.name, organisation!.id);
        audit.push({ action: 'organisation.created', entityType: 'organisation', entityId: organisation!.id, subjectOrganisationId: organisation!.id, details: { name: o.name, seed: 'demo' } });
        for (const t of o.teams) {
          const [team] = await tx.insert(teams).values({ organisationId: organisation!.id, name: t }).returning();
          teamIds.set(`${o.name}/${t}`, { id: team!.id, organisationId: organisation!.id });
          audit.push({ action: 'team.created', entityType: 'team', entityId: team!.id, subjectOrganisationId: organisation!.id, subjectTeamId: team!.id, details: { name: t, seed: 'demo' } });
        }
      }
    }
    const now = new Date();
    for (const a of demoAccounts) {
      const { id: teamId, organisationId } = teamIds.get(`${a.organisation}/${a.team}`)!;
      const [user] = await tx
        .insert(users)
        .values({
          teamId,
          email: a.email,
          name: a.name,
          role: a.role,
          isSupervisor: a.isSupervisor ?? false,
          isCoordinator: a.isCoordinator ?? false,
          schemeLookUp: a.schemeLookUp ?? false,
          jobTitle: a.jobTitle,
          passwordHash,
          totpSecret: encrypt(secretKey, demoTotpSecret),
          totpEnrolledAt: now,
        })
        .returning();
      userIds.set(a.email, user!.id);
      audit.push({ action: 'user.created', entityType: 'user', entityId: user!.id, subjectOrganisationId: organisationId, subjectTeamId: teamId, details: { email: a.email, role: a.role, seed: 'demo' } });
    }
    audit.push(...await seedDemoPanels(tx, partnershipIds.get(demo[0]!.partnership)!, (name) => organisationIds.get(name)!, (email) => userIds.get(email)!));
    audit.push(...await seedDemoReferralForms(tx, (name) => partnershipIds.get(name)!, (key) => teamIds.get(key)!));
    audit.push(...await seedDemoClient(tx, {
      partnershipId: partnershipIds.get(demo[0]!.partnership)!,
      team: teamIds.get('Demo County Police/ASB team')!,
      keyworkerId: userIds.get('police.asb@concord.test')!,
    }));
    audit.push(...await seedDemoSchemes(tx, {
      partnershipId: partnershipIds.get(demo[0]!.partnership)!,
      team: teamIds.get('Demo County Police/Keep Safe scheme')!,
      keyworkerId: userIds.get('police.asb@concord.test')!,
      today: options.today ?? londonToday(),
    }));
    if (options.dataSet) {
      audit.push(...await seedDemoData(tx, {
        partnershipId: partnershipIds.get(demo[0]!.partnership)!,
        team: (key) => teamIds.get(key)!,
        userId: (email) => userIds.get(email)!,
        today: options.today ?? londonToday(),
      }));
    }
    await writeAuditEvents(tx, { kind: 'system', name: 'Demo seed' }, { ip: null }, audit);
  });
}

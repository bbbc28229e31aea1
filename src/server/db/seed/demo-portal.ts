import { sql } from 'drizzle-orm';
import type { AuditEntry } from '../../platform/audit/actions.ts';
import { portalAccess, profileNames, profiles } from '../schema/index.ts';
import type { Tx } from '../transaction.ts';

/**
 * The demo's client of the portal: a victim the police ASB team holds, whose officer (the demo
 * practitioner) has invited them. Anyone trying the demo signs in at /portal with this address
 * and the code the development outbox holds (Administration → Outbox). No contact plan, so email
 * may be used.
 */
export const demoClient = {
  firstName: 'Sasha',
  lastName: 'Rowntree',
  email: 'client@concord.test',
  reasonCreated: 'Reported repeated anti-social behaviour outside their home',
};

/** Seeds the client in the demo seed's transaction and returns the audit entries. */
export async function seedDemoClient(
  tx: Tx,
  input: { partnershipId: string; team: { id: string; organisationId: string }; keyworkerId: string },
): Promise<AuditEntry[]> {
  const { partnershipId, team, keyworkerId } = input;
  const { firstName, lastName, email, reasonCreated } = demoClient;
  const [profile] = await tx.insert(profiles).values({
    partnershipId, ownerTeamId: team.id, firstName, lastName, email, roles: ['victim'], reasonCreated, createdBy: keyworkerId,
  }).returning({ id: profiles.id });
  // The search forms as the profiles module writes them, so the demo client is found like anyone else.
  await tx.insert(profileNames).values({
    profileId: profile!.id,
    partnershipId,
    kind: 'name',
    firstName,
    lastName,
    searchName: sql`lower(unaccent(${firstName}::text || ' ' || ${lastName}::text))`,
    firstSound: sql`name_sound(${firstName}::text)`,
    lastSound: sql`name_sound(${lastName}::text)`,
  });
  const [access] = await tx.insert(portalAccess).values({
    partnershipId, profileId: profile!.id, email, keyworkerId, teamId: team.id, invitedBy: keyworkerId,
  }).returning({ id: portalAccess.id });
  const subject = { subjectOrganisationId: team.organisationId, subjectTeamId: team.id };
  return [
    {
      action: 'profile.created',
      entityType: 'profile',
      entityId: profile!.id,
      ...subject,
      reason: reasonCreated,
      changes: { firstName: { before: null, after: firstName }, lastName: { before: null, after: lastName }, email: { before: null, after: email }, roles: { before: null, after: ['victim'] } },
    },
    {
      action: 'portal_access.invited',
      entityType: 'portal_access',
      entityId: access!.id,
      ...subject,
      details: { profileId: profile!.id, channels: ['email'], keyworkerId, teamId: team.id, endWithCaseId: null, code: null },
    },
  ];
}

import type { PortalAccess } from '../../../shared/api/portal.ts';
import type { ClientActor } from '../../platform/access/actor.ts';
import type * as q from './queries.ts';

/**
 * The audit subject of what is done with a client's access: the access, and the organisation and
 * team holding the conversation, whose administrators see it.
 */
export const subjectOfAccess = (access: Pick<q.AccessRow, 'id' | 'teamId' | 'teamOrganisationId'>) => ({
  entityType: 'portal_access' as const,
  entityId: access.id,
  subjectOrganisationId: access.teamOrganisationId,
  subjectTeamId: access.teamId,
});

/** The client as an actor, for the audit of their signing in (before the session makes them one). */
export const clientActorOf = (access: Pick<q.AccessRow, 'id' | 'profileId' | 'partnershipId'>, firstName: string): ClientActor => ({
  kind: 'client', id: access.id, name: firstName, profileId: access.profileId, partnershipId: access.partnershipId,
});

export function presentAccess(row: q.PresentedAccessRow): PortalAccess {
  const a = row.access;
  return {
    id: a.id,
    profileId: a.profileId,
    email: a.email,
    mobile: a.mobile,
    keyworker: { id: a.keyworkerId, name: row.keyworkerName },
    team: { id: a.teamId, name: row.teamName },
    invitedAt: a.createdAt.toISOString(),
    endWithCase: row.endWithCase,
    lastSignedInAt: a.lastSignedInAt?.toISOString() ?? null,
    endedAt: a.endedAt?.toISOString() ?? null,
    endReason: a.endReason,
  };
}

import { portalAccess } from '../../db/schema/index.ts';
import { createProfile } from '../../modules/sharing/records.fixtures.ts';
import { makeAgent, type Agent, type TestApp } from '../../test/harness.ts';
import { sha256 } from './crypto.ts';
import { portalCookie, startPortalSession } from './portal-sessions.ts';

/**
 * A client in the portal for the platform's own tests, before and apart from the portal module's
 * sign-in: a profile made by a police practitioner, access written straight into the table, and a
 * session started directly. The agent carries the portal cookie and the CSRF header, as the portal
 * page would.
 */
export async function clientAgent(t: TestApp, input: { staff?: string; accessId?: string } = {}) {
  const accessId = input.accessId ?? (await clientAccess(t, input.staff ?? 'police.asb@concord.test')).accessId;
  const session = await t.database.db.transaction((tx) => startPortalSession(tx, { accessId, ip: null, userAgent: 'portal fixture' }));
  const agent: Agent = makeAgent(t.app, { [portalCookie]: session.token }, { 'x-csrf-token': session.csrfToken });
  return { agent, accessId, tokenHash: sha256(session.token), csrfToken: session.csrfToken };
}

/** Live portal access for a new profile of the staff member's team, invited by them. */
export async function clientAccess(t: TestApp, staff: string): Promise<{ accessId: string; profileId: string; firstName: string }> {
  const keyworker = await t.as(staff);
  const me = (await keyworker.get('/api/v1/me')).json() as { id: string; team: { id: string }; partnership: { id: string } };
  const profile = await createProfile(keyworker, { roles: ['victim'] });
  const [access] = await t.database.db.insert(portalAccess).values({
    partnershipId: me.partnership.id,
    profileId: profile.id,
    email: `${profile.firstName.toLowerCase()}@example.org`,
    keyworkerId: me.id,
    teamId: me.team.id,
    invitedBy: me.id,
  }).returning({ id: portalAccess.id });
  return { accessId: access!.id, profileId: profile.id, firstName: profile.firstName };
}

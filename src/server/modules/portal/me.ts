import type { PortalMe } from '../../../shared/api/portal.ts';
import { portalSession } from '../../../shared/portal.ts';
import type { ClientActor } from '../../platform/access/actor.ts';
import type { Context } from '../../platform/context.ts';
import { UnauthenticatedError } from '../../platform/errors.ts';
import type { Tx } from '../../db/transaction.ts';
import { subjectOfAccess } from './present.ts';
import * as q from './queries.ts';
import { settingsOf } from './settings.ts';

/** Who the client is to the portal, and how the portal presents itself to them. */
export async function presentMe(tx: Tx, access: Pick<q.AccessRow, 'id' | 'partnershipId'>, csrfToken: string): Promise<PortalMe> {
  const facts = (await q.clientFacts(tx, access.id))!;
  const settings = await settingsOf(tx, access.partnershipId);
  return {
    firstName: facts.firstName,
    keyworker: { name: facts.keyworkerName },
    serviceName: settings.serviceName,
    exitUrl: settings.exitUrl,
    unreadMessages: facts.unreadMessages,
    idleMinutes: portalSession.idleMinutes,
    csrfToken,
  };
}

/** The access behind the client's session; ended since the guard looked, their session has ended too. */
export async function accessOfClient(ctx: Context<ClientActor>): Promise<q.AccessRow> {
  const access = await q.accessById(ctx.tx, ctx.actor.id);
  if (!access) throw new UnauthenticatedError('Your session has ended. Please sign in again.', 'session_ended');
  return access;
}

export async function getMe(ctx: Context<ClientActor>, csrfToken: string): Promise<PortalMe> {
  const access = await accessOfClient(ctx);
  ctx.audit({ action: 'portal.me_viewed', ...subjectOfAccess(access) });
  return presentMe(ctx.tx, access, csrfToken);
}

import type { PortalChannel } from '../../../shared/portal.ts';
import type { AnyContext } from '../../platform/context.ts';
import type { Mailer } from '../../platform/notify/types.ts';
import { channelsOf, recipientOf, safeChannels } from './channels.ts';
import * as q from './queries.ts';
import { settingsOf } from './settings.ts';
import { messageWording, reminderWording, type Wording } from './wording.ts';

export interface TellDeps {
  mailer: Mailer;
  /** Links are built from this, never from the request's Host header. */
  publicUrl: () => string;
}

export const portalUrl = (deps: TellDeps) => `${deps.publicUrl()}/portal`;

/** Sends by one channel of the access; the caller has made sure the contact plan marks it safe. */
export async function sendTo(ctx: AnyContext, deps: TellDeps, access: { email: string | null; mobile: string | null }, channel: PortalChannel, wording: Wording): Promise<void> {
  const to = recipientOf(access, channel);
  if (!to) throw new Error(`the access has no ${channel} to send to`);
  if (channel === 'email') await deps.mailer.queueEmail(ctx, { to, subject: wording.subject, body: wording.body, senderName: wording.senderName });
  else await deps.mailer.queueSms(ctx, { to, body: wording.body });
}

export type Tell = { kind: 'message' } | { kind: 'appointment_reminder'; startsAt: Date };

/**
 * The one way anything but a code reaches a client: by email when they gave one and their contact
 * plan marks it safe, else by text on the same terms, else not at all. Returns what it did and
 * which channels the plan ruled out, for the caller to audit. Ended access is told nothing.
 */
export async function tellClient(ctx: AnyContext, deps: TellDeps, accessId: string, what: Tell): Promise<{ channel: PortalChannel | null; withheld: PortalChannel[] }> {
  const access = await q.accessById(ctx.tx, accessId);
  if (!access) return { channel: null, withheld: [] };
  const safe = await safeChannels(ctx, access.profileId);
  const { serviceName } = await settingsOf(ctx.tx, access.partnershipId);
  const wording = what.kind === 'message' ? messageWording(serviceName, portalUrl(deps)) : reminderWording(serviceName, portalUrl(deps), what.startsAt);
  const withheld: PortalChannel[] = [];
  for (const channel of channelsOf(access)) {
    if (!safe[channel]) {
      withheld.push(channel);
      continue;
    }
    await sendTo(ctx, deps, access, channel, wording);
    return { channel, withheld };
  }
  return { channel: null, withheld };
}

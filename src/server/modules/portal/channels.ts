import type { PortalChannel } from '../../../shared/portal.ts';
import type { AnyContext } from '../../platform/context.ts';
import * as q from './queries.ts';

export interface SafeChannels {
  email: boolean;
  sms: boolean;
  hasContactPlan: boolean;
}

/**
 * Whether Concord may email or text the person: their contact plan decides (email only if it
 * marks email safe, a text only if it marks texts safe); with no plan, both may be used.
 */
export async function safeChannels(ctx: AnyContext, profileId: string): Promise<SafeChannels> {
  const plan = await q.contactPlanOf(ctx.tx, profileId);
  return plan ? { email: plan.safeToEmail, sms: plan.safeToText, hasContactPlan: true } : { email: true, sms: true, hasContactPlan: false };
}

/** The ways the client can be reached, email first. */
export function channelsOf(access: { email: string | null; mobile: string | null }): PortalChannel[] {
  return [...(access.email ? ['email' as const] : []), ...(access.mobile ? ['sms' as const] : [])];
}

/** The address or number a channel reaches. */
export function recipientOf(access: { email: string | null; mobile: string | null }, channel: PortalChannel): string | null {
  return channel === 'email' ? access.email : access.mobile;
}

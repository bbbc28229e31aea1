import type { AnyContext } from '../../platform/context.ts';
import { notify, recordLink } from '../notifications/notify.ts';
import { tellClient, type TellDeps } from '../portal/service.ts';
import { heldBy } from './conversation.ts';
import * as q from './queries.ts';

/** Where a practitioner reads the conversation: the person's Portal section. */
export const conversationLink = (profileId: string) => `${recordLink('profile', profileId)}?section=portal`;

/**
 * Tells the team that the client wrote: the keyworker, or the team's members when the keyworker
 * has left it, each at most once until they read that notice. The words stay in the conversation.
 */
export async function tellTeam(ctx: AnyContext, access: { profileId: string; teamId: string; keyworkerId: string }): Promise<void> {
  const userIds = await q.staffToTell(ctx.tx, access);
  await notify(ctx, userIds.map((userId) => ({
    userId,
    kind: 'client_message' as const,
    message: 'A client sent a new message.',
    link: conversationLink(access.profileId),
    record: { kind: 'profile' as const, id: access.profileId },
  })));
}

/**
 * Tells the client by email or text that a practitioner wrote, unless they were told of an earlier
 * message they have not read yet: a burst of messages makes one email or text. Only a message
 * they were told of counts, so one withheld (no safe channel) does not silence the next.
 */
export async function tellClientOf(
  ctx: AnyContext,
  deps: TellDeps,
  access: { id: string; profileId: string; teamId: string; organisationId: string },
  messageId: string,
): Promise<void> {
  if (await q.toldOfUnread(ctx.tx, access.id)) return;
  const told = await tellClient(ctx, deps, access.id, { kind: 'message' });
  if (told.channel) await q.markTold(ctx.tx, messageId);
  ctx.audit({
    action: 'message.client_told',
    entityType: 'message',
    entityId: messageId,
    ...heldBy(access),
    details: { profileId: access.profileId, channel: told.channel, withheld: told.withheld },
  });
}

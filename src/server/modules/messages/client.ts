import type { z } from 'zod';
import type { listQuery } from '../../../shared/api/common.ts';
import type { Message, MessageAttachment, MessagePage, sendMessageBody } from '../../../shared/api/portal.ts';
import type { ClientActor } from '../../platform/access/actor.ts';
import type { Context, Runner, Who } from '../../platform/context.ts';
import type { KeyRing } from '../../platform/crypto/envelope.ts';
import { NotFoundError, UnauthenticatedError } from '../../platform/errors.ts';
import type { Uploads } from '../documents/uploads.ts';
import { attachmentContent, heldBy, pageOfConversation, readUpTo, sendMessage, storeAttachment, type AttachmentContent } from './conversation.ts';
import * as q from './queries.ts';
import { tellTeam } from './tell.ts';

type ClientContext = Context<ClientActor>;

/**
 * The client's side: only their own access's conversation, whatever id they send. Their session
 * ends with the access; one that ended during the request is treated as signed out.
 */
async function ownAccess(ctx: ClientContext): Promise<q.LiveAccessRow> {
  const access = await q.liveAccess(ctx.tx, ctx.actor.id);
  if (!access) throw new UnauthenticatedError();
  return access;
}

const theirs = (access: q.LiveAccessRow): q.Conversation => ({ accessId: access.id });

/** Events about the conversation as a whole are the access's, seen by the administrators of the team that holds it. */
const aboutAccess = (access: q.LiveAccessRow) => ({ entityType: 'portal_access' as const, entityId: access.id, ...heldBy(access) });

export function clientMessages({ runner, keyRing, uploads }: { runner: Runner; keyRing: KeyRing; uploads: Uploads }) {
  return {
    list(who: Who<ClientActor>, query: z.infer<typeof listQuery>): Promise<MessagePage> {
      return runner.run(who, async (ctx) => {
        const access = await ownAccess(ctx);
        const page = await pageOfConversation(ctx, keyRing, theirs(access), query);
        ctx.audit({
          action: 'messages.listed',
          ...aboutAccess(access),
          details: { profileId: access.profileId, side: 'client', count: page.items.length, messageIds: page.items.map((m) => m.id) },
        });
        return page;
      });
    },

    send(who: Who<ClientActor>, body: z.infer<typeof sendMessageBody>): Promise<Message> {
      return runner.run(who, async (ctx) => {
        const access = await ownAccess(ctx);
        const message = await sendMessage(ctx, keyRing, access, { side: 'client', authorId: null, body: body.body, attachmentIds: body.attachmentIds });
        ctx.audit({
          action: 'message.sent',
          entityType: 'message',
          entityId: message.id,
          ...heldBy(access),
          details: { profileId: access.profileId, sender: 'client', attachmentIds: message.attachments.map((a) => a.id) },
        });
        await tellTeam(ctx, access);
        return message;
      });
    },

    read(who: Who<ClientActor>, upTo: string): Promise<{ read: number }> {
      return runner.run(who, async (ctx) => {
        const access = await ownAccess(ctx);
        const read = await readUpTo(ctx, theirs(access), upTo, { side: 'client', userId: null }, access);
        ctx.audit({ action: 'messages.read', ...aboutAccess(access), details: { profileId: access.profileId, side: 'client', upTo, count: read } });
        return { read };
      });
    },

    async upload(who: Who<ClientActor>, fileName: string, bytes: Buffer): Promise<MessageAttachment> {
      const upload = await uploads.prepare(bytes, fileName);
      return uploads.cleaningUp((written) => runner.run(who, async (ctx) => {
        const access = await ownAccess(ctx);
        const { attachment, storedFileId } = await storeAttachment(ctx, uploads, upload, written, access, null);
        ctx.audit({
          action: 'message.attachment_uploaded',
          ...aboutAccess(access),
          details: { profileId: access.profileId, storedFileId, contentType: attachment.contentType, size: attachment.size },
        });
        return attachment;
      }));
    },

    download(who: Who<ClientActor>, attachmentId: string): Promise<AttachmentContent> {
      return runner.run(who, async (ctx) => {
        const access = await ownAccess(ctx);
        const row = await q.readableAttachment(ctx.tx, attachmentId, theirs(access));
        if (!row) throw new NotFoundError('attachment');
        const content = await attachmentContent(uploads, row);
        ctx.audit({ action: 'message.attachment_downloaded', ...aboutAccess(access), details: { profileId: access.profileId, messageId: row.messageId } });
        return content;
      });
    },
  };
}

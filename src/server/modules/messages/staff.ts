import type { z } from 'zod';
import type { listQuery } from '../../../shared/api/common.ts';
import type { Message, MessageAttachment, MessagePage, sendMessageBody } from '../../../shared/api/portal.ts';
import type { Checked } from '../../platform/access/check.ts';
import type { Context, Runner, Who } from '../../platform/context.ts';
import type { KeyRing } from '../../platform/crypto/envelope.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import type { Uploads } from '../documents/uploads.ts';
import { liveAccessOf, type TellDeps } from '../portal/service.ts';
import { contributableRecord, subjectOf, viewableRecord, type SharedRecord } from '../sharing/record-access.ts';
import { attachmentContent, heldBy, pageOfConversation, readUpTo, sendMessage, storeAttachment, type AttachmentContent, type ConversationAccess } from './conversation.ts';
import * as q from './queries.ts';
import { tellClientOf } from './tell.ts';

/**
 * The practitioner's side of a client's conversation. It is the keyworker's team's: reading needs
 * view on the person, sending needs to be able to add to it, and both need membership of a team
 * that has held the conversation. Another team that may open the person is refused, as a
 * team-only report is. A team whose access ended still reads what it exchanged.
 */
async function conversationOn(ctx: Context, profileId: string, need: 'open' | 'contribute'): Promise<Checked<SharedRecord>> {
  const record = need === 'open' ? await viewableRecord(ctx, 'profile', profileId) : await contributableRecord(ctx, 'profile', profileId);
  const teams = await q.conversationTeams(ctx.tx, record.id);
  if (teams.length > 0 && !teams.includes(ctx.actor.teamId)) refuseOtherTeam(ctx, record, need);
  return record;
}

function refuseOtherTeam(ctx: Context, record: SharedRecord, need: 'open' | 'contribute'): never {
  ctx.refuse({ action: 'access.refused', ...subjectOf(record), details: { why: 'not the team that holds the client\'s conversation', need } });
  throw new ForbiddenError('Only the team that holds this person\'s portal conversation can read or send its messages.');
}

/** The access messages are sent on now: live, and held by the sender's team. */
async function liveAccessFor(ctx: Context, record: Checked<SharedRecord>): Promise<ConversationAccess & { organisationId: string }> {
  const access = await liveAccessOf(ctx, record.id);
  if (!access) throw new ConflictError('This person has no portal access now.');
  if (access.teamId !== ctx.actor.teamId) refuseOtherTeam(ctx, record, 'contribute');
  return { ...access, organisationId: ctx.actor.organisationId };
}

/** Events about the whole conversation are the person's, seen by the administrators of the team that holds it. */
const aboutPerson = (ctx: Context, record: SharedRecord) => ({ entityType: 'profile' as const, entityId: record.id, ...heldBy(ctx.actor) });

const ours = (ctx: Context, profileId: string): q.Conversation => ({ profileId, teamId: ctx.actor.teamId });

export function staffMessages({ runner, keyRing, uploads, tell }: { runner: Runner; keyRing: KeyRing; uploads: Uploads; tell: TellDeps }) {
  return {
    list(who: Who, profileId: string, query: z.infer<typeof listQuery>): Promise<MessagePage> {
      return runner.run(who, async (ctx) => {
        const record = await conversationOn(ctx, profileId, 'open');
        const page = await pageOfConversation(ctx, keyRing, ours(ctx, record.id), query);
        ctx.audit({
          action: 'messages.listed',
          ...aboutPerson(ctx, record),
          details: { profileId: record.id, side: 'staff', count: page.items.length, messageIds: page.items.map((m) => m.id) },
        });
        return page;
      });
    },

    send(who: Who, profileId: string, body: z.infer<typeof sendMessageBody>): Promise<Message> {
      return runner.run(who, async (ctx) => {
        const record = await conversationOn(ctx, profileId, 'contribute');
        const access = await liveAccessFor(ctx, record);
        const message = await sendMessage(ctx, keyRing, access, { side: 'staff', authorId: ctx.actor.id, body: body.body, attachmentIds: body.attachmentIds });
        ctx.audit({
          action: 'message.sent',
          entityType: 'message',
          entityId: message.id,
          ...heldBy(ctx.actor),
          details: { profileId: record.id, sender: 'staff', attachmentIds: message.attachments.map((a) => a.id) },
        });
        await tellClientOf(ctx, tell, access, message.id);
        return message;
      });
    },

    read(who: Who, profileId: string, upTo: string): Promise<{ read: number }> {
      return runner.run(who, async (ctx) => {
        const record = await conversationOn(ctx, profileId, 'open');
        const read = await readUpTo(ctx, ours(ctx, record.id), upTo, { side: 'staff', userId: ctx.actor.id }, { profileId: record.id, teamId: ctx.actor.teamId });
        ctx.audit({ action: 'messages.read', ...aboutPerson(ctx, record), details: { profileId: record.id, side: 'staff', upTo, count: read } });
        return { read };
      });
    },

    async upload(who: Who, profileId: string, fileName: string, bytes: Buffer): Promise<MessageAttachment> {
      const upload = await uploads.prepare(bytes, fileName);
      return uploads.cleaningUp((written) => runner.run(who, async (ctx) => {
        const record = await conversationOn(ctx, profileId, 'contribute');
        const access = await liveAccessFor(ctx, record);
        const { attachment, storedFileId } = await storeAttachment(ctx, uploads, upload, written, access, ctx.actor.id);
        ctx.audit({
          action: 'message.attachment_uploaded',
          entityType: 'portal_access',
          entityId: access.id,
          ...heldBy(ctx.actor),
          details: { profileId: record.id, storedFileId, contentType: attachment.contentType, size: attachment.size },
        });
        return attachment;
      }));
    },

    /** Every download is audited in the transaction that reads the bytes. */
    download(who: Who, profileId: string, attachmentId: string): Promise<AttachmentContent> {
      return runner.run(who, async (ctx) => {
        const record = await conversationOn(ctx, profileId, 'open');
        const row = await q.readableAttachment(ctx.tx, attachmentId, ours(ctx, record.id));
        if (!row) throw new NotFoundError('attachment');
        const content = await attachmentContent(uploads, row);
        ctx.audit({
          action: 'message.attachment_downloaded',
          entityType: 'portal_access',
          entityId: row.accessId,
          ...heldBy(ctx.actor),
          details: { profileId: record.id, messageId: row.messageId },
        });
        return content;
      });
    },
  };
}

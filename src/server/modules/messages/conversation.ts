import type { z } from 'zod';
import type { listQuery } from '../../../shared/api/common.ts';
import type { Message, MessageAttachment, MessagePage } from '../../../shared/api/portal.ts';
import type { MessageSender } from '../../../shared/portal.ts';
import type { AnyContext } from '../../platform/context.ts';
import { seal, type KeyRing } from '../../platform/crypto/envelope.ts';
import { decodeCheckedCursor, isUuid, pageOf } from '../../platform/cursor.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { contentDisposition } from '../../platform/files/content.ts';
import type { PreparedUpload, Uploads } from '../documents/uploads.ts';
import { presentMessage } from './present.ts';
import * as q from './queries.ts';

/**
 * What both sides of a conversation share: the page of messages, sending (the body sealed, the
 * files uploaded for it attached), read receipts and attachments. The staff and client use cases
 * decide who may reach which conversation before calling these.
 */

/** The access a message is sent on, and the team that holds its conversation. */
export interface ConversationAccess {
  id: string;
  profileId: string;
  partnershipId: string;
  teamId: string;
}

/** The team that holds the conversation, as the audit subject: its administrators see what was done in it. */
export const heldBy = (team: { teamId: string; organisationId: string }) => ({ subjectTeamId: team.teamId, subjectOrganisationId: team.organisationId });

function byMessage(rows: Awaited<ReturnType<typeof q.attachmentsOf>>): Map<string, MessageAttachment[]> {
  const map = new Map<string, MessageAttachment[]>();
  for (const { messageId, ...attachment } of rows) map.set(messageId!, [...(map.get(messageId!) ?? []), attachment]);
  return map;
}

export async function pageOfConversation(ctx: AnyContext, keyRing: KeyRing, conversation: q.Conversation, query: z.infer<typeof listQuery>): Promise<MessagePage> {
  const [before] = decodeCheckedCursor<[string]>(query.cursor, isUuid) ?? [null];
  const rows = await q.listMessages(ctx.tx, conversation, before, query.limit);
  const attachments = byMessage(await q.attachmentsOf(ctx.tx, rows.slice(0, query.limit).map((r) => r.id)));
  return pageOf(rows, query.limit, (r) => presentMessage(keyRing, r, attachments.get(r.id) ?? []), (r) => [r.id]);
}

export interface Sending {
  side: MessageSender;
  authorId: string | null;
  body: string;
  attachmentIds: string[];
}

/**
 * Writes a message with its files and tells both sides' open screens (ids only: each refetches
 * through the API). A file that is not the sender's side's, of this access, unsent, refuses the
 * whole message.
 */
export async function sendMessage(ctx: AnyContext, keyRing: KeyRing, access: ConversationAccess, sending: Sending): Promise<Message> {
  const attachmentIds = [...new Set(sending.attachmentIds)];
  const { id } = await q.insertMessage(ctx.tx, {
    partnershipId: access.partnershipId,
    profileId: access.profileId,
    accessId: access.id,
    teamId: access.teamId,
    sender: sending.side,
    authorId: sending.authorId,
    sealedBody: seal(keyRing, sending.body),
  });
  const attached = await q.attach(ctx.tx, attachmentIds, access.id, sending.side, id);
  if (attached.length !== attachmentIds.length) {
    throw new ValidationError([{ field: 'attachmentIds', problem: 'must be files uploaded for this conversation and not yet sent' }]);
  }
  ctx.emit({ type: 'message.sent', audience: { clientIds: [access.id], teamIds: [access.teamId] }, data: { profileId: access.profileId, messageId: id, sender: sending.side } });
  // Only the team reads a message on the timeline; others' stubs can wait for their next look.
  ctx.emit({ type: 'timeline.changed', audience: { teamIds: [access.teamId] }, data: { kind: 'profile', id: access.profileId, entry: 'message' } });
  const attachments = byMessage(await q.attachmentsOf(ctx.tx, [id]));
  return presentMessage(keyRing, await q.getMessage(ctx.tx, id), attachments.get(id) ?? []);
}

/**
 * Marks the other side's messages read up to `upTo`, which must be in the reader's conversation,
 * and tells both sides' screens. Returns how many it marked.
 */
export async function readUpTo(
  ctx: AnyContext,
  conversation: q.Conversation,
  upTo: string,
  reader: { side: MessageSender; userId: string | null },
  held: { profileId: string; teamId: string },
): Promise<number> {
  if (!(await q.isInConversation(ctx.tx, conversation, upTo))) throw new NotFoundError('message');
  const accessIds = await q.markRead(ctx.tx, conversation, upTo, reader);
  if (accessIds.length > 0) {
    ctx.emit({
      type: 'messages.read',
      audience: { clientIds: [...new Set(accessIds)], teamIds: [held.teamId] },
      data: { profileId: held.profileId, upTo, reader: reader.side },
    });
  }
  return accessIds.length;
}

/** Stores a checked upload for the access, owned by the uploader's side until it is sent. */
export async function storeAttachment(ctx: AnyContext, uploads: Uploads, upload: PreparedUpload, written: string[], access: ConversationAccess, uploadedBy: string | null) {
  const stored = await uploads.store(ctx.tx, upload, { partnershipId: access.partnershipId, createdBy: uploadedBy }, written);
  const attachment = await q.insertAttachment(ctx.tx, {
    partnershipId: access.partnershipId,
    profileId: access.profileId,
    accessId: access.id,
    storedFileId: stored.id,
    name: upload.fileName,
    contentType: upload.contentType,
    size: upload.bytes.length,
    uploadedBy,
  });
  return { attachment, storedFileId: stored.id };
}

export interface AttachmentContent {
  bytes: Buffer;
  contentType: string;
  disposition: string;
}

/** An attachment's bytes, always as a download: what a client sends is never shown inline. */
export async function attachmentContent(uploads: Uploads, row: { storageKey: string; contentType: string; name: string }): Promise<AttachmentContent> {
  const bytes = await uploads.read(row.storageKey);
  if (!bytes) throw new NotFoundError('file');
  return { bytes, contentType: row.contentType, disposition: contentDisposition('attachment', row.name) };
}

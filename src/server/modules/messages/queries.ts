import { and, desc, eq, inArray, isNotNull, isNull, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { MessageSender } from '../../../shared/portal.ts';
import { messageAttachments, messages, notifications, portalAccess, profiles, storedFiles, teams, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';

// Conversations.

/** The teams that have held a conversation with the person: the teams of their accesses, live or ended. */
export async function conversationTeams(tx: Tx, profileId: string): Promise<string[]> {
  // Messages as well as accesses: a merged-in person's conversation keeps the team that held it.
  const rows = await tx.selectDistinct({ teamId: portalAccess.teamId }).from(portalAccess).where(eq(portalAccess.profileId, profileId))
    .union(tx.selectDistinct({ teamId: messages.teamId }).from(messages).where(eq(messages.profileId, profileId)));
  return rows.map((r) => r.teamId);
}

/** A client's access while it is live, with the organisation of the team that holds the conversation. */
export async function liveAccess(tx: Tx, accessId: string) {
  const [row] = await tx
    .select({
      id: portalAccess.id,
      profileId: portalAccess.profileId,
      partnershipId: portalAccess.partnershipId,
      teamId: portalAccess.teamId,
      organisationId: teams.organisationId,
      keyworkerId: portalAccess.keyworkerId,
    })
    .from(portalAccess)
    .innerJoin(teams, eq(teams.id, portalAccess.teamId))
    .where(and(eq(portalAccess.id, accessId), isNull(portalAccess.endedAt)));
  return row ?? null;
}
export type LiveAccessRow = NonNullable<Awaited<ReturnType<typeof liveAccess>>>;

/**
 * Whose messages a reader sees: a client those of their own access; staff those their team held
 * with the person, across the person's accesses, ended ones included.
 */
export type Conversation = { accessId: string } | { profileId: string; teamId: string };

const inConversation = (c: Conversation): SQL => ('accessId' in c
  ? eq(messages.accessId, c.accessId)
  : and(eq(messages.profileId, c.profileId), eq(messages.teamId, c.teamId))!);

// Messages.

const messageColumns = {
  id: messages.id,
  sender: messages.sender,
  sealedBody: messages.sealedBody,
  sentAt: messages.sentAt,
  readAt: messages.readAt,
  authorName: users.name,
  clientName: profiles.firstName,
};

const selectMessages = (tx: Tx) => tx
  .select(messageColumns)
  .from(messages)
  .innerJoin(profiles, eq(profiles.id, messages.profileId))
  .leftJoin(users, eq(users.id, messages.authorId));

/** A page of the conversation, newest first (one row more than `limit`), still sealed. */
export async function listMessages(tx: Tx, c: Conversation, before: string | null, limit: number) {
  return selectMessages(tx)
    .where(and(inConversation(c), before ? lt(messages.id, before) : undefined))
    .orderBy(desc(messages.id))
    .limit(limit + 1);
}
export type MessageRow = Awaited<ReturnType<typeof listMessages>>[number];

export async function getMessage(tx: Tx, id: string): Promise<MessageRow> {
  const [row] = await selectMessages(tx).where(eq(messages.id, id));
  return row!;
}

export type NewMessage = Omit<typeof messages.$inferInsert, 'id' | 'sentAt' | 'readAt' | 'readBy' | 'clientToldAt'>;

export async function insertMessage(tx: Tx, values: NewMessage): Promise<{ id: string; sentAt: Date }> {
  const [row] = await tx.insert(messages).values(values).returning({ id: messages.id, sentAt: messages.sentAt });
  return row!;
}

export async function isInConversation(tx: Tx, c: Conversation, messageId: string): Promise<boolean> {
  const rows = await tx.select({ id: messages.id }).from(messages).where(and(eq(messages.id, messageId), inConversation(c)));
  return rows.length > 0;
}

/**
 * Marks the other side's messages read, up to and including `upTo` (ids are time-ordered), and
 * returns the accesses they belonged to. Messages already read keep when and by whom.
 */
export async function markRead(tx: Tx, c: Conversation, upTo: string, reader: { side: MessageSender; userId: string | null }): Promise<string[]> {
  const rows = await tx.update(messages)
    .set({ readAt: sql`now()`, readBy: reader.userId })
    .where(and(inConversation(c), ne(messages.sender, reader.side), isNull(messages.readAt), lte(messages.id, upTo)))
    .returning({ accessId: messages.accessId });
  return rows.map((r) => r.accessId);
}

/** Whether the client has already been told of a practitioner's message they have not read yet. */
export async function toldOfUnread(tx: Tx, accessId: string): Promise<boolean> {
  const rows = await tx.select({ id: messages.id }).from(messages)
    .where(and(eq(messages.accessId, accessId), eq(messages.sender, 'staff'), isNull(messages.readAt), isNotNull(messages.clientToldAt)))
    .limit(1);
  return rows.length > 0;
}

export async function markTold(tx: Tx, messageId: string): Promise<void> {
  await tx.update(messages).set({ clientToldAt: sql`now()` }).where(eq(messages.id, messageId));
}

// Attachments.

export type NewAttachment = Omit<typeof messageAttachments.$inferInsert, 'id' | 'messageId' | 'createdAt'>;

export async function insertAttachment(tx: Tx, values: NewAttachment) {
  const [row] = await tx.insert(messageAttachments).values(values).returning({
    id: messageAttachments.id, name: messageAttachments.name, contentType: messageAttachments.contentType, size: messageAttachments.size,
  });
  return row!;
}

/**
 * Sends files with a message: only files uploaded by the sender's side for this access and not
 * yet sent with another. Returns those it took; the caller refuses the message if any is missing.
 */
export async function attach(tx: Tx, ids: string[], accessId: string, side: MessageSender, messageId: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx.update(messageAttachments)
    .set({ messageId })
    .where(and(
      inArray(messageAttachments.id, ids),
      eq(messageAttachments.accessId, accessId),
      isNull(messageAttachments.messageId),
      side === 'client' ? isNull(messageAttachments.uploadedBy) : isNotNull(messageAttachments.uploadedBy),
    ))
    .returning({ id: messageAttachments.id });
  return rows.map((r) => r.id);
}

export async function attachmentsOf(tx: Tx, messageIds: string[]) {
  if (messageIds.length === 0) return [];
  return tx
    .select({ id: messageAttachments.id, messageId: messageAttachments.messageId, name: messageAttachments.name, contentType: messageAttachments.contentType, size: messageAttachments.size })
    .from(messageAttachments)
    .where(inArray(messageAttachments.messageId, messageIds))
    .orderBy(messageAttachments.id);
}

/**
 * An attachment as one reader may have it: one sent in their conversation, or one their own side
 * uploaded and has not sent yet. Anything else is not found.
 */
export async function readableAttachment(tx: Tx, id: string, reader: { accessId: string } | { profileId: string; teamId: string }) {
  const sent = 'accessId' in reader
    ? sql`${messages.accessId} = ${reader.accessId}::uuid`
    : sql`${messages.profileId} = ${reader.profileId}::uuid and ${messages.teamId} = ${reader.teamId}::uuid`;
  const unsent = 'accessId' in reader
    ? sql`${messageAttachments.accessId} = ${reader.accessId}::uuid and ${messageAttachments.uploadedBy} is null`
    : sql`${messageAttachments.profileId} = ${reader.profileId}::uuid and ${portalAccess.teamId} = ${reader.teamId}::uuid and ${messageAttachments.uploadedBy} is not null`;
  const [row] = await tx
    .select({
      id: messageAttachments.id,
      profileId: messageAttachments.profileId,
      accessId: messageAttachments.accessId,
      messageId: messageAttachments.messageId,
      name: messageAttachments.name,
      contentType: messageAttachments.contentType,
      storageKey: storedFiles.storageKey,
    })
    .from(messageAttachments)
    .innerJoin(storedFiles, eq(storedFiles.id, messageAttachments.storedFileId))
    .innerJoin(portalAccess, eq(portalAccess.id, messageAttachments.accessId))
    .leftJoin(messages, eq(messages.id, messageAttachments.messageId))
    .where(and(eq(messageAttachments.id, id), sql`case when ${messageAttachments.messageId} is null then ${unsent} else ${sent} end`));
  return row ?? null;
}

// Telling the team.

/**
 * Who hears that the client wrote: their keyworker while they still work in the team that holds
 * the conversation, otherwise the team's members who may write. One unread notice per person per
 * client is enough: the conversation shows the rest, where a notice per message would bury theirs.
 */
export async function staffToTell(tx: Tx, access: { teamId: string; keyworkerId: string; profileId: string }): Promise<string[]> {
  const active = (teamId: string) => and(eq(users.teamId, teamId), isNull(users.disabledAt));
  const [keyworker] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, access.keyworkerId), active(access.teamId)));
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(
      keyworker ? eq(users.id, keyworker.id) : and(active(access.teamId), ne(users.role, 'read_only')),
      sql`not exists (select 1 from ${notifications} n where n.user_id = ${users.id} and n.read_at is null
        and n.kind = 'client_message' and n.record_id = ${access.profileId}::uuid)`,
    ));
  return rows.map((r) => r.id);
}

import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appointmentStatuses, messageSenders, portalChannels, portalEndReasons } from '../../../shared/portal.ts';
import { cases } from './cases.ts';
import { at, id, timestamps, version } from './columns.ts';
import { documents } from './documents.ts';
import { storedFiles } from './files.ts';
import { profiles } from './profiles.ts';
import { inList } from './sharing.ts';
import { partnerships, teams, users } from './structure.ts';
import { tasks } from './tasks.ts';

/** What a partnership calls its portal, and where "Exit this page" leads; without a row, the defaults. */
export const portalSettings = pgTable('portal_settings', {
  partnershipId: uuid('partnership_id').primaryKey().references(() => partnerships.id),
  serviceName: text('service_name').notNull(),
  exitUrl: text('exit_url').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  version: version(),
  ...timestamps,
});

/**
 * A person on a profile invited to the portal: how they sign in (email, mobile or both), the
 * practitioner who invited them (their keyworker) and the team that holds the conversation. At
 * most one live access per profile; an ended one is kept, with why.
 */
export const portalAccess = pgTable('portal_access', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  profileId: uuid('profile_id').notNull().references(() => profiles.id),
  /** Lower-case. */
  email: text('email'),
  /** E.164, +447… */
  mobile: text('mobile'),
  keyworkerId: uuid('keyworker_id').notNull().references(() => users.id),
  teamId: uuid('team_id').notNull().references(() => teams.id),
  invitedBy: uuid('invited_by').notNull().references(() => users.id),
  /** Closing this case ends the access, when the practitioner chose so. */
  endWithCaseId: uuid('end_with_case_id').references(() => cases.id),
  lastSignedInAt: at('last_signed_in_at'),
  endedAt: at('ended_at'),
  endedBy: uuid('ended_by').references(() => users.id),
  endReason: text('end_reason', { enum: portalEndReasons }),
  version: version(),
  ...timestamps,
}, (t) => [
  uniqueIndex('portal_access_live_profile_key').on(t.profileId).where(sql`${t.endedAt} is null`),
  index('portal_access_email_idx').on(t.email).where(sql`${t.endedAt} is null and ${t.email} is not null`),
  index('portal_access_mobile_idx').on(t.mobile).where(sql`${t.endedAt} is null and ${t.mobile} is not null`),
  index('portal_access_case_idx').on(t.endWithCaseId).where(sql`${t.endedAt} is null and ${t.endWithCaseId} is not null`),
  check('portal_access_contact_check', sql`num_nonnulls(${t.email}, ${t.mobile}) >= 1`),
  check('portal_access_email_check', sql`${t.email} = lower(${t.email})`),
  check('portal_access_end_check', sql`(${t.endedAt} is null) = (${t.endReason} is null)`),
  check('portal_access_end_reason_check', sql`${t.endReason} is null or ${t.endReason} in (${inList(portalEndReasons)})`),
]);

/**
 * One-time codes, kept as an HMAC of the code (the key from SESSION_SECRET), never the code. A
 * new code ends the access's earlier ones; five wrong tries end it; it works once.
 */
export const portalCodes = pgTable('portal_codes', {
  id: id(),
  accessId: uuid('access_id').notNull().references(() => portalAccess.id),
  codeHash: text('code_hash').notNull(),
  channel: text('channel', { enum: portalChannels }).notNull(),
  purpose: text('purpose', { enum: ['invitation', 'sign_in'] }).notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  expiresAt: at('expires_at').notNull(),
  wrongTries: integer('wrong_tries').notNull().default(0),
  usedAt: at('used_at'),
  endedAt: at('ended_at'),
}, (t) => [
  index('portal_codes_live_idx').on(t.accessId).where(sql`${t.usedAt} is null and ${t.endedAt} is null`),
  check('portal_codes_channel_check', sql`${t.channel} in (${inList(portalChannels)})`),
  check('portal_codes_purpose_check', sql`${t.purpose} in ('invitation', 'sign_in')`),
]);

/** A client's sessions, apart from staff's: the cookie holds 256 random bits, the table its SHA-256. */
export const portalSessions = pgTable('portal_sessions', {
  tokenHash: text('token_hash').primaryKey(),
  accessId: uuid('access_id').notNull().references(() => portalAccess.id),
  csrfToken: text('csrf_token').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  lastSeenAt: at('last_seen_at').notNull().defaultNow(),
  expiresAt: at('expires_at').notNull(),
  endedAt: at('ended_at'),
  endReason: text('end_reason'),
  ip: text('ip'),
  userAgent: text('user_agent'),
}, (t) => [index('portal_sessions_access_idx').on(t.accessId).where(sql`${t.endedAt} is null`)]);

/**
 * A client's conversation with their keyworker's team, sealed (envelope encryption, as referrals
 * are). `team_id` is the team that held the conversation when the message was sent: the timeline
 * shows it with visibility `team` to that team.
 */
export const messages = pgTable('messages', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  profileId: uuid('profile_id').notNull().references(() => profiles.id),
  accessId: uuid('access_id').notNull().references(() => portalAccess.id),
  teamId: uuid('team_id').notNull().references(() => teams.id),
  sender: text('sender', { enum: messageSenders }).notNull(),
  /** The practitioner who wrote it; null for the client's. */
  authorId: uuid('author_id').references(() => users.id),
  sealedBody: text('sealed_body').notNull(),
  sentAt: at('sent_at').notNull().defaultNow(),
  /** Read by the other side: the client, or any member of the team. */
  readAt: at('read_at'),
  readBy: uuid('read_by').references(() => users.id),
  /** When the client was told by email or text that it had come (once until they read their messages). */
  clientToldAt: at('client_told_at'),
}, (t) => [
  index('messages_access_idx').on(t.accessId, t.id.desc()),
  index('messages_profile_idx').on(t.profileId, t.id.desc()),
  index('messages_unread_idx').on(t.accessId, t.sender).where(sql`${t.readAt} is null`),
  check('messages_sender_check', sql`${t.sender} in (${inList(messageSenders)})`),
  check('messages_author_check', sql`(${t.sender} = 'staff') = (${t.authorId} is not null)`),
]);

/**
 * A file sent with a message, through the same checks as every upload (type from content,
 * metadata stripped, virus scan when configured). Uploaded first, then sent with a message.
 */
export const messageAttachments = pgTable('message_attachments', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  profileId: uuid('profile_id').notNull().references(() => profiles.id),
  accessId: uuid('access_id').notNull().references(() => portalAccess.id),
  messageId: uuid('message_id').references(() => messages.id),
  storedFileId: uuid('stored_file_id').notNull().references(() => storedFiles.id),
  name: text('name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  /** The practitioner who uploaded it; null for the client's. */
  uploadedBy: uuid('uploaded_by').references(() => users.id),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [
  index('message_attachments_message_idx').on(t.messageId).where(sql`${t.messageId} is not null`),
  index('message_attachments_access_idx').on(t.accessId),
]);

/** The plan a practitioner writes with the person to keep them safe; the client reads and prints it. */
export const safetyPlans = pgTable('safety_plans', {
  profileId: uuid('profile_id').primaryKey().references(() => profiles.id),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  steps: jsonb('steps').$type<string[]>().notNull(),
  safeContacts: jsonb('safe_contacts').$type<{ name: string; phone: string; note: string | null }[]>().notNull(),
  emergencyContacts: jsonb('emergency_contacts').$type<{ name: string; phone: string }[]>().notNull(),
  updatedBy: uuid('updated_by').notNull().references(() => users.id),
  version: version(),
  ...timestamps,
});

/** An appointment with the person; the client sees it, is reminded the day before, and may ask to rearrange. */
export const appointments = pgTable('appointments', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  profileId: uuid('profile_id').notNull().references(() => profiles.id),
  startsAt: at('starts_at').notNull(),
  endsAt: at('ends_at'),
  place: text('place').notNull(),
  withWhom: text('with_whom').notNull(),
  details: text('details'),
  status: text('status', { enum: appointmentStatuses }).notNull().default('booked'),
  rearrangeRequestedAt: at('rearrange_requested_at'),
  rearrangeReason: text('rearrange_reason'),
  reminderSentAt: at('reminder_sent_at'),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  version: version(),
  ...timestamps,
}, (t) => [
  index('appointments_profile_idx').on(t.profileId, t.startsAt),
  // The reminder sweep: booked appointments not yet reminded of, by time.
  index('appointments_reminder_idx').on(t.startsAt).where(sql`${t.status} = 'booked' and ${t.reminderSentAt} is null`),
  check('appointments_status_check', sql`${t.status} in (${inList(appointmentStatuses)})`),
  check('appointments_ends_check', sql`${t.endsAt} is null or ${t.endsAt} > ${t.startsAt}`),
]);

/** A document on the person's profile that a practitioner chose to share with them. */
export const portalDocuments = pgTable('portal_documents', {
  documentId: uuid('document_id').primaryKey().references(() => documents.id),
  profileId: uuid('profile_id').notNull().references(() => profiles.id),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  sharedBy: uuid('shared_by').notNull().references(() => users.id),
  sharedAt: at('shared_at').notNull().defaultNow(),
}, (t) => [index('portal_documents_profile_idx').on(t.profileId)]);

/** A task that is the client's own to do: they see it and may tick it off. */
export const portalTasks = pgTable('portal_tasks', {
  taskId: uuid('task_id').primaryKey().references(() => tasks.id),
  profileId: uuid('profile_id').notNull().references(() => profiles.id),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  markedBy: uuid('marked_by').notNull().references(() => users.id),
  markedAt: at('marked_at').notNull().defaultNow(),
  /** When the client ticked it off. */
  doneAt: at('done_at'),
}, (t) => [index('portal_tasks_profile_idx').on(t.profileId)]);

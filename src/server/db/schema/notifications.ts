import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { recordKinds } from '../../../shared/records.ts';
import { notificationEmailModes, notificationKinds } from '../../../shared/work.ts';
import { at, id } from './columns.ts';
import { inList } from './sharing.ts';
import { partnerships, users } from './structure.ts';

/** "Tell me whenever someone else adds or changes anything on this person or case." */
export const recordInterests = pgTable('record_interests', {
  userId: uuid('user_id').notNull().references(() => users.id),
  recordKind: text('record_kind', { enum: recordKinds }).notNull(),
  recordId: uuid('record_id').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.userId, t.recordKind, t.recordId] }),
  index('record_interests_record_idx').on(t.recordKind, t.recordId),
  check('record_interests_record_kind_check', sql`${t.recordKind} in (${inList(recordKinds)})`),
]);

/**
 * One thing a person should know, in the app and by email. The message never names anyone: it
 * says what happened and links to where it happened, which checks access when followed.
 */
export const notifications = pgTable('notifications', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  kind: text('kind', { enum: notificationKinds }).notNull(),
  message: text('message').notNull(),
  /** The app path the notification opens, e.g. /tasks/<id> or /profiles/<id>. */
  link: text('link').notNull(),
  recordKind: text('record_kind', { enum: recordKinds }),
  recordId: uuid('record_id'),
  /** The task, action or access request it is about, when there is one. */
  subjectId: uuid('subject_id'),
  actorId: uuid('actor_id').references(() => users.id),
  createdAt: at('created_at').notNull().defaultNow(),
  readAt: at('read_at'),
  /** When it went by email, alone or in a digest; null while it waits for the digest. */
  emailedAt: at('emailed_at'),
}, (t) => [
  // A person's list, newest first: ids are time-ordered, and the list pages by id.
  index('notifications_user_idx').on(t.userId, t.id.desc()),
  index('notifications_user_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
  index('notifications_digest_idx').on(t.userId).where(sql`${t.emailedAt} is null`),
  check('notifications_kind_check', sql`${t.kind} in (${inList(notificationKinds)})`),
]);

/** A person's choice of email delivery; without a row, notifications are emailed straight away. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id').primaryKey().references(() => users.id),
  email: text('email', { enum: notificationEmailModes }).notNull(),
  /** The last daily digest sent, so that a restart does not send a second one. */
  lastDigestAt: at('last_digest_at'),
}, (t) => [check('notification_preferences_email_check', sql`${t.email} in (${inList(notificationEmailModes)})`)]);

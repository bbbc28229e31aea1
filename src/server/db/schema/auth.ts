import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, id } from './columns.ts';
import { citext, organisations, teams, users } from './structure.ts';

export const sessions = pgTable('sessions', {
  /** SHA-256 of the cookie value: a stolen database does not yield live sessions. */
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id),
  /** 'enrolment' sessions may only enrol an authenticator; 'full' sessions may do the rest. */
  stage: text('stage', { enum: ['enrolment', 'full'] }).notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  lastSeenAt: at('last_seen_at').notNull().defaultNow(),
  expiresAt: at('expires_at').notNull(),
  endedAt: at('ended_at'),
  endReason: text('end_reason'),
  ip: text('ip'),
  userAgent: text('user_agent'),
}, (t) => [index('sessions_user_idx').on(t.userId).where(sql`${t.endedAt} is null`)]);

/** Single-use links sent by email: password resets and invitations to set a first password. */
export const passwordTokens = pgTable('password_tokens', {
  id: id(),
  tokenHash: text('token_hash').notNull().unique(),
  userId: uuid('user_id').notNull().references(() => users.id),
  purpose: text('purpose', { enum: ['reset', 'invitation'] }).notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
});

/** Failed sign-ins by email address, whether or not an account exists, so replies reveal nothing. */
export const signInThrottle = pgTable('sign_in_throttle', {
  email: citext('email').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: at('last_failure_at').notNull(),
  lockedUntil: at('locked_until'),
});

export const apiTokens = pgTable('api_tokens', {
  id: id(),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  /** The team whose records the system acts for. */
  teamId: uuid('team_id').notNull().references(() => teams.id),
  name: text('name').notNull(),
  access: text('access', { enum: ['read', 'write'] }).notNull(),
  /** The first characters of the token, shown so people can tell tokens apart. */
  prefix: text('prefix').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdById: uuid('created_by_id').notNull().references(() => users.id),
  createdAt: at('created_at').notNull().defaultNow(),
  expiresAt: at('expires_at'),
  lastUsedAt: at('last_used_at'),
  revokedAt: at('revoked_at'),
}, (t) => [index('api_tokens_organisation_idx').on(t.organisationId)]);

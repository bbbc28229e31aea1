import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisationKinds, roles } from '../../../shared/roles.ts';
import { at, id, timestamps, version } from './columns.ts';

export const citext = customType<{ data: string }>({ dataType: () => 'citext' });

export const partnerships = pgTable('partnerships', {
  id: id(),
  name: text('name').notNull(),
  version: version(),
  ...timestamps,
}, (t) => [uniqueIndex('partnerships_name_key').on(sql`lower(${t.name})`)]);

export const organisations = pgTable('organisations', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  name: text('name').notNull(),
  kind: text('kind', { enum: organisationKinds }).notNull(),
  version: version(),
  ...timestamps,
}, (t) => [
  uniqueIndex('organisations_partnership_name_key').on(t.partnershipId, sql`lower(${t.name})`),
  check('organisations_kind_check', sql`${t.kind} in (${sql.raw(organisationKinds.map((k) => `'${k}'`).join(', '))})`),
]);

export const teams = pgTable('teams', {
  id: id(),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  name: text('name').notNull(),
  version: version(),
  ...timestamps,
}, (t) => [uniqueIndex('teams_organisation_name_key').on(t.organisationId, sql`lower(${t.name})`)]);

export const users = pgTable('users', {
  id: id(),
  teamId: uuid('team_id').notNull().references(() => teams.id),
  email: citext('email').notNull(),
  name: text('name').notNull(),
  jobTitle: text('job_title'),
  phone: text('phone'),
  role: text('role', { enum: roles }).notNull(),
  isSupervisor: boolean('is_supervisor').notNull().default(false),
  /** Sets up and runs the partnership's panels (MARAC, Community MARAC …), whatever the role. */
  isCoordinator: boolean('is_coordinator').notNull().default(false),
  /** Looks up a Keep Safe cardholder in an emergency (control rooms, fire, ambulance liaison), whatever the role. */
  schemeLookUp: boolean('scheme_look_up').notNull().default(false),
  passwordHash: text('password_hash'),
  /** Encrypted with the server secret; null until the user has enrolled an authenticator. */
  totpSecret: text('totp_secret'),
  totpEnrolledAt: at('totp_enrolled_at'),
  /** The last accepted TOTP time step, so that a code cannot be used twice. */
  totpLastStep: text('totp_last_step'),
  disabledAt: at('disabled_at'),
  lastSignInAt: at('last_sign_in_at'),
  version: version(),
  ...timestamps,
}, (t) => [
  uniqueIndex('users_email_key').on(t.email),
  index('users_team_idx').on(t.teamId),
  check('users_role_check', sql`${t.role} in (${sql.raw(roles.map((r) => `'${r}'`).join(', '))})`),
]);

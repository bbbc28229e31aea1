import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { assessmentSubjectKinds } from '../../../shared/assessments.ts';
import { attendanceStatuses, meetingStatuses, panelKinds, referralCriteria, referralStatuses } from '../../../shared/panels.ts';
import { assessments } from './assessments.ts';
import { at, id, timestamps, version } from './columns.ts';
import { inList } from './sharing.ts';
import { organisations, partnerships, teams, users } from './structure.ts';
import { tasks } from './tasks.ts';

/**
 * A standing meeting of a partnership's agencies (a MARAC, a Community MARAC, a JAG …): its
 * member organisations, a chair and coordinators who run it.
 */
export const panels = pgTable('panels', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  kind: text('kind', { enum: panelKinds }).notNull(),
  name: text('name').notNull(),
  chairUserId: uuid('chair_user_id').references(() => users.id),
  version: version(),
  ...timestamps,
}, (t) => [
  uniqueIndex('panels_partnership_name_key').on(t.partnershipId, sql`lower(${t.name})`),
  check('panels_kind_check', sql`${t.kind} in (${inList(panelKinds)})`),
]);

export const panelOrganisations = pgTable('panel_organisations', {
  panelId: uuid('panel_id').notNull().references(() => panels.id),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
}, (t) => [primaryKey({ columns: [t.panelId, t.organisationId] }), index('panel_organisations_organisation_idx').on(t.organisationId)]);

export const panelCoordinators = pgTable('panel_coordinators', {
  panelId: uuid('panel_id').notNull().references(() => panels.id),
  userId: uuid('user_id').notNull().references(() => users.id),
}, (t) => [primaryKey({ columns: [t.panelId, t.userId] }), index('panel_coordinators_user_idx').on(t.userId)]);

/**
 * A profile or case brought to a panel, with why. `repeat` and `has_children` are worked out
 * when it is made (the previous 12 months' referrals; the person's relationships then), so
 * later changes do not rewrite what the panel was told.
 */
export const panelReferrals = pgTable('panel_referrals', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  panelId: uuid('panel_id').notNull().references(() => panels.id),
  recordKind: text('record_kind', { enum: assessmentSubjectKinds }).notNull(),
  recordId: uuid('record_id').notNull(),
  reason: text('reason').notNull(),
  criteria: text('criteria', { enum: referralCriteria }).array().notNull(),
  repeat: boolean('repeat').notNull().default(false),
  status: text('status', { enum: referralStatuses }).notNull().default('waiting'),
  hasChildren: boolean('has_children').notNull().default(false),
  latestAssessmentId: uuid('latest_assessment_id').references(() => assessments.id),
  referredBy: uuid('referred_by').notNull().references(() => users.id),
  referredByTeamId: uuid('referred_by_team_id').notNull().references(() => teams.id),
  referredByOrganisationId: uuid('referred_by_organisation_id').notNull().references(() => organisations.id),
  withdrawnReason: text('withdrawn_reason'),
  version: version(),
  ...timestamps,
}, (t) => [
  // The repeat rule: this record's referrals to this panel in the 12 months before.
  index('panel_referrals_repeat_idx').on(t.panelId, t.recordKind, t.recordId, t.createdAt),
  index('panel_referrals_panel_status_idx').on(t.panelId, t.status, t.createdAt),
  index('panel_referrals_record_idx').on(t.recordKind, t.recordId),
  check('panel_referrals_record_kind_check', sql`${t.recordKind} in (${inList(assessmentSubjectKinds)})`),
  check('panel_referrals_status_check', sql`${t.status} in (${inList(referralStatuses)})`),
  check('panel_referrals_criteria_check', sql`${t.criteria} <@ array[${inList(referralCriteria)}]::text[]`),
]);

/** One sitting of a panel. A closed meeting still takes late edits to its minutes, each kept as a version. */
export const meetings = pgTable('meetings', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  panelId: uuid('panel_id').notNull().references(() => panels.id),
  startsAt: at('starts_at').notNull(),
  endsAt: at('ends_at'),
  place: text('place'),
  onlineLink: text('online_link'),
  status: text('status', { enum: meetingStatuses }).notNull().default('planned'),
  closedAt: at('closed_at'),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  version: version(),
  ...timestamps,
}, (t) => [
  index('meetings_panel_idx').on(t.panelId, t.startsAt),
  check('meetings_status_check', sql`${t.status} in (${inList(meetingStatuses)})`),
  check('meetings_ends_check', sql`${t.endsAt} is null or ${t.endsAt} > ${t.startsAt}`),
]);

/** Each member agency's attendance at a meeting, as the chair records it. */
export const meetingAttendance = pgTable('meeting_attendance', {
  meetingId: uuid('meeting_id').notNull().references(() => meetings.id),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  status: text('status', { enum: attendanceStatuses }).notNull(),
  attendees: text('attendees'),
  confidentialityAgreed: boolean('confidentiality_agreed').notNull().default(false),
  recordedBy: uuid('recorded_by').notNull().references(() => users.id),
  updatedAt: at('updated_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.meetingId, t.organisationId] }),
  check('meeting_attendance_status_check', sql`${t.status} in (${inList(attendanceStatuses)})`),
]);

/** A referral on a meeting's agenda, with the chair's minutes and the risks identified. */
export const agendaItems = pgTable('agenda_items', {
  id: id(),
  meetingId: uuid('meeting_id').notNull().references(() => meetings.id),
  referralId: uuid('referral_id').notNull().references(() => panelReferrals.id),
  position: integer('position').notNull(),
  minutes: text('minutes'),
  risks: text('risks'),
  minutedBy: uuid('minuted_by').references(() => users.id),
  minutedAt: at('minuted_at'),
  version: version(),
  ...timestamps,
}, (t) => [
  uniqueIndex('agenda_items_meeting_referral_key').on(t.meetingId, t.referralId),
  index('agenda_items_referral_idx').on(t.referralId),
]);

/** Every earlier wording of an item's minutes and risks, kept when they change. */
export const agendaItemVersions = pgTable('agenda_item_versions', {
  itemId: uuid('item_id').notNull().references(() => agendaItems.id),
  version: integer('version').notNull(),
  minutes: text('minutes'),
  risks: text('risks'),
  editedBy: uuid('edited_by').notNull().references(() => users.id),
  editedAt: at('edited_at').notNull(),
}, (t) => [primaryKey({ columns: [t.itemId, t.version] })]);

/**
 * What one member agency found before the meeting about an item's record: facts kept apart from
 * opinion, and what it withheld and why.
 */
export const agendaResearch = pgTable('agenda_research', {
  id: id(),
  itemId: uuid('item_id').notNull().references(() => agendaItems.id),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  teamId: uuid('team_id').notNull().references(() => teams.id),
  authorId: uuid('author_id').notNull().references(() => users.id),
  known: text('known').notNull(),
  opinion: text('opinion'),
  withheld: text('withheld'),
  withheldReason: text('withheld_reason'),
  version: version(),
  ...timestamps,
}, (t) => [uniqueIndex('agenda_research_item_organisation_key').on(t.itemId, t.organisationId)]);

/** The actions agreed on an item: each is a task of the tasks module. */
export const agendaActions = pgTable('agenda_actions', {
  itemId: uuid('item_id').notNull().references(() => agendaItems.id),
  taskId: uuid('task_id').notNull().references(() => tasks.id),
}, (t) => [primaryKey({ columns: [t.itemId, t.taskId] }), uniqueIndex('agenda_actions_task_key').on(t.taskId)]);

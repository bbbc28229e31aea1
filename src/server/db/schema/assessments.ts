import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Answers, FamilyMember, QuestionOption, TemplateDefinition } from '../../../shared/api/assessments.ts';
import { adjustmentStatuses, assessmentStatuses, assessmentSubjectKinds, questionKinds, questionNatures, questionStatuses, templateStatuses } from '../../../shared/assessments.ts';
import { riskLevels } from '../../../shared/records.ts';
import { visibilities } from '../../../shared/work.ts';
import { at, id, timestamps, version } from './columns.ts';
import { profiles } from './profiles.ts';
import { inList } from './sharing.ts';
import { organisations, partnerships, teams, users } from './structure.ts';
import { actions, tasks } from './tasks.ts';

/**
 * The partnership's bank of questions. Curators keep it; anyone may submit a question, which
 * templates can use once it is approved. Templates copy a question's wording when a version is
 * saved, so editing the bank never changes an assessment already made.
 */
export const assessmentQuestions = pgTable('assessment_questions', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  key: text('key').notNull(),
  text: text('text').notNull(),
  guidance: text('guidance'),
  kind: text('kind', { enum: questionKinds }).notNull(),
  nature: text('nature', { enum: questionNatures }).notNull(),
  topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
  options: jsonb('options').$type<QuestionOption[]>().notNull().default([]),
  scaleMin: integer('scale_min'),
  scaleMax: integer('scale_max'),
  status: text('status', { enum: questionStatuses }).notNull(),
  builtIn: boolean('built_in').notNull().default(false),
  submittedBy: uuid('submitted_by').references(() => users.id),
  submittedByTeamId: uuid('submitted_by_team_id').references(() => teams.id),
  version: version(),
  ...timestamps,
}, (t) => [
  uniqueIndex('assessment_questions_key').on(t.partnershipId, t.key),
  index('assessment_questions_status_idx').on(t.partnershipId, t.status),
  check('assessment_questions_kind_check', sql`${t.kind} in (${inList(questionKinds)})`),
  check('assessment_questions_nature_check', sql`${t.nature} in (${inList(questionNatures)})`),
  check('assessment_questions_status_check', sql`${t.status} in (${inList(questionStatuses)})`),
]);

/**
 * A template: built by a team from the bank (or built in, owned by no team). `version` is the
 * current version's number; every saved change adds a row to assessment_template_versions.
 */
export const assessmentTemplates = pgTable('assessment_templates', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  key: text('key').notNull(),
  name: text('name').notNull(),
  description: text('description'),
  ownerTeamId: uuid('owner_team_id').references(() => teams.id),
  builtIn: boolean('built_in').notNull().default(false),
  status: text('status', { enum: templateStatuses }).notNull().default('active'),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps,
}, (t) => [
  uniqueIndex('assessment_templates_key').on(t.partnershipId, t.key),
  check('assessment_templates_status_check', sql`${t.status} in (${inList(templateStatuses)})`),
]);

export const assessmentTemplateVersions = pgTable('assessment_template_versions', {
  id: id(),
  templateId: uuid('template_id').notNull().references(() => assessmentTemplates.id),
  version: integer('version').notNull(),
  definition: jsonb('definition').$type<TemplateDefinition>().notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('assessment_template_versions_key').on(t.templateId, t.version)]);

/**
 * An assessment of a profile or case with one version of a template. A draft belongs to the team
 * that started it; the author is whoever completed it (the assessor), or started it while a draft.
 * Scores are the server's; an adjustment keeps both scores and, where the template asks, waits
 * for a supervisor.
 */
export const assessments = pgTable('assessments', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  templateId: uuid('template_id').notNull().references(() => assessmentTemplates.id),
  templateVersionId: uuid('template_version_id').notNull().references(() => assessmentTemplateVersions.id),
  recordKind: text('record_kind', { enum: assessmentSubjectKinds }).notNull(),
  recordId: uuid('record_id').notNull(),
  status: text('status', { enum: assessmentStatuses }).notNull().default('draft'),
  answers: jsonb('answers').$type<Answers>().notNull().default({}),
  /** The family members pulled through when it was started, as they were named then. */
  members: jsonb('members').$type<FamilyMember[]>().notNull().default([]),
  visibility: text('visibility', { enum: visibilities }).notNull(),
  score: integer('score'),
  adjustedScore: integer('adjusted_score'),
  adjustmentReason: text('adjustment_reason'),
  adjustmentStatus: text('adjustment_status', { enum: adjustmentStatuses }),
  adjustedBy: uuid('adjusted_by').references(() => users.id),
  adjustedAt: at('adjusted_at'),
  adjustmentDecidedBy: uuid('adjustment_decided_by').references(() => users.id),
  adjustmentDecidedAt: at('adjustment_decided_at'),
  adjustmentNote: text('adjustment_note'),
  reviewOn: date('review_on', { mode: 'string' }),
  reviewActionId: uuid('review_action_id').references(() => actions.id),
  /** The completed assessment this one reviews, duplicated as its starting point. */
  reviewOf: uuid('review_of'),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  authorId: uuid('author_id').notNull().references(() => users.id),
  authorTeamId: uuid('author_team_id').notNull().references(() => teams.id),
  authorOrganisationId: uuid('author_organisation_id').notNull().references(() => organisations.id),
  completedAt: at('completed_at'),
  version: version(),
  ...timestamps,
}, (t) => [
  index('assessments_record_idx').on(t.recordKind, t.recordId, t.templateId, t.completedAt),
  index('assessments_team_drafts_idx').on(t.authorTeamId, t.updatedAt).where(sql`${t.status} = 'draft'`),
  /**
   * Statistics read a template's completed assessments over a range and decide which the reader
   * may count from the index alone: the whole range's rows share their pages with every other
   * template and partnership, so only the readable ones are fetched from the table.
   */
  index('assessments_template_completed_idx')
    .on(t.templateId, t.completedAt, t.partnershipId, t.visibility, t.authorTeamId, t.authorId, t.recordKind, t.recordId, t.id)
    .where(sql`${t.status} = 'completed'`),
  index('assessments_pending_idx').on(t.authorTeamId).where(sql`${t.adjustmentStatus} = 'pending'`),
  index('assessments_review_idx').on(t.authorId, t.reviewOn).where(sql`${t.reviewOn} is not null`),
  check('assessments_record_kind_check', sql`${t.recordKind} in (${inList(assessmentSubjectKinds)})`),
  check('assessments_status_check', sql`${t.status} in (${inList(assessmentStatuses)})`),
  check('assessments_visibility_check', sql`${t.visibility} in (${inList(visibilities)})`),
  check('assessments_adjustment_check', sql`${t.adjustmentStatus} is null or ${t.adjustmentStatus} in (${inList(adjustmentStatuses)})`),
  check('assessments_completed_check', sql`(${t.status} = 'completed') = (${t.completedAt} is not null)`),
]);

/**
 * An assessment a record still needs, raised by a threshold (a VICTIM "yes" needs the full
 * matrix the same working day) and met when one with that template is completed on the record.
 */
export const assessmentRequirements = pgTable('assessment_requirements', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  recordKind: text('record_kind', { enum: assessmentSubjectKinds }).notNull(),
  recordId: uuid('record_id').notNull(),
  templateId: uuid('template_id').notNull().references(() => assessmentTemplates.id),
  reason: text('reason').notNull(),
  raisedByAssessmentId: uuid('raised_by_assessment_id').notNull().references(() => assessments.id),
  raisedBy: uuid('raised_by').notNull().references(() => users.id),
  actionId: uuid('action_id').references(() => actions.id),
  raisedAt: at('raised_at').notNull().defaultNow(),
  metByAssessmentId: uuid('met_by_assessment_id').references(() => assessments.id),
  metAt: at('met_at'),
}, (t) => [
  index('assessment_requirements_open_idx').on(t.recordKind, t.recordId).where(sql`${t.metAt} is null`),
  check('assessment_requirements_record_kind_check', sql`${t.recordKind} in (${inList(assessmentSubjectKinds)})`),
]);

/** Each change of a profile's risk level, kept to show who moved between levels and back. */
export const riskLevelChanges = pgTable('risk_level_changes', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  profileId: uuid('profile_id').notNull().references(() => profiles.id),
  fromLevel: text('from_level', { enum: riskLevels }),
  toLevel: text('to_level', { enum: riskLevels }),
  assessmentId: uuid('assessment_id').references(() => assessments.id),
  changedBy: uuid('changed_by').notNull().references(() => users.id),
  changedAt: at('changed_at').notNull().defaultNow(),
}, (t) => [
  index('risk_level_changes_profile_idx').on(t.profileId, t.changedAt),
  index('risk_level_changes_partnership_idx').on(t.partnershipId, t.changedAt),
]);

/** A task set from within an assessment for the information one question needs. */
export const assessmentInformationRequests = pgTable('assessment_information_requests', {
  assessmentId: uuid('assessment_id').notNull().references(() => assessments.id),
  taskId: uuid('task_id').notNull().references(() => tasks.id),
  questionKey: text('question_key').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.assessmentId, t.taskId] })]);

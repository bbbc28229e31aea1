import { z } from 'zod';
import {
  adjustmentRules, adjustmentStatuses, assessmentStatuses, assessmentSubjectKinds, bandColours, chartKinds,
  questionKinds, questionNatures, questionStatuses, scoringRules, templateStatuses,
} from '../assessments.ts';
import {
  answers, answerValue, familyMember, formOption, formQuestion, questionCondition, questionKey, scaleRange, sectionOf, sectionsOf,
  type Answers, type AnswerValue, type FamilyMember, type QuestionCondition,
} from '../forms/definition.ts';
import { riskLevels } from '../records.ts';
import { visibilities } from '../work.ts';
import { isoTime, listQuery, optionalText, page, ref, text, uuid, version } from './common.ts';
import { isoDate } from './records.ts';
import { assigneeInput, taskSummary } from './tasks.ts';

// A template's definition is a form's (src/shared/forms/definition.ts) whose options carry scores,
// whose questions may come from the bank, and which adds bands, thresholds and rules. The form's
// question keys, conditions, scales and answers are the API's too.
export { answers, answerValue, familyMember, questionCondition, questionKey, scaleRange };
export type { Answers, AnswerValue, FamilyMember, QuestionCondition };

export const templateKey = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'must be lower-case letters, digits or - (at most 60)');

const score = z.number().int().min(-1000).max(1000);

/** A form's option that adds its score to the total when chosen. */
export const questionOption = formOption.extend({ score: score.default(0) });
export type QuestionOption = z.infer<typeof questionOption>;

const { key, text: questionText, guidance, kind, scale, required, condition } = formQuestion.shape;

/**
 * A question as a template version holds it: a form's question with scored options, copied from
 * the bank, so later bank edits never change a completed assessment. (Fields in the order the
 * API has always given them.)
 */
export const templateQuestion = z.object({
  key,
  questionId: uuid.nullable().default(null),
  text: questionText,
  guidance,
  kind,
  nature: z.enum(questionNatures).default('objective'),
  topics: z.array(z.string().trim().min(1).max(60)).max(10).default([]),
  options: z.array(questionOption).max(30).default([]),
  scale,
  required,
  condition,
});
export type TemplateQuestion = z.infer<typeof templateQuestion>;

export const templateSection = sectionOf(templateQuestion);
export type TemplateSection = z.infer<typeof templateSection>;

/** A score range with a label; `max` null means "and above". A band may set a profile's risk level. */
export const band = z.object({
  label: text(100),
  min: score,
  max: score.nullable(),
  colour: z.enum(bandColours).default('grey'),
  riskLevel: z.enum(riskLevels).nullable().default(null),
});
export type Band = z.infer<typeof band>;

/**
 * A score at or above `min` has a consequence: a due action for the assessor named `label`
 * ("Refer to MARAC"); with `followUp`, the record is also flagged until an assessment with that
 * template is completed on it (a VICTIM "yes" needs the full matrix the same working day).
 */
export const threshold = z.object({ min: score, label: text(200), followUp: templateKey.nullable().default(null) });
export type Threshold = z.infer<typeof threshold>;

export const templateDefinition = z.object({
  sections: sectionsOf(templateSection),
  scoring: z.enum(scoringRules).default('sum'),
  bands: z.array(band).max(10).default([]),
  thresholds: z.array(threshold).max(10).default([]),
  adjustment: z.enum(adjustmentRules).default('not_allowed'),
  /** The latest completed assessment with this template sets the profile's risk level from its band. */
  setsRiskLevel: z.boolean().default(false),
  chart: z.enum(chartKinds).default('line'),
  /** Family members are pulled through from the profile's relationships (or the case's people). */
  family: z.boolean().default(false),
});
export type TemplateDefinition = z.infer<typeof templateDefinition>;

export const templateSummary = z.object({
  id: uuid,
  key: z.string(),
  name: z.string(),
  version: z.number().int(),
  description: z.string().nullable(),
  builtIn: z.boolean(),
  status: z.enum(templateStatuses),
  /** The team that built it; null for the partnership's built-in templates. */
  team: ref.nullable(),
  family: z.boolean(),
  chart: z.enum(chartKinds),
});
export type TemplateSummary = z.infer<typeof templateSummary>;
export const templateList = z.object({ items: z.array(templateSummary) });
export const templateListQuery = z.object({ includeRetired: z.stringbool().default(false) });

export const template = templateSummary.extend(templateDefinition.shape).extend({
  versionCreatedAt: isoTime,
  permissions: z.object({ canEdit: z.boolean() }),
});
export type Template = z.infer<typeof template>;

export const templateParams = z.object({ idOrKey: z.string().trim().min(1).max(100) });
export const templateVersionQuery = z.object({ version: z.coerce.number().int().positive().optional() });

export const createTemplateBody = z.strictObject({
  key: templateKey.optional(),
  name: text(200),
  description: optionalText(2000),
  definition: templateDefinition,
});

/** Saving a template makes a new version; assessments already made keep the version they used. */
export const updateTemplateBody = z.strictObject({
  version,
  name: text(200).optional(),
  description: optionalText(2000),
  definition: templateDefinition.optional(),
  status: z.enum(templateStatuses).optional(),
});

export const copyTemplateBody = z.strictObject({ name: text(200), key: templateKey.optional() });

export const templateVersionSummary = z.object({ version: z.number().int(), createdAt: isoTime, createdBy: ref.nullable() });
export const templateVersionList = z.object({ items: z.array(templateVersionSummary) });

// The question bank.

export const bankQuestion = z.object({
  id: uuid,
  key: z.string(),
  text: z.string(),
  guidance: z.string().nullable(),
  kind: z.enum(questionKinds),
  nature: z.enum(questionNatures),
  topics: z.array(z.string()),
  options: z.array(questionOption),
  scale: scaleRange.nullable(),
  status: z.enum(questionStatuses),
  builtIn: z.boolean(),
  submittedBy: ref.nullable(),
  submittedByTeam: ref.nullable(),
  updatedAt: isoTime,
  version,
});
export type BankQuestion = z.infer<typeof bankQuestion>;
export const bankQuestionPage = page(bankQuestion);
export const bankQuestionQuery = listQuery.extend({
  status: z.enum(questionStatuses).optional(),
  topic: z.string().trim().max(60).optional(),
  nature: z.enum(questionNatures).optional(),
  q: z.string().trim().max(200).optional(),
});

const bankQuestionFields = {
  text: text(1000),
  guidance: optionalText(2000),
  kind: z.enum(questionKinds),
  nature: z.enum(questionNatures),
  topics: z.array(z.string().trim().min(1).max(60)).max(10).default([]),
  options: z.array(questionOption).max(30).default([]),
  scale: scaleRange.nullable().default(null),
};

/** Anyone who writes to records may submit a question; a curator's own question goes straight into the bank. */
export const createBankQuestionBody = z.strictObject({ key: questionKey.optional(), ...bankQuestionFields });
export const updateBankQuestionBody = z.strictObject({
  version,
  text: bankQuestionFields.text.optional(),
  guidance: bankQuestionFields.guidance,
  kind: bankQuestionFields.kind.optional(),
  nature: bankQuestionFields.nature.optional(),
  topics: z.array(z.string().trim().min(1).max(60)).max(10).optional(),
  options: z.array(questionOption).max(30).optional(),
  scale: scaleRange.nullable().optional(),
  status: z.enum(questionStatuses).optional(),
});

// Assessments.

export const subjectInput = z.strictObject({ type: z.enum(assessmentSubjectKinds), id: uuid });

export const createAssessmentBody = z.strictObject({
  /** The template's id or key. */
  template: z.string().trim().min(1).max(100),
  subject: subjectInput,
  answers: answers.default({}),
  visibility: z.enum(visibilities).default('shared'),
});

/** Answers given replace those held; an answer of null clears it. */
export const updateAssessmentBody = z.strictObject({
  version,
  answers: z.record(z.string().max(60), answerValue.nullable()).optional(),
  visibility: z.enum(visibilities).optional(),
});

export const adjustmentInput = z.strictObject({ score, reason: text(2000) });

export const completeAssessmentBody = z.strictObject({
  version: version.optional(),
  /** When the next review is due; the assessor is reminded that morning. */
  reviewOn: isoDate.nullish(),
  adjustment: adjustmentInput.nullish(),
});

export const adjustAssessmentBody = z.strictObject({ version, score, reason: text(2000) });
export const decideAdjustmentBody = z.strictObject({ version, decision: z.enum(['approved', 'rejected']), note: optionalText(2000) });

export const informationRequestBody = z.strictObject({
  questionKey,
  assignee: assigneeInput,
  dueOn: isoDate,
  note: optionalText(2000),
});

export const scoredBand = z.object({ label: z.string(), colour: z.enum(bandColours), riskLevel: z.enum(riskLevels).nullable() });

export const adjustment = z.object({
  score,
  reason: z.string(),
  status: z.enum(adjustmentStatuses),
  by: ref,
  at: isoTime,
  decidedBy: ref.nullable(),
  decidedAt: isoTime.nullable(),
  note: z.string().nullable(),
  /** The band the adjusted score falls in. */
  band: scoredBand.nullable(),
});

export const informationRequest = z.object({ questionKey: z.string(), task: taskSummary });

export const assessmentSubject = z.object({ type: z.enum(assessmentSubjectKinds), id: uuid, title: z.string().nullable() });

/**
 * An assessment. Those its visibility leaves out, who can still open the record, see a stub:
 * the template, status, team and dates (`readable` false; answers, scores and bands null).
 */
export const assessment = z.object({
  id: uuid,
  status: z.enum(assessmentStatuses),
  template: z.object({ id: uuid, key: z.string(), name: z.string(), version: z.number().int() }),
  subject: assessmentSubject,
  readable: z.boolean(),
  visibility: z.enum(visibilities).nullable(),
  team: ref,
  organisation: ref,
  /** Who started it, and who completed it (the assessor). */
  startedBy: ref.nullable(),
  assessor: ref.nullable(),
  answers: answers.nullable(),
  members: z.array(familyMember).nullable(),
  /** The score from the answers, computed on the server. */
  score: z.number().int().nullable(),
  band: scoredBand.nullable(),
  adjustment: adjustment.nullable(),
  /** The score and band that count: the adjusted ones once approved (or when no approval is needed). */
  finalScore: z.number().int().nullable(),
  finalBand: scoredBand.nullable(),
  /** Consequences the score reached. */
  thresholds: z.array(threshold).nullable(),
  reviewOn: z.string().nullable(),
  reviewOf: uuid.nullable(),
  informationRequests: z.array(informationRequest).nullable(),
  completedAt: isoTime.nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  version,
  permissions: z.object({
    canEdit: z.boolean(),
    canAdjust: z.boolean(),
    canDecideAdjustment: z.boolean(),
    canReview: z.boolean(),
    canDiscard: z.boolean(),
  }),
});
export type Assessment = z.infer<typeof assessment>;

export const assessmentSummary = assessment.pick({
  id: true, status: true, template: true, subject: true, readable: true, team: true, assessor: true, startedBy: true,
  score: true, band: true, finalScore: true, finalBand: true, reviewOn: true, completedAt: true, updatedAt: true,
}).extend({ adjustmentStatus: z.enum(adjustmentStatuses).nullable() });
export type AssessmentSummary = z.infer<typeof assessmentSummary>;

/** A record still waiting for an assessment a screening said it needs. */
export const requiredAssessment = z.object({
  id: uuid,
  template: z.object({ id: uuid, key: z.string(), name: z.string() }),
  reason: z.string(),
  raisedAt: isoTime,
  raisedBy: ref,
  /** Null for a reader the raising screening's visibility leaves out; the flag and reason still show. */
  raisedByAssessmentId: uuid.nullable(),
});
export type RequiredAssessment = z.infer<typeof requiredAssessment>;

/** An assessment a record the reader's team holds still needs, for the home page: the flag, its reason and the record. */
export const neededAssessment = requiredAssessment.pick({ id: true, template: true, reason: true, raisedAt: true }).extend({
  record: z.object({ kind: z.enum(assessmentSubjectKinds), id: uuid, title: z.string() }),
});
export type NeededAssessment = z.infer<typeof neededAssessment>;

export const recordAssessments = z.object({
  items: z.array(assessmentSummary),
  required: z.array(requiredAssessment),
  permissions: z.object({ canStart: z.boolean() }),
});

export const assessmentScopes = ['team_drafts', 'awaiting_approval', 'reviews_due', 'mine'] as const;
export type AssessmentScope = (typeof assessmentScopes)[number];
export const assessmentListQuery = listQuery.extend({ scope: z.enum(assessmentScopes).default('mine') });
export const assessmentPage = page(assessmentSummary);

export const riskLevelChange = z.object({
  from: z.enum(riskLevels).nullable(),
  to: z.enum(riskLevels).nullable(),
  assessmentId: uuid.nullable(),
  changedBy: ref,
  changedAt: isoTime,
});
export const riskLevelHistory = z.object({ items: z.array(riskLevelChange) });

/** An assessment's reviews side by side: every completed assessment with the same template on the record, oldest first. */
export const comparison = z.object({
  template: z.object({ id: uuid, key: z.string(), name: z.string(), chart: z.enum(chartKinds) }),
  /** The questions of the newest version, in order, with their section. */
  questions: z.array(z.object({ key: z.string(), text: z.string(), section: z.string(), kind: z.enum(questionKinds), options: z.array(questionOption), scale: scaleRange.nullable() })),
  items: z.array(z.object({
    id: uuid,
    completedAt: isoTime,
    templateVersion: z.number().int(),
    assessor: ref,
    score: z.number().int().nullable(),
    finalScore: z.number().int().nullable(),
    finalBand: scoredBand.nullable(),
    answers,
  })),
});
export type Comparison = z.infer<typeof comparison>;

export const statisticsQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** A postcode area, district or sector the subject's current address starts with ("DE4", "DE"). */
  area: z.string().trim().toUpperCase().regex(/^[A-Z]{1,2}(\d[A-Z\d]?( ?\d)?)?$/, 'must be the start of a postcode, such as DE or DE4').optional(),
});

export const statistics = z.object({
  template: z.object({ id: uuid, key: z.string(), name: z.string() }),
  from: z.string().nullable(),
  to: z.string().nullable(),
  area: z.string().nullable(),
  /** Completed assessments in the range that the reader may read. */
  total: z.number().int(),
  subjects: z.number().int(),
  bands: z.array(z.object({ label: z.string(), colour: z.enum(bandColours), count: z.number().int() })),
  /** Between each subject's first and latest assessment in the range. */
  movement: z.array(z.object({ from: z.string(), to: z.string(), count: z.number().int() })),
  questions: z.array(z.object({
    key: z.string(),
    text: z.string(),
    answers: z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() })),
  })),
});
export type Statistics = z.infer<typeof statistics>;

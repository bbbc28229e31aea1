/**
 * The vocabularies of assessments: the question bank, the templates built from it and the
 * assessments completed with them. The same words in the database, the API and the screen.
 */

/** The kinds of question are a form's (an assessment's choices each carry a score as well). */
export { choiceKinds, questionKindLabels, questionKinds, type QuestionKind } from './forms/questions.ts';

/** Objective questions ask for facts; subjective ones for the person's or assessor's view. */
export const questionNatures = ['objective', 'subjective'] as const;
export type QuestionNature = (typeof questionNatures)[number];
export const questionNatureLabels: Record<QuestionNature, string> = { objective: 'Objective', subjective: 'Subjective' };

/** Anyone may submit a question to the bank; curators approve it before templates can use it. */
export const questionStatuses = ['submitted', 'approved', 'retired'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];
export const questionStatusLabels: Record<QuestionStatus, string> = { submitted: 'Submitted for the bank', approved: 'In the bank', retired: 'Retired' };

export const templateStatuses = ['active', 'retired'] as const;
export type TemplateStatus = (typeof templateStatuses)[number];

export const assessmentStatuses = ['draft', 'completed'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];
export const assessmentStatusLabels: Record<AssessmentStatus, string> = { draft: 'Work in progress', completed: 'Completed' };

/** What an assessment can be about. A family assessment is made on the lead person's profile or on the family's case. */
export const assessmentSubjectKinds = ['profile', 'case'] as const;
export type AssessmentSubjectKind = (typeof assessmentSubjectKinds)[number];

/** Whether the assessor may adjust the score with professional judgement, and whether a supervisor must approve it. */
export const adjustmentRules = ['not_allowed', 'allowed', 'approval_required'] as const;
export type AdjustmentRule = (typeof adjustmentRules)[number];
export const adjustmentRuleLabels: Record<AdjustmentRule, string> = {
  not_allowed: 'No adjustment',
  allowed: 'The assessor may adjust the score, giving reasons',
  approval_required: 'The assessor may adjust the score, giving reasons; a supervisor approves it',
};

export const adjustmentStatuses = ['pending', 'approved', 'rejected'] as const;
export type AdjustmentStatus = (typeof adjustmentStatuses)[number];
export const adjustmentStatusLabels: Record<AdjustmentStatus, string> = {
  pending: 'Waiting for a supervisor',
  approved: 'Approved',
  rejected: 'Not approved',
};

export const scoringRules = ['sum', 'none'] as const;
export type ScoringRule = (typeof scoringRules)[number];

/** Colours a band may be shown in; each has a text label too, never colour alone. */
export const bandColours = ['green', 'yellow', 'orange', 'red', 'blue', 'grey'] as const;
export type BandColour = (typeof bandColours)[number];

/** How reviews are compared over time: a line of total scores, or a wheel of each rating (pathways). */
export const chartKinds = ['line', 'wheel'] as const;
export type ChartKind = (typeof chartKinds)[number];

/** The templates every partnership starts with, by key. */
export const builtInTemplateKeys = ['victim-screening', 'asb-risk-matrix', 'wheel', 'family'] as const;
export type BuiltInTemplateKey = (typeof builtInTemplateKeys)[number];

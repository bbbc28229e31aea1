/**
 * Referrals and triage: the forms teams publish at /refer/<slug>, what the public sends through
 * them, and the triage desk that works what arrives. Routes under /api/v1/public need no account.
 */
import { z } from 'zod';
import { answers, formDefinition, formQuestion, formSection } from '../forms/definition.ts';
import {
  keyedReferralChannels, lawfulBases, referralChannels, referralDecisions, referralFormPurposes, referralFormStatuses, referralStates,
  referralStatusFilters, referencePattern,
} from '../referrals.ts';
import { assessmentStatuses } from '../assessments.ts';
import { profileRoles } from '../records.ts';
import { visibilities } from '../work.ts';
import { email, isoTime, listQuery, optionalText, page, ref, text, uuid, version } from './common.ts';
import { templateKey } from './assessments.ts';
import { isoDate, lookupInput } from './records.ts';

// Referral forms (staff).

/** A form's public address: lower-case words joined by hyphens, at most 80 characters. */
export const referralFormSlug = z.string().trim().toLowerCase().regex(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/, 'must be lower-case letters, digits and hyphens (at most 80)');

/** The settings of a form, apart from its questions. */
const referralFormSettings = {
  name: text(200),
  /** Shown under the heading of the public page: who the form is for and what happens next. */
  introduction: optionalText(3000),
  privacyNotice: text(5000),
  lawfulBasis: z.enum(lawfulBases),
  /** Domestic abuse and other forms a person may need to leave quickly: the public page offers "Exit this page". */
  sensitive: z.boolean(),
  /** Working days (England and Wales) from arrival to the decision due. */
  decisionDays: z.number().int().min(0).max(60),
  /** The role the subject is linked to a case with when accepted, unless the decision says otherwise. */
  subjectRole: z.enum(profileRoles).nullable(),
  status: z.enum(referralFormStatuses),
  /** A referral, or an application to a scheme the team runs (worded so on the public pages). */
  purpose: z.enum(referralFormPurposes),
};

/**
 * `questions` (one section) or `sections`, or `templateKey` (an assessment template of the
 * partnership, whose questions the form asks, and whose completed assessment an accepted referral
 * becomes); none of these asks only "What is your concern?". Family grids are not asked of the public.
 * Settings left out take `referralFormDefaults`; a new form is published unless `status` says otherwise.
 */
export const createReferralFormBody = z.strictObject({
  name: referralFormSettings.name,
  teamId: uuid,
  slug: referralFormSlug.optional(),
  introduction: referralFormSettings.introduction,
  privacyNotice: referralFormSettings.privacyNotice.optional(),
  lawfulBasis: referralFormSettings.lawfulBasis.optional(),
  sensitive: z.boolean().optional(),
  decisionDays: referralFormSettings.decisionDays.optional(),
  subjectRole: referralFormSettings.subjectRole.optional(),
  status: referralFormSettings.status.optional(),
  /** A `scheme-application` form given no questions asks the Keep Safe Card's starter questions. */
  purpose: referralFormSettings.purpose.optional(),
  questions: z.array(formQuestion).min(1).max(100).optional(),
  sections: z.array(formSection).min(1).max(30).optional(),
  templateKey: templateKey.optional(),
});
export type CreateReferralFormBody = z.infer<typeof createReferralFormBody>;

/** A change to the questions (or the template) makes a new version; settings alone do not. */
export const updateReferralFormBody = z.strictObject({
  version,
  name: referralFormSettings.name.optional(),
  slug: referralFormSlug.optional(),
  introduction: referralFormSettings.introduction,
  privacyNotice: referralFormSettings.privacyNotice.optional(),
  lawfulBasis: referralFormSettings.lawfulBasis.optional(),
  sensitive: z.boolean().optional(),
  decisionDays: referralFormSettings.decisionDays.optional(),
  subjectRole: referralFormSettings.subjectRole.optional(),
  status: referralFormSettings.status.optional(),
  purpose: referralFormSettings.purpose.optional(),
  sections: z.array(formSection).min(1).max(30).optional(),
  templateKey: templateKey.nullish(),
});

export const referralFormSummary = z.object({
  id: uuid,
  slug: z.string(),
  name: z.string(),
  team: ref,
  status: z.enum(referralFormStatuses),
  purpose: z.enum(referralFormPurposes),
  sensitive: z.boolean(),
  decisionDays: z.number().int(),
  /** The version the public page asks now. */
  formVersion: z.number().int(),
  /** The assessment template the questions come from, if any. */
  template: z.object({ id: uuid, key: z.string(), name: z.string(), version: z.number().int() }).nullable(),
  /** The path of the public page: `/refer/<slug>`. */
  publicPath: z.string(),
  updatedAt: isoTime,
  version,
  /** Whether the reader may change the form (its team's administrators, its organisation's, the partnership's system administrators). */
  permissions: z.object({ canManage: z.boolean() }),
});
export type ReferralFormSummary = z.infer<typeof referralFormSummary>;

export const referralForm = referralFormSummary.extend({
  introduction: z.string().nullable(),
  privacyNotice: z.string(),
  lawfulBasis: z.enum(lawfulBases),
  subjectRole: z.enum(profileRoles).nullable(),
  definition: formDefinition,
  createdAt: isoTime,
});
export type ReferralForm = z.infer<typeof referralForm>;

export const referralFormList = z.object({ items: z.array(referralFormSummary) });
export const referralFormListQuery = z.object({ teamId: uuid.optional() });
export const referralFormVersionSummary = z.object({ version: z.number().int(), createdAt: isoTime, createdBy: ref.nullable() });
export const referralFormVersionList = z.object({ items: z.array(referralFormVersionSummary) });

// The public form (no account).

export const publicFormParams = z.object({ slug: z.string().trim().max(100) });

/** The form's title and questions, nothing else: no team, no ids. */
export const publicReferralForm = z.object({
  slug: z.string(),
  title: z.string(),
  introduction: z.string().nullable(),
  privacyNotice: z.string(),
  lawfulBasis: z.enum(lawfulBases),
  sensitive: z.boolean(),
  purpose: z.enum(referralFormPurposes),
  definition: formDefinition,
});
export type PublicReferralForm = z.infer<typeof publicReferralForm>;

/** Who is sending the referral. */
export const referrerInput = z.strictObject({
  name: text(200),
  email: email.nullish(),
  phone: z.string().trim().max(30).regex(/^[0-9+() -]*$/, 'must be a phone number').nullish(),
  organisation: optionalText(200),
  /** How they know the person ("their teacher", "neighbour"). */
  relationship: optionalText(200),
});
export type ReferrerInput = z.infer<typeof referrerInput>;

/** The subject's address as a referrer writes it: lines and a postcode, or one line of text. */
export const referralAddress = z.union([
  z.string().trim().min(1, 'must not be blank').max(500),
  z.strictObject({
    addressLine1: text(200),
    addressLine2: optionalText(200),
    town: optionalText(100),
    postcode: optionalText(10),
  }),
]);
export type ReferralAddress = z.infer<typeof referralAddress>;

/** The person the referral is about. */
export const referralSubjectInput = z.strictObject({
  firstName: text(100),
  lastName: text(100),
  dateOfBirth: isoDate.nullish(),
  address: referralAddress.nullish(),
  phone: z.string().trim().max(30).regex(/^[0-9+() -]*$/, 'must be a phone number').nullish(),
  email: email.nullish(),
});
export type ReferralSubjectInput = z.infer<typeof referralSubjectInput>;

/** The contract's body. `consent`: the referrer agrees to what the privacy notice says. */
export const publicSubmissionBody = z.strictObject({
  referrer: referrerInput,
  subject: referralSubjectInput,
  answers: answers.default({}),
  consent: z.boolean(),
});
export type PublicSubmissionBody = z.infer<typeof publicSubmissionBody>;

/** Nothing about any record: the same reply whoever the person is. */
export const submissionReply = z.object({ reference: z.string().regex(referencePattern) });

/** What the referrer sees from their "add more information" link: what the team asked, never the referral. */
export const publicInformationRequest = z.object({ reference: z.string(), formTitle: z.string(), question: z.string(), sensitive: z.boolean() });
export const publicInformationParams = z.object({ token: z.string().trim().min(20).max(100) });
export const publicInformationBody = z.strictObject({ information: text(10_000) });
/** The referrer's answer arrived; it says nothing else. */
export const publicInformationReply = z.object({ message: z.string() });

// The triage desk (staff, and other systems through an organisation's token).

/** A referral taken by phone or on paper, or sent by another system (its channel is then `api`). */
export const createReferralBody = z.strictObject({
  /** The desk it lands on; the keyer's own team when left out. */
  teamId: uuid.optional(),
  /** The form whose questions `answers` answer, if any. */
  formId: uuid.optional(),
  channel: z.enum(keyedReferralChannels).optional(),
  receivedAt: isoTime.optional(),
  referrer: referrerInput,
  subject: referralSubjectInput,
  answers: answers.default({}),
  /** What was said, for a referral taken without a form. */
  concern: optionalText(10_000),
  consent: z.boolean(),
});
export type CreateReferralBody = z.infer<typeof createReferralBody>;

export const referralListQuery = listQuery.extend({
  status: z.enum(referralStatusFilters).default('open'),
  teamId: uuid.optional(),
  assignedTo: z.union([uuid, z.literal('me'), z.literal('nobody')]).optional(),
});

export const referralSubject = z.object({
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string().nullable(),
});

export const referralListItem = z.object({
  id: uuid,
  reference: z.string(),
  receivedAt: isoTime,
  /** Null while the clock is paused (waiting for information) and once decided. */
  decisionDueAt: isoTime.nullable(),
  status: z.enum(referralStates),
  subject: referralSubject,
  channel: z.enum(referralChannels),
  form: ref.nullable(),
  assignedTo: ref.nullable(),
  overdue: z.boolean(),
  paused: z.boolean(),
});
export type ReferralListItem = z.infer<typeof referralListItem>;
export const referralPage = page(referralListItem).extend({ team: ref });

export const referralNote = z.object({ id: uuid, text: z.string(), author: ref, createdAt: isoTime });
export const referralEvent = z.object({
  at: isoTime,
  step: z.string(),
  from: z.enum(referralStates).nullable(),
  to: z.enum(referralStates),
  /** Null for the referrer (their reply) and for the system. */
  by: ref.nullable(),
  reason: z.string().nullable(),
});
export const informationRequest = z.object({
  id: uuid,
  question: z.string(),
  askedAt: isoTime,
  askedBy: ref,
  answeredAt: isoTime.nullable(),
  answer: z.string().nullable(),
  /** How the answer came: through the referrer's link, or recorded by the team. */
  answeredVia: z.enum(['link', 'team']).nullable(),
});

export const referralOutcome = z.object({
  decision: z.enum(referralDecisions),
  reason: z.string(),
  decidedAt: isoTime,
  decidedBy: ref,
  caseId: uuid.nullable(),
  profileId: uuid.nullable(),
  reportId: uuid.nullable(),
  assessmentId: uuid.nullable(),
  signpostedTo: z.string().nullable(),
});

export const referral = referralListItem.extend({
  team: ref,
  form: ref.extend({ version: z.number().int() }).nullable(),
  referrer: z.object({
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    organisation: z.string().nullable(),
    relationship: z.string().nullable(),
  }),
  subject: referralSubject.extend({
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  /** The questions of the form version it was sent with, to show the answers against. */
  definition: formDefinition.nullable(),
  answers,
  concern: z.string().nullable(),
  consent: z.boolean(),
  pausedAt: isoTime.nullable(),
  notes: z.array(referralNote),
  events: z.array(referralEvent),
  informationRequests: z.array(informationRequest),
  outcome: referralOutcome.nullable(),
  createdBy: ref.nullable(),
  version,
  permissions: z.object({ canWork: z.boolean() }),
});
export type Referral = z.infer<typeof referral>;

/** What another system gets back: enough to quote, nothing it did not send. */
export const createdReferral = z.object({ id: uuid, reference: z.string(), status: z.enum(referralStates), receivedAt: isoTime, decisionDueAt: isoTime.nullable() });

export const assignReferralBody = z.strictObject({ version, assignedToId: uuid.nullable() });
export const referralNoteBody = z.strictObject({ text: text(10_000) });
export const referralReasonBody = z.strictObject({ version: version.optional(), reason: text(2000) });
export const recordInformationBody = z.strictObject({ version: version.optional(), information: text(10_000) });
/** Taking a new referral on; the reason is optional, as assigning it does the same without one. */
export const startTriageBody = z.strictObject({ version: version.optional(), reason: optionalText(2000) });

/**
 * The contract's decision. `scheme-application` takes an application form's submission in: the
 * person (created, or `profileId`, one of the likely matches) and an application to the scheme
 * whose form it was. `new-case` creates the person (or links `profileId`, one of the likely
 * matches) and a case of `caseType`; `existing-case` adds them, the report and the assessment to
 * `caseId`; `more-information` emails the referrer `question` with a link to answer.
 */
export const referralDecisionBody = z.strictObject({
  decision: z.enum(referralDecisions),
  reason: text(2000),
  version: version.optional(),
  caseType: lookupInput.optional(),
  caseId: uuid.optional(),
  profileId: uuid.optional(),
  /** The subject's role in the case; the form's `subjectRole` (or "other") when left out. */
  role: z.enum(profileRoles).optional(),
  /** Who sees the first report on the case; `team` when left out. */
  reportVisibility: z.enum(visibilities).optional(),
  signpostedTo: optionalText(500),
  question: optionalText(2000),
});
export type ReferralDecisionBody = z.infer<typeof referralDecisionBody>;

export const referralDecisionReply = z.object({
  status: z.enum(referralStates),
  caseId: uuid.optional(),
  profileId: uuid.optional(),
  reportId: uuid.optional(),
  assessmentId: uuid.optional(),
  /** `draft` when the form's answers left a required question of the template unanswered: the desk's team finishes it. */
  assessmentStatus: z.enum(assessmentStatuses).optional(),
  /** `scheme-application`: the application made from it, on the scheme's list. */
  applicationId: uuid.optional(),
  version,
});

export const referralStatisticsQuery = z.object({ teamId: uuid.optional(), from: isoDate.optional(), to: isoDate.optional() });
const durations = z.object({ count: z.number().int(), medianHours: z.number().nullable(), p95Hours: z.number().nullable() });
export const referralStatistics = z.object({
  team: ref,
  from: z.string(),
  to: z.string(),
  received: z.number().int(),
  decided: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  timeToDecision: durations,
  byOutcome: z.array(durations.extend({ outcome: z.enum(referralDecisions) })),
  byChannel: z.array(z.object({ channel: z.enum(referralChannels), count: z.number().int() })),
});

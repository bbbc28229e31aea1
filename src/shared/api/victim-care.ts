import { z } from 'zod';
import { caseReviewStages, contactChannels, triggerBases } from '../victim-care.ts';
import { isoTime, listQuery, optionalText, page, ref, text, uuid, version } from './common.ts';
import { personSafety } from './profiles.ts';
import { isoDate, owner } from './records.ts';

// The partnership's settings: contact cadence, the grace before supervisors hear, the community trigger.

const days = (max: number) => z.number().int().min(1).max(max);

/** Days between contacts by the person's risk level; `notAssessed` until a risk assessment sets one. */
export const cadenceDays = z.strictObject({ standard: days(365), medium: days(365), high: days(365), notAssessed: days(365) });

/**
 * The community trigger: `complaints` ASB complaints about a victim in `months`; locally also
 * `locationComplaints` about one place the victim lives (null: not used) and any hate incident.
 */
export const triggerSettings = z.strictObject({
  complaints: days(50),
  months: days(24),
  locationComplaints: days(100).nullable(),
  anyHateIncident: z.boolean(),
});

/** A partnership's settings as a whole; `version` 0 while it keeps Concord's defaults. */
export const victimCareSettingsBody = z.strictObject({
  version: z.number().int().min(0).max(2_147_483_647),
  cadenceDays,
  /** Days a contact may be overdue before the team's supervisors are told. */
  overdueGraceDays: z.number().int().min(0).max(60),
  communityTrigger: triggerSettings,
});

export const victimCareSettings = victimCareSettingsBody.extend({
  /** True while the partnership has not changed Concord's defaults. */
  isDefault: z.boolean(),
  updatedAt: isoTime.nullable(),
  permissions: z.object({ canEdit: z.boolean() }),
});
export type VictimCareSettings = z.infer<typeof victimCareSettings>;

// Contact plans.

/**
 * The plan for keeping in touch with a victim. Fields left out stay as they are (on a new plan:
 * the partnership's cadence for the person's risk level, no channel chosen, nothing yet confirmed
 * safe). `frequencyDays: null` goes back to the partnership's cadence. With `version`, a plan
 * changed since it was read is refused with 409.
 */
export const contactPlanBody = z.strictObject({
  frequencyDays: days(365).nullish(),
  caseId: uuid.nullish(),
  preferredChannel: z.enum(contactChannels).nullish(),
  safeTimes: optionalText(500),
  safeToText: z.boolean().optional(),
  safeToVoicemail: z.boolean().optional(),
  safeToEmail: z.boolean().optional(),
  safeToLetter: z.boolean().optional(),
  version: version.optional(),
});

/** A case as victim care names it: the reference and title anyone in the partnership may learn. */
export const caseStub = z.object({ id: uuid, reference: z.string(), title: z.string() });

export const contactPlan = z.object({
  profileId: uuid,
  case: caseStub.nullable(),
  frequencyDays: z.number().int(),
  /** The partnership's cadence for the person's risk level now, for comparison. */
  defaultFrequencyDays: z.number().int(),
  preferredChannel: z.enum(contactChannels).nullable(),
  safeTimes: z.string().nullable(),
  safeToText: z.boolean(),
  safeToVoicemail: z.boolean(),
  safeToEmail: z.boolean(),
  safeToLetter: z.boolean(),
  /** The last contact that reached the victim; attempts that did not are not contacts. */
  lastContactAt: isoTime.nullable(),
  nextContactDue: isoDate,
  /** The next contact is due before today in London. */
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  setBy: ref.nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  version,
  permissions: z.object({ canEdit: z.boolean(), canRecordContact: z.boolean() }),
});
export type ContactPlan = z.infer<typeof contactPlan>;

// Contacts with the victim.

/**
 * A contact or an attempt at one. `reached: false` is an attempt: recorded, but the next contact
 * stays due. `reached: true` without a report is a contact (a call that got through); a "Victim
 * update" report on the person records one by itself. Sending by a channel the plan does not mark
 * safe (a text, an email, a letter, a voicemail left) is refused with 422 `unsafe_channel`.
 */
export const recordContactBody = z.strictObject({
  /** When it happened; now when left out. */
  at: isoTime.optional(),
  channel: z.enum(contactChannels),
  reached: z.boolean(),
  /** A phone call that left a voicemail. */
  voicemailLeft: z.boolean().optional(),
  note: optionalText(2000),
});

export const victimContact = z.object({
  id: uuid,
  at: isoTime,
  /** Null for a contact a "Victim update" report recorded: the report does not say how it was made. */
  channel: z.enum(contactChannels).nullable(),
  reached: z.boolean(),
  voicemailLeft: z.boolean(),
  note: z.string().nullable(),
  /** The "Victim update" report that recorded it, when one did (read through the report's own visibility). */
  reportId: uuid.nullable(),
  recordedBy: ref.nullable(),
  team: ref,
  organisation: ref,
  createdAt: isoTime,
});
export type VictimContact = z.infer<typeof victimContact>;
export const victimContactPage = page(victimContact);
export const victimContactListQuery = listQuery;

// Overdue contacts.

export const overdueContactsQuery = listQuery.extend({
  /** Only the people this team holds; every overdue contact the caller may open when left out. */
  teamId: uuid.optional(),
});

export const overdueContact = z.object({
  profile: z.object({ id: uuid, firstName: z.string(), lastName: z.string(), owner, safety: personSafety }),
  case: caseStub.nullable(),
  frequencyDays: z.number().int(),
  lastContactAt: isoTime.nullable(),
  nextContactDue: isoDate,
  daysOverdue: z.number().int(),
});
export type OverdueContact = z.infer<typeof overdueContact>;
export const overdueContactPage = page(overdueContact);
/** The first overdue contacts of a team, for the home page and the supervisor's view. */
export const overdueContactList = z.object({ items: z.array(overdueContact), more: z.boolean() });

// The community trigger and the ASB case review.

/** Where the community trigger stands for one victim, counted now over the partnership's period. */
export const triggerStatus = z.object({
  /** ASB complaints about the person in the period, one per incident (a day's reports, whichever agencies made them). */
  complaints: z.number().int(),
  /** The agencies that reported them. */
  organisations: z.number().int(),
  /** The day of the first complaint counted; null with none. */
  since: isoDate.nullable(),
  /** The most complaints in the period about one place the person lives. */
  locationComplaints: z.number().int(),
  hateIncidents: z.number().int(),
  threshold: z.number().int(),
  months: z.number().int(),
  /** The open flag, once raised: by a report that reached the threshold, or the nightly sweep. */
  flag: z.object({
    id: uuid,
    basis: z.enum(triggerBases),
    raisedAt: isoTime,
    caseReviewId: uuid.nullable(),
  }).nullable(),
});

export const caseReviewStep = z.object({
  stage: z.enum(caseReviewStages),
  /** When the step is due by its clock; null before the step before it is taken, or without a clock. */
  dueOn: isoDate.nullable(),
  doneOn: isoDate.nullable(),
});

export const caseReview = z.object({
  id: uuid,
  profile: z.object({ id: uuid, firstName: z.string(), lastName: z.string() }),
  flagId: uuid.nullable(),
  /** The person who runs it and is reminded of each step's date, and their team. */
  owner: ref,
  ownerTeam: ref,
  /** The last step taken. */
  stage: z.enum(caseReviewStages),
  /** The step waiting and when it is due; null once nothing waits on the partnership. */
  next: z.object({ stage: z.enum(caseReviewStages), dueOn: isoDate, overdue: z.boolean() }).nullable(),
  steps: z.array(caseReviewStep),
  /** The appeal step's `doneOn` is when the appeal was answered; this is when it arrived. */
  appealReceivedOn: isoDate.nullable(),
  thresholdMet: z.boolean().nullable(),
  outcome: z.string().nullable(),
  appealOutcome: z.string().nullable(),
  closedReason: z.string().nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  version,
  permissions: z.object({ canChange: z.boolean() }),
});
export type CaseReview = z.infer<typeof caseReview>;

/** Opening a review from the victim's flag; the application arrived today when left out. */
export const openCaseReviewBody = z.strictObject({ applicationReceivedOn: isoDate.optional() });
export const flagParams = z.object({ flagId: uuid });

/** Opening a review for a victim the trigger has not flagged: they may apply all the same. */
export const createCaseReviewBody = openCaseReviewBody.extend({ profileId: uuid });

/**
 * Takes the review's next step, on `on` (today when left out): `threshold-decision` needs
 * `thresholdMet`; `outcome` needs `outcome`; closing after an appeal needs `appealOutcome`, and
 * closing before the outcome (withdrawn) needs `reason`. A step out of order is refused with 409
 * `stage_out_of_order`, a stale version with 409 `conflict`.
 */
export const moveCaseReviewBody = z.strictObject({
  version,
  stage: z.enum(caseReviewStages).exclude(['application-received']),
  on: isoDate.optional(),
  thresholdMet: z.boolean().optional(),
  outcome: text(5000).optional(),
  appealOutcome: text(5000).optional(),
  reason: text(2000).optional(),
});

export const caseReviewSummary = caseReview.pick({ id: true, stage: true, next: true });

/** Victim care on a person's profile: the plan, whether a contact is overdue, the trigger and any open review. */
export const victimCare = z.object({
  profileId: uuid,
  plan: contactPlan.nullable(),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  communityTrigger: triggerStatus,
  caseReview: caseReviewSummary.nullable(),
  /**
   * `tell-about-case-review` from the second complaint until the trigger is met: the 2025
   * statutory guidance asks that the victim is told then that they may apply for a case review.
   */
  prompt: z.enum(['tell-about-case-review']).nullable(),
  /**
   * `canEdit`: set or change the plan (edit on the profile); `canRecordContact`: record a contact
   * (anyone who may add to the profile, once it has a plan); `canOpenCaseReview`: open a review
   * (anyone who may add to the profile, while none is open).
   */
  permissions: z.object({ canEdit: z.boolean(), canRecordContact: z.boolean(), canOpenCaseReview: z.boolean() }),
});
export type VictimCare = z.infer<typeof victimCare>;

export const communityTriggerListQuery = listQuery;

/** A victim the community trigger flagged, as the contract lists them: counted complaints, agencies, since when. */
export const communityTrigger = z.object({
  id: uuid,
  profile: z.object({ id: uuid, firstName: z.string(), lastName: z.string(), owner }),
  basis: z.enum(triggerBases),
  reports: z.number().int(),
  organisations: z.number().int(),
  since: isoDate.nullable(),
  raisedAt: isoTime,
  caseReview: caseReviewSummary.nullable(),
});
export type CommunityTrigger = z.infer<typeof communityTrigger>;
export const communityTriggerPage = page(communityTrigger);

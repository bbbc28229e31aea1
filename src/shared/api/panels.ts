import { z } from 'zod';
import { assessmentSubjectKinds } from '../assessments.ts';
import {
  attendanceStatuses, meetingStatuses, panelKindLabelList, panelKindOf, panelKinds, referralCriteria, referralStatuses,
} from '../panels.ts';
import { taskStatuses } from '../work.ts';
import { isoTime, listQuery, optionalText, page, ref, text, uuid, version } from './common.ts';
import { personSafety } from './profiles.ts';
import { isoDate } from './records.ts';
import { assigneeInput, taskAssignee } from './tasks.ts';

/** A kind as the API names it ("Community MARAC") or by its key, in any case; parsed to the key. */
export const panelKindInput = z.string().trim().max(60).meta({ examples: ['MARAC'] }).transform((s, ctx) => {
  const kind = panelKindOf(s);
  if (!kind) {
    ctx.addIssue({ code: 'custom', message: `must be one of ${panelKindLabelList.join(', ')}` });
    return z.NEVER;
  }
  return kind;
});

/** A profile or case brought to a panel, named as the public contract names it. */
export const panelSubject = z.strictObject({ type: z.enum(assessmentSubjectKinds), id: uuid });

// Panels.

/** The creator, unless a system administrator, is made one of its coordinators, so it stays theirs to run. */
export const createPanelBody = z.strictObject({
  kind: panelKindInput,
  name: text(200),
  memberOrganisationIds: z.array(uuid).max(100),
  chairUserId: uuid.nullish(),
  coordinatorIds: z.array(uuid).max(50).default([]),
});

export const updatePanelBody = z.strictObject({
  version,
  kind: panelKindInput.optional(),
  name: text(200).optional(),
  memberOrganisationIds: z.array(uuid).max(100).optional(),
  chairUserId: uuid.nullish(),
  coordinatorIds: z.array(uuid).max(50).optional(),
});

export const panelRef = z.object({ id: uuid, name: z.string(), kind: z.enum(panelKindLabelList), kindKey: z.enum(panelKinds) });
export type PanelRef = z.infer<typeof panelRef>;

export const panel = panelRef.extend({
  chair: ref.extend({ organisation: ref }).nullable(),
  memberOrganisations: z.array(ref),
  coordinators: z.array(ref),
  /** Referrals waiting for a meeting. */
  waiting: z.number().int(),
  nextMeeting: z.object({ id: uuid, startsAt: isoTime }).nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  version,
  permissions: z.object({
    /** Change the panel itself: its system administrators and coordinators holding `panels.manage`. */
    canManage: z.boolean(),
    /** Run its meetings (agenda, attendance, minutes, actions, closing): the chair, coordinators and system administrators. */
    canRun: z.boolean(),
    /** Refer a record to it: members (whose account may write), the chair and coordinators. */
    canRefer: z.boolean(),
  }),
});
export type Panel = z.infer<typeof panel>;
export const panelPage = page(panel);

// Referrals.

export const createReferralBody = z.strictObject({
  subject: panelSubject,
  reason: text(5000),
  criteria: z.array(z.enum(referralCriteria)).min(1, 'give at least one criterion').max(referralCriteria.length),
});

export const withdrawReferralBody = z.strictObject({ version: version.optional(), reason: text(2000) });

/**
 * A referral as its reader sees it. Someone who may not open the record sees it as a stub:
 * `restricted` true, `title` and `reason` null.
 */
export const referral = z.object({
  id: uuid,
  panelId: uuid,
  panel: panelRef,
  subject: z.object({ type: z.enum(assessmentSubjectKinds), id: uuid }),
  title: z.string().nullable(),
  restricted: z.boolean(),
  reason: z.string().nullable(),
  criteria: z.array(z.enum(referralCriteria)),
  /** Referred to this panel in the 12 months before (SafeLives' definition of a repeat). */
  repeat: z.boolean(),
  status: z.enum(referralStatuses),
  /** Children in the household, from the person's relationships when referred. */
  hasChildren: z.boolean(),
  /** The assessment it started from, when there was one. */
  latestAssessmentId: uuid.nullable(),
  referredBy: ref,
  referredByTeam: ref,
  referredByOrganisation: ref,
  /** The meeting whose agenda it is on (or was heard at). */
  meeting: z.object({ id: uuid, startsAt: isoTime }).nullable(),
  withdrawnReason: z.string().nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  version,
});
export type Referral = z.infer<typeof referral>;
export const referralPage = page(referral);

export const referralListQuery = listQuery.extend({ status: z.enum(referralStatuses).optional() });

/** The referrals of one record, to every panel the reader may see. */
export const recordReferralQuery = z.object({ subjectType: z.enum(assessmentSubjectKinds), subjectId: uuid });
export const recordReferralList = z.object({ items: z.array(referral) });

export const referralStartQuery = recordReferralQuery;

/** A relative of the person, as their relationships record them; a child is under 18 (or a child of theirs, age unknown). */
export const household = z.object({
  id: uuid,
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string().nullable(),
  /** Read from the person's side: "Parent of", "Partner of". */
  relationship: z.string(),
  age: z.number().int().nullable(),
  child: z.boolean(),
  /** False for a locked stub: name and date of birth only, as search shows it. */
  accessible: z.boolean(),
});
export type Household = z.infer<typeof household>;

export const startAssessment = z.object({
  id: uuid,
  template: z.object({ id: uuid, key: z.string(), name: z.string() }),
  completedAt: isoTime,
  score: z.number().int().nullable(),
  band: z.string().nullable(),
});
export type StartAssessment = z.infer<typeof startAssessment>;

/**
 * What Concord already holds about a record brought to a panel, so the referrer keys nothing
 * twice: the person (or the case's people), their latest DASH and ASB risk matrix, their household
 * from relationships, earlier referrals to this panel and the criteria it suggests. Only what the
 * caller may open.
 */
export const referralStart = z.object({
  subject: z.object({ type: z.enum(assessmentSubjectKinds), id: uuid, title: z.string() }),
  people: z.array(z.object({
    id: uuid, firstName: z.string(), lastName: z.string(), dateOfBirth: z.string().nullable(), safety: personSafety,
  })),
  dash: startAssessment.nullable(),
  riskMatrix: startAssessment.nullable(),
  household: z.array(household),
  hasChildren: z.boolean(),
  /** asb-complaint and hate-incident reports on the record in the last 12 months that the caller may read. */
  incidents: z.number().int(),
  earlierReferrals: z.array(z.object({
    id: uuid, createdAt: isoTime, status: z.enum(referralStatuses), heardAt: isoTime.nullable(),
  })),
  repeat: z.boolean(),
  suggestedCriteria: z.array(z.enum(referralCriteria)),
});
export type ReferralStart = z.infer<typeof referralStart>;

// Meetings.

export const createMeetingBody = z.strictObject({
  panelId: uuid,
  startsAt: isoTime,
  endsAt: isoTime.nullish(),
  place: optionalText(500),
  onlineLink: z.string().trim().max(2000).url('must be a web address').nullish(),
}).refine((b) => !b.endsAt || Date.parse(b.endsAt) > Date.parse(b.startsAt), { path: ['endsAt'], message: 'must be after the start' });

export const updateMeetingBody = z.strictObject({
  version,
  startsAt: isoTime.optional(),
  endsAt: isoTime.nullish(),
  place: optionalText(500),
  onlineLink: z.string().trim().max(2000).url('must be a web address').nullish(),
});

export const meetingListQuery = listQuery.extend({ when: z.enum(['upcoming', 'past', 'all']).default('all') });

export const meetingSummary = z.object({
  id: uuid,
  panelId: uuid,
  panel: panelRef,
  startsAt: isoTime,
  endsAt: isoTime.nullable(),
  place: z.string().nullable(),
  onlineLink: z.string().nullable(),
  status: z.enum(meetingStatuses),
  closedAt: isoTime.nullable(),
  items: z.number().int(),
  version,
});
export type MeetingSummary = z.infer<typeof meetingSummary>;
export const meetingPage = page(meetingSummary);

export const agendaAction = z.object({
  taskId: uuid,
  title: z.string(),
  dueOn: z.string(),
  status: z.enum(taskStatuses),
  overdue: z.boolean(),
  assignee: taskAssignee,
});
export type AgendaAction = z.infer<typeof agendaAction>;

export const research = z.object({
  id: uuid,
  organisation: ref,
  team: ref,
  author: ref,
  /** What the agency's records hold: facts. */
  known: z.string(),
  /** The agency's view, kept apart from the facts. */
  opinion: z.string().nullable(),
  /** What the agency holds but did not share, and why. */
  withheld: z.string().nullable(),
  withheldReason: z.string().nullable(),
  updatedAt: isoTime,
  version,
});
export type Research = z.infer<typeof research>;

/**
 * An item as its reader sees it. A member who may not open its record sees `restricted` true,
 * a neutral `title`, no minutes, risks or research, and only the actions set for their own
 * organisation, team or themselves.
 */
export const agendaItem = z.object({
  id: uuid,
  referralId: uuid,
  subject: z.object({ type: z.enum(assessmentSubjectKinds), id: uuid }),
  title: z.string(),
  restricted: z.boolean(),
  position: z.number().int(),
  repeat: z.boolean(),
  hasChildren: z.boolean(),
  criteria: z.array(z.enum(referralCriteria)),
  reason: z.string().nullable(),
  minutes: z.string().optional(),
  risks: z.string().optional(),
  minutedBy: ref.nullable(),
  minutedAt: isoTime.nullable(),
  /** Earlier wordings of the minutes kept (GET …/versions lists them). */
  earlierVersions: z.number().int(),
  actions: z.array(agendaAction),
  research: z.array(research),
  version,
});
export type AgendaItem = z.infer<typeof agendaItem>;

export const attendance = z.object({
  organisation: ref,
  /** Null until recorded. */
  status: z.enum(attendanceStatuses).nullable(),
  attendees: z.string().nullable(),
  confidentialityAgreed: z.boolean(),
  recordedBy: ref.nullable(),
  updatedAt: isoTime.nullable(),
});
export type Attendance = z.infer<typeof attendance>;

/** An action agreed at an earlier meeting of the panel and still to do. */
export const openAction = agendaAction.extend({
  meeting: z.object({ id: uuid, startsAt: isoTime }),
  itemId: uuid,
  subject: z.object({ type: z.enum(assessmentSubjectKinds), id: uuid }),
  /** The record's title; null when the reader may not open it. */
  recordTitle: z.string().nullable(),
});
export type OpenAction = z.infer<typeof openAction>;

export const meeting = meetingSummary.omit({ items: true }).extend({
  agenda: z.array(agendaItem),
  attendance: z.array(attendance),
  openActions: z.array(openAction),
  permissions: z.object({
    canRun: z.boolean(),
    /** The caller's organisation is a member and their account may write: they may add its research. */
    canResearch: z.boolean(),
  }),
});
export type Meeting = z.infer<typeof meeting>;

export const meetingItemParams = z.object({ id: uuid, itemId: uuid });
export const attendanceParams = z.object({ id: uuid, organisationId: uuid });

export const addAgendaItemBody = z.strictObject({ referralId: uuid });
export const reorderAgendaBody = z.strictObject({ itemIds: z.array(uuid).min(1).max(500) });

export const minutesBody = z.strictObject({
  text: z.string().trim().max(50_000, 'must be at most 50,000 characters'),
  risks: optionalText(20_000),
  /** The item's version the edit is based on; a stale one gets 409 with the current item. */
  version: version.optional(),
});

export const minutesVersion = z.object({
  version,
  minutes: z.string().nullable(),
  risks: z.string().nullable(),
  editedBy: ref,
  editedAt: isoTime,
});
export type MinutesVersion = z.infer<typeof minutesVersion>;
export const minutesVersionList = z.object({ items: z.array(minutesVersion) });

export const researchBody = z.strictObject({
  known: z.string().trim().max(20_000, 'must be at most 20,000 characters'),
  opinion: optionalText(20_000),
  withheld: optionalText(20_000),
  withheldReason: optionalText(5000),
  version: version.optional(),
}).refine((b) => !b.withheld || !!b.withheldReason, { path: ['withheldReason'], message: 'say why it was withheld' });

export const attendanceBody = z.strictObject({
  status: z.enum(attendanceStatuses),
  attendees: optionalText(2000),
  confidentialityAgreed: z.boolean(),
});

export const createAgendaActionBody = z.strictObject({
  title: text(200),
  description: optionalText(5000),
  assignee: assigneeInput,
  dueDate: isoDate,
});
export const agendaActionCreated = z.object({ taskId: uuid });

// Statistics.

export const panelStatisticsQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });

/**
 * A panel's figures over a date range (London dates, both ends included), counted by when the
 * referral was made and when the action was agreed. `repeatRate` is a fraction from 0 to 1
 * (SafeLives' benchmark is 0.28), 0 with no referrals.
 */
export const panelStatistics = z.object({
  panel: panelRef,
  from: z.string().nullable(),
  to: z.string().nullable(),
  referrals: z.number().int(),
  repeatReferrals: z.number().int(),
  repeatRate: z.number().min(0).max(1),
  byCriterion: z.array(z.object({ criterion: z.enum(referralCriteria), count: z.number().int() })),
  /** Actions agreed at the panel's meetings. */
  actions: z.number().int(),
  actionsCompleted: z.number().int(),
  actionsCompletedOnTime: z.number().int(),
});
export type PanelStatistics = z.infer<typeof panelStatistics>;

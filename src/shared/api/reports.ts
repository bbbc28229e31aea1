import { z } from 'zod';
import { adjustmentStatuses, bandColours } from '../assessments.ts';
import { messageSenders } from '../portal.ts';
import { profileRoles, recordKinds } from '../records.ts';
import { contactChannels } from '../victim-care.ts';
import { taskStatuses, taskUpdateKinds, timelineEntryKinds, visibilities } from '../work.ts';
import { isoTime, listQuery, page, ref, uuid, version } from './common.ts';
import { personSafety } from './profiles.ts';
import { isoDate, lookupInput, lookupRef } from './records.ts';

/** Formatted text as HTML from the editor; the server keeps only safe markup (see the reports module). */
const reportBody = z.string().trim().min(1, 'must not be blank').max(200_000, 'must be at most 200,000 characters');

export const createReportBody = z.strictObject({
  /** A report type from the partnership's list: its id, key or name. */
  reportType: lookupInput,
  occurredAt: isoTime,
  body: reportBody,
  visibility: z.enum(visibilities),
});

/** A profile, case or location named as the public API contract names it. */
export const subjectRef = z.strictObject({ type: z.enum(recordKinds), id: uuid });

/**
 * The public contract's form of adding a report: the record named in the body as its `subject`,
 * and `occurredAt` optional, meaning now.
 */
export const createSubjectReportBody = createReportBody.extend({
  subject: subjectRef,
  occurredAt: isoTime.optional(),
});

export const updateReportBody = z.strictObject({
  version,
  reportType: lookupInput.optional(),
  occurredAt: isoTime.optional(),
  body: reportBody.optional(),
  visibility: z.enum(visibilities).optional(),
});

/** A document attached to a report, as the report lists it. */
export const attachment = z.object({ id: uuid, title: z.string(), fileName: z.string(), contentType: z.string() });

/**
 * A report as its reader sees it. Those who may not read it get a stub: `readable` false, the
 * type, the author's team and organisation and the date, and nothing else.
 */
export const report = z.object({
  id: uuid,
  record: z.object({ kind: z.enum(recordKinds), id: uuid }),
  type: lookupRef,
  occurredAt: isoTime,
  team: ref,
  organisation: ref,
  readable: z.boolean(),
  /** The opposite of `readable`, as the public contract names it. */
  restricted: z.boolean(),
  author: ref.nullable(),
  visibility: z.enum(visibilities).nullable(),
  bodyHtml: z.string().nullable(),
  attachments: z.array(attachment),
  createdAt: isoTime,
  updatedAt: isoTime,
  /** More than 1 once edited; the earlier versions are kept. */
  version,
  permissions: z.object({ canEdit: z.boolean() }),
});
export type Report = z.infer<typeof report>;

export const reportVersion = z.object({
  version,
  type: lookupRef,
  occurredAt: isoTime,
  bodyHtml: z.string(),
  visibility: z.enum(visibilities),
  editedBy: ref,
  editedAt: isoTime,
});
export type ReportVersion = z.infer<typeof reportVersion>;
export const reportVersionList = z.object({ items: z.array(reportVersion) });

// The timeline of a profile, case or location.

export const timelineQuery = listQuery.extend({
  kinds: z.string().max(100).optional()
    .transform((s) => (s ? s.split(',').map((k) => k.trim()).filter(Boolean) : undefined))
    .pipe(z.array(z.enum(timelineEntryKinds)).optional()),
  /** Report type ids, comma-separated. */
  reportTypeIds: z.string().max(2000).optional()
    .transform((s) => (s ? s.split(',').map((k) => k.trim()).filter(Boolean) : undefined))
    .pipe(z.array(uuid).max(50).optional()),
  /** The agency (organisation) of the author. */
  organisationId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** On a case: include the reports of its linked profiles the reader may see. */
  includeLinked: z.stringbool().default(false),
});

/** The public contract's timeline: the record named in the query, with the same filters and paging. */
export const subjectTimelineQuery = timelineQuery.extend({
  subjectType: z.enum(recordKinds),
  subjectId: uuid,
});

const timelineDetail = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('report'),
    reportId: uuid,
    type: lookupRef,
    visibility: z.enum(visibilities).nullable(),
    bodyHtml: z.string().nullable(),
    edited: z.boolean(),
    attachments: z.array(attachment),
  }),
  z.object({ kind: z.literal('task'), taskId: uuid, title: z.string().nullable(), update: z.enum(taskUpdateKinds), note: z.string().nullable(), status: z.enum(taskStatuses) }),
  z.object({ kind: z.literal('action'), actionId: uuid, title: z.string().nullable(), dueAt: isoTime }),
  z.object({ kind: z.literal('document'), documentId: uuid, title: z.string().nullable(), folder: z.string().nullable(), contentType: z.string().nullable(), visibility: z.enum(visibilities).nullable() }),
  /**
   * A completed assessment: the template always; the score that counts, its band and the state of
   * any adjustment only when the reader may read the assessment.
   */
  z.object({
    kind: z.literal('assessment'),
    assessmentId: uuid,
    template: z.object({ key: z.string(), name: z.string() }),
    review: z.boolean(),
    finalScore: z.number().int().nullable(),
    finalBand: z.object({ label: z.string(), colour: z.enum(bandColours) }).nullable(),
    adjustment: z.enum(adjustmentStatuses).nullable(),
    visibility: z.enum(visibilities).nullable(),
  }),
  /**
   * A contact with a victim, or an attempt at one, recorded on their victim care (a "Victim
   * update" report shows as the report it is). Everyone who can open the person sees it.
   */
  z.object({ kind: z.literal('contact'), contactId: uuid, channel: z.enum(contactChannels), reached: z.boolean(), voicemailLeft: z.boolean(), note: z.string().nullable() }),
  /**
   * A message in the person's portal conversation. Its words stay in the conversation, which is
   * the team's that holds it (others see a stub) and where each read is audited.
   */
  z.object({ kind: z.literal('message'), messageId: uuid, sender: z.enum(messageSenders) }),
  /**
   * A change to the record itself, from the audit trail: which fields, not their values. A link or
   * relationship names its `subject`: the person (with their role or the relationship) or place,
   * by name only if the reader may open it; `name` is null otherwise.
   */
  z.object({
    kind: z.literal('change'),
    action: z.string(),
    fields: z.array(z.string()),
    subject: z.object({
      kind: z.enum(recordKinds),
      id: uuid,
      name: z.string().nullable(),
      role: z.enum(profileRoles).nullable(),
      relationship: z.string().nullable(),
      /** A person's markers and risk, for a reader who may open them; null otherwise and for a place. */
      safety: personSafety.nullable(),
    }).nullable(),
  }),
]);

/**
 * Who made a timeline entry. The team and organisation are always given; the person only when the
 * entry is not restricted. `id` is null when a system (an API token, the demo seed) made a change,
 * and `name` is then the system's name.
 */
export const timelineAuthor = z.object({
  id: uuid.nullable().optional(),
  name: z.string().optional(),
  team: ref.nullable(),
  organisation: ref.nullable(),
});

export const timelineEntry = z.object({
  /** `<kind>:<source id>`, unique in a timeline. */
  id: z.string(),
  kind: z.enum(timelineEntryKinds),
  at: isoTime,
  /** What happened, in words: the report type ("Visit"), "Task accepted", "Document added", "Profile updated". */
  label: z.string(),
  /**
   * The record the entry is on: a case's timeline can hold its linked profiles' reports. On such an
   * entry `safety` is that person's warning markers, risk, age and roles (the reader may open them,
   * or the entry would not be there); null on the record's own entries, whose page shows them.
   */
  record: z.object({ kind: z.enum(recordKinds), id: uuid, title: z.string().nullable(), safety: personSafety.nullable() }),
  author: timelineAuthor,
  team: ref.nullable(),
  organisation: ref.nullable(),
  readable: z.boolean(),
  /** The opposite of `readable`: the reader sees only that the entry exists, its type, team and time. */
  restricted: z.boolean(),
  /** A report entry's type by name, restricted or not; null for other entries. */
  reportType: z.string().nullable(),
  detail: timelineDetail,
});
export type TimelineEntry = z.infer<typeof timelineEntry>;
export const timelinePage = page(timelineEntry);

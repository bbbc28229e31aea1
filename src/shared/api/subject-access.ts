import { z } from 'zod';
import { exemptions, sarItemDecisions, sarItemKinds, sarReviewStatuses, sarStatuses } from '../subject-access.ts';
import { isoTime, listQuery, optionalText, page, ref, text, uuid, version } from './common.ts';
import { isoDate } from './records.ts';

/**
 * Subject access requests. `POST /profiles/:id/subject-access-exports` (202 `{id}`) and
 * `GET /subject-access-exports/:id` (`status`, `downloadUrl` when ready) are API.md contracts:
 * their named fields stay as written; everything else is an addition.
 */

export const startSubjectAccessBody = z.strictObject({
  /** The day the request reached the organisation; the clock runs from it (today when left out). */
  receivedOn: isoDate.optional(),
  /** Who asked, as they gave it (the person, or someone acting for them). */
  requester: optionalText(200),
  notes: optionalText(2000),
});

export const subjectAccessStarted = z.object({ id: uuid, reference: z.string(), status: z.enum(sarStatuses), dueOn: isoDate });

export const subjectAccessClock = z.object({
  receivedOn: isoDate,
  originalDueOn: isoDate,
  dueOn: isoDate,
  extended: z.boolean(),
  extensionReason: z.string().nullable(),
  personToldOn: isoDate.nullable(),
  /** The day a pause for clarification began, while it lasts. */
  pausedSince: isoDate.nullable(),
  pausedDays: z.number().int(),
  /** Calendar days from today to the due date; negative when overdue. */
  daysLeft: z.number().int(),
  overdue: z.boolean(),
});
export type SubjectAccessClock = z.infer<typeof subjectAccessClock>;

export const subjectAccessReview = z.object({
  organisation: ref,
  status: z.enum(sarReviewStatuses),
  items: z.number().int(),
  reviewedBy: ref.nullable(),
  reviewedAt: isoTime.nullable(),
  note: z.string().nullable(),
  /** Whether the reader may review this organisation's items. */
  canReview: z.boolean(),
});
export type SubjectAccessReview = z.infer<typeof subjectAccessReview>;

export const subjectAccessExport = z.object({
  id: uuid,
  reference: z.string(),
  status: z.enum(sarStatuses),
  /** Present once every agency has reviewed and the ZIP is built, until the download window closes. */
  downloadUrl: z.string().optional(),
  profile: z.object({ id: uuid, title: z.string() }),
  /** The handling organisation. */
  organisation: ref,
  startedBy: ref.nullable(),
  requester: z.string().nullable(),
  notes: z.string().nullable(),
  clock: subjectAccessClock,
  /** All of them for the handlers; only the reader's own organisation's for another agency's reviewer. */
  reviews: z.array(subjectAccessReview),
  downloadExpiresAt: isoTime.nullable(),
  downloads: z.number().int(),
  failure: z.string().nullable(),
  createdAt: isoTime,
  version: z.number().int(),
  permissions: z.object({ canHandle: z.boolean() }),
});
export type SubjectAccessExport = z.infer<typeof subjectAccessExport>;

export const subjectAccessListQuery = listQuery.extend({
  status: z.enum(sarStatuses).optional(),
  profileId: uuid.optional(),
  /** `me`: only requests with items of the reader's organisation waiting for review. */
  reviewFor: z.literal('me').optional(),
});

export const subjectAccessSummary = z.object({
  id: uuid,
  reference: z.string(),
  status: z.enum(sarStatuses),
  profile: z.object({ id: uuid, title: z.string() }),
  organisation: ref,
  receivedOn: isoDate,
  dueOn: isoDate,
  overdue: z.boolean(),
  /** The reader's organisation's review, when it has items in the request. */
  myReview: z.enum(sarReviewStatuses).nullable(),
  createdAt: isoTime,
});
export type SubjectAccessSummary = z.infer<typeof subjectAccessSummary>;
export const subjectAccessPage = page(subjectAccessSummary);

export const extendBody = z.strictObject({ reason: text(1000), personToldOn: isoDate });
export const pauseBody = z.strictObject({ reason: text(1000) });
export const resumeBody = z.strictObject({ clarifiedOn: isoDate.optional() });
export const cancelBody = z.strictObject({ reason: text(1000) });

export const itemsQuery = listQuery.extend({ organisationId: uuid });
export const itemParams = z.object({ id: uuid, itemId: uuid });
export const redactionParams = itemParams.extend({ redactionId: uuid });
export const reviewParams = z.object({ id: uuid, organisationId: uuid });

export const sarRedaction = z.object({
  id: uuid,
  field: z.string(),
  start: z.number().int(),
  length: z.number().int(),
  exemption: z.enum(exemptions),
  automatic: z.boolean(),
});
export type SarRedaction = z.infer<typeof sarRedaction>;

export const subjectAccessItem = z.object({
  id: uuid,
  kind: z.enum(sarItemKinds),
  title: z.string(),
  occurredAt: isoTime.nullable(),
  organisation: ref,
  /** The item's text as collected, field by field, for its own agency's reviewer; redactions are spans of these. */
  fields: z.array(z.object({ name: z.string(), text: z.string() })),
  redactions: z.array(sarRedaction),
  /** A document's or attachment's file; `replaced` once a reviewer uploaded a redacted copy to send instead. */
  file: z.object({ name: z.string(), size: z.number().int(), replaced: z.boolean() }).nullable(),
  decision: z.enum(sarItemDecisions),
  exemption: z.enum(exemptions).nullable(),
  version: z.number().int(),
});
export type SubjectAccessItem = z.infer<typeof subjectAccessItem>;
export const subjectAccessItemPage = page(subjectAccessItem);

export const decideItemBody = z.strictObject({
  decision: z.enum(sarItemDecisions),
  exemption: z.enum(exemptions).nullish(),
  version,
});
export const redactionBody = z.strictObject({
  /** The words to redact: every occurrence in the item (or in one field of it), ignoring case and accents. */
  text: text(500),
  exemption: z.enum(exemptions),
  field: z.string().max(100).optional(),
});
export const replacementQuery = z.object({ fileName: z.string().trim().min(1).max(255) });
export const completeReviewBody = z.strictObject({ note: optionalText(2000) });

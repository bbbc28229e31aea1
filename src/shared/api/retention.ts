import { z } from 'zod';
import { disclosureLogKinds, holdRecordKinds, retentionDecisions, retentionRecordKinds, retentionReviewStatuses, retentionStarts } from '../retention.ts';
import { isoTime, listQuery, page, ref, text, uuid, version } from './common.ts';
import { isoDate } from './records.ts';

/**
 * Retention, anonymisation, legal holds and the DPA 2018 s62 log. `POST /profiles/:id/anonymise`
 * is an API.md contract (`{reason, version}` → 200); everything else is an addition.
 */

export const anonymiseBody = z.strictObject({ reason: text(1000), version });
export const anonymised = z.object({ id: uuid, anonymisedAt: isoTime });
export type Anonymised = z.infer<typeof anonymised>;

/** Who on a case was anonymised with it, and why not for those left as they were. */
export const anonymisedPerson = z.object({ id: uuid, anonymised: z.boolean(), why: z.enum(['open_case', 'legal_hold', 'subject_access_open', 'already_anonymised']).nullable() });
export const anonymisedCase = anonymised.extend({ people: z.array(anonymisedPerson) });
export type AnonymisedCase = z.infer<typeof anonymisedCase>;

export const retentionRuleBody = z.strictObject({
  recordKind: z.enum(retentionRecordKinds),
  /** A case type's id, key or name; only for a case rule. */
  caseType: z.string().trim().min(1).max(200).nullish(),
  startsFrom: z.enum(retentionStarts),
  keepMonths: z.number().int().min(1).max(1200),
  active: z.boolean().default(true),
});
export const retentionRulePatch = z.strictObject({
  keepMonths: z.number().int().min(1).max(1200).optional(),
  active: z.boolean().optional(),
  version,
});
export const retentionRule = z.object({
  id: uuid,
  recordKind: z.enum(retentionRecordKinds),
  caseType: ref.nullable(),
  startsFrom: z.enum(retentionStarts),
  keepMonths: z.number().int(),
  active: z.boolean(),
  description: z.string(),
  version: z.number().int(),
});
export type RetentionRule = z.infer<typeof retentionRule>;
export const retentionRuleList = z.object({ items: z.array(retentionRule) });
/** How many records of each kind a sweep asked for now put in the queue. */
export const retentionSwept = z.object({ added: z.record(z.string(), z.number().int()) });

export const retentionReviewQuery = listQuery.extend({
  status: z.enum(['pending', 'decided']).default('pending'),
  recordKind: z.enum(retentionRecordKinds).optional(),
  organisationId: uuid.optional(),
});

export const retentionReview = z.object({
  id: uuid,
  /** The record as a stub: its kind, title and reference, never its content. */
  record: z.object({ kind: z.enum(retentionRecordKinds), id: uuid, title: z.string(), reference: z.string().nullable() }),
  owner: z.object({ team: ref, organisation: ref }),
  rule: z.object({ id: uuid, description: z.string() }),
  dueOn: isoDate,
  held: z.boolean(),
  status: z.enum(retentionReviewStatuses),
  decidedBy: ref.nullable(),
  decidedAt: isoTime.nullable(),
  keepUntil: isoDate.nullable(),
  reason: z.string().nullable(),
  /** For a case anonymised: its people, and why any were left as they were. */
  people: z.array(anonymisedPerson).optional(),
});
export type RetentionReview = z.infer<typeof retentionReview>;
export const retentionReviewPage = page(retentionReview);
export type RetentionReviewPage = z.infer<typeof retentionReviewPage>;

export const retentionDecisionBody = z.strictObject({
  decision: z.enum(retentionDecisions),
  reason: text(1000),
  /** Keep: until when, after today. */
  keepUntil: isoDate.optional(),
});

export const retentionState = z.object({
  anonymisedAt: isoTime.nullable(),
  hold: z.object({ id: uuid, reason: z.string(), placedAt: isoTime }).nullable(),
  review: z.object({ id: uuid, dueOn: isoDate, status: z.enum(retentionReviewStatuses) }).nullable(),
  /** Whether the reader may anonymise it and place or lift a hold. */
  canDecide: z.boolean(),
  version: z.number().int(),
});
export type RetentionState = z.infer<typeof retentionState>;

export const legalHoldBody = z.strictObject({
  record: z.strictObject({ type: z.enum(holdRecordKinds), id: uuid }),
  reason: text(1000),
});
export const liftHoldBody = z.strictObject({ reason: text(1000) });
export const legalHoldQuery = listQuery.extend({ active: z.enum(['true', 'false']).default('true').transform((v) => v === 'true') });
export const legalHold = z.object({
  id: uuid,
  record: z.object({ type: z.enum(holdRecordKinds), id: uuid, title: z.string(), reference: z.string().nullable() }),
  reason: z.string(),
  placedBy: ref.nullable(),
  placedAt: isoTime,
  liftedBy: ref.nullable(),
  liftedAt: isoTime.nullable(),
  liftReason: z.string().nullable(),
});
export type LegalHold = z.infer<typeof legalHold>;
export const legalHoldPage = page(legalHold);
export type LegalHoldPage = z.infer<typeof legalHoldPage>;

export const disclosureLogQuery = listQuery.extend({
  organisationId: uuid,
  from: isoDate,
  to: isoDate,
});
export const disclosureLogExportQuery = disclosureLogQuery.omit({ limit: true, cursor: true });
export const disclosureLogEntry = z.object({
  id: uuid,
  at: isoTime,
  user: ref,
  team: ref.nullable(),
  organisation: ref,
  kind: z.enum(disclosureLogKinds),
  action: z.string(),
  record: z.object({ type: z.string(), id: uuid, reference: z.string().nullable() }).nullable(),
  justification: z.string(),
  recipients: z.string().nullable(),
});
export type DisclosureLogEntry = z.infer<typeof disclosureLogEntry>;
export const disclosureLogPage = page(disclosureLogEntry);
export type DisclosureLogPage = z.infer<typeof disclosureLogPage>;

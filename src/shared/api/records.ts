import { z } from 'zod';
import { accessLevels, accessRequestStatuses, grantSources, lookupLists, recordKinds } from '../records.ts';
import { auditNames } from './audit.ts';
import { isoTime, listQuery, optionalText, page, ref, text, uuid, version } from './common.ts';

/** Who holds a record: its owning team and that team's organisation, so others can ask for access. */
export const owner = z.object({ team: ref, organisation: ref });
export type Owner = z.infer<typeof owner>;

/** A lookup value as a reply: the id, the stable key and the label shown. */
export const lookupRef = z.object({ id: uuid, key: z.string(), name: z.string() });
export type LookupRef = z.infer<typeof lookupRef>;

/** A lookup value as input: its id, key or name, case-insensitively ("ASB", "asb" or the id). */
export const lookupInput = z.string().trim().min(1, 'must not be blank').max(200);

/** What the signed-in person may do with a record, so the screen offers only that. */
export const recordPermissions = z.object({ canEdit: z.boolean(), canShare: z.boolean() });

/** Dates of birth and other calendar dates: YYYY-MM-DD, a real date. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD').refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && d.getUTCFullYear() >= 1800;
}, 'must be a real date');

// Sharing: the access list of a profile, case or location.

export const accessEntry = z.object({
  id: uuid,
  team: ref.nullable(),
  organisation: ref,
  /** One person's emergency access (breaking the glass): they alone, not their team, hold it. */
  user: ref.nullable(),
  level: z.enum(accessLevels),
  grantedBy: ref.nullable(),
  grantedAt: isoTime,
  /** Where the grant came from: a share, the case type's default, an approved access request … */
  source: z.enum(grantSources),
  /** After this the grant gives nothing; null for a grant that lasts until it is removed. */
  expiresAt: isoTime.nullable(),
});
export type AccessEntry = z.infer<typeof accessEntry>;

export const accessList = z.object({
  owner,
  entries: z.array(accessEntry),
  /** True when no team outside the owner's organisation can see the record. */
  sharedOnlyWithinOwner: z.boolean(),
  permissions: recordPermissions,
});
export type AccessList = z.infer<typeof accessList>;

export const shareBody = z.union([
  z.strictObject({ teamId: uuid, level: z.enum(accessLevels) }),
  z.strictObject({ organisationId: uuid, level: z.enum(accessLevels) }),
]);
/** The target to stop sharing with; the public contract sends the same body as sharing, so a `level` is accepted and ignored. */
export const unshareBody = z.union([
  z.strictObject({ teamId: uuid, level: z.enum(accessLevels).optional() }),
  z.strictObject({ organisationId: uuid, level: z.enum(accessLevels).optional() }),
]);

// Access requests: asking the owning team for a record you found but cannot open.

export const createAccessRequestBody = z.strictObject({ reason: text(1000) });

export const accessRequest = z.object({
  id: uuid,
  record: z.object({ kind: z.enum(recordKinds), id: uuid, title: z.string() }),
  owner,
  requester: ref,
  requesterTeam: ref,
  reason: z.string(),
  level: z.enum(accessLevels),
  status: z.enum(accessRequestStatuses),
  decidedBy: ref.nullable(),
  decidedAt: isoTime.nullable(),
  decisionReason: z.string().nullable(),
  createdAt: isoTime,
  version,
  permissions: z.object({ canDecide: z.boolean(), canWithdraw: z.boolean() }),
});
export type AccessRequest = z.infer<typeof accessRequest>;
export const accessRequestPage = page(accessRequest);

export const accessRequestListQuery = listQuery.extend({
  /** `mine`: requests I made; `to-decide`: requests for records my team owns (admins). */
  box: z.enum(['mine', 'to-decide']).default('mine'),
  status: z.enum(accessRequestStatuses).optional(),
});

export const decideAccessRequestBody = z.strictObject({ reason: optionalText(1000) });

// Lookups.

export const lookup = z.object({
  id: uuid,
  list: z.enum(lookupLists),
  key: z.string(),
  name: z.string(),
  groupName: z.string().nullable(),
  code: z.string().nullable(),
  position: z.number().int(),
  active: z.boolean(),
  version,
  /** Case types only: who every new case of this type is shared with. */
  defaultSharing: z.array(z.object({ team: ref.nullable(), organisation: ref, level: z.enum(accessLevels) })).optional(),
});
export type Lookup = z.infer<typeof lookup>;
export const lookupListReply = z.object({ items: z.array(lookup) });
// `z.coerce.boolean()` would read "false" as true; a query string needs the words parsed.
export const lookupQuery = z.object({ list: z.enum(lookupLists).optional(), includeRetired: z.stringbool().default(false) });

const sharingTarget = z.union([
  z.strictObject({ teamId: uuid, level: z.enum(accessLevels) }),
  z.strictObject({ organisationId: uuid, level: z.enum(accessLevels) }),
]);

export const createLookupBody = z.strictObject({
  list: z.enum(lookupLists),
  name: text(200),
  key: z.string().trim().regex(/^[a-z0-9-]{1,60}$/, 'must be lower-case letters, digits and hyphens').optional(),
  groupName: optionalText(200),
  code: z.string().trim().regex(/^[A-Z0-9]{1,8}$/, 'must be 1 to 8 capital letters or digits').nullish(),
  defaultSharing: z.array(sharingTarget).max(50).optional(),
});

export const updateLookupBody = z.strictObject({
  version,
  name: text(200).optional(),
  groupName: optionalText(200),
  code: z.string().trim().regex(/^[A-Z0-9]{1,8}$/, 'must be 1 to 8 capital letters or digits').nullish(),
  position: z.number().int().min(0).max(10000).optional(),
  active: z.boolean().optional(),
  defaultSharing: z.array(sharingTarget).max(50).optional(),
});

// History: every change to a record, from the audit trail.

export const historyEntry = z.object({
  id: uuid,
  at: isoTime,
  actor: z.object({ id: uuid.nullable(), name: z.string().nullable() }),
  action: z.string(),
  reason: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  /** Who and what the ids in `changes` and `details` are: a case type's name, a lead officer's, a linked person's if the reader may open them. */
  names: auditNames,
});
export type HistoryEntry = z.infer<typeof historyEntry>;
export const historyPage = page(historyEntry);

import { z } from 'zod';
import { emergencyAccessStatuses, emergencyReviewOutcomes } from '../emergency-access.ts';
import { isoTime, listQuery, page, ref, text, uuid } from './common.ts';

/**
 * Who looked at a person, and breaking the glass. `GET /profiles/:id/viewers` and
 * `POST /profiles/:id/emergency-access` are API.md contracts: their named fields stay as written;
 * everything else is an addition.
 */

export const viewerKinds = ['views', 'changes', 'all'] as const;
export type ViewerKind = (typeof viewerKinds)[number];

export const viewersQuery = listQuery.extend({
  /** Views (opening, downloading, exporting, listing) or changes; by default both. */
  what: z.enum(viewerKinds).default('all'),
  organisationId: uuid.optional(),
  userId: uuid.optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
});

/** One thing a member of staff (or another organisation's system) did to the person or to something on their record. */
export const viewerEntry = z.object({
  id: uuid,
  user: ref,
  actorKind: z.enum(['user', 'api_token']),
  organisation: ref,
  team: ref.nullable(),
  at: isoTime,
  /** The audit action, e.g. `profile.viewed`, `document.downloaded`. */
  action: z.string(),
  outcome: z.enum(['success', 'refused', 'failed']),
  /** What was looked at: the profile itself, or a report, document … on it. */
  subject: z.object({ type: z.string(), id: uuid }),
  /** The reason they gave, where they gave one (breaking the glass, asking for access …). */
  reason: z.string().nullable(),
  /** Done while they held emergency access to the person. */
  emergency: z.boolean(),
});
export type ViewerEntry = z.infer<typeof viewerEntry>;
export const viewerPage = page(viewerEntry);
export type ViewerPage = z.infer<typeof viewerPage>;

export const recentViewers = z.object({
  items: z.array(z.object({ user: ref, at: isoTime })),
});
export type RecentViewers = z.infer<typeof recentViewers>;

export const emergencyAccessBody = z.strictObject({ reason: text(1000) });

export const emergencyAccessGranted = z.object({ expiresAt: isoTime, id: uuid });
export type EmergencyAccessGranted = z.infer<typeof emergencyAccessGranted>;

/** Whether the caller holds emergency access to the profile now (asked by a caller who may be locked out). */
export const emergencyAccessState = z.object({
  active: z.object({ id: uuid, expiresAt: isoTime }).nullable(),
  /** Whether they may break the glass here: they cannot open the profile and their account may. */
  canBreakGlass: z.boolean(),
});
export type EmergencyAccessState = z.infer<typeof emergencyAccessState>;

export const emergencyAccessQuery = listQuery.extend({
  status: z.enum(emergencyAccessStatuses).default('pending'),
  teamId: uuid.optional(),
});

export const emergencyAccessItem = z.object({
  id: uuid,
  profile: z.object({ id: uuid, title: z.string() }),
  user: ref,
  team: ref,
  organisation: ref,
  owner: z.object({ team: ref, organisation: ref }),
  reason: z.string(),
  grantedAt: isoTime,
  expiresAt: isoTime,
  /** How many things they did on the person's record while the access lasted. */
  eventsDuring: z.number().int(),
  review: z.object({ outcome: z.enum(emergencyReviewOutcomes), note: z.string().nullable(), by: ref, at: isoTime }).nullable(),
  version: z.number().int(),
});
export type EmergencyAccessItem = z.infer<typeof emergencyAccessItem>;
export const emergencyAccessPage = page(emergencyAccessItem);
export type EmergencyAccessPage = z.infer<typeof emergencyAccessPage>;

export const emergencyReviewBody = z.strictObject({
  outcome: z.enum(emergencyReviewOutcomes),
  note: text(2000).nullish(),
});

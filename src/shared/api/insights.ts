import { z } from 'zod';
import { ageBands, complianceChecks, hotspotTables, insightScopes, overviewTables } from '../insights.ts';
import { genders, profileRoles, riskLevels } from '../records.ts';
import { listQuery, ref, uuid } from './common.ts';
import { isoDate, lookupRef } from './records.ts';

/** A postcode district, the outward code: "DE1", "NG10", "SW1A". */
export const postcodeDistrict = z.string().trim().toUpperCase().regex(/^[A-Z]{1,2}[0-9][0-9A-Z]?$/, 'must be a postcode district such as DE1 or NG10');

/**
 * The area and period every dashboard takes. `from` and `to` are London dates, both included;
 * without them the last 12 months to today. `teamId` and `organisationId` narrow to records owned
 * by that team or that organisation's teams; `postcodeDistrict` to people with a current address,
 * cases with a location or person, and locations, in that district.
 */
export const insightQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  teamId: uuid.optional(),
  organisationId: uuid.optional(),
  postcodeDistrict: postcodeDistrict.optional(),
});
export type InsightQuery = z.infer<typeof insightQuery>;

/** The dashboard's breakdowns of people can be of one role ("victims' ages"). */
export const overviewQuery = insightQuery.extend({ role: z.enum(profileRoles).optional() });
export type OverviewQuery = z.infer<typeof overviewQuery>;

export const overviewExportQuery = overviewQuery.extend({ table: z.enum(overviewTables).optional() });

/** What a reply counted over: the scope (see `insightScopes`), the London dates and the filters as applied. */
export const insightRange = z.object({
  scope: z.enum(insightScopes),
  from: isoDate,
  to: isoDate,
  team: ref.nullable(),
  organisation: ref.nullable(),
  postcodeDistrict: z.string().nullable(),
});
export type InsightRange = z.infer<typeof insightRange>;

const count = z.number().int().nonnegative();

export const caseTypeFigures = z.object({
  caseType: lookupRef,
  /** Opened in the range. */
  opened: count,
  /** Closed in the range. */
  closed: count,
  /** Open at the end of the range. */
  open: count,
});

export const breakdownRow = z.object({ key: z.string(), label: z.string(), count });
export type BreakdownRow = z.infer<typeof breakdownRow>;

export const assessmentBandRow = z.object({ template: ref, band: z.string(), count });

/**
 * The dashboard. The first seven figures are API.md's contract. People and their breakdowns are
 * profiles created in the range (of `role` when given); `cases` were opened in the range and
 * `openCases` were open at its end; `repeatVictims` are victims with at least the partnership's
 * `repeatVictimIncidents` incidents in the range; `riskMovement` counts changes of risk level in
 * the range (`down`: from high to medium or standard; `up`: from medium or standard to high).
 */
export const overview = z.object({
  range: insightRange,
  profiles: count,
  victims: count,
  perpetrators: count,
  cases: count,
  openCases: count,
  repeatVictims: count,
  riskMovement: z.object({ up: count, down: count }),
  casesByType: z.array(caseTypeFigures),
  /** Every change between levels in the range, including to and from "not assessed" (null). */
  riskChanges: z.array(z.object({ from: z.enum(riskLevels).nullable(), to: z.enum(riskLevels).nullable(), count })),
  vulnerabilities: z.array(breakdownRow),
  ageBands: z.array(breakdownRow.extend({ key: z.enum(ageBands) })),
  genders: z.array(breakdownRow.extend({ key: z.union([z.enum(genders), z.literal('unknown')]) })),
  ethnicities: z.array(breakdownRow.extend({ group: z.string().nullable() })),
  /** Tasks on the counted records (or set by or for the counted teams) due in the range. */
  tasks: z.object({ due: count, completedOnTime: count, completedLate: count, stillOpen: count }),
  assessmentsByBand: z.array(assessmentBandRow),
});
export type Overview = z.infer<typeof overview>;

export const complianceQuery = z.strictObject({ teamId: uuid.optional() });
/** `compliance.csv`: the summary table, or with `check` that check's list. */
export const complianceExportQuery = complianceQuery.extend({ check: z.enum(complianceChecks).optional() });

export const complianceItem = z.object({
  check: z.enum(complianceChecks),
  /** The team's profiles that fail the check. */
  count,
  /** The population the check is out of (see `complianceCheckPopulations`). */
  of: count,
  /** The first 100 of those the reader may open; the list route pages through all of them. */
  profileIds: z.array(uuid),
});
export type ComplianceItem = z.infer<typeof complianceItem>;

export const compliance = z.object({
  team: ref,
  organisation: ref,
  staleAfterDays: z.number().int().positive(),
  items: z.array(complianceItem),
});
export type Compliance = z.infer<typeof compliance>;

export const complianceCheckParams = z.object({ check: z.enum(complianceChecks) });
export const complianceListQuery = listQuery.extend({ teamId: uuid.optional() });

/** A target the case type shares with that the profile lacks (`not-shared`). */
export const missingShare = z.object({
  team: ref.nullable(),
  organisation: ref,
  level: z.enum(['view', 'edit']),
  /** The level the profile holds for this target now, if any. */
  holds: z.enum(['view', 'edit']).nullable(),
});

/** One record behind a figure, always one the reader may open. */
export const complianceGap = z.object({
  profile: z.object({
    id: uuid,
    name: z.string(),
    dateOfBirth: isoDate.nullable(),
    roles: z.array(z.enum(profileRoles)),
    riskLevel: z.enum(riskLevels).nullable(),
  }),
  /** The last time anything was recorded on the profile (a change, a report, a contact). */
  lastUpdatedAt: z.string().nullable(),
  /** `no-risk-assessment`: the VICTIM screening "yes" waiting, when that is why. */
  requirementRaisedAt: z.string().nullable(),
  /** `not-shared`: what the case types expect that is missing. */
  missingShares: z.array(missingShare),
  /** `contact-overdue`: when the contact was due. */
  nextContactDue: isoDate.nullable(),
  /** `basis-review-overdue`: when the owning organisation's lawful basis was due for review. */
  basisReviewOn: isoDate.nullable(),
  /** Whether the reader may put it right here (edit on the record, or sharing rights for `not-shared`). */
  canFix: z.boolean(),
});
export type ComplianceGap = z.infer<typeof complianceGap>;

export const complianceList = z.object({
  check: z.enum(complianceChecks),
  items: z.array(complianceGap),
  nextCursor: z.string().nullable(),
  /** Profiles failing the check that the reader may not open: counted, never named. */
  hidden: count,
});
export type ComplianceList = z.infer<typeof complianceList>;

/** `POST /api/v1/profiles/:id/expected-sharing`: share the profile as its cases' types expect. */
export const expectedSharingReply = z.object({ shared: z.array(missingShare) });

export const hotspotQuery = insightQuery.extend({
  /** Count only reports of this type (a key, such as `asb-complaint`), for the ASB teams' view. */
  reportType: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type HotspotQuery = z.infer<typeof hotspotQuery>;
export const hotspotExportQuery = hotspotQuery.extend({ table: z.enum(hotspotTables).optional() });

export const hotspot = z.object({
  location: z.object({
    id: uuid,
    name: z.string().nullable(),
    address: z.string(),
    postcode: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
  }),
  reports: count,
  cases: count,
  /** Reports plus cases: what the map weighs a place by. */
  weight: count,
});
export type Hotspot = z.infer<typeof hotspot>;

export const topCaller = z.object({
  profile: z.object({ id: uuid, name: z.string(), dateOfBirth: isoDate.nullable() }),
  /** Reports of the counted type on the person in the range, as complainant. */
  reports: count,
  lastReportAt: z.string(),
});
export type TopCaller = z.infer<typeof topCaller>;

export const hotspots = z.object({
  range: insightRange,
  reportType: lookupRef.nullable(),
  locations: z.array(hotspot),
  callers: z.array(topCaller),
  /** What was counted at places and people the reader may not open: figures, never names. */
  hidden: z.object({ locations: count, locationReports: count, callers: count, callerReports: count }),
});
export type Hotspots = z.infer<typeof hotspots>;

/** Changed as a whole from the version read (0 while the partnership keeps the defaults). */
export const insightSettingsBody = z.strictObject({
  staleAfterDays: z.number().int().min(1).max(365),
  repeatVictimIncidents: z.number().int().min(2).max(50),
  version: z.number().int().min(0),
});
export const insightSettings = insightSettingsBody.extend({
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  permissions: z.object({ canEdit: z.boolean() }),
});
export type InsightSettings = z.infer<typeof insightSettings>;

/** Report text search: the top search box's fourth section. */
export const reportSearchQuery = z.strictObject({
  q: z.string().trim().min(2, 'must be at least 2 characters').max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** A run of a snippet; `match` runs are the words searched for, shown highlighted. */
export const snippetPart = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof snippetPart>;

export const reportSearchResult = z.object({
  id: uuid,
  record: z.object({ kind: z.enum(['profile', 'case', 'location']), id: uuid, title: z.string() }),
  type: ref,
  occurredAt: z.string(),
  author: z.object({ team: ref, organisation: ref }),
  snippet: z.array(snippetPart),
  rank: z.number(),
});
export type ReportSearchResult = z.infer<typeof reportSearchResult>;
export const reportSearchReply = z.object({ items: z.array(reportSearchResult) });

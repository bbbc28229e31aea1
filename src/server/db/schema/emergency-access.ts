import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { emergencyReviewOutcomes } from '../../../shared/emergency-access.ts';
import { at, id, version } from './columns.ts';
import { profiles } from './profiles.ts';
import { inList } from './sharing.ts';
import { organisations, partnerships, teams, users } from './structure.ts';

/**
 * Each time someone broke the glass on a profile: who, from which team and organisation, why, and
 * until when; the owner as it was then, whose administrators review it. The access itself is the
 * user's row on the profile's access list (source `emergency`), which stops working at `expires_at`.
 */
export const emergencyAccesses = pgTable('emergency_accesses', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  profileId: uuid('profile_id').notNull().references(() => profiles.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  teamId: uuid('team_id').notNull().references(() => teams.id),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  ownerTeamId: uuid('owner_team_id').notNull().references(() => teams.id),
  ownerOrganisationId: uuid('owner_organisation_id').notNull().references(() => organisations.id),
  reason: text('reason').notNull(),
  grantedAt: at('granted_at').notNull().defaultNow(),
  expiresAt: at('expires_at').notNull(),
  reviewOutcome: text('review_outcome', { enum: emergencyReviewOutcomes }),
  reviewNote: text('review_note'),
  reviewedBy: uuid('reviewed_by').references(() => users.id),
  reviewedAt: at('reviewed_at'),
  version: version(),
}, (t) => [
  // The review queues: a team admin's, and an organisation admin's.
  index('emergency_accesses_owner_pending_idx').on(t.ownerTeamId, t.grantedAt).where(sql`${t.reviewedAt} is null`),
  index('emergency_accesses_org_pending_idx').on(t.ownerOrganisationId, t.grantedAt).where(sql`${t.reviewedAt} is null`),
  index('emergency_accesses_partnership_idx').on(t.partnershipId, t.grantedAt),
  index('emergency_accesses_profile_idx').on(t.profileId, t.grantedAt),
  index('emergency_accesses_user_idx').on(t.userId, t.grantedAt),
  check('emergency_accesses_outcome_check', sql`${t.reviewOutcome} is null or ${t.reviewOutcome} in (${inList(emergencyReviewOutcomes)})`),
  check('emergency_accesses_review_check', sql`(${t.reviewOutcome} is null) = (${t.reviewedAt} is null)`),
]);

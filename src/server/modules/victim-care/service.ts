import type { VictimCare } from '../../../shared/api/victim-care.ts';
import type { RecordKind } from '../../../shared/records.ts';
import { asbComplaintReportType, hateIncidentReportType, victimUpdateReportType } from '../../../shared/victim-care.ts';
import { effectiveLevel, mayEverEdit } from '../../platform/access/records.ts';
import type { Context } from '../../platform/context.ts';
import { subjectOf, viewableProfile } from '../profiles/access.ts';
import { contactFromReport } from './contacts.ts';
import { planForVictimOfCase, presentPlan } from './plans.ts';
import * as q from './queries.ts';
import { summaryOf } from './reviews/present.ts';
import { openReviewOf } from './reviews/queries.ts';
import { settingsOf } from './settings.ts';
import { reportMayCount, triggerStatus } from './triggers/service.ts';

export { overdueContactsOfTeam } from './overdue.ts';

/**
 * Victim care on a person's page: their contact plan and whether a contact is overdue, where the
 * community trigger stands, and any case review open. From the second complaint until the trigger
 * is met it prompts the officer to tell the victim about the case review (2025 statutory guidance).
 */
export async function getVictimCare(ctx: Context, profileId: string): Promise<VictimCare> {
  const { row: profile } = await viewableProfile(ctx, profileId);
  const id = profile.profile.id;
  const settings = await settingsOf(ctx.tx, ctx.actor.partnershipId);
  const plan = await q.getPlan(ctx.tx, id);
  const trigger = await triggerStatus(ctx, id);
  const review = await openReviewOf(ctx.tx, id);
  const presented = plan && presentPlan(ctx.actor, profile, plan, settings);
  ctx.audit({ action: 'victim_care.viewed', ...subjectOf(profile) });
  return {
    profileId: id,
    plan: presented,
    overdue: presented?.overdue ?? false,
    daysOverdue: presented?.daysOverdue ?? 0,
    communityTrigger: trigger,
    caseReview: review && summaryOf(review.review, review.today),
    prompt: trigger.complaints >= 2 && trigger.complaints < trigger.threshold && !trigger.flag ? 'tell-about-case-review' : null,
    permissions: {
      canEdit: effectiveLevel(ctx.actor, profile.level) === 'edit',
      canRecordContact: plan !== null && mayEverEdit(ctx.actor),
      canOpenCaseReview: review === null && mayEverEdit(ctx.actor),
    },
  };
}

/**
 * Called by the reports module in the transaction that stores a report. A "Victim update" on a
 * person with a contact plan is a contact with them; an ASB complaint or hate incident on a person,
 * or an ASB complaint on a place where people live, may raise the community trigger.
 */
export async function reportRecorded(ctx: Context, report: { id: string; record: { kind: RecordKind; id: string }; typeKey: string; occurredAt: Date; authorId: string }): Promise<void> {
  const { record } = report;
  if (record.kind === 'profile' && report.typeKey === victimUpdateReportType) {
    const { row: profile } = await viewableProfile(ctx, record.id);
    await contactFromReport(ctx, { profile, reportId: report.id, occurredAt: report.occurredAt, authorId: report.authorId });
  }
  const counts = report.typeKey === asbComplaintReportType || (report.typeKey === hateIncidentReportType && record.kind === 'profile');
  if (counts && record.kind !== 'case') await reportMayCount(ctx, { kind: record.kind, id: record.id }, report.id);
}

/** Called by the cases module when a person is linked to a case as a victim: they get a plan if they have none. */
export async function victimLinkedToCase(ctx: Context, link: { caseId: string; profileId: string }): Promise<void> {
  const { row: profile } = await viewableProfile(ctx, link.profileId);
  await planForVictimOfCase(ctx, profile, link.caseId);
}

import type { ReferralDecisionBody } from '../../../../shared/api/referrals.ts';
import type { AssessmentStatus } from '../../../../shared/assessments.ts';
import type { Context } from '../../../platform/context.ts';
import { ConflictError } from '../../../platform/errors.ts';
import { londonToday } from '../../../platform/london.ts';
import { assessFromAnswers } from '../../assessments/prefilled.ts';
import { linkProfile } from '../../cases/links.ts';
import { loadForChange } from '../../cases/record.ts';
import { createCase } from '../../cases/service.ts';
import { createProfileRecord } from '../../profiles/service.ts';
import { createReport } from '../../reports/service.ts';
import { contributableRecord } from '../../sharing/record-access.ts';
import type { OpenedReferral } from '../referral.ts';
import { profileFromReferral } from './person.ts';
import { referralReportHtml } from './report.ts';

/**
 * Accepting a referral into a case, so that nothing is keyed twice: the person (linked, or made
 * from what the referrer gave), the case, the referral written out as the case's first report,
 * and its answers as an assessment where the form was built from a template. Everything is made
 * through the other modules' own use cases, so access, audit, events and consequences (a victim's
 * contact plan, an assessment's thresholds and risk level) are exactly as when a practitioner keys
 * them in. The work is the desk's: what is made belongs to the team the referral was sent to,
 * whoever of those who work its desk decided (an organisation's administrator may work the desk
 * of another of its teams), and the checks of the records linked are that team's.
 */

export interface Accepted {
  caseId: string;
  profileId: string;
  reportId: string;
  assessmentId: string | null;
  assessmentStatus: AssessmentStatus | null;
  createdProfile: boolean;
  createdCase: boolean;
}

type Acceptance = Pick<ReferralDecisionBody, 'reason' | 'caseType' | 'caseId' | 'profileId' | 'role' | 'reportVisibility'>;

export const forDesk = (ctx: Context, teamId: string): Context => (ctx.actor.teamId === teamId ? ctx : { ...ctx, actor: { ...ctx.actor, teamId } });

/** The case: a new one of the type chosen, led by the decider, or an open one the desk may change. */
async function caseFor(ctx: Context, referral: OpenedReferral, body: Acceptance): Promise<{ id: string; created: boolean }> {
  if (body.caseId) return { id: (await loadForChange(ctx, body.caseId)).case.id, created: false };
  // Anyone who finds the case can read its title, even as a locked stub: it never names the person.
  const kase = await createCase(ctx, { title: `Referral ${referral.reference}`, caseType: body.caseType!, leadOfficerId: ctx.actor.id, startDate: londonToday() });
  return { id: kase.id, created: true };
}

/** The person: one of the likely matches the desk may add to, or a new profile from what the referrer said. */
export async function personFor(ctx: Context, referral: OpenedReferral, body: Pick<Acceptance, 'reason' | 'profileId'>, role: NonNullable<Acceptance['role']>): Promise<{ id: string; created: boolean }> {
  if (body.profileId) return { id: (await contributableRecord(ctx, 'profile', body.profileId)).id, created: false };
  const reasonCreated = `Referred to ${referral.team.name} (${referral.reference}): ${body.reason}`;
  // The desk chose not to link any of the likely matches it was shown: no second check here.
  const profile = await createProfileRecord(ctx, profileFromReferral(referral.subject, { role, reasonCreated, today: londonToday() }), { checkDuplicates: false });
  return { id: profile.id, created: true };
}

/** Links the person in their role, unless they are on the case already (in whatever role). */
async function linkTo(ctx: Context, caseId: string, profileId: string, role: NonNullable<Acceptance['role']>): Promise<void> {
  try {
    await linkProfile(ctx, caseId, { profileId, role });
  } catch (error) {
    if (!(error instanceof ConflictError && error.code === 'already_linked')) throw error;
  }
}

export async function acceptIntoCase(decider: Context, referral: OpenedReferral, body: Acceptance): Promise<Accepted> {
  const ctx = forDesk(decider, referral.team.id);
  const role = body.role ?? referral.form?.subjectRole ?? 'other';
  const visibility = body.reportVisibility ?? 'team';
  const kase = await caseFor(ctx, referral, body);
  const person = await personFor(ctx, referral, body, role);
  await linkTo(ctx, kase.id, person.id, role);
  const report = await createReport(ctx, 'case', kase.id, {
    reportType: 'referral',
    occurredAt: referral.receivedAt.toISOString(),
    body: referralReportHtml(referral),
    visibility,
  });
  const templateVersionId = referral.form?.templateVersionId;
  const assessment = templateVersionId
    ? await assessFromAnswers(ctx, { subject: { type: 'profile', id: person.id }, templateVersionId, answers: referral.answers, visibility })
    : null;
  return {
    caseId: kase.id,
    profileId: person.id,
    reportId: report.id,
    assessmentId: assessment?.id ?? null,
    assessmentStatus: assessment?.status ?? null,
    createdProfile: person.created,
    createdCase: kase.created,
  };
}

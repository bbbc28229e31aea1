import type { z } from 'zod';
import type { CommunityTrigger, communityTriggerListQuery, VictimCare } from '../../../../shared/api/victim-care.ts';
import type { TriggerBasis } from '../../../../shared/victim-care.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import type { Context } from '../../../platform/context.ts';
import { decodeCheckedCursor, isIsoTime, isUuid, pageOf } from '../../../platform/cursor.ts';
import { londonToday } from '../../../platform/london.ts';
import { notify, recordLink } from '../../notifications/notify.ts';
import { summaryOf } from '../reviews/present.ts';
import * as q from './queries.ts';

/** Where the community trigger stands for one person now; not audited, the caller records the read. */
export async function triggerStatus(ctx: Context, profileId: string): Promise<VictimCare['communityTrigger']> {
  const [counts] = await q.triggerCounts(ctx.tx, [profileId]);
  const threshold = counts ? { complaints: counts.threshold, months: counts.months } : await q.thresholdOf(ctx.tx, ctx.actor.partnershipId);
  const flag = await q.openFlagOf(ctx.tx, profileId);
  return {
    complaints: counts?.complaints ?? 0,
    organisations: counts?.organisations ?? 0,
    since: counts?.since ?? null,
    locationComplaints: counts?.location_complaints ?? 0,
    hateIncidents: counts?.hate_incidents ?? 0,
    threshold: threshold.complaints,
    months: threshold.months,
    flag: flag && { id: flag.id, basis: flag.basis, raisedAt: flag.raisedAt.toISOString(), caseReviewId: flag.caseReviewId },
  };
}

/** What the coordinators are told: what met the trigger, never whom. */
function alertMessage(basis: TriggerBasis, complaints: number, organisations: number): string {
  const from = `from ${organisations} ${organisations === 1 ? 'agency' : 'agencies'}`;
  const what = { complaints: `${complaints} ASB complaints ${from}`, location: `${complaints} complaints about a place they live ${from}`, hate: 'a hate incident' }[basis];
  return `A victim has met the community trigger: ${what}. They may apply for an ASB case review.`;
}

export type Settled = { by: 'report'; reportId: string } | { by: 'sweep' };

/** How many flags one transaction of the sweep raises or clears at most: each is notified and audited in it. */
export const sweepBatch = 250;

/**
 * Raises the community trigger for the people in scope who now meet it (everyone, for the sweep),
 * in the caller's transaction, and tells the partnership's ASB coordinators; keeps the counts of
 * open flags current; the sweep also clears flags no longer met on which no review was opened,
 * a batch at a time. Every flag raised or cleared is audited against the person.
 */
export async function settleTriggers(ctx: Context<Actor | null>, scope: string[] | null, how: Settled, batch = sweepBatch): Promise<{ raised: number; cleared: number }> {
  const sweeping = scope === null;
  const changes = await q.settleFlags(ctx.tx, scope, { clear: sweeping, limit: sweeping ? batch : null });
  if (changes.length === 0) return { raised: 0, cleared: 0 };
  const raised = changes.filter((c) => c.what === 'raised');
  const coordinators = await q.coordinatorsOf(ctx.tx, [...new Set(raised.map((f) => f.partnership_id))]);
  const toldOf = (f: q.FlagChange) => coordinators.filter((c) => c.partnershipId === f.partnership_id).map((c) => c.userId);
  await notify(ctx, raised.flatMap((f) => toldOf(f).map((userId) => ({
    userId,
    kind: 'community_trigger' as const,
    message: alertMessage(f.basis, f.complaints, f.organisations),
    link: recordLink('profile', f.profile_id),
    record: { kind: 'profile' as const, id: f.profile_id },
    subjectId: f.id,
  }))));
  await q.markAlerted(ctx.tx, raised.map((f) => f.id));
  for (const f of changes) {
    const subject = { entityType: 'profile' as const, entityId: f.profile_id, subjectOrganisationId: f.owner_organisation_id, subjectTeamId: f.owner_team_id };
    if (f.what === 'raised') {
      ctx.audit({
        action: 'community_trigger.raised',
        ...subject,
        details: { flagId: f.id, basis: f.basis, complaints: f.complaints, organisations: f.organisations, alerted: toldOf(f), ...how },
      });
    } else {
      ctx.audit({ action: 'community_trigger.cleared', ...subject, details: { flagId: f.id, why: 'no longer met' } });
    }
  }
  for (const a of await q.audiencesOf(ctx.tx, [...new Set(changes.map((c) => c.profile_id))])) {
    ctx.emit({ type: 'victim_care.changed', audience: { teamIds: a.team_ids, organisationIds: a.organisation_ids }, data: { profileId: a.profile_id } });
  }
  return { raised: raised.length, cleared: changes.length - raised.length };
}

/** After a report that may count: the person it is on, or the people living at the location it is on. */
export async function reportMayCount(ctx: Context, record: { kind: 'profile' | 'location'; id: string }, reportId: string): Promise<void> {
  const people = record.kind === 'profile' ? [record.id] : await q.peopleAt(ctx.tx, record.id);
  if (people.length > 0) await settleTriggers(ctx, people, { by: 'report', reportId });
}

/** Victims the trigger flagged whom the actor may open, newest flag first; one audit row naming each. */
export async function listCommunityTriggers(ctx: Context, query: z.infer<typeof communityTriggerListQuery>) {
  const key = decodeCheckedCursor(query.cursor, isIsoTime, isUuid);
  const rows = await q.listOpenFlags(ctx.tx, ctx.actor, key ? { raisedAt: key[0], id: key[1] } : null, query.limit);
  const today = londonToday();
  const page = pageOf(rows, query.limit, (r): CommunityTrigger => ({
    id: r.flag.id,
    profile: {
      ...r.profile,
      owner: { team: { id: r.owner.teamId, name: r.owner.teamName }, organisation: { id: r.owner.organisationId, name: r.owner.organisationName } },
    },
    basis: r.flag.basis,
    reports: r.flag.complaints,
    organisations: r.flag.organisations,
    since: r.flag.since,
    raisedAt: r.flag.raisedAt.toISOString(),
    caseReview: r.review && summaryOf(r.review, today),
  }), (r) => [r.cursorAt, r.flag.id]);
  ctx.audit({ action: 'community_triggers.listed', details: { count: page.items.length, records: page.items.map((i) => ({ kind: 'profile' as const, id: i.profile.id })) } });
  return page;
}

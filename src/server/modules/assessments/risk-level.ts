import type { riskLevelHistory } from '../../../shared/api/assessments.ts';
import type { z } from 'zod';
import { bandFor } from '../../../shared/assessment-engine.ts';
import { diff } from '../../platform/audit/diff.ts';
import type { Context } from '../../platform/context.ts';
import { tellInterested } from '../notifications/notify.ts';
import { audienceOf, subjectOf as recordSubject, viewableRecord, type SharedRecord } from '../sharing/record-access.ts';
import { finalScoreOf, type AssessmentRow } from './assessment.ts';
import * as q from './queries.ts';

/**
 * The latest completed matrix on a profile sets its risk level from the band that counts (the
 * adjusted one once approved). Each change is kept, audited as a change to the profile and
 * announced as the profiles module announces one.
 */
export async function applyRiskLevel(ctx: Context, record: SharedRecord, row: AssessmentRow, changedBy: string): Promise<void> {
  const a = row.assessment;
  if (!row.definition.setsRiskLevel || record.kind !== 'profile' || a.status !== 'completed') return;
  // The profile's row lock comes first: a matrix completed at the same moment waits here, then sees which is the latest.
  const from = await q.profileRiskLevel(ctx.tx, record.id);
  if (!(await q.isLatestCompleted(ctx.tx, a))) return;
  const to = bandFor(row.definition, finalScoreOf(row))?.riskLevel ?? null;
  if (to === from) return;
  await q.setRiskLevel(ctx.tx, { partnershipId: ctx.actor.partnershipId, profileId: record.id, from, to, assessmentId: a.id, changedBy });
  ctx.audit({ action: 'profile.updated', ...recordSubject(record), changes: diff({ riskLevel: from }, { riskLevel: to }, ['riskLevel']), details: { assessmentId: a.id } });
  ctx.emit({ type: 'profile.changed', audience: await audienceOf(ctx, record), data: { id: record.id } });
  ctx.hook('profile.changed', record.id);
  await tellInterested(ctx, { kind: 'profile', id: record.id }, 'A change was made');
}

/** Each change of a profile's risk level, newest first. */
export async function riskLevels(ctx: Context, profileId: string): Promise<z.infer<typeof riskLevelHistory>> {
  const record = await viewableRecord(ctx, 'profile', profileId);
  ctx.audit({ action: 'profile.history_viewed', ...recordSubject(record), details: { riskLevels: true } });
  const rows = await q.riskLevelHistory(ctx.tx, record.id);
  return {
    items: rows.map((r) => ({
      from: r.from,
      to: r.to,
      assessmentId: r.assessmentId,
      changedBy: { id: r.changedById, name: r.changedByName },
      changedAt: r.changedAt.toISOString(),
    })),
  };
}

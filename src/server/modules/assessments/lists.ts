import type { z } from 'zod';
import type { assessmentListQuery, AssessmentSummary, NeededAssessment, recordAssessments } from '../../../shared/api/assessments.ts';
import type { AssessmentSubjectKind } from '../../../shared/assessments.ts';
import { mayEverEdit } from '../../platform/access/records.ts';
import type { Context } from '../../platform/context.ts';
import { decodeCheckedCursor, isIsoTime, isUuid, pageOf } from '../../platform/cursor.ts';
import { subjectOf as recordSubject, viewableRecord } from '../sharing/record-access.ts';
import { isReadable, presentSummary, recordTitles } from './assessment.ts';
import { addDays, londonToday } from '../../platform/london.ts';
import * as q from './queries.ts';

/**
 * The completed assessments on a record (stubs where visibility leaves the reader out), the
 * reader's team's drafts, and what it still needs: everyone who can open the record sees each flag
 * and its reason, but only a reader of the screening that raised it is told which one.
 */
export async function listRecordAssessments(ctx: Context, kind: AssessmentSubjectKind, id: string): Promise<z.infer<typeof recordAssessments>> {
  const record = await viewableRecord(ctx, kind, id);
  const rows = await q.onRecord(ctx.tx, ctx.actor, kind, record.id);
  const required = await q.openRequirements(ctx.tx, ctx.actor, kind, record.id);
  ctx.audit({
    action: 'assessments.listed',
    ...recordSubject(record),
    details: { count: rows.length, readable: rows.filter((r) => isReadable(ctx, r)).length },
  });
  return {
    items: rows.map((r) => presentSummary(ctx, r, record.title)),
    required: required.map((r) => ({
      id: r.id,
      template: r.template,
      reason: r.reason,
      raisedAt: r.raisedAt.toISOString(),
      raisedBy: { id: r.raisedById, name: r.raisedByName },
      raisedByAssessmentId: r.raiserReadable ? r.raisedByAssessmentId : null,
    })),
    permissions: { canStart: mayEverEdit(ctx.actor) && !record.archived },
  };
}

type AssessmentPage = { items: AssessmentSummary[]; nextCursor: string | null };

/** A page of one of the actor's own lists, not audited: the caller records the read (the home page's panels). */
export async function findAssessments(ctx: Context, query: z.infer<typeof assessmentListQuery>): Promise<AssessmentPage> {
  const cursor = decodeCheckedCursor(query.cursor, isIsoTime, isUuid);
  const after = cursor ? { updatedAt: cursor[0], id: cursor[1] } : null;
  const rows = await q.listScope(ctx.tx, ctx.actor, query.scope, addDays(londonToday(), 7), query.limit, after);
  const titles = await recordTitles(ctx, rows.slice(0, query.limit));
  return pageOf(
    rows,
    query.limit,
    (r) => presentSummary(ctx, r, titles.get(r.assessment.recordId) ?? null),
    (r) => [r.assessment.updatedAt.toISOString(), r.assessment.id],
  );
}

/** A team's overdue reviews as far as the actor may open their records, not audited: the supervisor's view records the read. */
export async function teamReviewsOverdue(ctx: Context, teamId: string, limit: number): Promise<{ items: AssessmentSummary[]; more: boolean }> {
  const rows = await q.teamReviewsOverdue(ctx.tx, ctx.actor, teamId, londonToday(), limit);
  const shown = rows.slice(0, limit);
  const titles = await recordTitles(ctx, shown);
  return { items: shown.map((r) => presentSummary(ctx, r, titles.get(r.assessment.recordId) ?? null)), more: rows.length > limit };
}

/** The assessments the records the actor's team holds still need, not audited: the home page records the read. */
export async function neededByTeam(ctx: Context, limit: number): Promise<{ items: NeededAssessment[]; more: boolean }> {
  const rows = await q.teamOpenRequirements(ctx.tx, ctx.actor, limit);
  return {
    items: rows.slice(0, limit).map((r) => ({
      id: r.id,
      template: r.template,
      reason: r.reason,
      raisedAt: r.raisedAt.toISOString(),
      record: { kind: r.recordKind, id: r.recordId, title: r.title },
    })),
    more: rows.length > limit,
  };
}

/** The actor's own lists: their team's drafts, adjustments for them to decide, reviews due within a week, and their assessments. */
export async function listAssessments(ctx: Context, query: z.infer<typeof assessmentListQuery>): Promise<AssessmentPage> {
  const page = await findAssessments(ctx, query);
  ctx.audit({
    action: 'assessments.listed',
    details: {
      scope: query.scope,
      count: page.items.length,
      assessmentIds: page.items.map((a) => a.id),
      records: page.items.map((a) => ({ kind: a.subject.type, id: a.subject.id })),
    },
  });
  return page;
}

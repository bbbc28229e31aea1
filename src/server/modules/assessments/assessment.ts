import type { Assessment, AssessmentSummary, Band, TemplateDefinition } from '../../../shared/api/assessments.ts';
import { bandFor, finalScore } from '../../../shared/assessment-engine.ts';
import { actorHas } from '../../platform/access/permissions.ts';
import { mayEverEdit } from '../../platform/access/records.ts';
import type { Context } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { audienceOf, findRecord, subjectOf as recordSubject, viewableRecord, type SharedRecord } from '../sharing/record-access.ts';
import * as q from './queries.ts';

export type AssessmentRow = q.AssessmentRow;

/** The assessment in the audit trail, with the organisation and team that own its record (as reports are). */
export const subjectOf = (record: SharedRecord, id: string) => ({ ...recordSubject(record), entityType: 'assessment' as const, entityId: id });

export const recordDetails = (record: SharedRecord) => ({ recordKind: record.kind, recordId: record.id });

export const inAuthorTeam = (ctx: Context, row: AssessmentRow) => row.assessment.authorTeamId === ctx.actor.teamId;

/** Whether the reader sees the content: a draft only by its team, a completed one by its visibility. */
export const isReadable = (ctx: Context, row: AssessmentRow) => (row.assessment.status === 'draft' ? inAuthorTeam(ctx, row) : row.readable);

/** The adjusted score counts once approved, or at once where no approval is needed. */
export const finalScoreOf = (row: AssessmentRow): number | null => finalScore(row.assessment);

const shownBand = (band: Band | null) => (band ? { label: band.label, colour: band.colour, riskLevel: band.riskLevel } : null);

/** Whether the person may decide the adjustment: a supervisor of the assessor's team, or an administrator of its organisation, never the assessor. */
export function mayDecide(ctx: Context, row: AssessmentRow): boolean {
  const a = row.assessment;
  if (!actorHas(ctx.actor, 'assessments.approve') || !mayEverEdit(ctx.actor) || a.authorId === ctx.actor.id) return false;
  return a.authorTeamId === ctx.actor.teamId || (ctx.actor.role === 'organisation_admin' && a.authorOrganisationId === ctx.actor.organisationId);
}

export interface Facts {
  /** Whether this is the latest completed assessment with its template on the record. */
  latest: boolean;
}

function permissionsOf(ctx: Context, record: SharedRecord, row: AssessmentRow, facts: Facts): Assessment['permissions'] {
  const a = row.assessment;
  const writer = mayEverEdit(ctx.actor) && !record.archived;
  const draftWork = writer && a.status === 'draft' && inAuthorTeam(ctx, row);
  const completed = a.status === 'completed' && row.readable;
  return {
    canEdit: draftWork,
    canDiscard: draftWork,
    canAdjust: writer && completed && a.authorId === ctx.actor.id && row.definition.adjustment !== 'not_allowed'
      && a.adjustmentStatus !== 'pending' && a.adjustmentStatus !== 'approved' && facts.latest,
    canDecideAdjustment: writer && a.adjustmentStatus === 'pending' && mayDecide(ctx, row),
    canReview: writer && completed && row.template.status === 'active',
  };
}

export function presentSummary(ctx: Context, row: AssessmentRow, subjectTitle: string | null): AssessmentSummary {
  const a = row.assessment;
  const readable = isReadable(ctx, row);
  const definition: TemplateDefinition = row.definition;
  const finalScore = finalScoreOf(row);
  return {
    id: a.id,
    status: a.status,
    template: { id: row.template.id, key: row.template.key, name: row.template.name, version: row.templateVersion },
    subject: { type: a.recordKind, id: a.recordId, title: subjectTitle },
    readable,
    team: { id: a.authorTeamId, name: row.teamName },
    startedBy: readable ? { id: a.createdBy, name: row.starterName } : null,
    assessor: readable && a.status === 'completed' ? { id: a.authorId, name: row.authorName } : null,
    score: readable ? a.score : null,
    band: readable ? shownBand(bandFor(definition, a.score)) : null,
    finalScore: readable ? finalScore : null,
    finalBand: readable ? shownBand(bandFor(definition, finalScore)) : null,
    reviewOn: readable ? a.reviewOn : null,
    completedAt: a.completedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
    adjustmentStatus: readable ? a.adjustmentStatus : null,
  };
}

function adjustmentOf(row: AssessmentRow): Assessment['adjustment'] {
  const a = row.assessment;
  if (!a.adjustmentStatus || a.adjustedScore === null || !a.adjustedBy || !a.adjustedAt) return null;
  return {
    score: a.adjustedScore,
    reason: a.adjustmentReason ?? '',
    status: a.adjustmentStatus,
    by: { id: a.adjustedBy, name: row.adjusterName ?? '' },
    at: a.adjustedAt.toISOString(),
    decidedBy: a.adjustmentDecidedBy ? { id: a.adjustmentDecidedBy, name: row.deciderName ?? '' } : null,
    decidedAt: a.adjustmentDecidedAt?.toISOString() ?? null,
    note: a.adjustmentNote,
    band: shownBand(bandFor(row.definition, a.adjustedScore)),
  };
}

export function present(ctx: Context, record: SharedRecord, row: AssessmentRow, facts: Facts, requests: Assessment['informationRequests']): Assessment {
  const a = row.assessment;
  const summary = presentSummary(ctx, row, record.title);
  const readable = summary.readable;
  const thresholds = a.status === 'completed' ? row.definition.thresholds.filter((t) => a.score !== null && a.score >= t.min) : [];
  return {
    id: a.id,
    status: a.status,
    template: summary.template,
    subject: summary.subject,
    readable,
    visibility: readable ? a.visibility : null,
    team: summary.team,
    organisation: { id: a.authorOrganisationId, name: row.organisationName },
    startedBy: summary.startedBy,
    assessor: summary.assessor,
    answers: readable ? a.answers : null,
    members: readable ? a.members : null,
    score: summary.score,
    band: summary.band,
    adjustment: readable ? adjustmentOf(row) : null,
    finalScore: summary.finalScore,
    finalBand: summary.finalBand,
    thresholds: readable ? thresholds : null,
    reviewOn: summary.reviewOn,
    reviewOf: readable ? a.reviewOf : null,
    informationRequests: readable ? requests : null,
    completedAt: summary.completedAt,
    createdAt: a.createdAt.toISOString(),
    updatedAt: summary.updatedAt,
    version: a.version,
    permissions: readable ? permissionsOf(ctx, record, row, facts) : { canEdit: false, canAdjust: false, canDecideAdjustment: false, canReview: false, canDiscard: false },
  };
}

/** An assessment of the actor's partnership on a record they can open; a draft only for its team. Outside the partnership it does not exist. */
export async function loadAssessment(ctx: Context, id: string): Promise<{ row: AssessmentRow; record: SharedRecord }> {
  const row = await q.getAssessment(ctx.tx, ctx.actor, id);
  if (!row) throw new NotFoundError('assessment');
  const record = await viewableRecord(ctx, row.assessment.recordKind, row.assessment.recordId);
  if (row.assessment.status === 'draft' && !inAuthorTeam(ctx, row)) {
    ctx.refuse({ action: 'access.refused', ...subjectOf(record, id), details: { why: 'a draft of another team' } });
    throw new ForbiddenError('This assessment is another team\'s work in progress.');
  }
  return { row, record };
}

export async function reloadRow(ctx: Context, id: string): Promise<AssessmentRow> {
  return (await q.getAssessment(ctx.tx, ctx.actor, id))!;
}

/** Refuses content the reader's visibility leaves out, recording the refusal. */
export function requireReadable(ctx: Context, record: SharedRecord, row: AssessmentRow, doing: string): void {
  if (isReadable(ctx, row)) return;
  ctx.refuse({ action: 'access.refused', ...subjectOf(record, row.assessment.id), details: { why: `assessment visibility ${row.assessment.visibility}` } });
  throw new ForbiddenError(`This assessment is not shared with you, so you cannot ${doing}.`);
}

export function requireDraft(row: AssessmentRow): void {
  if (row.assessment.status !== 'draft') throw new ConflictError('This assessment is completed and can no longer be changed.', 'assessment_completed');
}

/** Refuses a step the actor may not take, recording the refusal. */
export function require(ctx: Context, record: SharedRecord, row: AssessmentRow, allowed: boolean, message: string): void {
  if (allowed) return;
  ctx.refuse({ action: 'access.refused', ...subjectOf(record, row.assessment.id), details: { why: message } });
  throw new ForbiddenError(message);
}

/**
 * Who hears the assessment changed (ids only; each refetches what they may read): of a draft, only
 * its team, for nobody else may know of work in progress; of a completed one, everyone who can
 * open the record.
 */
export async function announce(ctx: Context, record: SharedRecord, a: { id: string; status: AssessmentRow['assessment']['status']; authorTeamId: string }): Promise<void> {
  const audience = a.status === 'draft' ? { teamIds: [a.authorTeamId] } : await audienceOf(ctx, record);
  ctx.emit({ type: 'assessment.changed', audience, data: { id: a.id, record: { kind: record.kind, id: record.id } } });
}

/** The title of each record the reader can open, for lists naming many records; null where they cannot. */
export async function recordTitles(ctx: Context, rows: AssessmentRow[]): Promise<Map<string, string | null>> {
  const titles = new Map<string, string | null>();
  for (const { assessment: a } of rows) {
    if (titles.has(a.recordId)) continue;
    const record = await findRecord(ctx, a.recordKind, a.recordId).catch(() => null);
    titles.set(a.recordId, record?.level ? record.title : null);
  }
  return titles;
}

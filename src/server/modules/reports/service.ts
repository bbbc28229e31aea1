import type { z } from 'zod';
import type { createReportBody, createSubjectReportBody, Report, ReportVersion, updateReportBody } from '../../../shared/api/reports.ts';
import type { RecordKind } from '../../../shared/records.ts';
import type { Visibility } from '../../../shared/work.ts';
import { mayEverEdit } from '../../platform/access/records.ts';
import { diff } from '../../platform/audit/diff.ts';
import type { Context } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError, staleVersion, ValidationError } from '../../platform/errors.ts';
import { findLookupForFilter, resolveLookup } from '../lookups/service.ts';
import { tellInterested } from '../notifications/notify.ts';
import { reportRecorded } from '../victim-care/service.ts';
import { audienceOf, contributableRecord, subjectOf as recordSubject, viewableRecord, type SharedRecord } from '../sharing/record-access.ts';
import * as q from './queries.ts';
import { sanitiseBody } from './sanitise.ts';

export type Attachment = Awaited<ReturnType<typeof q.attachments>>[number];

/** The documents attached to these reports that the actor may read, by report. */
export async function attachmentsOf(ctx: Context, reportIds: string[]): Promise<Map<string, Attachment[]>> {
  const byReport = new Map<string, Attachment[]>();
  for (const a of await q.attachments(ctx.tx, ctx.actor, reportIds)) byReport.set(a.reportId, [...(byReport.get(a.reportId) ?? []), a]);
  return byReport;
}

/** The report in the audit trail: the report itself, with the organisation and team that own its record. */
const subjectOf = (record: SharedRecord, reportId: string) => ({
  ...recordSubject(record),
  entityType: 'report' as const,
  entityId: reportId,
});

/** Markup the editor sent, cut down to what is safe to show; a body with no words left is refused. */
function cleanBody(body: string) {
  const clean = sanitiseBody(body);
  if (!clean.text) throw new ValidationError([{ field: 'body', problem: 'has no text once formatting that is not allowed is removed' }]);
  return clean;
}

/** Whoever wrote it answers for a report: a person, or for a system's token the person who issued the token. */
async function authorOf(ctx: Context): Promise<string> {
  if (ctx.actor.kind === 'user') return ctx.actor.id;
  const issuer = await q.tokenIssuer(ctx.tx, ctx.actor.id);
  if (!issuer) throw new ForbiddenError('This API token cannot write reports.');
  return issuer;
}

/** Only the author may change a report: it is their account of what happened, and the versions kept are theirs. */
const isAuthor = (ctx: Context, row: q.ReportRow) => ctx.actor.kind === 'user' && ctx.actor.id === row.report.authorId;

function present(ctx: Context, record: SharedRecord, row: q.ReportRow, attachments: Attachment[]): Report {
  const r = row.report;
  const readable = row.readable;
  return {
    id: r.id,
    record: { kind: r.recordKind, id: r.recordId },
    type: { id: row.type.id, key: row.type.key, name: row.type.name },
    occurredAt: r.occurredAt.toISOString(),
    team: { id: r.authorTeamId, name: row.teamName },
    organisation: { id: r.authorOrganisationId, name: row.organisationName },
    readable,
    restricted: !readable,
    author: readable ? { id: r.authorId, name: row.authorName } : null,
    visibility: readable ? r.visibility : null,
    bodyHtml: readable ? r.bodyHtml : null,
    attachments: readable ? attachments.map(({ id, title, fileName, contentType }) => ({ id, title, fileName, contentType })) : [],
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
    permissions: { canEdit: readable && isAuthor(ctx, row) && mayEverEdit(ctx.actor) && !record.archived },
  };
}

async function presentOne(ctx: Context, record: SharedRecord, row: q.ReportRow): Promise<Report> {
  const attachments = row.readable ? (await attachmentsOf(ctx, [row.report.id])).get(row.report.id) ?? [] : [];
  return present(ctx, record, row, attachments);
}

/** Everyone who can open the record hears that its timeline changed (ids only); each refetches what they may read. */
async function announce(ctx: Context, record: SharedRecord, what: string) {
  ctx.emit({ type: 'timeline.changed', audience: await audienceOf(ctx, record), data: { kind: record.kind, id: record.id, entry: 'report' } });
  await tellInterested(ctx, { kind: record.kind, id: record.id }, what);
}

/**
 * A report's scans are read with it: narrowing the report narrows any attachment that more people
 * could read, each audited as a document change and announced to those who can open the record.
 */
async function narrowAttachments(ctx: Context, record: SharedRecord, reportId: string, visibility: Visibility) {
  const narrowed = await q.narrowAttachments(ctx.tx, reportId, visibility);
  if (narrowed.length === 0) return;
  for (const d of narrowed) {
    ctx.audit({
      action: 'document.updated',
      ...recordSubject(record),
      entityType: 'document',
      entityId: d.id,
      changes: diff({ visibility: d.visibility }, { visibility }, ['visibility']),
      details: { reportId },
    });
  }
  const audience = await audienceOf(ctx, record);
  const where = { kind: record.kind, id: record.id };
  for (const d of narrowed) ctx.emit({ type: 'document.changed', audience, data: { id: d.id, record: where } });
  ctx.emit({ type: 'timeline.changed', audience, data: { ...where, entry: 'document' } });
}

/** A report of the actor's partnership on a record they can open; outside the partnership it does not exist. */
async function loadReport(ctx: Context, id: string) {
  const row = await q.getReport(ctx.tx, ctx.actor, id);
  if (!row) throw new NotFoundError('report');
  return row;
}

/** A report as either route takes it; the contract's route may leave out when it happened, meaning now. */
type NewReport = Omit<z.infer<typeof createReportBody>, 'occurredAt'> & { occurredAt?: string };

/** The public contract's form: the record is the body's `subject`. */
export const createSubjectReport = (ctx: Context, { subject, ...body }: z.infer<typeof createSubjectReportBody>): Promise<Report> =>
  createReport(ctx, subject.type, subject.id, body);

export async function createReport(ctx: Context, kind: RecordKind, recordId: string, input: NewReport): Promise<Report> {
  const body = { ...input, occurredAt: input.occurredAt ?? new Date().toISOString() };
  const record = await contributableRecord(ctx, kind, recordId);
  const type = await resolveLookup(ctx, 'report_type', body.reportType, 'reportType');
  const clean = cleanBody(body.body);
  const authorId = await authorOf(ctx);
  const id = await q.insertReport(ctx.tx, {
    partnershipId: ctx.actor.partnershipId,
    recordKind: record.kind,
    recordId: record.id,
    reportTypeId: type.id,
    occurredAt: new Date(body.occurredAt),
    bodyHtml: clean.html,
    bodyText: clean.text,
    visibility: body.visibility,
    authorId,
    authorTeamId: ctx.actor.teamId,
    authorOrganisationId: ctx.actor.organisationId,
  });
  // Never the wording: the audit trail is read by administrators whom a private report is not for.
  ctx.audit({
    action: 'report.created',
    ...subjectOf(record, id),
    changes: diff(null, { reportTypeId: type.id, occurredAt: body.occurredAt, visibility: body.visibility }, ['reportTypeId', 'occurredAt', 'visibility']),
    details: { recordKind: record.kind, recordId: record.id },
  });
  await reportRecorded(ctx, { id, record, typeKey: type.key, occurredAt: new Date(body.occurredAt), authorId });
  ctx.hook('report.created', id);
  await announce(ctx, record, 'A report was added');
  return presentOne(ctx, record, (await q.getReport(ctx.tx, ctx.actor, id))!);
}

/** The report, or a stub (type, team, organisation, date) for a reader its visibility leaves out. */
export async function getReport(ctx: Context, id: string): Promise<Report> {
  const row = await loadReport(ctx, id);
  const record = await viewableRecord(ctx, row.report.recordKind, row.report.recordId);
  ctx.audit({ action: 'report.viewed', ...subjectOf(record, id), details: { recordKind: record.kind, recordId: record.id, readable: row.readable } });
  return presentOne(ctx, record, row);
}

/** The type may stay a retired one the report already has; changing to another needs an active value. */
async function changedType(ctx: Context, row: q.ReportRow, input: string | undefined): Promise<string> {
  if (input === undefined) return row.type.id;
  const found = await findLookupForFilter(ctx, 'report_type', input, 'reportType');
  if (found.id === row.type.id) return found.id;
  return (await resolveLookup(ctx, 'report_type', input, 'reportType')).id;
}

/** The author rewrites their report; the wording it had is kept as an earlier version. */
export async function updateReport(ctx: Context, id: string, body: z.infer<typeof updateReportBody>): Promise<Report> {
  const row = await loadReport(ctx, id);
  const record = await contributableRecord(ctx, row.report.recordKind, row.report.recordId);
  if (!isAuthor(ctx, row)) {
    ctx.refuse({ action: 'access.refused', ...subjectOf(record, id), details: { why: 'not the author of the report' } });
    throw new ForbiddenError('Only the author of a report can change it. You can add a report of your own.');
  }
  // An author who has since moved team no longer reads their team-only report, so may not overwrite it.
  if (!row.readable) {
    ctx.refuse({ action: 'access.refused', ...subjectOf(record, id), details: { why: `report visibility ${row.report.visibility}` } });
    throw new ForbiddenError('This report is no longer shared with you, so you cannot change it.');
  }
  const before = row.report;
  const clean = body.body !== undefined ? cleanBody(body.body) : { html: before.bodyHtml, text: before.bodyText };
  const change: q.ReportChange = {
    reportTypeId: await changedType(ctx, row, body.reportType),
    occurredAt: body.occurredAt !== undefined ? new Date(body.occurredAt) : before.occurredAt,
    bodyHtml: clean.html,
    bodyText: clean.text,
    visibility: body.visibility ?? before.visibility,
  };
  if (body.version !== before.version) throw staleVersion(await presentOne(ctx, record, row));
  await q.keepVersion(ctx.tx, before);
  if (!(await q.updateReport(ctx.tx, id, body.version, change))) {
    throw staleVersion(await presentOne(ctx, record, (await q.getReport(ctx.tx, ctx.actor, id))!));
  }
  const fields = ['reportTypeId', 'occurredAt', 'visibility'] as const;
  const shape = (r: { reportTypeId: string; occurredAt: Date; visibility: string }) => ({ reportTypeId: r.reportTypeId, occurredAt: r.occurredAt.toISOString(), visibility: r.visibility });
  ctx.audit({
    action: 'report.updated',
    ...subjectOf(record, id),
    changes: diff(shape(before), shape(change), fields),
    details: { recordKind: record.kind, recordId: record.id, version: before.version + 1, bodyChanged: change.bodyHtml !== before.bodyHtml },
  });
  if (change.visibility !== before.visibility) await narrowAttachments(ctx, record, id, change.visibility);
  await announce(ctx, record, 'A report was changed');
  return presentOne(ctx, record, (await q.getReport(ctx.tx, ctx.actor, id))!);
}

/** The earlier wordings of a report its reader may read, newest first. */
export async function reportVersions(ctx: Context, id: string): Promise<{ items: ReportVersion[] }> {
  const row = await loadReport(ctx, id);
  const record = await viewableRecord(ctx, row.report.recordKind, row.report.recordId);
  if (!row.readable) throw new ForbiddenError('This report is not shared with you, so neither are its earlier versions.');
  ctx.audit({ action: 'report.viewed', ...subjectOf(record, id), details: { recordKind: record.kind, recordId: record.id, versions: true } });
  const versions = await q.listVersions(ctx.tx, ctx.actor, id);
  return {
    items: versions.map((v) => ({
      version: v.version,
      type: v.type,
      occurredAt: v.occurredAt.toISOString(),
      bodyHtml: v.bodyHtml,
      visibility: v.visibility,
      editedBy: { id: v.editedById, name: v.editedByName },
      editedAt: v.editedAt.toISOString(),
    })),
  };
}

import type { z } from 'zod';
import type { caseListQuery, createCaseBody, updateCaseBody } from '../../../shared/api/cases.ts';
import type { listQuery } from '../../../shared/api/common.ts';
import { effectiveLevel } from '../../platform/access/records.ts';
import { diff } from '../../platform/audit/diff.ts';
import { recordHistory } from '../../platform/audit/history.ts';
import { checkRecord } from '../../platform/access/check.ts';
import { readAuditParams } from '../../platform/audit/write.ts';
import type { Context, ReadContext } from '../../platform/context.ts';
import { decodeCursor, pageOf } from '../../platform/cursor.ts';
import { staleVersion, ValidationError } from '../../platform/errors.ts';
import { caseTypeDefaultSharing, findLookupForFilter, resolveLookup } from '../lookups/service.ts';
import { changedLookup, checkCaseDetails } from './checks.ts';
import * as q from './queries.ts';
import { announce, auditedFields, caseFacts, loadCase, loadForChange, presentCase, presentSummary, readCase, subjectOf, userIdOf } from './record.ts';
import { londonToday } from '../../platform/london.ts';

async function reload(ctx: Context, id: string): Promise<q.CaseRow> {
  return (await q.getCase(ctx.tx, ctx.actor, id))!;
}

/** Opening a case is recorded, as every read of the shared record is: by the one statement that reads the page. */
export async function getCase(ctx: ReadContext, id: string) {
  const page = await q.casePage(ctx.db, ctx.actor, id, readAuditParams(ctx.actor, ctx.origin, { action: 'case.viewed', entityType: 'case', entityId: id }));
  return presentCase(ctx.actor, checkRecord(ctx, 'open', 'case', page?.row ?? null, caseFacts), page!.parts);
}

type CaseListQuery = z.infer<typeof caseListQuery>;

const leadOfficerOf = (ctx: Context, query: Pick<CaseListQuery, 'leadOfficer'>) => (query.leadOfficer === 'me' ? ctx.actor.id : query.leadOfficer);

/**
 * A page of the cases the actor can open, of the case type already resolved, not audited: the
 * caller records the read (the home page's panels).
 */
export async function findCases(ctx: Context, query: Omit<CaseListQuery, 'caseType'>, caseTypeId?: string) {
  const rows = await q.listCases(ctx.tx, ctx.actor, {
    scope: query.scope,
    status: query.status,
    caseTypeId,
    profileId: query.profileId,
    locationId: query.locationId,
    search: query.q,
    leadOfficerId: leadOfficerOf(ctx, query),
    startedFrom: query.startedFrom,
    startedTo: query.startedTo,
    endingBefore: query.endingBefore,
    cursor: decodeCursor(query.cursor, 2),
    limit: query.limit,
  });
  return pageOf(rows, query.limit, presentSummary, (r) => [r.cursorAt, r.case.id]);
}

/**
 * The open cases led by a team's officers that the actor may open, most recently changed first,
 * not audited: the supervisor's view records the read. A case of theirs the actor cannot open is
 * left out, as in any list.
 */
export async function openCasesLedByTeam(ctx: Context, teamId: string, limit: number) {
  const rows = await q.listCases(ctx.tx, ctx.actor, { scope: 'all', status: 'open', leadTeamId: teamId, cursor: null, limit });
  return {
    // Changing the lead is an edit of the case, so it needs edit on it, supervisor or not.
    items: rows.slice(0, limit).map((r) => ({ ...presentSummary(r), version: r.case.version, canChangeLead: effectiveLevel(ctx.actor, r.level) === 'edit' })),
    more: rows.length > limit,
  };
}

export async function listCases(ctx: Context, query: CaseListQuery) {
  const caseType = query.caseType ? await findLookupForFilter(ctx, 'case_type', query.caseType, 'caseType') : null;
  const page = await findCases(ctx, query, caseType?.id);
  ctx.audit({
    action: 'cases.listed',
    details: {
      scope: query.scope, status: query.status, caseTypeId: caseType?.id, profileId: query.profileId, locationId: query.locationId, q: query.q,
      leadOfficerId: leadOfficerOf(ctx, query), startedFrom: query.startedFrom, startedTo: query.startedTo, endingBefore: query.endingBefore, count: page.items.length,
    },
  });
  return page;
}

/**
 * Opens a case owned by the actor's team, numbered `<type code>/<year>/<number>` in the
 * partnership's sequence for the year, and shares it as its case type says.
 */
export async function createCase(ctx: Context, body: z.infer<typeof createCaseBody>) {
  if (body.caseTypeId !== undefined && body.caseType !== undefined) {
    throw new ValidationError([{ field: 'caseType', problem: 'give either caseTypeId or caseType, not both' }]);
  }
  const type = body.caseTypeId !== undefined
    ? await resolveLookup(ctx, 'case_type', body.caseTypeId, 'caseTypeId')
    : await resolveLookup(ctx, 'case_type', body.caseType!, 'caseType');
  await checkCaseDetails(ctx, body, null);
  const today = londonToday();
  const year = Number(today.slice(0, 4));
  const number = await q.nextCaseNumber(ctx.tx, ctx.actor.partnershipId, year);
  const reference = `${(type.code ?? type.key).toUpperCase()}/${year}/${String(number).padStart(5, '0')}`;
  const id = await q.insertCase(ctx.tx, {
    partnershipId: ctx.actor.partnershipId,
    ownerTeamId: ctx.actor.teamId,
    reference,
    title: body.title,
    caseTypeId: type.id,
    summary: body.summary ?? null,
    leadOrganisationId: body.leadOrganisationId ?? null,
    leadOfficerId: body.leadOfficerId ?? null,
    singlePointOfContactId: body.singlePointOfContactId ?? null,
    startDate: body.startDate ?? null,
    endDate: body.endDate ?? null,
    parentCaseId: body.parentCaseId ?? null,
    createdBy: userIdOf(ctx.actor),
  });
  // The owning team always has edit, so an entry naming it would say nothing.
  const shares = (await caseTypeDefaultSharing(ctx, type.id)).filter((s) => s.teamId !== ctx.actor.teamId);
  await q.insertAccess(ctx.tx, id, shares, userIdOf(ctx.actor));
  const row = await reload(ctx, id);
  ctx.audit({ action: 'case.created', ...subjectOf(row), changes: diff(null, { ...row.case }, auditedFields) });
  ctx.hook('case.created', id);
  for (const share of shares) {
    ctx.audit({ action: 'record.shared', ...subjectOf(row), details: { ...share, source: 'case type default sharing', caseTypeId: type.id } });
  }
  await announce(ctx, id);
  if (row.case.parentCaseId) await announce(ctx, row.case.parentCaseId);
  return readCase(ctx, row);
}

/** Changes the details of an open case; its reference stays, even when its type changes. */
export async function updateCase(ctx: Context, id: string, body: z.infer<typeof updateCaseBody>) {
  const current = await loadForChange(ctx, id);
  const { version, caseType, ...fields } = body;
  const caseTypeId = await changedLookup(ctx, 'case_type', caseType, current.caseType, 'caseType');
  await checkCaseDetails(ctx, fields, current.case);
  if (!(await q.updateCase(ctx.tx, id, version, { ...fields, ...(caseTypeId ? { caseTypeId } : {}) }))) {
    throw staleVersion(await readCase(ctx, current));
  }
  const updated = await reload(ctx, id);
  ctx.audit({ action: 'case.updated', ...subjectOf(updated), changes: diff({ ...current.case }, { ...updated.case }, auditedFields) });
  ctx.hook('case.changed', id);
  await announce(ctx, id);
  if (current.case.parentCaseId !== updated.case.parentCaseId) {
    for (const parentId of [current.case.parentCaseId, updated.case.parentCaseId]) if (parentId) await announce(ctx, parentId);
  }
  return readCase(ctx, updated);
}

/** What was done to the case, newest first, from the audit trail. */
export async function caseHistory(ctx: Context, id: string, query: z.infer<typeof listQuery>) {
  const row = await loadCase(ctx, id);
  const page = await recordHistory(ctx.tx, ctx.actor, 'case', row.case.id, query);
  ctx.audit({ action: 'case.history_viewed', ...subjectOf(row) });
  return page;
}

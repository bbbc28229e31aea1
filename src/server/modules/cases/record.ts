import type { CaseRecord, CaseSummary, Intervention } from '../../../shared/api/cases.ts';
import type { PersonSafety } from '../../../shared/api/profiles.ts';
import type { CaseStatus } from '../../../shared/records.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { checkRecord, type AccessFacts, type Checked } from '../../platform/access/check.ts';
import { effectiveLevel } from '../../platform/access/records.ts';
import type { Context } from '../../platform/context.ts';
import { ConflictError, type RecordOwner } from '../../platform/errors.ts';
import { tellInterested } from '../notifications/notify.ts';
import { presentSafety } from '../profiles/present.ts';
import * as q from './queries.ts';
import { londonToday } from '../../platform/london.ts';

/**
 * Opening a case for reading or for a change, and turning it into what the API sends. Outside
 * the actor's partnership a case does not exist; inside it, one the actor may not open is
 * refused with its owner, so they can ask for access.
 */

interface Owned {
  ownerTeamId: string;
  ownerTeamName: string;
  ownerOrganisationId: string;
  ownerOrganisationName: string;
}

export const ownerOf = (row: Owned): RecordOwner => ({
  team: { id: row.ownerTeamId, name: row.ownerTeamName },
  organisation: { id: row.ownerOrganisationId, name: row.ownerOrganisationName },
});

/** The audit trail's record of which case, and whose. */
export const subjectOf = (row: q.CaseRow) => ({
  entityType: 'case' as const,
  entityId: row.case.id,
  subjectOrganisationId: row.ownerOrganisationId,
  subjectTeamId: row.case.ownerTeamId,
});

/** The fields whose before and after the audit trail keeps. */
export const auditedFields = [
  'reference', 'title', 'summary', 'caseTypeId', 'status', 'leadOrganisationId', 'leadOfficerId', 'singlePointOfContactId',
  'startDate', 'endDate', 'parentCaseId', 'outcome', 'closureReason',
] as const;

/** Audit and foreign keys name people, not API tokens. */
export const userIdOf = (actor: Actor): string | null => (actor.kind === 'user' ? actor.id : null);

/** What the one record check needs of a case row. */
export const caseFacts = (row: q.CaseRow): AccessFacts => ({ ...row, id: row.case.id, partnershipId: row.case.partnershipId, ownerTeamId: row.case.ownerTeamId });

export async function loadCase(ctx: Context, id: string): Promise<Checked<q.CaseRow>> {
  return checkRecord(ctx, 'open', 'case', await q.getCase(ctx.tx, ctx.actor, id), caseFacts);
}

function wrongStatus(status: CaseStatus): ConflictError {
  switch (status) {
    case 'archived':
      return new ConflictError('This case is archived and can no longer be changed.', 'case_archived');
    case 'closed':
      return new ConflictError('This case is closed. Reopen it to change it.', 'case_closed');
    case 'open':
      return new ConflictError('This case is open. Close it first.', 'case_open');
  }
}

/**
 * A case the actor may change, in one of the statuses the change applies to: an open case takes
 * every change, a closed one only reopening or archiving, an archived one nothing at all.
 */
export async function loadForChange(ctx: Context, id: string, statuses: readonly CaseStatus[] = ['open']): Promise<Checked<q.CaseRow>> {
  const row = checkRecord(ctx, 'edit', 'case', await q.getCase(ctx.tx, ctx.actor, id), caseFacts);
  if (!statuses.includes(row.case.status)) throw wrongStatus(row.case.status);
  return row;
}

/** Tells open screens of the case (its owner and everyone it is shared with) to refresh, and those who follow it. */
export async function announce(ctx: Context, caseId: string): Promise<void> {
  ctx.emit({ type: 'case.changed', audience: await q.audienceOf(ctx.tx, caseId), data: { id: caseId } });
  await tellInterested(ctx, { kind: 'case', id: caseId }, 'A change was made');
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const ref = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

export function presentIntervention(row: q.InterventionRow): Intervention {
  const i = row.intervention;
  return {
    id: i.id,
    interventionType: row.type,
    status: i.status,
    startDate: i.startDate,
    endDate: i.endDate,
    outcome: i.outcome,
    notes: i.notes,
    version: i.version,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

/** A person on the case; `safety` is what the reader may see of them (nothing for a locked stub). */
export function presentLinkedProfile(row: Omit<q.LinkedProfileRow, 'role'>, role: q.LinkedProfileRow['role'], safety: PersonSafety | undefined) {
  return {
    profileId: row.profileId,
    role,
    accessible: row.level !== null,
    firstName: row.firstName,
    lastName: row.lastName,
    dateOfBirth: row.dateOfBirth,
    owner: ownerOf(row),
    safety: safety ?? null,
  };
}

export function presentLinkedLocation(row: q.LinkedLocationRow) {
  return {
    locationId: row.locationId,
    accessible: row.level !== null,
    addressLine1: row.addressLine1,
    postcode: row.postcode,
    latitude: row.latitude,
    longitude: row.longitude,
    owner: ownerOf(row),
  };
}

export function presentSummary(row: q.CaseListRow): CaseSummary {
  const c = row.case;
  return {
    id: c.id,
    reference: c.reference,
    title: c.title,
    caseType: row.caseType,
    status: c.status,
    startDate: c.startDate,
    endDate: c.endDate,
    leadOfficer: ref(c.leadOfficerId, row.leadOfficerName),
    owner: ownerOf(row),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** The whole case as its page shows it, with what the actor may do with it, read in one statement. */
export async function readCase(ctx: Context, row: q.CaseRow): Promise<CaseRecord> {
  return presentCase(ctx.actor, row, await q.getCaseParts(ctx.tx, ctx.actor, row.case.id));
}

export function presentCase(actor: Actor, row: q.CaseRow, { parent, subCases, profiles, locations, interventions }: q.CaseParts): CaseRecord {
  const c = row.case;
  const today = londonToday();
  const edit = effectiveLevel(actor, row.level) === 'edit';
  return {
    id: c.id,
    reference: c.reference,
    title: c.title,
    caseType: row.caseType,
    status: c.status,
    summary: c.summary,
    leadOrganisation: ref(c.leadOrganisationId, row.leadOrganisationName),
    leadOfficer: ref(c.leadOfficerId, row.leadOfficerName),
    singlePointOfContact: ref(c.singlePointOfContactId, row.singlePointOfContactName),
    startDate: c.startDate,
    endDate: c.endDate,
    daysElapsed: c.startDate ? daysBetween(c.startDate, today) : null,
    daysLeft: c.endDate ? daysBetween(today, c.endDate) : null,
    parentCaseId: c.parentCaseId,
    parentCase: parent ? { id: parent.id, reference: parent.reference, title: parent.title, accessible: parent.level !== null } : null,
    subCases: subCases.map((s) => ({ id: s.id, reference: s.reference, title: s.title, status: s.status, accessible: s.level !== null })),
    profiles: profiles.map((p) => presentLinkedProfile(p, p.role, p.safety ? presentSafety(p.safety) : undefined)),
    locations: locations.map(presentLinkedLocation),
    interventions: interventions.map(({ intervention, type }) => presentIntervention({
      intervention: { ...intervention, createdAt: new Date(intervention.createdAt), updatedAt: new Date(intervention.updatedAt) },
      type,
    })),
    outcome: c.outcome,
    closureReason: c.closureReason,
    closedAt: c.closedAt?.toISOString() ?? null,
    closedBy: ref(c.closedBy, row.closedByName),
    archivedAt: c.archivedAt?.toISOString() ?? null,
    owner: ownerOf(row),
    createdBy: ref(c.createdBy, row.createdByName),
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    permissions: {
      canEdit: edit && c.status === 'open',
      canShare: edit && c.status !== 'archived',
      canClose: edit && c.status === 'open',
      canReopen: edit && c.status === 'closed',
      canArchive: edit && c.status === 'closed',
    },
  };
}

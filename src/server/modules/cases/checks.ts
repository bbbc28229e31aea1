import type { Context } from '../../platform/context.ts';
import { ValidationError, type FieldProblem } from '../../platform/errors.ts';
import type { LookupList } from '../../../shared/records.ts';
import { resolveLookup } from '../lookups/service.ts';
import * as q from './queries.ts';

/**
 * The foreign ids and dates a case or intervention carries, checked so that a mistake is a 422
 * naming the field rather than a database error.
 */

export interface CaseDetails {
  leadOrganisationId?: string | null;
  leadOfficerId?: string | null;
  singlePointOfContactId?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  parentCaseId?: string | null;
}

/** An end before the start is refused, taking the stored date for the one not being changed. */
export function checkDates(change: { startDate?: string | null; endDate?: string | null }, current: { startDate: string | null; endDate: string | null } | null): FieldProblem[] {
  const start = change.startDate !== undefined ? change.startDate : (current?.startDate ?? null);
  const end = change.endDate !== undefined ? change.endDate : (current?.endDate ?? null);
  return start && end && end < start ? [{ field: 'endDate', problem: 'must be on or after the start date' }] : [];
}

type StoredCase = Required<CaseDetails> & { id: string; startDate: string | null; endDate: string | null };

/**
 * Checks only what changes: the lead organisation and people must be of the partnership (and
 * people still active), and a parent case one the actor can open, not archived, and not the case
 * itself or one of its own sub-cases.
 */
export async function checkCaseDetails(ctx: Context, change: CaseDetails, current: StoredCase | null): Promise<void> {
  const partnershipId = ctx.actor.partnershipId;
  const changed = (field: keyof CaseDetails) => (change[field] && change[field] !== current?.[field] ? change[field] : null);
  const problems = checkDates(change, current);
  const organisationId = changed('leadOrganisationId');
  if (organisationId && !(await q.organisationInPartnership(ctx.tx, partnershipId, organisationId))) {
    problems.push({ field: 'leadOrganisationId', problem: 'is not an organisation of this partnership' });
  }
  for (const field of ['leadOfficerId', 'singlePointOfContactId'] as const) {
    const userId = changed(field);
    if (userId && !(await q.activeUserInPartnership(ctx.tx, partnershipId, userId))) problems.push({ field, problem: 'is not an active user of this partnership' });
  }
  const parentCaseId = changed('parentCaseId');
  if (parentCaseId) {
    const problem = await parentProblem(ctx, parentCaseId, current?.id ?? null);
    if (problem) problems.push({ field: 'parentCaseId', problem });
  }
  if (problems.length > 0) throw new ValidationError(problems);
}

async function parentProblem(ctx: Context, parentCaseId: string, caseId: string | null): Promise<string | null> {
  const [parent] = await q.caseStubs(ctx.tx, ctx.actor, q.byId(parentCaseId));
  if (!parent || parent.level === null) return 'is not a case you can open';
  if (parent.status === 'archived') return 'is archived';
  if (caseId && (await q.lineage(ctx.tx, parentCaseId)).includes(caseId)) return 'is this case or one of its sub-cases';
  return null;
}

/**
 * The lookup value for a change: a new one must be active; keeping the value already stored is
 * fine even once it has been retired.
 */
export async function changedLookup(ctx: Context, list: LookupList, input: string | undefined, current: { id: string; key: string; name: string }, field: string): Promise<string | undefined> {
  if (input === undefined) return undefined;
  const lower = input.toLowerCase();
  if (input === current.id || lower === current.key || lower === current.name.toLowerCase()) return undefined;
  return (await resolveLookup(ctx, list, input, field)).id;
}

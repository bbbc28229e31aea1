import type { Owner } from '../../../shared/api/records.ts';
import type { RecordKind } from '../../../shared/records.ts';
import { effectiveLevel, mayEverEdit } from '../../platform/access/records.ts';
import type { Context } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, NoAccessError, NotFoundError } from '../../platform/errors.ts';
import type { Audience } from '../../platform/events/types.ts';
import * as q from './queries.ts';

export type SharedRecord = q.RecordRow;

export const ownerOf = (record: SharedRecord): Owner => ({
  team: { id: record.ownerTeamId, name: record.ownerTeamName },
  organisation: { id: record.ownerOrganisationId, name: record.ownerOrganisationName },
});

/** The audit subject: the record, and the organisation and team whose administrators see what was done to it. */
export const subjectOf = (record: SharedRecord) => ({
  entityType: record.kind,
  entityId: record.id,
  subjectOrganisationId: record.ownerOrganisationId,
  subjectTeamId: record.ownerTeamId,
});

/** How an email names a record without naming the person in it. */
export function describeRecord(record: { kind: RecordKind; id: string; reference: string | null }): string {
  return `a ${record.kind} (reference ${record.reference ?? record.id})`;
}

/** A record of the actor's partnership, whatever their access; outside it the record does not exist. */
export async function findRecord(ctx: Context, kind: RecordKind, id: string): Promise<SharedRecord> {
  const record = await q.getRecord(ctx.tx, ctx.actor, kind, id);
  if (!record || record.partnershipId !== ctx.actor.partnershipId) throw new NotFoundError(kind);
  return record;
}

export async function viewableRecord(ctx: Context, kind: RecordKind, id: string): Promise<SharedRecord> {
  const record = await findRecord(ctx, kind, id);
  if (!record.level) {
    ctx.refuse({ action: 'access.refused', ...subjectOf(record), details: { why: 'not shared with your team or organisation' } });
    throw new NoAccessError(ownerOf(record));
  }
  return record;
}

export async function editableRecord(ctx: Context, kind: RecordKind, id: string): Promise<SharedRecord> {
  const record = await viewableRecord(ctx, kind, id);
  if (effectiveLevel(ctx.actor, record.level) !== 'edit') {
    ctx.refuse({ action: 'access.refused', ...subjectOf(record), details: { why: 'view only' } });
    throw new ForbiddenError(`You can see this ${record.kind} but not change it or who it is shared with.`);
  }
  if (record.archived) throw new ConflictError('This case is archived and can no longer be changed.', 'case_archived');
  return record;
}

/**
 * A record someone may add to (a report, a document, a task): anyone who can open it and may
 * write at all, since an agency with view access records its own work on a shared record. Its
 * details stay with those holding edit. An archived case takes nothing more.
 */
export async function contributableRecord(ctx: Context, kind: RecordKind, id: string): Promise<SharedRecord> {
  const record = await viewableRecord(ctx, kind, id);
  if (!mayEverEdit(ctx.actor)) {
    ctx.refuse({ action: 'access.refused', ...subjectOf(record), details: { why: 'read only' } });
    throw new ForbiddenError('Your account can read records but not add to them.');
  }
  if (record.archived) throw new ConflictError('This case is archived and can no longer be changed.', 'case_archived');
  return record;
}

/** Everyone who can open the record: its owning team and everyone on its access list. */
export async function audienceOf(ctx: Context, record: SharedRecord): Promise<Required<Pick<Audience, 'teamIds' | 'organisationIds'>>> {
  const entries = await q.listEntries(ctx.tx, record.kind, record.id);
  return {
    teamIds: [record.ownerTeamId, ...entries.flatMap((e) => (e.teamId ? [e.teamId] : []))],
    organisationIds: entries.flatMap((e) => (e.teamId ? [] : [e.organisationId])),
  };
}

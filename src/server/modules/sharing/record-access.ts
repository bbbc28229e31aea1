import type { Owner } from '../../../shared/api/records.ts';
import type { RecordKind } from '../../../shared/records.ts';
import { checkRecord, ownerOf as accessOwner, subjectOf as accessSubject, type Checked } from '../../platform/access/check.ts';
import type { Context } from '../../platform/context.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import type { Audience } from '../../platform/events/types.ts';
import * as q from './queries.ts';

export type SharedRecord = q.RecordRow;

export const ownerOf = (record: SharedRecord): Owner => accessOwner(record);

/** The audit subject: the record, and the organisation and team whose administrators see what was done to it. */
export const subjectOf = (record: SharedRecord) => accessSubject(record.kind, record);

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

const facts = (record: SharedRecord) => record;

export async function viewableRecord(ctx: Context, kind: RecordKind, id: string): Promise<Checked<SharedRecord>> {
  return checkRecord(ctx, 'open', kind, await q.getRecord(ctx.tx, ctx.actor, kind, id), facts);
}

export async function editableRecord(ctx: Context, kind: RecordKind, id: string): Promise<Checked<SharedRecord>> {
  const record = checkRecord(ctx, 'edit', kind, await q.getRecord(ctx.tx, ctx.actor, kind, id), facts);
  if (record.archived) throw archived();
  return record;
}

/**
 * A record someone may add to (a report, a document, a task): anyone who can open it and may
 * write at all. Its details stay with those holding edit. An archived case takes nothing more.
 */
export async function contributableRecord(ctx: Context, kind: RecordKind, id: string): Promise<Checked<SharedRecord>> {
  const record = checkRecord(ctx, 'contribute', kind, await q.getRecord(ctx.tx, ctx.actor, kind, id), facts);
  if (record.archived) throw archived();
  return record;
}

const archived = () => new ConflictError('This case is archived and can no longer be changed.', 'case_archived');

/** Everyone who can open the record: its owning team and everyone on its access list (a person with emergency access by name). */
export async function audienceOf(ctx: Context, record: SharedRecord): Promise<Required<Pick<Audience, 'teamIds' | 'organisationIds' | 'userIds'>>> {
  const now = Date.now();
  const entries = (await q.listEntries(ctx.tx, record.kind, record.id)).filter((e) => !e.expiresAt || e.expiresAt.getTime() > now);
  return {
    teamIds: [record.ownerTeamId, ...entries.flatMap((e) => (e.teamId ? [e.teamId] : []))],
    organisationIds: entries.flatMap((e) => (e.teamId || e.userId ? [] : [e.organisationId])),
    userIds: entries.flatMap((e) => (e.userId ? [e.userId] : [])),
  };
}

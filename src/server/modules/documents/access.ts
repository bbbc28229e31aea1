import type { Document } from '../../../shared/api/documents.ts';
import type { RecordKind } from '../../../shared/records.ts';
import { mayChangeContribution } from '../../platform/access/records.ts';
import type { Context } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { tellInterested } from '../notifications/notify.ts';
import { audienceOf, viewableRecord, type SharedRecord } from '../sharing/record-access.ts';
import { presentDocument } from './present.ts';
import * as q from './queries.ts';

export interface LoadedDocument {
  row: q.DocumentRow;
  record: SharedRecord;
}

/**
 * A document and its record. Another partnership's document does not exist (404); one on a
 * record the actor cannot open is refused with the record's owner (403), as the record would be.
 */
export async function loadDocument(ctx: Context, id: string): Promise<LoadedDocument> {
  const row = await q.getDocument(ctx.tx, ctx.actor, id);
  if (!row) throw new NotFoundError('document');
  const record = await viewableRecord(ctx, row.document.recordKind, row.document.recordId);
  return { row, record };
}

/**
 * Who may rename, move, describe or add a version to a document: anyone who can read it and may
 * change what was added to the record (its author, or someone holding edit on the record).
 */
export function mayChange(ctx: Context, { row, record }: LoadedDocument): boolean {
  return row.readable && mayChangeContribution(ctx.actor, row.document.authorId, record);
}

export function requireChange(ctx: Context, loaded: LoadedDocument): void {
  if (mayChange(ctx, loaded)) return;
  ctx.refuse({ action: 'access.refused', ...documentSubject(loaded), details: { why: 'may not change this document' } });
  throw new ForbiddenError('Only its author, or someone who can edit the record, can change this document.');
}

export function requireReadable(ctx: Context, loaded: LoadedDocument): void {
  if (loaded.row.readable) return;
  ctx.refuse({ action: 'access.refused', ...documentSubject(loaded), details: { why: `document visibility ${loaded.row.document.visibility}` } });
  throw new ForbiddenError('This document is restricted to its author or their team.', 'restricted');
}

/** The audit subject: the document, owned for the audit viewer by the record's team and organisation. */
export const documentSubject = ({ row, record }: LoadedDocument) => ({
  entityType: 'document' as const,
  entityId: row.document.id,
  subjectOrganisationId: record.ownerOrganisationId,
  subjectTeamId: record.ownerTeamId,
});

export async function reloadDocument(ctx: Context, id: string, record: SharedRecord): Promise<LoadedDocument> {
  return { row: (await q.getDocument(ctx.tx, ctx.actor, id))!, record };
}

export async function present(ctx: Context, loaded: LoadedDocument): Promise<Document> {
  const versions = loaded.row.readable ? await q.listVersions(ctx.tx, [loaded.row.document.id]) : [];
  return presentDocument(loaded.row, versions, mayChange(ctx, loaded));
}

/**
 * Tells everyone who can open the record that its documents changed (ids only: each client
 * fetches again through the API, which applies visibility), and those following it.
 */
export async function announce(ctx: Context, record: SharedRecord, documentId: string, what: string): Promise<void> {
  const audience = await audienceOf(ctx, record);
  const where = { kind: record.kind as RecordKind, id: record.id };
  ctx.emit({ type: 'timeline.changed', audience, data: { ...where, entry: 'document' } });
  ctx.emit({ type: 'document.changed', audience, data: { id: documentId, record: where } });
  await tellInterested(ctx, where, what);
}

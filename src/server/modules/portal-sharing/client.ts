import type { ClientTask, SharedDocument } from '../../../shared/api/portal.ts';
import type { ClientActor } from '../../platform/access/actor.ts';
import type { Context } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { currentFileOf, type DocumentContent } from '../documents/service.ts';
import type { Uploads } from '../documents/uploads.ts';
import { notify } from '../notifications/notify.ts';
import { assigneePeople, taskLink } from '../tasks/announce.ts';
import { presentDocument, presentTask } from './present.ts';
import { profileOwners } from '../portal/service.ts';
import * as q from './queries.ts';

// Every read keys on the client's own profile: another person's document or task does not exist (404).

export async function listClientDocuments(ctx: Context<ClientActor>): Promise<{ items: SharedDocument[] }> {
  const { profileId } = ctx.actor;
  const rows = await q.sharedDocuments(ctx.tx, profileId);
  ctx.audit({
    action: 'portal_items.listed',
    entityType: 'profile',
    entityId: profileId,
    ...(await profileOwners(ctx, profileId)),
    details: { profileId, side: 'client', documents: rows.length, tasks: 0 },
  });
  return { items: rows.map(presentDocument) };
}

/** The current version of a document shared with the client, audited in the transaction that reads it. */
export async function downloadDocument(ctx: Context<ClientActor>, uploads: Uploads, documentId: string): Promise<DocumentContent> {
  const { profileId } = ctx.actor;
  const [shared] = await q.sharedDocuments(ctx.tx, profileId, undefined, documentId);
  if (!shared) throw new NotFoundError('document');
  const { version, ...file } = await currentFileOf(ctx, uploads, documentId);
  ctx.audit({
    action: 'portal_document.downloaded',
    entityType: 'document',
    entityId: documentId,
    ...(await profileOwners(ctx, profileId)),
    details: { profileId, documentId, version },
  });
  return file;
}

export async function listClientTasks(ctx: Context<ClientActor>): Promise<{ items: ClientTask[] }> {
  const { profileId } = ctx.actor;
  const rows = await q.clientTasks(ctx.tx, profileId);
  ctx.audit({
    action: 'portal_items.listed',
    entityType: 'profile',
    entityId: profileId,
    ...(await profileOwners(ctx, profileId)),
    details: { profileId, side: 'client', documents: 0, tasks: rows.length },
  });
  return { items: rows.map(presentTask) };
}

/**
 * The client ticks off one of their own tasks, once. The task itself stays as its doer left it:
 * its progress log records a member of staff for every step, so the people doing it and whoever
 * marked it as the client's are told instead, in words that name nobody, and finish it themselves.
 */
export async function tickOffTask(ctx: Context<ClientActor>, taskId: string): Promise<ClientTask> {
  const { profileId } = ctx.actor;
  const [row] = await q.clientTasks(ctx.tx, profileId, undefined, taskId);
  if (!row) throw new NotFoundError('task');
  if (!(await q.markDone(ctx.tx, profileId, taskId))) return presentTask(row);
  const record = row.recordKind && row.recordId ? { kind: row.recordKind, id: row.recordId } : null;
  const people = [...await assigneePeople(ctx.tx, row.assignee), row.markedBy.id];
  await notify(ctx, people.map((userId) => ({
    userId, kind: 'client_request' as const, message: 'A client ticked off a task.', link: taskLink(taskId), subjectId: taskId, record,
  })));
  ctx.audit({ action: 'portal_task.done', entityType: 'task', entityId: taskId, ...(await profileOwners(ctx, profileId)), details: { profileId, taskId } });
  const [done] = await q.clientTasks(ctx.tx, profileId, undefined, taskId);
  return presentTask(done!);
}

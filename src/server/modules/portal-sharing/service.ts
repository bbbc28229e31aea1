import type { ProfilePortalItems } from '../../../shared/api/portal.ts';
import type { Context } from '../../platform/context.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { liveAccessOf } from '../portal/service.ts';
import { audienceOf, editableProfile, subjectOf, viewableProfile } from '../profiles/access.ts';
import { presentItems } from './present.ts';
import * as q from './queries.ts';

type CheckedProfile = Awaited<ReturnType<typeof editableProfile>>;

/**
 * What is shared with the person, as far as the reader may see it: a document they may not read,
 * or a task on a case they cannot open, is left out rather than shown as a stub, as the client's
 * copy is no place to ask for access.
 */
async function itemsOf(ctx: Context, profileId: string): Promise<ProfilePortalItems> {
  return presentItems(
    await q.sharedDocuments(ctx.tx, profileId, q.readableBy(ctx.actor)),
    await q.clientTasks(ctx.tx, profileId, q.taskVisibleTo(ctx.actor)),
  );
}

/** An event about one item, owned for the audit viewer by the team holding the person. */
const itemSubject = (profile: CheckedProfile, entityType: 'document' | 'task', entityId: string) => ({ ...subjectOf(profile), entityType, entityId });

/** Tells the person's practitioners' open screens and the client's portal page that what is shared changed (ids only). */
async function announce(ctx: Context, profile: CheckedProfile): Promise<void> {
  const access = await liveAccessOf(ctx, profile.profile.id);
  ctx.emit({ type: 'portal_items.changed', audience: { ...(await audienceOf(ctx, profile)), clientIds: access ? [access.id] : [] }, data: { profileId: profile.profile.id } });
}

/** The documents and tasks shared with the person in the portal: anyone who may open the person. */
export async function listPortalItems(ctx: Context, profileId: string): Promise<ProfilePortalItems> {
  const { row: profile } = await viewableProfile(ctx, profileId);
  const items = await itemsOf(ctx, profile.profile.id);
  ctx.audit({
    action: 'portal_items.listed',
    ...subjectOf(profile),
    details: { profileId: profile.profile.id, side: 'staff', documents: items.documents.length, tasks: items.tasks.length },
  });
  return items;
}

/** Shares a document on the person's own record, which the practitioner may read, with the client: edit on the person. */
export async function shareDocument(ctx: Context, profileId: string, documentId: string): Promise<ProfilePortalItems> {
  const profile = await editableProfile(ctx, profileId);
  const id = profile.profile.id;
  if (!(await q.documentOnPerson(ctx.tx, ctx.actor, id, documentId))) {
    throw new ValidationError([{ field: 'documentId', problem: 'must be a document on this person\'s record that you may read' }]);
  }
  if (await q.shareDocument(ctx.tx, { documentId, profileId: id, partnershipId: profile.profile.partnershipId, sharedBy: ctx.actor.id })) {
    ctx.audit({ action: 'portal_document.shared', ...itemSubject(profile, 'document', documentId), details: { profileId: id, documentId } });
    await announce(ctx, profile);
  }
  return itemsOf(ctx, id);
}

export async function unshareDocument(ctx: Context, profileId: string, documentId: string): Promise<ProfilePortalItems> {
  const profile = await editableProfile(ctx, profileId);
  const id = profile.profile.id;
  if (!(await q.unshareDocument(ctx.tx, id, documentId))) throw new NotFoundError('document shared with this person');
  ctx.audit({ action: 'portal_document.unshared', ...itemSubject(profile, 'document', documentId), details: { profileId: id, documentId } });
  await announce(ctx, profile);
  return itemsOf(ctx, id);
}

/**
 * Marks a task still to do, on the person or on a case they are linked to, as the client's own to
 * tick off: edit on the person, and a task the practitioner can see.
 */
export async function markTask(ctx: Context, profileId: string, taskId: string): Promise<ProfilePortalItems> {
  const profile = await editableProfile(ctx, profileId);
  const id = profile.profile.id;
  const task = await q.taskForPerson(ctx.tx, ctx.actor, id, taskId);
  if (!task) throw new ValidationError([{ field: 'taskId', problem: 'must be a task you can see on this person, or on a case they are linked to' }]);
  if (task.status === 'completed' || task.status === 'cancelled') throw new ValidationError([{ field: 'taskId', problem: 'must be a task still to do' }]);
  const markedFor = await q.markedFor(ctx.tx, taskId);
  if (markedFor && markedFor !== id) throw new ValidationError([{ field: 'taskId', problem: 'is already marked as another person\'s own' }]);
  if (!markedFor && await q.markTask(ctx.tx, { taskId, profileId: id, partnershipId: profile.profile.partnershipId, markedBy: ctx.actor.id })) {
    ctx.audit({ action: 'portal_task.marked', ...itemSubject(profile, 'task', taskId), details: { profileId: id, taskId } });
    await announce(ctx, profile);
  }
  return itemsOf(ctx, id);
}

export async function unmarkTask(ctx: Context, profileId: string, taskId: string): Promise<ProfilePortalItems> {
  const profile = await editableProfile(ctx, profileId);
  const id = profile.profile.id;
  if (!(await q.unmarkTask(ctx.tx, id, taskId))) throw new NotFoundError('task marked as this person\'s');
  ctx.audit({ action: 'portal_task.unmarked', ...itemSubject(profile, 'task', taskId), details: { profileId: id, taskId } });
  await announce(ctx, profile);
  return itemsOf(ctx, id);
}

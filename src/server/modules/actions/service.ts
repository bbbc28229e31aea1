import type { z } from 'zod';
import type { Action, actionListQuery, createActionBody, doneActionBody, updateActionBody } from '../../../shared/api/tasks.ts';
import type { Ref } from '../../../shared/api/common.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Context } from '../../platform/context.ts';
import { decodeCheckedCursor, isIsoTime, isUuid, pageOf } from '../../platform/cursor.ts';
import { ConflictError, ForbiddenError, NotFoundError, staleVersion, ValidationError } from '../../platform/errors.ts';
import { audienceOf, findRecord, viewableRecord } from '../sharing/record-access.ts';
import * as q from './queries.ts';

/**
 * Reminders: a person's own note to do something at a time, optionally shared with named members
 * of their team. Only the person who set it and those it is shared with know it exists.
 */

/** Who may be reminded besides the setter: enabled members of the setter's own team. */
export async function recipientOptions(ctx: Context): Promise<{ items: Ref[] }> {
  const members = await q.teamMembers(ctx.tx, ctx.actor.teamId);
  return { items: members.filter((m) => m.id !== ctx.actor.id) };
}

async function checkRecipients(ctx: Context, ids: string[]): Promise<string[]> {
  const wanted = [...new Set(ids)].filter((id) => id !== ctx.actor.id);
  const members = new Set((await q.teamMembers(ctx.tx, ctx.actor.teamId)).map((m) => m.id));
  if (wanted.some((id) => !members.has(id))) {
    throw new ValidationError([{ field: 'recipientIds', problem: 'must be people in your own team whose accounts are enabled' }]);
  }
  return wanted;
}

/** A minute's grace, so a reminder set for "now" on a slow connection is not refused. */
function checkDueAt(dueAt: string): Date {
  const at = new Date(dueAt);
  if (at.getTime() < Date.now() - 60_000) throw new ValidationError([{ field: 'dueAt', problem: 'must not be in the past' }]);
  return at;
}

const subject = (row: { id: string; createdByOrganisationId: string; createdByTeamId: string }) => ({
  entityType: 'action' as const,
  entityId: row.id,
  subjectOrganisationId: row.createdByOrganisationId,
  subjectTeamId: row.createdByTeamId,
});

function present(reader: Actor, row: q.ActionRow, recipients: Ref[]): Action {
  return {
    id: row.id,
    title: row.title,
    notes: row.notes,
    dueAt: row.dueAt.toISOString(),
    createdBy: { id: row.createdBy, name: row.createdByName },
    recipients,
    record: row.recordKind && row.recordId ? { kind: row.recordKind, id: row.recordId, title: row.recordTitle } : null,
    remindedAt: row.remindedAt?.toISOString() ?? null,
    doneAt: row.doneAt?.toISOString() ?? null,
    version: row.version,
    permissions: { canChange: row.createdBy === reader.id && !row.doneAt },
  };
}

async function presentOne(ctx: Context, row: q.ActionRow): Promise<Action> {
  const recipients = await q.recipientsOf(ctx.tx, [row.id]);
  return present(ctx.actor, row, recipients.map(({ id, name }) => ({ id, name })));
}

/** An action the actor set or was given; others in the partnership are refused, outsiders told it does not exist. */
async function loadAction(ctx: Context, id: string): Promise<{ row: q.ActionRow; recipientIds: string[] }> {
  const row = await q.getAction(ctx.tx, ctx.actor, id);
  if (!row || row.partnershipId !== ctx.actor.partnershipId) throw new NotFoundError('reminder');
  const recipientIds = (await q.recipientsOf(ctx.tx, [id])).map((r) => r.id);
  if (row.createdBy !== ctx.actor.id && !recipientIds.includes(ctx.actor.id)) {
    ctx.refuse({ action: 'access.refused', ...subject(row), details: { why: 'a reminder set by someone else and not shared with you' } });
    throw new ForbiddenError('This reminder belongs to someone else.');
  }
  return { row, recipientIds };
}

/** Tells the open screens of everyone the action concerns, and of a record's timeline. */
async function announce(ctx: Context, row: q.ActionRow, userIds: string[]) {
  ctx.emit({ type: 'action.changed', audience: { userIds: [...new Set([row.createdBy, ...userIds])] }, data: { id: row.id } });
  if (row.recordKind && row.recordId) {
    const record = await findRecord(ctx, row.recordKind, row.recordId);
    ctx.emit({ type: 'timeline.changed', audience: await audienceOf(ctx, record), data: { kind: record.kind, id: record.id, entry: 'action' } });
  }
}

export async function createAction(ctx: Context, body: z.infer<typeof createActionBody>): Promise<Action> {
  const dueAt = checkDueAt(body.dueAt);
  const recipientIds = await checkRecipients(ctx, body.recipientIds);
  // A reminder is the person's own note: being able to open the record is enough.
  const record = body.record ? await viewableRecord(ctx, body.record.kind, body.record.id) : null;
  const id = await q.insertAction(ctx.tx, {
    partnershipId: ctx.actor.partnershipId,
    recordKind: record?.kind ?? null,
    recordId: record?.id ?? null,
    title: body.title,
    notes: body.notes ?? null,
    dueAt,
    createdBy: ctx.actor.id,
    createdByTeamId: ctx.actor.teamId,
    createdByOrganisationId: ctx.actor.organisationId,
  });
  await q.replaceRecipients(ctx.tx, id, recipientIds);
  const row = (await q.getAction(ctx.tx, ctx.actor, id))!;
  ctx.audit({
    action: 'action.created',
    ...subject(row),
    details: { dueAt: row.dueAt.toISOString(), recipientIds, record: record ? { kind: record.kind, id: record.id } : null },
  });
  await announce(ctx, row, recipientIds);
  return presentOne(ctx, row);
}

async function findActions(ctx: Context, state: q.ActionState, limit: number, cursor: string | undefined) {
  const key = decodeCheckedCursor(cursor, isIsoTime, isUuid);
  const after = key ? { dueAt: key[0], id: key[1] } : null;
  const rows = await q.listActions(ctx.tx, ctx.actor, state, limit, after);
  const recipients = await q.recipientsOf(ctx.tx, rows.slice(0, limit).map((r) => r.id));
  return pageOf(
    rows,
    limit,
    (row) => present(ctx.actor, row, recipients.filter((r) => r.actionId === row.id).map(({ id, name }) => ({ id, name }))),
    (row) => [row.dueAt.toISOString(), row.id],
  );
}

export async function listActions(ctx: Context, query: z.infer<typeof actionListQuery>) {
  const page = await findActions(ctx, query.state, query.limit, query.cursor);
  ctx.audit({ action: 'actions.listed', details: { state: query.state, count: page.items.length } });
  return page;
}

/**
 * The actor's reminders still to do by the end of today in London, soonest first (those that
 * went off earlier and are not done yet among them), not audited: the caller records the read.
 */
export function remindersDueToday(ctx: Context, limit: number) {
  return findActions(ctx, 'today', limit, undefined);
}

export async function getAction(ctx: Context, id: string): Promise<Action> {
  const { row } = await loadAction(ctx, id);
  ctx.audit({ action: 'action.viewed', ...subject(row) });
  return presentOne(ctx, row);
}

export async function updateAction(ctx: Context, id: string, body: z.infer<typeof updateActionBody>): Promise<Action> {
  const { row: current, recipientIds: before } = await loadAction(ctx, id);
  if (current.createdBy !== ctx.actor.id) {
    ctx.refuse({ action: 'access.refused', ...subject(current), details: { why: 'only the person who set a reminder may change it' } });
    throw new ForbiddenError('Only the person who set this reminder can change it.');
  }
  if (current.doneAt) throw new ConflictError('This reminder is done and can no longer be changed.', 'action_done');
  const dueAt = body.dueAt !== undefined ? checkDueAt(body.dueAt) : undefined;
  const recipientIds = body.recipientIds !== undefined ? await checkRecipients(ctx, body.recipientIds) : undefined;
  const moved = dueAt !== undefined && dueAt.getTime() !== current.dueAt.getTime();
  const changed = await q.updateAction(ctx.tx, id, body.version, {
    ...(body.title !== undefined ? { title: body.title } : {}),
    ...(body.notes !== undefined ? { notes: body.notes } : {}),
    // A new time means a new reminder: it goes off again then.
    ...(moved ? { dueAt, remindedAt: null } : {}),
  });
  if (!changed) throw staleVersion(await presentOne(ctx, current));
  if (recipientIds) await q.replaceRecipients(ctx.tx, id, recipientIds);
  const updated = (await q.getAction(ctx.tx, ctx.actor, id))!;
  const after = recipientIds ?? before;
  ctx.audit({
    action: 'action.updated',
    ...subject(updated),
    // Titles and notes may name a client: the trail says that they changed, not what to.
    changes: {
      ...(moved ? { dueAt: { before: current.dueAt.toISOString(), after: updated.dueAt.toISOString() } } : {}),
      ...(recipientIds && JSON.stringify([...before].sort()) !== JSON.stringify([...after].sort()) ? { recipientIds: { before, after } } : {}),
    },
    details: { titleChanged: updated.title !== current.title, notesChanged: updated.notes !== current.notes },
  });
  await announce(ctx, updated, [...before, ...after]);
  return presentOne(ctx, updated);
}

/**
 * Marks reminders done because what they asked for has happened (the matrix a screening called
 * for was completed), whoever completed it: a reminder to do what is done only distracts.
 */
export async function closeFulfilledActions(ctx: Context, ids: string[]): Promise<void> {
  for (const id of ids) {
    const row = await q.getAction(ctx.tx, ctx.actor, id);
    if (!row || row.doneAt) continue;
    await q.updateAction(ctx.tx, id, row.version, { doneAt: new Date() });
    ctx.audit({ action: 'action.done', ...subject(row), details: { fulfilled: true } });
    await announce(ctx, row, (await q.recipientsOf(ctx.tx, [id])).map((r) => r.id));
  }
}

export async function markActionDone(ctx: Context, id: string, body: z.infer<typeof doneActionBody>): Promise<Action> {
  const { row: current, recipientIds } = await loadAction(ctx, id);
  if (current.doneAt) throw new ConflictError('This reminder is already done.', 'action_done');
  if (!(await q.updateAction(ctx.tx, id, body.version, { doneAt: new Date() }))) throw staleVersion(await presentOne(ctx, current));
  const updated = (await q.getAction(ctx.tx, ctx.actor, id))!;
  ctx.audit({ action: 'action.done', ...subject(updated) });
  await announce(ctx, updated, recipientIds);
  return presentOne(ctx, updated);
}

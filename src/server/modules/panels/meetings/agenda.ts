import type { AgendaItem, Meeting } from '../../../../shared/api/panels.ts';
import type { Context } from '../../../platform/context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/errors.ts';
import { findRecord, subjectOf } from '../../sharing/record-access.ts';
import * as referrals from '../referrals/queries.ts';
import { positionFor } from './order.ts';
import * as q from './queries.ts';
import { announceMeeting, meetingSubject, readMeeting, requirePlanned, reread, runnableMeeting, type LoadedMeeting } from './service.ts';

async function onRecord(ctx: Context, referral: { recordKind: 'profile' | 'case'; recordId: string }) {
  return subjectOf(await findRecord(ctx, referral.recordKind, referral.recordId));
}

/** Puts one waiting referral of the panel on the agenda, where SafeLives' order places it among the items there. */
async function place(ctx: Context, { panel, meeting }: LoadedMeeting, referralId: string): Promise<string> {
  const referral = await referrals.getReferral(ctx.tx, referralId);
  if (!referral || referral.referral.panelId !== panel.row.panel.id) throw new ValidationError([{ field: 'referralId', problem: 'is not a referral to this panel' }]);
  if (referral.referral.status !== 'waiting') throw new ConflictError('This referral is not waiting for a meeting: it is on an agenda, heard or withdrawn.', 'referral_not_waiting');
  const agenda = await q.agendaOf(ctx.tx, meeting.id);
  const facts = await q.orderFacts(ctx.tx, panel.row.panel.id, [referralId, ...agenda.map((r) => r.referral.id)]);
  const factsOf = new Map(facts.map((f) => [f.id, f]));
  const position = positionFor(factsOf.get(referralId)!, agenda.map((r) => factsOf.get(r.referral.id)!));
  await q.shiftFrom(ctx.tx, meeting.id, position);
  const itemId = await q.insertItem(ctx.tx, { meetingId: meeting.id, referralId, position });
  await referrals.setStatus(ctx.tx, [referralId], 'listed', 'waiting');
  ctx.audit({
    action: 'agenda_item.added',
    ...(await onRecord(ctx, referral.referral)),
    details: {
      record: { kind: referral.referral.recordKind, id: referral.referral.recordId },
      panelId: panel.row.panel.id, meetingId: meeting.id, itemId, referralId, position,
    },
  });
  return itemId;
}

export async function addAgendaItem(ctx: Context, meetingId: string, referralId: string): Promise<AgendaItem> {
  const loaded = await runnableMeeting(ctx, meetingId);
  requirePlanned(loaded.meeting);
  const itemId = await place(ctx, loaded, referralId);
  announceMeeting(ctx, loaded);
  return (await reread(ctx, meetingId)).agenda.find((i) => i.id === itemId)!;
}

/** Puts every referral waiting for the panel on the agenda, in SafeLives' suggested order. */
export async function addWaiting(ctx: Context, meetingId: string): Promise<Meeting> {
  const loaded = await runnableMeeting(ctx, meetingId);
  requirePlanned(loaded.meeting);
  for (const referralId of await q.waitingReferralIds(ctx.tx, loaded.panel.row.panel.id)) await place(ctx, loaded, referralId);
  announceMeeting(ctx, loaded);
  return reread(ctx, meetingId);
}

/** The chair's own order: every item of the agenda, each once. */
export async function reorderAgenda(ctx: Context, meetingId: string, itemIds: string[]): Promise<Meeting> {
  const loaded = await runnableMeeting(ctx, meetingId);
  requirePlanned(loaded.meeting);
  const current = (await q.agendaOf(ctx.tx, meetingId)).map((r) => r.item.id);
  if (itemIds.length !== current.length || new Set(itemIds).size !== itemIds.length || !itemIds.every((id) => current.includes(id))) {
    throw new ValidationError([{ field: 'itemIds', problem: 'must list every item of this agenda once' }]);
  }
  await q.setPositions(ctx.tx, meetingId, itemIds);
  ctx.audit({ action: 'agenda.reordered', ...meetingSubject(loaded.meeting), details: { itemIds } });
  announceMeeting(ctx, loaded);
  return readMeeting(ctx, loaded, false);
}

/**
 * Takes an item off the agenda; its referral waits for another meeting. An item already
 * minuted, researched or with actions agreed stays: that work belongs to this meeting.
 */
export async function removeAgendaItem(ctx: Context, meetingId: string, itemId: string): Promise<void> {
  const loaded = await runnableMeeting(ctx, meetingId);
  requirePlanned(loaded.meeting);
  const row = await q.getItem(ctx.tx, meetingId, itemId);
  if (!row) throw new NotFoundError('agenda item');
  if (await q.itemInUse(ctx.tx, itemId)) throw new ConflictError('This item has minutes, research or actions, so it stays on this meeting\'s agenda.', 'item_in_use');
  await q.deleteItem(ctx.tx, itemId);
  await q.setPositions(ctx.tx, meetingId, (await q.agendaOf(ctx.tx, meetingId)).map((r) => r.item.id));
  await referrals.setStatus(ctx.tx, [row.referral.id], 'waiting', 'listed');
  ctx.audit({
    action: 'agenda_item.removed',
    ...(await onRecord(ctx, row.referral)),
    details: { record: { kind: row.referral.recordKind, id: row.referral.recordId }, panelId: loaded.panel.row.panel.id, meetingId, itemId, referralId: row.referral.id },
  });
  announceMeeting(ctx, loaded);
}

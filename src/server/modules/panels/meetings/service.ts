import type { z } from 'zod';
import type { createMeetingBody, Meeting, updateMeetingBody } from '../../../../shared/api/panels.ts';
import { canResearchFor, canRunPanel } from '../../../platform/access/panels.ts';
import { diff } from '../../../platform/audit/diff.ts';
import type { Context } from '../../../platform/context.ts';
import { ConflictError, NotFoundError, staleVersion, ValidationError } from '../../../platform/errors.ts';
import { audienceOfPanel, findPanel, requireRuns, requireSees, runnablePanel, type LoadedPanel } from '../panel.ts';
import * as panels from '../queries.ts';
import * as referrals from '../referrals/queries.ts';
import { presentAttendance, presentItem, presentMeetingSummary, presentOpenAction, seesWhole } from './present.ts';
import * as q from './queries.ts';

export interface LoadedMeeting {
  panel: LoadedPanel;
  meeting: q.MeetingRow;
}

/** The audit subject of a meeting's own details: its date, place and attendance. */
export const meetingSubject = (m: q.MeetingRow) => ({ entityType: 'meeting' as const, entityId: m.id });

/** A meeting of a panel the actor sits on; outside the partnership it does not exist. */
export async function loadMeeting(ctx: Context, id: string): Promise<LoadedMeeting> {
  const meeting = await q.getMeeting(ctx.tx, id);
  if (!meeting || meeting.partnershipId !== ctx.actor.partnershipId) throw new NotFoundError('meeting');
  const panel = await findPanel(ctx, meeting.panelId);
  requireSees(ctx, panel);
  return { panel, meeting };
}

/** A meeting its panel's chair, coordinators or system administrators are running. */
export async function runnableMeeting(ctx: Context, id: string): Promise<LoadedMeeting> {
  const loaded = await loadMeeting(ctx, id);
  requireRuns(ctx, loaded.panel);
  return loaded;
}

export function requirePlanned(meeting: q.MeetingRow): void {
  if (meeting.status === 'closed') throw new ConflictError('This meeting is closed: its agenda can no longer change.', 'meeting_closed');
}

/** Tells everyone on the panel that the meeting changed, so an open meeting page reads it again. */
export function announceMeeting(ctx: Context, { panel, meeting }: LoadedMeeting): void {
  ctx.emit({ type: 'meeting.changed', audience: audienceOfPanel(panel), data: { meetingId: meeting.id, panelId: panel.row.panel.id } });
}

/**
 * The meeting as its reader sees it: every item, whole or as a stub per item; attendance; and the
 * actions agreed at the panel's earlier meetings still open, as far as the reader may see each.
 * Records one `meeting.viewed` naming the records shown and those shown only as stubs.
 */
export async function readMeeting(ctx: Context, { panel, meeting }: LoadedMeeting, audit = true): Promise<Meeting> {
  const runs = canRunPanel(ctx.actor, panel);
  const agenda = await q.agendaOf(ctx.tx, meeting.id);
  const open = await q.openActionsBefore(ctx.tx, ctx.actor, meeting);
  const places = await q.actionPlaces(ctx.tx, open.map((a) => a.itemId));
  const placeOf = new Map(places.map((p) => [p.itemId, p]));
  const seen = await panels.recordsSeen(ctx.tx, ctx.actor, [
    ...agenda.map((r) => ({ kind: r.referral.recordKind, id: r.referral.recordId })),
    ...places.map((p) => ({ kind: p.recordKind, id: p.recordId })),
  ]);
  const wholeIds = agenda.filter((r) => seesWhole(seen, r.referral.recordId)).map((r) => r.item.id);
  const actions = await q.actionsOf(ctx.tx, ctx.actor, agenda.map((r) => r.item.id));
  const research = await q.researchOf(ctx.tx, wholeIds);
  const items = agenda.map((r) => presentItem(r, wholeIds.includes(r.item.id), seen.get(r.referral.recordId)?.title ?? null, actions, research));
  const openActions = open.flatMap((a) => {
    const place = placeOf.get(a.itemId)!;
    const whole = seesWhole(seen, place.recordId);
    return whole || a.mine ? [presentOpenAction(a, place, whole ? seen.get(place.recordId)?.title ?? null : null)] : [];
  });
  if (audit) {
    const shown = [...items.filter((i) => !i.restricted).map((i) => i.subject), ...openActions.filter((a) => a.recordTitle).map((a) => a.subject)];
    ctx.audit({
      action: 'meeting.viewed',
      ...meetingSubject(meeting),
      details: {
        panelId: panel.row.panel.id,
        records: uniqueRecords(shown),
        restricted: uniqueRecords(items.filter((i) => i.restricted).map((i) => i.subject)),
      },
    });
  }
  const { items: _count, ...summary } = presentMeetingSummary(panel, meeting, items.length);
  return {
    ...summary,
    agenda: items,
    attendance: presentAttendance(panel, await q.attendanceOf(ctx.tx, meeting.id)),
    openActions,
    permissions: { canRun: runs, canResearch: canResearchFor(ctx.actor, panel) && meeting.status === 'planned' },
  };
}

function uniqueRecords(subjects: { type: 'profile' | 'case'; id: string }[]) {
  return [...new Map(subjects.map((s) => [s.id, { kind: s.type, id: s.id }])).values()];
}

/** The meeting as it is after a change, without recording a read: the change is recorded already. */
export async function reread(ctx: Context, id: string): Promise<Meeting> {
  const meeting = (await q.getMeeting(ctx.tx, id))!;
  return readMeeting(ctx, { panel: await findPanel(ctx, meeting.panelId), meeting }, false);
}

export async function getMeeting(ctx: Context, id: string): Promise<Meeting> {
  return readMeeting(ctx, await loadMeeting(ctx, id));
}

export async function createMeeting(ctx: Context, body: z.infer<typeof createMeetingBody>): Promise<Meeting> {
  const panel = await runnablePanel(ctx, body.panelId);
  const id = await q.insertMeeting(ctx.tx, {
    partnershipId: ctx.actor.partnershipId,
    panelId: panel.row.panel.id,
    startsAt: new Date(body.startsAt),
    endsAt: body.endsAt ? new Date(body.endsAt) : null,
    place: body.place ?? null,
    onlineLink: body.onlineLink ?? null,
    createdBy: ctx.actor.id,
  });
  const meeting = (await q.getMeeting(ctx.tx, id))!;
  ctx.audit({ action: 'meeting.created', ...meetingSubject(meeting), details: { panelId: panel.row.panel.id, startsAt: meeting.startsAt.toISOString() } });
  announceMeeting(ctx, { panel, meeting });
  ctx.emit({ type: 'panel.changed', audience: audienceOfPanel(panel), data: { panelId: panel.row.panel.id } });
  return readMeeting(ctx, { panel, meeting }, false);
}

const meetingFields = ['startsAt', 'endsAt', 'place', 'onlineLink'] as const;

const when = (m: Pick<q.MeetingRow, 'startsAt' | 'endsAt' | 'place' | 'onlineLink'>) => ({
  startsAt: m.startsAt.toISOString(), endsAt: m.endsAt?.toISOString() ?? null, place: m.place, onlineLink: m.onlineLink,
});

/** Moves a planned meeting or changes where it is held. */
export async function updateMeeting(ctx: Context, id: string, body: z.infer<typeof updateMeetingBody>): Promise<Meeting> {
  const loaded = await runnableMeeting(ctx, id);
  const { meeting } = loaded;
  requirePlanned(meeting);
  const startsAt = body.startsAt ? new Date(body.startsAt) : meeting.startsAt;
  const endsAt = body.endsAt === undefined ? meeting.endsAt : body.endsAt ? new Date(body.endsAt) : null;
  if (endsAt && endsAt <= startsAt) throw new ValidationError([{ field: 'endsAt', problem: 'must be after the start' }]);
  const patch = {
    startsAt,
    endsAt,
    place: body.place === undefined ? meeting.place : body.place,
    onlineLink: body.onlineLink === undefined ? meeting.onlineLink : body.onlineLink,
  };
  if (!(await q.updateMeeting(ctx.tx, id, body.version, patch))) throw staleVersion(await readMeeting(ctx, loaded, false));
  ctx.audit({ action: 'meeting.updated', ...meetingSubject(meeting), changes: diff(when(meeting), when(patch), meetingFields) });
  announceMeeting(ctx, loaded);
  return reread(ctx, id);
}

/** Closes the meeting: every referral on its agenda has been heard. Minutes may still be corrected, each change kept. */
export async function closeMeeting(ctx: Context, id: string): Promise<Meeting> {
  const loaded = await runnableMeeting(ctx, id);
  requirePlanned(loaded.meeting);
  await q.updateMeeting(ctx.tx, id, null, { status: 'closed', closedAt: new Date() });
  const heard = (await q.agendaOf(ctx.tx, id)).map((r) => r.referral.id);
  await referrals.setStatus(ctx.tx, heard, 'heard', 'listed');
  ctx.audit({ action: 'meeting.closed', ...meetingSubject(loaded.meeting), details: { panelId: loaded.panel.row.panel.id, heardReferralIds: heard } });
  announceMeeting(ctx, loaded);
  ctx.emit({ type: 'panel.changed', audience: audienceOfPanel(loaded.panel), data: { panelId: loaded.panel.row.panel.id } });
  return reread(ctx, id);
}

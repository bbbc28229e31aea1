import type { z } from 'zod';
import type { AgendaItem, attendanceBody, Attendance, createAgendaActionBody, minutesBody, researchBody, Research } from '../../../../shared/api/panels.ts';
import { dueOnProblem } from '../../../../shared/api/tasks.ts';
import { canResearchFor } from '../../../platform/access/panels.ts';
import type { Context } from '../../../platform/context.ts';
import { ForbiddenError, NotFoundError, staleVersion, ValidationError } from '../../../platform/errors.ts';
import { londonToday } from '../../../platform/london.ts';
import { contributableRecord, findRecord, subjectOf, viewableRecord } from '../../sharing/record-access.ts';
import { createTask } from '../../tasks/service.ts';
import { panelSubject } from '../panel.ts';
import { presentAttendance, presentResearch, presentVersion } from './present.ts';
import * as q from './queries.ts';
import { announceMeeting, loadMeeting, meetingSubject, requirePlanned, reread, runnableMeeting, type LoadedMeeting } from './service.ts';

async function itemOf(ctx: Context, { meeting }: LoadedMeeting, itemId: string): Promise<q.AgendaRow> {
  const row = await q.getItem(ctx.tx, meeting.id, itemId);
  if (!row) throw new NotFoundError('agenda item');
  return row;
}

const recordRef = (row: q.AgendaRow) => ({ kind: row.referral.recordKind, id: row.referral.recordId });

function itemDetails(loaded: LoadedMeeting, row: q.AgendaRow) {
  return { record: recordRef(row), panelId: loaded.panel.row.panel.id, meetingId: loaded.meeting.id, itemId: row.item.id };
}

async function currentItem(ctx: Context, meetingId: string, itemId: string): Promise<AgendaItem> {
  return (await reread(ctx, meetingId)).agenda.find((i) => i.id === itemId)!;
}

/**
 * The chair minutes an item: what was said and the risks identified. Each change after the first
 * keeps the earlier wording as a version, a closed meeting's late corrections included. Sent
 * with the version it was based on, a change made meanwhile by someone else is refused (409).
 */
export async function setMinutes(ctx: Context, meetingId: string, itemId: string, body: z.infer<typeof minutesBody>): Promise<AgendaItem> {
  const loaded = await runnableMeeting(ctx, meetingId);
  const row = await itemOf(ctx, loaded, itemId);
  const { item } = row;
  if (body.version !== undefined && body.version !== item.version) throw staleVersion(await currentItem(ctx, meetingId, itemId));
  const risks = body.risks === undefined ? item.risks : body.risks;
  if (!(await q.writeMinutes(ctx.tx, item, item.version, { minutes: body.text, risks }, ctx.actor.id))) throw staleVersion(await currentItem(ctx, meetingId, itemId));
  const record = await findRecord(ctx, row.referral.recordKind, row.referral.recordId);
  ctx.audit({
    action: 'agenda_item.minuted',
    ...subjectOf(record),
    details: { ...itemDetails(loaded, row), version: item.version + 1, afterClose: loaded.meeting.status === 'closed', risksChanged: risks !== item.risks },
  });
  announceMeeting(ctx, loaded);
  return currentItem(ctx, meetingId, itemId);
}

/** An item's earlier wordings, newest first: for those who may read its minutes, that is open its record. */
export async function minutesVersions(ctx: Context, meetingId: string, itemId: string) {
  const loaded = await loadMeeting(ctx, meetingId);
  const row = await itemOf(ctx, loaded, itemId);
  const record = await viewableRecord(ctx, row.referral.recordKind, row.referral.recordId);
  const versions = await q.versionsOf(ctx.tx, itemId);
  ctx.audit({ action: 'agenda_item.versions_viewed', ...subjectOf(record), details: { ...itemDetails(loaded, row), count: versions.length } });
  return { items: versions.map(presentVersion) };
}

/**
 * A member agency's research on an item before the meeting, one per agency: what it knows (facts),
 * its view (kept apart), and what it withheld and why. Its researcher must be able to open the
 * item's record: the research is about that person, and only those who may open it read it.
 */
export async function saveResearch(ctx: Context, meetingId: string, itemId: string, body: z.infer<typeof researchBody>): Promise<Research> {
  const loaded = await loadMeeting(ctx, meetingId);
  if (!canResearchFor(ctx.actor, loaded.panel)) {
    ctx.refuse({ action: 'access.refused', ...panelSubject(loaded.panel), details: { why: 'not a member agency of the panel' } });
    throw new ForbiddenError('Only the panel\'s member agencies add research, from an account that may add to records.');
  }
  requirePlanned(loaded.meeting);
  const row = await itemOf(ctx, loaded, itemId);
  const record = await contributableRecord(ctx, row.referral.recordKind, row.referral.recordId);
  const values = { known: body.known, opinion: body.opinion ?? null, withheld: body.withheld ?? null, withheldReason: body.withheldReason ?? null };
  const who = { teamId: ctx.actor.teamId, authorId: ctx.actor.id };
  const existing = await q.findResearch(ctx.tx, itemId, ctx.actor.organisationId);
  const stale = async () => staleVersion(presentResearch((await q.findResearch(ctx.tx, itemId, ctx.actor.organisationId))!));
  if (existing) {
    if (body.version !== undefined && body.version !== existing.research.version) throw await stale();
    if (!(await q.updateResearch(ctx.tx, existing.research.id, existing.research.version, { ...values, ...who }))) throw await stale();
  } else if (!(await q.insertResearch(ctx.tx, { itemId, organisationId: ctx.actor.organisationId, ...values, ...who }))) {
    throw await stale();
  }
  const saved = (await q.findResearch(ctx.tx, itemId, ctx.actor.organisationId))!;
  ctx.audit({
    action: 'agenda_research.saved',
    ...subjectOf(record),
    details: { ...itemDetails(loaded, row), organisationId: ctx.actor.organisationId, version: saved.research.version, withheld: values.withheld !== null },
  });
  announceMeeting(ctx, loaded);
  return presentResearch(saved);
}

/** The chair records an agency's attendance: present, apologies, information sent or observer, and the confidentiality statement. */
export async function recordAttendance(ctx: Context, meetingId: string, organisationId: string, body: z.infer<typeof attendanceBody>): Promise<Attendance> {
  const loaded = await runnableMeeting(ctx, meetingId);
  if (!(await q.organisationOf(ctx.tx, ctx.actor.partnershipId, organisationId))) throw new NotFoundError('organisation');
  await q.recordAttendance(ctx.tx, {
    meetingId, organisationId, status: body.status, attendees: body.attendees ?? null, confidentialityAgreed: body.confidentialityAgreed, recordedBy: ctx.actor.id,
  });
  ctx.audit({ action: 'meeting.attendance_recorded', ...meetingSubject(loaded.meeting), details: { organisationId, status: body.status, confidentialityAgreed: body.confidentialityAgreed } });
  announceMeeting(ctx, loaded);
  return presentAttendance(loaded.panel, await q.attendanceOf(ctx.tx, meetingId)).find((a) => a.organisation.id === organisationId)!;
}

/**
 * An action agreed on an item: a task (the tasks module's) on the item's record for a person,
 * team or organisation, which they see at /tasks/:id even if they cannot open the record.
 */
export async function agreeAction(ctx: Context, meetingId: string, itemId: string, body: z.infer<typeof createAgendaActionBody>): Promise<{ taskId: string }> {
  const loaded = await runnableMeeting(ctx, meetingId);
  const row = await itemOf(ctx, loaded, itemId);
  const problem = dueOnProblem(body.dueDate, null, londonToday());
  if (problem) throw new ValidationError([{ field: 'dueDate', problem }]);
  const task = await createTask(ctx, {
    title: body.title,
    description: body.description ?? null,
    priority: 'normal',
    dueOn: body.dueDate,
    assignee: body.assignee,
    record: recordRef(row),
    actionPlanId: null,
    watcherIds: [],
  });
  await q.linkAction(ctx.tx, itemId, task.id);
  const record = await findRecord(ctx, row.referral.recordKind, row.referral.recordId);
  ctx.audit({ action: 'agenda_action.agreed', ...subjectOf(record), details: { ...itemDetails(loaded, row), taskId: task.id } });
  announceMeeting(ctx, loaded);
  return { taskId: task.id };
}


import type { z } from 'zod';
import type { PersonSafety } from '../../../shared/api/profiles.ts';
import type { TimelineEntry, timelineQuery } from '../../../shared/api/reports.ts';
import { bandFor, finalScore } from '../../../shared/assessment-engine.ts';
import type { AdjustmentStatus } from '../../../shared/assessments.ts';
import type { RecordKind } from '../../../shared/records.ts';
import { timelineEntryKinds, type TaskStatus, type TaskUpdateKind, type TimelineEntryKind } from '../../../shared/work.ts';
import { kinds } from '../../platform/access/kinds.ts';
import type { recordChangeActions } from '../../platform/audit/actions.ts';
import type { Context } from '../../platform/context.ts';
import { decodeCheckedCursor, isIsoTime, isUuid, pageOf } from '../../platform/cursor.ts';
import { ValidationError } from '../../platform/errors.ts';
import { safetyOf } from '../profiles/safety.ts';
import { attachmentsOf, type Attachment } from '../reports/service.ts';
import { subjectOf, viewableRecord } from '../sharing/record-access.ts';
import * as q from './queries.ts';

const taskLabels: Record<TaskUpdateKind, string> = {
  set: 'Task set',
  accepted: 'Task accepted',
  declined: 'Task declined',
  progress: 'Task updated',
  completed: 'Task completed',
  reassigned: 'Task reassigned',
  cancelled: 'Task cancelled',
  changed: 'Task changed',
};

const changeLabels: Record<(typeof recordChangeActions)[number], string> = {
  'profile.created': 'Profile created',
  'profile.updated': 'Profile updated',
  'profile.photo_changed': 'Photo changed',
  'profile.relationship_added': 'Relationship added',
  'profile.relationship_removed': 'Relationship removed',
  'profile.merged': 'Profiles merged',
  'case.created': 'Case opened',
  'case.updated': 'Case updated',
  'case.closed': 'Case closed',
  'case.reopened': 'Case reopened',
  'case.archived': 'Case archived',
  'case.profile_linked': 'Person linked to the case',
  'case.profile_unlinked': 'Person unlinked from the case',
  'case.location_linked': 'Location linked to the case',
  'case.location_unlinked': 'Location unlinked from the case',
  'case.intervention_added': 'Intervention added',
  'case.intervention_updated': 'Intervention updated',
  'location.created': 'Location created',
  'location.updated': 'Location updated',
  'record.shared': 'Sharing changed',
  'record.unshared': 'Sharing withdrawn',
};

const isEntryKind = (value: unknown): value is TimelineEntryKind => timelineEntryKinds.includes(value as TimelineEntryKind);

function cursorOf(cursor: string | undefined): q.TimelineCursor | null {
  const values = decodeCheckedCursor(cursor, isIsoTime, isEntryKind, isUuid);
  if (!values) return null;
  const [at, kind, id] = values;
  return { at, kind, id };
}

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

function detailOf(r: q.TimelineRow, attachments: Attachment[], safety: Map<string, PersonSafety>): TimelineEntry['detail'] {
  switch (r.kind) {
    case 'report':
      return {
        kind: 'report',
        reportId: r.source_id,
        type: { id: r.type_id!, key: r.type_key!, name: r.type_name! },
        visibility: r.visibility,
        bodyHtml: r.body_html,
        edited: r.edited === true,
        attachments: attachments.map(({ id, title, fileName, contentType }) => ({ id, title, fileName, contentType })),
      };
    case 'task':
      return { kind: 'task', taskId: r.task_id!, title: r.title, update: r.update_kind as TaskUpdateKind, note: r.note, status: r.status as TaskStatus };
    case 'action':
      return { kind: 'action', actionId: r.source_id, title: r.title, dueAt: `${r.due_at!.slice(0, 23)}Z` };
    case 'document':
      return { kind: 'document', documentId: r.source_id, title: r.title, folder: r.folder, contentType: r.content_type, visibility: r.visibility };
    case 'assessment': {
      const score = finalScore({ score: r.score, adjustedScore: r.adjusted_score, adjustmentStatus: r.status });
      const band = bandFor({ bands: r.bands ?? [] }, score);
      return {
        kind: 'assessment',
        assessmentId: r.source_id,
        template: { key: r.template_key!, name: r.title! },
        review: r.review_of !== null,
        finalScore: score,
        finalBand: band && { label: band.label, colour: band.colour },
        adjustment: r.status as AdjustmentStatus | null,
        visibility: r.visibility,
      };
    }
    case 'change':
      return { kind: 'change', action: r.action!, fields: r.fields ?? [], subject: r.subject && { ...r.subject, safety: safety.get(r.subject.id) ?? null } };
    case 'contact':
      return { kind: 'contact', contactId: r.source_id, channel: r.channel!, reached: r.reached!, voicemailLeft: r.voicemail_left!, note: r.note };
    case 'message':
      return { kind: 'message', messageId: r.source_id, sender: r.sender! };
  }
}

function labelOf(r: q.TimelineRow): string {
  switch (r.kind) {
    case 'report': return r.type_name!;
    case 'task': return taskLabels[r.update_kind as TaskUpdateKind];
    case 'action': return 'Reminder set';
    case 'document': return 'Document added';
    case 'assessment': return `${r.title!}${r.review_of ? ' review' : ''} completed`;
    case 'change': return changeLabels[r.action as keyof typeof changeLabels] ?? r.action!;
    case 'contact': return r.reached ? 'Contact with the victim' : 'Contact attempt: not reached';
    case 'message': return r.sender === 'client' ? 'Message from the client' : 'Message to the client';
  }
}

/** The author's agency always; the person (or system) only on an entry the reader may read. */
function authorOf(r: q.TimelineRow): TimelineEntry['author'] {
  const agency = { team: ref(r.team_id, r.team_name), organisation: ref(r.organisation_id, r.organisation_name) };
  if (!r.readable || r.author_name === null) return agency;
  return { id: r.author_id, name: r.author_name, ...agency };
}

function present(r: q.TimelineRow, attachments: Map<string, Attachment[]>, safety: Map<string, PersonSafety>): TimelineEntry {
  return {
    id: `${r.kind}:${r.source_id}`,
    kind: r.kind,
    at: `${r.at.slice(0, 23)}Z`,
    label: labelOf(r),
    record: { kind: r.record_kind, id: r.record_id, title: r.record_title, safety: safety.get(r.record_id) ?? null },
    author: authorOf(r),
    team: ref(r.team_id, r.team_name),
    organisation: ref(r.organisation_id, r.organisation_name),
    readable: r.readable,
    restricted: !r.readable,
    reportType: r.kind === 'report' ? r.type_name : null,
    detail: detailOf(r, attachments.get(r.source_id) ?? [], safety),
  };
}

/**
 * A record's timeline, newest first: reports, task steps, reminders, documents and changes to
 * the record, each shown as far as its visibility allows and otherwise as a stub.
 */
export async function recordTimeline(ctx: Context, kind: RecordKind, id: string, query: z.infer<typeof timelineQuery>) {
  const record = await viewableRecord(ctx, kind, id);
  if (query.includeLinked && !kinds[record.kind].linkedReports) {
    throw new ValidationError([{ field: 'includeLinked', problem: 'is only for a case, to add its linked profiles\' reports' }]);
  }
  if (query.from && query.to && query.from > query.to) throw new ValidationError([{ field: 'to', problem: 'must not be before from' }]);
  const filter: q.TimelineFilter = {
    kinds: new Set(query.kinds ?? timelineEntryKinds),
    reportTypeIds: query.reportTypeIds,
    organisationId: query.organisationId,
    from: query.from,
    to: query.to,
    includeLinked: query.includeLinked,
  };
  const rows = await q.timeline(ctx.tx, { actor: ctx.actor, record, filter, cursor: cursorOf(query.cursor), limit: query.limit });
  const readableReports = rows.slice(0, query.limit).filter((r) => r.kind === 'report' && r.readable).map((r) => r.source_id);
  const attachments = await attachmentsOf(ctx, readableReports);
  // The people of a case whose entries it shows, and the people its changes linked: the page is
  // the record's, so each entry says who, and how safe a visit to them is.
  const shown = rows.slice(0, query.limit);
  const people = [
    ...shown.filter((r) => r.record_kind === 'profile' && r.record_id !== record.id).map((r) => r.record_id),
    ...shown.flatMap((r) => (r.subject?.kind === 'profile' && r.subject.name !== null ? [r.subject.id] : [])),
  ];
  const safety = await safetyOf(ctx, people);
  const page = pageOf(rows, query.limit, (r) => present(r, attachments, safety), (r) => [r.at, r.kind, r.source_id]);
  ctx.audit({
    action: 'timeline.viewed',
    ...subjectOf(record),
    details: {
      kinds: query.kinds, reportTypeIds: query.reportTypeIds, organisationId: query.organisationId, from: query.from, to: query.to,
      includeLinked: query.includeLinked, count: page.items.length,
    },
  });
  return page;
}

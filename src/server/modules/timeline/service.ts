import type { z } from 'zod';
import type { TimelineEntry, timelineQuery } from '../../../shared/api/reports.ts';
import { bandFor, finalScore } from '../../../shared/assessment-engine.ts';
import type { AdjustmentStatus } from '../../../shared/assessments.ts';
import type { RecordKind } from '../../../shared/records.ts';
import { timelineEntryKinds, type TaskStatus, type TaskUpdateKind, type TimelineEntryKind } from '../../../shared/work.ts';
import { checkRecord } from '../../platform/access/check.ts';
import { kinds } from '../../platform/access/kinds.ts';
import type { recordChangeActions } from '../../platform/audit/actions.ts';
import { readAuditParams } from '../../platform/audit/write.ts';
import type { Context, ReadContext } from '../../platform/context.ts';
import { decodeCheckedCursor, isIsoTime, isUuid, pageOf } from '../../platform/cursor.ts';
import { ValidationError } from '../../platform/errors.ts';
import { presentSafety } from '../profiles/present.ts';
import type { SafetyFacts } from '../profiles/safety.ts';
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

const safetyOf = (facts: SafetyFacts | null) => facts && presentSafety(facts);

function detailOf(r: q.TimelineRow): TimelineEntry['detail'] {
  switch (r.kind) {
    case 'report':
      return {
        kind: 'report',
        reportId: r.source_id,
        type: { id: r.type_id!, key: r.type_key!, name: r.type_name! },
        visibility: r.visibility,
        bodyHtml: r.body_html,
        edited: r.edited === true,
        attachments: r.attachments ?? [],
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
      return { kind: 'change', action: r.action!, fields: r.fields ?? [], subject: r.subject && { ...r.subject, safety: safetyOf(r.subject_safety) } };
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

function present(r: q.TimelineRow): TimelineEntry {
  return {
    id: `${r.kind}:${r.source_id}`,
    kind: r.kind,
    at: `${r.at.slice(0, 23)}Z`,
    label: labelOf(r),
    record: { kind: r.record_kind, id: r.record_id, title: r.record_title, safety: safetyOf(r.record_safety) },
    author: authorOf(r),
    team: ref(r.team_id, r.team_name),
    organisation: ref(r.organisation_id, r.organisation_name),
    readable: r.readable,
    restricted: !r.readable,
    reportType: r.kind === 'report' ? r.type_name : null,
    detail: detailOf(r),
  };
}

type TimelineQuery = z.infer<typeof timelineQuery>;

/**
 * The query's cursor, or why the query is refused (whatever the record): said only after the
 * record's access is answered, as access comes first.
 */
function readQuery(kind: RecordKind, query: TimelineQuery): { cursor: q.TimelineCursor | null; invalid: ValidationError | null } {
  if (query.includeLinked && !kinds[kind].linkedReports) {
    return { cursor: null, invalid: new ValidationError([{ field: 'includeLinked', problem: 'is only for a case, to add its linked profiles\' reports' }]) };
  }
  if (query.from && query.to && query.from > query.to) return { cursor: null, invalid: new ValidationError([{ field: 'to', problem: 'must not be before from' }]) };
  try {
    return { cursor: cursorOf(query.cursor), invalid: null };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { cursor: null, invalid: error };
  }
}

/**
 * A record's timeline, newest first: reports, task steps, reminders, documents and changes to
 * the record, each shown as far as its visibility allows and otherwise as a stub. One statement
 * reads the record, the page and what its entries show, and audits the read if the actor may
 * open the record; a merged profile answers as its survivor, read by one more statement. A page
 * read runs alone (`Runner.read`); a summary reads it in its own transaction.
 */
export async function recordTimeline(ctx: ReadContext | Context, kind: RecordKind, id: string, query: TimelineQuery) {
  const { cursor, invalid } = readQuery(kind, query);
  const shape: q.TimelineShape = {
    kind,
    kinds: timelineEntryKinds.filter((k) => !query.kinds || query.kinds.includes(k)),
    includeLinked: query.includeLinked,
    reportTypes: Boolean(query.reportTypeIds?.length),
    organisation: query.organisationId !== undefined,
    from: query.from !== undefined,
    to: query.to !== undefined,
    cursorKind: cursor?.kind ?? null,
    entries: invalid === null,
    audited: true,
  };
  const on = 'tx' in ctx ? { tx: ctx.tx } : { db: ctx.db };
  const read = (recordId: string) => q.timelinePage(on, shape, { ...query, actor: ctx.actor, id: recordId, cursor },
    readAuditParams(ctx.actor, ctx.origin, {
      action: 'timeline.viewed',
      entityType: kinds[kind].auditEntityType,
      entityId: recordId,
      // `count`, the entries shown, is the statement's own: it is written over this one.
      details: {
        kinds: query.kinds, reportTypeIds: query.reportTypeIds, organisationId: query.organisationId, from: query.from, to: query.to,
        includeLinked: query.includeLinked, count: 0,
      },
    }));
  let page = await read(id);
  if (page.record && page.record.id !== id) page = await read(page.record.id);
  checkRecord(ctx, 'open', kind, page.record, (record) => record);
  if (invalid) throw invalid;
  return pageOf(page.rows, query.limit, present, (r) => [r.at, r.kind, r.source_id]);
}

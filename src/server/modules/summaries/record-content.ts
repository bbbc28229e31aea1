import type { AssessmentSubjectKind } from '../../../shared/assessments.ts';
import { taskPriorityLabels, taskStatusLabels } from '../../../shared/work.ts';
import type { Context } from '../../platform/context.ts';
import { listRecordAssessments } from '../assessments/lists.ts';
import { listRecordTasks } from '../tasks/service.ts';
import { recordTimeline } from '../timeline/service.ts';
import { dateWords, field, note, timeWords, type Included, type SummaryLine, type SummaryPart } from './document.ts';
import { timelineLines } from './timeline-lines.ts';

/** What a summary holds of a record's timeline: the newest entries, and the rest counted. */
const timelineLimit = 200;

/** As far as the summary lists open tasks; beyond it a line says there are more. */
const taskLimit = 200;

/** The tasks still to do on the record: everyone who can open it sees them all, as on its page. */
export async function openTasksPart(ctx: Context, kind: AssessmentSubjectKind, id: string, included: Included): Promise<SummaryPart> {
  const page = await listRecordTasks(ctx, kind, id, { state: 'todo', limit: taskLimit });
  const lines: SummaryLine[] = page.items.map((t) => {
    included.taskIds.push(t.id);
    const due = `Due ${dateWords(t.dueOn)}${t.overdue ? ' (overdue)' : ''}`;
    return {
      kind: 'entry',
      title: t.title,
      byline: `${due}. ${taskPriorityLabels[t.priority]} priority. For ${t.assignee.name}; set by ${t.setBy.name} (${t.setByTeam.name}).`,
      body: taskStatusLabels[t.status],
    };
  });
  if (lines.length === 0) lines.push(note('No open tasks.'));
  if (page.nextCursor) lines.push(note(`More open tasks are on the record than the ${taskLimit} listed here.`));
  return { section: 'open-tasks', heading: 'Open tasks', lines };
}

/** The newest completed assessment the reader may read; a restricted one is passed over, as its content is not theirs. */
export async function latestAssessmentPart(ctx: Context, kind: AssessmentSubjectKind, id: string, included: Included): Promise<SummaryPart> {
  const { items } = await listRecordAssessments(ctx, kind, id);
  const latest = items.find((a) => a.status === 'completed' && a.readable);
  const part: SummaryPart = { section: 'latest-assessment', heading: 'Latest assessment', lines: [] };
  if (!latest) {
    part.lines.push(note('No completed assessment you may read.'));
    return part;
  }
  included.assessmentId = latest.id;
  const adjusted = latest.finalScore !== latest.score ? ` (adjusted from ${latest.score ?? 'none'})` : '';
  part.lines.push(
    field('Assessment', latest.template.name),
    field('Completed', latest.completedAt ? timeWords(latest.completedAt) : null),
    field('Score', latest.finalScore === null ? null : `${latest.finalScore}${adjusted}`),
    field('Band', latest.finalBand?.label),
    field('Assessor', latest.assessor ? `${latest.assessor.name} (${latest.team.name})` : latest.team.name),
  );
  return part;
}

/**
 * The record's timeline as the reader sees it on its page, newest first: the first
 * `timelineLimit` entries drawn, the rest only counted. They are counted by paging on through the
 * same service, so the number says exactly what the reader would find there, stubs included.
 */
export async function timelinePart(ctx: Context, kind: AssessmentSubjectKind, id: string, included: Included): Promise<SummaryPart> {
  const query = { limit: timelineLimit, includeLinked: false };
  const first = await recordTimeline(ctx, kind, id, query);
  let more = 0;
  for (let cursor = first.nextCursor; cursor;) {
    const page = await recordTimeline(ctx, kind, id, { ...query, cursor });
    more += page.items.length;
    cursor = page.nextCursor;
  }
  included.timelineEntries = first.items.length;
  const lines = timelineLines(first.items, included);
  if (lines.length === 0) lines.push(note('Nothing on the timeline yet.'));
  if (more > 0) lines.push(note(`${more} older ${more === 1 ? 'entry is' : 'entries are'} on the record's timeline and not in this summary.`));
  return { section: 'timeline', heading: 'Timeline', lines };
}

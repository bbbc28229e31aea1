import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Group, List, Paper, Stack, Text } from '@mantine/core';
import type { TimelineEntry } from '../../shared/api/reports.ts';
import type { AdjustmentStatus } from '../../shared/assessments.ts';
import { contactChannelLabels } from '../../shared/victim-care.ts';
import { taskStatusLabels, type Visibility } from '../../shared/work.ts';
import { can, useMe } from '../app/session.ts';
import { AssessmentBand } from '../assessments/AssessmentBand.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import { documentContentUrl } from '../documents/api.ts';
import { recordHref } from '../records/kinds.ts';
import { PersonSafetyLine } from '../records/PersonSafetyLine.tsx';
import { EditReportForm } from './EditReportForm.tsx';
import { ReportBody } from './ReportBody.tsx';
import { ReportVersions } from './ReportVersions.tsx';
import { TimelineChange } from './TimelineChange.tsx';

type Detail<K extends TimelineEntry['detail']['kind']> = Extract<TimelineEntry['detail'], { kind: K }>;

const restrictedNoun: Partial<Record<TimelineEntry['kind'], string>> = { report: 'report', document: 'document', action: 'reminder', assessment: 'assessment', message: 'portal message' };
const readerNote: Record<Visibility, string | null> = { shared: null, team: 'Author’s team only', private: 'Only the author' };

const agency = (e: TimelineEntry) => [e.team?.name, e.organisation?.name].filter(Boolean).join(', ');

/** Who did it: the person and their agency, or only the agency when the entry is restricted. */
function Byline({ entry }: { entry: TimelineEntry }) {
  const who = entry.author?.name ? `${entry.author.name} (${agency(entry)})` : agency(entry);
  return (
    <Text size="xs" c="dimmed">
      {who && `${who}, `}
      <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
    </Text>
  );
}

/** What a reader outside an entry's visibility sees: that it exists, of what type, from which agency, and when. */
function Restricted({ entry }: { entry: TimelineEntry }) {
  const noun = restrictedNoun[entry.kind] ?? 'entry';
  const what = entry.kind === 'report' || entry.kind === 'assessment' ? `${entry.label} by ` : 'by ';
  return (
    <Paper bg="gray.0" p="xs" radius="sm">
      <Text size="sm">
        <Text span fw={700}>Restricted {noun}</Text> — {what}{agency(entry)}, <time dateTime={entry.at}>{formatDate(entry.at)}</time>
      </Text>
      <Text size="xs" c="dimmed">It is not shared with you. Ask its author’s team if you need to know more.</Text>
    </Paper>
  );
}

function ReportContent({ entry, detail }: { entry: TimelineEntry; detail: Detail<'report'> }) {
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const [showVersions, setShowVersions] = useState(false);
  const note = detail.visibility ? readerNote[detail.visibility] : null;
  if (editing) return <EditReportForm reportId={detail.reportId} onDone={() => setEditing(false)} />;
  return (
    <Stack gap={6}>
      {detail.bodyHtml && <ReportBody html={detail.bodyHtml} />}
      {detail.attachments.length > 0 && (
        <List size="sm" aria-label="Attached documents">
          {detail.attachments.map((a) => (
            <List.Item key={a.id}>
              <Anchor href={documentContentUrl(a.id)} download={a.fileName}>
                {a.title}
              </Anchor>{' '}
              ({a.fileName})
            </List.Item>
          ))}
        </List>
      )}
      <Group gap="xs">
        {note && <Text size="xs" c="dimmed">{note}.</Text>}
        {detail.edited && (
          <Anchor component="button" type="button" size="xs" onClick={() => setShowVersions((s) => !s)} aria-expanded={showVersions}>
            {showVersions ? 'Hide earlier versions' : 'Edited — see earlier versions'}
          </Anchor>
        )}
        {entry.author?.id === me.id && can(me, 'records.edit') && (
          <Anchor component="button" type="button" size="xs" onClick={() => setEditing(true)}>
            Edit report
          </Anchor>
        )}
      </Group>
      {showVersions && <ReportVersions reportId={detail.reportId} />}
    </Stack>
  );
}

const adjustmentNote: Record<AdjustmentStatus, string> = {
  pending: 'An adjusted score is waiting for a supervisor',
  approved: 'Adjusted with professional judgement',
  rejected: 'An adjustment was not approved',
};

function AssessmentContent({ detail }: { detail: Detail<'assessment'> }) {
  const notes = [detail.adjustment && adjustmentNote[detail.adjustment], detail.visibility && readerNote[detail.visibility]].filter(Boolean);
  return (
    <Group gap="xs" wrap="wrap">
      {detail.finalScore !== null && <Text size="sm">Score {detail.finalScore}</Text>}
      <AssessmentBand band={detail.finalBand} />
      {notes.length > 0 && <Text size="xs" c="dimmed">{notes.join('. ')}.</Text>}
      <Anchor component={Link} to={`/assessments/${detail.assessmentId}`} size="sm">
        Open the {detail.template.name}
      </Anchor>
    </Group>
  );
}

function Content({ entry }: { entry: TimelineEntry }) {
  const d = entry.detail;
  switch (d.kind) {
    case 'report':
      return <ReportContent entry={entry} detail={d} />;
    case 'task':
      return (
        <Text size="sm">
          {d.title} — now {taskStatusLabels[d.status].toLowerCase()}
          {d.note && `. “${d.note}”`}
        </Text>
      );
    case 'action':
      return <Text size="sm">{d.title}, due {formatDateTime(d.dueAt)}</Text>;
    case 'document':
      return <Text size="sm">{d.title}{d.folder && ` in ${d.folder}`}{d.visibility && readerNote[d.visibility] ? ` (${readerNote[d.visibility]})` : ''}</Text>;
    case 'assessment':
      return <AssessmentContent detail={d} />;
    case 'contact':
      return (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {contactChannelLabels[d.channel]}
          {d.voicemailLeft ? ', voicemail left' : ''}
          {d.note && `. “${d.note}”`}
        </Text>
      );
    case 'change':
      return <TimelineChange detail={d} />;
    case 'message':
      return (
        <Anchor component={Link} to={`${recordHref(entry.record.kind, entry.record.id)}?section=portal`} size="sm">
          Read it in the portal conversation
        </Anchor>
      );
  }
}

/** One entry of a record's timeline: in full, or as a restricted stub. */
export function TimelineItem({ entry, recordId }: { entry: TimelineEntry; recordId: string }) {
  const elsewhere = entry.record.id !== recordId;
  return (
    <Stack component="li" gap={6} py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      {entry.readable ? (
        <>
          <Text size="sm">
            <Text span fw={700}>{entry.label}</Text>
            {elsewhere && (
              <>
                {' on '}
                <Anchor component={Link} to={recordHref(entry.record.kind, entry.record.id)} inherit>
                  {entry.record.title ?? 'a linked profile'}
                </Anchor>
              </>
            )}
          </Text>
          {elsewhere && entry.record.safety && <PersonSafetyLine safety={entry.record.safety} />}
          <Byline entry={entry} />
          <Content entry={entry} />
        </>
      ) : (
        <Restricted entry={entry} />
      )}
    </Stack>
  );
}

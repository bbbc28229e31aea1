import { Text } from '@mantine/core';
import type { TimelineEntry } from '../../shared/api/reports.ts';
import { roleWord } from '../records/historyActions.ts';
import { historyFieldLabel, isCreation } from '../records/historyValues.ts';
import { PersonSafetyLine } from '../records/PersonSafetyLine.tsx';
import { RecordSubject } from '../records/RecordSubject.tsx';

type ChangeDetail = Extract<TimelineEntry['detail'], { kind: 'change' }>;

/**
 * A change to the record on its timeline: who was linked (named only if the reader may open
 * them) and which fields changed, by their labels; never the values, which its history shows.
 */
export function TimelineChange({ detail }: { detail: ChangeDetail }) {
  const fields = detail.fields.map((field) => historyFieldLabel(detail.action, field));
  return (
    <>
      {detail.subject && (
        <Text size="sm">
          <RecordSubject subject={{ ...detail.subject, role: roleWord(detail.subject.role) }} />
        </Text>
      )}
      {detail.subject?.safety && <PersonSafetyLine safety={detail.subject.safety} />}
      {fields.length > 0 && (
        <Text size="sm">
          {isCreation(detail.action) ? 'Recorded' : 'Changed'}: {fields.join(', ')}
        </Text>
      )}
    </>
  );
}

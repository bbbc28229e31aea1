import { Link } from 'react-router';
import { Anchor, Stack } from '@mantine/core';
import type { TaskSummary } from '../../shared/api/tasks.ts';
import { recordHref, recordNoun } from '../records/kinds.ts';
import { PersonSafetyLine } from '../records/PersonSafetyLine.tsx';

/** The record a task is on: a link with the person's safety line, a locked record in words, or none. */
export function TaskRecord({ record, standalone = 'Standalone' }: { record: TaskSummary['record']; standalone?: string }) {
  if (!record) return <>{standalone}</>;
  if (record.title === null) return <>A {recordNoun(record.kind)} you cannot open</>;
  return (
    <Stack gap={4} align="flex-start">
      <Anchor component={Link} to={recordHref(record.kind, record.id)}>
        {record.title}
      </Anchor>
      {record.safety && <PersonSafetyLine safety={record.safety} />}
    </Stack>
  );
}

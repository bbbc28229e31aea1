import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Button, Group, List, Stack, Title } from '@mantine/core';
import type { ImportReport } from '../../../shared/api/imports.ts';
import { recordHref } from '../../records/kinds.ts';

interface Props {
  report: ImportReport;
  names: Map<number, string>;
  onAnother: () => void;
}

/** After a real import: who was added, with links to their new profiles. */
export function ImportDone({ report, names, onAnother }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const created = report.rows.filter((r) => r.status === 'create' && r.id);
  const n = created.length;
  const skipped = report.summary.match;
  return (
    <Stack gap="md" component="section" aria-labelledby="import-done">
      <Title order={2} size="h3" id="import-done" ref={heading} tabIndex={-1}>
        {n} {n === 1 ? 'profile' : 'profiles'} imported
      </Title>
      <Alert color="green" title="Import complete" role="status">
        {n === 1 ? 'The person is' : `The ${n} people are`} now on Concord, held by your team.
        {skipped > 0 && ` ${skipped === 1 ? '1 person' : `${skipped} people`} already on Concord, or repeated in the file, ${skipped === 1 ? 'was' : 'were'} not added again.`}
      </Alert>
      <List>
        {created.map((r) => (
          <List.Item key={r.row}>
            <Anchor component={Link} to={recordHref('profile', r.id!)}>
              {names.get(r.row) ?? `The profile from row ${r.row}`}
            </Anchor>
          </List.Item>
        ))}
      </List>
      <Group>
        <Anchor component={Link} to="/profiles">
          Go to people
        </Anchor>
        <Button variant="default" onClick={onAnother}>
          Import another file
        </Button>
      </Group>
    </Stack>
  );
}

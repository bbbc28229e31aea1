import { Link } from 'react-router';
import { Anchor, Badge, List, Stack, Table, Text } from '@mantine/core';
import type { ImportReport, ImportRow } from '../../../shared/api/imports.ts';
import { formatDate } from '../../components/format.ts';
import { recordHref } from '../../records/kinds.ts';
import { ownerText } from '../../records/OwnerLine.tsx';
import { RequestAccessButton } from '../../records/RequestAccessButton.tsx';
import { fieldTitle } from './columns.ts';

const order: Record<ImportRow['status'], number> = { error: 0, match: 1, create: 2 };

// A badge shrinks to an ellipsis in a narrow column; these words must stay whole.
const whole = { minWidth: 'max-content' };

function Outcome({ row, imported }: { row: ImportRow; imported: boolean }) {
  if (row.status === 'error') return <Badge color="red" style={whole}>Problem</Badge>;
  if (row.status === 'match') return <Badge color="yellow" style={whole}>Not added</Badge>;
  return <Badge color="green" style={whole}>{imported ? 'Added' : 'New profile'}</Badge>;
}

function problemText(field: string, problem: string): string {
  return field === 'csv' ? `This row ${problem}` : `${fieldTitle(field)}: ${problem}`;
}

function MatchDetails({ match }: { match: NonNullable<ImportRow['match']> }) {
  const name = `${match.firstName} ${match.lastName}`;
  const born = match.dateOfBirth ? `, born ${formatDate(match.dateOfBirth)}` : '';
  if (!('id' in match)) return <Text size="sm">The same person as row {match.row}, which is added once.</Text>;
  if (match.accessible) {
    return (
      <Text size="sm">
        Already on Concord as{' '}
        <Anchor component={Link} to={recordHref('profile', match.id)} inherit>
          {name}
        </Anchor>
        {born}.
      </Text>
    );
  }
  return (
    <Stack gap="xs" align="flex-start">
      <Text size="sm">
        Already on Concord as {name}
        {born}, held by {ownerText(match.owner)}. You cannot open it.
      </Text>
      <RequestAccessButton kind="profile" id={match.id} title={name} owner={match.owner} />
    </Stack>
  );
}

function Details({ row, imported, name }: { row: ImportRow; imported: boolean; name: string | undefined }) {
  if (row.status === 'error') {
    return (
      <List size="sm" spacing={2}>
        {row.problems.map((p) => (
          <List.Item key={`${p.field}:${p.problem}`}>{problemText(p.field, p.problem)}</List.Item>
        ))}
      </List>
    );
  }
  if (row.match) return <MatchDetails match={row.match} />;
  if (imported && row.id) {
    return (
      <Anchor component={Link} to={recordHref('profile', row.id)} size="sm">
        Open {name ?? `the profile from row ${row.row}`}
      </Anchor>
    );
  }
  return <Text size="sm">Will be added to your team.</Text>;
}

/** Every row of the file and what happens to it: problems first, as they stop the import. */
export function ImportRows({ report, names }: { report: ImportReport; names: Map<number, string> }) {
  const rows = [...report.rows].sort((a, b) => order[a.status] - order[b.status] || a.row - b.row);
  const imported = !report.dryRun;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Row</Table.Th>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Outcome</Table.Th>
            <Table.Th scope="col">Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.row}>
              <Table.Th scope="row">{row.row}</Table.Th>
              <Table.Td>{names.get(row.row) ?? '—'}</Table.Td>
              <Table.Td>
                <Outcome row={row} imported={imported} />
              </Table.Td>
              <Table.Td>
                <Details row={row} imported={imported} name={names.get(row.row)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

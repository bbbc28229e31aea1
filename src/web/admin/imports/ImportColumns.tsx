import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { importColumns, maxImportRows } from '../../../shared/api/imports.ts';
import type { LookupList } from '../../../shared/records.ts';
import { useLookups } from '../../records/lookups.ts';
import { columnHelp, columnTitle, listColumns, templateCsv } from './columns.ts';

const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(templateCsv())}`;

function ListValues({ list, label }: { list: LookupList; label: string }) {
  const values = useLookups(list);
  return (
    <Text size="sm">
      <Text span fw={600} inherit>
        {label}:
      </Text>{' '}
      {values.data ? values.data.items.map((v) => v.name).join(', ') : 'loading…'}
    </Text>
  );
}

/** What the file must look like: the columns, what goes in each, and a template to start from. */
export function ImportColumns() {
  return (
    <Stack gap="md" component="section" aria-labelledby="import-columns">
      <Title order={2} size="h3" id="import-columns">
        What the file needs
      </Title>
      <Text>
        A spreadsheet saved as CSV: a header row naming the columns (in any order; leave out the ones you do not need), then
        one person per row, at most {maxImportRows.toLocaleString('en-GB')} people at a time.
      </Text>
      <Anchor href={templateHref} download="concord-profile-import-template.csv">
        Download a template with the header row (CSV)
      </Anchor>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Column</Table.Th>
            <Table.Th scope="col">Needed</Table.Th>
            <Table.Th scope="col">What to put in it</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {importColumns.map((c) => (
            <Table.Tr key={c.field}>
              <Table.Th scope="row">{columnTitle(c.header)}</Table.Th>
              <Table.Td>{c.required ? 'Required' : 'Optional'}</Table.Td>
              <Table.Td>{columnHelp[c.field]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap="xs">
        <Title order={3} size="h4">
          Values of the lists
        </Title>
        {listColumns.map((l) => (
          <ListValues key={l.list} list={l.list} label={l.label} />
        ))}
      </Stack>
    </Stack>
  );
}

import type { ReactNode } from 'react';
import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { maxImportRows } from '../../../shared/api/imports.ts';

export interface GuideColumn {
  field: string;
  title: string;
  required: boolean;
  help: ReactNode;
}

interface ColumnsGuideProps {
  /** What one row is: "person", "user", "case". */
  one: string;
  columns: GuideColumn[];
  /** The template's header row, as CSV. */
  template: string;
  fileName: string;
  /** Anything more the file's author needs, such as the values of the lists. */
  children?: ReactNode;
}

/** What an import's file must look like: the columns, what goes in each, and a template to start from. */
export function ColumnsGuide({ one, columns, template, fileName, children }: ColumnsGuideProps) {
  return (
    <Stack gap="md" component="section" aria-labelledby="import-columns">
      <Title order={2} size="h3" id="import-columns">
        What the file needs
      </Title>
      <Text>
        A spreadsheet saved as CSV: a header row naming the columns (in any order; leave out the ones you do not need), then
        one {one} per row, at most {maxImportRows.toLocaleString('en-GB')} at a time.
      </Text>
      <Anchor href={`data:text/csv;charset=utf-8,${encodeURIComponent(template)}`} download={fileName}>
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
          {columns.map((c) => (
            <Table.Tr key={c.field}>
              <Table.Th scope="row">{c.title}</Table.Th>
              <Table.Td>{c.required ? 'Required' : 'Optional'}</Table.Td>
              <Table.Td>{c.help}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {children}
    </Stack>
  );
}

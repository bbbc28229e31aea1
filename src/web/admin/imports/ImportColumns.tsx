import { Stack, Text, Title } from '@mantine/core';
import { importColumns } from '../../../shared/api/imports.ts';
import type { LookupList } from '../../../shared/records.ts';
import { useLookups } from '../../records/lookups.ts';
import { ColumnsGuide } from './ColumnsGuide.tsx';
import { columnHelp, columnTitle, listColumns, templateCsv } from './columns.ts';

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

/** What a file of people must look like, with the values each list column takes. */
export function ImportColumns() {
  const columns = importColumns.map((c) => ({ field: c.field, title: columnTitle(c.header), required: c.required, help: columnHelp[c.field] }));
  return (
    <ColumnsGuide one="person" columns={columns} template={templateCsv()} fileName="concord-profile-import-template.csv">
      <Stack gap="xs">
        <Title order={3} size="h4">
          Values of the lists
        </Title>
        {listColumns.map((l) => (
          <ListValues key={l.list} list={l.list} label={l.label} />
        ))}
      </Stack>
    </ColumnsGuide>
  );
}

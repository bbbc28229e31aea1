import { Alert, Text } from '@mantine/core';
import type { ImportReport } from '../../../shared/api/imports.ts';

function count(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

/** The counts of a checked file and what the importer can do next. */
export function ImportSummary({ report }: { report: ImportReport }) {
  const { create, match, error } = report.summary;
  const rows = create + match + error;
  return (
    <>
      <Text role="status" fw={600}>
        {count(rows, 'row', 'rows')}: {count(create, 'new profile', 'new profiles')}, {count(match, 'person', 'people')} already on
        Concord or earlier in the file, {count(error, 'row', 'rows')} with problems.
      </Text>
      {error > 0 ? (
        <Alert color="red" title="Nothing can be imported while any row has a problem">
          Correct the rows with problems in your spreadsheet, save it as CSV again, then choose it and check it again.
        </Alert>
      ) : create === 0 ? (
        <Alert color="blue" title="There is nobody new to import">
          Everyone in this file is already on Concord, so nothing would be added.
        </Alert>
      ) : (
        <Text>
          The file is ready. People already on Concord are not added again.
        </Text>
      )}
    </>
  );
}

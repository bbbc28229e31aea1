import { Button, FileInput, Group } from '@mantine/core';
import { maxImportCsvLength } from '../../../shared/api/imports.ts';
import { Form } from '../../components/Form.tsx';

/** A chosen file's words, or why it cannot be imported: too large, or not readable as text. */
export async function readCsv(file: File): Promise<{ csv: string } | { error: string }> {
  const csv = await file.text().catch(() => null);
  if (csv === null) return { error: 'This file could not be read. Save it from your spreadsheet as CSV and choose it again.' };
  if (csv.length > maxImportCsvLength) return { error: `This file is too large: split it into files of under ${Math.floor(maxImportCsvLength / 1_000_000)} MB.` };
  return { csv };
}

interface CsvFileFormProps {
  file: File | null;
  error: string | null;
  pending: boolean;
  onChoose: (file: File | null) => void;
  /** Checks the chosen file; the form says to choose one when none is. */
  onCheck: () => void;
}

/** Choosing the CSV file of an import and asking Concord to check it. */
export function CsvFileForm({ file, error, pending, onChoose, onCheck }: CsvFileFormProps) {
  return (
    <Form onSubmit={onCheck}>
      <FileInput
        label="CSV file"
        description="Saved from your spreadsheet as CSV (comma separated values)."
        placeholder="Choose a file"
        accept=".csv,text/csv"
        value={file}
        onChange={onChoose}
        error={error}
        clearable
        clearButtonProps={{ 'aria-label': 'Remove the chosen file' }}
        maw={480}
      />
      <Group>
        <Button type="submit" loading={pending}>
          Check the file
        </Button>
      </Group>
    </Form>
  );
}

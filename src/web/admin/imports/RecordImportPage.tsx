import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { importReport, type ImportReport } from '../../../shared/api/imports.ts';
import { call } from '../../api/client.ts';
import { isApiError, messageOf } from '../../api/errors.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { Page } from '../../components/Page.tsx';
import { ColumnsGuide } from './ColumnsGuide.tsx';
import { CsvFileForm, readCsv } from './CsvFile.tsx';
import { ImportKinds } from './ImportKinds.tsx';
import { columnsOf, fieldTitleOf, recordImports, templateOf, type RecordImportKind } from './recordColumns.ts';

interface Problem {
  field: string;
  problem: string;
  row?: number;
}
const isProblem = (d: unknown): d is Problem => typeof d === 'object' && d !== null && 'field' in d && 'problem' in d;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function problemText(kind: RecordImportKind, p: Problem): string {
  const where = p.row === undefined ? (p.field === 'csv' ? 'The file' : fieldTitleOf(kind, p.field)) : `Row ${p.row}`;
  if (p.field === 'csv') return `${where} ${p.problem}`;
  return p.row === undefined ? `${where}: ${p.problem}` : `${where}: ${fieldTitleOf(kind, p.field)}: ${p.problem}`;
}

function Rows({ kind, report }: { kind: RecordImportKind; report: ImportReport }) {
  const rows = [...report.rows].sort((a, b) => (a.status === 'error' ? 0 : 1) - (b.status === 'error' ? 0 : 1) || a.row - b.row);
  return (
    <Table.ScrollContainer minWidth={500}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Row</Table.Th>
            <Table.Th scope="col">Outcome</Table.Th>
            <Table.Th scope="col">Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.row}>
              <Table.Th scope="row">{r.row}</Table.Th>
              <Table.Td>
                {r.status === 'error' ? <Badge color="red">Problem</Badge> : <Badge color="green">{report.dryRun ? `New ${recordImports[kind].one}` : 'Added'}</Badge>}
              </Table.Td>
              <Table.Td>
                {r.problems.length > 0 ? (
                  <List size="sm" spacing={2}>
                    {r.problems.map((p) => (
                      <List.Item key={`${p.field}:${p.problem}`}>{problemText(kind, p)}</List.Item>
                    ))}
                  </List>
                ) : (
                  <Text size="sm">{report.dryRun ? 'Ready to import.' : 'Imported.'}</Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Imports users, cases or locations from a CSV file into teams the importer administers: checked
 * first, every row's outcome shown, then all of it imported or none.
 */
export function RecordImportPage({ kind }: { kind: RecordImportKind }) {
  const about = recordImports[kind];
  const title = `Import ${about.many}`;
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const [file, setFile] = useState<{ file: File; csv: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const check = useMutation({ mutationFn: (csv: string) => call('POST', about.path, importReport, { body: { csv, dryRun: true } }) });
  const run = useMutation({
    mutationFn: (csv: string) => {
      const body = { csv, dryRun: false };
      return call('POST', about.path, importReport, { body, idempotencyKey: idempotency.keyFor(body) });
    },
    onSuccess: () => {
      idempotency.reset();
      void queryClient.invalidateQueries();
    },
  });
  const result = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (check.data || run.data) result.current?.focus();
  }, [check.data, run.data]);

  const choose = async (chosen: File | null) => {
    check.reset();
    run.reset();
    setFile(null);
    setFileError(null);
    if (!chosen) return;
    const read = await readCsv(chosen);
    if ('error' in read) setFileError(read.error);
    else setFile({ file: chosen, csv: read.csv });
  };

  const report = run.data ?? check.data;
  const refused = [check.error, run.error].find(Boolean);
  const problems = isApiError(refused, 'validation_failed') ? refused.details.filter(isProblem).filter((p) => p.row === undefined).map((p) => problemText(kind, p)) : [];
  const columns = columnsOf(kind);
  return (
    <Page title={title}>
      <ImportKinds current={kind} />
      <Text>
        Add many {about.many} at once from a spreadsheet. {about.where} Concord checks the whole file first and shows what it would do
        with each row; nothing is added until you import, and then every row is added or none.
      </Text>
      <CsvFileForm
        file={file?.file ?? null}
        error={fileError}
        pending={check.isPending}
        onChoose={(chosen) => void choose(chosen)}
        onCheck={() => (file ? check.mutate(file.csv) : setFileError(fileError ?? 'Choose a CSV file to check.'))}
      />
      {refused && !report && (
        <Alert color="red" title="This file cannot be imported" role="alert">
          {problems.length > 0 ? (
            <List size="sm">
              {problems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          ) : (
            messageOf(refused)
          )}
        </Alert>
      )}
      {report && file && (
        <Stack gap="md" component="section" aria-labelledby="record-import-result">
          <Title order={2} size="h3" id="record-import-result" ref={result} tabIndex={-1}>
            {report.dryRun ? `What importing ${file.file.name} would do` : `${plural(report.summary.create, about.one, about.many)} imported`}
          </Title>
          <Text role="status" fw={600}>
            {plural(report.rows.length, 'row', 'rows')}: {plural(report.summary.create, `new ${about.one}`, `new ${about.many}`)}, {plural(report.summary.error, 'row', 'rows')} with problems.
          </Text>
          {report.dryRun && report.summary.error > 0 && (
            <Alert color="red" title="Nothing can be imported while any row has a problem">
              Correct the rows with problems in your spreadsheet, save it as CSV again, then choose it and check it again.
            </Alert>
          )}
          {report.dryRun && report.summary.error === 0 && (
            <Group>
              <Button onClick={() => run.mutate(file.csv)} loading={run.isPending}>
                Import {plural(report.summary.create, about.one, about.many)}
              </Button>
            </Group>
          )}
          {run.error && (
            <Alert color="red" title="Nothing was imported" role="alert">
              {messageOf(run.error)}
            </Alert>
          )}
          <Rows kind={kind} report={report} />
        </Stack>
      )}
      <ColumnsGuide one={about.one} columns={columns} template={templateOf(kind)} fileName={`concord-${kind}-import-template.csv`} />
    </Page>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { importReport } from '../../../shared/api/imports.ts';
import { call } from '../../api/client.ts';
import { isApiError, messageOf } from '../../api/errors.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { useMe } from '../../app/session.ts';
import { Page } from '../../components/Page.tsx';
import { CsvFileForm, readCsv } from './CsvFile.tsx';
import { ImportColumns } from './ImportColumns.tsx';
import { ImportDone } from './ImportDone.tsx';
import { ImportKinds } from './ImportKinds.tsx';
import { ImportRows } from './ImportRows.tsx';
import { ImportSummary } from './ImportSummary.tsx';
import { problemsOf } from './problems.ts';
import { rowNames } from './rowNames.ts';

interface Chosen {
  file: File;
  csv: string;
  names: Map<number, string>;
}

/**
 * Imports people from a CSV file into the importer's team: the file is checked first and every
 * row's outcome shown; only a file without problems can be imported, all of it or nothing.
 */
export function ImportProfilesPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const check = useMutation({
    mutationFn: (csv: string) => call('POST', '/profile-imports', importReport, { body: { csv, dryRun: true } }),
  });
  const run = useMutation({
    mutationFn: (csv: string) => {
      const body = { csv, dryRun: false };
      return call('POST', '/profile-imports', importReport, { body, idempotencyKey: idempotency.keyFor(body) });
    },
    onSuccess: () => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: ['profiles'] });
      void queryClient.invalidateQueries({ queryKey: ['search'] });
    },
  });
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // Once the check is back, the keyboard and screen reader carry on from its result.
  useEffect(() => {
    if (check.data) resultHeading.current?.focus();
  }, [check.data]);

  const choose = async (file: File | null) => {
    check.reset();
    run.reset();
    setChosen(null);
    setFileError(null);
    if (!file) return;
    const read = await readCsv(file);
    if ('error' in read) setFileError(read.error);
    else setChosen({ file, csv: read.csv, names: rowNames(read.csv) });
  };

  const startAgain = () => {
    check.reset();
    run.reset();
    setChosen(null);
  };

  const report = check.data;
  const fileProblems = problemsOf(check.error);
  // Both branches render the same Page, which stays mounted, so the confirmation can take focus.
  if (run.data && chosen) {
    return (
      <Page title="Import profiles">
        <ImportDone report={run.data} names={chosen.names} onAnother={startAgain} />
      </Page>
    );
  }
  return (
    <Page title="Import profiles">
      <ImportKinds current="profiles" />
      <Text>
        Add many people at once from a spreadsheet. They are added to your team, {me.team.name} ({me.organisation.name}).
        Concord checks the whole file first and shows what it would do with each row; nothing is added until you import, and
        then every row is added or none.
      </Text>
      <CsvFileForm
        file={chosen?.file ?? null}
        error={fileError}
        pending={check.isPending}
        onChoose={(file) => void choose(file)}
        onCheck={() => (chosen ? check.mutate(chosen.csv) : setFileError(fileError ?? 'Choose a CSV file to check.'))}
      />
      {check.error && (
        <Alert color="red" title="This file cannot be imported" role="alert">
          {fileProblems.length > 0 ? (
            <List size="sm">
              {fileProblems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          ) : (
            messageOf(check.error)
          )}
        </Alert>
      )}
      {report && chosen && (
        <Stack gap="md" component="section" aria-labelledby="import-check">
          <Title order={2} size="h3" id="import-check" ref={resultHeading} tabIndex={-1}>
            What importing {chosen.file.name} would do
          </Title>
          <ImportSummary report={report} />
          {report.summary.error === 0 && report.summary.create > 0 && (
            <Group>
              <Button onClick={() => run.mutate(chosen.csv)} loading={run.isPending}>
                Import {report.summary.create} {report.summary.create === 1 ? 'profile' : 'profiles'}
              </Button>
            </Group>
          )}
          {run.error && (
            <Alert color="red" title="Nothing was imported" role="alert">
              {messageOf(run.error)}
              {isApiError(run.error, 'validation_failed') && (
                <List size="sm" mt="xs">
                  {problemsOf(run.error).map((p) => (
                    <List.Item key={p}>{p}</List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          <ImportRows report={report} names={chosen.names} />
        </Stack>
      )}
      <ImportColumns />
    </Page>
  );
}

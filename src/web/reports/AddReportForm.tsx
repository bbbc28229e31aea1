import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FileInput } from '@mantine/core';
import { document as documentSchema } from '../../shared/api/documents.ts';
import { messageOf } from '../api/errors.ts';
import { postFile } from '../documents/api.ts';
import { createReportBody, report as reportSchema } from '../../shared/api/reports.ts';
import { call } from '../api/client.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifyProblem, notifySaved } from '../components/notify.ts';
import { changedFrom, useLeaveGuard } from '../components/useLeaveGuard.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import type { RecordPath } from '../records/kinds.ts';
import { timelineKeys } from './keys.ts';
import { fromLondonClock, londonClock } from './londonTime.ts';
import { reportLabels, ReportFields, type ReportValues } from './ReportFields.tsx';

function blank(reportType = ''): ReportValues {
  return { reportType, ...londonClock(new Date()), body: '', visibility: 'shared' };
}

/**
 * A new report on the record, timed now unless the person says when it happened. `reportType`
 * (a type's id) starts it as that type, as "Write a victim update" does.
 */
export function AddReportForm({ kind, id, reportType, onDone }: { kind: RecordPath; id: string; reportType?: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [start] = useState(() => blank(reportType));
  const [values, setValues] = useState(start);
  const errors = useFieldErrors(reportLabels);
  const [files, setFiles] = useState<File[]>([]);
  const guard = useLeaveGuard(changedFrom(start, values) || files.length > 0);
  const save = useMutation({
    mutationFn: (body: unknown) => call('POST', `/${kind}/${id}/reports`, reportSchema, { body }),
    onSuccess: async (saved) => {
      // The report stands once saved; a file refused afterwards is reported, and can be added again.
      try {
        for (const file of files) {
          await postFile(`/${kind}/${id}/documents`, { fileName: file.name, folder: 'Report attachments', visibility: saved.visibility ?? 'shared', reportId: saved.id }, file, documentSchema);
        }
        notifySaved(`${saved.type.name} report saved.`);
      } catch (error) {
        notifyProblem('The report was saved, but a document was not attached', `${messageOf(error)} Add it from the Documents section.`);
      }
      void queryClient.invalidateQueries({ queryKey: timelineKeys.record(kind, id) });
      void queryClient.invalidateQueries({ queryKey: ['documents', kind, id] });
      guard.allow();
      onDone();
    },
    onError: (error) => errors.fromServer(error),
  });

  const submit = () => {
    const body = errors.check(createReportBody, {
      reportType: values.reportType,
      occurredAt: fromLondonClock(values.date, values.time) ?? '',
      body: values.body,
      visibility: values.visibility,
    }, { reportType: 'Choose a type of report', occurredAt: 'Give the date and time it happened' });
    if (body) save.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={save.error} fieldErrors={errors.fieldErrors} />
      <ReportFields values={values} onChange={setValues} fieldErrors={errors.fieldErrors} />
      <FileInput
        label="Attach documents"
        description="Optional. They are stored in the record's documents with the report's visibility."
        multiple
        clearable
        clearButtonProps={{ 'aria-label': 'Remove the chosen files' }}
        value={files}
        onChange={setFiles}
      />
      <FormButtons submitLabel="Save report" pending={save.isPending} onCancel={onDone} />
      {guard.dialog}
    </Form>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { report as reportSchema, updateReportBody, type Report } from '../../shared/api/reports.ts';
import { visibilityLabels, type Visibility } from '../../shared/work.ts';
import { call, get } from '../api/client.ts';
import type { ComparedField } from '../components/changes.ts';
import { EditFormAlerts } from '../components/EditFormAlerts.tsx';
import { Form, FormButtons } from '../components/Form.tsx';
import { notifySaved } from '../components/notify.ts';
import { changedFrom, useLeaveGuard } from '../components/useLeaveGuard.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { useVersionedForm } from '../components/useVersionedForm.ts';
import { useLookups } from '../records/lookups.ts';
import { timelineKeys } from './keys.ts';
import { fromLondonClock, londonClock } from './londonTime.ts';
import { reportLabels, ReportFields, type ReportValues } from './ReportFields.tsx';

function formValues(r: Report): ReportValues {
  return { reportType: r.type.id, ...londonClock(new Date(r.occurredAt)), body: r.bodyHtml ?? '', visibility: r.visibility ?? 'shared' };
}

/** Words only, for comparing two wordings in the conflict table. */
function wording(html: unknown): string {
  return new DOMParser().parseFromString(String(html ?? ''), 'text/html').body.textContent?.trim() || '(blank)';
}

function Editing({ record, onDone }: { record: Report; onDone: () => void }) {
  const queryClient = useQueryClient();
  const types = useLookups('report_type', { includeRetired: true });
  const form = useVersionedForm(record, formValues, reportSchema);
  const errors = useFieldErrors(reportLabels);
  const guard = useLeaveGuard(changedFrom(formValues(form.base), form.values));
  const typeName = (id: unknown) => types.data?.items.find((t) => t.id === id)?.name ?? String(id);
  const compared: ComparedField<ReportValues>[] = [
    { key: 'reportType', label: reportLabels.reportType, show: typeName },
    { key: 'date', label: reportLabels.date },
    { key: 'time', label: reportLabels.time },
    { key: 'body', label: reportLabels.body, show: wording },
    { key: 'visibility', label: reportLabels.visibility, show: (v) => visibilityLabels[v as Visibility] },
  ];
  const save = useMutation({
    mutationFn: (body: unknown) => call('PATCH', `/reports/${record.id}`, reportSchema, { body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(timelineKeys.report(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['timeline'] });
      void queryClient.invalidateQueries({ queryKey: timelineKeys.versions(saved.id) });
      notifySaved('Report saved; the earlier wording is kept.');
      onDone();
    },
    onError: (error) => {
      if (!form.noticeConflict(error)) errors.fromServer(error);
    },
  });

  const submit = () => {
    // Only what changed is sent, so a save never rewrites what this person did not touch.
    const loaded = formValues(form.base);
    const v = form.values;
    const changes: Record<string, unknown> = { version: form.base.version };
    if (v.reportType !== loaded.reportType) changes.reportType = v.reportType;
    if (v.date !== loaded.date || v.time !== loaded.time) changes.occurredAt = fromLondonClock(v.date, v.time) ?? '';
    if (v.body !== loaded.body) changes.body = v.body;
    if (v.visibility !== loaded.visibility) changes.visibility = v.visibility;
    const body = errors.check(updateReportBody, changes);
    if (body) save.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <EditFormAlerts form={form} save={save} fields={compared} valuesOf={formValues} fieldErrors={errors.fieldErrors} />
      {/* The editor holds its own text: a new base (after a conflict) starts it afresh. */}
      <ReportFields key={form.base.version} values={form.values} onChange={form.setValues} fieldErrors={errors.fieldErrors} currentTypeId={form.base.type.id} />
      <FormButtons submitLabel="Save changes" pending={save.isPending} onCancel={onDone} />
      {guard.dialog}
    </Form>
  );
}

/** The author's own report, loaded afresh with its version so that a save can tell if someone else got there first. */
export function EditReportForm({ reportId, onDone }: { reportId: string; onDone: () => void }) {
  const current = useQuery({ queryKey: timelineKeys.report(reportId), queryFn: () => get(`/reports/${reportId}`, reportSchema) });
  if (!current.data) return <QueryStatus isPending={current.isPending} error={current.error} onRetry={() => void current.refetch()} label="Loading the report" />;
  return <Editing record={current.data} onDone={onDone} />;
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { caseRecord, updateCaseBody, type CaseRecord } from '../../shared/api/cases.ts';
import type { Ref } from '../../shared/api/common.ts';
import { call } from '../api/client.ts';
import { useOrganisations } from '../api/options.ts';
import { changedFields } from '../components/forms.ts';
import type { ComparedField } from '../components/changes.ts';
import { EditFormAlerts } from '../components/EditFormAlerts.tsx';
import { Form, FormButtons } from '../components/Form.tsx';
import { notifySaved } from '../components/notify.ts';
import { changedFrom, useLeaveGuard } from '../components/useLeaveGuard.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { useVersionedForm } from '../components/useVersionedForm.ts';
import { useLookups } from '../records/lookups.ts';
import { CaseFields } from './CaseFields.tsx';
import { caseKeys } from './keys.ts';
import { caseLabels, caseName } from './labels.ts';
import { caseInput, caseValues, dateErrors, type CaseFormValues } from './values.ts';

/** The comparison after a conflict shows names, not the ids the form holds. */
function comparedFields(nameOf: (id: string | null) => string): ComparedField<CaseFormValues>[] {
  const named = (value: unknown) => (value ? nameOf(value as string) : '(blank)');
  return [
    { key: 'caseTypeId', label: caseLabels.caseType, show: named },
    { key: 'title', label: caseLabels.title },
    { key: 'summary', label: caseLabels.summary },
    { key: 'leadOrganisationId', label: caseLabels.leadOrganisationId, show: named },
    { key: 'leadOfficerId', label: caseLabels.leadOfficerId, show: named },
    { key: 'singlePointOfContactId', label: caseLabels.singlePointOfContactId, show: named },
    { key: 'startDate', label: caseLabels.startDate },
    { key: 'endDate', label: caseLabels.endDate },
  ];
}

const refsOf = (c: CaseRecord): (Ref | null)[] => [c.caseType, c.leadOrganisation, c.leadOfficer, c.singlePointOfContact];

export function EditCaseForm({ record, onDone }: { record: CaseRecord; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useVersionedForm(record, caseValues, caseRecord);
  const errors = useFieldErrors(caseLabels);
  const caseTypes = useLookups('case_type', { includeRetired: true });
  const organisations = useOrganisations();
  const guard = useLeaveGuard(changedFrom(caseValues(form.base), form.values));
  const done = () => {
    guard.allow();
    onDone();
  };
  const save = useMutation({
    mutationFn: (body: z.infer<typeof updateCaseBody>) => call('PATCH', `/cases/${record.id}`, caseRecord, { body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(caseKeys.one(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      notifySaved(`${caseName(saved)} saved.`);
      done();
    },
    onError: (error) => {
      if (!form.noticeConflict(error)) errors.fromServer(error);
    },
  });

  const names = new Map<string, string>();
  for (const ref of [...refsOf(form.base), ...(form.theirs ? refsOf(form.theirs) : []), ...(caseTypes.data?.items ?? []), ...(organisations.data?.items ?? [])]) {
    if (ref) names.set(ref.id, ref.name);
  }
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? 'Someone else') : '(blank)');

  const submit = () => {
    const dates = dateErrors(form.values);
    if (Object.keys(dates).length > 0) {
      errors.setFieldErrors(dates);
      return;
    }
    const changes = changedFields(caseInput(form.values), caseInput(caseValues(form.base)), form.base.version);
    const body = errors.check(updateCaseBody, changes);
    if (body) save.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <EditFormAlerts form={form} save={save} fields={comparedFields(nameOf)} valuesOf={caseValues} fieldErrors={errors.fieldErrors} />
      <CaseFields
        values={form.values}
        onChange={form.setValues}
        fieldErrors={errors.fieldErrors}
        known={{ people: [form.base.leadOfficer, form.base.singlePointOfContact], organisation: form.base.leadOrganisation }}
      />
      <FormButtons submitLabel="Save" pending={save.isPending} onCancel={done} />
      {guard.dialog}
    </Form>
  );
}

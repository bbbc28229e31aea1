import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contactPlan, contactPlanBody, type ContactPlan } from '../../shared/api/victim-care.ts';
import { call } from '../api/client.ts';
import type { ComparedField } from '../components/changes.ts';
import { EditFormAlerts } from '../components/EditFormAlerts.tsx';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { changedFields } from '../components/forms.ts';
import { notifySaved } from '../components/notify.ts';
import { changedFrom, useLeaveGuard } from '../components/useLeaveGuard.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { useVersionedForm } from '../components/useVersionedForm.ts';
import { PlanFields } from './PlanFields.tsx';
import { channelText, noPlan, planInput, planLabels, planValues, type PlanValues } from './plan.ts';

const yesNo = (value: unknown) => (value ? 'Yes' : 'No');

function comparedFields(caseName: (id: unknown) => string): ComparedField<PlanValues>[] {
  return [
    { key: 'frequencyDays', label: planLabels.frequencyDays },
    { key: 'caseId', label: planLabels.caseId, show: caseName },
    { key: 'preferredChannel', label: planLabels.preferredChannel, show: (v) => channelText(v as PlanValues['preferredChannel']) },
    { key: 'safeTimes', label: planLabels.safeTimes },
    { key: 'safeToText', label: planLabels.safeToText, show: yesNo },
    { key: 'safeToVoicemail', label: planLabels.safeToVoicemail, show: yesNo },
    { key: 'safeToEmail', label: planLabels.safeToEmail, show: yesNo },
    { key: 'safeToLetter', label: planLabels.safeToLetter, show: yesNo },
  ];
}

interface Props {
  profileId: string;
  defaultDays: number | null;
  onDone: () => void;
}

function useSavePlan(profileId: string, onSaved: () => void, onError: (error: unknown) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => call('PUT', `/profiles/${profileId}/contact-plan`, contactPlan, { body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['profiles'] });
      void queryClient.invalidateQueries({ queryKey: ['home'] });
      notifySaved('Contact plan saved.');
      onSaved();
    },
    onError,
  });
}

/** A first plan for a victim: the cadence, the channel and what is safe. */
export function NewContactPlanForm({ profileId, defaultDays, onDone }: Props) {
  const [values, setValues] = useState(noPlan);
  const errors = useFieldErrors(planLabels);
  const guard = useLeaveGuard(changedFrom(noPlan, values));
  const done = () => {
    guard.allow();
    onDone();
  };
  const save = useSavePlan(profileId, done, (error) => errors.fromServer(error));
  const submit = () => {
    const body = errors.check(contactPlanBody, planInput(values));
    if (body) save.mutate(body);
  };
  return (
    <Form onSubmit={submit}>
      <FormAlert error={save.error} fieldErrors={errors.fieldErrors} />
      <PlanFields profileId={profileId} values={values} onChange={setValues} fieldErrors={errors.fieldErrors} defaultDays={defaultDays} knownCase={null} />
      <FormButtons submitLabel="Save the plan" pending={save.isPending} onCancel={done} />
      {guard.dialog}
    </Form>
  );
}

/** A change to the plan: only what was changed is sent, with the version it was read at. */
export function EditContactPlanForm({ plan, defaultDays, onDone }: Omit<Props, 'profileId'> & { plan: ContactPlan }) {
  const form = useVersionedForm(plan, planValues, contactPlan);
  const errors = useFieldErrors(planLabels);
  const guard = useLeaveGuard(changedFrom(planValues(form.base), form.values));
  const done = () => {
    guard.allow();
    onDone();
  };
  const save = useSavePlan(plan.profileId, done, (error) => {
    if (!form.noticeConflict(error)) errors.fromServer(error);
  });
  const caseName = (id: unknown) => {
    const known = [form.base.case, form.theirs?.case].find((c) => c && c.id === id);
    return known ? `${known.reference}: ${known.title}` : id ? 'Another case' : 'Not tied to a case';
  };
  const submit = () => {
    const body = errors.check(contactPlanBody, changedFields(planInput(form.values), planInput(planValues(form.base)), form.base.version));
    if (body) save.mutate(body);
  };
  return (
    <Form onSubmit={submit}>
      <EditFormAlerts form={form} save={save} fields={comparedFields(caseName)} valuesOf={planValues} fieldErrors={errors.fieldErrors} />
      <PlanFields profileId={plan.profileId} values={form.values} onChange={form.setValues} fieldErrors={errors.fieldErrors} defaultDays={defaultDays} knownCase={form.base.case} />
      <FormButtons submitLabel="Save changes" pending={save.isPending} onCancel={done} />
      {guard.dialog}
    </Form>
  );
}

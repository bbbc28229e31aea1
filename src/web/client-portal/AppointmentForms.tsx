import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Group, Textarea, TextInput } from '@mantine/core';
import { appointment, appointmentBody, updateAppointmentBody, type Appointment } from '../../shared/api/portal.ts';
import { call } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import type { ComparedField } from '../components/changes.ts';
import { EditFormAlerts } from '../components/EditFormAlerts.tsx';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { changedFields, type FieldErrors } from '../components/forms.ts';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { changedFrom, useLeaveGuard } from '../components/useLeaveGuard.tsx';
import { useVersionedForm } from '../components/useVersionedForm.ts';
import { appointmentInput, appointmentLabels, appointmentValues, noAppointment, timeProblems, type AppointmentValues } from './appointment.ts';
import { portalKeys } from './keys.ts';

const compared: ComparedField<AppointmentValues>[] = [
  { key: 'day', label: 'Date' },
  { key: 'startTime', label: 'Start time' },
  { key: 'endTime', label: 'End time' },
  { key: 'place', label: appointmentLabels.place },
  { key: 'withWhom', label: appointmentLabels.withWhom },
  { key: 'details', label: appointmentLabels.details },
];

interface FieldsProps {
  values: AppointmentValues;
  onChange: (values: AppointmentValues) => void;
  fieldErrors: FieldErrors;
}

function AppointmentFields({ values, onChange, fieldErrors }: FieldsProps) {
  const set = (field: keyof AppointmentValues, value: string) => onChange({ ...values, [field]: value });
  return (
    <>
      <Group grow align="flex-start">
        <TextInput type="date" label="Date" required value={values.day} onChange={(e) => set('day', e.currentTarget.value)} error={fieldErrors.startsAt} />
        <TextInput type="time" label="Start time" description="UK time" required value={values.startTime} onChange={(e) => set('startTime', e.currentTarget.value)} />
        <TextInput type="time" label="End time" description="Optional" value={values.endTime} onChange={(e) => set('endTime', e.currentTarget.value)} error={fieldErrors.endsAt} />
      </Group>
      <TextInput label={appointmentLabels.place} required value={values.place} onChange={(e) => set('place', e.currentTarget.value)} error={fieldErrors.place} />
      <TextInput label={appointmentLabels.withWhom} required value={values.withWhom} onChange={(e) => set('withWhom', e.currentTarget.value)} error={fieldErrors.withWhom} />
      <Textarea
        label={appointmentLabels.details}
        description="The client reads this in the portal."
        value={values.details}
        onChange={(e) => set('details', e.currentTarget.value)}
        error={fieldErrors.details}
        autosize
        minRows={2}
        maxRows={6}
      />
    </>
  );
}

function useRefreshAppointments(profileId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: portalKeys.appointments(profileId) });
}

/** Books an appointment; the client is reminded the day before by email or text, as the contact plan allows. */
export function NewAppointmentForm({ profileId, onDone }: { profileId: string; onDone: () => void }) {
  const refresh = useRefreshAppointments(profileId);
  const idempotency = useIdempotencyKey();
  const [values, setValues] = useState(noAppointment);
  const errors = useFieldErrors(appointmentLabels);
  const guard = useLeaveGuard(changedFrom(noAppointment, values));
  const done = () => {
    guard.allow();
    onDone();
  };
  const save = useMutation({
    mutationFn: (body: unknown) => call('POST', `/profiles/${profileId}/appointments`, appointment, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: () => {
      idempotency.reset();
      refresh();
      notifySaved('Appointment booked.');
      done();
    },
    onError: (error) => errors.fromServer(error),
  });
  const submit = () => {
    const body = errors.check(appointmentBody, appointmentInput(values), {}, timeProblems(values));
    if (body) save.mutate(body);
  };
  return (
    <Form onSubmit={submit}>
      <FormAlert error={save.error} fieldErrors={errors.fieldErrors} />
      <AppointmentFields values={values} onChange={setValues} fieldErrors={errors.fieldErrors} />
      <FormButtons submitLabel="Book the appointment" pending={save.isPending} onCancel={done} />
      {guard.dialog}
    </Form>
  );
}

/** A change of time, place or details: only what changed is sent, with the version it was read at. */
export function EditAppointmentForm({ record, onDone }: { record: Appointment; onDone: () => void }) {
  const refresh = useRefreshAppointments(record.profileId);
  const form = useVersionedForm(record, appointmentValues, appointment);
  const errors = useFieldErrors(appointmentLabels);
  const guard = useLeaveGuard(changedFrom(appointmentValues(form.base), form.values));
  const done = () => {
    guard.allow();
    onDone();
  };
  const save = useMutation({
    mutationFn: (body: unknown) => call('PATCH', `/appointments/${record.id}`, appointment, { body }),
    onSuccess: () => {
      refresh();
      notifySaved('Appointment changed.');
      done();
    },
    onError: (error) => {
      if (!form.noticeConflict(error)) errors.fromServer(error);
    },
  });
  const submit = () => {
    const changes = changedFields(appointmentInput(form.values), appointmentInput(appointmentValues(form.base)), form.base.version);
    const body = errors.check(updateAppointmentBody, changes, {}, timeProblems(form.values));
    if (body) save.mutate(body);
  };
  return (
    <Form onSubmit={submit}>
      <EditFormAlerts form={form} save={save} fields={compared} valuesOf={appointmentValues} fieldErrors={errors.fieldErrors} />
      <AppointmentFields values={form.values} onChange={form.setValues} fieldErrors={errors.fieldErrors} />
      <FormButtons submitLabel="Save changes" pending={save.isPending} onCancel={done} />
      {guard.dialog}
    </Form>
  );
}

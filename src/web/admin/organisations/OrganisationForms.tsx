import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Select, TextInput } from '@mantine/core';
import { organisationKindLabels, organisationKinds, type OrganisationKind } from '../../../shared/roles.ts';
import {
  createOrganisationBody, organisation, updateOrganisationBody, type Organisation,
} from '../../../shared/api/structure.ts';
import { call } from '../../api/client.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { usePartnerships } from '../../api/options.ts';
import { ConflictNotice } from '../../components/ConflictNotice.tsx';
import { Form, FormButtons } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import type { FieldErrors } from '../../components/forms.ts';
import { notifySaved } from '../../components/notify.ts';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { useVersionedForm } from '../../components/useVersionedForm.ts';

const labels = { partnershipId: 'Partnership', name: 'Name', kind: 'Kind of organisation' };
const kindOptions = organisationKinds.map((k) => ({ value: k, label: organisationKindLabels[k] }));

interface Values {
  name: string;
  kind: OrganisationKind;
}

interface FieldsProps {
  values: Values;
  onChange: (values: Values) => void;
  fieldErrors: FieldErrors;
}

function OrganisationFields({ values, onChange, fieldErrors }: FieldsProps) {
  return (
    <>
      <TextInput
        label={labels.name}
        value={values.name}
        onChange={(e) => onChange({ ...values, name: e.currentTarget.value })}
        error={fieldErrors.name}
        required
        data-autofocus
      />
      <Select
        label={labels.kind}
        data={kindOptions}
        value={values.kind}
        onChange={(kind) => kind && onChange({ ...values, kind: kind as OrganisationKind })}
        error={fieldErrors.kind}
        allowDeselect={false}
        required
      />
    </>
  );
}

export function CreateOrganisationForm({ partnershipId: initialPartnership, onDone }: { partnershipId: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors(labels);
  const partnerships = usePartnerships();
  const [partnershipId, setPartnershipId] = useState<string | null>(initialPartnership);
  const [values, setValues] = useState<Values>({ name: '', kind: 'other' });
  const create = useMutation({
    mutationFn: (body: { partnershipId: string; name: string; kind: OrganisationKind }) =>
      call('POST', '/organisations', organisation, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (created) => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
      void queryClient.invalidateQueries({ queryKey: ['partnerships'] });
      notifySaved(`Organisation “${created.name}” added.`);
      onDone();
    },
    onError: errors.fromServer,
  });
  return (
    <Form
      onSubmit={() => {
        const body = errors.check(createOrganisationBody, { partnershipId: partnershipId ?? '', ...values }, { partnershipId: 'Choose a partnership' });
        if (body) create.mutate(body);
      }}
    >
      <FormAlert error={create.error} fieldErrors={errors.fieldErrors} />
      <Select
        label={labels.partnershipId}
        data={(partnerships.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
        value={partnershipId}
        onChange={setPartnershipId}
        error={errors.fieldErrors.partnershipId}
        allowDeselect={false}
        required
      />
      <OrganisationFields values={values} onChange={setValues} fieldErrors={errors.fieldErrors} />
      <FormButtons submitLabel="Add organisation" pending={create.isPending} onCancel={onDone} />
    </Form>
  );
}

export function EditOrganisationForm({ record, onDone }: { record: Organisation; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useVersionedForm(record, (r): Values => ({ name: r.name, kind: r.kind }), organisation);
  const errors = useFieldErrors(labels);
  const save = useMutation({
    mutationFn: (body: { version: number; name?: string; kind?: OrganisationKind }) =>
      call('PATCH', `/organisations/${record.id}`, organisation, { body }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
      notifySaved(`Organisation “${saved.name}” saved.`);
      onDone();
    },
    onError: (error) => {
      if (!form.noticeConflict(error)) errors.fromServer(error);
    },
  });
  return (
    <Form
      onSubmit={() => {
        const body = errors.check(updateOrganisationBody, { version: form.base.version, ...form.values });
        if (body) save.mutate(body);
      }}
    >
      <FormAlert error={form.theirs ? null : save.error} fieldErrors={errors.fieldErrors} />
      {form.theirs && (
        <ConflictNotice<Values>
          fields={[
            { key: 'name', label: labels.name },
            { key: 'kind', label: labels.kind, show: (k) => organisationKindLabels[k as OrganisationKind] },
          ]}
          loaded={{ name: form.base.name, kind: form.base.kind }}
          mine={form.values}
          theirs={{ name: form.theirs.name, kind: form.theirs.kind }}
          onUseTheirs={() => {
            form.takeTheirs();
            save.reset();
          }}
          onKeepMine={() => {
            form.keepMine();
            save.reset();
          }}
        />
      )}
      <OrganisationFields values={form.values} onChange={form.setValues} fieldErrors={errors.fieldErrors} />
      <FormButtons submitLabel="Save" pending={save.isPending} onCancel={onDone} />
    </Form>
  );
}

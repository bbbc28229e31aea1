import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { lawfulBasis, lawfulBasisBody } from '../../../shared/api/agreements.ts';
import { article9ConditionLabels, article9Conditions, consentMethodLabels, consentMethods } from '../../../shared/data-protection.ts';
import { lawfulBasisLabels, lawfulBases } from '../../../shared/referrals.ts';
import { call } from '../../api/client.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { Form, FormButtons } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { notifySaved } from '../../components/notify.ts';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { dataProtectionKeys, useAgreements } from '../api.ts';

const labels = {
  basis: 'Lawful basis (Article 6)',
  specialCategoryCondition: 'Special category condition (Article 9)',
  agreementId: 'Sharing agreement',
  consentGivenOn: 'Consent given on',
  consentMethod: 'How consent was given',
  reviewOn: 'Review by',
  notes: 'Notes',
};

const empty = { basis: '', specialCategoryCondition: '', agreementId: '', consentGivenOn: '', consentMethod: '', reviewOn: '', notes: '' };
type Values = typeof empty;

function RecordForm({ profileId, onDone }: { profileId: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors(labels);
  const agreements = useAgreements({ status: 'active' });
  const [values, setValues] = useState<Values>(empty);
  const set = (field: keyof Values, value: string | null) => setValues((v) => ({ ...v, [field]: value ?? '' }));
  const consented = values.basis === 'consent' || values.specialCategoryCondition === 'explicit-consent';
  const save = useMutation({
    mutationFn: (body: unknown) => call('POST', `/profiles/${profileId}/lawful-bases`, lawfulBasis, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (saved) => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: dataProtectionKeys.lawfulBases(profileId) });
      notifySaved(`${saved.organisation.name}'s lawful basis recorded.`);
      onDone();
    },
    onError: errors.fromServer,
  });
  const submit = () => {
    const body = errors.check(lawfulBasisBody, {
      basis: values.basis,
      specialCategoryCondition: values.specialCategoryCondition || null,
      agreementId: values.agreementId || null,
      consentGivenOn: consented ? values.consentGivenOn || null : null,
      consentMethod: consented ? values.consentMethod || null : null,
      reviewOn: values.reviewOn || null,
      notes: values.notes || null,
    }, { basis: 'Choose a lawful basis' });
    if (body) save.mutate(body);
  };
  return (
    <Form onSubmit={submit}>
      <FormAlert error={save.error} fieldErrors={errors.fieldErrors} />
      <Select
        label={labels.basis}
        required
        data={lawfulBases.map((b) => ({ value: b, label: lawfulBasisLabels[b] }))}
        value={values.basis || null}
        onChange={(v) => set('basis', v)}
        error={errors.fieldErrors.basis}
        allowDeselect={false}
      />
      <Select
        label={labels.specialCategoryCondition}
        description="Only when your organisation holds special category information about the person, such as health or ethnicity."
        data={article9Conditions.map((c) => ({ value: c, label: article9ConditionLabels[c] }))}
        value={values.specialCategoryCondition || null}
        onChange={(v) => set('specialCategoryCondition', v)}
        error={errors.fieldErrors.specialCategoryCondition}
        clearable
      />
      {consented && (
        <Group grow align="flex-start">
          <TextInput label={labels.consentGivenOn} type="date" required value={values.consentGivenOn} onChange={(e) => set('consentGivenOn', e.currentTarget.value)} error={errors.fieldErrors.consentGivenOn} />
          <Select
            label={labels.consentMethod}
            required
            data={consentMethods.map((m) => ({ value: m, label: consentMethodLabels[m] }))}
            value={values.consentMethod || null}
            onChange={(v) => set('consentMethod', v)}
            error={errors.fieldErrors.consentMethod}
            allowDeselect={false}
          />
        </Group>
      )}
      <Select
        label={labels.agreementId}
        description="The information sharing agreement your organisation shares the person's information under, if any."
        data={(agreements.data?.items ?? []).map((a) => ({ value: a.id, label: a.title }))}
        value={values.agreementId || null}
        onChange={(v) => set('agreementId', v)}
        error={errors.fieldErrors.agreementId}
        clearable
      />
      <TextInput
        label={labels.reviewOn}
        description="Leave empty for the partnership's usual review period."
        type="date"
        value={values.reviewOn}
        onChange={(e) => set('reviewOn', e.currentTarget.value)}
        error={errors.fieldErrors.reviewOn}
        w={220}
      />
      <Textarea label={labels.notes} autosize minRows={2} value={values.notes} onChange={(e) => set('notes', e.currentTarget.value)} error={errors.fieldErrors.notes} />
      <FormButtons submitLabel="Record lawful basis" pending={save.isPending} onCancel={onDone} />
    </Form>
  );
}

/** Records the reader's own organisation's basis for the person; it replaces the organisation's current one. */
export function RecordLawfulBasis({ profileId, replacing }: { profileId: string; replacing: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={replacing ? 'default' : 'filled'} onClick={() => setOpen(true)}>
        {replacing ? 'Record a new lawful basis' : 'Record a lawful basis'}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Record your organisation's lawful basis" size="lg">
        <Stack gap="md">{open && <RecordForm profileId={profileId} onDone={() => setOpen(false)} />}</Stack>
      </Modal>
    </>
  );
}

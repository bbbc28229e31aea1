import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ActionIcon, Button, Fieldset, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { agreement, agreementBody, agreementPatch, type Agreement } from '../../../shared/api/agreements.ts';
import { agreementStatusLabels, agreementStatuses, article9ConditionLabels, article9Conditions } from '../../../shared/data-protection.ts';
import { lawfulBasisLabels, lawfulBases } from '../../../shared/referrals.ts';
import { call } from '../../api/client.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { useOrganisations } from '../../api/options.ts';
import { Form, FormButtons } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { notifySaved } from '../../components/notify.ts';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { changedFrom, useLeaveGuard } from '../../components/useLeaveGuard.tsx';
import { dataProtectionKeys } from '../api.ts';

const labels = {
  title: 'Title',
  purpose: 'Purpose',
  lawfulBasis: 'Lawful basis (Article 6)',
  specialCategoryCondition: 'Special category condition (Article 9)',
  legislation: 'Legislation relied on',
  status: 'Status',
  startsOn: 'Starts on',
  reviewOn: 'Review by',
  endsOn: 'Ends on',
  parties: 'Organisations party to it',
};

interface Party { organisationId: string; signedOn: string; signatory: string }
interface Values {
  title: string;
  purpose: string;
  lawfulBasis: string;
  specialCategoryCondition: string;
  legislation: string;
  status: string;
  startsOn: string;
  reviewOn: string;
  endsOn: string;
  parties: Party[];
}

const blankParty: Party = { organisationId: '', signedOn: '', signatory: '' };
const emptyValues: Values = {
  title: '', purpose: '', lawfulBasis: 'public-task', specialCategoryCondition: '', legislation: '', status: 'active', startsOn: '', reviewOn: '', endsOn: '', parties: [blankParty],
};

const valuesOf = (a: Agreement): Values => ({
  title: a.title,
  purpose: a.purpose,
  lawfulBasis: a.lawfulBasis,
  specialCategoryCondition: a.specialCategoryCondition ?? '',
  legislation: a.legislation ?? '',
  status: a.status,
  startsOn: a.startsOn,
  reviewOn: a.reviewOn,
  endsOn: a.endsOn ?? '',
  parties: a.parties.map((p) => ({ organisationId: p.organisation.id, signedOn: p.signedOn ?? '', signatory: p.signatory ?? '' })),
});

const bodyOf = (v: Values) => ({
  title: v.title,
  purpose: v.purpose,
  lawfulBasis: v.lawfulBasis,
  specialCategoryCondition: v.specialCategoryCondition || null,
  legislation: v.legislation || null,
  status: v.status,
  startsOn: v.startsOn,
  reviewOn: v.reviewOn,
  endsOn: v.endsOn || null,
  parties: v.parties.map((p) => ({ organisationId: p.organisationId, signedOn: p.signedOn || null, signatory: p.signatory || null })),
});

/** An agreement's details, new or changed from the version read; the system administrators keep them. */
export function AgreementForm({ current, onDone }: { current?: Agreement; onDone: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors(labels);
  const organisations = useOrganisations();
  const initial = current ? valuesOf(current) : emptyValues;
  const [values, setValues] = useState<Values>(initial);
  const guard = useLeaveGuard(changedFrom(initial, values));
  const set = <K extends keyof Values>(field: K, value: Values[K]) => setValues((v) => ({ ...v, [field]: value }));
  const setParty = (i: number, change: Partial<Party>) => set('parties', values.parties.map((p, j) => (i === j ? { ...p, ...change } : p)));
  const save = useMutation({
    mutationFn: (body: unknown) => (current
      ? call('PATCH', `/sharing-agreements/${current.id}`, agreement, { body })
      : call('POST', '/sharing-agreements', agreement, { body, idempotencyKey: idempotency.keyFor(body) })),
    onSuccess: (saved) => {
      guard.allow();
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: dataProtectionKeys.allAgreements });
      queryClient.setQueryData(dataProtectionKeys.agreement(saved.id), saved);
      notifySaved(current ? 'Agreement saved.' : `Agreement “${saved.title}” recorded.`);
      if (current) onDone();
      else void navigate(`/data-protection/agreements/${saved.id}`);
    },
    onError: errors.fromServer,
  });
  const submit = () => {
    const body = current
      ? errors.check(agreementPatch, { ...bodyOf(values), version: current.version })
      : errors.check(agreementBody, bodyOf(values), { lawfulBasis: 'Choose a lawful basis' });
    if (body) save.mutate(body);
  };
  const options = (organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  return (
    <Form onSubmit={submit}>
      <FormAlert error={save.error} fieldErrors={errors.fieldErrors} />
      <TextInput label={labels.title} required value={values.title} onChange={(e) => set('title', e.currentTarget.value)} error={errors.fieldErrors.title} />
      <Textarea label={labels.purpose} required autosize minRows={3} value={values.purpose} onChange={(e) => set('purpose', e.currentTarget.value)} error={errors.fieldErrors.purpose} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={labels.lawfulBasis}
          required
          data={lawfulBases.map((b) => ({ value: b, label: lawfulBasisLabels[b] }))}
          value={values.lawfulBasis || null}
          onChange={(v) => set('lawfulBasis', v ?? '')}
          error={errors.fieldErrors.lawfulBasis}
          allowDeselect={false}
        />
        <Select
          label={labels.specialCategoryCondition}
          data={article9Conditions.map((c) => ({ value: c, label: article9ConditionLabels[c] }))}
          value={values.specialCategoryCondition || null}
          onChange={(v) => set('specialCategoryCondition', v ?? '')}
          error={errors.fieldErrors.specialCategoryCondition}
          clearable
        />
      </SimpleGrid>
      <Textarea label={labels.legislation} autosize minRows={1} value={values.legislation} onChange={(e) => set('legislation', e.currentTarget.value)} error={errors.fieldErrors.legislation} />
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <Select
          label={labels.status}
          required
          data={agreementStatuses.map((s) => ({ value: s, label: agreementStatusLabels[s] }))}
          value={values.status}
          onChange={(v) => set('status', v ?? 'active')}
          allowDeselect={false}
        />
        <TextInput label={labels.startsOn} type="date" required value={values.startsOn} onChange={(e) => set('startsOn', e.currentTarget.value)} error={errors.fieldErrors.startsOn} />
        <TextInput label={labels.reviewOn} type="date" required value={values.reviewOn} onChange={(e) => set('reviewOn', e.currentTarget.value)} error={errors.fieldErrors.reviewOn} />
        <TextInput label={labels.endsOn} type="date" value={values.endsOn} onChange={(e) => set('endsOn', e.currentTarget.value)} error={errors.fieldErrors.endsOn} />
      </SimpleGrid>
      <Fieldset legend={labels.parties}>
        <Stack gap="sm">
          {values.parties.map((party, i) => (
            <Group key={i} align="flex-end" gap="sm" wrap="wrap">
              <Select
                label={`Organisation ${i + 1}`}
                required
                data={options}
                value={party.organisationId || null}
                onChange={(v) => setParty(i, { organisationId: v ?? '' })}
                error={errors.fieldErrors[`parties.${i}.organisationId`]}
                searchable
                w={280}
              />
              <TextInput label="Signed on" type="date" value={party.signedOn} onChange={(e) => setParty(i, { signedOn: e.currentTarget.value })} w={170} />
              <TextInput label="Signed by" value={party.signatory} onChange={(e) => setParty(i, { signatory: e.currentTarget.value })} w={220} />
              {values.parties.length > 1 && (
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove organisation ${i + 1}`} onClick={() => set('parties', values.parties.filter((_, j) => j !== i))}>
                  ×
                </ActionIcon>
              )}
            </Group>
          ))}
          <Group>
            <Button variant="default" size="xs" onClick={() => set('parties', [...values.parties, blankParty])}>
              Add an organisation
            </Button>
          </Group>
        </Stack>
      </Fieldset>
      <FormButtons submitLabel={current ? 'Save agreement' : 'Record agreement'} pending={save.isPending} onCancel={onDone} />
      {guard.dialog}
    </Form>
  );
}

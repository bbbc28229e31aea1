import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Anchor, Checkbox, Fieldset, Group, Text, TextInput, Textarea } from '@mantine/core';
import { application, applicationBody } from '../../shared/api/schemes.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { call } from '../api/client.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { schemeBase, schemeKeys, useKeepSafe } from './api.ts';

const labels = {
  profileId: 'Person',
  'details.condition': 'Condition or disability',
  'details.communication': 'How to communicate with them',
  'details.medicationNotes': 'Medication (optional)',
  'details.carers.0.name': 'Name of the first person to call',
  'details.carers.0.relationship': 'How they know the person (optional)',
  'details.carers.0.phone': 'Their telephone number',
  'details.parentalConsent.by': 'Parent or guardian who agreed',
  'details.parentalConsent.on': 'Date they agreed',
};

/** The scheme's staff apply for a card for someone whose record they may add to (from the person's Keep Safe panel). */
export function ApplyPage() {
  const [params] = useSearchParams();
  const profileId = params.get('profileId') ?? '';
  const state = useKeepSafe(profileId);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors(labels);
  const [v, setV] = useState({
    condition: '', communication: '', medicationNotes: '', carerName: '', carerRelationship: '', carerPhone: '',
    usesDisabilityContactLine: false, showConditionOnCard: false, consentBy: '', consentOn: '',
  });
  const set = (change: Partial<typeof v>) => setV((old) => ({ ...old, ...change }));
  const renewal = !!state.data?.cardholder;
  const create = useMutation({
    mutationFn: (body: unknown) => call('POST', `${schemeBase}/applications`, application, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (created) => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: schemeKeys.all });
      void navigate(`${schemeBase}/applications/${created.id}`);
    },
    onError: (error) => errors.fromServer(error),
  });
  const submit = () => {
    const body = errors.check(applicationBody, {
      profileId,
      kind: renewal ? 'renewal' : 'new',
      details: {
        condition: v.condition,
        communication: v.communication,
        medicationNotes: v.medicationNotes || null,
        carers: [{ name: v.carerName, relationship: v.carerRelationship || null, phone: v.carerPhone }],
        emergencyContacts: [],
        usesDisabilityContactLine: v.usesDisabilityContactLine,
        showConditionOnCard: v.showConditionOnCard,
        parentalConsent: v.consentBy || v.consentOn ? { by: v.consentBy, on: v.consentOn } : null,
      },
    });
    if (body) create.mutate(body);
  };
  const f = errors.fieldErrors;
  return (
    <Page title={renewal ? 'Renew a Keep Safe Card' : 'Apply for a Keep Safe Card'}>
      <Anchor component={Link} to={`/profiles/${profileId}`} size="sm">Back to the person</Anchor>
      <QueryStatus isPending={state.isPending} error={state.error} onRetry={() => void state.refetch()} label="Loading the person" />
      {state.data && (
        <Form onSubmit={submit}>
          <FormAlert error={create.error} fieldErrors={f} />
          <Textarea label={labels['details.condition']} value={v.condition} onChange={(e) => set({ condition: e.currentTarget.value })} error={f['details.condition']} autosize minRows={2} maxLength={1000} required />
          <Textarea
            label={labels['details.communication']}
            description="For example, speak slowly, use simple words, write things down"
            value={v.communication}
            onChange={(e) => set({ communication: e.currentTarget.value })}
            error={f['details.communication']}
            autosize
            minRows={2}
            maxLength={1000}
            required
          />
          <Textarea label={labels['details.medicationNotes']} value={v.medicationNotes} onChange={(e) => set({ medicationNotes: e.currentTarget.value })} autosize minRows={1} maxLength={1000} />
          <Fieldset legend="Person to call in an emergency">
            <TextInput label={labels['details.carers.0.name']} value={v.carerName} onChange={(e) => set({ carerName: e.currentTarget.value })} error={f['details.carers.0.name']} maxLength={100} required />
            <TextInput label={labels['details.carers.0.relationship']} value={v.carerRelationship} onChange={(e) => set({ carerRelationship: e.currentTarget.value })} maxLength={60} />
            <TextInput label={labels['details.carers.0.phone']} type="tel" autoComplete="off" value={v.carerPhone} onChange={(e) => set({ carerPhone: e.currentTarget.value })} error={f['details.carers.0.phone']} maxLength={30} required />
          </Fieldset>
          <Checkbox label="Registered with the police disability contact line" checked={v.usesDisabilityContactLine} onChange={(e) => set({ usesDisabilityContactLine: e.currentTarget.checked })} />
          <Checkbox label="Print their condition on the card" checked={v.showConditionOnCard} onChange={(e) => set({ showConditionOnCard: e.currentTarget.checked })} />
          <Fieldset legend="Parental consent (under 16s)">
            <Text size="sm" c="dimmed">Needed before someone under 16 can be approved.</Text>
            <Group grow>
              <TextInput label={labels['details.parentalConsent.by']} value={v.consentBy} onChange={(e) => set({ consentBy: e.currentTarget.value })} error={f['details.parentalConsent.by']} maxLength={100} />
              <TextInput label={labels['details.parentalConsent.on']} type="date" value={v.consentOn} onChange={(e) => set({ consentOn: e.currentTarget.value })} error={f['details.parentalConsent.on']} />
            </Group>
          </Fieldset>
          <FormButtons submitLabel={renewal ? 'Make the renewal application' : 'Make the application'} pending={create.isPending} onCancel={() => void navigate(`/profiles/${profileId}`)} />
        </Form>
      )}
    </Page>
  );
}

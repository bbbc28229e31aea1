import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Anchor, NumberInput, Select, Text, TextInput } from '@mantine/core';
import { scheme, schemeBody, type Scheme } from '../../shared/api/schemes.ts';
import { call } from '../api/client.ts';
import { useTeams } from '../api/options.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { useReferralForms } from '../referrals/api.ts';
import { schemeBase, useScheme } from './api.ts';

const labels = {
  name: 'Name',
  teamId: 'Team that runs the scheme',
  reviewMonths: 'Months between accuracy reviews',
  removalMonths: 'Months after a missed review before removal',
  cardValidMonths: 'Months a card is valid',
  applicationFormId: 'Public application form',
};

function SettingsForm({ s }: { s: Scheme }) {
  const queryClient = useQueryClient();
  const teams = useTeams();
  const forms = useReferralForms();
  const errors = useFieldErrors(labels);
  const saved = {
    name: s.name, teamId: s.team.id, reviewMonths: s.reviewMonths, removalMonths: s.removalMonths, cardValidMonths: s.cardValidMonths,
    applicationFormId: s.applicationForm?.id ?? null,
  };
  const [v, setV] = useState(saved);
  const set = (change: Partial<typeof v>) => setV((old) => ({ ...old, ...change }));
  const save = useMutation({
    mutationFn: (body: unknown) => call('PUT', schemeBase, scheme, { body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['schemes', 'scheme'], saved);
      notifySaved('Scheme settings saved');
    },
    onError: (error) => errors.fromServer(error),
  });
  const submit = () => {
    const body = errors.check(schemeBody, { ...v, version: s.version });
    if (body) save.mutate(body);
  };
  const teamOptions = (teams.data?.items ?? []).map((t) => ({ value: t.id, label: `${t.name}, ${t.organisation.name}` }));
  const formOptions = (forms.data?.items ?? []).filter((f) => f.purpose === 'scheme-application' && f.team.id === v.teamId).map((f) => ({ value: f.id, label: f.name }));
  const f = errors.fieldErrors;
  return (
    <Form onSubmit={submit}>
      <FormAlert error={save.error} fieldErrors={f} />
      <TextInput label={labels.name} value={v.name} onChange={(e) => set({ name: e.currentTarget.value })} error={f.name} maxLength={200} required />
      <Select label={labels.teamId} data={teamOptions} value={v.teamId} onChange={(id) => id && set({ teamId: id, applicationFormId: null })} error={f.teamId} searchable allowDeselect={false} required />
      <NumberInput label={labels.reviewMonths} value={v.reviewMonths} onChange={(n) => set({ reviewMonths: Number(n) })} min={1} max={120} error={f.reviewMonths} required />
      <NumberInput label={labels.removalMonths} value={v.removalMonths} onChange={(n) => set({ removalMonths: Number(n) })} min={1} max={24} error={f.removalMonths} required />
      <NumberInput label={labels.cardValidMonths} value={v.cardValidMonths} onChange={(n) => set({ cardValidMonths: Number(n) })} min={1} max={120} error={f.cardValidMonths} required />
      <Select
        label={labels.applicationFormId}
        description="A referral form of the scheme's team built for Keep Safe Card applications; its submissions reach the team's desk"
        data={formOptions}
        value={v.applicationFormId}
        onChange={(id) => set({ applicationFormId: id })}
        error={f.applicationFormId}
        clearable
      />
      {s.applicationForm && (
        <Text size="sm">
          The public applies at <Anchor href={s.applicationForm.publicPath} target="_blank">{s.applicationForm.publicPath}</Anchor>.
        </Text>
      )}
      <FormButtons submitLabel="Save settings" pending={save.isPending} onCancel={() => setV(saved)} />
    </Form>
  );
}

/** The Keep Safe Card's set-up, for the partnership's system administrators. */
export function SchemeSettingsPage() {
  const query = useScheme();
  return (
    <Page title="Keep Safe Card scheme">
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the scheme" />
      {/* A saved change comes back with a new version: the form starts again from it. */}
      {query.data && <SettingsForm key={query.data.version} s={query.data} />}
    </Page>
  );
}

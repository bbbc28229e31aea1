import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MultiSelect, Select, Text, TextInput } from '@mantine/core';
import type { z } from 'zod';
import { createPanelBody, panel } from '../../shared/api/panels.ts';
import { call } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { useOrganisations } from '../api/options.ts';
import { useMe } from '../app/session.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { usePeopleSearch } from '../tasks/PeopleSearch.ts';
import { panelKeys } from './keys.ts';
import { kindOptions, panelLabels } from './labels.ts';

/** A standing panel of the partnership: its kind and name, the agencies on it, its chair and coordinators. */
export function SetUpPanelForm({ onDone }: { onDone: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors(panelLabels);
  const organisations = useOrganisations();
  const chairs = usePeopleSearch();
  const coordinators = usePeopleSearch();
  const [kind, setKind] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [memberOrganisationIds, setMembers] = useState<string[]>([]);
  const [chairUserId, setChair] = useState<string | null>(null);
  const [coordinatorIds, setCoordinators] = useState<string[]>([]);
  const organisationOptions = (organisations.data?.items ?? [])
    .filter((o) => o.partnership.id === me.partnership.id)
    .map((o) => ({ value: o.id, label: o.name }));

  const create = useMutation({
    mutationFn: (body: z.infer<typeof createPanelBody>) => call('POST', '/panels', panel, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (created) => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: panelKeys.all });
      notifySaved(`${created.name} set up.`);
      void navigate(`/panels/${created.id}`);
    },
    onError: errors.fromServer,
  });

  const submit = () => {
    const body = errors.check(createPanelBody, { kind: kind ?? '', name, memberOrganisationIds, chairUserId, coordinatorIds }, { kind: 'Choose the kind of panel' });
    if (body) create.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={create.error} fieldErrors={errors.fieldErrors} />
      <Select label={panelLabels.kind} data={kindOptions} value={kind} onChange={setKind} error={errors.fieldErrors.kind} required allowDeselect={false} data-autofocus />
      <TextInput
        label={panelLabels.name}
        description="As the partnership calls it, e.g. “Newark Community MARAC”"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.fieldErrors.name}
        required
        maxLength={200}
      />
      <MultiSelect
        label={panelLabels.memberOrganisationIds}
        description="Agencies that sit on the panel: their staff see its meetings and add research"
        data={organisationOptions}
        value={memberOrganisationIds}
        onChange={setMembers}
        error={errors.fieldErrors.memberOrganisationIds}
        searchable
        clearable
        nothingFoundMessage="Nothing matches"
      />
      <Select
        label={panelLabels.chairUserId}
        description="Search by name. A Channel panel is chaired by the local authority."
        data={chairs.data}
        value={chairUserId}
        onChange={(id) => {
          if (id) chairs.remember([id]);
          setChair(id);
        }}
        onSearchChange={chairs.onSearchChange}
        error={errors.fieldErrors.chairUserId}
        searchable
        clearable
        nothingFoundMessage="No one matches"
      />
      <MultiSelect
        label={panelLabels.coordinatorIds}
        description="People who build the agendas and run the meetings with the chair"
        data={coordinators.data}
        value={coordinatorIds}
        onChange={(ids) => {
          coordinators.remember(ids);
          setCoordinators(ids);
        }}
        onSearchChange={coordinators.onSearchChange}
        error={errors.fieldErrors.coordinatorIds}
        searchable
        clearable
        nothingFoundMessage="No one matches"
      />
      <Text size="sm" c="dimmed">
        Unless you are a system administrator, you are made one of its coordinators.
      </Text>
      <FormButtons submitLabel="Set up panel" pending={create.isPending} onCancel={onDone} />
    </Form>
  );
}

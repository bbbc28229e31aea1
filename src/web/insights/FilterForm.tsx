import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import type { z } from 'zod';
import { useOrganisations, useTeams } from '../api/options.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { filterLabels, type Filters } from './filters.ts';

/** A select of the page's own beside the area and period (the role of the breakdowns, the report type). */
export interface Choice {
  name: string;
  options: { value: string; label: string }[];
}

interface Props {
  filters: Filters;
  /** The shared query schema the server checks the filters with. */
  schema: z.ZodType;
  choices?: Choice[];
  onApply: (filters: Filters) => void;
}

const blank = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The period and area of a dashboard, applied when submitted so each change does not count again. */
export function FilterForm({ filters, schema, choices = [], onApply }: Props) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v ?? ''])));
  const errors = useFieldErrors(filterLabels);
  const organisations = useOrganisations();
  const teams = useTeams(values.organisationId || undefined);
  const set = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const value = (name: string) => values[name] ?? '';

  const submit = () => {
    const input = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, blank(v)]));
    const backwards = input.from && input.to && input.from > input.to ? 'From must be on or before the end date' : null;
    const checked = errors.check(schema, input, {}, { from: backwards }) as Filters | null;
    if (checked) onApply(Object.fromEntries(Object.keys(values).map((k) => [k, checked[k]])));
  };
  const chooseOrganisation = (id: string) => {
    // A team of another organisation would narrow the figures to nothing.
    const team = teams.data?.items.find((t) => t.id === values.teamId);
    setValues((v) => ({ ...v, organisationId: id, teamId: team && id && team.organisation.id !== id ? '' : (v.teamId ?? '') }));
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <FormAlert fieldErrors={errors.fieldErrors} />
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput label={filterLabels.from} type="date" value={value('from')} onChange={(e) => set('from', e.currentTarget.value)} error={errors.fieldErrors.from} w={170} />
          <TextInput label={filterLabels.to} type="date" value={value('to')} onChange={(e) => set('to', e.currentTarget.value)} error={errors.fieldErrors.to} w={170} />
          <NativeSelect
            label={filterLabels.organisationId}
            data={[{ value: '', label: 'All organisations' }, ...(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))]}
            value={value('organisationId')}
            onChange={(e) => chooseOrganisation(e.currentTarget.value)}
            error={errors.fieldErrors.organisationId}
            w={{ base: '100%', xs: 240 }}
          />
          <NativeSelect
            label={filterLabels.teamId}
            data={[
              { value: '', label: 'All teams' },
              ...(teams.data?.items ?? []).map((t) => ({ value: t.id, label: values.organisationId ? t.name : `${t.name} (${t.organisation.name})` })),
            ]}
            value={value('teamId')}
            onChange={(e) => set('teamId', e.currentTarget.value)}
            error={errors.fieldErrors.teamId}
            w={{ base: '100%', xs: 280 }}
          />
          <TextInput
            label={filterLabels.postcodeDistrict}
            description="The first part of a postcode, such as DE1"
            value={value('postcodeDistrict')}
            onChange={(e) => set('postcodeDistrict', e.currentTarget.value)}
            error={errors.fieldErrors.postcodeDistrict}
            w={190}
          />
          {choices.map((c) => (
            <NativeSelect
              key={c.name}
              label={filterLabels[c.name]}
              data={c.options}
              value={value(c.name)}
              onChange={(e) => set(c.name, e.currentTarget.value)}
              error={errors.fieldErrors[c.name]}
              w={{ base: '100%', xs: 220 }}
            />
          ))}
          <Button type="submit" variant="default">
            Show figures
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

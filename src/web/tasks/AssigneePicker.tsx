import { Radio, Select, Stack, Group } from '@mantine/core';
import { useOrganisations, useTeams } from '../api/options.ts';
import { useMe } from '../app/session.ts';
import { usePeopleSearch } from './PeopleSearch.ts';

export type AssigneeKind = 'user' | 'team' | 'organisation';
export interface AssigneeValue { kind: AssigneeKind; id: string | null }

interface Props {
  value: AssigneeValue;
  onChange: (value: AssigneeValue) => void;
  /** The current assignee, so its name shows before any search. */
  known?: { id: string; name: string } | null;
  error?: string | undefined;
}

const kindLabels: Record<AssigneeKind, string> = { user: 'A person', team: 'A team', organisation: 'A whole organisation' };

/** Who a task is for: a person anywhere in the partnership, one of its teams, or a whole organisation. */
export function AssigneePicker({ value, onChange, known, error }: Props) {
  const me = useMe();
  const teams = useTeams();
  const organisations = useOrganisations();
  const people = usePeopleSearch(known && value.kind === 'user' ? [known] : []);
  const teamOptions = (teams.data?.items ?? [])
    .filter((t) => t.partnership.id === me.partnership.id)
    .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name) || a.name.localeCompare(b.name))
    // Team names repeat across organisations, so each says whose it is.
    .map((t) => ({ value: t.id, label: `${t.name} (${t.organisation.name})` }));
  const organisationOptions = (organisations.data?.items ?? [])
    .filter((o) => o.partnership.id === me.partnership.id)
    .map((o) => ({ value: o.id, label: o.name }));

  const common = { value: value.id, error, required: true, searchable: true, nothingFoundMessage: 'Nothing matches' };
  return (
    <Stack gap="xs">
      <Radio.Group label="Set the task for" value={value.kind} onChange={(kind) => onChange({ kind: kind as AssigneeKind, id: null })}>
        <Group gap="lg" mt={4}>
          {(Object.keys(kindLabels) as AssigneeKind[]).map((k) => (
            <Radio key={k} value={k} label={kindLabels[k]} />
          ))}
        </Group>
      </Radio.Group>
      {value.kind === 'user' && (
        <Select
          {...common}
          label="Person"
          description="Search by name: anyone in the partnership"
          data={people.data}
          onSearchChange={people.onSearchChange}
          onChange={(id) => {
            if (id) people.remember([id]);
            onChange({ kind: 'user', id });
          }}
        />
      )}
      {value.kind === 'team' && (
        <Select {...common} label="Team" data={teamOptions} onChange={(id) => onChange({ kind: 'team', id })} />
      )}
      {value.kind === 'organisation' && (
        <Select
          {...common}
          label="Organisation"
          description="Any member of the organisation can accept it"
          data={organisationOptions}
          onChange={(id) => onChange({ kind: 'organisation', id })}
        />
      )}
    </Stack>
  );
}

/** The API's assignee from the picker's value (an empty choice fails the shared schema, as it should). */
export function assigneeBody(value: AssigneeValue) {
  const id = value.id ?? '';
  if (value.kind === 'user') return { userId: id };
  if (value.kind === 'team') return { teamId: id };
  return { organisationId: id };
}

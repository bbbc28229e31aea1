import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { profilePage, type ProfileSummary } from '../../shared/api/profiles.ts';
import { get, withQuery } from '../api/client.ts';
import { formatDate } from '../components/format.ts';
import { PersonSafetyLine, PersonSafetyPhrase } from '../records/PersonSafetyLine.tsx';
import { profileKeys } from './keys.ts';
import { fullName } from './labels.ts';

interface Props {
  label: string;
  description?: string;
  value: ProfileSummary | null;
  onChange: (profile: ProfileSummary | null) => void;
  /** The profile being worked on, which cannot be picked. */
  excludeId: string;
  error?: string;
}

function describe(p: ProfileSummary): string {
  return `${fullName(p)}, born ${formatDate(p.dateOfBirth, 'not known')} (${p.owner.team.name})`;
}

/**
 * Finds another profile this person can open, by name, as they type; each one found, and the one
 * chosen, shows its warning markers and risk, as everywhere a person appears.
 */
export function ProfilePicker({ label, description, value, onChange, excludeId, error }: Props) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const query = { q, limit: 20 };
  const results = useQuery({
    queryKey: profileKeys.list(query),
    queryFn: () => get(withQuery('/profiles', query), profilePage),
    enabled: q.length >= 2,
    placeholderData: (previous) => previous,
  });
  const found = (results.data?.items ?? []).filter((p) => p.id !== excludeId);
  const options = value && !found.some((p) => p.id === value.id) ? [value, ...found] : found;

  return (
    <Stack gap={4}>
      <Select
        label={label}
        description={description ?? 'Type at least two letters of their name.'}
        placeholder="Search by name"
        data={options.map((p) => ({ value: p.id, label: describe(p) }))}
        renderOption={({ option }) => {
          const person = options.find((p) => p.id === option.value);
          return (
            <Stack gap={4}>
              <Text size="sm">{option.label}</Text>
              {person && <PersonSafetyPhrase safety={person} />}
            </Stack>
          );
        }}
        value={value?.id ?? null}
        onChange={(id) => onChange(options.find((p) => p.id === id) ?? null)}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        // The server has already matched the name; Mantine's own filter would hide alias matches.
        filter={({ options: all }) => all}
        nothingFoundMessage={q.length < 2 ? 'Type at least two letters' : results.isFetching ? 'Searching…' : 'No one you can open has that name'}
        error={error}
        clearable
        required
      />
      {value && <PersonSafetyLine safety={value} />}
    </Stack>
  );
}

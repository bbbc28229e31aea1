import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { user as userSchema } from '../../shared/api/users.ts';
import { get } from '../api/client.ts';
import { keys } from '../api/keys.ts';
import { useUserSearch } from '../api/options.ts';

interface Props {
  value: string;
  onChange: (userId: string) => void;
}

/** Chooses one of the users this administrator can see, searched by name or email. */
export function PersonSelect({ value, onChange }: Props) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const matches = useUserSearch(q);
  // A person chosen through a link may not be among the first matches; fetch their name.
  const chosen = useQuery({
    queryKey: keys.user(value),
    queryFn: () => get(`/users/${value}`, userSchema),
    enabled: value !== '',
  });
  const options = new Map((matches.data?.items ?? []).map((u) => [u.id, `${u.name} (${u.email})`]));
  if (chosen.data) options.set(chosen.data.id, `${chosen.data.name} (${chosen.data.email})`);

  return (
    <Select
      label="Person"
      placeholder="Anyone"
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      searchable
      clearable
      onSearchChange={setSearch}
      nothingFoundMessage="No one matches"
      filter={({ options: all }) => all}
    />
  );
}

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Ref } from '../../shared/api/common.ts';
import { directoryReply } from '../../shared/api/users.ts';
import { get, withQuery } from '../api/client.ts';
import { useMe } from '../app/session.ts';

interface Props {
  label: string;
  value: string | null;
  onChange: (userId: string | null) => void;
  /** People already named on the case, so their names show even when they cannot be searched. */
  known: (Ref | null)[];
  error?: string;
}

/** Chooses a person for a case role from the active staff of every agency in the partnership. */
export function OfficerSelect({ label, value, onChange, known, error }: Props) {
  const me = useMe();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const query = { limit: 50, q };
  const found = useQuery({
    queryKey: ['directory', query],
    queryFn: () => get(withQuery('/directory', query), directoryReply),
    placeholderData: (previous) => previous,
  });

  const options = new Map<string, string>([[me.id, `${me.name} (you)`]]);
  for (const person of known) if (person && !options.has(person.id)) options.set(person.id, person.name);
  for (const u of found.data?.items ?? []) if (!options.has(u.id)) options.set(u.id, `${u.name} (${u.team.name}, ${u.organisation.name})`);

  return (
    <Select
      label={label}
      description="Search by name: anyone in the partnership"
      placeholder="No one yet"
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      value={value}
      onChange={onChange}
      error={error}
      searchable
      clearable
      onSearchChange={setSearch}
      nothingFoundMessage="No one matches"
    />
  );
}

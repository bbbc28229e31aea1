import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import { directoryReply } from '../../shared/api/users.ts';
import { get, withQuery } from '../api/client.ts';

/**
 * Active colleagues across the partnership matching what is typed, as select options. Names of
 * people already chosen are remembered, so a choice still reads by name after the search moves on.
 */
export function usePeopleSearch(known: { id: string; name: string }[] = []) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [remembered, setRemembered] = useState(() => new Map(known.map((p) => [p.id, p.name])));
  const query = { limit: 50, q };
  const found = useQuery({
    queryKey: ['directory', query],
    queryFn: () => get(withQuery('/directory', query), directoryReply),
    placeholderData: (previous) => previous,
  });
  const options = new Map(remembered);
  for (const u of found.data?.items ?? []) options.set(u.id, `${u.name} (${u.team.name}, ${u.organisation.name})`);
  return {
    data: [...options].map(([value, label]) => ({ value, label })),
    onSearchChange: setSearch,
    /** Keeps the labels of the chosen people. */
    remember(ids: string[]) {
      setRemembered((before) => {
        const next = new Map(before);
        for (const id of ids) next.set(id, options.get(id) ?? id);
        return next;
      });
    },
  };
}

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import type { Ref } from '../../shared/api/common.ts';
import { actionRecipientOptions } from '../../shared/api/tasks.ts';
import { directoryReply } from '../../shared/api/users.ts';
import { get, withQuery } from '../api/client.ts';
import { actionKeys } from '../actions/keys.ts';
import { useMe } from '../app/session.ts';

/**
 * The people a referral can be assigned to: the desk team's members. On one's own team's desk that
 * is the whole team (the list reminders are shared with); an organisation's administrator working
 * another team's desk searches the directory, kept to that team. The server checks the choice.
 */
export function useDeskMembers(team: Ref, assigned: Ref | null) {
  const me = useMe();
  const own = me.team.id === team.id;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const teamMembers = useQuery({ queryKey: actionKeys.recipients, queryFn: () => get('/actions/recipients', actionRecipientOptions), staleTime: 60_000, enabled: own });
  const query = { limit: 50, q };
  const found = useQuery({
    queryKey: ['directory', query],
    queryFn: () => get(withQuery('/directory', query), directoryReply),
    placeholderData: (previous) => previous,
    enabled: !own,
  });
  const options = new Map<string, string>();
  if (own) options.set(me.id, `${me.name} (you)`);
  for (const m of teamMembers.data?.items ?? []) options.set(m.id, m.name);
  for (const u of found.data?.items ?? []) if (u.team.id === team.id) options.set(u.id, u.name);
  if (assigned && !options.has(assigned.id)) options.set(assigned.id, assigned.name);
  return {
    data: [...options].map(([value, label]) => ({ value, label })),
    /** Only where the list is searched rather than whole. */
    onSearchChange: own ? undefined : setSearch,
  };
}

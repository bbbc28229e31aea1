import { useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import { profileMatches } from '../../shared/api/profiles.ts';
import { get, withQuery } from '../api/client.ts';
import { isoOf } from '../forms/dateParts.ts';
import { profileKeys } from './keys.ts';

interface Identity {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
}

/**
 * People already on Concord who may be the one being typed in, asked for as the person types
 * (after a pause), so a duplicate is noticed before it is made. Includes people this person
 * cannot open, with who holds them ("search and signpost").
 */
export function useMatches({ firstName, lastName, dateOfBirth }: Identity) {
  const [query] = useDebouncedValue(
    {
      firstName: firstName.trim(),
      lastName: lastName.trim(),
      dateOfBirth: /^\d{4}-\d{2}-\d{2}$/.test(isoOf(dateOfBirth)) ? isoOf(dateOfBirth) : '',
    },
    400,
  );
  const active = (query.firstName + query.lastName).length >= 2;
  const result = useQuery({
    queryKey: profileKeys.matches(query),
    queryFn: () => get(withQuery('/profiles/matches', query), profileMatches),
    enabled: active,
    placeholderData: (previous) => previous,
  });
  return { ...result, active, items: active ? (result.data?.items ?? []) : [] };
}

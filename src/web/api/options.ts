import { useQuery } from '@tanstack/react-query';
import { organisationPage, partnershipPage, teamPage } from '../../shared/api/structure.ts';
import { userPage } from '../../shared/api/users.ts';
import { get, withQuery } from './client.ts';
import { keys } from './keys.ts';

// Choices for filters and forms. A partnership holds tens of organisations and teams, not
// thousands, so the first 200 is all of them; users are searched by name instead.
const all = { limit: 200 };

export function usePartnerships(enabled = true) {
  return useQuery({
    queryKey: keys.partnerships(all),
    queryFn: () => get(withQuery('/partnerships', all), partnershipPage),
    enabled,
  });
}

export function useOrganisations(partnershipId?: string | null, enabled = true) {
  const query = { ...all, partnershipId };
  return useQuery({
    queryKey: keys.organisations(query),
    queryFn: () => get(withQuery('/organisations', query), organisationPage),
    enabled,
  });
}

export function useTeams(organisationId?: string | null, enabled = true) {
  const query = { ...all, organisationId };
  return useQuery({
    queryKey: keys.teams(query),
    queryFn: () => get(withQuery('/teams', query), teamPage),
    enabled,
  });
}

/** Users matching a name or email, for choosing a person (e.g. in the audit trail's filter). */
export function useUserSearch(q: string) {
  const query = { limit: 50, q: q.trim() };
  return useQuery({
    queryKey: keys.users(query),
    queryFn: () => get(withQuery('/users', query), userPage),
    placeholderData: (previous) => previous,
  });
}

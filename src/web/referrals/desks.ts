import { useTeams } from '../api/options.ts';
import { useMe } from '../app/session.ts';

/**
 * The desks this person works, as `canWorkDesk` decides on the server: their own team's, and for
 * an organisation's administrator every team of that organisation. Others see only their own, so
 * they are offered no choice.
 */
export function useDesks() {
  const me = useMe();
  const several = me.role === 'organisation_admin';
  const teams = useTeams(me.organisation.id, several);
  const desks = several ? (teams.data?.items ?? []).map((t) => ({ value: t.id, label: t.name })) : [];
  return { several, options: desks.length > 0 ? desks : [{ value: me.team.id, label: me.team.name }] };
}

import type { AccessList } from '../../shared/api/records.ts';
import { useOrganisations, useTeams } from '../api/options.ts';

/**
 * Who a record can still be shared with: the teams and organisations of the record's partnership
 * that are not on its access list yet (the owning team always has edit, so it is left out).
 */
export function useShareTargets(list: AccessList | undefined) {
  const organisations = useOrganisations(undefined, list !== undefined);
  const teams = useTeams(undefined, list !== undefined);
  const orgItems = organisations.data?.items ?? [];
  // System administrators see every partnership's teams; a record is shared only inside its own.
  const partnershipId = orgItems.find((o) => o.id === list?.owner.organisation.id)?.partnership.id;
  const listedTeams = new Set(list?.entries.flatMap((e) => (e.team ? [e.team.id] : [])) ?? []);
  const listedOrgs = new Set(list?.entries.flatMap((e) => (e.team ? [] : [e.organisation.id])) ?? []);

  const teamOptions = (teams.data?.items ?? [])
    .filter((t) => t.partnership.id === partnershipId && t.id !== list?.owner.team.id && !listedTeams.has(t.id))
    .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name) || a.name.localeCompare(b.name))
    // Team names repeat across organisations ("Community Safety team"), so each says whose it is.
    .map((t) => ({ value: t.id, label: `${t.name} (${t.organisation.name})` }));
  return {
    isPending: organisations.isPending || teams.isPending,
    error: organisations.error ?? teams.error,
    teams: teamOptions,
    organisations: orgItems
      .filter((o) => o.partnership.id === partnershipId && !listedOrgs.has(o.id))
      .map((o) => ({ value: o.id, label: o.name })),
  };
}

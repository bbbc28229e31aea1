import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Lookup, updateLookupBody } from '../../../shared/api/records.ts';
import { teamPage } from '../../../shared/api/structure.ts';
import type { AccessLevel } from '../../../shared/records.ts';
import { get, withQuery } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { useOrganisations } from '../../api/options.ts';
import { useMe } from '../../app/session.ts';

export const levelLabels: Record<AccessLevel, string> = { view: 'Can view', edit: 'Can edit' };

/** One line of a case type's default sharing: `team:<id>` or `organisation:<id>`, and the level. */
export interface Share {
  target: string;
  level: AccessLevel;
}

export interface SharingChoice {
  value: string;
  label: string;
}

type SharingBody = NonNullable<z.infer<typeof updateLookupBody>['defaultSharing']>;

export function sharesOf(value: Lookup): Share[] {
  return (value.defaultSharing ?? []).map((s) => ({
    target: s.team ? `team:${s.team.id}` : `organisation:${s.organisation.id}`,
    level: s.level,
  }));
}

/**
 * The shares as one string in a fixed order, so that two forms of the same sharing compare equal
 * (the conflict view compares values, not arrays).
 */
export function encodeShares(shares: Share[]): string {
  return shares.map((s) => `${s.target}=${s.level}`).sort().join(',');
}

export function decodeShares(encoded: string): Share[] {
  if (!encoded) return [];
  return encoded.split(',').map((part) => {
    const [target = '', level] = part.split('=');
    return { target, level: level === 'edit' ? 'edit' : 'view' };
  });
}

export function sharingBody(shares: Share[]): SharingBody {
  return shares.map((s) => {
    const [kind, id = ''] = s.target.split(':');
    return kind === 'team' ? { teamId: id, level: s.level } : { organisationId: id, level: s.level };
  });
}

/** A case type's default sharing in words, e.g. "Tenancy team (Demo Housing): can edit". */
export function describeShares(value: Lookup): string {
  const shares = value.defaultSharing ?? [];
  if (shares.length === 0) return 'Not shared';
  return shares
    .map((s) => `${s.team ? `${s.team.name} (${s.organisation.name})` : `All of ${s.organisation.name}`}: ${levelLabels[s.level].toLowerCase()}`)
    .join('; ');
}

/** The teams and organisations of the admin's partnership that a case type can be shared with. */
export function useSharingChoices(enabled = true): { choices: SharingChoice[]; isPending: boolean } {
  const me = useMe();
  const partnershipId = me.partnership.id;
  const organisations = useOrganisations(partnershipId, enabled);
  const query = { partnershipId, limit: 200 };
  const teams = useQuery({
    queryKey: keys.teams(query),
    queryFn: () => get(withQuery('/teams', query), teamPage),
    enabled,
  });
  const choices: SharingChoice[] = [];
  for (const o of organisations.data?.items ?? []) {
    choices.push({ value: `organisation:${o.id}`, label: `All of ${o.name}` });
    for (const t of teams.data?.items ?? []) {
      if (t.organisation.id === o.id) choices.push({ value: `team:${t.id}`, label: `${t.name} (${o.name})` });
    }
  }
  return { choices, isPending: organisations.isPending || teams.isPending };
}

import type { Location, LocationSummary } from '../../../shared/api/locations.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { effectiveLevel } from '../../platform/access/records.ts';
import type { RecordOwner } from '../../platform/errors.ts';
import type * as q from './queries.ts';

type Owned = Pick<q.LocationSummaryRow, 'location' | 'teamName' | 'organisationId' | 'organisationName'>;

export function ownerOf(row: Owned): RecordOwner {
  return { team: { id: row.location.ownerTeamId, name: row.teamName }, organisation: { id: row.organisationId, name: row.organisationName } };
}

export function presentSummary(row: Owned): LocationSummary {
  const l = row.location;
  return {
    id: l.id,
    kind: l.kind,
    name: l.name,
    addressLine1: l.addressLine1,
    addressLine2: l.addressLine2,
    town: l.town,
    postcode: l.postcode,
    latitude: l.latitude,
    longitude: l.longitude,
    owner: ownerOf(row),
    updatedAt: l.updatedAt.toISOString(),
  };
}

export interface Links {
  cases: Location['cases'];
  profiles: Location['profiles'];
}

export function presentLocation(actor: Actor, row: q.LocationRow, links: Links): Location {
  const canEdit = effectiveLevel(actor, row.level) === 'edit';
  return {
    ...presentSummary(row),
    ...links,
    uprn: row.location.uprn,
    createdBy: row.location.createdBy && row.createdByName ? { id: row.location.createdBy, name: row.createdByName } : null,
    version: row.location.version,
    createdAt: row.location.createdAt.toISOString(),
    permissions: { canEdit, canShare: canEdit },
  };
}

export type MatchRow = Awaited<ReturnType<typeof q.matchingLocations>>[number];

/** A match you may not open still shows its address and owner, so you can ask for access rather than enter it again. */
export function presentMatch(row: MatchRow) {
  const l = row.location;
  return {
    location: { id: l.id, name: l.name, addressLine1: l.addressLine1, town: l.town, postcode: l.postcode },
    score: Math.round(row.score * 1000) / 1000,
    accessible: row.accessible,
    owner: ownerOf(row),
  };
}

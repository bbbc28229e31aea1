import type { Location, LocationPerson, LocationSummary } from '../../../shared/api/locations.ts';
import type { PersonSafety } from '../../../shared/api/profiles.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { effectiveLevel } from '../../platform/access/records.ts';
import type { RecordOwner } from '../../platform/errors.ts';
import { londonToday } from '../../platform/london.ts';
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

/** Living there now: moved in by today (or no date known) and not moved out before today. */
const livesThere = (a: { fromDate: string | null; toDate: string | null }, today: string) =>
  (a.fromDate === null || a.fromDate <= today) && (a.toDate === null || a.toDate >= today);

/**
 * The people at a location as this reader may see them: `safety` holds those they may open (as
 * `safetyOf` gives it), and everyone else is a stub. Those living there now come first; within
 * each group the people the reader may open keep the order of their dates, and the stubs follow
 * in an order that says nothing of theirs.
 */
export function presentPeople(rows: q.PersonAtRow[], safety: Map<string, PersonSafety>, today = londonToday()): LocationPerson[] {
  const people = rows.map((r): LocationPerson => {
    const current = livesThere(r, today);
    const seen = safety.get(r.profileId);
    if (!seen) {
      const owner = { team: { id: r.ownerTeamId, name: r.teamName }, organisation: { id: r.organisationId, name: r.organisationName } };
      return { accessible: false, addressId: r.addressId, profileId: r.profileId, current, owner };
    }
    return {
      accessible: true, addressId: r.addressId, profileId: r.profileId, firstName: r.firstName, lastName: r.lastName,
      current, fromDate: r.fromDate, toDate: r.toDate, safety: seen,
    };
  });
  const group = (p: LocationPerson) => (p.current ? 0 : 2) + (p.accessible ? 0 : 1);
  return people.sort((a, b) => group(a) - group(b) || (a.accessible ? 0 : a.addressId.localeCompare(b.addressId)));
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

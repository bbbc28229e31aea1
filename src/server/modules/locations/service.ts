import type { z } from 'zod';
import type { createLocationBody, locationListQuery, locationMatchQuery, updateLocationBody } from '../../../shared/api/locations.ts';
import type { listQuery } from '../../../shared/api/common.ts';
import { checkRecord, type AccessFacts, type Checked } from '../../platform/access/check.ts';
import { diff } from '../../platform/audit/diff.ts';
import { recordHistory } from '../../platform/audit/history.ts';
import type { Context } from '../../platform/context.ts';
import { decodeCursor, pageOf } from '../../platform/cursor.ts';
import { ConflictError, staleVersion, ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { safetyOf } from '../profiles/safety.ts';
import { presentLocation, presentMatch, presentPeople, presentSummary } from './present.ts';
import * as q from './queries.ts';

const auditedFields = ['kind', 'name', 'addressLine1', 'addressLine2', 'town', 'postcode', 'latitude', 'longitude', 'uprn'] as const;
/** What a person's address is matched on: a change to any of them may bring more people to the location. */
const matchedFields = ['name', 'addressLine1', 'postcode', 'uprn'] as const;
const matchLimit = 10;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const badCursor = () => new ValidationError([{ field: 'cursor', problem: 'is not a cursor from this list' }]);

const subject = (row: q.LocationRow) => ({
  entityType: 'location' as const,
  entityId: row.location.id,
  subjectOrganisationId: row.organisationId,
  subjectTeamId: row.location.ownerTeamId,
});

/** A point on the map needs both halves; half a coordinate is a mistake, not a place. */
function coordinateProblems(v: { latitude: number | null; longitude: number | null }): FieldProblem[] {
  if ((v.latitude === null) === (v.longitude === null)) return [];
  return v.latitude === null
    ? [{ field: 'latitude', problem: 'must be given with longitude (or leave both out)' }]
    : [{ field: 'longitude', problem: 'must be given with latitude (or leave both out)' }];
}

function valuesOf(l: q.LocationValues): q.LocationValues {
  return { kind: l.kind, name: l.name, addressLine1: l.addressLine1, addressLine2: l.addressLine2, town: l.town, postcode: l.postcode, latitude: l.latitude, longitude: l.longitude, uprn: l.uprn };
}

/** What the one record check needs of a location row. */
const locationFacts = (row: q.LocationRow): AccessFacts => ({
  id: row.location.id,
  partnershipId: row.location.partnershipId,
  level: row.level,
  ownerTeamId: row.location.ownerTeamId,
  ownerTeamName: row.teamName,
  ownerOrganisationId: row.organisationId,
  ownerOrganisationName: row.organisationName,
});

/** Outside the partnership a location does not exist; inside it without access, the owner is named. */
async function load(ctx: Context, id: string): Promise<Checked<q.LocationRow>> {
  return checkRecord(ctx, 'open', 'location', await q.getLocation(ctx.tx, ctx.actor, id), locationFacts);
}

async function loadEditable(ctx: Context, id: string): Promise<Checked<q.LocationRow>> {
  return checkRecord(ctx, 'edit', 'location', await q.getLocation(ctx.tx, ctx.actor, id), locationFacts);
}

async function presented(ctx: Context, row: Checked<q.LocationRow>) {
  const cases = await q.linkedCases(ctx.tx, ctx.actor, row.location.id);
  const people = await q.peopleAt(ctx.tx, ctx.actor, row.location.id);
  const safety = await safetyOf(ctx, people.map((p) => p.profileId));
  return presentLocation(ctx.actor, row, { cases, profiles: presentPeople(people, safety) });
}

async function announce(ctx: Context, row: q.LocationRow) {
  const list = await q.audienceOf(ctx.tx, row.location.id);
  ctx.emit({
    type: 'location.changed',
    audience: {
      teamIds: [row.location.ownerTeamId, ...list.flatMap((e) => (e.teamId ? [e.teamId] : []))],
      organisationIds: list.flatMap((e) => (e.organisationId ? [e.organisationId] : [])),
    },
    data: { id: row.location.id },
  });
}

/**
 * Links the people already recorded at the location's address, whoever can open them: a link
 * follows from the address, and the location's page shows each person only as the reader may see them.
 */
async function linkPeopleAt(ctx: Context, row: q.LocationRow) {
  const profileIds = await q.linkAddressesTo(ctx.tx, row.location);
  if (profileIds.length > 0) ctx.audit({ action: 'location.people_linked', ...subject(row), details: { profileIds, linkedBy: 'location_address' } });
}

/**
 * Links the person's addresses that have no location to the partnership's location at the same
 * address, whether or not the actor may open it, for the same reason; `linkedBefore` are the
 * locations their addresses were linked to before the change. Each location that gained the
 * person records it, and each that gained or lost them tells those who can open it.
 */
export async function linkAddressesOf(ctx: Context, profileId: string, linkedBefore: readonly string[]) {
  await q.linkAddressesOf(ctx.tx, ctx.actor.partnershipId, profileId);
  const linked = await q.locationIdsOf(ctx.tx, profileId);
  const gained = linked.filter((id) => !linkedBefore.includes(id));
  const changed = new Set([...gained, ...linkedBefore.filter((id) => !linked.includes(id))]);
  for (const id of changed) {
    const row = await q.getLocation(ctx.tx, ctx.actor, id);
    if (!row) continue;
    if (gained.includes(id)) ctx.audit({ action: 'location.people_linked', ...subject(row), details: { profileIds: [profileId], linkedBy: 'person_address' } });
    await announce(ctx, row);
  }
}

/** Records the location with the actor's team as owner, unless it looks like one already on the record. */
export async function create(ctx: Context, body: z.infer<typeof createLocationBody>) {
  const values: q.LocationValues = {
    kind: body.kind,
    name: body.name ?? null,
    addressLine1: body.addressLine1,
    addressLine2: body.addressLine2 ?? null,
    town: body.town ?? null,
    postcode: body.postcode,
    latitude: body.latitude ?? null,
    longitude: body.longitude ?? null,
    uprn: body.uprn ?? null,
  };
  const problems = coordinateProblems(values);
  if (problems.length > 0) throw new ValidationError(problems);
  if (body.confirmNoDuplicate !== true) {
    const duplicates = await q.possibleDuplicates(ctx.tx, ctx.actor, values.postcode, values.addressLine1);
    if (duplicates.length > 0) {
      throw new ConflictError(
        'This address may already be on the record. Use the existing location, or confirm that this is a different place.',
        'possible_duplicate',
        duplicates.map(presentMatch),
      );
    }
  }
  const id = await q.insertLocation(ctx.tx, {
    ...values,
    partnershipId: ctx.actor.partnershipId,
    ownerTeamId: ctx.actor.teamId,
    createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
  });
  const row = await load(ctx, id);
  ctx.audit({ action: 'location.created', ...subject(row), changes: diff(null, valuesOf(row.location), auditedFields) });
  ctx.hook('location.created', row.location.id);
  await linkPeopleAt(ctx, row);
  await announce(ctx, row);
  return presented(ctx, row);
}

/** "Entering an address shows existing matching locations first", including ones the actor must ask for. */
export async function matches(ctx: Context, query: z.infer<typeof locationMatchQuery>) {
  const rows = query.addressLine1 || query.postcode ? await q.matchingLocations(ctx.tx, ctx.actor, query, matchLimit) : [];
  ctx.audit({ action: 'locations.matched', details: { addressLine1: query.addressLine1 ?? null, postcode: query.postcode ?? null, resultCount: rows.length } });
  return { items: rows.map(presentMatch) };
}

export async function get(ctx: Context, id: string) {
  const row = await load(ctx, id);
  const location = await presented(ctx, row);
  ctx.audit({ action: 'location.viewed', ...subject(row), details: { profileIds: [...new Set(location.profiles.map((p) => p.profileId))] } });
  return location;
}

export async function list(ctx: Context, query: z.infer<typeof locationListQuery>) {
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor && !uuidPattern.test(String(cursor[1]))) throw badCursor();
  const rows = await q.listLocations(ctx.tx, ctx.actor, { scope: query.scope, kind: query.kind, q: query.q || undefined, cursor, limit: query.limit });
  const page = pageOf(rows, query.limit, presentSummary, (r) => [r.location.postcode.replace(' ', ''), r.location.id]);
  ctx.audit({ action: 'locations.listed', details: { scope: query.scope, kind: query.kind ?? null, q: query.q ?? null, resultCount: page.items.length } });
  return page;
}

export async function update(ctx: Context, id: string, body: z.infer<typeof updateLocationBody>) {
  const current = await loadEditable(ctx, id);
  const { version, ...patch } = body;
  const before = valuesOf(current.location);
  const after: q.LocationValues = {
    kind: patch.kind ?? before.kind,
    name: patch.name === undefined ? before.name : patch.name,
    addressLine1: patch.addressLine1 ?? before.addressLine1,
    addressLine2: patch.addressLine2 === undefined ? before.addressLine2 : patch.addressLine2,
    town: patch.town === undefined ? before.town : patch.town,
    postcode: patch.postcode ?? before.postcode,
    latitude: patch.latitude === undefined ? before.latitude : patch.latitude,
    longitude: patch.longitude === undefined ? before.longitude : patch.longitude,
    uprn: patch.uprn === undefined ? before.uprn : patch.uprn,
  };
  const problems = coordinateProblems(after);
  if (problems.length > 0) throw new ValidationError(problems);
  if (!(await q.updateLocation(ctx.tx, id, version, after))) throw staleVersion(await presented(ctx, current));
  const updated = await load(ctx, id);
  const changes = diff(before, valuesOf(updated.location), auditedFields);
  ctx.audit({ action: 'location.updated', ...subject(updated), changes });
  ctx.hook('location.changed', updated.location.id);
  if (matchedFields.some((field) => field in changes)) await linkPeopleAt(ctx, updated);
  await announce(ctx, updated);
  return presented(ctx, updated);
}

export async function history(ctx: Context, id: string, query: z.infer<typeof listQuery>) {
  const row = await load(ctx, id);
  const page = await recordHistory(ctx.tx, ctx.actor, 'location', row.location.id, query);
  ctx.audit({ action: 'location.history_viewed', ...subject(row) });
  return page;
}

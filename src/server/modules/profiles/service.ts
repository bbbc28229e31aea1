import type { z } from 'zod';
import type { createProfileBody, Profile, profileListQuery, updateProfileBody } from '../../../shared/api/profiles.ts';
import { mayEverEdit } from '../../platform/access/records.ts';
import { diff } from '../../platform/audit/diff.ts';
import { checkRecord } from '../../platform/access/check.ts';
import { readAuditParams } from '../../platform/audit/write.ts';
import type { Context, ReadContext } from '../../platform/context.ts';
import { decodeCursor, pageOf } from '../../platform/cursor.ts';
import { ConflictError, ForbiddenError, NotFoundError, staleVersion, ValidationError } from '../../platform/errors.ts';
import { linkAddressesOf } from '../locations/service.ts';
import { announce, editableProfile, maxRedirects, presentFull, profileFacts, reload, subjectOf } from './access.ts';
import { resolveProfileInput, type ProfileValues } from './input.ts';
import { findMatches, likelyMatchScore } from './matches/service.ts';
import { auditedFields, auditView, presentProfile, presentSummary } from './present.ts';
import * as q from './queries.ts';

export { findMatches } from './matches/service.ts';

export type CreateProfileBody = z.infer<typeof createProfileBody>;

/**
 * Writes the name, alias, lookup and address sets a body gave; the ones it left out stay. New
 * addresses are linked to the location at the same address, if the partnership has recorded one.
 */
async function writeSets(ctx: Context, profile: { id: string; partnershipId: string }, values: ProfileValues, name: q.PersonName | null) {
  if (name) await q.replaceNames(ctx.tx, profile, 'name', [name]);
  if (values.aliases) await q.replaceNames(ctx.tx, profile, 'alias', values.aliases);
  if (values.vulnerabilityIds) await q.replaceVulnerabilities(ctx.tx, profile.id, values.vulnerabilityIds);
  if (values.warningMarkerIds) await q.replaceWarningMarkers(ctx.tx, profile.id, values.warningMarkerIds);
  if (values.addresses) {
    const linkedBefore = await q.addressLocationIds(ctx.tx, profile.id);
    await q.replaceAddresses(ctx.tx, profile.id, values.addresses);
    await linkAddressesOf(ctx, profile.id, linkedBefore);
  }
}

/**
 * Creates one profile, owned by the actor's team, inside the caller's context: audited, and
 * announced to the owning team. With `checkDuplicates`, likely matches already on the record stop
 * it with 409 `possible_duplicate` (listing them) unless the body confirms there is none; the
 * bulk importer does its own matching and passes false.
 */
export async function createProfileRecord(ctx: Context, body: CreateProfileBody, options: { checkDuplicates: boolean }): Promise<Profile> {
  if (!mayEverEdit(ctx.actor)) throw new ForbiddenError('You can view profiles but not create them.');
  const values = await resolveProfileInput(ctx, body, null);
  if (options.checkDuplicates && !body.confirmNoDuplicate) {
    const likely = (await findMatches(ctx, { firstName: body.firstName, lastName: body.lastName, dateOfBirth: body.dateOfBirth ?? undefined }))
      .filter((m) => m.score >= likelyMatchScore);
    if (likely.length > 0) {
      ctx.refuse({ action: 'profile.created', details: { code: 'possible_duplicate', shown: likely.map((m) => m.profile.id) } });
      throw new ConflictError('This person may already be on the record. Check the matches, then confirm to create a new profile.', 'possible_duplicate', likely);
    }
  }
  const partnershipId = ctx.actor.partnershipId;
  const id = await q.insertProfile(ctx.tx, {
    partnershipId,
    ownerTeamId: ctx.actor.teamId,
    createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    firstName: body.firstName,
    lastName: body.lastName,
    reasonCreated: body.reasonCreated,
    ...values.columns,
  });
  await writeSets(ctx, { id, partnershipId }, values, { firstName: body.firstName, lastName: body.lastName });
  if (values.columns.riskLevel) await q.keepRiskLevelChange(ctx.tx, ctx.actor, { profileId: id, from: null, to: values.columns.riskLevel });
  const row = await reload(ctx, id);
  const profile = await presentFull(ctx, row);
  ctx.audit({ action: 'profile.created', ...subjectOf(row), reason: body.reasonCreated, changes: diff(null, auditView(profile), auditedFields) });
  ctx.hook('profile.created', row.profile.id);
  await announce(ctx, row);
  return profile;
}

export async function createProfile(ctx: Context, body: CreateProfileBody): Promise<Profile> {
  return createProfileRecord(ctx, body, { checkDuplicates: true });
}

/**
 * Every opening of a person's record is audited, by the one statement that reads the page; a
 * merged profile answers as its survivor, read (and audited) by one more statement per merge.
 */
export async function getProfile(ctx: ReadContext, id: string): Promise<Profile> {
  const read = (profileId: string, redirectedFrom: string | null) => q.profilePage(ctx.db, ctx.actor, profileId,
    readAuditParams(ctx.actor, ctx.origin, { action: 'profile.viewed', entityType: 'profile', entityId: profileId, details: redirectedFrom ? { redirectedFrom } : null }));
  let page = await read(id, null);
  for (let hops = 0; page?.row.profile.mergedIntoId && hops < maxRedirects; hops++) page = await read(page.row.profile.mergedIntoId, id);
  if (!page || page.row.profile.partnershipId !== ctx.actor.partnershipId || page.row.profile.mergedIntoId) throw new NotFoundError('profile');
  const profile = presentProfile(ctx.actor, checkRecord(ctx, 'open', 'profile', page.row, profileFacts), page.parts);
  return page.row.profile.id === id ? profile : { ...profile, redirectedFrom: id };
}

export async function updateProfile(ctx: Context, id: string, body: z.infer<typeof updateProfileBody>): Promise<Profile> {
  const { version, ...fields } = body;
  const current = await editableProfile(ctx, id);
  const before = await presentFull(ctx, current);
  if (current.profile.version !== version) throw staleVersion(before);
  const values = await resolveProfileInput(ctx, fields, current.profile);
  if (!(await q.updateProfile(ctx.tx, id, version, values.columns))) throw staleVersion(await presentFull(ctx, await reload(ctx, id)));
  const name = fields.firstName !== undefined || fields.lastName !== undefined
    ? { firstName: fields.firstName ?? current.profile.firstName, lastName: fields.lastName ?? current.profile.lastName }
    : null;
  await writeSets(ctx, current.profile, values, name);
  const row = await reload(ctx, id);
  if (row.profile.riskLevel !== current.profile.riskLevel) {
    await q.keepRiskLevelChange(ctx.tx, ctx.actor, { profileId: id, from: current.profile.riskLevel, to: row.profile.riskLevel });
  }
  const after = await presentFull(ctx, row);
  ctx.audit({ action: 'profile.updated', ...subjectOf(row), changes: diff(auditView(before), auditView(after), auditedFields) });
  ctx.hook('profile.changed', row.profile.id);
  await announce(ctx, row);
  return after;
}

const isoMicros = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A page of the profiles the actor can open, not audited: the caller records the read (the home page's panels). */
export async function findProfiles(ctx: Context, query: z.infer<typeof profileListQuery>) {
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor && !(isoMicros.test(String(cursor[0])) && uuidPattern.test(String(cursor[1])))) {
    throw new ValidationError([{ field: 'cursor', problem: 'is not a cursor from this list' }]);
  }
  const rows = await q.listProfiles(ctx.tx, ctx.actor, { scope: query.scope, role: query.role, riskLevel: query.riskLevel, q: query.q || undefined, cursor, limit: query.limit });
  const shown = rows.slice(0, query.limit);
  const markers = await q.warningMarkersOf(ctx.tx, shown.map((r) => r.profile.id));
  return pageOf(rows, query.limit, (r) => presentSummary(r, markers.filter((m) => m.profileId === r.profile.id)), (r) => [r.cursorAt, r.profile.id]);
}

/** The profiles the actor can open; one audit row per page, with how many people it showed. */
export async function listProfiles(ctx: Context, query: z.infer<typeof profileListQuery>) {
  const page = await findProfiles(ctx, query);
  ctx.audit({
    action: 'profiles.listed',
    details: { count: page.items.length, scope: query.scope, role: query.role ?? null, riskLevel: query.riskLevel ?? null, q: query.q || null },
  });
  return page;
}

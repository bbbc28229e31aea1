import type { z } from 'zod';
import type { createLookupBody, Lookup, lookupQuery, updateLookupBody } from '../../../shared/api/records.ts';
import type { AccessLevel, LookupList } from '../../../shared/records.ts';
import { slug } from '../../db/seed/lookup-defaults.ts';
import { canManagePartnershipLists } from '../../platform/access/administration.ts';
import { diff } from '../../platform/audit/diff.ts';
import type { Context } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError, staleVersion, ValidationError, type FieldProblem } from '../../platform/errors.ts';
import * as q from './queries.ts';

export type { LookupRow } from './queries.ts';

/**
 * Turns what a caller sent for a lookup (its id, its key or its name, in any case) into the
 * partnership's value. A retired value is refused for new use; `field` names the input in the
 * validation error.
 */
export async function resolveLookup(ctx: Context, list: LookupList, input: string, field: string): Promise<q.LookupRow> {
  const [row] = await resolveLookups(ctx, list, [input], field);
  return row!;
}

export async function resolveLookups(ctx: Context, list: LookupList, inputs: string[], field: string): Promise<q.LookupRow[]> {
  if (inputs.length === 0) return [];
  const rows = await q.findByAnyName(ctx.tx, ctx.actor.partnershipId, list, inputs);
  const found: q.LookupRow[] = [];
  const problems: { field: string; problem: string }[] = [];
  inputs.forEach((input, index) => {
    const lower = input.toLowerCase();
    const row = rows.find((r) => r.id === input || r.key === lower || r.name.toLowerCase() === lower);
    const where = inputs.length > 1 || field.endsWith('s') ? `${field}.${index}` : field;
    if (!row) problems.push({ field: where, problem: `"${input}" is not one of the values in this list` });
    else if (!row.active) problems.push({ field: where, problem: `"${row.name}" has been retired and cannot be used any more` });
    else if (!found.some((f) => f.id === row.id)) found.push(row);
  });
  if (problems.length > 0) throw new ValidationError(problems);
  return found;
}

/** For filters: a retired value still finds the records that use it. */
export async function findLookupForFilter(ctx: Context, list: LookupList, input: string, field: string): Promise<q.LookupRow> {
  const lower = input.toLowerCase();
  const rows = await q.findByAnyName(ctx.tx, ctx.actor.partnershipId, list, [input]);
  const row = rows.find((r) => r.id === input || r.key === lower || r.name.toLowerCase() === lower);
  if (!row) throw new ValidationError([{ field, problem: `"${input}" is not one of the values in this list` }]);
  return row;
}

export interface DefaultShare {
  teamId: string | null;
  organisationId: string | null;
  level: AccessLevel;
}

/** Who every new case of the type is shared with, as access list entries. */
export async function caseTypeDefaultSharing(ctx: Context, caseTypeId: string): Promise<DefaultShare[]> {
  const rows = await q.defaultSharingOf(ctx.tx, [caseTypeId]);
  return rows.map((r) => ({ teamId: r.teamId, organisationId: r.teamId ? null : r.organisationId, level: r.level }));
}

function present(row: q.LookupRow, sharing: q.SharingRow[]): Lookup {
  return {
    id: row.id,
    list: row.list,
    key: row.key,
    name: row.name,
    groupName: row.groupName,
    code: row.code,
    position: row.position,
    active: row.active,
    version: row.version,
    ...(row.list === 'case_type'
      ? {
        defaultSharing: sharing
          .filter((s) => s.caseTypeId === row.id)
          .map((s) => ({
            team: s.teamId ? { id: s.teamId, name: s.teamName! } : null,
            organisation: { id: s.organisationId, name: s.organisationName },
            level: s.level,
          })),
      }
      : {}),
  };
}

async function presentOne(ctx: Context, row: q.LookupRow): Promise<Lookup> {
  return present(row, row.list === 'case_type' ? await q.defaultSharingOf(ctx.tx, [row.id]) : []);
}

/** What the audit trail keeps of a value: its fields and, for a case type, who it shares with. */
function audited(value: Lookup) {
  return {
    ...value,
    defaultSharing: value.defaultSharing?.map((s) => `${s.team ? `${s.organisation.name} / ${s.team.name}` : s.organisation.name}: ${s.level}`),
  };
}
const auditedFields = ['list', 'key', 'name', 'groupName', 'code', 'position', 'active', 'defaultSharing'] as const;

/**
 * The lists are the whole partnership's: a value added, renamed or retired, or a case type's
 * default sharing (which decides who sees every agency's new cases), reaches every agency, so
 * they are kept by the partnership's system administrators, not one organisation's.
 */
function requireListKeeper(ctx: Context, partnershipId: string) {
  if (canManagePartnershipLists(ctx.actor, partnershipId)) return;
  throw new ForbiddenError('Only the partnership\'s system administrators can change its lists.');
}

type SharingInput = NonNullable<z.infer<typeof createLookupBody>['defaultSharing']>;

/** Default sharing may only name teams and organisations of the value's own partnership, once each. */
async function checkSharing(ctx: Context, partnershipId: string, input: SharingInput): Promise<q.SharingTarget[]> {
  const targets = input.map((s) => ({ teamId: 'teamId' in s ? s.teamId : null, organisationId: 'organisationId' in s ? s.organisationId : null, level: s.level }));
  const teamIds = new Set(await q.teamsInPartnership(ctx.tx, partnershipId, targets.flatMap((t) => (t.teamId ? [t.teamId] : []))));
  const organisationIds = new Set(await q.organisationsInPartnership(ctx.tx, partnershipId, targets.flatMap((t) => (t.organisationId ? [t.organisationId] : []))));
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  targets.forEach((t, index) => {
    const target = t.teamId ?? t.organisationId!;
    const field = `defaultSharing.${index}.${t.teamId ? 'teamId' : 'organisationId'}`;
    if (t.teamId && !teamIds.has(t.teamId)) problems.push({ field, problem: 'is not a team of this partnership' });
    else if (t.organisationId && !organisationIds.has(t.organisationId)) problems.push({ field, problem: 'is not an organisation of this partnership' });
    else if (seen.has(target)) problems.push({ field, problem: 'is listed more than once' });
    seen.add(target);
  });
  if (problems.length > 0) throw new ValidationError(problems);
  return targets;
}

/** Only case types give references a code and share new records. */
function checkCaseTypeOnly(list: LookupList, body: { code?: string | null; defaultSharing?: unknown[] }) {
  if (list === 'case_type') return;
  const problems: FieldProblem[] = [];
  if (body.code) problems.push({ field: 'code', problem: 'is only for case types' });
  if (body.defaultSharing?.length) problems.push({ field: 'defaultSharing', problem: 'is only for case types' });
  if (problems.length > 0) throw new ValidationError(problems);
}

async function requireFreeName(ctx: Context, partnershipId: string, list: LookupList, name: string, exceptId?: string) {
  const clash = await q.nameTaken(ctx.tx, partnershipId, list, name, exceptId);
  if (clash) {
    throw new ValidationError([{ field: 'name', problem: clash.active ? 'is already a value in this list' : 'is a retired value in this list: make that one active again instead' }]);
  }
}

/** The key given, or one made from the name; a made one takes a number when the plain one is used. */
async function chooseKey(ctx: Context, list: LookupList, name: string, given: string | undefined): Promise<string> {
  const partnershipId = ctx.actor.partnershipId;
  if (given) {
    if ((await q.keysLike(ctx.tx, partnershipId, list, given)).includes(given)) throw new ValidationError([{ field: 'key', problem: 'is already used by another value in this list' }]);
    return given;
  }
  const stem = slug(name).replace(/^-+|-+$/g, '').slice(0, 55).replace(/-+$/, '') || 'value';
  const used = new Set(await q.keysLike(ctx.tx, partnershipId, list, stem));
  let key = stem;
  for (let n = 2; used.has(key); n++) key = `${stem}-${n}`;
  return key;
}

const lookupAudience = (partnershipId: string) => ({ partnershipIds: [partnershipId] });

export async function listLookups(ctx: Context, query: z.infer<typeof lookupQuery>) {
  const rows = await q.listLookups(ctx.tx, ctx.actor.partnershipId, query.list, query.includeRetired);
  const sharing = await q.defaultSharingOf(ctx.tx, rows.filter((r) => r.list === 'case_type').map((r) => r.id));
  return { items: rows.map((row) => present(row, sharing)) };
}

/** The partnership's system administrators add to its lists. */
export async function createLookup(ctx: Context, body: z.infer<typeof createLookupBody>) {
  const partnershipId = ctx.actor.partnershipId;
  requireListKeeper(ctx, partnershipId);
  checkCaseTypeOnly(body.list, body);
  await requireFreeName(ctx, partnershipId, body.list, body.name);
  const key = await chooseKey(ctx, body.list, body.name, body.key);
  const sharing = body.defaultSharing ? await checkSharing(ctx, partnershipId, body.defaultSharing) : [];
  const row = await q.insertLookup(ctx.tx, {
    partnershipId,
    list: body.list,
    key,
    name: body.name,
    groupName: body.groupName ?? null,
    code: body.code ?? null,
    position: await q.nextPosition(ctx.tx, partnershipId, body.list),
  });
  await q.replaceDefaultSharing(ctx.tx, row.id, sharing);
  const created = await presentOne(ctx, row);
  ctx.audit({ action: 'lookup.created', entityType: 'lookup', entityId: row.id, changes: diff(null, audited(created), auditedFields) });
  ctx.emit({ type: 'lookup.changed', audience: lookupAudience(partnershipId), data: { id: row.id, list: row.list } });
  return created;
}

/** Renames, reorders, retires (`active: false`) or brings back a value; values are never deleted. */
export async function updateLookup(ctx: Context, id: string, body: z.infer<typeof updateLookupBody>) {
  const current = await q.getLookup(ctx.tx, id);
  if (!current || current.partnershipId !== ctx.actor.partnershipId) throw new NotFoundError('lookup value');
  requireListKeeper(ctx, current.partnershipId);
  checkCaseTypeOnly(current.list, body);
  if (body.name !== undefined) await requireFreeName(ctx, current.partnershipId, current.list, body.name, id);
  const sharing = body.defaultSharing ? await checkSharing(ctx, current.partnershipId, body.defaultSharing) : null;
  const before = await presentOne(ctx, current);
  const { version, defaultSharing: _sharing, ...patch } = body;
  const updated = await q.updateLookup(ctx.tx, id, version, patch);
  if (!updated) throw staleVersion(before);
  if (sharing) await q.replaceDefaultSharing(ctx.tx, id, sharing);
  const after = await presentOne(ctx, updated);
  ctx.audit({ action: 'lookup.updated', entityType: 'lookup', entityId: id, changes: diff(audited(before), audited(after), auditedFields) });
  ctx.emit({ type: 'lookup.changed', audience: lookupAudience(current.partnershipId), data: { id, list: current.list } });
  return after;
}

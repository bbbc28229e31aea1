import type { z } from 'zod';
import type { AccessList, shareBody, unshareBody } from '../../../shared/api/records.ts';
import type { AccessLevel, RecordKind } from '../../../shared/records.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { effectiveLevel } from '../../platform/access/records.ts';
import type { Context } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { audienceOf, editableRecord, ownerOf, subjectOf, viewableRecord, type SharedRecord } from './record-access.ts';
import * as q from './queries.ts';

interface ResolvedTarget {
  target: q.Target;
  field: 'teamId' | 'organisationId';
  /** For the audit trail and the event: who the change is about, by name. */
  described: { team: { id: string; name: string } } | { organisation: { id: string; name: string } };
  audience: { teamIds: string[] } | { organisationIds: string[] };
}

function presentAccessList(actor: Actor, record: SharedRecord, entries: q.AccessEntryRow[]): AccessList {
  const canEdit = effectiveLevel(actor, record.level) === 'edit';
  return {
    owner: ownerOf(record),
    entries: entries.map((e) => ({
      id: e.id,
      // A person's own grant (breaking the glass) names them, with their team and organisation.
      team: e.teamId ? { id: e.teamId, name: e.teamName ?? '' } : e.userTeamId ? { id: e.userTeamId, name: e.teamName ?? '' } : null,
      organisation: { id: e.organisationId, name: e.organisationName },
      user: e.userId ? { id: e.userId, name: e.userName ?? '' } : null,
      level: e.level,
      grantedBy: e.grantedById ? { id: e.grantedById, name: e.grantedByName ?? '' } : null,
      grantedAt: e.grantedAt.toISOString(),
      source: e.source,
      expiresAt: e.expiresAt?.toISOString() ?? null,
    })),
    sharedOnlyWithinOwner: entries.every((e) => e.organisationId === record.ownerOrganisationId),
    permissions: { canEdit, canShare: canEdit },
  };
}

/** The team or organisation named in the body, if it is one of the partnership's; never another partnership's. */
async function resolveTarget(ctx: Context, record: SharedRecord, body: { teamId: string } | { organisationId: string }): Promise<ResolvedTarget> {
  if ('teamId' in body) {
    const team = await q.findTeam(ctx.tx, ctx.actor.partnershipId, body.teamId);
    if (!team) throw new ValidationError([{ field: 'teamId', problem: 'is not a team of this partnership' }]);
    if (team.id === record.ownerTeamId) throw new ValidationError([{ field: 'teamId', problem: 'is the owning team, which always has edit' }]);
    return { target: { teamId: team.id }, field: 'teamId', described: { team: { id: team.id, name: team.name } }, audience: { teamIds: [team.id] } };
  }
  const organisation = await q.findOrganisation(ctx.tx, ctx.actor.partnershipId, body.organisationId);
  if (!organisation) throw new ValidationError([{ field: 'organisationId', problem: 'is not an organisation of this partnership' }]);
  return {
    target: { organisationId: organisation.id },
    field: 'organisationId',
    described: { organisation: { id: organisation.id, name: organisation.name } },
    audience: { organisationIds: [organisation.id] },
  };
}

/** Tells everyone who could or now can open the record, and the team or organisation whose access changed. */
async function announce(ctx: Context, record: SharedRecord, target: ResolvedTarget, level: AccessLevel | null) {
  const audience = await audienceOf(ctx, record);
  if ('teamIds' in target.audience) audience.teamIds.push(...target.audience.teamIds);
  else audience.organisationIds.push(...target.audience.organisationIds);
  ctx.emit({ type: `${record.kind}.changed`, audience, data: { id: record.id } });
  ctx.emit({ type: 'access.changed', audience: target.audience, data: { kind: record.kind, id: record.id, level } });
}

async function currentList(ctx: Context, record: SharedRecord) {
  return presentAccessList(ctx.actor, record, await q.listEntries(ctx.tx, record.kind, record.id));
}

const grantor = (actor: Actor) => (actor.kind === 'user' ? actor.id : null);

export async function getAccessList(ctx: Context, kind: RecordKind, id: string): Promise<AccessList> {
  const record = await viewableRecord(ctx, kind, id);
  ctx.audit({ action: 'record.access_viewed', ...subjectOf(record) });
  return currentList(ctx, record);
}

/** Adds a team or organisation to the access list, or changes the level it has. */
export async function share(ctx: Context, kind: RecordKind, id: string, body: z.infer<typeof shareBody>): Promise<AccessList> {
  const record = await editableRecord(ctx, kind, id);
  const target = await resolveTarget(ctx, record, body);
  const existing = await q.findEntry(ctx.tx, kind, record.id, target.target);
  // An expired grant gives nothing: sharing again renews it. A grant that lapses by itself (a
  // panel's) becomes a share that lasts, so that taking the panel's grant back keeps the share.
  const before = existing?.liveLevel ?? null;
  if (before === body.level && existing?.expiresAt === null) return currentList(ctx, record);
  if (existing) await q.updateEntryLevel(ctx.tx, kind, existing.id, body.level, grantor(ctx.actor));
  else await q.insertEntry(ctx.tx, kind, { recordId: record.id, target: target.target, level: body.level, grantedBy: grantor(ctx.actor) });
  ctx.audit({
    action: 'record.shared',
    ...subjectOf(record),
    changes: { level: { before, after: body.level } },
    details: { target: target.described, level: body.level, before },
  });
  await announce(ctx, record, target, body.level);
  return currentList(ctx, record);
}

export async function unshare(ctx: Context, kind: RecordKind, id: string, body: z.infer<typeof unshareBody>): Promise<AccessList> {
  const record = await editableRecord(ctx, kind, id);
  const target = await resolveTarget(ctx, record, body);
  const existing = await q.findEntry(ctx.tx, kind, record.id, target.target);
  if (!existing) throw new ValidationError([{ field: target.field, problem: 'is not on the access list' }], `This ${kind} is not shared with them.`);
  await q.deleteEntry(ctx.tx, kind, existing.id);
  ctx.audit({
    action: 'record.unshared',
    ...subjectOf(record),
    changes: { level: { before: existing.level, after: null } },
    details: { target: target.described, level: null, before: existing.level },
  });
  await announce(ctx, record, target, null);
  return currentList(ctx, record);
}

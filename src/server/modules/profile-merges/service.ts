import type { z } from 'zod';
import type { mergeProfilesBody } from '../../../shared/api/profiles.ts';
import { profileRoles, relationshipKinds, relationshipLabels, type AccessLevel } from '../../../shared/records.ts';
import { checkRecord, subjectOf as accessSubject } from '../../platform/access/check.ts';
import { diff } from '../../platform/audit/diff.ts';
import type { Context } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { endAccessForMergedProfile } from '../portal/service.ts';
import * as q from './queries.ts';

/** Kinds that read the same from both sides: "sibling of" stored either way round is one relationship. */
const symmetricKinds = relationshipKinds.filter((k) => relationshipLabels[k].from === relationshipLabels[k].to);

type Target = { team: { id: string; name: string } } | { organisation: { id: string; name: string } };
export interface AccessGranted { target: Target; level: AccessLevel; before: AccessLevel | null }

const subjectOf = (p: q.MergeProfileRow) => accessSubject('profile', p);

/** Both profiles must be ones the actor can change; the duplicate is named in the body, so a bad one is a 422. */
async function lockBoth(ctx: Context, survivorId: string, duplicateId: string) {
  // Locked in id order, so two merges of the same pair wait for each other instead of deadlocking.
  const locked = new Map<string, q.MergeProfileRow | null>();
  for (const id of [survivorId, duplicateId].sort()) locked.set(id, await q.lockProfile(ctx.tx, ctx.actor, id));
  const inPartnership = (p: q.MergeProfileRow | null | undefined) => (p && p.partnershipId === ctx.actor.partnershipId ? p : null);
  const survivor = inPartnership(locked.get(survivorId));
  if (!survivor) throw new NotFoundError('profile');
  const duplicate = inPartnership(locked.get(duplicateId));
  if (!duplicate) throw new ValidationError([{ field: 'duplicateId', problem: 'is not a profile of this partnership' }]);
  for (const [profile, which] of [[survivor, 'profile'], [duplicate, 'duplicate profile']] as const) {
    checkRecord(ctx, 'edit', 'profile', profile, (p) => p, `the ${which}`);
    if (profile.mergedIntoId) throw new ConflictError(`The ${which} has already been merged into another profile.`, 'already_merged');
  }
  if (ctx.actor.role === 'team_admin' && survivor.ownerTeamId !== ctx.actor.teamId && duplicate.ownerTeamId !== ctx.actor.teamId) {
    throw new ForbiddenError('A team administrator can merge only where their team holds one of the two profiles.');
  }
  return { survivor, duplicate };
}

/**
 * The survivor gains the duplicate's access list (the higher level where both list a team or
 * organisation), and the duplicate's owning team gets edit: no one loses sight of the person.
 */
async function mergeAccess(ctx: Context, survivor: q.MergeProfileRow, duplicate: q.MergeProfileRow): Promise<AccessGranted[]> {
  const held = await q.accessEntries(ctx.tx, survivor.id);
  const wanted = [
    ...(await q.accessEntries(ctx.tx, duplicate.id)),
    { id: null, teamId: duplicate.ownerTeamId, organisationId: null, level: 'edit' as const, source: 'share' as const, expiresAt: null, name: duplicate.ownerTeamName },
  ];
  const granted: AccessGranted[] = [];
  for (const want of wanted) {
    if (want.teamId === survivor.ownerTeamId) continue;
    const target: Target = want.teamId ? { team: { id: want.teamId, name: want.name } } : { organisation: { id: want.organisationId!, name: want.name } };
    const existing = held.find((e) => (want.teamId ? e.teamId === want.teamId : e.organisationId === want.organisationId));
    if (!existing) {
      await q.insertAccess(ctx.tx, {
        recordId: survivor.id, teamId: want.teamId, organisationId: want.teamId ? null : want.organisationId, level: want.level, source: want.source, expiresAt: want.expiresAt, grantedBy: ctx.actor.id,
      });
      held.push({ ...want, id: '' });
      granted.push({ target, level: want.level, before: null });
    } else if (existing.level === 'view' && want.level === 'edit') {
      await q.raiseAccess(ctx.tx, existing.id, ctx.actor.id);
      existing.level = 'edit';
      granted.push({ target, level: 'edit', before: 'view' });
    }
  }
  return granted;
}

/** Folds a duplicate profile into the survivor in one transaction; links, history and access are kept. */
export async function mergeProfiles(ctx: Context, survivorId: string, body: z.infer<typeof mergeProfilesBody>) {
  if (body.duplicateId === survivorId) throw new ValidationError([{ field: 'duplicateId', problem: 'must be a different profile from the one it is merged into' }]);
  const { survivor, duplicate } = await lockBoth(ctx, survivorId, body.duplicateId);
  const tx = ctx.tx;

  const caseLinks = await q.moveCaseLinks(tx, survivor.id, duplicate.id);
  const addresses = await q.moveAddresses(tx, survivor.id, duplicate.id);
  const relationships = await q.moveRelationships(tx, survivor.id, duplicate.id, symmetricKinds);
  const warningMarkers = await q.mergeLookupSet(tx, 'profile_warning_markers', survivor.id, duplicate.id);
  const vulnerabilities = await q.mergeLookupSet(tx, 'profile_vulnerabilities', survivor.id, duplicate.id);
  const aliases = await q.moveNames(tx, survivor.id, duplicate.id);
  const work = await q.moveRecordWork(tx, survivor.id, duplicate.id);
  const access = await mergeAccess(ctx, survivor, duplicate);
  const roles = profileRoles.filter((r) => survivor.roles.includes(r) || duplicate.roles.includes(r));
  await endAccessForMergedProfile(ctx, duplicate.id);
  await q.finishMerge(tx, survivor.id, duplicate.id, roles, ctx.actor.id);

  const moved = {
    caseLinks,
    addresses,
    relationships,
    warningMarkers: warningMarkers.length,
    vulnerabilities: vulnerabilities.length,
    roles: roles.filter((r) => !survivor.roles.includes(r)),
    aliases,
    access,
    ...work,
  };
  const details = { survivorId: survivor.id, duplicateId: duplicate.id, warningMarkerIds: warningMarkers, vulnerabilityIds: vulnerabilities, moved };
  ctx.audit({ action: 'profile.merged', ...subjectOf(survivor), reason: body.reason, changes: diff({ roles: survivor.roles }, { roles }, ['roles']), details });
  ctx.audit({ action: 'profile.merged', ...subjectOf(duplicate), reason: body.reason, changes: { mergedIntoId: { before: null, after: survivor.id } }, details });
  for (const grant of access) ctx.audit({ action: 'record.shared', ...subjectOf(survivor), changes: { level: { before: grant.before, after: grant.level } }, details: { ...grant, mergedFrom: duplicate.id } });

  const lists = [...(await q.accessEntries(tx, survivor.id)), ...(await q.accessEntries(tx, duplicate.id))];
  const audience = {
    teamIds: [survivor.ownerTeamId, duplicate.ownerTeamId, ...lists.flatMap((e) => (e.teamId ? [e.teamId] : []))],
    organisationIds: lists.flatMap((e) => (e.organisationId ? [e.organisationId] : [])),
  };
  for (const id of [survivor.id, duplicate.id]) ctx.emit({ type: 'profile.changed', audience, data: { id } });
  for (const grant of access) {
    const to = 'team' in grant.target ? { teamIds: [grant.target.team.id] } : { organisationIds: [grant.target.organisation.id] };
    ctx.emit({ type: 'access.changed', audience: to, data: { kind: 'profile', id: survivor.id, level: grant.level } });
  }

  const after = await q.versions(tx, [survivor.id, duplicate.id]);
  const versionOf = (id: string) => after.find((v) => v.id === id)!.version;
  return { survivor: { id: survivor.id, version: versionOf(survivor.id) }, duplicate: { id: duplicate.id, version: versionOf(duplicate.id) }, moved };
}

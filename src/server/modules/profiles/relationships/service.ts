import type { z } from 'zod';
import type { createRelationshipBody, Relationship } from '../../../../shared/api/profiles.ts';
import { relationshipKinds, relationshipLabels, type RelationshipKind } from '../../../../shared/records.ts';
import type { Context } from '../../../platform/context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/errors.ts';
import { announce, editableProfile, subjectOf } from '../access.ts';
import { presentRelationship } from '../present.ts';
import { safetyOf } from '../safety.ts';
import * as profiles from '../queries.ts';
import * as q from './queries.ts';

/** Kinds that read the same from both sides ("Sibling of"): stored once, whichever way round. */
const twoWayKinds = new Set<RelationshipKind>(relationshipKinds.filter((k) => relationshipLabels[k].from === relationshipLabels[k].to));

/** Both profiles' histories show the link, each read from its own side. */
function auditBoth(ctx: Context, action: 'profile.relationship_added' | 'profile.relationship_removed', rel: q.RelationshipRow, a: profiles.ProfileRow, b: profiles.ProfileRow) {
  for (const [self, other] of [[a, b], [b, a]] as const) {
    const direction = rel.fromProfileId === self.profile.id ? 'from' : 'to';
    ctx.audit({
      action,
      ...subjectOf(self),
      details: { relationshipId: rel.id, kind: rel.kind, label: relationshipLabels[rel.kind][direction], otherProfileId: other.profile.id },
    });
  }
}

/**
 * Links two profiles of the partnership. The actor must be able to change this profile; of the
 * other they need only know it exists (a family member held by another agency can be linked).
 */
export async function addRelationship(ctx: Context, id: string, body: z.infer<typeof createRelationshipBody>): Promise<Relationship> {
  const row = await editableProfile(ctx, id);
  if (body.otherProfileId === row.profile.id) throw new ValidationError([{ field: 'otherProfileId', problem: 'must be another profile, not this one' }]);
  const other = await profiles.getProfile(ctx.tx, ctx.actor, body.otherProfileId);
  if (!other || other.profile.partnershipId !== ctx.actor.partnershipId) {
    throw new ValidationError([{ field: 'otherProfileId', problem: 'is not a profile on the shared record' }]);
  }
  if (other.profile.mergedIntoId) {
    throw new ValidationError([{ field: 'otherProfileId', problem: 'was merged into another profile: link that one instead' }]);
  }
  const [fromProfileId, toProfileId] = body.direction === 'from' ? [row.profile.id, other.profile.id] : [other.profile.id, row.profile.id];
  if (await q.relationshipExists(ctx.tx, fromProfileId, toProfileId, body.kind, twoWayKinds.has(body.kind))) {
    throw new ConflictError('These two profiles are already linked in this way.', 'relationship_exists');
  }
  const rel = await q.insertRelationship(ctx.tx, {
    fromProfileId,
    toProfileId,
    kind: body.kind,
    notes: body.notes || null,
    createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
  });
  auditBoth(ctx, 'profile.relationship_added', rel, row, other);
  await announce(ctx, row);
  await announce(ctx, other);
  const { id: otherId, firstName, lastName, dateOfBirth } = other.profile;
  const safety = (await safetyOf(ctx, [otherId])).get(otherId) ?? null;
  return presentRelationship(row.profile.id, rel, { id: otherId, firstName, lastName, dateOfBirth, accessible: other.level !== null, safety });
}

export async function removeRelationship(ctx: Context, id: string, relationshipId: string): Promise<void> {
  const row = await editableProfile(ctx, id);
  const rel = await q.getRelationshipOf(ctx.tx, row.profile.id, relationshipId);
  if (!rel) throw new NotFoundError('relationship');
  const other = await profiles.getProfile(ctx.tx, ctx.actor, rel.fromProfileId === row.profile.id ? rel.toProfileId : rel.fromProfileId);
  if (!other) throw new NotFoundError('profile');
  await q.deleteRelationship(ctx.tx, rel.id);
  auditBoth(ctx, 'profile.relationship_removed', rel, row, other);
  await announce(ctx, row);
  await announce(ctx, other);
}

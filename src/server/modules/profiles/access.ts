import type { Profile } from '../../../shared/api/profiles.ts';
import { checkRecord, type AccessFacts, type Checked } from '../../platform/access/check.ts';
import type { Context } from '../../platform/context.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import type { Audience } from '../../platform/events/types.ts';
import { tellInterested } from '../notifications/notify.ts';
import { presentProfile } from './present.ts';
import * as q from './queries.ts';

/** A chain of merges longer than this is a fault, not a redirect to follow. */
export const maxRedirects = 5;

export interface FoundProfile {
  row: q.ProfileRow;
  /** The id asked for, when it was merged into `row`. */
  redirectedFrom: string | null;
}

/** The audit subject: the profile, and the organisation and team whose administrators see what was done to it. */
export const subjectOf = (row: q.ProfileRow) => ({
  entityType: 'profile' as const,
  entityId: row.profile.id,
  subjectOrganisationId: row.ownerOrganisationId,
  subjectTeamId: row.profile.ownerTeamId,
});

/**
 * A profile of the actor's partnership, whatever their access: outside it, it does not exist.
 * A profile merged into another answers as the one it was merged into.
 */
export async function findProfile(ctx: Context, id: string): Promise<FoundProfile> {
  let row = await q.getProfile(ctx.tx, ctx.actor, id);
  for (let hops = 0; row?.profile.mergedIntoId && hops < maxRedirects; hops++) {
    row = await q.getProfile(ctx.tx, ctx.actor, row.profile.mergedIntoId);
  }
  if (!row || row.profile.partnershipId !== ctx.actor.partnershipId || row.profile.mergedIntoId) throw new NotFoundError('profile');
  return { row, redirectedFrom: row.profile.id === id ? null : id };
}

/** What the one record check needs of a profile row. */
export const profileFacts = (row: q.ProfileRow): AccessFacts => ({ ...row, id: row.profile.id, partnershipId: row.profile.partnershipId, ownerTeamId: row.profile.ownerTeamId });

/** Inside the partnership without access: refused, naming the owner so the actor can ask them. */
export async function viewableProfile(ctx: Context, id: string): Promise<{ row: Checked<q.ProfileRow>; redirectedFrom: string | null }> {
  const found = await findProfile(ctx, id);
  return { row: checkRecord(ctx, 'open', 'profile', found.row, profileFacts), redirectedFrom: found.redirectedFrom };
}

/** A change goes to the profile itself: one merged into another is changed through the survivor. */
export async function editableProfile(ctx: Context, id: string): Promise<Checked<q.ProfileRow>> {
  const found = await findProfile(ctx, id);
  const row = checkRecord(ctx, 'edit', 'profile', found.row, profileFacts);
  if (found.redirectedFrom) {
    throw new ConflictError('This profile was merged into another one. Make the change there.', 'merged', [{ mergedInto: row.profile.id }]);
  }
  return row;
}

/** Everyone who can open the profile, for live updates: its owning team and its access list. */
export async function audienceOf(ctx: Context, row: q.ProfileRow): Promise<Required<Pick<Audience, 'teamIds' | 'organisationIds'>>> {
  const entries = await q.accessEntries(ctx.tx, row.profile.id);
  return {
    teamIds: [row.profile.ownerTeamId, ...entries.flatMap((e) => (e.teamId ? [e.teamId] : []))],
    organisationIds: entries.flatMap((e) => (e.organisationId ? [e.organisationId] : [])),
  };
}

/** The profile as its page shows it, to someone the one record check let open it. */
export async function presentFull(ctx: Context, row: Checked<q.ProfileRow>): Promise<Profile> {
  return presentProfile(ctx.actor, row, await q.getProfileParts(ctx.tx, ctx.actor, row.profile.id));
}

/** Reads the profile again after a change, as the actor now stands towards it. */
export async function reload(ctx: Context, id: string): Promise<Checked<q.ProfileRow>> {
  return checkRecord(ctx, 'open', 'profile', await q.getProfile(ctx.tx, ctx.actor, id), profileFacts);
}

/** Tells open screens that the profile changed, and those who follow it. */
export async function announce(ctx: Context, row: q.ProfileRow): Promise<void> {
  ctx.emit({ type: 'profile.changed', audience: await audienceOf(ctx, row), data: { id: row.profile.id } });
  await tellInterested(ctx, { kind: 'profile', id: row.profile.id }, 'A change was made');
}

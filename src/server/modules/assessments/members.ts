import type { FamilyMember } from '../../../shared/api/assessments.ts';
import { profileRoleLabels, relationshipLabels } from '../../../shared/records.ts';
import type { Context } from '../../platform/context.ts';
import type { SharedRecord } from '../sharing/record-access.ts';
import * as q from './queries.ts';

const nameOf = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/**
 * The family as the assessor can see it when they start: for a profile, the person and everyone
 * related to them; for a case, its people. Only those the assessor can open are pulled through.
 */
export async function pullMembers(ctx: Context, record: SharedRecord): Promise<FamilyMember[]> {
  if (record.kind === 'case') {
    const people = await q.casePeople(ctx.tx, ctx.actor, record.id);
    return people.map((p) => ({ profileId: p.profileId, name: nameOf(p), relationship: profileRoleLabels[p.role] }));
  }
  const lead = await q.profileName(ctx.tx, record.id);
  const members: FamilyMember[] = lead ? [{ profileId: record.id, name: nameOf(lead), relationship: 'Lead person' }] : [];
  for (const r of await q.relatedProfiles(ctx.tx, ctx.actor, record.id)) {
    if (members.some((m) => m.profileId === r.profileId)) continue;
    // "A is parent of B", read from the lead: a child of the lead, or the lead's parent.
    // A row reads "from is <kind> of to": the lead's parent is stored from the parent, the lead's child from the lead.
    const label = relationshipLabels[r.kind];
    members.push({ profileId: r.profileId, name: nameOf(r), relationship: r.outgoing ? label.to : label.from });
  }
  return members;
}

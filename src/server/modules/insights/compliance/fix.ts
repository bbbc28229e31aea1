import type { z } from 'zod';
import type { expectedSharingReply } from '../../../../shared/api/insights.ts';
import { checkRecord } from '../../../platform/access/check.ts';
import type { Context } from '../../../platform/context.ts';
import { share } from '../../sharing/service.ts';
import * as q from './queries.ts';
import { presentMissingShare } from './service.ts';

const facts = (row: q.FixableProfile) => ({
  id: row.id,
  partnershipId: row.partnership_id,
  level: row.level,
  ownerTeamId: row.owner_team_id,
  ownerTeamName: row.owner_team_name,
  ownerOrganisationId: row.owner_organisation_id,
  ownerOrganisationName: row.owner_organisation_name,
});

/**
 * Shares the profile with every team and organisation its open cases' types expect that it lacks,
 * at the level expected, through the sharing module (which audits each share and tells those
 * concerned). Whoever may share the profile may do this: edit on it, checked first, so that a
 * profile lacking nothing is refused to others all the same.
 */
export async function shareAsExpected(ctx: Context, profileId: string): Promise<z.infer<typeof expectedSharingReply>> {
  const profile = checkRecord(ctx, 'edit', 'profile', await q.getProfile(ctx.tx, ctx.actor, profileId), facts);
  const missing = await q.missingShares(ctx.tx, [profile.id], { organisationId: profile.owner_organisation_id, partnershipId: profile.partnership_id });
  for (const target of missing) {
    await share(ctx, 'profile', profile.id, target.team_id ? { teamId: target.team_id, level: target.level } : { organisationId: target.organisation_id, level: target.level });
  }
  return { shared: missing.map(presentMissingShare) };
}

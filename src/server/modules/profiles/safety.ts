import type { PersonSafety } from '../../../shared/api/profiles.ts';
import type { Context } from '../../platform/context.ts';
import { presentSafety } from './present.ts';
import type { ProfileRole, RiskLevel } from '../../../shared/records.ts';
import * as q from './queries.ts';

/**
 * Age, roles, risk and warning markers of the people among `profileIds` whom the actor may open,
 * for any screen that lists people: the others are left out, as a locked stub shows none of it.
 * The caller audits the read it is part of.
 */
export async function safetyOf(ctx: Context, profileIds: string[]): Promise<Map<string, PersonSafety>> {
  const rows = await q.openableSafetyRows(ctx.tx, ctx.actor, [...new Set(profileIds)]);
  return new Map(rows.map((row) => [row.id, presentSafety(row.facts)]));
}

/** What a person's line in a list shows of them, if the actor may open their profile (`ageOf` takes the first three). */
export interface SafetyFacts {
  dateOfBirth: string | null;
  approximateAge: number | null;
  approximateAgeOn: string | null;
  roles: ProfileRole[];
  riskLevel: RiskLevel | null;
  warningMarkers: { id: string; key: string; name: string }[];
}

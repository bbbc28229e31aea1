import type { PersonSafety } from '../../../shared/api/profiles.ts';
import type { Context } from '../../platform/context.ts';
import { ageOf } from './present.ts';
import * as q from './queries.ts';

/**
 * Age, roles, risk and warning markers of the people among `profileIds` whom the actor may open,
 * for any screen that lists people: the others are left out, as a locked stub shows none of it.
 * The caller audits the read it is part of.
 */
export async function safetyOf(ctx: Context, profileIds: string[]): Promise<Map<string, PersonSafety>> {
  const rows = await q.openableSafetyRows(ctx.tx, ctx.actor, [...new Set(profileIds)]);
  return new Map(rows.map((row) => [row.id, { age: ageOf(row), roles: row.roles, riskLevel: row.riskLevel, warningMarkers: row.warningMarkers }]));
}

import type { Context } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import * as q from './queries.ts';

/**
 * A template of the partnership by id, or by key or name in any case (as every lookup in the API
 * is). An id or key names one template; a name two templates share is refused on `field`, as
 * picking one would start the wrong assessment.
 */
export async function findTemplate(ctx: Context, input: string, field: string): Promise<q.TemplateRow | null> {
  const rows = await q.templatesCalled(ctx.tx, ctx.actor.partnershipId, input);
  const lower = input.toLowerCase();
  const exact = rows.find((r) => r.template.id === lower || r.template.key.toLowerCase() === lower);
  if (exact) return exact;
  if (rows.length > 1) throw new ValidationError([{ field, problem: `"${input}" is the name of more than one template; give its key or id` }]);
  return rows[0] ?? null;
}

import type { LookupList } from '../../../shared/records.ts';
import type { Context } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
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

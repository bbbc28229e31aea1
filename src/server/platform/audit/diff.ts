import type { Change, Changes } from './changes.ts';

/** The fields that differ between two versions of a record, for the audit trail's before/after. */
export function diff<T extends Record<string, unknown>, F extends keyof T & string>(
  before: T | null,
  after: T | null,
  fields: readonly F[],
): Changes<F> {
  const changes: { [K in F]?: Change } = {};
  for (const field of fields) {
    const a = before?.[field] ?? null;
    const b = after?.[field] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[field] = { before: a, after: b };
  }
  return changes;
}

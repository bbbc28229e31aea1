import { ValidationError } from './errors.ts';

/** Opaque keyset cursors: the sort key of the last item, so pages stay stable while rows are added. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity && values.every((v) => typeof v === 'string' || typeof v === 'number')) return values;
  } catch {
    // Falls through to the error below.
  }
  throw new ValidationError([{ field: 'cursor', problem: 'is not a cursor from this list' }]);
}

/** Takes one row more than asked for, to know whether there is a next page without counting. */
export function pageOf<T, R>(rows: T[], limit: number, present: (row: T) => R, key: (row: T) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(present), nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}

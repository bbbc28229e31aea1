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
  throw notACursor();
}

const notACursor = () => new ValidationError([{ field: 'cursor', problem: 'is not a cursor from this list' }]);

type Check<T> = (value: unknown) => value is T;

/**
 * A cursor whose every value passes its check: cursor values go into SQL comparisons and casts,
 * so a forged or stale one must be refused here rather than fail there as a server error.
 */
export function decodeCheckedCursor<T extends unknown[]>(cursor: string | undefined, ...checks: { [K in keyof T]: Check<T[K]> }): T | null {
  const values = decodeCursor(cursor, checks.length);
  if (!values) return null;
  if (!checks.every((check, i) => check(values[i]))) throw notACursor();
  return values as T;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Year 0000 parses in JavaScript but PostgreSQL refuses it.
const datePattern = /^(?!0000)\d{4}-\d{2}-\d{2}$/;
const timePattern = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && uuidPattern.test(value);

/** The round trip refuses what Date.parse would roll over or reject (2026-02-30, month 13). */
const isRealInstant = (value: string, significant: number) => {
  const parsed = Date.parse(value);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, significant) === value.slice(0, significant);
};

/** A calendar date, as a `date` column gives it: 2026-12-03. */
export const isIsoDate = (value: unknown): value is string => typeof value === 'string' && datePattern.test(value) && isRealInstant(value, 10);

/** A UTC instant, to at most microseconds as PostgreSQL keeps them: 2026-12-03T09:30:00.123456Z. */
export const isIsoTime = (value: unknown): value is string => typeof value === 'string' && timePattern.test(value) && isRealInstant(value, 19);

/** Takes one row more than asked for, to know whether there is a next page without counting. */
export function pageOf<T, R>(rows: T[], limit: number, present: (row: T) => R, key: (row: T) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(present), nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}

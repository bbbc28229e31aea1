import { isApiError } from '../api/errors.ts';

/** One message per field name, shown under the field it belongs to. */
export type FieldErrors = Record<string, string>;

/** Field names to the labels people see. */
export type Labels = Record<string, string>;

/**
 * Problems come as fragments ("must not be blank") or whole sentences ("That code is not
 * right."): a fragment reads as a sentence once it starts with the field's label.
 */
function describe(field: string, problem: string, labels: Labels): string {
  const startsLower = problem.charAt(0) !== problem.charAt(0).toUpperCase();
  return startsLower ? `${labels[field] ?? 'This'} ${problem}` : problem;
}

function collect(problems: Iterable<{ field: string; problem: string }>, labels: Labels): FieldErrors {
  const errors: FieldErrors = {};
  for (const { field, problem } of problems) {
    if (field && !errors[field]) errors[field] = describe(field, problem, labels);
  }
  return errors;
}

/** Problems found by a shared zod schema before sending. */
export function fieldErrorsFromIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  labels: Labels,
): FieldErrors {
  return collect(issues.map((i) => ({ field: String(i.path[0] ?? ''), problem: i.message })), labels);
}

/** Problems the server found (422), mapped onto the same fields. */
export function fieldErrorsFromApi(error: unknown, labels: Labels): FieldErrors {
  return isApiError(error) ? collect(error.fieldProblems, labels) : {};
}

/**
 * An edit's body: the version it was based on and only the fields this person changed, so a save
 * never rewrites details they did not touch.
 */
export function changedFields(mine: Record<string, unknown>, loaded: Record<string, unknown>, version: number): Record<string, unknown> {
  const changes: Record<string, unknown> = { version };
  for (const [field, value] of Object.entries(mine)) {
    if (value !== loaded[field]) changes[field] = value;
  }
  return changes;
}

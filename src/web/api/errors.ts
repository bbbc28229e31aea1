import { errorReply } from '../../shared/api/common.ts';

interface FieldProblem {
  field: string;
  problem: string;
}

/** An error reply from the API, or a failure to reach it, with a message fit to show people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
    /** With `no_access`: who holds the record, so the person can ask them for access. */
    readonly owner: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The field problems of a 422 reply. */
  get fieldProblems(): FieldProblem[] {
    if (this.code !== 'validation_failed') return [];
    return this.details.filter(
      (d): d is FieldProblem => typeof d === 'object' && d !== null && 'field' in d && 'problem' in d,
    );
  }

  /** The record as it is now, sent with a 409 when someone else changed it first. */
  get currentRecord(): unknown {
    return this.code === 'conflict' ? this.details[0] : undefined;
  }
}

export async function errorFrom(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = errorReply.safeParse(body);
  if (parsed.success) {
    const { code, message, details, owner } = parsed.data.error;
    return new ApiError(response.status, code, message, details ?? [], owner);
  }
  return new ApiError(response.status, 'unexpected_reply', 'Concord could not complete that. Please try again.');
}

export function networkError(): ApiError {
  return new ApiError(0, 'network', 'Concord could not be reached. Check your connection and try again.');
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** A message to show for any error thrown by a query or mutation. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Please try again.';
}

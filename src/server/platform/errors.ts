/**
 * The few error types a use case may throw. Each has a stable code that callers can rely on and
 * an HTTP status; `http/error-handler.ts` is the one place that turns them into replies.
 */
export interface FieldProblem {
  field: string;
  problem: string;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  readonly details: unknown[] | undefined;
  constructor(message: string, details?: unknown[]) {
    super(message);
    this.details = details;
  }
  /** Extra top-level members of the error object (the owner of a record you may ask to open). */
  extra(): Record<string, unknown> {
    return {};
  }
}

export class BadRequestError extends AppError {
  readonly status = 400;
  readonly code: string;
  constructor(message: string, code = 'bad_request', details?: unknown[]) {
    super(message, details);
    this.code = code;
  }
}

export class UnauthenticatedError extends AppError {
  readonly status = 401;
  readonly code: string;
  constructor(message = 'Please sign in.', code = 'unauthenticated') {
    super(message);
    this.code = code;
  }
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code: string;
  constructor(message = 'You are not allowed to do that.', code = 'forbidden') {
    super(message);
    this.code = code;
  }
}

export interface RecordOwner {
  team: { id: string; name: string };
  organisation: { id: string; name: string };
}

/** A record inside the caller's partnership that the caller may not open: they may ask its owner. */
export class NoAccessError extends AppError {
  readonly status = 403;
  readonly code = 'no_access';
  constructor(readonly owner: RecordOwner, message = 'You do not have access to this record. You can ask its owner for access.') {
    super(message);
  }
  override extra() {
    return { owner: this.owner };
  }
}

/** Unknown, or outside the caller's partnership: the two are indistinguishable on purpose. */
export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'not_found';
  constructor(what = 'record') {
    super(`No such ${what}.`);
  }
}

export class ConflictError extends AppError {
  readonly status = 409;
  readonly code: string;
  constructor(message: string, code = 'conflict', details?: unknown[]) {
    super(message, details);
    this.code = code;
  }
}

/** Something that was offered and no longer is (a closed referral form): asking again will not help. */
export class GoneError extends AppError {
  readonly status = 410;
  readonly code: string;
  constructor(message: string, code = 'gone') {
    super(message);
    this.code = code;
  }
}

export class ValidationError extends AppError {
  readonly status = 422;
  readonly code = 'validation_failed';
  constructor(problems: FieldProblem[], message = 'Some of the details are not right.') {
    super(message, problems);
  }
}

export class RateLimitedError extends AppError {
  readonly status = 429;
  readonly code = 'rate_limited';
  constructor(readonly retryAfterSeconds: number, message = 'Too many attempts. Please wait and try again.') {
    super(message);
  }
}

/**
 * A service outside Concord that the request relies on (a postcode lookup) failed or did not
 * answer in time. Nothing was changed; the person can carry on without it or try again.
 */
export class UpstreamError extends AppError {
  readonly status = 502;
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.code = code;
  }
}

/** A stale `version` on an update: the reply carries the record as it is now. */
export function staleVersion(current: unknown): ConflictError {
  return new ConflictError('Someone else changed this record since you opened it. Review their changes and try again.', 'conflict', [current]);
}

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, RateLimitedError, type FieldProblem } from '../errors.ts';
import { sendStoredReply, StoredReply } from './idempotency.ts';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown[] } & Record<string, unknown>;
}

function body(code: string, message: string, details?: unknown[], extra: Record<string, unknown> = {}): ErrorBody {
  return { error: { code, message, ...(details ? { details } : {}), ...extra } };
}

/** fastify-type-provider-zod's form of a zod issue: code in `keyword`, the rest in `params`. */
interface ZodIssueLike {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: { keys?: string[] };
}

/** Turns zod's issues into one line per field a person can act on. */
function fieldProblems(issues: ZodIssueLike[]): FieldProblem[] {
  return issues.flatMap((issue) => {
    const path = (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    if (issue.keyword === 'unrecognized_keys' && issue.params?.keys) {
      return issue.params.keys.map((key) => ({ field: path ? `${path}.${key}` : key, problem: 'is not a field we accept' }));
    }
    return [{ field: path || '(body)', problem: humanise(issue.message ?? 'is not valid') }];
  });
}

function humanise(message: string): string {
  if (/^Invalid input: expected \w+, received undefined$/.test(message)) return 'is required';
  return message.replace(/^Invalid input: /, '');
}

/** The one place where errors become HTTP replies; never a 500 for a caller's mistake. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof StoredReply) return sendStoredReply(reply, error);
    if (error instanceof AppError) {
      if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.status(error.status).send(body(error.code, error.message, error.details, error.extra()));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const problems = fieldProblems(error.validation as unknown as ZodIssueLike[]);
      if (error.validationContext === 'params') {
        return reply.status(404).send(body('not_found', 'No such record.'));
      }
      return reply.status(422).send(body('validation_failed', 'Some of the details are not right.', problems));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'reply did not match its schema');
      return reply.status(500).send(body('internal_error', `Something went wrong on our side. Reference: ${request.id}`));
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send(body('rate_limited', 'Too many attempts. Please wait a minute and try again.'));
    }
    if (status === 413) return reply.status(413).send(body('payload_too_large', 'What you sent is too large.'));
    if (status === 415) return reply.status(415).send(body('unsupported_media_type', 'Send JSON with content-type application/json.'));
    if (status >= 400 && status < 500) {
      const malformed = error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError;
      return reply.status(400).send(body('malformed_request', malformed ? 'The request body is not valid JSON.' : error.message));
    }
    // Drizzle wraps the driver's error; the SQLSTATE is on its cause.
    const pgCode = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (pgCode === '23505') return reply.status(409).send(body('conflict', 'That would duplicate a record that already exists.'));
    if (pgCode === '22001') return reply.status(422).send(body('validation_failed', 'A value is too long.'));
    // The rest of class 22 (a date, number or id the database cannot read: a forged cursor, year
    // 0000) comes only from what the caller sent, which validation let through as well-formed.
    if (pgCode?.startsWith('22')) {
      request.log.warn({ err: error }, 'database could not read a value the caller sent');
      return reply.status(400).send(body('bad_request', 'A value in the request could not be read. Check dates, numbers and links, and try again.'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('internal_error', `Something went wrong on our side. Reference: ${request.id}`));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(body('not_found', `Nothing at ${request.method} ${request.url.split('?')[0]}.`));
  });
}

import type { RouteOptions } from 'fastify';
import { errorReply, type ErrorReply } from '../../../shared/api/common.ts';

interface ErrorStatus {
  description: string;
  example: ErrorReply;
}

/** What each error status means in Concord, and a reply as it really comes. */
export const errorStatuses: Record<number, ErrorStatus> = {
  400: {
    description: 'Malformed (`malformed_request`, `bad_request`): the body is not JSON, or a value cannot be read.',
    example: { error: { code: 'malformed_request', message: 'The request body is not valid JSON.' } },
  },
  401: {
    description: 'Not signed in (`unauthenticated`, `invalid_token`): no session or token, or it has ended or been revoked.',
    example: { error: { code: 'unauthenticated', message: 'Please sign in.' } },
  },
  403: {
    description: 'Not allowed (`forbidden`), or a record inside your partnership that you may not open (`no_access`, with `owner` naming the team and organisation to ask).',
    example: {
      error: {
        code: 'no_access',
        message: 'You do not have access to this record. You can ask its owner for access.',
        owner: { team: { id: '5c1f0a2e-8b7d-4e3a-9f60-2d4c8e1b7a93', name: 'ASB team' }, organisation: { id: '9a3e6c2b-1d4f-4b8e-a7c5-6f2e0d9b3c18', name: 'Demo County Police' } },
      },
    },
  },
  404: {
    description: 'Unknown, or outside your partnership (`not_found`): the two are indistinguishable on purpose.',
    example: { error: { code: 'not_found', message: 'No such record.' } },
  },
  409: {
    description: 'Conflict (`conflict` and more specific codes): a stale `version` (the current record is in `details`), a duplicate, or a step the record\'s state does not allow.',
    example: { error: { code: 'conflict', message: 'Someone else changed this record since you opened it. Review their changes and try again.', details: [] } },
  },
  410: {
    description: 'Gone (`gone` and more specific codes): what was offered no longer is, and asking again will not help.',
    example: { error: { code: 'form_closed', message: 'This form is no longer taking referrals.' } },
  },
  413: {
    description: 'Too large (`payload_too_large`): what was sent is over the limit.',
    example: { error: { code: 'payload_too_large', message: 'What you sent is too large.' } },
  },
  422: {
    description: 'Failed validation (`validation_failed`): `details` lists each field and its problem.',
    example: { error: { code: 'validation_failed', message: 'Some of the details are not right.', details: [{ field: 'lastName', problem: 'is required' }] } },
  },
  429: {
    description: 'Too many attempts (`rate_limited`): wait the `Retry-After` seconds and try again.',
    example: { error: { code: 'rate_limited', message: 'Too many attempts. Please wait and try again.' } },
  },
};

const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The error replies a route can give, worked out from what it declares: anyone but the public
 * can be unauthenticated or refused; an id in the path can be unknown; a body or query can fail
 * validation; a change can conflict with the record as it is; a rate limit can be reached.
 */
export function errorStatusesOf(route: Pick<RouteOptions, 'method' | 'url' | 'config' | 'schema'>): number[] {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const config = route.config as { permission?: string; rateLimit?: unknown } | undefined;
  const signedIn = config?.permission !== undefined && config.permission !== 'public';
  const schema = route.schema ?? {};
  const statuses: number[] = [];
  if (schema.body) statuses.push(400);
  if (signedIn) statuses.push(401, 403);
  if (route.url.includes(':')) statuses.push(404);
  if (signedIn && methods.some((m) => writes.has(m))) statuses.push(409);
  if (schema.body || schema.querystring) statuses.push(422);
  if (config?.rateLimit) statuses.push(429);
  return statuses;
}

/** The route's declared replies with the error replies it can give added, each the one error schema. */
export function withErrorReplies(response: Record<string, unknown> | undefined, statuses: number[]): Record<string, unknown> {
  const replies: Record<string, unknown> = { ...response };
  for (const status of statuses) replies[status] ??= errorReply;
  return replies;
}

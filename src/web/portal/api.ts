import type { z } from 'zod';
import { errorReply } from '../../shared/api/common.ts';
import { ApiError } from '../api/errors.ts';

/**
 * The portal's own way to the API. Its session cookie is sent only to /api/v1/portal, and its
 * CSRF token comes in the replies of verify and /me rather than a cookie. Messages never name
 * Concord: someone else may be looking at the client's screen.
 */
const base = '/api/v1/portal';

let csrfToken: string | null = null;
let lastRequestAt: number | null = null;

type Unauthenticated = (info: { code: string; quietFor: number | null }) => void;
let onUnauthenticated: Unauthenticated = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The app decides what a lost session means (back to sign-in, saying why); the client only reports it. */
export function whenUnauthenticated(handler: Unauthenticated): void {
  onUnauthenticated = handler;
}

/** 401 codes that mean the session is over, not that what was typed was wrong. */
const sessionCodes = new Set(['session_ended', 'unauthenticated']);

const notReached = () => new ApiError(0, 'network', 'The service could not be reached. Check your connection and try again.');

async function errorFrom(response: Response): Promise<ApiError> {
  const parsed = errorReply.safeParse(await response.json().catch(() => null));
  if (!parsed.success) return new ApiError(response.status, 'unexpected_reply', 'Something went wrong. Please try again.');
  const { code, message, details } = parsed.data.error;
  return new ApiError(response.status, code, message, details ?? []);
}

async function send(method: string, path: string, body?: BodyInit, contentType?: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (contentType) headers['Content-Type'] = contentType;
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(base + path, { method, headers, credentials: 'same-origin', body });
  } catch {
    throw notReached();
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (error.status === 401 && sessionCodes.has(error.code)) {
      onUnauthenticated({ code: error.code, quietFor: lastRequestAt === null ? null : Date.now() - lastRequestAt });
    }
    throw error;
  }
  lastRequestAt = Date.now();
  return response;
}

/** Calls the API and checks the reply against the shared schema, so a drift shows at once. */
export async function call<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.infer<S>> {
  const response = await send(method, path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? undefined : 'application/json');
  return schema.parse(await response.json());
}

/** For replies whose body the screen does not use (204, 202). */
export async function callNoReply(method: string, path: string, body?: unknown): Promise<void> {
  await send(method, path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? undefined : 'application/json');
}

export const get = <S extends z.ZodType>(path: string, schema: S) => call('GET', path, schema);

/** A file as the raw body, its name in the query string; the server decides what the bytes are. */
export async function postFile<S extends z.ZodType>(path: string, file: File, schema: S): Promise<z.infer<S>> {
  const response = await send('POST', `${path}?${new URLSearchParams({ fileName: file.name }).toString()}`, file, 'application/octet-stream');
  return schema.parse(await response.json());
}

/** Where the browser downloads a file from: a plain link, which carries the session cookie. */
export const fileUrl = (path: string) => base + path;

/** Query keys: everything the portal shows starts with "portal", so signing out clears it all. */
export const portalKeys = {
  all: ['portal'] as const,
  me: ['portal', 'me'] as const,
  messages: ['portal', 'messages'] as const,
  safetyPlan: ['portal', 'safety-plan'] as const,
  appointments: ['portal', 'appointments'] as const,
  documents: ['portal', 'documents'] as const,
  tasks: ['portal', 'tasks'] as const,
};

import type { z } from 'zod';
import { errorFrom, networkError } from './errors.ts';

const base = '/api/v1';

/** Codes of 401 replies that mean "those details are wrong", not "you are not signed in". */
const credentialCodes = new Set(['invalid_credentials']);

type Unauthenticated = () => void;
let onUnauthenticated: Unauthenticated = () => {};

/** The app decides what a lost session means (go to sign-in); the client only reports it. */
export function whenUnauthenticated(handler: Unauthenticated): void {
  onUnauthenticated = handler;
}

function csrfToken(): string | undefined {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('concord_csrf='));
  return cookie ? decodeURIComponent(cookie.slice('concord_csrf='.length)) : undefined;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

interface Options {
  body?: unknown;
  idempotencyKey?: string;
}

async function send(method: string, path: string, { body, idempotencyKey }: Options = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  let response: Response;
  try {
    response = await fetch(base + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw networkError();
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (error.status === 401 && !credentialCodes.has(error.code)) onUnauthenticated();
    throw error;
  }
  return response;
}

/** Calls the API and checks the reply against the shared schema, so a drift shows at once. */
export async function call<S extends z.ZodType>(method: string, path: string, schema: S, options?: Options): Promise<z.infer<S>> {
  const response = await send(method, path, options);
  return schema.parse(await response.json());
}

/** For replies with no body (204, or a 202 whose text the screen does not use). */
export async function callNoReply(method: string, path: string, options?: Options): Promise<void> {
  await send(method, path, options);
}

export const get = <S extends z.ZodType>(path: string, schema: S) => call('GET', path, schema);

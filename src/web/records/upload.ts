import { errorFrom, networkError } from '../api/errors.ts';

function csrfToken(): string | undefined {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('concord_csrf='));
  return cookie ? decodeURIComponent(cookie.slice('concord_csrf='.length)) : undefined;
}

/**
 * Sends a file as the raw request body (the JSON client cannot), with the same CSRF header and
 * error replies as every other change. The server decides what the bytes are from their content,
 * so the browser's guess at a type is not sent.
 */
export async function putFile(path: string, file: File): Promise<void> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/octet-stream' };
  const token = csrfToken();
  if (token) headers['X-CSRF-Token'] = token;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method: 'PUT', headers, credentials: 'same-origin', body: file });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await errorFrom(response);
}

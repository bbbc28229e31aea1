import type { z } from 'zod';
import { errorFrom, networkError } from '../api/errors.ts';
import { withQuery, type Query } from '../api/client.ts';
import type { RecordPath } from '../records/kinds.ts';

/** Query keys: they start with "documents" and "templates", which live updates refresh. */
export const documentKeys = {
  record: (kind: RecordPath, id: string) => ['documents', kind, id] as const,
  rules: ['documents', 'rules'] as const,
};
export const templateKeys = {
  list: (includeRetired: boolean) => ['templates', { includeRetired }] as const,
};

function csrfToken(): string | undefined {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('concord_csrf='));
  return cookie ? decodeURIComponent(cookie.slice('concord_csrf='.length)) : undefined;
}

/**
 * POSTs a file as the raw body with its details in the query string, and checks the reply
 * against the shared schema. The browser's guess at the type is not sent: the server decides
 * what the bytes are.
 */
export async function postFile<S extends z.ZodType>(path: string, query: Query, file: File, schema: S): Promise<z.infer<S>> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/octet-stream' };
  const token = csrfToken();
  if (token) headers['X-CSRF-Token'] = token;
  let response: Response;
  try {
    response = await fetch(`/api/v1${withQuery(path, query)}`, { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await errorFrom(response);
  return schema.parse(await response.json());
}

export function documentContentUrl(id: string, options: { version?: number; inline?: boolean } = {}): string {
  return withQuery(`/api/v1/documents/${id}/content`, { version: options.version, disposition: options.inline ? 'inline' : undefined });
}

export const templateContentUrl = (id: string) => `/api/v1/templates/${id}/content`;

const typeNames: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG image',
  'image/png': 'PNG image',
  'image/webp': 'WebP image',
  'image/gif': 'GIF image',
  'image/tiff': 'TIFF image',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/msword': 'Word 97–2003',
  'application/vnd.ms-excel': 'Excel 97–2003',
  'application/vnd.ms-powerpoint': 'PowerPoint 97–2003',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument spreadsheet',
  'application/vnd.oasis.opendocument.presentation': 'OpenDocument presentation',
  'application/rtf': 'Rich text',
  'text/plain': 'Text',
  'text/csv': 'CSV',
};

/** "PDF", "Word", for a content type. */
export const typeName = (contentType: string | null) => (contentType ? typeNames[contentType] ?? 'File' : 'File');

/** The kinds of file accepted, as a sentence: "PDF, JPEG image, … or CSV". */
export function acceptedTypesText(types: string[]): string {
  const names = [...new Set(types.map(typeName))];
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join('');
}

/** "240 KB", "3.2 MB". */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

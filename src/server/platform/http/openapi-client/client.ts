/**
 * Another organisation's system, written against the client that openapi-typescript and
 * openapi-fetch generate from Concord's OpenAPI document. The test copies it beside the generated
 * `schema.d.ts`, type-checks it strictly and runs it against a listening server: it compiles only
 * if every error reply is typed (not `never`), and it runs only if the document tells the truth.
 */
import createClient from 'openapi-fetch';
import type { paths } from './schema.d.ts';

const [baseUrl, token, runId] = process.argv.slice(2) as [string, string, string];
const api = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });

const me = await api.GET('/api/v1/me');
if (!me.data) throw new Error(`/me failed: ${me.response.status}`);

const ids: string[] = [];
for (const n of [1, 2, 3]) {
  const created = await api.POST('/api/v1/profiles', {
    headers: { 'idempotency-key': `${runId}-${n}` },
    body: { firstName: `Client${n}`, lastName: `Generated${runId}`, reasonCreated: 'Keyed in by the call-centre system.', confirmNoDuplicate: true },
  });
  if (!created.data) throw new Error(`create failed: ${created.error?.error.code}`);
  ids.push(created.data.id);
}

const seen: string[] = [];
let cursor: string | undefined;
let pages = 0;
do {
  const page = await api.GET('/api/v1/profiles', { params: { query: { limit: 2, q: `Generated${runId}`, ...(cursor ? { cursor } : {}) } } });
  if (!page.data) throw new Error(`list failed: ${page.error?.error.code}`);
  seen.push(...page.data.items.map((item) => item.id));
  cursor = page.data.nextCursor ?? undefined;
  pages++;
} while (cursor && pages < 10);

const missing = await api.GET('/api/v1/profiles/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } });
const missingCode: string | undefined = missing.error?.error.code;

const invalid = await api.POST('/api/v1/profiles', { body: { firstName: '', lastName: 'Taylor', reasonCreated: 'x' } });
const invalidFields = (invalid.error?.error.details ?? []).map((d) => (d as { field: string }).field);

console.log(JSON.stringify({
  me: { kind: me.data.kind, team: me.data.team.name, email: me.data.email },
  created: ids, seen, pages,
  missing: { status: missing.response.status, code: missingCode },
  invalid: { status: invalid.response.status, code: invalid.error?.error.code, fields: invalidFields },
}));

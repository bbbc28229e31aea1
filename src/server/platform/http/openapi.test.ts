import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';

interface Media { schema?: Record<string, unknown>; example?: unknown; examples?: unknown }
interface Operation {
  security?: unknown[];
  requestBody?: { content: Record<string, Media> };
  parameters?: { name: string; in: string; example?: unknown; schema: { examples?: unknown[] } }[];
  responses: Record<string, { description: string; content?: Record<string, Media> }>;
}
interface Document {
  info: { description: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

let t: TestApp;
let doc: Document;
let operations: { name: string; path: string; method: string; operation: Operation }[];

beforeAll(async () => {
  t = await startTestApp();
  doc = (await t.anonymous.get('/api/openapi.json')).json() as Document;
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, path, method, operation })));
});
afterAll(() => t.close());

const hasExample = (media: Media | undefined) => media !== undefined && (media.example !== undefined || media.examples !== undefined);

describe('the OpenAPI document', () => {
  it('describes the errors every signed-in operation can give, with the one error schema', async () => {
    const publicOnes = new Set((await t.anonymous.get('/api/openapi.json')).statusCode === 200 ? t.app.routeCatalogue.filter((r) => r.permission === 'public').map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`) : []);
    const missing: string[] = [];
    for (const { name, path, operation } of operations) {
      const expected = [
        ...(publicOnes.has(name) ? [] : ['401', '403']),
        ...(path.includes('{') ? ['404'] : []),
        ...(operation.requestBody ? ['400', '422'] : []),
      ];
      for (const status of expected) if (!operation.responses[status]) missing.push(`${name} ${status}`);
      for (const [status, reply] of Object.entries(operation.responses)) {
        if (!/^4/.test(status)) continue;
        const json = reply.content?.['application/json'];
        if (JSON.stringify(json?.schema) !== JSON.stringify({ $ref: '#/components/schemas/ErrorReply' })) missing.push(`${name} ${status} schema`);
        if (!hasExample(json) || reply.description === 'Default Response') missing.push(`${name} ${status} example`);
      }
    }
    expect(missing).toEqual([]);
    expect(doc.components.schemas.ErrorReply).toBeDefined();
    expect(operations.length).toBeGreaterThan(300);
  });

  it('gives every request body and every JSON reply an example the route itself accepts', () => {
    const missing: string[] = [];
    for (const { name, operation } of operations) {
      const body = operation.requestBody?.content['application/json'];
      if (body && !hasExample(body)) missing.push(`${name} body`);
      for (const [status, reply] of Object.entries(operation.responses)) {
        const json = reply.content?.['application/json'];
        if (json && !hasExample(json)) missing.push(`${name} ${status}`);
      }
      for (const parameter of operation.parameters ?? []) {
        if (parameter.example === undefined && !parameter.schema.examples) missing.push(`${name} ${parameter.in} ${parameter.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('starts /api/docs with a guide to creating a token, calling /me, creating a profile and paging', async () => {
    expect(doc.info.description).toContain('Create a token');
    expect(doc.info.description).toContain('/api/v1/me');
    expect(doc.info.description).toContain('/api/v1/profiles');
    expect(doc.info.description).toContain('nextCursor');
    const page = await t.anonymous.get('/api/docs/');
    expect(page.statusCode).toBe(200);
  });
});

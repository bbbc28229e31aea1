import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';

/**
 * A client generated from the OpenAPI document by third-party tools (openapi-typescript for the
 * types, openapi-fetch for the calls), compiled strictly and run in its own process against a
 * listening server, as another organisation's system would use it.
 */
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const client = fileURLToPath(new URL('./openapi-client/client.ts', import.meta.url));

let t: TestApp;
let dir: string;
let baseUrl: string;
let token: string;

beforeAll(async () => {
  t = await startTestApp();
  baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
  const admin = await t.as('police.admin@concord.test');
  const teams = (await admin.get('/api/v1/teams?limit=200')).json() as { items: { id: string; name: string; organisation: { id: string; name: string } }[] };
  const team = teams.items.find((x) => x.name === 'ASB team' && x.organisation.name === 'Demo County Police')!;
  const issued = await admin.post('/api/v1/api-tokens', { organisationId: team.organisation.id, teamId: team.id, name: 'Call-centre system', access: 'write' });
  expect(issued.statusCode).toBe(201);
  token = (issued.json() as { token: string }).token;
  // Inside node_modules so that the generated client finds openapi-fetch as an installed package would.
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  dir = mkdtempSync(join(root, 'node_modules/.cache/concord-api-client-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
});
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await t.close();
});

describe('a client generated from the OpenAPI document', () => {
  it('compiles strictly, with every error reply typed', async () => {
    const document = (await t.anonymous.get('/api/openapi.json')).json() as Parameters<typeof openapiTS>[0];
    writeFileSync(join(dir, 'schema.d.ts'), astToString(await openapiTS(document)));
    copyFileSync(client, join(dir, 'client.ts'));
    const program = ts.createProgram([join(dir, 'client.ts')], {
      strict: true, noEmit: true, skipLibCheck: true, allowImportingTsExtensions: true,
      target: ts.ScriptTarget.ES2023, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: ['node'],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  }, 60_000);

  it('signs in with a token, creates profiles, pages through them and reads typed errors', async () => {
    const runId = String(Date.now());
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(dir, 'client.ts'), baseUrl, token, runId], { cwd: root });
    const result = JSON.parse(stdout) as {
      me: { kind: string; team: string; email: string | null };
      created: string[]; seen: string[]; pages: number;
      missing: { status: number; code: string }; invalid: { status: number; code: string; fields: string[] };
    };
    expect(result.me).toEqual({ kind: 'api_token', team: 'ASB team', email: null });
    expect(result.created).toHaveLength(3);
    expect([...result.seen].sort()).toEqual([...result.created].sort());
    expect(result.pages).toBe(2);
    expect(result.missing).toEqual({ status: 404, code: 'not_found' });
    expect(result.invalid).toEqual({ status: 422, code: 'validation_failed', fields: ['firstName'] });
  }, 60_000);
});

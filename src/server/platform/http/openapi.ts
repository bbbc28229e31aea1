import { readFileSync } from 'node:fs';
import type { FastifyInstance, RouteOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import { exampleOf } from './openapi-examples.ts';
import { errorStatuses, errorStatusesOf, withErrorReplies } from './openapi-errors.ts';

type JsonSchema = Record<string, unknown>;
type TransformInput = Parameters<typeof jsonSchemaTransform>[0] & { route: RouteOptions };

/** The getting-started guide, shown at the top of `/api/docs`. */
const gettingStarted = readFileSync(new URL('./getting-started.md', import.meta.url), 'utf8');

function problems(schema: unknown, value: unknown): number {
  const zod = schema as ZodType | undefined;
  return zod ? (zod.safeParse(value).error?.issues.length ?? 0) : 0;
}

/**
 * An example the route's zod schema accepts: every field; or only the required ones, adding each
 * optional field that does not make it worse (a body that takes an email or a mobile, not both);
 * or none, which the tests catch.
 */
function acceptedExample(json: JsonSchema, zod: unknown): unknown {
  const full = exampleOf(json, { components: {} });
  if (full === undefined || problems(zod, full) === 0) return full;
  const required = exampleOf(json, { components: {}, requiredOnly: true });
  if (typeof full !== 'object' || full === null || typeof required !== 'object' || required === null) return undefined;
  let example = { ...required } as Record<string, unknown>;
  for (const [name, value] of Object.entries(full)) {
    if (name in example) continue;
    const wider = { ...example, [name]: value };
    if (problems(zod, wider) <= problems(zod, example)) example = wider;
  }
  return problems(zod, example) === 0 ? example : undefined;
}

function withPropertyExamples(json: JsonSchema | undefined): void {
  const properties = (json?.properties ?? {}) as Record<string, JsonSchema>;
  for (const [name, property] of Object.entries(properties)) {
    const example = exampleOf(property, { components: {} }, name);
    if (example !== undefined && property.examples === undefined) property.examples = [example];
  }
}

/**
 * Describes each route's error replies (one `ErrorReply` schema, with what each status means)
 * and gives its request and replies an example, so a generated client types errors rather than
 * `never` and a reader sees real values.
 */
function transform(input: TransformInput) {
  const zodSchema = input.schema as Record<string, unknown> | undefined;
  if (!zodSchema || zodSchema.hide) return jsonSchemaTransform(input);
  const statuses = errorStatusesOf(input.route);
  const zodResponse = withErrorReplies(zodSchema.response as Record<string, unknown> | undefined, statuses);
  const result = jsonSchemaTransform({ ...input, schema: { ...zodSchema, response: zodResponse } });
  const json = result.schema as Record<string, unknown>;
  if (json.body) {
    const example = acceptedExample(json.body as JsonSchema, zodSchema.body);
    if (example === undefined) delete (json.body as JsonSchema).examples;
    else (json.body as JsonSchema).examples = [example];
  }
  withPropertyExamples(json.querystring as JsonSchema | undefined);
  withPropertyExamples(json.params as JsonSchema | undefined);
  const responses = json.response as Record<string, JsonSchema>;
  for (const [code, reply] of Object.entries(responses)) {
    const status = errorStatuses[Number(code)];
    if (status) {
      responses[code] = { ...reply, description: status.description };
    } else if (reply.type !== 'null') {
      const example = acceptedExample(reply, zodResponse[code]);
      if (example === undefined) delete reply.examples;
      else reply.examples = [example];
    }
  }
  return result;
}

interface Reply { content?: Record<string, { example?: unknown }> }

/**
 * The error replies' examples go on at the end: a reply that refers to the shared schema keeps
 * nothing beside the reference on its way through @fastify/swagger.
 */
function transformObject(input: Parameters<typeof jsonSchemaTransformObject>[0]) {
  const document = jsonSchemaTransformObject(input) as { paths?: Record<string, Record<string, { responses?: Record<string, Reply> }>>; components?: { schemas?: Record<string, unknown> } };
  for (const methods of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(methods)) {
      for (const [code, reply] of Object.entries(operation.responses ?? {})) {
        const media = reply.content?.['application/json'];
        const status = errorStatuses[Number(code)];
        if (status && media && media.example === undefined) media.example = status.example;
      }
    }
  }
  // Errors are replies, never requests: the input form zod also makes of the schema is unused.
  delete document.components?.schemas?.ErrorReplyInput;
  return document;
}

/** The OpenAPI document is generated from the same zod schemas that validate requests. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Concord API', version: '1', description: gettingStarted },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'concord_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: transform as typeof jsonSchemaTransform,
    transformObject: transformObject as typeof jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // Its initializer is a separate script, so the application's strict CSP serves it as it is.
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());
}

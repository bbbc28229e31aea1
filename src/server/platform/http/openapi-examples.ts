import { createHash } from 'node:crypto';

/**
 * Examples for the OpenAPI document, made from each route's JSON schema in the partnership's own
 * words (a person called Sam Taylor, a case reference, a Derby postcode) rather than "string",
 * so that an integrator reading `/api/docs` sees what a real request and reply look like. A
 * schema's own `examples` (zod `.meta({ examples })`) win. The tests check every example against
 * the route's zod schema, so an example the server would refuse fails the build.
 */
type JsonSchema = Record<string, unknown>;

export interface ExampleOptions {
  /** `#/components/schemas/…` targets. */
  components: Record<string, JsonSchema>;
  /** Leave out optional properties (a request that only gives what it must). */
  requiredOnly?: boolean;
}

/** Deep enough for the deepest reply (a case's action plans' tasks' people's warning markers). */
const maxDepth = 40;

/** A UUID that stays the same for the same field, so examples read consistently across routes. */
function uuidFor(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const patternCandidates = [
  'DE1 1AA', 'DE1', 'DE', 'ASB', 'asb-team', 'asb_team', '07911 123456', '123456', '100012345678', 'RF-7K3M-Q9PX', 'KSC12345',
];

const wordsByKey: [RegExp, string][] = [
  [/^firstname$/i, 'Sam'],
  [/^lastname$|surname/i, 'Taylor'],
  [/^(name|fullname|displayname)$/i, 'Sam Taylor'],
  [/email/i, 'sam.taylor@example.org'],
  [/phone|mobile/i, '07911 123456'],
  [/postcode/i, 'DE1 1AA'],
  [/reference/i, 'ASB-2026-0042'],
  [/title|subject/i, 'Noise nuisance at Elm Court'],
  [/line1|address/i, '14 Elm Court'],
  [/town|city/i, 'Derby'],
  [/password/i, 'correct-horse-battery-staple'],
  [/^(totp|code)$/i, '123456'],
  [/url|link|href/i, 'https://concord.example.org/profiles'],
  [/reason|description|body|text|notes|summary|comment|answer|message|wording|details/i, 'Neighbours report loud music most nights since October; the family has been offered mediation.'],
  [/cursor/i, 'eyJpZCI6IjEifQ'],
  [/key/i, 'asb'],
];

function dateFor(key: string): string {
  if (/birth/i.test(key)) return '1988-04-12';
  if (/due|review|next|expir|until|end|to$/i.test(key)) return '2030-01-15';
  return '2026-11-02';
}

function fitLength(value: string, schema: JsonSchema): string {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  let v = value;
  while (v.length < min) v += ' and more';
  return v.slice(0, max).trim() || 'x'.repeat(Math.max(1, min));
}

function stringFor(schema: JsonSchema, key: string): string {
  const format = schema.format;
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern) : undefined;
  if (format === 'uuid') return uuidFor(key);
  if (format === 'date-time' || pattern?.test('2026-11-02T10:30:00.000Z')) return /end|until|to$/i.test(key) ? '2026-11-02T12:00:00.000Z' : '2026-11-02T10:30:00.000Z';
  if (format === 'date' || pattern?.test('2026-11-02')) return dateFor(key);
  if (format === 'email') return 'sam.taylor@example.org';
  if (format === 'uri') return 'https://receiver.example.org/concord';
  const worded = wordsByKey.find(([test]) => test.test(key))?.[1];
  if (pattern) {
    const candidate = [worded, ...patternCandidates].find((c) => c !== undefined && pattern.test(c));
    if (candidate) return candidate;
  }
  return fitLength(worded ?? 'Example', schema);
}

function numberFor(schema: JsonSchema, key: string): number {
  const integer = schema.type === 'integer';
  const min = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + (integer ? 1 : 0.5) : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  let value = /limit/i.test(key) ? 50 : /version|count|total|attempt/i.test(key) ? 1 : 3;
  if (min !== undefined && value < min) value = min;
  if (max !== undefined && value > max) value = max;
  return value;
}

function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return (schema.type as string[]).find((t) => t !== 'null');
  return schema.type as string | undefined;
}

/** An example value for a JSON schema, or undefined where none can be made. */
export function exampleOf(schema: JsonSchema, options: ExampleOptions, key = '', depth = 0): unknown {
  if (depth > maxDepth) return undefined;
  if (typeof schema.$ref === 'string') {
    const target = options.components[schema.$ref.replace('#/components/schemas/', '')];
    return target ? exampleOf(target, options, key, depth + 1) : undefined;
  }
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.default !== undefined && schema.default !== null) return schema.default;
  const choices = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (choices) {
    const choice = choices.find((c) => c.type !== 'null') ?? choices[0];
    return choice ? exampleOf(choice, options, key, depth + 1) : null;
  }
  if (Array.isArray(schema.allOf)) {
    return Object.assign({}, ...(schema.allOf as JsonSchema[]).map((part) => exampleOf(part, options, key, depth + 1)));
  }
  switch (typeOf(schema)) {
    case 'object': return objectFor(schema, options, depth);
    case 'array': {
      const items = (schema.items ?? {}) as JsonSchema;
      if (schema.maxItems === 0) return [];
      const item = exampleOf(items, options, key, depth + 1);
      return item === undefined ? [] : [item];
    }
    case 'string': return stringFor(schema, key);
    case 'integer':
    case 'number': return numberFor(schema, key);
    case 'boolean': return false;
    case 'null': return null;
    default: return schema.type === undefined && schema.properties ? objectFor(schema, options, depth) : undefined;
  }
}

function objectFor(schema: JsonSchema, options: ExampleOptions, depth: number): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const value: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (options.requiredOnly && !required.has(name)) continue;
    const example = exampleOf(property, options, name, depth + 1);
    if (example !== undefined) value[name] = example;
  }
  return value;
}

/**
 * Route validation. Bodies are validated strictly (no type coercion, no silently removed fields:
 * an extra or wrongly typed field is a 400 naming it). Query strings and path params are
 * coerced, since they arrive as text.
 */
import { Ajv, type AnySchema } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** Marks a sub-schema that documents a form but is validated by the case's own configuration. */
export const VALIDATED_BY_CONFIG = 'x-validated-by-config';

function strip(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strip);
  if (schema && typeof schema === 'object') {
    const s = schema as Record<string, unknown>;
    if (s[VALIDATED_BY_CONFIG]) return { type: 'object' };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s)) out[k] = k === 'example' || k === 'examples' ? v : strip(v);
    return out;
  }
  return schema;
}

export function createValidatorCompiler(): FastifySchemaCompiler<AnySchema> {
  const options = { allErrors: true, strict: false, removeAdditional: false, useDefaults: true } as const;
  const body = addFormats(new Ajv({ ...options, coerceTypes: false }));
  const text = addFormats(new Ajv({ ...options, coerceTypes: 'array' }));
  for (const ajv of [body, text]) {
    ajv.addKeyword({ keyword: VALIDATED_BY_CONFIG });
    // RFC 3339 allows a leap second (…T23:59:60Z), which JavaScript dates cannot hold
    ajv.addFormat('date-time', { type: 'string', validate: (v: string) => DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)) });
  }
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? body : text;
    return ajv.compile(strip(schema) as AnySchema) as never;
  };
}

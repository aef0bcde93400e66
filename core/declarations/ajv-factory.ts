/**
 * The one place ajv instances are configured, so that the server, the loader and (later) the
 * browser validate with the same options, formats and annotation keywords.
 */
import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FieldIssue, IssueParams } from '../errors.js';

// ajv-formats ships CJS with a default export; under NodeNext the namespace object is what we get.
const addFormats = addFormatsModule as unknown as (ajv: Ajv, formats?: string[]) => Ajv;

/** Annotation keywords of form declarations: they carry labels and hints, never validation. */
export const ANNOTATION_KEYWORDS = ['x-label', 'x-help', 'x-enumLabels', 'x-ref', 'x-accept', 'x-maxBytes', 'x-optionsFrom', 'x-internal'] as const;

export const MONEY_FORMAT = /^-?\d{1,12}(\.\d{1,2})?$/;
const PHONE_FORMAT = /^[0-9+\-() ]{3,32}$/;
/** Attachments are stored first and referenced by their id in case data. */
const ATTACHMENT_FORMAT = /^att_[A-Za-z0-9_-]{8,64}$/;
/** Signatures are small PNG data URLs drawn on a canvas. */
const SIGNATURE_FORMAT = /^data:image\/png;base64,[A-Za-z0-9+/=]{16,400000}$/;

export function createFormAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    // Forms are closed (additionalProperties: false): extra fields are errors, not silently dropped.
    removeAdditional: false,
    useDefaults: false,
    coerceTypes: false,
    ...options,
  });
  addFormats(ajv, ['date', 'time', 'date-time', 'email', 'uri']);
  ajv.addFormat('money', MONEY_FORMAT);
  ajv.addFormat('phone', PHONE_FORMAT);
  ajv.addFormat('attachment', ATTACHMENT_FORMAT);
  ajv.addFormat('signature', SIGNATURE_FORMAT);
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword, schemaType: ['object', 'array', 'string', 'number', 'integer', 'boolean'] });
  return ajv;
}

/**
 * The values behind an ajv error, named for the client's wording (`errors:<keyword>` in the UI):
 * the limit of a bound, the allowed values of an enum, the field a `required` or
 * `additionalProperties` error names, the expected type or format.
 */
export function ajvParams(e: ErrorObject): IssueParams {
  const p = e.params as Record<string, unknown>;
  const out: IssueParams = {};
  if (typeof p.limit === 'number') out.limit = p.limit;
  if (typeof p.multipleOf === 'number') out.limit = p.multipleOf;
  if (typeof p.missingProperty === 'string') out.field = p.missingProperty;
  if (typeof p.additionalProperty === 'string') out.field = p.additionalProperty;
  if (Array.isArray(p.allowedValues)) out.allowed = p.allowedValues.map((v) => (v === null || ['string', 'number', 'boolean'].includes(typeof v) ? (v as string) : JSON.stringify(v)));
  if ('allowedValue' in p) out.allowed = [p.allowedValue === null || typeof p.allowedValue !== 'object' ? (p.allowedValue as string) : JSON.stringify(p.allowedValue)];
  if (typeof p.pattern === 'string') out.pattern = p.pattern;
  if (typeof p.format === 'string') out.format = p.format;
  if (typeof p.type === 'string') out.type = p.type;
  if (Array.isArray(p.type)) out.type = p.type.join(',');
  return out;
}

/** ajv errors -> field issues with pointers relative to `basePointer`. */
export function ajvIssues(errors: ErrorObject[] | null | undefined, basePointer = ''): FieldIssue[] {
  if (!errors) return [];
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    let pointer = basePointer + e.instancePath;
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'required') {
      pointer += '/' + String((e.params as { missingProperty: string }).missingProperty);
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      pointer += '/' + String((e.params as { additionalProperty: string }).additionalProperty);
      message = 'is not an allowed field';
    } else if (e.keyword === 'enum') {
      message = `must be one of: ${(e.params as { allowedValues: unknown[] }).allowedValues.map(String).join(', ')}`;
    } else if (e.keyword === 'if' || e.keyword === 'anyOf') {
      continue; // the specific branch errors say more
    }
    const key = `${pointer}|${e.keyword}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ pointer, code: e.keyword, message, params: ajvParams(e) });
  }
  return issues;
}

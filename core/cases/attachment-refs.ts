/**
 * Attachment ids in submitted form data: a field of format `attachment` holds the id of a file
 * uploaded through POST /api/attachments. The format only checks the id's shape; these helpers
 * find every such id (in nested objects and arrays too) so the case service can check that each
 * file exists in the company — an id of another company's file is refused like an unknown one.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { FieldSchema } from '../declarations/form-fields.js';
import { Attachment } from '../db/entities/index.js';
import { ValidationError } from '../errors.js';

interface Found { id: string; pointer: string }

function collect(schema: FieldSchema | undefined, value: unknown, pointer: string, out: Found[]): void {
  if (!schema || value === undefined || value === null) return;
  if (schema.format === 'attachment' && typeof value === 'string') {
    out.push({ id: value, pointer });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => collect(schema.items, v, `${pointer}/${i}`, out));
    return;
  }
  if (typeof value === 'object' && schema.properties) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (Object.prototype.hasOwnProperty.call(schema.properties, k)) collect(schema.properties[k], v, `${pointer}/${k}`, out);
    }
  }
}

/** Every attachment id in `data` by the form's schema, with its JSON pointer under `basePointer`. */
export function attachmentRefs(form: FieldSchema, data: Record<string, unknown>, basePointer: string): Found[] {
  const out: Found[] = [];
  collect(form, data, basePointer, out);
  return out;
}

/** Refuses (400, naming each field) ids that are not files of the company. */
export async function assertAttachmentsExist(em: EntityManager, companyId: number, refs: Found[]): Promise<void> {
  if (refs.length === 0) return;
  const ids = [...new Set(refs.map((r) => r.id))];
  const found = new Set((await em.find(Attachment, { id: { $in: ids }, companyId }, { fields: ['id'] })).map((a) => a.id));
  const missing = refs.filter((r) => !found.has(r.id));
  if (missing.length) {
    throw new ValidationError(missing.map((r) => ({ pointer: r.pointer, code: 'unknown-attachment', message: 'no such uploaded file: upload it first (POST /api/attachments)' })));
  }
}

/**
 * The fields a form declares, flattened to dotted paths ('vehicles', 'emergency.phone'), so rules,
 * UI layouts, templates and workflows can be cross-checked against what really exists.
 */
import type { FormDeclaration } from '../../schemas/generated/form.js';

export interface FieldSchema {
  type?: string;
  enum?: unknown[];
  format?: string;
  properties?: Record<string, FieldSchema>;
  items?: FieldSchema;
  required?: string[];
  [key: string]: unknown;
}

/** Every dotted path of a form (objects are descended, arrays expose their item fields too). */
export function fieldPaths(form: FormDeclaration): Map<string, FieldSchema> {
  const out = new Map<string, FieldSchema>();
  const walk = (props: Record<string, FieldSchema> | undefined, prefix: string) => {
    for (const [name, schema] of Object.entries(props ?? {})) {
      const p = prefix ? `${prefix}.${name}` : name;
      out.set(p, schema);
      if (schema.type === 'object') walk(schema.properties, p);
      if (schema.type === 'array' && schema.items?.type === 'object') walk(schema.items.properties, p);
    }
  };
  walk(form.properties as Record<string, FieldSchema>, '');
  return out;
}

/** Merge field maps of several forms; the first declaration of a path wins (conflicts are checked separately). */
export function unionFields(forms: FormDeclaration[]): Map<string, FieldSchema> {
  const out = new Map<string, FieldSchema>();
  for (const f of forms) for (const [k, v] of fieldPaths(f)) if (!out.has(k)) out.set(k, v);
  return out;
}

/** Is `path` a known field, or inside one (e.g. 'readings.0.value' for an array)? */
export function hasFieldPath(fields: Map<string, FieldSchema>, path: string): boolean {
  if (fields.has(path)) return true;
  const segments = path.split('.');
  // numeric segments index into arrays: drop them and retry
  const withoutIndexes = segments.filter((s) => !/^\d+$/.test(s)).join('.');
  if (withoutIndexes !== path && fields.has(withoutIndexes)) return true;
  return false;
}

/**
 * Validates declarations against the meta-schemas in schemas/. Compiled once per process.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import type { FieldIssue } from '../errors.js';
import { ajvIssues } from './ajv-factory.js';

export type DeclarationKind = 'plugin' | 'form' | 'ui' | 'workflow' | 'rules' | 'config';

const schemasDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schemas');
const KINDS: DeclarationKind[] = ['plugin', 'form', 'ui', 'workflow', 'rules', 'config'];

let validators: Map<DeclarationKind, ValidateFunction> | undefined;

function load(): Map<DeclarationKind, ValidateFunction> {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, strictTypes: false, allowUnionTypes: true });
  const read = (name: string) => JSON.parse(readFileSync(path.join(schemasDir, `${name}.schema.json`), 'utf8'));
  ajv.addSchema(read('common'));
  for (const kind of KINDS) ajv.addSchema(read(kind));
  const map = new Map<DeclarationKind, ValidateFunction>();
  for (const kind of KINDS) {
    const fn = ajv.getSchema(`https://wuye.dev/schemas/${kind}.schema.json`);
    if (!fn) throw new Error(`meta-schema ${kind} did not compile`);
    map.set(kind, fn);
  }
  return map;
}

/** Issues of one declaration against its meta-schema; pointers are relative to the declaration. */
export function validateDeclaration(kind: DeclarationKind, value: unknown): FieldIssue[] {
  validators ??= load();
  const validate = validators.get(kind)!;
  if (validate(value)) return [];
  return ajvIssues(validate.errors).map((i) => ({ ...i, code: `schema-${i.code}` }));
}

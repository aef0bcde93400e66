/**
 * Ids the editor makes up so that an admin never types one: a company case type's id, its
 * documents' ids and template names, a serial prefix to suggest. Each is the first free one in a
 * plain sequence (stable once made: an id is never renamed after it is stored in the draft), and
 * unique among what is already taken within the type. Field keys come from field-kinds.ts
 * (newFieldKey), the same rule.
 */
import { COMPANY_CASE_TYPE } from '../../../core/declarations/reserved-names.js';

/** `stem1`, `stem2`… the first not taken (identifiers: documents, states, transitions, sections). */
export function freshId(stem: string, taken: Iterable<string>, separator = ''): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${stem}${separator}${n}`)) n++;
  return `${stem}${separator}${n}`;
}

/** A company case type's id: xType1, xType2… (the company namespace, COMPANY_CASE_TYPE). */
export function freshCaseTypeId(taken: Iterable<string>): string {
  const id = freshId('xType', taken);
  if (!COMPANY_CASE_TYPE.test(id)) throw new Error(`generated case type id ${id} outside the company namespace`);
  return id;
}

/** A printable document of a workflow: its id (identifier) and its template's name (lower case and dashes). */
export function freshDocument(documentIds: Iterable<string>, templateNames: Iterable<string>): { id: string; template: string } {
  const ids = new Set(documentIds);
  const templates = new Set(templateNames);
  let n = 1;
  while (ids.has(`doc${n}`) || templates.has(`doc-${n}`)) n++;
  return { id: `doc${n}`, template: `doc-${n}` };
}

/** Serial prefixes the workflow schema accepts for a company's type (the schema allows up to 6; 4 keeps serials short). */
export const SERIAL_PREFIX = /^[A-Z]{1,4}$/;

/** A prefix to suggest for a new type: ZJ (自建), then ZA…ZZ, then ZJA…, none that another type uses. */
export function suggestSerialPrefix(taken: Iterable<string>): string {
  const used = new Set(taken);
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const candidates = ['ZJ', ...[...letters].map((c) => `Z${c}`), ...[...letters].map((c) => `ZJ${c}`), ...[...letters].flatMap((a) => [...letters].map((b) => `Y${a}${b}`))];
  return candidates.find((c) => !used.has(c)) ?? 'ZJZZ';
}

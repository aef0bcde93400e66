/**
 * A plugin's settings schema (plugin.json `config.schema`) turned into a form `<wy-form>` can show
 * an admin, and the settings value into that form's data and back. DOM-free (node tests).
 *
 * What changes between the two shapes, and why:
 *  - a map of objects keyed by code (a price list, a penalty table, a checklist) becomes a table
 *    (an array of rows): the admin sees the rows, never the codes; each row keeps its code in a
 *    hidden `_key` column, and a new row gets a fresh code of the shape the schema allows;
 *  - a bilingual text (`{ "zh-CN", "en" }`) is edited as its Chinese text, the English kept;
 *  - a list of free texts (a checklist) is one line per entry in a text area;
 *  - a code or a list of codes without labels (a role, a workflow state, another plugin's fee
 *    code) is not shown at all and kept as it is: an admin cannot choose among bare codes.
 * `formUi` names the widgets: the table widget for lists of rows, a text area for line lists (the
 * form's ajv is strict, so the shape is told through the ui declaration, not new schema keywords).
 */
type Json = Record<string, unknown>;
type Schema = Json;

export const KEY = '_key';
const LANGS = new Set(['zh-CN', 'en']);
const CODE_PATTERN = /^\^\[a-z\]/; // the shape of identifiers: ^[a-z][a-zA-Z0-9]*$

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const props = (s: Schema): Record<string, Schema> => (isObj(s.properties) ? (s.properties as Record<string, Schema>) : {});

export type Kind = 'object' | 'map' | 'text' | 'lines' | 'table' | 'hidden' | 'plain';

/** How a settings schema node is shown. */
export function kindOf(s: Schema): Kind {
  if (s.type === 'object') {
    const p = Object.keys(props(s));
    if (p.length === 0 && isObj(s.additionalProperties) && s.additionalProperties.type === 'object') return 'map';
    if (p.length > 0 && p.every((k) => LANGS.has(k)) && 'zh-CN' in props(s)) return 'text';
    return 'object';
  }
  if (s.type === 'array' && isObj(s.items)) {
    const items = s.items as Schema;
    if (items.type === 'object') return 'table';
    if (items.type === 'string' && !items.enum) return typeof items.pattern === 'string' && CODE_PATTERN.test(items.pattern) ? 'hidden' : 'lines';
  }
  if (s.type === 'string' && !s.enum && typeof s.pattern === 'string' && CODE_PATTERN.test(s.pattern)) return 'hidden';
  return 'plain';
}

const LABEL_KEYS = ['x-label', 'x-help', 'title', 'description'] as const;
const labels = (s: Schema): Json => Object.fromEntries(LABEL_KEYS.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]));

/** The form schema for a settings schema (see the module comment). */
export function formSchema(s: Schema): Schema {
  switch (kindOf(s)) {
    case 'object': {
      const out: Record<string, Schema> = {};
      for (const [name, child] of Object.entries(props(s))) if (kindOf(child) !== 'hidden') out[name] = formSchema(child);
      const required = Array.isArray(s.required) ? (s.required as string[]).filter((r) => r in out) : [];
      return { type: 'object', ...labels(s), properties: out, ...(required.length ? { required } : {}), additionalProperties: false };
    }
    case 'map': {
      const row = formSchema(s.additionalProperties as Schema);
      const items = { ...row, properties: { ...(row.properties as Json), [KEY]: { type: 'string' } } };
      return { type: 'array', ...labels(s), items, ...(typeof s.minProperties === 'number' ? { minItems: s.minProperties } : {}) };
    }
    case 'table': {
      const { minItems, maxItems } = s;
      return { type: 'array', ...labels(s), items: formSchema(s.items as Schema), ...(minItems !== undefined ? { minItems } : {}), ...(maxItems !== undefined ? { maxItems } : {}) };
    }
    case 'text': {
      const zh = props(s)['zh-CN']!;
      return { type: 'string', ...labels(s), ...(zh.minLength !== undefined ? { minLength: zh.minLength } : {}), ...(zh.maxLength !== undefined ? { maxLength: zh.maxLength } : {}) };
    }
    case 'lines':
      // one entry a line, in a text area (formUi names it)
      return { type: 'string', ...labels(s) };
    default:
      return s;
  }
}

/** The ui declaration for `formSchema(s)`: one section titled `title`, tables and text areas named. */
export function formUi(s: Schema, title: Json): Json {
  const fields: Record<string, { widget: string }> = {};
  const walk = (node: Schema, path: string) => {
    const kind = kindOf(node);
    if (kind === 'lines') fields[path] = { widget: 'textarea' };
    const children = kind === 'object' ? props(node) : kind === 'map' ? props(node.additionalProperties as Schema) : kind === 'table' ? props(node.items as Schema) : {};
    if (kind === 'map' || kind === 'table') fields[path] = { widget: 'settings-table' };
    for (const [name, child] of Object.entries(children)) if (kindOf(child) !== 'hidden') walk(child, path ? `${path}.${name}` : name);
  };
  walk(s, '');
  const top = Object.keys(props(formSchema(s)));
  return { form: 'settings', sections: [{ id: 'settings', title, fields: top }], fields };
}

/** The form's data for a settings value. */
export function toForm(s: Schema, value: unknown): unknown {
  switch (kindOf(s)) {
    case 'object': {
      if (!isObj(value)) return value;
      const out: Json = {};
      for (const [name, child] of Object.entries(props(s))) if (kindOf(child) !== 'hidden' && value[name] !== undefined) out[name] = toForm(child, value[name]);
      return out;
    }
    case 'map':
      return isObj(value) ? Object.entries(value).map(([key, row]) => ({ ...(toForm(s.additionalProperties as Schema, row) as Json), [KEY]: key })) : [];
    case 'table':
      return Array.isArray(value) ? value.map((row) => toForm(s.items as Schema, row)) : value;
    case 'text':
      return isObj(value) ? value['zh-CN'] : value;
    case 'lines':
      return Array.isArray(value) ? value.join('\n') : value;
    default:
      return value;
  }
}

/** A new code for a row added to a map: the identifier shape every settings map accepts. */
export function newKey(taken: ReadonlySet<string>): string {
  for (let n = taken.size + 1; ; n++) {
    const key = `item${n}`;
    if (!taken.has(key)) return key;
  }
}

let codes = 0;
/** A code for a new row of a list whose codes are hidden, of the identifier shape and unlikely to be taken. */
function freshCode(): string {
  codes += 1;
  return `n${Date.now().toString(36)}${codes}`;
}

/** The settings value for the form's data; `original` gives what the form does not show (English texts, codes). */
export function fromForm(s: Schema, data: unknown, original: unknown): unknown {
  switch (kindOf(s)) {
    case 'object': {
      if (!isObj(data)) return data;
      const out: Json = isObj(original) ? { ...original } : {};
      const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
      for (const [name, child] of Object.entries(props(s))) {
        if (kindOf(child) === 'hidden') {
          // a new row needs the code the admin does not see (a fee's code): a fresh one
          if (required.has(name) && out[name] === undefined && child.type === 'string') out[name] = freshCode();
          continue;
        }
        if (data[name] === undefined) delete out[name];
        else out[name] = fromForm(child, data[name], isObj(original) ? original[name] : undefined);
      }
      return out;
    }
    case 'map': {
      const before = isObj(original) ? original : {};
      const rows = Array.isArray(data) ? (data as Json[]) : [];
      const taken = new Set([...Object.keys(before), ...rows.map((r) => r?.[KEY]).filter((k): k is string => typeof k === 'string')]);
      const out: Json = {};
      for (const row of rows) {
        const { [KEY]: given, ...rest } = row ?? {};
        let key = typeof given === 'string' && given ? given : '';
        if (!key || key in out) taken.add((key = newKey(taken)));
        out[key] = fromForm(s.additionalProperties as Schema, rest, before[key]);
      }
      return out;
    }
    case 'table':
      return Array.isArray(data) ? data.map((row, i) => fromForm(s.items as Schema, row, Array.isArray(original) ? original[i] : undefined)) : data;
    case 'text':
      return typeof data === 'string' ? { ...(isObj(original) ? original : {}), 'zh-CN': data } : data;
    case 'lines':
      return typeof data === 'string' ? data.split('\n').map((l) => l.trim()).filter(Boolean) : data;
    default:
      return data;
  }
}

/**
 * Where a settings pointer's problem shows in the form: `/catalog/tapValve/price` → `/catalog/2/price`
 * (the row of that code), `/…/title/zh-CN` → `/…/title`. Null when the form does not show it.
 */
export function formPointer(s: Schema, value: unknown, tokens: readonly string[]): string[] | null {
  if (tokens.length === 0) return [];
  const [head, ...rest] = tokens as [string, ...string[]];
  switch (kindOf(s)) {
    case 'object': {
      const child = props(s)[head];
      if (!child) return [];
      if (kindOf(child) === 'hidden') return null;
      const inner = formPointer(child, isObj(value) ? value[head] : undefined, rest);
      return inner && [head, ...inner];
    }
    case 'map': {
      const keys = isObj(value) ? Object.keys(value) : [];
      const i = keys.indexOf(head);
      if (i < 0) return [];
      const inner = formPointer(s.additionalProperties as Schema, (value as Json)[head], rest);
      return inner && [String(i), ...inner];
    }
    case 'table': {
      const inner = formPointer(s.items as Schema, Array.isArray(value) ? value[Number(head)] : undefined, rest);
      return inner && [head, ...inner];
    }
    case 'hidden':
      return null;
    default:
      // a text's language, a line of a list: the problem belongs to the whole control
      return [];
  }
}

/**
 * The form runtime's logic, free of the DOM (JSON Forms' "core"): which fields each section shows,
 * their labels in the user's language, visibility / required / read-only / computed values from
 * the ui declaration's rules — evaluated with the same rule engine and in the same order as the
 * server (core/config/form-rules.ts) — and validation with the same ajv configuration the server
 * uses (core/declarations/ajv-factory.ts), with friendly messages in zh-CN and en.
 *
 * `getValue()` returns exactly what the server accepts: computed values applied, hidden fields
 * removed. A model is built once per (schema, ui) object pair and cached.
 */
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { createFormAjv } from '../core/declarations/ajv-factory.js';
import { compileRule, truthy, type CompiledRule } from '../core/rules/index.js';
import { hasMessage, localText, msg, type MessageKey } from './messages.js';
import { getAt, getPath, isEmptyValue, jsonClone, pathToPointer, pointerToPath, setAt, setPath, splitPointer } from './pointer.js';
import type { FieldSchema, FormContext, FormDeclaration, Language, LocalText, ServerIssue, UiDeclaration, UiFieldOptions } from './types.js';

/** One field as rendered: where its schema is, where its value is. */
export interface FieldRef {
  /** property name ('phone'), or the row index for an array item ('2') */
  name: string;
  /** dotted field path without indexes ('emergency.phone', 'readings.value'): what ui.fields and rules name */
  path: string;
  /** JSON pointer of the value in the form data ('/readings/2/value') */
  pointer: string;
  schema: FieldSchema;
  /** listed in the parent object's `required` (array items count as required) */
  requiredByParent: boolean;
  /** set when this ref is an item of an array (row `index`) */
  index?: number;
}

export interface SectionRef {
  id: string;
  title: LocalText | undefined;
  fields: FieldRef[];
}

/** The ui rules evaluated against one value. */
export interface RuleState {
  /** the value with computed fields applied (hidden fields still present): what widgets show */
  data: Record<string, unknown>;
  /** fields hidden by their own visibleIf or their section's (dotted paths, as the server counts them) */
  hiddenPaths: Set<string>;
  hiddenSections: Set<string>;
  /** fields whose requiredIf holds */
  requiredPaths: Set<string>;
  /** fields whose readOnlyIf holds */
  readOnlyPaths: Set<string>;
}

/** A problem with one value; `pointer` is relative to the form data ('/contactPhone'). */
export interface FormIssue {
  pointer: string;
  /** ajv keyword ('required', 'maxLength', 'format' …), 'hidden-field', or a server code */
  code: string;
  params?: Record<string, unknown>;
  /** given for server issues: used when the code is not one the runtime words itself */
  message?: string;
  /** a server issue about the request outside `/data` (e.g. `/unitId`) */
  outside?: boolean;
}

/** Issues in the user's language: per field pointer, and those no visible field can show. */
export interface LocalizedIssues {
  fields: Map<string, string>;
  form: string[];
}

export interface CheckResult {
  /** what would be sent (getValue) */
  value: Record<string, unknown>;
  issues: FormIssue[];
  valid: boolean;
}

// ---------------------------------------------------------------------------------------------
// ajv: one instance, one compiled validator per schema object

let sharedAjv: Ajv | undefined;
const validators = new WeakMap<object, ValidateFunction | Error>();
/**
 * ajv keeps every schema it compiled, so a host that fetches the same declaration again (a new
 * object, same content) must not make it compile — and keep — another copy.
 */
const validatorsByContent = new Map<string, ValidateFunction | Error>();

/** The schema's validator (compiled once per schema object, and once per distinct content), or the compile error. */
export function formValidator(schema: FormDeclaration): ValidateFunction | Error {
  let v = validators.get(schema);
  if (v) return v;
  // $id / $schema are the file's own business; two versions of one form may share an $id
  const { $id: _id, $schema: _schema, ...body } = schema as FormDeclaration & { $id?: string; $schema?: string };
  const key = JSON.stringify(body);
  v = validatorsByContent.get(key);
  if (!v) {
    sharedAjv ??= createFormAjv();
    try {
      v = sharedAjv.compile(body);
    } catch (error) {
      v = error instanceof Error ? error : new Error(String(error));
    }
    validatorsByContent.set(key, v);
  }
  validators.set(schema, v);
  return v;
}

// ---------------------------------------------------------------------------------------------

interface CompiledUiRule {
  rule: CompiledRule;
}

const NO_UI = {};
const models = new WeakMap<object, WeakMap<object, FormModel>>();

/** The model of a (schema, ui) pair, built once per pair of objects. */
export function formModel(schema: FormDeclaration, ui?: UiDeclaration): FormModel {
  let byUi = models.get(schema);
  if (!byUi) models.set(schema, (byUi = new WeakMap()));
  const key = ui ?? NO_UI;
  let model = byUi.get(key);
  if (!model) byUi.set(key, (model = new FormModel(schema, ui)));
  return model;
}

const ISSUE_PRIORITY: Record<string, number> = { required: 0, type: 1, format: 2, enum: 2, const: 2 };

export class FormModel {
  readonly sections: SectionRef[];
  /** rule or layout problems found while building the model (a bad declaration in a preview) */
  readonly problems: FormIssue[] = [];
  private readonly computed: ({ path: string } & CompiledUiRule)[] = [];
  private readonly requiredIf: ({ path: string } & CompiledUiRule)[] = [];
  private readonly readOnlyIf: ({ path: string } & CompiledUiRule)[] = [];
  private readonly errorIf: ({ path: string; text: { 'zh-CN': string; en?: string } } & CompiledUiRule)[] = [];
  private readonly visibleIf: ({ paths: string[]; section?: string } & CompiledUiRule)[] = [];
  /** dotted paths the sections render (each with everything under it) */
  private readonly rendered = new Set<string>();

  constructor(
    readonly schema: FormDeclaration,
    readonly ui?: UiDeclaration,
  ) {
    const compile = (logic: unknown, where: string): CompiledRule | undefined => {
      try {
        return compileRule(logic);
      } catch (error) {
        this.problems.push({ pointer: '', code: 'rule', params: { path: where, message: error instanceof Error ? error.message : String(error) } });
        return undefined;
      }
    };
    const sections = ui?.sections ?? [{ id: 'main', title: schema['x-label'], fields: Object.keys(schema.properties ?? {}) }];
    this.sections = sections.map((s) => ({
      id: s.id,
      title: s.title,
      fields: s.fields.flatMap((path) => {
        const ref = this.refForPath(path);
        if (!ref) {
          this.problems.push({ pointer: '', code: 'rule', params: { path: `sections/${s.id}`, message: `unknown field ${path}` } });
          return [];
        }
        this.rendered.add(path);
        return [ref];
      }),
    }));
    for (const s of ui?.sections ?? []) {
      if (s.visibleIf === undefined) continue;
      const rule = compile(s.visibleIf, `sections/${s.id}/visibleIf`);
      if (rule) this.visibleIf.push({ paths: [...s.fields], section: s.id, rule });
    }
    for (const [path, opts] of Object.entries(ui?.fields ?? {})) {
      const add = (list: ({ path: string } & CompiledUiRule)[], logic: unknown, kind: string) => {
        if (logic === undefined) return;
        const rule = compile(logic, `fields/${path}/${kind}`);
        if (rule) list.push({ path, rule });
      };
      add(this.computed, opts.computed, 'computed');
      add(this.requiredIf, opts.requiredIf, 'requiredIf');
      add(this.readOnlyIf, opts.readOnlyIf, 'readOnlyIf');
      if (opts.errorIf !== undefined && opts.errorMessage) {
        const rule = compile(opts.errorIf, `fields/${path}/errorIf`);
        if (rule) this.errorIf.push({ path, rule, text: opts.errorMessage });
      }
      if (opts.visibleIf !== undefined) {
        const rule = compile(opts.visibleIf, `fields/${path}/visibleIf`);
        if (rule) this.visibleIf.push({ paths: [path], rule });
      }
    }
  }

  // --- structure --------------------------------------------------------------------------------

  /** The schema of a dotted path, through objects and array items. */
  fieldAt(path: string): FieldSchema | undefined {
    let props: Record<string, FieldSchema> | undefined = this.schema.properties;
    let field: FieldSchema | undefined;
    for (const seg of path.split('.')) {
      field = props && Object.prototype.hasOwnProperty.call(props, seg) ? props[seg] : undefined;
      if (!field) return undefined;
      const inner: FieldSchema = field.type === 'array' && field.items ? field.items : field;
      props = inner.properties;
    }
    return field;
  }

  /** A ref for a dotted path outside arrays (what a section lists). */
  private refForPath(path: string): FieldRef | undefined {
    const schema = this.fieldAt(path);
    if (!schema) return undefined;
    const segs = path.split('.');
    const name = segs[segs.length - 1]!;
    const parent = segs.length > 1 ? this.fieldAt(segs.slice(0, -1).join('.')) : undefined;
    if (parent && parent.type !== 'object') return undefined; // a section cannot list a field inside array rows
    const required = (parent ? parent.required : this.schema.required) ?? [];
    return { name, path, pointer: pathToPointer(path), schema, requiredByParent: required.includes(name) };
  }

  /** The fields of an object field (or of an array row whose items are objects). */
  childRefs(ref: FieldRef): FieldRef[] {
    const props = ref.schema.properties ?? {};
    const required = ref.schema.required ?? [];
    return Object.entries(props).map(([name, schema]) => ({
      name,
      path: ref.path ? `${ref.path}.${name}` : name,
      pointer: `${ref.pointer}/${name}`,
      schema,
      requiredByParent: required.includes(name),
    }));
  }

  /** Row `index` of an array field. */
  itemRef(ref: FieldRef, index: number): FieldRef {
    return { name: String(index), path: ref.path, pointer: `${ref.pointer}/${index}`, schema: ref.schema.items ?? { type: 'string', maxLength: 1 }, requiredByParent: true, index };
  }

  /** ui.fields options of a field (never of an array row itself: those belong to the array). */
  uiOptions(ref: FieldRef | string): UiFieldOptions | undefined {
    if (typeof ref !== 'string' && ref.index !== undefined) return undefined;
    const path = typeof ref === 'string' ? ref : ref.path;
    const fields = this.ui?.fields;
    return fields && Object.prototype.hasOwnProperty.call(fields, path) ? fields[path] : undefined;
  }

  // --- texts ------------------------------------------------------------------------------------

  label(ref: FieldRef, language: Language): string {
    if (ref.index !== undefined) return msg(language, 'row', { n: ref.index + 1 });
    return fieldLabel(ref.schema, ref.name, language);
  }

  help(ref: FieldRef, language: Language): string | undefined {
    return localText(ref.schema['x-help'], language);
  }

  placeholder(ref: FieldRef, language: Language): string | undefined {
    return localText(this.uiOptions(ref)?.placeholder, language);
  }

  sectionTitle(section: SectionRef, language: Language): string {
    return localText(section.title, language) ?? section.id;
  }

  formTitle(language: Language): string {
    return localText(this.schema['x-label'], language) ?? this.schema.title ?? '';
  }

  /** The label of a pointer for form-level messages: '/readings/1/value' → '抄表读数 › 第 2 行 › 读数'. */
  pointerLabel(pointer: string, language: Language): string {
    const parts: string[] = [];
    let props: Record<string, FieldSchema> | undefined = this.schema.properties;
    let items: FieldSchema | undefined;
    for (const seg of splitPointer(pointer)) {
      if (/^\d+$/.test(seg) && items) {
        parts.push(msg(language, 'row', { n: Number(seg) + 1 }));
        props = items.properties;
        items = undefined;
        continue;
      }
      const field = props && Object.prototype.hasOwnProperty.call(props, seg) ? props[seg] : undefined;
      if (!field) {
        parts.push(seg);
        break;
      }
      parts.push(fieldLabel(field, seg, language));
      props = field.properties;
      items = field.type === 'array' ? field.items : undefined;
    }
    return parts.join(' › ');
  }

  // --- rules ------------------------------------------------------------------------------------

  /** Evaluates the ui rules the way the server does: computed first, then visibility, required, read-only. */
  evaluate(value: unknown, context?: FormContext): RuleState {
    const data = (isPlainObject(value) ? jsonClone(value) : {}) as Record<string, unknown>;
    const ctx = () => ruleContext(data, context);
    const run = (rule: CompiledRule): unknown => {
      try {
        return rule.evaluate(ctx());
      } catch {
        return null; // a rule that cannot run on incomplete data neither shows, requires nor computes
      }
    };
    for (const { path, rule } of this.computed) {
      const v = run(rule);
      if (v !== null && v !== undefined) setPath(data, path, v);
    }
    const state: RuleState = { data, hiddenPaths: new Set(), hiddenSections: new Set(), requiredPaths: new Set(), readOnlyPaths: new Set() };
    for (const { paths, section, rule } of this.visibleIf) {
      if (truthy(run(rule))) continue;
      paths.forEach((p) => state.hiddenPaths.add(p));
      if (section) state.hiddenSections.add(section);
    }
    for (const { path, rule } of this.requiredIf) if (truthy(run(rule))) state.requiredPaths.add(path);
    for (const { path, rule } of this.readOnlyIf) if (truthy(run(rule))) state.readOnlyPaths.add(path);
    return state;
  }

  /** Hidden when the field, a field it is inside, or its section is hidden. */
  isHidden(state: RuleState, path: string): boolean {
    return ancestors(path).some((p) => state.hiddenPaths.has(p));
  }

  isRequired(state: RuleState, ref: FieldRef): boolean {
    return ref.requiredByParent || (ref.index === undefined && !ref.pointer.match(/\/\d+(\/|$)/) && state.requiredPaths.has(ref.path));
  }

  isReadOnly(state: RuleState, ref: FieldRef): boolean {
    return ancestors(ref.path).some((p) => state.readOnlyPaths.has(p));
  }

  /**
   * What the server accepts: computed values applied and hidden fields removed, repeated until
   * stable so that the server, recomputing on exactly this value, gets the same result.
   */
  getValue(value: unknown, context?: FormContext): Record<string, unknown> {
    let current = (isPlainObject(value) ? jsonClone(value) : {}) as Record<string, unknown>;
    for (let round = 0; round < 5; round++) {
      const state = this.evaluate(current, context);
      for (const path of state.hiddenPaths) setAt(state.data, pathToPointer(path), undefined);
      const same = JSON.stringify(state.data) === JSON.stringify(current);
      current = state.data;
      if (same) break;
    }
    return current;
  }

  /** Validates what would be sent: ajv (the server's configuration) plus the requiredIf rules. */
  check(value: unknown, context?: FormContext): CheckResult {
    const out = this.getValue(value, context);
    const issues: FormIssue[] = [];
    const validate = formValidator(this.schema);
    if (validate instanceof Error) {
      issues.push({ pointer: '', code: 'rule', params: { path: 'schema', message: validate.message } });
    } else if (!validate(out)) {
      issues.push(...ajvToIssues(validate.errors, out));
    }
    const state = this.evaluate(out, context);
    for (const path of state.requiredPaths) {
      if (state.hiddenPaths.has(path)) continue;
      if (!isEmptyValue(getPath(out, path))) continue;
      const pointer = pathToPointer(path);
      if (!issues.some((i) => i.pointer === pointer && i.code === 'required')) issues.push({ pointer, code: 'required' });
    }
    // the server refuses these too, with the same rule and message
    for (const { path, rule, text } of this.errorIf) {
      if (this.isHidden(state, path) || isEmptyValue(getPath(out, path))) continue;
      let refused = false;
      try {
        refused = truthy(rule.evaluate(ruleContext(out, context)));
      } catch {
        refused = false;
      }
      if (refused) issues.push({ pointer: pathToPointer(path), code: 'rule-error', params: { text } });
    }
    return { value: out, issues, valid: issues.length === 0 };
  }

  // --- messages ---------------------------------------------------------------------------------

  /** One issue in words (no label: it is shown under its field). */
  message(issue: FormIssue, language: Language): string {
    if (issue.params === undefined && issue.message !== undefined) return issue.message;
    const p = issue.params ?? {};
    const n = (key: string) => ({ n: String(p[key]) });
    const fallback = () => issue.message ?? msg(language, 'invalid');
    switch (issue.code) {
      case 'required':
        return msg(language, 'required');
      case 'hidden-field':
        return msg(language, 'hiddenField');
      case 'rule-error':
        return localText(p.text as LocalText | undefined, language) ?? fallback();
      case 'type': {
        if (p.empty) return msg(language, 'required');
        const key = `type.${String(p.type ?? '').split(',')[0]}`;
        return hasMessage(key) ? msg(language, key) : fallback();
      }
      case 'format': {
        if (p.format === undefined) return issue.message ?? msg(language, 'format');
        const key = `format.${String(p.format)}`;
        return hasMessage(key) ? msg(language, key) : msg(language, 'format');
      }
      case 'minLength':
        return Number(p.limit) === 1 ? msg(language, 'required') : msg(language, 'minLength', n('limit'));
      case 'maxLength':
      case 'maximum':
      case 'minimum':
      case 'exclusiveMaximum':
      case 'exclusiveMinimum':
      case 'maxItems':
      case 'minItems':
        return p.limit === undefined ? fallback() : msg(language, issue.code, n('limit'));
      case 'multipleOf':
        return p.multipleOf === undefined ? fallback() : msg(language, 'multipleOf', n('multipleOf'));
      case 'pattern':
      case 'enum':
      case 'const':
      case 'uniqueItems':
      case 'additionalProperties':
        return msg(language, issue.code);
      case 'rule':
        return msg(language, 'ruleProblem', { path: String(p.path ?? ''), message: String(p.message ?? '') });
      default:
        return fallback();
    }
  }

  /**
   * Server issues (pointers relative to the request body) → form issues: `/data/…` onto the
   * field, with the field's schema supplying the numbers the runtime's own words need; anything
   * else is kept for the form-level box.
   */
  fromServer(issues: readonly ServerIssue[] | undefined): FormIssue[] {
    return (issues ?? []).map((issue) => {
      if (!issue.pointer.startsWith('/data/')) return { pointer: issue.pointer, code: issue.code, message: issue.message, outside: true };
      const pointer = issue.pointer.slice('/data'.length);
      const schema = this.fieldAt(pointerToPath(pointer));
      const params: Record<string, unknown> = {};
      if (schema) {
        const limitKeyword = ['maxLength', 'minLength', 'maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'maxItems', 'minItems'];
        if (limitKeyword.includes(issue.code)) params.limit = schema[issue.code];
        if (issue.code === 'multipleOf') params.multipleOf = schema.multipleOf;
        if (issue.code === 'format') params.format = schema.format;
        if (issue.code === 'type') params.type = schema.type;
      }
      const known = ['required', 'hidden-field', 'type', 'format', 'pattern', 'enum', 'const', 'uniqueItems', 'additionalProperties', 'multipleOf', 'maxLength', 'minLength', 'maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'maxItems', 'minItems'];
      // params only for codes the runtime words itself; otherwise the server's message is shown
      return known.includes(issue.code) ? { pointer, code: issue.code, params, message: issue.message } : { pointer, code: issue.code, message: issue.message };
    });
  }

  /** Can a visible widget show an issue at `pointer`? (its field is laid out, known and not hidden) */
  isShownField(pointer: string, state: RuleState): boolean {
    if (pointer === '') return false;
    const path = pointerToPath(pointer);
    if (!this.fieldAt(path)) return false;
    const laidOut = ancestors(path).some((p) => this.rendered.has(p));
    if (!laidOut) return false;
    if (this.isHidden(state, path)) return false;
    const top = this.sections.find((s) => s.fields.some((f) => ancestors(path).includes(f.path)));
    return !top || !state.hiddenSections.has(top.id);
  }

  /** Issues in words: one message per field pointer (the most basic problem first), the rest for the form-level box. */
  localize(issues: readonly FormIssue[], language: Language, state: RuleState): LocalizedIssues {
    const fields = new Map<string, string>();
    const rank = new Map<string, number>();
    const form: string[] = [];
    const colon = language === 'en' ? ': ' : '：';
    for (const issue of issues) {
      const text = this.message(issue, language);
      if (!issue.outside && this.isShownField(issue.pointer, state)) {
        const r = ISSUE_PRIORITY[issue.code] ?? 3;
        if (!fields.has(issue.pointer) || r < rank.get(issue.pointer)!) {
          fields.set(issue.pointer, text);
          rank.set(issue.pointer, r);
        }
        continue;
      }
      const where = issue.outside ? splitPointer(issue.pointer).join('.') : issue.pointer === '' ? '' : this.pointerLabel(issue.pointer, language);
      const line = where ? `${where}${colon}${text}` : text;
      if (!form.includes(line)) form.push(line);
    }
    return { fields, form };
  }
}

// ---------------------------------------------------------------------------------------------

function fieldLabel(schema: FieldSchema, name: string, language: Language): string {
  return localText(schema['x-label'], language) ?? schema.title ?? name;
}

/** The label of an enum value: x-enumLabels on the field (or, for a checkbox group, on its items). */
export function enumLabel(schema: FieldSchema, value: unknown, language: Language): string {
  const key = String(value);
  const labels = schema['x-enumLabels'] ?? schema.items?.['x-enumLabels'];
  const text = labels && Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : undefined;
  return localText(text, language) ?? key;
}

/** The rule context, as the server builds it around a form. */
export function ruleContext(form: Record<string, unknown>, context?: FormContext): Record<string, unknown> {
  return { data: { ...(context?.data ?? {}), ...form }, case: context?.case, actor: context?.actor, config: context?.config };
}

/** 'a.b.c' → ['a', 'a.b', 'a.b.c'] */
function ancestors(path: string): string[] {
  const segs = path.split('.');
  return segs.map((_, i) => segs.slice(0, i + 1).join('.'));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** ajv errors → form issues (pointer of the field concerned, keyword, the numbers messages need). */
function ajvToIssues(errors: ErrorObject[] | null | undefined, data: unknown): FormIssue[] {
  const out: FormIssue[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    let pointer = e.instancePath;
    const params: Record<string, unknown> = {};
    switch (e.keyword) {
      case 'if':
      case 'anyOf':
      case 'oneOf':
      case 'allOf':
      case 'not':
        continue; // the branch errors say more
      case 'required':
        pointer += '/' + String((e.params as { missingProperty: string }).missingProperty);
        break;
      case 'additionalProperties':
        pointer += '/' + String((e.params as { additionalProperty: string }).additionalProperty);
        break;
      case 'type':
        params.type = (e.params as { type: string | string[] }).type;
        params.type = Array.isArray(params.type) ? params.type.join(',') : params.type;
        if (getAt(data, pointer) === null || getAt(data, pointer) === undefined) params.empty = true;
        break;
      case 'format':
        params.format = (e.params as { format: string }).format;
        break;
      case 'multipleOf':
        params.multipleOf = (e.params as { multipleOf: number }).multipleOf;
        break;
      default:
        if ('limit' in (e.params as object)) params.limit = (e.params as { limit: unknown }).limit;
    }
    const key = `${pointer}|${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer, code: e.keyword, params });
  }
  return out;
}

export type { MessageKey };

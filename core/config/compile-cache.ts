/**
 * Compiled pieces of configuration, cached by the content hash of their declaration: a form's ajv
 * validator, a rule, a UI layout's rules, a template, a plugin bundle's validation issues. A
 * configuration differs from the one before by a field or two, so checking a draft, compiling a
 * new version or a dry run recompiles only the declarations that changed; the rest comes from here.
 * Each process (and each worker thread of the draft pool) has its own cache.
 */
import { createHash } from 'node:crypto';
import type { Ajv, ValidateFunction } from 'ajv';
import type Handlebars from 'handlebars';
import type { UiDeclaration } from '../../schemas/generated/ui.js';
import { createFormAjv } from '../declarations/ajv-factory.js';
import { compileRule, type CompiledRule, type RuleLogic } from '../rules/index.js';
import { compileFormRules, type FormRules } from './form-rules.js';

/** What was compiled (a miss) and what was served from the cache (a hit), per kind; tests read it. */
export interface CompileCounts {
  forms: number;
  formHits: number;
  rules: number;
  ruleHits: number;
  formRules: number;
  formRulesHits: number;
  templates: number;
  templateHits: number;
  bundleChecks: number;
  bundleCheckHits: number;
}

const counts: CompileCounts = { forms: 0, formHits: 0, rules: 0, ruleHits: 0, formRules: 0, formRulesHits: 0, templates: 0, templateHits: 0, bundleChecks: 0, bundleCheckHits: 0 };

export function compileCounts(): Readonly<CompileCounts> {
  return { ...counts };
}

/** Entries per kind; the least recently used go first. Enough for many companies' configurations. */
const MAX_ENTRIES = 4_000;
/**
 * ajv keeps a little of every schema it compiled (its code scope), even after removeSchema: the
 * shared instance is replaced after this many compilations. Validators compiled earlier stay valid.
 */
const COMPILES_PER_AJV = 1_000;

class Lru<V> {
  private readonly map = new Map<string, V>();
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    if (this.map.size >= MAX_ENTRIES) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, value);
  }
  clear(): void {
    this.map.clear();
  }
}

/** Hashes of objects already hashed: unpatched plugin declarations are the same objects every time. */
const objectHashes = new WeakMap<object, string>();

/** sha-256 of the JSON text. Key order counts: a reordered copy is a (harmless) miss, never a wrong hit. */
export function contentHash(value: unknown): string {
  if (value !== null && typeof value === 'object') {
    const known = objectHashes.get(value);
    if (known) return known;
    const hash = createHash('sha256').update(JSON.stringify(value)).digest('base64url');
    objectHashes.set(value, hash);
    return hash;
  }
  return createHash('sha256').update(JSON.stringify(value) ?? 'undefined').digest('base64url');
}

type FormCompiled = { validate: ValidateFunction } | { error: Error };
const forms = new Lru<FormCompiled>();
const rules = new Lru<CompiledRule>();
const layouts = new Lru<FormRules>();
const templates = new WeakMap<typeof Handlebars, Lru<Handlebars.TemplateDelegate>>();
const bundleChecks = new Lru<unknown[]>();

let ajv: Ajv | null = null;
let ajvCompiles = 0;

function sharedAjv(): Ajv {
  if (!ajv || ajvCompiles >= COMPILES_PER_AJV) {
    // schemas are not registered by their $id: two drafts may carry the same form
    ajv = createFormAjv({ addUsedSchema: false });
    ajvCompiles = 0;
  }
  ajvCompiles++;
  return ajv;
}

/**
 * A form's (or settings schema's) validator. An invalid schema throws ajv's error, every time:
 * the cache remembers refusals too.
 */
export function formValidator(schema: object): ValidateFunction {
  const key = contentHash(schema);
  let entry = forms.get(key);
  if (entry) counts.formHits++;
  else {
    counts.forms++;
    try {
      // ajv keeps the schema object: give it a copy nobody else will change
      entry = { validate: sharedAjv().compile(structuredClone(schema)) };
    } catch (e) {
      entry = { error: e as Error };
    }
    forms.set(key, entry);
  }
  if ('error' in entry) throw entry.error;
  return entry.validate;
}

/** A compiled rule (frozen, shared). A refused rule throws and is not cached. */
export function cachedRule(logic: RuleLogic): CompiledRule {
  const key = contentHash(logic);
  const hit = rules.get(key);
  if (hit) {
    counts.ruleHits++;
    return hit;
  }
  counts.rules++;
  const compiled = compileRule(logic);
  rules.set(key, compiled);
  return compiled;
}

/** A UI layout's server-side rules (visibleIf, requiredIf, computed, errorIf). */
export function cachedFormRules(ui: UiDeclaration | undefined): FormRules {
  if (!ui) return compileFormRules(undefined);
  const key = contentHash(ui);
  const hit = layouts.get(key);
  if (hit) {
    counts.formRulesHits++;
    return hit;
  }
  counts.formRules++;
  const compiled = compileFormRules(ui);
  layouts.set(key, compiled);
  return compiled;
}

/** A template compiled in a handlebars environment (its helpers), by the template's source. */
export function cachedTemplate(hb: typeof Handlebars, source: string): Handlebars.TemplateDelegate {
  let byEnv = templates.get(hb);
  if (!byEnv) {
    byEnv = new Lru();
    templates.set(hb, byEnv);
  }
  const key = contentHash(source);
  const hit = byEnv.get(key);
  if (hit) {
    counts.templateHits++;
    return hit;
  }
  counts.templates++;
  const compiled = hb.compile(source, { strict: false, noEscape: false });
  byEnv.set(key, compiled);
  return compiled;
}

/**
 * The issues of validating one plugin bundle in a context (known roles, effects, helpers, plugins),
 * by the content of both: a draft that leaves a plugin alone does not validate it again.
 */
export function cachedBundleCheck<I>(bundle: object, context: unknown, check: () => I[]): I[] {
  const key = `${contentHash(bundle)}:${contentHash(context)}`;
  const hit = bundleChecks.get(key);
  if (hit) {
    counts.bundleCheckHits++;
    return structuredClone(hit) as I[];
  }
  counts.bundleChecks++;
  const issues = check();
  bundleChecks.set(key, structuredClone(issues));
  return issues;
}

/** Development reload: plugin declarations changed under the same names. Content hashes stay right, but free the memory. */
export function clearCompileCache(): void {
  forms.clear();
  rules.clear();
  layouts.clear();
  bundleChecks.clear();
  ajv = null;
}

/**
 * The company's own case types (configuration `caseTypes.<xId>`, core/config/company-case-types.ts)
 * as the editor handles them: each is shown as a bundle `x-…` like a plugin's, so the forms,
 * workflow and print pages edit it unchanged; what they edit is written back whole into
 * `caseTypes.<xId>.{workflow, forms.<n>, ui.<n>, rules.<n>, templates.<n>}` (a company type is
 * its own definition, not a patch over a plugin's). A new type starts blank (one form, two
 * states, one step) or as a copy of an existing type's declarations.
 */
import { COMPANY_BUNDLE_PREFIX, COMPANY_CASE_TYPE } from '../../../core/declarations/reserved-names.js';
import type { DeclSection, FormDeclaration, PluginDecls, Text, UiDeclaration, WorkflowDeclaration } from './admin-types.js';
import { clone } from './patch.js';
import type { MessageDecl } from './notify-step.js';

export { COMPANY_CASE_TYPE };

/** Where a company type's definition sits in the document and what it holds (the document's own shape). */
export interface CompanyTypeDef {
  workflow: WorkflowDeclaration;
  forms: Record<string, FormDeclaration>;
  ui?: Record<string, UiDeclaration>;
  rules?: Record<string, unknown>;
  templates?: Record<string, string>;
  /** messages its notify steps send (caseTypes.<x>.messages), shown as the bundle's manifest messages */
  messages?: Record<string, MessageDecl>;
}

/** xKeyLoan -> x-key-loan (the same naming as the server's companyBundleId) */
export function companyBundleId(caseType: string): string {
  return COMPANY_BUNDLE_PREFIX + caseType.slice(1).replace(/[A-Z]/g, (c, i: number) => (i === 0 ? '' : '-') + c.toLowerCase());
}

/** x-key-loan -> xKeyLoan (companyBundleId read backwards) */
export function companyCaseTypeOf(bundleId: string): string {
  return 'x' + bundleId.slice(COMPANY_BUNDLE_PREFIX.length).split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

export const isCompanyBundle = (pluginId: string): boolean => pluginId.startsWith(COMPANY_BUNDLE_PREFIX);

/** The path in the document of one declaration of a company type. */
export function companyDeclPath(caseType: string, section: DeclSection, name: string): string[] {
  return section === 'workflows' ? ['caseTypes', caseType, 'workflow'] : ['caseTypes', caseType, section, name];
}

/** The bundle the pages edit, from the definition in the document. */
export function bundleOf(caseType: string, def: CompanyTypeDef): PluginDecls {
  const title = (def.workflow?.title as Text | undefined) ?? { 'zh-CN': caseType };
  return {
    manifest: { id: companyBundleId(caseType), version: '1.0.0', title, ...(def.messages ? { messages: clone(def.messages) } : {}) } as PluginDecls['manifest'],
    workflows: { [caseType]: clone(def.workflow) },
    forms: clone(def.forms ?? {}),
    ui: clone(def.ui ?? {}) as PluginDecls['ui'],
    rules: clone(def.rules ?? {}) as PluginDecls['rules'],
    templates: clone(def.templates ?? {}),
  };
}

/** A free id for a new type: what the admin typed when it fits the company's namespace, else xType<n>. */
export function newCaseTypeId(typed: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const t = typed.trim();
  if (COMPANY_CASE_TYPE.test(t) && !used.has(t)) return t;
  let n = 1;
  while (used.has(`xType${n}`)) n++;
  return `xType${n}`;
}

/** A blank type: a registration form with one field, 办理中 → 已完成 by one step the given roles take. */
export function blankType(caseType: string, title: Text, roles: string[], serialPrefix = 'ZJ'): CompanyTypeDef {
  return {
    workflow: {
      caseType, title, serialPrefix, form: 'register', initialState: 'open', createRoles: roles,
      states: { open: { title: { 'zh-CN': '办理中', en: 'Open' } }, done: { title: { 'zh-CN': '已完成', en: 'Done' }, final: true } },
      transitions: { finish: { title: { 'zh-CN': '办结', en: 'Finish' }, from: ['open'], to: 'done', roles } },
    } as unknown as WorkflowDeclaration,
    forms: {
      register: {
        type: 'object', 'x-label': title, additionalProperties: false, required: ['subject'],
        properties: { subject: { type: 'string', maxLength: 200, 'x-label': { 'zh-CN': '事由', en: 'Subject' } } },
      } as unknown as FormDeclaration,
    },
    ui: { register: { form: 'register', sections: [{ id: 'main', title, fields: ['subject'] }] } as unknown as UiDeclaration },
  };
}

/**
 * What a plugin's declarations read from the plugin itself, made the copy's own: a company type has
 * no settings and no message templates, so each `{ var: 'config.x' }` becomes the value the plugin's
 * setting has now (a later change of the plugin's settings no longer reaches the copy), and a
 * `notify` effect naming one of the plugin's messages is left out (the check would refuse it).
 */
function detachFromPlugin<T>(value: T, settings: Record<string, unknown>): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === 'var') {
      const ref = Array.isArray(o.var) ? o.var[0] : o.var;
      const fallback = Array.isArray(o.var) ? o.var[1] : null;
      if (typeof ref === 'string' && ref.startsWith('config.')) {
        const found = ref.slice('config.'.length).split('.').reduce<unknown>((acc, k) => (acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[k] : undefined), settings);
        const literal = found === undefined ? fallback ?? null : found;
        // an object would read as an operation: such a setting stays a reference (the check names it)
        if (literal === null || typeof literal !== 'object' || Array.isArray(literal)) return literal;
      }
      return v;
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) {
      if (k === 'effects' && Array.isArray(x)) {
        out[k] = x.filter((e) => !((e as { type?: string }).type === 'notify' && (e as { params?: { template?: unknown } }).params?.template !== undefined)).map(walk);
      } else out[k] = walk(x);
    }
    return out;
  };
  return walk(value) as T;
}

/** A rule's examples that set the plugin's settings test what the copy no longer reads: left out. */
function withoutSettingsExamples(rules: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const examples = (rule as { examples?: { context?: { config?: unknown } }[] }).examples;
    out[name] = Array.isArray(examples) ? { ...(rule as object), examples: examples.filter((e) => e?.context?.config === undefined) } : rule;
  }
  return out;
}

/**
 * A copy of an existing type: its workflow (renamed), the forms it names with their layouts, the
 * templates its documents print and the bundle's rules (guards may name them). `settings`: the
 * source plugin's settings, written into the copy where its declarations read them.
 */
export function copyOfType(caseType: string, title: Text, source: PluginDecls, sourceCaseType: string, settings: Record<string, unknown> = {}): CompanyTypeDef | null {
  const wf = source.workflows[sourceCaseType];
  if (!wf) return null;
  const workflow = detachFromPlugin({ ...clone(wf), caseType, title } as WorkflowDeclaration, settings);
  const formNames = new Set([wf.form, ...Object.values(wf.transitions).map((t) => t.form), wf.followUp?.form].filter((n): n is string => typeof n === 'string'));
  const forms = Object.fromEntries([...formNames].filter((n) => source.forms[n]).map((n) => [n, clone(source.forms[n]!)]));
  const ui = Object.fromEntries(Object.entries(source.ui).filter(([, u]) => formNames.has((u as { form: string }).form)).map(([n, u]) => [n, clone(u)]));
  const templateNames = new Set(Object.values(wf.documents ?? {}).map((d) => d.template));
  const templates = Object.fromEntries(Object.entries(source.templates ?? {}).filter(([n]) => templateNames.has(n)));
  const def: CompanyTypeDef = { workflow, forms };
  if (Object.keys(ui).length) def.ui = ui as Record<string, UiDeclaration>;
  if (Object.keys(source.rules).length) def.rules = withoutSettingsExamples(detachFromPlugin(clone(source.rules), settings));
  if (Object.keys(templates).length) def.templates = templates;
  return def;
}

/**
 * A document path inside a company type read as the path of its bundle's declaration, so places
 * and changes are named like a plugin's (「钥匙借用 · 表单 …」, never `caseTypes · xType1 · …`):
 * caseTypes/<x>/workflow/… → plugins/<bundle>/workflows/<x>/…,
 * caseTypes/<x>/<section>/<name>/… → plugins/<bundle>/<section>/<name>/…
 */
export function asPluginTokens(t: string[]): string[] {
  if (t[0] !== 'caseTypes' || !t[1] || !t[2]) return t;
  const bundle = companyBundleId(t[1]);
  if (t[2] === 'workflow') return ['plugins', bundle, 'workflows', t[1], ...t.slice(3)];
  return ['plugins', bundle, ...t.slice(2)];
}

/** The words a type's sentence is made of (message keys nt_sentence*, the editor's list separator). */
export interface SentenceWords {
  t: (key: string, params: Record<string, string>) => string;
  /** a declared title in the editor's language */
  title: (t: unknown) => string;
  separator: string;
}

/** A whole company type added or removed, in words: its name, forms with their fields, states and documents. */
export function companyTypeSentence(def: unknown, added: boolean, w: SentenceWords): string {
  const d = def as Partial<CompanyTypeDef> | undefined;
  const name = w.title(d?.workflow?.title);
  if (!added) return w.t('nt_sentenceRemoved', { name });
  const forms = Object.values(d?.forms ?? {}).map((f) => w.t('nt_sentenceForm', {
    name: w.title(f['x-label']), fields: Object.values(f.properties ?? {}).map((p) => w.title(p['x-label'])).filter(Boolean).join(w.separator),
  }));
  const states = Object.values(d?.workflow?.states ?? {}).map((s) => w.title(s.title));
  const docs = Object.values(d?.workflow?.documents ?? {}).map((x) => w.t('nt_sentenceDoc', { name: w.title(x.title) }));
  return [
    w.t('nt_sentenceAdded', { name }),
    forms.length ? w.t('nt_sentenceForms', { forms: forms.join(w.separator) }) : '',
    states.length ? w.t('nt_sentenceStates', { states: states.join(w.separator) }) : '',
    docs.length ? w.t('nt_sentenceDocs', { docs: docs.join(w.separator) }) : '',
  ].filter(Boolean).join(w.t('nt_sentenceJoin', {}));
}

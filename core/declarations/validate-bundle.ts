/**
 * Validates a whole plugin bundle: each declaration against its meta-schema, then the references
 * between them. Used both at start-up (files on disk) and when a company proposes a configuration
 * version (patched bundles), so a bad configuration never becomes active.
 */
import type { FieldIssue } from '../errors.js';
import { joinPointer } from '../errors.js';
import { compileRule } from '../rules/index.js';
import type { ValidateFunction } from 'ajv';
import { ajvParams, createFormAjv } from './ajv-factory.js';
import { validateDeclaration, type DeclarationKind } from './meta-validator.js';
import type { BundleSection, PluginBundle } from './plugin-bundle.js';
import { fieldPaths, hasFieldPath, unionFields, type FieldSchema } from './form-fields.js';
import { checkWorkflow, workflowFields } from './check-workflow.js';
import { checkRuleAgainstScope } from './rule-vars.js';
import { checkTemplate } from './check-template.js';
import { checkPluginMessages } from '../notifications/notify-effect-check.js';

export interface BundleIssue extends FieldIssue {
  section: BundleSection;
  name: string;
}

export interface BundleCheckContext {
  /** every role id known to the company (plugin defaults + configuration) */
  roles: ReadonlySet<string>;
  effectTypes: ReadonlySet<string>;
  templateHelpers: ReadonlySet<string>;
  /** ids of the other plugins loaded alongside */
  pluginIds: ReadonlySet<string>;
  /**
   * Compiles a form or settings schema (throws when ajv refuses it). Default: a fresh ajv per
   * validation; configuration checks pass a cache keyed by the schema's content (core/config/compile-cache.ts).
   */
  compileSchema?: (schema: object) => ValidateFunction;
}

/** A fresh ajv per validation: forms may carry $id, and compiled schemas must not pile up across proposals. */
const newFormAjv = () => createFormAjv();

export function configKeysOf(bundle: PluginBundle): Set<string> {
  const props = (bundle.manifest.config?.schema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return new Set(Object.keys(props ?? {}));
}

export function validateBundle(bundle: PluginBundle, ctx: BundleCheckContext): BundleIssue[] {
  const issues: BundleIssue[] = [];
  const push = (section: BundleSection, name: string, list: FieldIssue[]) => {
    for (const i of list) issues.push({ ...i, section, name });
  };
  const meta = (kind: DeclarationKind, section: BundleSection, name: string, value: unknown) => {
    const found = validateDeclaration(kind, value);
    push(section, name, found);
    return found.length === 0;
  };

  // 1. Meta-schemas. A section that fails them is not cross-checked (its shape is unknown).
  const manifestOk = meta('plugin', 'manifest', '', bundle.manifest);
  const formsOk = new Set(Object.entries(bundle.forms).filter(([n, f]) => meta('form', 'forms', n, f)).map(([n]) => n));
  const uiOk = Object.entries(bundle.ui).filter(([n, u]) => meta('ui', 'ui', n, u));
  const workflowsOk = Object.entries(bundle.workflows).filter(([n, w]) => meta('workflow', 'workflows', n, w));
  // Rules are validated one by one (wrapped as a rules file); pointers are made relative to the rule.
  const rulesOk = Object.entries(bundle.rules).filter(([n, r]) => {
    const prefix = `/rules/${n}`;
    const found = validateDeclaration('rules', { rules: { [n]: r } }).map((i) => ({ ...i, pointer: i.pointer.startsWith(prefix) ? i.pointer.slice(prefix.length) : i.pointer }));
    push('rules', n, found);
    return found.length === 0;
  });
  if (!manifestOk || formsOk.size !== Object.keys(bundle.forms).length) return issues;

  // 2. Manifest references.
  if (bundle.manifest.id !== bundle.id) push('manifest', '', [{ pointer: '/id', code: 'id-mismatch', message: `id "${bundle.manifest.id}" must equal the folder name "${bundle.id}"` }]);
  (bundle.manifest.dependsOn ?? []).forEach((dep, i) => {
    if (!ctx.pluginIds.has(dep)) push('manifest', '', [{ pointer: `/dependsOn/${i}`, code: 'unknown-dependency', message: `depends on plugin "${dep}", which is not loaded` }]);
  });
  for (const [id, role] of Object.entries(bundle.manifest.roles ?? {})) {
    for (const key of ['reportsTo', 'mergedInto'] as const) {
      const ref = role[key];
      if (ref && !ctx.roles.has(ref)) push('manifest', '', [{ pointer: joinPointer('roles', id, key), code: 'unknown-role', message: `unknown role "${ref}"` }]);
    }
  }
  const config = bundle.manifest.config;
  if (config) {
    try {
      const validate = ctx.compileSchema ? ctx.compileSchema(config.schema) : newFormAjv().compile(config.schema);
      if (!validate(config.defaults)) {
        push('manifest', '', (validate.errors ?? []).map((e) => ({ pointer: `/config/defaults${e.instancePath}`, code: 'config-defaults', message: e.message ?? 'invalid', params: { keyword: e.keyword, ...ajvParams(e) } })));
      }
    } catch (e) {
      push('manifest', '', [{ pointer: '/config/schema', code: 'config-schema', message: (e as Error).message }]);
    }
  }

  // 3. Forms: required fields exist, enum labels match, ajv accepts the schema.
  const formAjv = ctx.compileSchema ? null : newFormAjv();
  const compileForm = ctx.compileSchema ?? ((schema: object) => formAjv!.compile(schema));
  for (const name of formsOk) {
    const form = bundle.forms[name]!;
    push('forms', name, checkForm(form, compileForm));
  }
  // Options from settings must name a setting of this plugin.
  const configKeys = configKeysOf(bundle);
  for (const name of formsOk) {
    for (const [path, schema] of fieldPaths(bundle.forms[name]!)) {
      const key = schema['x-optionsFrom'];
      if (typeof key === 'string' && !configKeys.has(key)) {
        push('forms', name, [{ pointer: `/properties/${path.split('.').join('/properties/')}/x-optionsFrom`, code: 'unknown-setting', message: `"${key}" is not a setting of plugin ${bundle.id} (known: ${[...configKeys].join(', ') || 'none'})` }]);
      }
    }
  }
  // 4. Workflows.
  for (const [name, wf] of workflowsOk) {
    push('workflows', name, checkWorkflow(name, wf, bundle, { roles: ctx.roles, effectTypes: ctx.effectTypes, configKeys }));
    push('workflows', name, checkFieldConflicts(wf.form, bundle, workflowFields(wf, bundle)));
    for (const doc of Object.values(wf.documents ?? {})) {
      const src = bundle.templates[doc.template];
      if (src !== undefined) push('templates', doc.template, checkTemplate(src, workflowFields(wf, bundle), ctx.templateHelpers));
    }
  }
  // Templates no document uses yet are still checked, against every field of the plugin.
  const referenced = new Set(workflowsOk.flatMap(([, wf]) => Object.values(wf.documents ?? {}).map((d) => d.template)));
  const pluginFields = unionFields(Object.values(bundle.forms));
  const pluginDocuments = bundle.manifest.documents ?? {};
  for (const [name, src] of Object.entries(bundle.templates)) {
    if (referenced.has(name)) continue;
    // a plugin document (rendered by the plugin's code) reads the roots its manifest declares
    const declared = pluginDocuments[name];
    push('templates', name, declared ? checkTemplate(src, new Map(), ctx.templateHelpers, ['company', 'project', 'document', 'now', ...declared.context]) : checkTemplate(src, pluginFields, ctx.templateHelpers));
  }
  // messages to residents and the workflows' notify effects (core/notifications/notify-effect-check.ts)
  for (const found of checkPluginMessages(bundle, workflowsOk, ctx.roles)) push(found.section, found.name, found.issues);
  for (const name of Object.keys(pluginDocuments)) {
    if (bundle.templates[name] === undefined) push('manifest', '', [{ pointer: `/documents/${name}`, code: 'unknown-template', message: `no templates/${name}.hbs` }]);
  }
  // 5. UI layouts.
  for (const [name, ui] of uiOk) {
    const form = bundle.forms[ui.form];
    if (!form) {
      push('ui', name, [{ pointer: '/form', code: 'unknown-form', message: `unknown form "${ui.form}"` }]);
      continue;
    }
    const fields = fieldPaths(form);
    const scope = { fields, configKeys };
    ui.sections.forEach((s, si) => {
      s.fields.forEach((f, fi) => {
        if (!fields.has(f)) push('ui', name, [{ pointer: `/sections/${si}/fields/${fi}`, code: 'unknown-field', message: `unknown field "${f}" in form ${ui.form}` }]);
      });
      if (s.visibleIf !== undefined) push('ui', name, checkRuleAgainstScope(s.visibleIf, scope, `/sections/${si}/visibleIf`));
    });
    for (const [f, opts] of Object.entries(ui.fields ?? {})) {
      const base = joinPointer('fields', f);
      if (!fields.has(f)) push('ui', name, [{ pointer: base, code: 'unknown-field', message: `unknown field "${f}" in form ${ui.form}` }]);
      for (const key of ['visibleIf', 'requiredIf', 'readOnlyIf', 'computed', 'errorIf'] as const) {
        if (opts[key] !== undefined) push('ui', name, checkRuleAgainstScope(opts[key], scope, `${base}/${key}`));
      }
      if ((opts.errorIf === undefined) !== (opts.errorMessage === undefined)) {
        push('ui', name, [{ pointer: `${base}/${opts.errorIf === undefined ? 'errorMessage' : 'errorIf'}`, code: 'error-rule-pair', message: 'errorIf and errorMessage go together: the rule that refuses a value and the message that says why' }]);
      }
    }
  }
  // 6. Rules: whitelist, variables, and their worked examples.
  const allFields = unionFields(Object.values(bundle.forms));
  for (const [name, rule] of rulesOk) {
    const found = checkRuleAgainstScope(rule.logic, { fields: allFields, configKeys }, '/logic');
    push('rules', name, found);
    if (found.length > 0) continue;
    const compiled = compileRule(rule.logic);
    (rule.examples ?? []).forEach((ex, i) => {
      let got: unknown;
      try {
        got = compiled.evaluate(ex.context);
      } catch (e) {
        push('rules', name, [{ pointer: `/examples/${i}/context`, code: 'rule-example-failed', message: `example fails: ${(e as Error).message}` }]);
        return;
      }
      if (JSON.stringify(got) !== JSON.stringify(ex.result)) {
        push('rules', name, [{ pointer: `/examples/${i}/result`, code: 'rule-example-failed', message: `example gives ${JSON.stringify(got)}, expected ${JSON.stringify(ex.result)}` }]);
      }
    });
  }
  return issues;
}

function checkForm(form: { properties?: unknown; required?: string[] }, compileForm: (schema: object) => unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const walk = (schema: FieldSchema, pointer: string) => {
    (schema.required ?? []).forEach((r, i) => {
      if (!schema.properties?.[r]) issues.push({ pointer: `${pointer}/required/${i}`, code: 'unknown-field', message: `required field "${r}" is not declared in properties` });
    });
    for (const key of Object.keys((schema['x-enumLabels'] as Record<string, unknown> | undefined) ?? {})) {
      if (!schema.enum?.map(String).includes(key)) issues.push({ pointer: `${pointer}/x-enumLabels/${key}`, code: 'unknown-enum-value', message: `label for "${key}", which is not in enum` });
    }
    for (const [name, child] of Object.entries(schema.properties ?? {})) walk(child, `${pointer}/properties/${name}`);
    if (schema.items) walk(schema.items, `${pointer}/items`);
  };
  walk(form as FieldSchema, '');
  try {
    compileForm(form);
  } catch (e) {
    issues.push({ pointer: '', code: 'form-schema', message: (e as Error).message });
  }
  return issues;
}

/** Two forms of one workflow that declare the same field must agree on its type. */
function checkFieldConflicts(mainForm: string, bundle: PluginBundle, fields: Map<string, FieldSchema>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [formName, form] of Object.entries(bundle.forms)) {
    if (formName === mainForm) continue;
    for (const [path, schema] of fieldPaths(form)) {
      const first = fields.get(path);
      if (first && hasFieldPath(fields, path) && first.type !== schema.type) {
        issues.push({ pointer: `/form`, code: 'field-type-conflict', message: `field "${path}" is ${first.type} in one form and ${schema.type} in ${formName}` });
      }
    }
  }
  return issues;
}

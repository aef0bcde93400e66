/**
 * Everything a request needs from configuration, compiled once per (config version, project):
 * ajv validators for every form, compiled rules and guards, compiled templates, the calendar and
 * role graph. Requests never re-read or re-compile configuration.
 */
import Handlebars from 'handlebars';
import type { ValidateFunction } from 'ajv';
import type { WorkflowDeclaration } from '../../schemas/generated/workflow.js';
import type { FormDeclaration } from '../../schemas/generated/form.js';
import type { PluginBundle } from '../declarations/plugin-bundle.js';
import { fieldPaths, type FieldSchema } from '../declarations/form-fields.js';
import { workflowFormNames } from '../declarations/check-workflow.js';
import type { CompiledRule } from '../rules/index.js';
import { WorkingCalendar, type CalendarSettings } from '../calendar/index.js';
import type { HelperDelegate } from 'handlebars';
import type { FormRules } from './form-rules.js';
import { cachedFormRules, cachedRule, cachedTemplate, formValidator } from './compile-cache.js';
import { resolveOptionsFrom } from './options-from.js';
import type { EffectiveConfig, RoleInfo } from './effective-config.js';
import type { ReportTarget } from '../reports/targets.js';
import { NotFoundError } from '../errors.js';
import { documentHelpers, pickText } from '../documents/helpers.js';
import { printPage } from '../documents/print-page.js';
import { companyDocumentLanguage, type DocumentLanguage } from '../documents/document-language.js';

export interface CompiledCaseType {
  pluginId: string;
  caseType: string;
  workflow: WorkflowDeclaration;
  bundle: PluginBundle;
  forms: Map<string, FormDeclaration>;
  validators: Map<string, ValidateFunction>;
  /** the UI declaration's computed / visibleIf / requiredIf rules, per form, enforced on the server */
  formRules: Map<string, FormRules>;
  /** named rules of the plugin */
  rules: Map<string, CompiledRule>;
  /** guards, branch conditions, effect values and documents' availableIf, keyed by their pointer in the workflow */
  logic: Map<string, CompiledRule>;
  templates: Map<string, Handlebars.TemplateDelegate>;
  /** label and enum labels of every field of the workflow's forms */
  fields: Map<string, FieldSchema>;
  settings: Record<string, unknown>;
}

export interface CompiledConfig {
  versionId: number;
  projectCode: string | null;
  roles: Map<string, RoleInfo>;
  calendar: WorkingCalendar;
  /** the settings the calendar was built from (time zone, the company's extra holidays and working days) */
  calendarSettings: CalendarSettings;
  caseTypes: Map<string, CompiledCaseType>;
  /** each enabled plugin's effective settings (its config defaults with the company's and project's patches) */
  pluginSettings: Map<string, Record<string, unknown>>;
  /** the enabled plugins' effective bundles, by id */
  bundles: Map<string, PluginBundle>;
  /** the monthly report's targets (core/reports/targets.ts) */
  reportTargets: ReportTarget[];
  /**
   * Renders one of a plugin's own documents (manifest `documents`) with the effective template —
   * compiled once per configuration, output escaped — inside the print page.
   */
  renderPluginDocument(pluginId: string, name: string, context: Record<string, unknown>): string;
  /** the language the company's documents print in (core/documents/document-language.ts) */
  documentLanguage: DocumentLanguage;
  /** the roles a staff member acts as: their own plus the roles merged into them */
  actingRoles(staffRoles: readonly string[]): Set<string>;
  /** the next role up for escalation */
  reportsTo(role: string | null | undefined): string | undefined;
  handlebars: typeof Handlebars;
}

/** the plugins' document helpers (ExtensionRegistry.templateHelpers), named here to keep config below extensions */
type TemplateHelpers = ReadonlyMap<string, HelperDelegate>;

/**
 * One handlebars environment per set of helpers, shared by every compiled configuration, so a
 * template compiled for one version serves the next (compile-cache.ts keys templates by source).
 */
const environments = new WeakMap<TemplateHelpers, { names: string; hb: typeof Handlebars }>();

function templateEnvironment(helpers: TemplateHelpers): typeof Handlebars {
  const names = [...helpers.keys()].join(',');
  const known = environments.get(helpers);
  if (known && known.names === names) return known.hb;
  const hb = Handlebars.create();
  for (const [name, helper] of helpers) hb.registerHelper(name, helper);
  environments.set(helpers, { names, hb });
  return hb;
}

/**
 * Compiles a configuration. Validators, rules, layouts' rules and templates come from the
 * content-hash cache (compile-cache.ts): a version that changes one form compiles one form.
 */
export function compileConfig(versionId: number, projectCode: string | null, effective: EffectiveConfig, extensions: { templateHelpers: TemplateHelpers }): CompiledConfig {
  const hb = templateEnvironment(extensions.templateHelpers);

  const caseTypes = new Map<string, CompiledCaseType>();
  for (const bundle of effective.bundles) {
    const rules = new Map<string, CompiledRule>();
    for (const [name, r] of Object.entries(bundle.rules)) rules.set(name, cachedRule(r.logic));
    for (const [caseType, workflow] of Object.entries(bundle.workflows)) {
      const forms = new Map<string, FormDeclaration>();
      const validators = new Map<string, ValidateFunction>();
      const formRules = new Map<string, FormRules>();
      const uiByForm = new Map(Object.values(bundle.ui).map((u) => [u.form, u]));
      const settings = effective.pluginSettings.get(bundle.id) ?? {};
      for (const name of workflowFormNames(workflow)) {
        const form = resolveOptionsFrom(bundle.forms[name]!, settings);
        forms.set(name, form);
        validators.set(name, formValidator(form));
        formRules.set(name, cachedFormRules(uiByForm.get(name)));
      }
      const logic = new Map<string, CompiledRule>();
      for (const [tid, t] of Object.entries(workflow.transitions)) {
        if (t.guard !== undefined) logic.set(`transitions/${tid}/guard`, cachedRule(t.guard));
        (t.branches ?? []).forEach((b, i) => logic.set(`transitions/${tid}/branches/${i}`, cachedRule(b.when)));
        (t.effects ?? []).forEach((e, i) => {
          if (e.value !== undefined) logic.set(`transitions/${tid}/effects/${i}`, cachedRule(e.value));
          if (e.when !== undefined) logic.set(`transitions/${tid}/effects/${i}/when`, cachedRule(e.when));
        });
      }
      const templates = new Map<string, Handlebars.TemplateDelegate>();
      for (const [docId, doc] of Object.entries(workflow.documents ?? {})) {
        if (doc.availableIf !== undefined) logic.set(`documents/${docId}/availableIf`, cachedRule(doc.availableIf));
        templates.set(doc.template, cachedTemplate(hb, bundle.templates[doc.template]!));
      }
      const fields = new Map<string, FieldSchema>();
      for (const form of forms.values()) for (const [p, s] of fieldPaths(form)) if (!fields.has(p)) fields.set(p, s);
      caseTypes.set(caseType, {
        pluginId: bundle.id,
        caseType,
        workflow,
        bundle,
        forms,
        validators,
        formRules,
        rules,
        logic,
        templates,
        fields,
        settings: effective.pluginSettings.get(bundle.id) ?? {},
      });
    }
  }

  const mergedFrom = new Map<string, string[]>();
  for (const role of effective.roles.values()) {
    if (role.mergedInto) mergedFrom.set(role.mergedInto, [...(mergedFrom.get(role.mergedInto) ?? []), role.id]);
  }
  const bundles = new Map(effective.bundles.map((b) => [b.id, b]));
  return {
    versionId,
    projectCode,
    pluginSettings: effective.pluginSettings,
    bundles,
    reportTargets: effective.reportTargets,
    documentLanguage: companyDocumentLanguage(),
    renderPluginDocument(pluginId, name, context) {
      const language = companyDocumentLanguage();
      const bundle = bundles.get(pluginId);
      const declared = bundle?.manifest.documents?.[name];
      const source = bundle?.templates[name];
      if (!bundle || !declared || source === undefined) throw new NotFoundError(`document ${pluginId}/${name}`);
      const template = cachedTemplate(hb, source);
      const title = pickText(declared.title, language);
      const helpers = documentHelpers({ timezone: effective.calendar.timezone, language }, () => undefined);
      const body = template({ ...context, document: { title, ...(context.document as object | undefined), language } }, { helpers, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      return printPage(typeof (context.document as { title?: unknown } | undefined)?.title === 'string' ? String((context.document as { title: string }).title) : title, language, body);
    },
    roles: effective.roles,
    calendar: new WorkingCalendar(effective.calendar),
    calendarSettings: effective.calendar,
    caseTypes,
    handlebars: hb,
    actingRoles(staffRoles) {
      const acting = new Set<string>();
      const add = (r: string) => {
        if (acting.has(r)) return;
        acting.add(r);
        for (const m of mergedFrom.get(r) ?? []) add(m);
        // a role built on others (夜班值班员 "with the front desk's rights") acts as them too
        for (const base of effective.roles.get(r)?.extends ?? []) add(base);
      };
      staffRoles.forEach(add);
      return acting;
    },
    reportsTo(role) {
      return role ? reportsToOf(effective.roles, role) : undefined;
    },
  };
}

/**
 * The next role up: the role's own reportsTo, else the first one a role it extends reports to (a
 * night-duty role built on the front desk escalates where the front desk does).
 */
function reportsToOf(roles: Map<string, RoleInfo>, role: string, seen = new Set<string>()): string | undefined {
  const info = roles.get(role);
  if (!info || seen.has(role)) return undefined;
  seen.add(role);
  if (info.reportsTo) return info.reportsTo;
  for (const base of info.extends) {
    const up = reportsToOf(roles, base, seen);
    if (up) return up;
  }
  return undefined;
}

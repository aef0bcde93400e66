/**
 * Validates a proposed configuration document before it can become a version: its own shape,
 * then every patched plugin declaration exactly as the loader validates files, for the company
 * and for each project it mentions. Issues point into the document (e.g.
 * /plugins/complaints/workflows/complaint/deadlines/resolve/duration/amount).
 */
import type { FieldIssue } from '../errors.js';
import { joinPointer } from '../errors.js';
import { validateDeclaration } from '../declarations/meta-validator.js';
import { validateBundle, type BundleIssue } from '../declarations/validate-bundle.js';
import type { PluginBundle } from '../declarations/plugin-bundle.js';
import { WorkingCalendar } from '../calendar/index.js';
import { resolveEffectiveConfig, type ConfigDocument, type RoleInfo } from './effective-config.js';
import { checkTemplateMarkup } from '../documents/template-markup.js';
import { cachedBundleCheck, formValidator } from './compile-cache.js';
import { checkReportTargets } from '../reports/targets.js';
import { checkCompanyMessages } from '../notifications/notify-effect-check.js';
import { caseTypeOfBundle, checkCompanyCaseTypes, checkCompanyConversionTargets, checkCompanyMessageIds, locateCompanyIssue } from './company-case-types.js';
import { isCompanyBundle } from '../declarations/reserved-names.js';

export interface ConfigCheckContext {
  base: PluginBundle[];
  effectTypes: ReadonlySet<string>;
  templateHelpers: ReadonlySet<string>;
  /** the company's project codes; per-project sections must name one of them */
  projectCodes: ReadonlySet<string>;
}

export function validateConfigDocument(doc: unknown, ctx: ConfigCheckContext): FieldIssue[] {
  const shape = validateDeclaration('config', doc);
  if (shape.length) return shape;
  const document = doc as ConfigDocument;
  const issues: FieldIssue[] = [];
  const baseIds = new Set(ctx.base.map((b) => b.id));

  const scopes: { code: string | null; prefix: string }[] = [{ code: null, prefix: '' }];
  for (const code of Object.keys(document.projects ?? {})) {
    if (!ctx.projectCodes.has(code)) issues.push({ pointer: joinPointer('projects', code), code: 'unknown-project', message: `no project with code "${code}"` });
    else scopes.push({ code, prefix: joinPointer('projects', code) });
  }
  issues.push(...findPatterns(document));
  issues.push(...checkTemplateMarkup(document));
  issues.push(...checkCompanyCaseTypes(document, new Set(ctx.base.flatMap((b) => Object.keys(b.workflows)))));
  for (const scope of scopes) {
    const plugins = scope.code ? document.projects?.[scope.code]?.plugins : document.plugins;
    for (const id of Object.keys(plugins ?? {})) {
      if (!baseIds.has(id)) issues.push({ pointer: `${scope.prefix}${joinPointer('plugins', id)}`, code: 'unknown-plugin', message: `no plugin "${id}" is installed` });
    }
    const calendar = scope.code ? document.projects?.[scope.code]?.calendar : document.calendar;
    if (calendar?.timezone) {
      try {
        new WorkingCalendar({ timezone: calendar.timezone });
      } catch (e) {
        issues.push({ pointer: `${scope.prefix}/calendar/timezone`, code: 'invalid-timezone', message: (e as Error).message });
      }
    }
    const effective = resolveEffectiveConfig(ctx.base, document, scope.code);
    const enabledIds = new Set(effective.bundles.map((b) => b.id));
    issues.push(...checkRoles(effective.roles));
    // the monthly report's targets (company-wide): their roles and case types exist
    if (!scope.code) issues.push(...checkReportTargets(document.reports, new Set(effective.roles.keys()), new Set(effective.bundles.flatMap((b) => Object.keys(b.workflows)))));
    // the company's message templates read only what they are rendered with (core/notifications/notify-effect-check.ts)
    if (!scope.code) issues.push(...checkCompanyMessages(document.notifications?.templates, effective.bundles));
    const bundleCtx = { roles: new Set(effective.roles.keys()), effectTypes: ctx.effectTypes, templateHelpers: ctx.templateHelpers, pluginIds: enabledIds, compileSchema: formValidator };
    // a plugin the draft leaves alone (in the same context) is not validated again: see compile-cache.ts
    const contextKey = [bundleCtx.roles, bundleCtx.effectTypes, bundleCtx.templateHelpers, bundleCtx.pluginIds].map((set) => [...set].sort());
    for (const bundle of effective.bundles) {
      for (const issue of cachedBundleCheck(bundle, contextKey, () => validateBundle(bundle, bundleCtx))) {
        issues.push(isCompanyBundle(bundle.id) ? locateCompanyIssue(issue, caseTypeOfBundle(bundle)) : locate(issue, bundle.id, document, scope));
      }
    }
    // the company's own types' conversions name case types and fields in force company-wide (the loader checks
    // plugins'); a project that turns the target's plugin off just does not offer the conversion there
    if (!scope.code) issues.push(...checkCompanyConversionTargets(effective.bundles), ...checkCompanyMessageIds(effective.bundles));
  }
  // the same problem found at company level and again in each project is reported once
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.pointer}|${i.code}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Regular expressions run on every submission, and a badly written one can take the shared server
 * down (catastrophic backtracking): company configuration may bound fields with maxLength, enum and
 * format, not with pattern. Plugin files, reviewed code, may still use pattern.
 */
function findPatterns(document: ConfigDocument): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const walk = (value: unknown, pointer: string) => {
    if (!value || typeof value !== 'object') return;
    for (const [k, v] of Object.entries(value)) {
      const p = pointer + joinPointer(k);
      if (k === 'pattern' && /\/forms\//.test(pointer) && v !== null) {
        issues.push({ pointer: p, code: 'pattern-not-allowed', message: 'company configuration may not set regular expressions: use maxLength, enum or a format (phone, email, date…)' });
      } else walk(v, p);
    }
  };
  walk(document, '');
  return issues;
}

/** roles one role may build on: more is a sign of a role that should be split, and bounds the checks */
const MAX_EXTENDS = 10;

function checkRoles(roles: Map<string, RoleInfo>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const role of roles.values()) {
    for (const key of ['reportsTo', 'mergedInto'] as const) {
      const ref = role[key];
      if (ref && !roles.has(ref)) issues.push({ pointer: joinPointer('roles', role.id, key), code: 'unknown-role', message: `unknown role "${ref}"` });
    }
    // reportsTo must end at a top role, never loop (escalation would never stop). A loop is
    // reported once per role in it, not on the roles that merely report into it.
    const trail: string[] = [role.id];
    let next = role.reportsTo;
    while (next && !trail.includes(next)) {
      trail.push(next);
      next = roles.get(next)?.reportsTo;
    }
    if (next && next === role.id) {
      issues.push({ pointer: joinPointer('roles', role.id, 'reportsTo'), code: 'role-cycle', message: `reportsTo loops: ${[...trail, next].join(' -> ')}` });
    }
    if (role.extends.length > MAX_EXTENDS) issues.push({ pointer: joinPointer('roles', role.id, 'extends'), code: 'maxItems', message: `a role may build on at most ${MAX_EXTENDS} roles`, params: { limit: MAX_EXTENDS } });
    role.extends.forEach((base, i) => {
      if (!roles.has(base)) issues.push({ pointer: joinPointer('roles', role.id, 'extends', String(i)), code: 'unknown-role', message: `unknown role "${base}"`, params: { role: base } });
    });
    const loop = extendsLoop(roles, role.id);
    if (loop) issues.push({ pointer: joinPointer('roles', role.id, 'extends'), code: 'role-cycle', message: `extends loops: ${loop.join(' -> ')}`, params: { path: loop.join(' → ') } });
  }
  return issues;
}

/** Map an issue inside a patched bundle back to the place in the document that caused it. */
function locate(issue: BundleIssue, pluginId: string, doc: ConfigDocument, scope: { code: string | null; prefix: string }): FieldIssue {
  const projectPatch = scope.code ? doc.projects?.[scope.code]?.plugins?.[pluginId] : undefined;
  const companyPatch = doc.plugins?.[pluginId];
  if (issue.section === 'manifest') {
    const inConfig = issue.pointer.startsWith('/config/defaults');
    const tail = inConfig ? issue.pointer.slice('/config/defaults'.length) : '';
    const where = projectPatch?.config ? scope.prefix : '';
    return { pointer: `${where}${joinPointer('plugins', pluginId, 'config')}${tail}`, code: issue.code, message: issue.message };
  }
  const section = issue.section;
  const touchedByProject = section !== 'templates' ? projectPatch?.[section]?.[issue.name] !== undefined : projectPatch?.templates?.[issue.name] !== undefined;
  const touchedByCompany = section !== 'templates' ? companyPatch?.[section]?.[issue.name] !== undefined : companyPatch?.templates?.[issue.name] !== undefined;
  const prefix = touchedByProject ? scope.prefix : '';
  const base = `${prefix}${joinPointer('plugins', pluginId, section, issue.name)}`;
  const message = touchedByProject || touchedByCompany ? issue.message : `${issue.message} (in the plugin's own ${section} "${issue.name}")`;
  return { pointer: base + issue.pointer, code: issue.code, message };
}

/** The path by which a role ends up extending itself, or null (a role may build on others, never on itself). */
function extendsLoop(roles: Map<string, RoleInfo>, start: string): string[] | null {
  const visited = new Set<string>();
  const walk = (role: string, path: string[]): string[] | null => {
    for (const base of roles.get(role)?.extends ?? []) {
      if (base === start) return [...path, base];
      if (visited.has(base)) continue;
      visited.add(base);
      const found = walk(base, [...path, base]);
      if (found) return found;
    }
    return null;
  };
  return walk(start, [start]);
}

/**
 * Writes a company's own case type (configuration `caseTypes`, company-case-types.ts) out as the
 * files of a plugin folder, so a developer can take it over: plugin.json, <caseType>.workflow.json,
 * one *.form.json and *.ui.json per form and layout, <id>.rules.json, templates/*.hbs and a README.
 * The type leaves the company's namespace (xKeyLoan → case type keyLoan in plugin key-loan); the
 * roles it names that no installed plugin declares (the company's own) go into plugin.json, and
 * the plugins whose roles or effects it uses become its dependencies, so the folder loads and
 * passes the declaration checks beside them.
 */
import type { CompanyCaseType } from '../../schemas/generated/config.js';
import type { PluginBundle } from '../declarations/plugin-bundle.js';
import type { RoleInfo } from './effective-config.js';
import type { WorkflowDeclaration } from '../../schemas/generated/workflow.js';

export interface ExportedPlugin {
  pluginId: string;
  caseType: string;
  /** path inside the plugin folder → file content */
  files: Map<string, string>;
}

import { pluginCaseType, pluginIdFor } from '../declarations/reserved-names.js';

/** Every role a workflow names: who creates, takes transitions, gets states and escalations, follows up. */
function rolesNamed(wf: WorkflowDeclaration): Set<string> {
  const roles = new Set<string>(wf.createRoles);
  if (wf.initialAssignRole) roles.add(wf.initialAssignRole);
  for (const s of Object.values(wf.states)) if (s.assignRole) roles.add(s.assignRole);
  for (const t of Object.values(wf.transitions)) {
    t.roles.forEach((r) => roles.add(r));
    for (const e of t.effects ?? []) if (e.role) roles.add(e.role);
  }
  for (const d of Object.values(wf.deadlines ?? {})) if (d.escalateTo) roles.add(d.escalateTo);
  for (const r of wf.followUp?.roles ?? []) roles.add(r);
  for (const list of Object.values(wf.followUp?.rolesBySeverity ?? {})) list.forEach((r) => roles.add(r));
  return roles;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function exportCompanyType(companyCaseType: string, def: CompanyCaseType, ctx: {
  /** the installed plugins (their roles and effects decide dependsOn) */
  plugins: PluginBundle[];
  /** the company's roles in force (titles and reportsTo of its own roles) */
  roles: Map<string, RoleInfo>;
  companyName: string;
  configVersion: number;
}): ExportedPlugin {
  const caseType = pluginCaseType(companyCaseType);
  const pluginId = pluginIdFor(caseType);
  const source = def.workflow as WorkflowDeclaration;
  const workflow = { $schema: '../../schemas/workflow.schema.json', ...source, caseType };

  const declaredBy = new Map<string, string>();
  for (const p of ctx.plugins) for (const id of Object.keys(p.manifest.roles ?? {})) if (!declaredBy.has(id)) declaredBy.set(id, p.id);
  const dependsOn = new Set<string>();
  const ownRoles: Record<string, { title: RoleInfo['title']; reportsTo?: string }> = {};
  const named = rolesNamed(source);
  // a role of the company's own reports to another: that one must exist in the plugin world too
  for (const role of named) {
    const owner = declaredBy.get(role);
    if (owner) dependsOn.add(owner);
    else {
      const info = ctx.roles.get(role);
      ownRoles[role] = { title: info?.title ?? { 'zh-CN': role }, ...(info?.reportsTo ? { reportsTo: info.reportsTo } : {}) };
      if (info?.reportsTo && !named.has(info.reportsTo) && declaredBy.has(info.reportsTo)) dependsOn.add(declaredBy.get(info.reportsTo)!);
    }
  }
  const pluginIds = new Set(ctx.plugins.map((p) => p.id));
  for (const t of Object.values(source.transitions)) {
    for (const e of t.effects ?? []) {
      const owner = e.type.includes('.') ? e.type.slice(0, e.type.indexOf('.')) : null;
      if (owner && pluginIds.has(owner)) dependsOn.add(owner);
    }
  }

  const files = new Map<string, string>();
  files.set('plugin.json', json({
    $schema: '../../schemas/plugin.schema.json',
    id: pluginId,
    version: '0.1.0',
    title: source.title,
    description: { 'zh-CN': `由${ctx.companyName}在配置中自建的流程（${companyCaseType}，配置版本 ${ctx.configVersion}）导出。` },
    ...(dependsOn.size ? { dependsOn: [...dependsOn].sort() } : {}),
    ...(Object.keys(ownRoles).length ? { roles: ownRoles } : {}),
    ...(def.messages && Object.keys(def.messages).length ? { messages: def.messages } : {}),
  }));
  files.set(`${caseType}.workflow.json`, json(workflow));
  // forms carry no $schema: it would be read as part of the form's JSON Schema
  for (const [name, form] of Object.entries(def.forms)) files.set(`${name}.form.json`, json(form));
  for (const [name, ui] of Object.entries(def.ui ?? {})) files.set(`${name}.ui.json`, json({ $schema: '../../schemas/ui.schema.json', ...ui }));
  if (Object.keys(def.rules ?? {}).length) files.set(`${pluginId}.rules.json`, json({ $schema: '../../schemas/rules.schema.json', rules: def.rules }));
  for (const [name, source] of Object.entries(def.templates ?? {})) files.set(`templates/${name}.hbs`, source.endsWith('\n') ? source : `${source}\n`);
  files.set('README.md', readme({ pluginId, caseType, companyCaseType, title: source.title['zh-CN'], companyName: ctx.companyName, configVersion: ctx.configVersion, dependsOn: [...dependsOn].sort(), ownRoles: Object.keys(ownRoles) }));
  return { pluginId, caseType, files };
}

function readme(p: { pluginId: string; caseType: string; companyCaseType: string; title: string; companyName: string; configVersion: number; dependsOn: string[]; ownRoles: string[] }): string {
  return `# ${p.title} (${p.pluginId})

Exported with \`npm run wuye -- plugin:from-config\` from ${p.companyName}'s configuration version ${p.configVersion},
where the company built it as its own case type \`${p.companyCaseType}\`. Here the case type is \`${p.caseType}\`
(its routes: \`/api/cases/${p.caseType}\`); cases the company opened as \`${p.companyCaseType}\` stay with that type.

- \`${p.caseType}.workflow.json\`: states, transitions (roles, forms, guards, effects), deadlines, follow-up, documents
- \`*.form.json\` / \`*.ui.json\`: the forms and their layouts
- \`templates/*.hbs\`: print templates (output escaped)
${p.dependsOn.length ? `- depends on ${p.dependsOn.join(', ')} (their roles or effects are used)\n` : ''}${p.ownRoles.length ? `- declares the company's own roles it uses: ${p.ownRoles.join(', ')}\n` : ''}
Next steps for a developer: run \`npm run generate\` (typed forms under generated/), add tests beside the
plugin, and add code (index.ts with \`definePlugin\`) only where a declaration cannot say it. Once the
plugin is installed the company may remove \`caseTypes.${p.companyCaseType}\` from its configuration.
`;
}

/**
 * A plugin's declarations as plain data. Company and project configuration patch a copy of this
 * (JSON Merge Patch), and the patched copy is validated exactly like the files on disk.
 */
import type { PluginDeclaration } from '../../schemas/generated/plugin.js';
import type { FormDeclaration } from '../../schemas/generated/form.js';
import type { UiDeclaration } from '../../schemas/generated/ui.js';
import type { WorkflowDeclaration } from '../../schemas/generated/workflow.js';
import type { RulesDeclaration } from '../../schemas/generated/rules.js';

export type RuleEntry = RulesDeclaration['rules'][string];

export interface PluginBundle {
  id: string;
  manifest: PluginDeclaration;
  /** keyed by file stem: complaint.form.json -> 'complaint' */
  forms: Record<string, FormDeclaration>;
  ui: Record<string, UiDeclaration>;
  /** keyed by case type (the file stem must equal the caseType) */
  workflows: Record<string, WorkflowDeclaration>;
  /** all rules of the plugin's *.rules.json files, by rule name */
  rules: Record<string, RuleEntry>;
  /** templates/<name>.hbs source, by name */
  templates: Record<string, string>;
}

/** Which file a part of a bundle came from, for error messages that name the file. */
export type BundleSection = 'manifest' | 'forms' | 'ui' | 'workflows' | 'rules' | 'templates';

export interface Located {
  section: BundleSection;
  /** form/workflow/rule/template name; '' for the manifest */
  name: string;
}

/** The file a located declaration lives in, relative to the plugin folder. */
export function fileOf(loc: Located, ruleFiles?: Record<string, string>): string {
  switch (loc.section) {
    case 'manifest': return 'plugin.json';
    case 'forms': return `${loc.name}.form.json`;
    case 'ui': return `${loc.name}.ui.json`;
    case 'workflows': return `${loc.name}.workflow.json`;
    case 'rules': return ruleFiles?.[loc.name] ?? 'rules.json';
    case 'templates': return `templates/${loc.name}.hbs`;
  }
}

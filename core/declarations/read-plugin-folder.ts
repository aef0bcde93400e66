/**
 * Reads one plugin folder into a bundle. Unreadable or malformed JSON becomes a coded issue that
 * names the file, so a broken plugin is reported rather than crashing the loader.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FieldIssue } from '../errors.js';
import type { PluginBundle, RuleEntry } from './plugin-bundle.js';

export interface ReadResult {
  bundle: PluginBundle;
  /** rule name -> file it was declared in */
  ruleFiles: Record<string, string>;
  /** absolute path of index.ts/index.js when the plugin has code */
  entry?: string;
  issues: FieldIssue[];
}

const SUFFIXES = { forms: '.form.json', ui: '.ui.json', workflows: '.workflow.json', rules: '.rules.json' } as const;

export async function readPluginFolder(dir: string, displayDir: string): Promise<ReadResult> {
  const id = path.basename(dir);
  const issues: FieldIssue[] = [];
  const readJson = async (file: string): Promise<unknown> => {
    try {
      return JSON.parse(await readFile(path.join(dir, file), 'utf8'));
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      issues.push({
        file: `${displayDir}/${file}`,
        pointer: '',
        code: err.code === 'ENOENT' ? 'missing-file' : 'malformed-json',
        message: err.code === 'ENOENT' ? 'file is missing' : err.message,
      });
      return undefined;
    }
  };

  const bundle: PluginBundle = {
    id,
    manifest: ((await readJson('plugin.json')) ?? {}) as PluginBundle['manifest'],
    forms: {},
    ui: {},
    workflows: {},
    rules: {},
    templates: {},
  };
  const ruleFiles: Record<string, string> = {};
  const files = (await readdir(dir)).sort();
  for (const file of files) {
    for (const [section, suffix] of Object.entries(SUFFIXES) as [keyof typeof SUFFIXES, string][]) {
      if (!file.endsWith(suffix)) continue;
      const value = await readJson(file);
      if (value === undefined) continue;
      const stem = file.slice(0, -suffix.length);
      if (section === 'rules') {
        const rules = value && typeof value === 'object' ? (value as { rules?: Record<string, RuleEntry> }).rules : undefined;
        if (!rules || typeof rules !== 'object' || Array.isArray(rules)) {
          issues.push({ file: `${displayDir}/${file}`, pointer: '/rules', code: 'schema-required', message: 'must have a "rules" object' });
          continue;
        }
        for (const [name, rule] of Object.entries(rules)) {
          if (ruleFiles[name]) {
            issues.push({ file: `${displayDir}/${file}`, pointer: `/rules/${name}`, code: 'duplicate-rule', message: `rule "${name}" is also declared in ${ruleFiles[name]}` });
            continue;
          }
          bundle.rules[name] = rule;
          ruleFiles[name] = file;
        }
      } else {
        (bundle[section] as Record<string, unknown>)[stem] = value;
      }
    }
  }
  const templatesDir = path.join(dir, 'templates');
  const templateFiles = await readdir(templatesDir).catch(() => [] as string[]);
  for (const file of templateFiles.filter((f) => f.endsWith('.hbs')).sort()) {
    bundle.templates[file.slice(0, -4)] = await readFile(path.join(templatesDir, file), 'utf8');
  }
  const entry = files.includes('index.ts') ? path.join(dir, 'index.ts') : files.includes('index.js') ? path.join(dir, 'index.js') : undefined;
  return { bundle, ruleFiles, entry, issues };
}

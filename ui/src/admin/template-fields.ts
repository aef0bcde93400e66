/**
 * What the print-template editor offers for insertion: the case's own items (编号, 状态, 管理处…),
 * each field of the case type's forms by its title, and when each step was taken — each as the
 * handlebars snippet that prints it the way paper wants it (a choice by its label, a date as a
 * date, money with ¥). Only `{{ }}` (escaped) is ever produced; the server refuses `{{{ }}}`.
 */
import type { FieldSchema, FormDeclaration, Text, WorkflowDeclaration } from './admin-types.js';
import { sampleValue } from './sample-data.js';
import { workflowFormNames } from '../../../core/declarations/workflow-form-names.js';

export interface Insertable {
  /** what the admin reads in the list */
  label: Text;
  snippet: string;
  group: 'case' | 'field' | 'step';
}

const zh = (text: string, en: string): Text => ({ 'zh-CN': text, en });

/** The case's own items, always in the document context (core/documents/render-document.ts). */
const CASE_ITEMS: Insertable[] = [
  { label: zh('编号', 'Serial'), snippet: '{{case.serial}}', group: 'case' },
  { label: zh('事项类型', 'Case type'), snippet: '{{case.caseTypeTitle}}', group: 'case' },
  { label: zh('状态', 'State'), snippet: '{{case.stateTitle}}', group: 'case' },
  { label: zh('登记时间', 'Registered'), snippet: '{{formatDateTime case.createdAt}}', group: 'case' },
  { label: zh('登记人', 'Registered by'), snippet: '{{case.registeredByName}}', group: 'case' },
  { label: zh('处理人', 'Assignee'), snippet: '{{case.assigneeName}}', group: 'case' },
  { label: zh('公司', 'Company'), snippet: '{{company.name}}', group: 'case' },
  { label: zh('管理处', 'Project'), snippet: '{{project.name}}', group: 'case' },
  { label: zh('楼栋', 'Building'), snippet: '{{building.name}}', group: 'case' },
  { label: zh('房号', 'Unit'), snippet: '{{unit.number}}', group: 'case' },
  { label: zh('住户', 'Resident'), snippet: '{{person.name}}', group: 'case' },
  { label: zh('单据名称', 'Document title'), snippet: '{{document.title}}', group: 'case' },
  { label: zh('打印日期', 'Printed on'), snippet: '{{formatDate now}}', group: 'case' },
];

/** The snippet that prints one field; undefined for what paper cannot show as text (photos, signatures, groups). */
export function fieldSnippet(key: string, f: FieldSchema): string | undefined {
  const path = `data.${key}`;
  // a house, resident or staff field holds a record id: the paper shows its name (1栋 101, 张伟)
  if (f['x-ref'] === 'unit' || f['x-ref'] === 'person' || f['x-ref'] === 'staff') return `{{names.${key}}}`;
  if (f.type === 'boolean') return `{{#if ${path}}}是{{else}}否{{/if}}`;
  if (Array.isArray(f.enum)) return `{{enumLabel "${key}" ${path}}}`;
  if (f.type === 'array') {
    const items = f.items as FieldSchema | undefined;
    if (items && Array.isArray(items.enum)) return `{{#each ${path}}}{{enumLabel "${key}" this}} {{/each}}`;
    return undefined;
  }
  if (f.type === 'object') return undefined;
  switch (f.format) {
    case 'date': return `{{formatDate ${path}}}`;
    case 'date-time': return `{{formatDateTime ${path}}}`;
    case 'money': return `{{money ${path}}}`;
    case 'attachment':
    case 'signature': return undefined;
    default: return `{{${path}}}`;
  }
}

/**
 * The forms a case of this type fills: its registration form, each step's and the follow-up's —
 * the server's own list (workflowFormNames), so what is offered is what the template check accepts.
 */
export function caseForms(workflow: WorkflowDeclaration, forms: Record<string, FormDeclaration | undefined>): FormDeclaration[] {
  return workflowFormNames(workflow).map((n) => forms[n]).filter((f): f is FormDeclaration => !!f);
}

/** Each field of the case's forms once (the first form that has it), with what a template inserts for it. */
export function printableFields(workflow: WorkflowDeclaration, forms: Record<string, FormDeclaration | undefined>): { key: string; field: FormDeclaration['properties'][string]; snippet: string }[] {
  const out: { key: string; field: FormDeclaration['properties'][string]; snippet: string }[] = [];
  const seen = new Set<string>();
  for (const form of caseForms(workflow, forms)) {
    for (const [key, field] of Object.entries(form.properties)) {
      if (seen.has(key)) continue;
      seen.add(key);
      const snippet = fieldSnippet(key, field);
      if (snippet) out.push({ key, field, snippet });
    }
  }
  return out;
}

export function insertables(workflow: WorkflowDeclaration, forms: Record<string, FormDeclaration | undefined>): Insertable[] {
  const out = [...CASE_ITEMS];
  for (const { key, field, snippet } of printableFields(workflow, forms)) out.push({ label: field['x-label'] ?? { 'zh-CN': key }, snippet, group: 'field' });
  for (const [id, t] of Object.entries(workflow.transitions)) {
    if (t.system) continue;
    out.push({ label: { 'zh-CN': `「${t.title['zh-CN']}」时间`, en: `${t.title.en ?? t.title['zh-CN']}: when` }, snippet: `{{formatDateTime steps.${id}.at}}`, group: 'step' });
    out.push({ label: { 'zh-CN': `「${t.title['zh-CN']}」经办人`, en: `${t.title.en ?? t.title['zh-CN']}: by` }, snippet: `{{steps.${id}.actorName}}`, group: 'step' });
  }
  return out;
}

/** The source with the snippet put in place of the selection, and where the caret goes after it. */
export function insertSnippet(source: string, start: number, end: number, snippet: string): { source: string; caret: number } {
  const a = Math.max(0, Math.min(start, source.length));
  const b = Math.max(a, Math.min(end, source.length));
  return { source: source.slice(0, a) + snippet + source.slice(b), caret: a + snippet.length };
}

/** Sample data for the preview: every field of the case's forms with a plausible value. */
export function previewData(workflow: WorkflowDeclaration, forms: Record<string, FormDeclaration | undefined>, at: Date): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const form of caseForms(workflow, forms)) {
    for (const [key, f] of Object.entries(form.properties)) {
      if (key in data) continue;
      const v = sampleValue(f, at);
      if (v !== undefined) data[key] = v;
    }
  }
  return data;
}

/**
 * 打印模板's documents as the admin manages them: add one (a generated id and template name, a
 * starter page listing the case's fields by their titles), rename it, say in which states it may
 * be printed, remove it. "Printable in these states" is written as the document's `availableIf`
 * over `case.state` (schemas/workflow.schema.json: the case page offers the document and the print
 * route renders it only while the condition holds) with an `unavailableMessage` in words. A
 * condition of another shape (written by a plugin) is left alone and shown as such.
 */
import type { FormDeclaration, Text, WorkflowDeclaration } from './admin-types.js';
import { freshDocument } from './generated-ids.js';
import { printableFields } from './template-fields.js';

type DocumentDecl = NonNullable<WorkflowDeclaration['documents']>[string];

/** The states of a `{ in: [{ var: 'case.state' }, [...]] }` condition; [] without one; null for any other condition. */
export function printableStates(doc: object): string[] | null {
  const rule = (doc as { availableIf?: unknown }).availableIf;
  if (rule === undefined) return [];
  const args = (rule as { in?: unknown }).in;
  if (!Array.isArray(args) || args.length !== 2) return null;
  const [v, list] = args as [unknown, unknown];
  if ((v as { var?: unknown })?.var !== 'case.state' || !Array.isArray(list) || !list.every((s) => typeof s === 'string')) return null;
  return list as string[];
}

const unavailable = (title: string): Text => ({ 'zh-CN': `本案件当前状态不能打印《${title}》` });

/** The document printable only in `states` (none: in every state). */
export function withStates(doc: DocumentDecl, states: string[]): DocumentDecl {
  const next = { ...doc } as DocumentDecl & Record<string, unknown>;
  delete next.availableIf;
  delete next.unavailableMessage;
  if (states.length) {
    next.availableIf = { in: [{ var: 'case.state' }, [...states]] } as never;
    next.unavailableMessage = unavailable(doc.title['zh-CN']);
  }
  return next;
}

/** The document under another title (an English title of the old name would name another paper: dropped). */
export function renamed(doc: DocumentDecl, title: string): DocumentDecl {
  const next = { ...doc, title: { 'zh-CN': title } } as DocumentDecl;
  const states = printableStates(doc);
  return states && states.length ? withStates(next, states) : next;
}

/** A starter page: the document's title, the case's serial and each printable field by its title. */
export function starterTemplate(workflow: WorkflowDeclaration, forms: Record<string, FormDeclaration | undefined>): string {
  const rows: string[] = [];
  for (const { field, snippet } of printableFields(workflow, forms)) {
    const label = field['x-label']?.['zh-CN'];
    if (label) rows.push(`    <tr><th>${escapeText(label)}</th><td>${snippet}</td></tr>`);
  }
  return [
    '<h1>{{document.title}}</h1>',
    '<p>编号：{{case.serial}}　登记时间：{{formatDateTime case.createdAt}}</p>',
    '<table>',
    ...rows,
    '</table>',
    '<p>经办人：{{case.registeredByName}}　打印日期：{{formatDate now}}</p>',
    '',
  ].join('\n');
}

/** A title typed by the admin, as template text (the template is HTML). */
function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The workflow with a new document, and the template it prints (ids generated, unique in the type). */
export function addDocument(
  workflow: WorkflowDeclaration, forms: Record<string, FormDeclaration | undefined>, templateNames: Iterable<string>, title: string, states: string[],
): { workflow: WorkflowDeclaration; id: string; template: string; source: string } {
  const { id, template } = freshDocument(Object.keys(workflow.documents ?? {}), templateNames);
  const doc = withStates({ title: { 'zh-CN': title }, template }, states);
  return { workflow: { ...workflow, documents: { ...(workflow.documents ?? {}), [id]: doc } }, id, template, source: starterTemplate(workflow, forms) };
}

/** The workflow without the document, and whether its template is now unused (to be removed with it). */
export function removeDocument(workflow: WorkflowDeclaration, id: string): { workflow: WorkflowDeclaration; templateUnused: boolean } {
  const docs = { ...(workflow.documents ?? {}) };
  const template = docs[id]?.template;
  delete docs[id];
  const next = { ...workflow } as WorkflowDeclaration;
  if (Object.keys(docs).length) next.documents = docs;
  else delete next.documents;
  return { workflow: next, templateUnused: !!template && !Object.values(docs).some((d) => d.template === template) };
}

/** What is wrong with a document title (a message key), or '' when it is fine. */
export function checkDocumentTitle(title: string, workflow: WorkflowDeclaration, except?: string): string {
  const t = title.trim();
  if (!t) return 'pd_titleRequired';
  if (Object.entries(workflow.documents ?? {}).some(([id, d]) => id !== except && d.title['zh-CN'] === t)) return 'pd_titleTaken';
  return '';
}

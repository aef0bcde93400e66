/** 打印模板's documents: added with generated ids and a starter page, printable in chosen states, renamed, removed. */
import { describe, expect, it } from 'vitest';
import type { FormDeclaration, WorkflowDeclaration } from './admin-types.js';
import { addDocument, checkDocumentTitle, printableStates, removeDocument, renamed, starterTemplate, withStates } from './print-documents.js';

const form = {
  type: 'object', properties: {
    borrower: { type: 'string', 'x-label': { 'zh-CN': '借用人' } },
    photo: { type: 'string', format: 'attachment', 'x-label': { 'zh-CN': '照片' } },
    note: { type: 'string', 'x-label': { 'zh-CN': '<说明>' } },
  },
} as unknown as FormDeclaration;
const workflow = {
  caseType: 'xType1', title: { 'zh-CN': '钥匙借用' }, form: 'register', initialState: 'open',
  states: { open: { title: { 'zh-CN': '办理中' } }, done: { title: { 'zh-CN': '已完成' }, final: true } },
  transitions: { finish: { title: { 'zh-CN': '办结' }, from: ['open'], to: 'done', roles: ['frontDesk'] } },
} as unknown as WorkflowDeclaration;

describe('printed documents of a type', () => {
  it('adds a document with generated ids and a starter page of the fields by title, escaped', () => {
    const added = addDocument(workflow, { register: form }, ['doc-1'], '钥匙借用单', ['open']);
    expect(added.id).toBe('doc2');
    expect(added.template).toBe('doc-2');
    expect(added.workflow.documents?.doc2).toEqual({
      title: { 'zh-CN': '钥匙借用单' }, template: 'doc-2',
      availableIf: { in: [{ var: 'case.state' }, ['open']] }, unavailableMessage: { 'zh-CN': '本案件当前状态不能打印《钥匙借用单》' },
    });
    expect(added.source).toContain('<tr><th>借用人</th><td>{{data.borrower}}</td></tr>');
    expect(added.source).toContain('<th>&lt;说明&gt;</th>');
    expect(added.source).not.toContain('photo');
    expect(starterTemplate(workflow, {})).toContain('{{case.serial}}');
  });

  it('reads and writes the states a document may be printed in; another condition is left alone', () => {
    const doc = { title: { 'zh-CN': '单' }, template: 't' };
    expect(printableStates(doc)).toEqual([]);
    expect(printableStates(withStates(doc, ['open', 'done']))).toEqual(['open', 'done']);
    expect(withStates(withStates(doc, ['open']), [])).toEqual(doc);
    expect(printableStates({ availableIf: { '==': [{ var: 'data.kind' }, 'hot'] } } as never)).toBeNull();
  });

  it('renames (the refusal message follows) and refuses an empty or repeated title', () => {
    const doc = withStates({ title: { 'zh-CN': '旧单', en: 'Old' }, template: 't' }, ['open']);
    expect(renamed(doc, '新单')).toMatchObject({ title: { 'zh-CN': '新单' }, unavailableMessage: { 'zh-CN': '本案件当前状态不能打印《新单》' } });
    const wf = addDocument(workflow, {}, [], '借用单', []).workflow;
    expect(checkDocumentTitle(' ', wf)).toBe('pd_titleRequired');
    expect(checkDocumentTitle('借用单', wf)).toBe('pd_titleTaken');
    expect(checkDocumentTitle('借用单', wf, 'doc1')).toBe('');
  });

  it('removes a document and says when its template is no longer used', () => {
    const one = addDocument(workflow, {}, [], '借用单', []).workflow;
    const { workflow: none, templateUnused } = removeDocument(one, 'doc1');
    expect(none.documents).toBeUndefined();
    expect(templateUnused).toBe(true);
    const shared = { ...one, documents: { a: { title: { 'zh-CN': 'A' }, template: 'x' }, b: { title: { 'zh-CN': 'B' }, template: 'x' } } } as WorkflowDeclaration;
    expect(removeDocument(shared, 'a').templateUnused).toBe(false);
  });
});

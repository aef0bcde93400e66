import { describe, expect, it } from 'vitest';
import { fieldSnippet, insertables, insertSnippet, previewData } from './template-fields.js';
import type { FormDeclaration, WorkflowDeclaration } from './admin-types.js';
import { withKind } from './field-kinds.js';

const label = (zh: string) => ({ 'x-label': { 'zh-CN': zh } });
const form: FormDeclaration = {
  type: 'object', 'x-label': { 'zh-CN': '登记表' }, additionalProperties: false,
  properties: {
    borrower: { type: 'string', maxLength: 50, ...label('借用人') },
    keyKind: withKind(label('钥匙类型') as never, 'enum'),
    dueAt: withKind(label('归还时间') as never, 'date-time'),
    deposit: withKind(label('押金') as never, 'money'),
    photo: withKind(label('照片') as never, 'photo'),
    keyUnit: withKind(label('所属房屋') as never, 'unit'),
    handledBy: withKind(label('经办员工') as never, 'staff'),
  },
} as FormDeclaration;
const workflow = {
  caseType: 'keyLoan', title: { 'zh-CN': '钥匙借用' }, form: 'lend', initialState: 'lent',
  states: { lent: { title: { 'zh-CN': '借出' } }, returned: { title: { 'zh-CN': '已归还' }, final: true } },
  transitions: { giveBack: { title: { 'zh-CN': '归还' }, from: ['lent'], to: 'returned', roles: ['frontdesk'] } },
} as unknown as WorkflowDeclaration;

describe('the print-template editor', () => {
  it('offers each field by its title as an escaped snippet that prints it as paper wants it', () => {
    const items = insertables(workflow, { lend: form });
    const fields = items.filter((i) => i.group === 'field').map((i) => [i.label['zh-CN'], i.snippet]);
    expect(fields).toEqual([
      ['借用人', '{{data.borrower}}'],
      ['钥匙类型', '{{enumLabel "keyKind" data.keyKind}}'],
      ['归还时间', '{{formatDateTime data.dueAt}}'],
      ['押金', '{{money data.deposit}}'],
      // a record id never goes on paper: the house's and the staff member's names do
      ['所属房屋', '{{names.keyUnit}}'],
      ['经办员工', '{{names.handledBy}}'],
    ]);
    expect(items.some((i) => i.snippet === '{{formatDateTime steps.giveBack.at}}' && i.label['zh-CN'] === '「归还」时间')).toBe(true);
    expect(items.every((i) => !i.snippet.includes('{{{'))).toBe(true);
    expect(fieldSnippet('photo', form.properties.photo!)).toBeUndefined();
  });

  it("lists the follow-up form's fields too, like the server's template check", () => {
    const visit = { type: 'object', properties: { satisfied: { type: 'boolean', ...label('是否满意') } } } as unknown as FormDeclaration;
    const withFollowUp = { ...workflow, followUp: { form: 'visit', method: 'phone', roles: ['frontdesk'] } } as unknown as WorkflowDeclaration;
    const fields = insertables(withFollowUp, { lend: form, visit }).filter((i) => i.group === 'field').map((i) => i.label['zh-CN']);
    expect(fields).toContain('是否满意');
    expect(previewData(withFollowUp, { lend: form, visit }, new Date('2026-12-01T02:00:00Z'))).toHaveProperty('satisfied');
  });

  it('puts a snippet in place of the selection and moves the caret after it', () => {
    expect(insertSnippet('借用人：。', 4, 4, '{{data.borrower}}')).toEqual({ source: '借用人：{{data.borrower}}。', caret: 21 });
    expect(insertSnippet('abcXYZ', 3, 6, '{{x}}')).toEqual({ source: 'abc{{x}}', caret: 8 });
    expect(insertSnippet('ab', 9, 9, '!')).toEqual({ source: 'ab!', caret: 3 });
  });

  it('fills the preview with a sample of every printable field', () => {
    const data = previewData(workflow, { lend: form }, new Date('2026-12-01T02:00:00Z'));
    expect(data).toMatchObject({ borrower: '示例内容', keyKind: 'option1', dueAt: '2026-12-01T02:00:00.000Z', deposit: '100.00' });
    expect(data).not.toHaveProperty('photo');
  });
});

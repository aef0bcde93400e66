import { describe, expect, it } from 'vitest';
import { appendRowEffect, assignEffect, defaultRow, effectWords, setEffect, sourceChoice, sourceFromChoice, workflowFields } from './declared-steps.js';
import type { FormDeclaration } from './admin-types.js';

const label = (zh: string) => ({ 'x-label': { 'zh-CN': zh } });
const forms = [{
  type: 'object', additionalProperties: false,
  properties: {
    borrower: { type: 'string', ...label('借用人') },
    purpose: { type: 'string', enum: ['repair'], 'x-enumLabels': { repair: { 'zh-CN': '维修' } }, ...label('事由') },
    visits: {
      type: 'array', ...label('拜访记录'),
      items: { type: 'object', additionalProperties: false, properties: { borrower: { type: 'string', ...label('客户') }, at: { type: 'string', format: 'date-time', ...label('时间') }, note: { type: 'string', ...label('备注') } } },
    },
  },
}, { type: 'object', properties: { borrower: { type: 'number' } } }] as unknown as FormDeclaration[];

const lookups = (f = workflowFields(forms)) => ({ ...f, role: (r: string) => (r === 'supervisor' ? '主管' : r), stamp: (s: string) => `[${s}]`, separator: '、' });

describe('declared steps of a transition', () => {
  it('splits the forms into fields and lists with their columns (first declaration wins)', () => {
    const { fields, lists } = workflowFields(forms);
    expect(fields.map((f) => f.key)).toEqual(['borrower', 'purpose']);
    expect(fields[0]!.schema.type).toBe('string');
    expect(lists).toHaveLength(1);
    expect(lists[0]!.columns.map((c) => c.label)).toEqual(['客户', '时间', '备注']);
  });

  it('guesses a new row: same-named field, the time for a date-time column, nothing else', () => {
    const { fields, lists } = workflowFields(forms);
    expect(defaultRow(lists[0]!, fields)).toEqual({ borrower: 'borrower', at: { stamp: 'at' } });
  });

  it('round-trips a row source through its select value', () => {
    for (const s of ['borrower', { stamp: 'staffId' as const }]) expect(sourceFromChoice(sourceChoice(s))).toEqual(s);
    expect(sourceFromChoice('')).toBeUndefined();
    expect(sourceFromChoice('stamp:evil')).toBeUndefined();
  });

  it('says each effect in words, never as JSON', () => {
    const l = lookups();
    expect(effectWords(appendRowEffect('visits', { borrower: 'borrower', at: { stamp: 'at' } }), l))
      .toEqual({ key: 'eff_appendRow', params: { list: '拜访记录', cols: '客户←借用人、时间←[at]' } });
    expect(effectWords(setEffect('purpose', 'repair', true), l)).toEqual({ key: 'eff_set', params: { field: '事由', value: '维修' } });
    expect(setEffect('purpose', 'repair', false)).toEqual({ type: 'set', field: 'purpose', value: 'repair' });
    expect(effectWords(assignEffect('supervisor'), l)).toEqual({ key: 'eff_assign', params: { role: '主管' } });
    expect(effectWords({ type: 'set', field: 'purpose', value: { var: 'data.x' } } as never, l).key).toBe('eff_setComputed');
    expect(effectWords({ type: 'renovation.stop' } as never, l)).toEqual({ key: 'eff_plugin', params: { name: 'renovation.stop' } });
  });
});

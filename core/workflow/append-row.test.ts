import { describe, expect, it } from 'vitest';
import { RuleRefusedError } from '../errors.js';
import { WorkingCalendar } from '../calendar/index.js';
import type { EffectInput } from '../plugin-types.js';
import { appendRow, checkAppendRow } from './append-row.js';

function input(params: Record<string, unknown>, data: Record<string, unknown>, actor: EffectInput['actor'] = { staffId: 7, roles: ['clerk', 'boss'], role: 'clerk' }): EffectInput {
  return {
    pluginId: 'p', caseType: 't', caseId: 1, serial: 'T-1', companyId: 1, projectId: 1, unitId: null, configVersionId: 1, state: 's', data, actor, params,
    // 23:30 UTC is already the next day in Shanghai
    now: new Date('2026-12-07T23:30:00Z'), calendar: new WorkingCalendar(), settingsOf: () => undefined,
    openCase: () => { throw new Error('no'); }, setUnitStatus: async () => undefined, em: undefined as never,
  };
}

describe('appendRow', () => {
  it('appends a row of fields, constants and stamps (date on the company calendar) and clears copied fields', () => {
    const data: Record<string, unknown> = { note: '巡查', rows: [{ n: 1 }] };
    appendRow(input({ field: 'rows', row: { n: { stamp: 'number' }, note: 'note', missing: 'absent', kind: { value: 'visit' }, at: { stamp: 'at' }, date: { stamp: 'date' }, by: { stamp: 'staffId' }, as: { stamp: 'role' } }, clear: ['note'] }, data));
    expect(data).toEqual({ rows: [{ n: 1 }, { n: 2, note: '巡查', missing: null, kind: 'visit', at: '2026-12-07T23:30:00.000Z', date: '2026-12-08', by: 7, as: 'clerk' }] });
  });

  it('stamps no staff member and no role for the platform', () => {
    const data: Record<string, unknown> = {};
    appendRow(input({ field: 'rows', row: { by: { stamp: 'staffId' }, as: { stamp: 'role' } } }, data, { staffId: 0, roles: [] }));
    expect(data.rows).toEqual([{ by: null, as: null }]);
  });

  it('refuses a duplicate of the unique columns (duplicate-row, with the declared words) and a row past maxRows', () => {
    const data = { d: '2026-12-01', rows: [{ d: '2026-12-01' }] };
    const dup = () => appendRow(input({ field: 'rows', row: { d: 'd' }, unique: ['d'], uniqueMessage: { 'zh-CN': '已记录' } }, data));
    expect(dup).toThrow(RuleRefusedError);
    expect(dup).toThrow('已记录');
    try { dup(); } catch (e) { expect((e as RuleRefusedError).issues[0]).toMatchObject({ code: 'duplicate-row', pointer: '/data/rows', params: { 'zh-CN': '已记录' } }); }
    const full = () => appendRow(input({ field: 'rows', row: { d: { value: 'x' } }, maxRows: 1 }, data));
    expect(full).toThrow(/1 rows/);
    expect(data.rows).toHaveLength(1);
  });
});

describe('checkAppendRow', () => {
  const fields = new Map<string, Record<string, unknown>>([
    ['note', { type: 'string' }],
    ['rows', { type: 'array', items: { type: 'object', properties: { d: { type: 'string' }, by: { type: 'integer' } }, additionalProperties: false } }],
    ['loose', { type: 'array', items: { type: 'object' } }],
  ]);
  const codes = (params: unknown) => checkAppendRow(params, fields, '/transitions/t/effects/0').map((i) => `${i.code}@${i.pointer}`);

  it('accepts a list, known fields and columns', () => {
    expect(codes({ field: 'rows', row: { d: 'note', by: { stamp: 'staffId' } }, unique: ['d'], clear: ['note'] })).toEqual([]);
    expect(codes({ field: 'loose', row: { anything: { value: 1 } } })).toEqual([]);
  });

  it('refuses an unknown list, a field that is not a list, unknown fields and columns', () => {
    expect(codes({ field: 'nope', row: { d: 'note' } })).toEqual(['unknown-field@/transitions/t/effects/0/params/field']);
    expect(codes({ field: 'note', row: { d: 'note' } })).toEqual(['not-a-list@/transitions/t/effects/0/params/field']);
    expect(codes({ field: 'rows', row: { x: 'note', d: 'gone' }, unique: ['y'], clear: ['gone'] })).toEqual([
      'unknown-column@/transitions/t/effects/0/params/row/x', 'unknown-field@/transitions/t/effects/0/params/row/d',
      'unknown-column@/transitions/t/effects/0/params/unique/0', 'unknown-field@/transitions/t/effects/0/params/clear/0',
    ]);
    expect(codes(undefined)).toEqual(['required@/transitions/t/effects/0/params']);
  });
});

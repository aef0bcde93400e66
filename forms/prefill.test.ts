import { describe, expect, it } from 'vitest';
import { formModel } from './form-model.js';
import { applyDefaults, applyPrefills } from './prefill.js';
import type { FormDeclaration, UiDeclaration } from './types.js';

const schema = {
  type: 'object',
  'x-label': { 'zh-CN': '登记' },
  properties: {
    channel: { type: 'string', enum: ['phone', 'visit'], default: 'phone', 'x-label': { 'zh-CN': '方式' } },
    name: { type: 'string', maxLength: 50, 'x-label': { 'zh-CN': '姓名' } },
    phone: { type: 'string', format: 'phone', maxLength: 32, 'x-label': { 'zh-CN': '电话' } },
    area: { type: 'number', 'x-label': { 'zh-CN': '面积' } },
    at: { type: 'string', format: 'date-time', 'x-label': { 'zh-CN': '时间' } },
    on: { type: 'string', format: 'date', 'x-label': { 'zh-CN': '日期' } },
    by: { type: 'string', maxLength: 100, 'x-label': { 'zh-CN': '处理人' } },
  },
  additionalProperties: false,
} as unknown as FormDeclaration;
const ui = {
  form: 'x',
  sections: [{ id: 's', title: { 'zh-CN': 's' }, fields: ['channel', 'name', 'phone', 'area', 'at', 'on', 'by'] }],
  fields: { name: { prefill: 'person.name' }, phone: { prefill: 'person.phone' }, area: { prefill: 'unit.area' }, at: { prefill: 'now' }, on: { prefill: 'today' }, by: { prefill: 'actor.name' } },
} as unknown as UiDeclaration;
const model = formModel(schema, ui);
const openedAt = new Date('2026-11-02T01:05:30Z'); // 09:05 in Shanghai

describe('defaults and prefills', () => {
  it('fills a new form from the schema defaults, the picked resident and room, the staff member and the time it opened', () => {
    const data: Record<string, unknown> = {};
    expect(applyDefaults(model, data)).toBe(true);
    const filled = new Map<string, string>();
    const context = { actor: { name: '前台 林小红' }, unit: { label: '1栋 101', area: '89.50' }, person: { name: '张伟', phone: '13800000001' } };
    expect(applyPrefills(model, data, filled, () => false, { context, openedAt, timeZone: 'Asia/Shanghai' })).toBe(true);
    expect(data).toEqual({ channel: 'phone', name: '张伟', phone: '13800000001', area: 89.5, at: '2026-11-02T09:05:00+08:00', on: '2026-11-02', by: '前台 林小红' });
  });

  it('follows another resident where it filled in, never over what the person typed or what the host gave', () => {
    const data: Record<string, unknown> = { area: 120 };
    const filled = new Map<string, string>();
    const inputs = (person: Record<string, unknown> | null) => ({ context: { person, unit: { area: '89.50' } }, openedAt, timeZone: 'Asia/Shanghai' });
    applyPrefills(model, data, filled, () => false, inputs({ name: '张伟', phone: '13800000001' }));
    expect(data).toMatchObject({ name: '张伟', phone: '13800000001', area: 120 });
    data.phone = '13911112222'; // typed over
    const edited = (path: string) => path === 'phone';
    applyPrefills(model, data, filled, edited, inputs({ name: '王芳', phone: '13800000002' }));
    expect(data).toMatchObject({ name: '王芳', phone: '13911112222', area: 120 });
    applyPrefills(model, data, filled, edited, inputs(null));
    expect(data.name).toBeUndefined();
    expect(data.phone).toBe('13911112222');
  });

  it('leaves a value that does not fit the field empty (too long, not a number)', () => {
    const data: Record<string, unknown> = {};
    applyPrefills(model, data, new Map(), () => false, { context: { person: { name: '名'.repeat(51) }, unit: { area: 'n/a' } }, openedAt, timeZone: 'Asia/Shanghai' });
    expect(data.name).toBeUndefined();
    expect(data.area).toBeUndefined();
  });
});
